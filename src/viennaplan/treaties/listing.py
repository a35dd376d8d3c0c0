"""As of which depositary list a status is, and what a reader must be told about it. Plain Python.

A status computed from stored actions is only as complete as the latest complete status list of
the depositary on file for the instrument (`DepositaryList`, complete=True): the status is "as
listed by the depositary on" that list's date. When the chosen as-of date is later, actions taken
after the list are missing, except the few recorded from partial sources (the shipped
`later-actions-partial.csv`), which the engine counts like any other action: the reader is warned
that the figures after the list's date are incomplete. Without any complete list on file (an
operator's own file imported without --complete) nothing is claimed and nothing is warned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from viennaplan.dates import long_date

UPDATE_ADVICE = "import the current list to update"


@dataclass(frozen=True)
class AsListed:
    """One instrument's status on `as_of` measured against its latest complete depositary list."""

    instrument: str
    as_of: date
    listed_on: date | None  # the latest complete list's date; None when no complete list is on file
    source: str = ""  # where that list was read
    later_actions: int = 0  # actions on file dated after `listed_on`, up to `as_of` (from partial sources)

    @property
    def sentence(self) -> str:
        """ "as listed by the depositary on 27 January 2014", or "" when no list is on file."""
        return f"as listed by the depositary on {long_date(self.listed_on)}" if self.listed_on else ""

    @property
    def beyond_list(self) -> bool:
        return self.listed_on is not None and self.as_of > self.listed_on

    @property
    def warning(self) -> str | None:
        """What a reader must be told when `as_of` is after the list; None otherwise."""
        if not self.beyond_list:
            return None
        listed = long_date(self.listed_on)
        text = f"Status as listed by the depositary on {listed}; later actions are not included — {UPDATE_ADVICE}."
        if self.later_actions:
            some = "1 later action" if self.later_actions == 1 else f"{self.later_actions} later actions"
            text = (
                f"Status as listed by the depositary on {listed}; {some} from other depositary documents "
                f"{'is' if self.later_actions == 1 else 'are'} counted, but the figures after {listed} are "
                f"incomplete — {UPDATE_ADVICE}."
            )
        return text


def as_listed(
    instrument: str, as_of: date, lists: dict[str, tuple[date, str]], later: list[date] | None = None
) -> AsListed:
    """`lists`: instrument -> (date, source) of its latest complete list; `later`: the dates of the
    instrument's actions on file (any order; only those after the list and up to `as_of` count)."""
    listed_on, source = lists.get(instrument, (None, ""))
    count = sum(1 for day in later or () if listed_on is not None and listed_on < day <= as_of)
    return AsListed(instrument, as_of, listed_on, source, count)
