"""Treaty words for templates: {{ action.kind|action_kind }} ("accession" -> "adhésion" in French);
an instrument's table of States drawn in Python: {{ rows|state_rows_html:as_of_query }}."""

from django import template

from ..engine import kind_label
from ..table_html import state_rows_html

register = template.Library()


@register.filter
def action_kind(kind: str) -> str:
    return kind_label(kind or "")


register.filter("state_rows_html", state_rows_html)
