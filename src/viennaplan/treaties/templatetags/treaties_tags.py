"""Treaty words for templates: {{ action.kind|action_kind }} ("accession" -> "adhésion" in French)."""

from django import template

from ..engine import kind_label

register = template.Library()


@register.filter
def action_kind(kind: str) -> str:
    return kind_label(kind or "")
