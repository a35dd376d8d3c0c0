"""The fixed scales of the reporting questionnaire, with their labels. Plain Python (labels lazily
translated: `gettext_lazy`, the one Django import).

- `STATUS_SCALE`: how far a State has implemented a national action.
- `MEASURE_KINDS`: the kinds of measure an answer lists (law, policy, institution, other).
- `INTERNATIONAL_STATUSES`, `OUTPUT_KINDS`, `RESOURCES`: progress on an international action.

An empty status means "not answered yet" (a new answer that nothing was carried over to);
"no_information" is an answer: the State says it has none.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

STATUS_SCALE: dict[str, str] = {
    "implemented": gettext_lazy("Implemented"),
    "partially_implemented": gettext_lazy("Partially implemented"),
    "in_progress": gettext_lazy("In progress"),
    "not_started": gettext_lazy("Not started"),
    "not_applicable": gettext_lazy("Not applicable"),
    "no_information": gettext_lazy("No information"),
}

MEASURE_KINDS: dict[str, str] = {
    "law": gettext_lazy("Law"),
    "policy": gettext_lazy("Policy"),
    "institution": gettext_lazy("Institution"),
    "other": gettext_lazy("Other"),
}

INTERNATIONAL_STATUSES: dict[str, str] = {
    "completed": gettext_lazy("Completed"),
    "ongoing": gettext_lazy("Ongoing"),
    "planned": gettext_lazy("Planned"),
    "not_started": gettext_lazy("Not started"),
    "waiting_for_resources": gettext_lazy("Waiting for resources"),
}

OUTPUT_KINDS: dict[str, str] = {
    "seminar": gettext_lazy("Seminar or workshop held"),
    "database": gettext_lazy("Database launched"),
    "publication": gettext_lazy("Publication"),
    "tool": gettext_lazy("Tool or manual"),
    "other": gettext_lazy("Other"),
}

RESOURCES: dict[str, str] = {
    "secured": gettext_lazy("Resources secured"),
    "partially_secured": gettext_lazy("Resources partially secured"),
    "awaiting_voluntary_contributions": gettext_lazy("Awaiting voluntary contributions"),
    "not_needed": gettext_lazy("No extra resources needed"),
}


def status_label(status: str) -> str:
    """The label of an implementation status; "Not answered yet" for the empty status."""
    if not status:
        return _("Not answered yet")
    return STATUS_SCALE[status]


def choices(scale: dict[str, str], *, blank: str | None = None) -> list[tuple[str, str]]:
    """Django-style choices of a scale, optionally led by ("", blank)."""
    items = list(scale.items())
    return [("", blank), *items] if blank is not None else items
