"""How a deadline reads on a page: the phrase, its normalised date or period, its year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from viennaplan.dates import MONTH_NAMES as MONTHS
from viennaplan.dates import long_date

from ..models import Deadline


def date_range(first: date, last: date) -> str:
    """8–17 May 2001; 30 April – 2 May 2001; 1 January 2001 – 31 December 2005."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTHS[last.month - 1]} {last.year}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {long_date(last)}"
    return f"{long_date(first)} – {long_date(last)}"


@dataclass
class DatedCommitment:
    deadline: Deadline
    label: str  # "end of 2002", "2001–2005", "early 2002", "27 March 2001"
    iso: str  # the last day ("2002-12-31"), or "start/end" for a period; "" when undated
    year: int | None  # the year it falls due, for grouping

    @property
    def provision(self):
        return self.deadline.provision


def describe(deadline: Deadline) -> DatedCommitment:
    """ "by the end of 2002", "in 2001", "2001–2005", "early 2002", "by 17 May 2001" ..."""
    start, end, precision = deadline.start, deadline.end, deadline.precision
    last = end or start
    if last is None:
        return DatedCommitment(deadline, "undated", "", None)
    spans_years = start is not None and start.year != last.year
    if precision == "session":
        label = date_range(start, last) if start and start != last else f"by {long_date(last)}"
    elif precision == "early-year":
        label = f"early {last.year}"
    elif spans_years:
        label = f"{start.year}–{last.year}"
    elif precision == "year":
        label = f"in {last.year}" if start else f"by the end of {last.year}"
    elif precision == "month":
        month = f"{MONTHS[last.month - 1]} {last.year}"
        label = f"in {month}" if start else f"by the end of {month}"
    elif start and start != last:
        label = date_range(start, last)
    else:
        label = f"by {long_date(last)}" if start is None else long_date(last)
    iso = f"{start.isoformat()}/{last.isoformat()}" if start and start != last else last.isoformat()
    return DatedCommitment(deadline, label, iso, last.year)
