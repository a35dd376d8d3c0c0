"""Dates as the United Nations write them, and month arithmetic. Plain Python, independent of
the server's locale; `long_date` follows the reader's language (Django's formats, loaded only
when a language other than English is active), the rest is English whatever the language.

    long_date(date(2009, 12, 1))    -> "1 December 2009"   (UN documents, the pages; "1 décembre 2009" in French)
    short_date(date(2000, 12, 15))  -> "15 Dec 2000"       (the depositary's status lists)
    ordinal(22)                     -> "22nd"
    month_number("Sept")            -> 9                   (full or short name, any case)
    add_months(date(2004, 1, 31), 1) -> date(2004, 2, 29)  (the month's last day where the day does not exist)
"""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache

from django.utils.translation import get_language

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
SHORT_MONTHS = tuple(name[:3] for name in MONTH_NAMES)  # "Jan" ... "Dec"
_NUMBERS = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    **{name.lower(): number for number, name in enumerate(SHORT_MONTHS, start=1)},
    "sept": 9,  # the depositary writes both "Sep" and "Sept"
}


def long_date(day: date | None) -> str:
    """'1 December 2009': the UN style (no leading zero, the month in full); '' for None. In the
    reader's language when one other than English is active: "1 décembre 2009", "1 de diciembre
    de 2009", "1 декабря 2009 г.", "2009年12月1日"."""
    if not day:
        return ""
    language = get_language()
    if language and not language.startswith("en"):
        return _in_language(language, day)
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


@lru_cache(maxsize=16384)
def _in_language(language: str, day: date) -> str:
    """Django's DATE_FORMAT of `language` (the active one), kept: a treaty page words ~500 dates
    and Django's formatter costs ~20 µs each."""
    from django.utils.formats import date_format  # the edge: Django's formats for the language

    return date_format(day, "DATE_FORMAT")


def short_date(day: date) -> str:
    """'15 Dec 2000': the depositary's style, with the month's first three letters."""
    return f"{day.day} {SHORT_MONTHS[day.month - 1]} {day.year}"


def brief_date(day: date) -> str:
    """A date inside an explanation: '27 Oct 2006' in English (the depositary's style, which the
    treaty engine's sentences quote); the reader's date in another language ("27 octobre 2006")."""
    language = get_language()
    if language and not language.startswith("en"):
        return long_date(day)
    return short_date(day)


def month_number(name: str) -> int | None:
    """1-12 for a month's English name, full or short ("Sep", "Sept", "september"); None if none."""
    return _NUMBERS.get(name.strip().lower())


def ordinal(number: int) -> str:
    """'1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '90th', '111th'; in the
    reader's language when another is active: "90e" ("1er"), "90.º", "90-й", and the plain
    number in Chinese and Arabic, whose sentences carry the ordinal word ("第 %(nth)s 份", "رقم")."""
    language = (get_language() or "en").split("-")[0]
    if language == "fr":
        return "1er" if number == 1 else f"{number}e"
    if language == "es":
        return f"{number}.º"
    if language == "ru":
        return f"{number}-й"
    if language in ("zh", "ar"):
        return str(number)
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def last_day_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """The same day `months` later (earlier if negative); the month's last day where that day does
    not exist: 31 January + 1 month is 28 (or 29) February."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, last_day_of_month(year, month).day))
