"""Labels of the reporting scales for templates: {{ value|status_label }}, {{ kind|measure_kind }},
a report's {{ status|report_status }} and a workflow move's {{ name|move_label }};
plan links {{ path|plan_url }} and {{ path|paragraph_of }} ("57/k" -> "57").
(People are named by accounts_tags: {{ user|person }}.)"""

from collections.abc import Callable, Mapping

from django import template

from .. import workflow
from ..answer_data import FIELD_LABELS
from ..scale import INTERNATIONAL_STATUSES, MEASURE_KINDS, OUTPUT_KINDS, RESOURCES
from ..scale import status_label as _status_label

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    return _status_label(value or "")


def _label_of(scale: Mapping[str, str]) -> Callable[[str], str]:
    """A filter naming a value of `scale` by its label; a value not on the scale stays as it is."""
    return lambda value: scale.get(value, value)


register.filter("measure_kind", _label_of(MEASURE_KINDS))
register.filter("output_kind", _label_of(OUTPUT_KINDS))
register.filter("progress_status", _label_of(INTERNATIONAL_STATUSES))
register.filter("resources_label", _label_of(RESOURCES))
register.filter("field_label", _label_of(FIELD_LABELS))
register.filter("report_status", _label_of(workflow.STATUS_LABELS))
register.filter("move_label", _label_of({name: move.label for name, move in workflow.TRANSITIONS.items()}))


@register.filter
def plan_url(path: str) -> str:
    return f"/plan/{path}"


@register.filter
def paragraph_of(path: str) -> str:
    """The paragraph of a provision path: "57/k" -> "57"."""
    return str(path).split("/", 1)[0]
