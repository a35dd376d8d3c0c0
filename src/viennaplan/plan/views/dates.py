"""How a deadline reads on a page: the phrase, its normalised date or period, its year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.dates import MONTHS, MONTHS_ALT
from django.utils.translation import gettext as _

from viennaplan.dates import long_date

from ..models import Deadline


def date_range(first: date, last: date) -> str:
    """8–17 May 2001; 30 April – 2 May 2001; 1 January 2001 – 31 December 2005 (in the reader's language)."""
    if (first.year, first.month) == (last.year, last.month):
        return _("%(first_day)s–%(last)s") % {"first_day": first.day, "last": long_date(last)}
    if first.year == last.year:
        # MONTHS_ALT: the month's name as it stands after a day ("2 мая"), as Django's date format "E".
        return _("%(first_day)s %(first_month)s – %(last)s") % {
            "first_day": first.day,
            "first_month": MONTHS_ALT[first.month],
            "last": long_date(last),
        }
    return _("%(first)s – %(last)s") % {"first": long_date(first), "last": long_date(last)}


@dataclass
class DatedCommitment:
    deadline: Deadline
    label: str  # "by the end of 2002", "2001–2005", "early 2002", "27 March 2001", in the reader's language
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
        return DatedCommitment(deadline, _("undated"), "", None)
    spans_years = start is not None and start.year != last.year
    by_day = _("by %(date)s") % {"date": long_date(last)}
    if precision == "session":
        label = date_range(start, last) if start and start != last else by_day
    elif precision == "early-year":
        label = _("early %(year)s") % {"year": last.year}
    elif spans_years:
        label = _("%(first)s–%(last)s") % {"first": start.year, "last": last.year}
    elif precision == "year":
        values = {"year": last.year}
        label = _("in %(year)s") % values if start else _("by the end of %(year)s") % values
    elif precision == "month":
        values = {"month": MONTHS[last.month], "year": last.year}
        label = _("in %(month)s %(year)s") % values if start else _("by the end of %(month)s %(year)s") % values
    elif start and start != last:
        label = date_range(start, last)
    else:
        label = by_day if start is None else long_date(last)
    iso = f"{start.isoformat()}/{last.isoformat()}" if start and start != last else last.isoformat()
    return DatedCommitment(deadline, label, iso, last.year)
