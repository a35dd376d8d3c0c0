"""Country data words for templates: {{ region|region_label }} ("Africa" -> "Afrique" in French);
a value the table does not know stays as it is."""

from django import template

from ..datafiles import REGION_LABELS

register = template.Library()


@register.filter
def region_label(region: str) -> str:
    return str(REGION_LABELS.get(region, region))
