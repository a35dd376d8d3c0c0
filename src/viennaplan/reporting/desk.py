"""The signed-in home ("Your work") as rules over plain data: which cycles are on the desk, how
long a deadline is away or past, how long a report has waited for review, the reviewer's queue
(oldest first), the Secretariat's cycle board (counts per status, late reports, States due a
reminder, validated reports awaiting publication) and a focal point's next step.

Plain Python, no database: `views/desk.py` reads the rows and hands them in. Whether a question
is answered and whether a reminder is due are `completion`'s rules (the one definition).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .completion import due_reminder
from .workflow import DRAFT, PUBLISHED, RETURNED, STATUS_LABELS, SUBMITTED, VALIDATED, is_late

NOT_STARTED = "not_started"  # a State without a report in the cycle (no row)
BOARD_STATUSES: tuple[str, ...] = (NOT_STARTED, DRAFT, SUBMITTED, RETURNED, VALIDATED, PUBLISHED)
BOARD_LABELS: dict[str, str] = {NOT_STARTED: gettext_lazy("Not started"), **STATUS_LABELS}
RECENT = timedelta(days=180)  # a cycle closed at most this long ago stays on the desk

# A focal point's next step, by the report's status (and whether every question is answered).
START, CONTINUE, SUBMIT, FIX, AWAIT_REVIEW, AWAIT_PUBLICATION, DONE = (
    "start",
    "continue",
    "submit",
    "fix",
    "await_review",
    "await_publication",
    "published",
)


def status_key(status: str | None) -> str:
    """The board's name of a report's status: NOT_STARTED for a State without a report."""
    return status or NOT_STARTED


def status_label(status: str | None) -> str:
    return BOARD_LABELS[status_key(status)]


def days_since(moment: date, today: date) -> int:
    """Whole days from `moment` (a date) to `today`; never negative."""
    return max((today - moment).days, 0)


@dataclass(frozen=True)
class Deadline:
    closes: date
    days: int  # days left (>= 0) or late (< 0)

    @property
    def passed(self) -> bool:
        return self.days < 0

    @property
    def words(self) -> str:
        if self.days == 0:
            return _("due today")
        if self.days > 0:
            return ngettext("%(days)s day left", "%(days)s days left", self.days) % {"days": self.days}
        return ngettext("%(days)s day late", "%(days)s days late", -self.days) % {"days": -self.days}


def deadline(closes: date, today: date) -> Deadline:
    return Deadline(closes, (closes - today).days)


def waiting_words(days: int) -> str:
    """How long a report has waited: "waiting 9 days", "waiting 1 day", "waiting since today"."""
    if days <= 0:
        return _("waiting since today")
    return ngettext("waiting %(days)s day", "waiting %(days)s days", days) % {"days": days}


@dataclass(frozen=True)
class CycleDates:
    pk: int
    name: str
    opens: date
    closes: date


def desk_cycles(cycles: Iterable[CycleDates], today: date, recent: timedelta = RECENT) -> list[CycleDates]:
    """The cycles on the desk: open, upcoming, or closed at most `recent` ago; when none is,
    the latest cycle (so that the desk never hides the last round). Latest opening first."""
    ordered = sorted(cycles, key=lambda c: (c.opens, c.pk), reverse=True)
    current = [c for c in ordered if c.closes >= today - recent]
    return current or ordered[:1]


@dataclass(frozen=True)
class Waiting:
    """A report awaiting review, in the queue."""

    cycle_id: int
    cycle_name: str
    alpha3: str
    state_name: str
    submitted_on: date
    days: int
    answered: int
    total: int
    url: str = ""  # the report's page

    @property
    def words(self) -> str:
        return waiting_words(self.days)


def queue(rows: Iterable[Waiting]) -> list[Waiting]:
    """The reviewer's queue: oldest submission first (then by State name, then cycle)."""
    return sorted(rows, key=lambda w: (w.submitted_on, w.state_name, w.cycle_id))


@dataclass(frozen=True)
class StateReport:
    """One State's report in a cycle as the board reads it (status None: not started)."""

    alpha3: str
    name: str
    status: str | None = None
    first_submitted_on: date | None = None
    validated_on: date | None = None


@dataclass
class Board:
    """The Secretariat's view of one cycle."""

    cycle: CycleDates
    deadline: Deadline
    counts: dict[str, int]  # BOARD_STATUSES -> number of States
    late: list[StateReport] = field(default_factory=list)  # not submitted, deadline passed
    submitted_late: list[StateReport] = field(default_factory=list)  # first submitted after the deadline
    reminders: list[StateReport] = field(default_factory=list)  # due a reminder (completion.due_reminder)
    to_publish: list[StateReport] = field(default_factory=list)  # validated, oldest validation first

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def late_names(self) -> list[str]:
        return [s.name for s in self.late]

    @property
    def to_publish_names(self) -> list[str]:
        return [s.name for s in self.to_publish]

    @property
    def reminders_by_status(self) -> list[tuple[str, list[str]]]:
        """(status label, State names) of the States due a reminder: not started, draft, returned."""
        groups: dict[str, list[str]] = {}
        for state in self.reminders:
            groups.setdefault(status_key(state.status), []).append(state.name)
        return [(BOARD_LABELS[s], groups[s]) for s in BOARD_STATUSES if s in groups]

    @property
    def count_rows(self) -> list[tuple[str, str, int]]:
        """(status, label, count) in workflow order, not started first."""
        return [(s, BOARD_LABELS[s], self.counts[s]) for s in BOARD_STATUSES]


def board(cycle: CycleDates, states: Sequence[StateReport], today: date) -> Board:
    """Counts per status over every State (one StateReport each, by name), late reports, the
    States due a reminder and the validated reports awaiting publication."""
    counts = dict.fromkeys(BOARD_STATUSES, 0)
    result = Board(cycle, deadline(cycle.closes, today), counts)
    for state in states:
        counts[status_key(state.status)] += 1
        if is_late(cycle.closes, today, state.first_submitted_on):
            (result.late if state.first_submitted_on is None else result.submitted_late).append(state)
        if due_reminder(state.status, cycle.closes, today):
            result.reminders.append(state)
        if state.status == VALIDATED:
            result.to_publish.append(state)
    result.to_publish.sort(key=lambda s: (s.validated_on or date.min, s.name))
    return result


def next_step(status: str | None, answered: int, total: int) -> str:
    """What the focal point does next with their report."""
    if status is None:
        return START
    if status == DRAFT:
        return SUBMIT if answered >= total else CONTINUE
    return {
        RETURNED: FIX,
        SUBMITTED: AWAIT_REVIEW,
        VALIDATED: AWAIT_PUBLICATION,
        PUBLISHED: DONE,
    }[status]
