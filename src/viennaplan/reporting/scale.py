"""The fixed scales of the reporting questionnaire, with their labels. Plain Python.

- `STATUS_SCALE`: how far a State has implemented a national action.
- `MEASURE_KINDS`: the kinds of measure an answer lists (law, policy, institution, other).
- `INTERNATIONAL_STATUSES`, `OUTPUT_KINDS`, `RESOURCES`: progress on an international action.

An empty status means "not answered yet" (a new answer that nothing was carried over to);
"no_information" is an answer: the State says it has none.
"""

from __future__ import annotations

STATUS_SCALE: dict[str, str] = {
    "implemented": "Implemented",
    "partially_implemented": "Partially implemented",
    "in_progress": "In progress",
    "not_started": "Not started",
    "not_applicable": "Not applicable",
    "no_information": "No information",
}

MEASURE_KINDS: dict[str, str] = {
    "law": "Law",
    "policy": "Policy",
    "institution": "Institution",
    "other": "Other",
}

INTERNATIONAL_STATUSES: dict[str, str] = {
    "completed": "Completed",
    "ongoing": "Ongoing",
    "planned": "Planned",
    "not_started": "Not started",
    "waiting_for_resources": "Waiting for resources",
}

OUTPUT_KINDS: dict[str, str] = {
    "seminar": "Seminar or workshop held",
    "database": "Database launched",
    "publication": "Publication",
    "tool": "Tool or manual",
    "other": "Other",
}

RESOURCES: dict[str, str] = {
    "secured": "Resources secured",
    "partially_secured": "Resources partially secured",
    "awaiting_voluntary_contributions": "Awaiting voluntary contributions",
    "not_needed": "No extra resources needed",
}


def status_label(status: str) -> str:
    """The label of an implementation status; "Not answered yet" for the empty status."""
    if not status:
        return "Not answered yet"
    return STATUS_SCALE[status]


def choices(scale: dict[str, str], *, blank: str | None = None) -> list[tuple[str, str]]:
    """Django-style choices of a scale, optionally led by ("", blank)."""
    items = list(scale.items())
    return [("", blank), *items] if blank is not None else items
