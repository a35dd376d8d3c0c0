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

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from viennaplan.dates import long_date

UPDATE_ADVICE = gettext_lazy("import the current list to update")


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
        if not self.listed_on:
            return ""
        return _("as listed by the depositary on %(day)s") % {"day": long_date(self.listed_on)}

    @property
    def beyond_list(self) -> bool:
        return self.listed_on is not None and self.as_of > self.listed_on

    @property
    def warning(self) -> str | None:
        """What a reader must be told when `as_of` is after the list; None otherwise."""
        if not self.beyond_list:
            return None
        given = {"day": long_date(self.listed_on), "advice": UPDATE_ADVICE, "n": self.later_actions}
        if self.later_actions:
            return (
                ngettext(
                    "Status as listed by the depositary on %(day)s; %(n)s later action from other depositary "
                    "documents is counted, but the figures after %(day)s are incomplete — %(advice)s.",
                    "Status as listed by the depositary on %(day)s; %(n)s later actions from other depositary "
                    "documents are counted, but the figures after %(day)s are incomplete — %(advice)s.",
                    self.later_actions,
                )
                % given
            )
        return _("Status as listed by the depositary on %(day)s; later actions are not included — %(advice)s.") % given


def as_listed(
    instrument: str, as_of: date, lists: dict[str, tuple[date, str]], later: list[date] | None = None
) -> AsListed:
    """`lists`: instrument -> (date, source) of its latest complete list; `later`: the dates of the
    instrument's actions on file (any order; only those after the list and up to `as_of` count)."""
    listed_on, source = lists.get(instrument, (None, ""))
    count = sum(1 for day in later or () if listed_on is not None and listed_on < day <= as_of)
    return AsListed(instrument, as_of, listed_on, source, count)
