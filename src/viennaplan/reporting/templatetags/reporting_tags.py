"""Labels of the reporting scales for templates: {{ value|status_label }}, {{ kind|measure_kind }}.
(People are named by accounts_tags: {{ user|person }}.)"""

from django import template

from ..scale import INTERNATIONAL_STATUSES, MEASURE_KINDS, OUTPUT_KINDS, RESOURCES
from ..scale import status_label as _status_label

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    return _status_label(value or "")


@register.filter
def measure_kind(value: str) -> str:
    return MEASURE_KINDS.get(value, value)


@register.filter
def output_kind(value: str) -> str:
    return OUTPUT_KINDS.get(value, value)


@register.filter
def progress_status(value: str) -> str:
    return INTERNATIONAL_STATUSES.get(value, value)


@register.filter
def resources_label(value: str) -> str:
    return RESOURCES.get(value, value)


@register.filter
def plan_url(path: str) -> str:
    return f"/plan/{path}"
