"""The deadlines and target dates in a provision's text, as dates.

Plain Python, no Django. `find_deadlines(text)` returns `Deadline`s in the order they stand.

How phrases are read (the document is dated 27 March 2001):
- "by the end of 2002", "before the end of 2002": by 31 December 2002 (precision year).
- "by 2005", "by the year 2005": also by 31 December 2005, i.e. by the end of that year; the note says so.
- "by early 2002": by 30 April 2002, the first third of the year (precision early-year).
- "in 2002", "in May 2001": the whole year or month, only when it lies after the document's date;
  "finalized in March 2001" reports the past and is no deadline.
- "for/during the period 2001-2005", "is 2001-2005": 1 January 2001 to 31 December 2005 (precision period).
- sessions, by their ordinal: "fifty-sixth" is the General Assembly's (11 September 2001 - 9 September 2002),
  "tenth" the Commission's (Vienna, 8-17 May 2001, as on the document's cover). "at"/"before" the session
  give the session itself ("a report before the Commission at its tenth session" is laid before it);
  "prior to" ends the day before it opens; "after the conclusion of" starts the day after it closes.
  Sessions of other bodies (the Ad Hoc Committee's twelfth) are history, not deadlines.
- dated days only after "by", "before" or "no later than" ("by 1 June 2002"); dates of resolutions and
  events ("of 4 December 2000", "on 2 March 2001", "As at 1 April 2001") are not deadlines.
- "as soon as possible", "in the coming years" name no date and give no deadline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from viennaplan.dates import MONTH_NAMES, last_day_of_month
from viennaplan.plan.document import Deadline

DOCUMENT_DATE = date(2001, 3, 27)  # "Distr.: General 27 March 2001"


@dataclass(frozen=True)
class Session:
    body: str
    ordinal: str
    opened: date
    closed: date
    description: str


SESSIONS: dict[str, Session] = {
    "tenth": Session(
        "Commission on Crime Prevention and Criminal Justice",
        "tenth",
        date(2001, 5, 8),
        date(2001, 5, 17),
        "Commission on Crime Prevention and Criminal Justice, tenth session (Vienna, 8-17 May 2001)",
    ),
    "fifty-sixth": Session(
        "General Assembly",
        "fifty-sixth",
        date(2001, 9, 11),
        date(2002, 9, 9),
        "General Assembly, fifty-sixth session (opened 11 September 2001)",
    ),
}

_MONTH = "|".join(MONTH_NAMES)  # English, whatever the locale
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d/])"


def _month(match: re.Match[str]) -> int:
    return MONTH_NAMES.index(match.group("month")) + 1


def _end_of_year(match: re.Match[str]) -> Deadline:
    year = int(match.group("year"))
    return Deadline(match.group(), None, date(year, 12, 31), "year")


def _by_year(match: re.Match[str]) -> Deadline:
    year = int(match.group("year"))
    note = f"read as by the end of {year}"
    return Deadline(match.group(), None, date(year, 12, 31), "year", note)


def _by_early_year(match: re.Match[str]) -> Deadline:
    year = int(match.group("year"))
    note = f"'early {year}' read as the first four months of {year}, i.e. by 30 April"
    return Deadline(match.group(), None, date(year, 4, 30), "early-year", note)


def _during_year(match: re.Match[str]) -> Deadline | None:
    year = int(match.group("year"))
    if date(year, 1, 1) <= DOCUMENT_DATE:
        return None
    return Deadline(match.group(), date(year, 1, 1), date(year, 12, 31), "year", f"during {year}")


def _during_month(match: re.Match[str]) -> Deadline | None:
    year, month = int(match.group("year")), _month(match)
    first = date(year, month, 1)
    if first <= DOCUMENT_DATE:
        return None
    last = last_day_of_month(year, month)
    return Deadline(match.group(), first, last, "month", f"during {match.group('month')} {year}")


def _by_day(match: re.Match[str]) -> Deadline:
    day = date(int(match.group("year")), _month(match), int(match.group("day")))
    return Deadline(match.group(), None, day, "day")


def _period(match: re.Match[str]) -> Deadline:
    first, last = int(match.group("first")), int(match.group("last"))
    note = f"the period {first}-{last}, from the start of {first} to the end of {last}"
    return Deadline(match.group(), date(first, 1, 1), date(last, 12, 31), "period", note)


def _session(match: re.Match[str]) -> Deadline:
    session = SESSIONS[match.group("ordinal").lower()]
    timing = (match.group("timing") or "").lower()
    if timing.startswith("prior"):
        note = f"before the {session.description} opened"
        return Deadline(match.group(), None, session.opened - timedelta(days=1), "session", note)
    if timing.startswith("after"):
        note = f"after the {session.description} closed"
        return Deadline(match.group(), session.closed + timedelta(days=1), None, "session", note)
    return Deadline(match.group(), session.opened, session.closed, "session", session.description)


_ORDINAL = "|".join(SESSIONS)
_SESSION_TIMING = r"(?:(?P<timing>prior\s+to|after\s+the\s+conclusion\s+of|at|before)\s+)"

# Longer phrases first: a shorter one inside a longer match is not read again.
_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Deadline | None]], ...] = (
    (re.compile(rf"\b(?:[Bb]y|[Bb]efore)\s+the\s+end\s+of\s+{_YEAR}"), _end_of_year),
    (re.compile(rf"\b[Bb]y\s+early\s+{_YEAR}"), _by_early_year),
    (
        re.compile(
            rf"\b(?:[Bb]y|[Bb]efore|(?:[Nn]o|[Nn]ot)\s+later\s+than)\s+(?P<day>\d{{1,2}})\s+"
            rf"(?P<month>{_MONTH})\s+{_YEAR}"
        ),
        _by_day,
    ),
    (re.compile(rf"\b[Bb]y\s+(?:the\s+year\s+)?{_YEAR}"), _by_year),
    (re.compile(rf"\b[Ii]n\s+(?P<month>{_MONTH})\s+{_YEAR}"), _during_month),
    (re.compile(rf"\b[Ii]n\s+{_YEAR}"), _during_year),
    (
        re.compile(
            r"\b(?:(?:for|during)\s+the\s+period|is)\s+(?P<first>(?:19|20)\d\d)\s*[-–]\s*(?P<last>(?:19|20)\d\d)\b"
        ),
        _period,
    ),
    (
        re.compile(
            rf"\b{_SESSION_TIMING}?(?:its|the)\s+(?P<ordinal>{_ORDINAL})\s+session"
            r"(?:\s+of\s+the\s+(?:Commission|General\s+Assembly))?\b"
        ),
        _session,
    ),
)


def find_deadlines(text: str) -> list[Deadline]:
    """Every deadline or target date in `text`, normalised, in the order they stand."""
    found: list[tuple[int, int, Deadline]] = []
    for pattern, read in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end, _ in found):
                continue
            deadline = read(match)
            if deadline is not None:
                found.append((match.start(), match.end(), deadline))
    return [deadline for _, _, deadline in sorted(found, key=lambda item: item[0])]
