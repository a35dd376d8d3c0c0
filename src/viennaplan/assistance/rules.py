"""The rules of a request for technical assistance and of a project, in plain Python: the kinds of
help, urgency, the statuses of a project, the kinds of output, keys and currency codes.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy

LEGISLATIVE_DRAFTING = "legislative_drafting"
TRAINING = "training"
EQUIPMENT = "equipment"
EXPERT_ADVICE = "expert_advice"
OTHER = "other"
KIND_LABELS: dict[str, str] = {
    LEGISLATIVE_DRAFTING: gettext_lazy("Legislative drafting"),
    TRAINING: gettext_lazy("Training"),
    EQUIPMENT: gettext_lazy("Equipment"),
    EXPERT_ADVICE: gettext_lazy("Expert advice"),
    OTHER: gettext_lazy("Other"),
}

LOW, MEDIUM, HIGH = "low", "medium", "high"
URGENCY_LABELS: dict[str, str] = {
    LOW: gettext_lazy("Low"),
    MEDIUM: gettext_lazy("Medium"),
    HIGH: gettext_lazy("High"),
}

PLANNED, ACTIVE, COMPLETED = "planned", "active", "completed"
PROJECT_STATUS_LABELS: dict[str, str] = {
    PLANNED: gettext_lazy("Planned"),
    ACTIVE: gettext_lazy("Active"),
    COMPLETED: gettext_lazy("Completed"),
}

SEMINAR_HELD = "seminar_held"
LAW_DRAFTED = "law_drafted"
OFFICIALS_TRAINED = "officials_trained"
OUTPUT_KIND_LABELS: dict[str, str] = {
    SEMINAR_HELD: gettext_lazy("Seminar held"),
    LAW_DRAFTED: gettext_lazy("Law drafted"),
    OFFICIALS_TRAINED: gettext_lazy("Officials trained"),
    OTHER: gettext_lazy("Other"),
}

KEY_MAX = 40
KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
CURRENCY = re.compile(r"[A-Z]{3}")
CHAPTER = re.compile(r"[IVXLC]{1,5}")
PATH = re.compile(r"[1-9]\d{0,2}(/[a-z]{1,5}){0,2}")


def request_key(state: str, year: int, number: int) -> str:
    """The key of a State's `number`th request of `year`: TA-CHE-2003-001."""
    return f"TA-{state.upper()}-{year:04d}-{number:03d}"


def project_key(year: int, number: int) -> str:
    """The key of the `number`th project of `year`: PRJ-2003-001."""
    return f"PRJ-{year:04d}-{number:03d}"


def next_number(keys: list[str]) -> int:
    """One more than the largest number ending the given keys (1 when there are none)."""
    numbers = [int(key.rsplit("-", 1)[1]) for key in keys if key.rsplit("-", 1)[-1].isdigit()]
    return max(numbers, default=0) + 1


ARTICLE = re.compile(r"[1-9]\d{0,2}(\((?:[1-9]\d{0,2}|[a-z]{1,4})\))*")  # as knowledge.legislation: 5, 5(1), 5(1)(a)
