"""The shared date helpers (viennaplan/dates.py): UN long dates, the depositary's short dates,
ordinals, month names and month arithmetic at the month's end and in leap years."""

from __future__ import annotations

from datetime import date

import pytest

from viennaplan.dates import (
    MONTH_NAMES,
    SHORT_MONTHS,
    add_months,
    last_day_of_month,
    long_date,
    month_number,
    ordinal,
    short_date,
)


def test_a_long_date_is_the_un_style_without_a_leading_zero():
    assert long_date(date(2009, 12, 1)) == "1 December 2009"
    assert long_date(date(2001, 3, 27)) == "27 March 2001"
    assert long_date(None) == ""


def test_a_short_date_is_the_depositary_style():
    assert short_date(date(2000, 12, 15)) == "15 Dec 2000"
    assert short_date(date(2006, 10, 7)) == "7 Oct 2006"
    assert short_date(date(2005, 9, 1)) == "1 Sep 2005"


def test_month_names_are_english_in_order():
    assert len(MONTH_NAMES) == len(SHORT_MONTHS) == 12
    assert (MONTH_NAMES[0], MONTH_NAMES[8], MONTH_NAMES[-1]) == ("January", "September", "December")
    assert (SHORT_MONTHS[0], SHORT_MONTHS[8], SHORT_MONTHS[-1]) == ("Jan", "Sep", "Dec")


@pytest.mark.parametrize(
    ("name", "number"),
    [("Jan", 1), ("january", 1), ("MAY", 5), ("Sep", 9), ("sept", 9), ("September", 9), (" dec ", 12)],
)
def test_a_month_is_found_by_its_full_or_short_name(name, number):
    assert month_number(name) == number


@pytest.mark.parametrize("name", ["", "Janu", "Mai", "13"])
def test_what_is_not_a_month_name_has_no_number(name):
    assert month_number(name) is None


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (10, "10th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (20, "20th"), (21, "21st"), (22, "22nd"), (23, "23rd"), (30, "30th"), (40, "40th"), (90, "90th"),
     (101, "101st"), (111, "111th"), (112, "112th"), (113, "113th"), (121, "121st")],
)  # fmt: skip
def test_ordinals(number, text):
    assert ordinal(number) == text


def test_the_last_day_of_a_month_knows_leap_years():
    assert last_day_of_month(2004, 2) == date(2004, 2, 29)
    assert last_day_of_month(2003, 2) == date(2003, 2, 28)
    assert last_day_of_month(1900, 2) == date(1900, 2, 28)  # a century not divisible by 400
    assert last_day_of_month(2000, 2) == date(2000, 2, 29)
    assert last_day_of_month(2001, 12) == date(2001, 12, 31)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2003, 1, 31), 1, date(2003, 2, 28)),  # 31 January + 1 month: the end of February
        (date(2004, 1, 31), 1, date(2004, 2, 29)),  # in a leap year, the 29th
        (date(2004, 2, 29), 12, date(2005, 2, 28)),  # a year after 29 February
        (date(2004, 2, 29), 48, date(2008, 2, 29)),  # four years after: the 29th again
        (date(2003, 11, 30), 3, date(2004, 2, 29)),  # across the year's end into a leap February
        (date(2003, 8, 31), 1, date(2003, 9, 30)),
        (date(2003, 12, 15), 1, date(2004, 1, 15)),
        (date(2003, 10, 27), 12, date(2004, 10, 27)),
        (date(2003, 10, 27), 0, date(2003, 10, 27)),
        (date(2003, 3, 31), -1, date(2003, 2, 28)),  # backwards
        (date(2004, 1, 15), -13, date(2002, 12, 15)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert add_months(day, months) == expected


# -- in the reader's language (issue 11) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "31 December 2002"),
        ("fr", "31 décembre 2002"),
        ("es", "31 de diciembre de 2002"),
        ("ru", "31 декабря 2002 г."),
        ("zh-hans", "2002年12月31日"),
        ("ar", "31 ديسمبر، 2002"),
    ],
)
def test_a_date_is_written_in_the_readers_language_in_python_and_in_templates(language, written):
    from django.template import Context, Template
    from django.utils import translation

    day = date(2002, 12, 31)
    with translation.override(language):
        assert long_date(day) == written
        template = Template('{{ day|date:"DATE_FORMAT" }}|{{ day|date:"SHORT_DATE_FORMAT" }}')
        long, short = template.render(Context({"day": day})).split("|")
    assert long == written
    assert "2002" in short and short != long or language == "zh-hans"


@pytest.mark.parametrize(
    ("language", "written"),
    [("en", "90th"), ("fr", "90e"), ("es", "90.º"), ("ru", "90-й"), ("zh-hans", "90"), ("ar", "90")],
)
def test_an_ordinal_is_written_in_the_readers_language(language, written):
    from django.utils import translation

    with translation.override(language):
        assert ordinal(90) == written
    with translation.override("fr"):
        assert ordinal(1) == "1er"


def test_a_date_inside_an_explanation_is_the_depositarys_in_english_and_the_readers_otherwise():
    from django.utils import translation

    from viennaplan.dates import brief_date

    day = date(2006, 10, 27)
    assert brief_date(day) == "27 Oct 2006"
    with translation.override("fr"):
        assert brief_date(day) == "27 octobre 2006"
    with translation.override("zh-hans"):
        assert brief_date(day) == "2006年10月27日"
