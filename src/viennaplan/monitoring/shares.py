"""How a set of answers divides over the statuses of the scale, and how far it is implemented.

Plain Python, no database. The statuses are the questionnaire's (`reporting.scale`: the scale
in its order, then "" for "not answered yet", a question left blank or with no answer row); the
labels are the scale's too (`scale.status_label`). Only the short codes of the legend are ours.

The implementation of a set of answers (shown as "progress" on the pages and in the API):

    implementation = (implemented + 0.5 x partially implemented) / (answers - not applicable)

"In progress", "not started", "no information" and "not answered yet" weigh 0; "not applicable"
is left out of the denominator (the action does not concern that State). With no applicable
answer the implementation is unknown (None), never 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import pgettext_lazy

from viennaplan.reporting.scale import STATUS_SCALE, status_label

UNANSWERED = ""
ANSWER_STATUSES: tuple[str, ...] = (*STATUS_SCALE, UNANSWERED)
STATUS_SHORT: dict[str, str] = {  # the statuses' abbreviations, beside the bars
    "implemented": pgettext_lazy("answer status, abbreviated", "I"),
    "partially_implemented": pgettext_lazy("answer status, abbreviated", "PI"),
    "in_progress": pgettext_lazy("answer status, abbreviated", "IP"),
    "not_started": pgettext_lazy("answer status, abbreviated", "NS"),
    "not_applicable": pgettext_lazy("answer status, abbreviated", "NA"),
    "no_information": pgettext_lazy("answer status, abbreviated", "NI"),
    UNANSWERED: "–",
}
WEIGHTS: dict[str, float] = {"implemented": 1.0, "partially_implemented": 0.5}
LEFT_OUT = "not_applicable"


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    short: str
    count: int
    percent: float  # 0-100
    offset: float  # where the segment starts in a 0-100 bar


@dataclass(frozen=True)
class Shares:
    """How many answers are in each status, out of `total` (missing answers are 'not answered')."""

    counts: dict[str, int]
    total: int

    def percent(self, status: str) -> float:
        return 100.0 * self.counts.get(status, 0) / self.total if self.total else 0.0

    @property
    def segments(self) -> list[Segment]:
        """The non-empty statuses in scale order, with their place in a stacked bar."""
        out, offset = [], 0.0
        for status in ANSWER_STATUSES:
            count = self.counts.get(status, 0)
            if count:
                pct = self.percent(status)
                out.append(Segment(status, status_label(status), str(STATUS_SHORT[status]), count, pct, offset))
                offset += pct
        return out

    @property
    def implementation(self) -> float | None:
        return implementation_of(self.counts)

    @property
    def implementation_text(self) -> str:
        return percent_text(self.implementation)


def shares_of(counts: Mapping[str, int], total: int | None = None) -> Shares:
    """Shares out of `total` (default: the sum of counts); what `counts` lacks is 'not answered'."""
    clean = {status: int(n) for status, n in counts.items() if n}
    unknown = sorted(set(clean) - set(ANSWER_STATUSES))
    if unknown:
        raise ValueError(f"statuses {', '.join(map(repr, unknown))} are not on the scale")
    given = sum(clean.values())
    total = given if total is None else total
    if given > total:
        raise ValueError(f"{given} answers counted but only {total} expected")
    if total > given:
        clean[UNANSWERED] = clean.get(UNANSWERED, 0) + total - given
    return Shares(clean, total)


def implementation_of(counts: Mapping[str, int]) -> float | None:
    """(implemented + 0.5 x partially implemented) / (answers - not applicable), 0 to 1; None if
    no answer applies."""
    applicable = sum(counts.values()) - counts.get(LEFT_OUT, 0)
    if applicable <= 0:
        return None
    return sum(weight * counts.get(status, 0) for status, weight in WEIGHTS.items()) / applicable


def add_counts(*many: Mapping[str, int]) -> dict[str, int]:
    total: dict[str, int] = {}
    for counts in many:
        for status, n in counts.items():
            total[status] = total.get(status, 0) + n
    return total


def whole_percent(percent: float) -> int:
    """A percentage rounded to a whole number, halves up (12.5 -> 13), as people round."""
    return math.floor(percent + 0.5)


def percent_text(value: float | None) -> str:
    """A share (0-1) as '42%' (halves up), or 'unknown' for None."""
    return "unknown" if value is None else f"{whole_percent(100 * value)}%"
