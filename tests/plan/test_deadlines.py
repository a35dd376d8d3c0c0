"""Deadlines: every forward-looking date phrase of the real document, read as dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import viennaplan
from viennaplan.plan.deadlines import DOCUMENT_DATE, SESSIONS, find_deadlines
from viennaplan.plan.document import Deadline

TEXT = (Path(viennaplan.__file__).parent / "data" / "plans-of-action-2001-draft.txt").read_text(encoding="utf-8")

END_2002 = date(2002, 12, 31)
END_2005 = date(2005, 12, 31)
PERIOD = (date(2001, 1, 1), END_2005, "period")
COMMISSION_10 = (date(2001, 5, 8), date(2001, 5, 17), "session")

# Every deadline of the document, in the order they stand: (phrase, start, end, precision).
EXPECTED = [
    ("during the period 2001-2005", *PERIOD),  # the title
    ("for the period 2001-2005", *PERIOD),  # the summary
    ("is 2001-2005", *PERIOD),  # para. 1, "The general time-frame envisaged in the present document"
    ("at the tenth session of the Commission", *COMMISSION_10),  # para. 3
    ("for the period 2001-2005", *PERIOD),  # para. 4
    ("by the end of 2002", None, END_2002, "year"),  # 6(a)
    ("by 2005", None, END_2005, "year"),  # 6(c)
    ("by 2005", None, END_2005, "year"),  # 6(e)
    ("by 2002", None, END_2002, "year"),  # 6(i)
    ("at its tenth session", *COMMISSION_10),  # 6(j), a report before the Commission
    ("before the end of 2002", None, END_2002, "year"),  # 10
    ("at its fifty-sixth session", date(2001, 9, 11), date(2002, 9, 9), "session"),  # 22(c)
    ("prior to its tenth session", None, date(2001, 5, 7), "session"),  # 23(a)
    ("in May 2001", date(2001, 5, 1), date(2001, 5, 31), "month"),  # 23(a)
    ("by early 2002", None, date(2002, 4, 30), "early-year"),  # 25
    ("by the year 2005", None, END_2005, "year"),  # 35(a)
    ("by the year 2005", None, END_2005, "year"),  # 35(b)
    ("before the end of 2002", None, END_2002, "year"),  # 39
    ("in 2002", date(2002, 1, 1), END_2002, "year"),  # 44(j), a global forum
    ("by 2005", None, END_2005, "year"),  # 44(j)
    ("by 2005", None, END_2005, "year"),  # 47
    ("by 2005", None, END_2005, "year"),  # 52
    ("by the year 2005", None, END_2005, "year"),  # 53(b)
    ("By 2005", None, END_2005, "year"),  # 56
    ("by the year 2005", None, END_2005, "year"),  # 61(a)
    ("by 2002", None, END_2002, "year"),  # 79(e)
    ("By the year 2005", None, END_2005, "year"),  # 101
    ("at its tenth session", *COMMISSION_10),  # note 12, comments to the Commission
    ("after the conclusion of the tenth session of the Commission", date(2001, 5, 18), None, "session"),  # note 30
    ("before the tenth session of the Commission", *COMMISSION_10),  # note 49, a report before it
]


def as_tuples(deadlines: list[Deadline]) -> list[tuple]:
    return [(d.text, d.start, d.end, d.precision) for d in deadlines]


def test_the_document_has_exactly_these_deadlines_in_this_order():
    assert as_tuples(find_deadlines(TEXT)) == EXPECTED


def test_every_deadline_of_the_document_lies_after_its_date():
    for deadline in find_deadlines(TEXT):
        assert (deadline.end or deadline.start) > DOCUMENT_DATE, deadline


def test_each_deadline_phrase_stands_in_the_document():
    for phrase, *_ in EXPECTED:
        assert phrase in TEXT


# --- years -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "should make every effort to ratify them before the end of 2002.",
        "(General Assembly resolution 55/25, annexes I-III) by the end of 2002 and to implement them",
    ],
)
def test_before_or_by_the_end_of_a_year_is_its_last_day(text):
    [deadline] = find_deadlines(text)
    assert (deadline.start, deadline.end, deadline.precision) == (None, END_2002, "year")


@pytest.mark.parametrize(
    "text",
    [
        "achieving a significant reduction by the year 2005 (para. 14);",
        "a significant reduction in criminal offences relating to trafficking by 2005;",
        "56. By 2005, most Member States that have not already done so",
        "101. By the year 2005, ongoing discussions about the nature",
    ],
)
def test_by_a_year_is_read_as_by_the_end_of_that_year_and_says_so(text):
    [deadline] = find_deadlines(text)
    assert (deadline.start, deadline.end, deadline.precision) == (None, END_2005, "year")
    assert deadline.note == "read as by the end of 2005"


def test_by_2002_is_the_end_of_2002():
    [deadline] = find_deadlines(
        "Member States are committed to review their policies for dealing with victims by 2002;"
    )
    assert (deadline.text, deadline.end) == ("by 2002", END_2002)


def test_by_early_2002_is_the_end_of_april_with_a_note():
    [deadline] = find_deadlines("negotiations will commence by early 2002. They should be concluded")
    assert (deadline.end, deadline.precision) == (date(2002, 4, 30), "early-year")
    assert "first four months" in deadline.note


def test_in_a_coming_year_is_that_whole_year():
    [forum, reduction] = find_deadlines(
        "(j) Support the organization of a global forum in 2002 to review actions ... by 2005;"
    )
    assert (forum.text, forum.start, forum.end, forum.precision) == ("in 2002", date(2002, 1, 1), END_2002, "year")
    assert reduction.text == "by 2005"


# --- months, days, periods ---------------------------------------------------------------------------


def test_in_a_coming_month_is_that_whole_month():
    [deadline] = find_deadlines("submitted to an inter-sessional meeting of the Commission, in May 2001 (para. 16)")
    assert (deadline.start, deadline.end, deadline.precision) == (date(2001, 5, 1), date(2001, 5, 31), "month")


def test_a_dated_day_after_by_is_a_deadline_of_that_day():
    [deadline] = find_deadlines("States will report by 1 June 2002 and no later than 30 September 2003.")[:1]
    assert (deadline.start, deadline.end, deadline.precision) == (None, date(2002, 6, 1), "day")
    assert [d.end for d in find_deadlines("no later than 30 September 2003")] == [date(2003, 9, 30)]


@pytest.mark.parametrize(
    "text",
    [
        "Draft Plans of Action for the implementation during the period 2001-2005 of the Vienna Declaration",
        "in the area of crime prevention and criminal justice for the period 2001-2005.",
        "The general time-frame envisaged in the present document is 2001-2005.",
    ],
)
def test_the_period_2001_2005_runs_from_the_start_of_2001_to_the_end_of_2005(text):
    [deadline] = find_deadlines(text)
    assert (deadline.start, deadline.end, deadline.precision) == PERIOD


# --- sessions ----------------------------------------------------------------------------------------


def test_the_fifty_sixth_session_is_the_general_assemblys():
    [deadline] = find_deadlines(
        "(c) The adoption of those terms of reference by the General Assembly at its fifty-sixth session;"
    )
    assert (deadline.start, deadline.end, deadline.precision) == (date(2001, 9, 11), date(2002, 9, 9), "session")
    assert deadline.note == "General Assembly, fifty-sixth session (opened 11 September 2001)"


@pytest.mark.parametrize(
    "text",
    [
        "Comments ... will be circulated for discussion at the tenth session of the Commission.",
        "is also the subject of a separate report before the Commission at its tenth session (E/CN.15/2001/4).",
        "a separate Report, which is also before the tenth session of the Commission.",
    ],
)
def test_the_tenth_session_is_the_commissions_as_on_the_cover(text):
    [deadline] = find_deadlines(text)
    assert (deadline.start, deadline.end, deadline.precision) == COMMISSION_10
    assert "8-17 May 2001" in deadline.note
    assert SESSIONS["tenth"].body == "Commission on Crime Prevention and Criminal Justice"


def test_prior_to_a_session_ends_the_day_before_it_opens():
    text = "submitted to an inter-sessional meeting of the Commission prior to its tenth session, in May 2001"
    [prior, month] = find_deadlines(text)
    assert (prior.start, prior.end, prior.precision) == (None, date(2001, 5, 7), "session")
    assert month.text == "in May 2001"


def test_after_the_conclusion_of_a_session_starts_the_day_after_it_closes():
    text = "but will not be considered by it until after the conclusion of the tenth session of the Commission."
    [deadline] = find_deadlines(text)
    assert (deadline.start, deadline.end) == (date(2001, 5, 18), None)


# --- what is not a deadline --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "General Assembly resolutions 55/59 and 55/60 of 4 December 2000, in which the Assembly endorsed",
        "On 17 April 2000, the Tenth United Nations 1. Congress on the Prevention of Crime",
        "at the conclusion of its twelfth session, on 2 March 2001, and the present text",
        "As at 1 April 2001, adoption of the Protocol by the General Assembly was still pending",
        "A third protocol, dealing with illicit trafficking in firearms, was finalized in March 2001",
        "discussed at the Inter-sessional Meeting of the Commission on 16 February 2001",
        "at its twelfth session, held in Vienna from 26 February to 2 March 2001.",
        "Commission on Crime Prevention and Criminal Justice Tenth session Vienna, 8-17 May 2001 Item 5",
        "Economic and Social Council resolution 2000/14 of 27 July 2000, entitled",
        "in the report of the Secretary-General of 26 July 2000 on measures",
        "Narcotic Drugs and Psychotropic Substances of 1988",
        "European Journal on Criminal Policy and Research, No. 4, 1996, pp. 21-43.",
        "Geneva, 22 August-3 September 1955: report prepared by the Secretariat",
        "Victims of Crime in 22 European Criminal Justice Systems, 2000, WLP/Nijmegen",
        "(E/CN.15/2001/4)",
    ],
)
def test_historical_dates_are_not_deadlines(text):
    assert find_deadlines(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "to sign and ratify the Convention and the protocols thereto as soon as possible.",
        "bringing each instrument into force as quickly as possible.",
        "They should be concluded as expeditiously as possible.",
        "will be clarified in the coming years.",
        "to report, as early as possible, to the Commission",
        "(i) Developing specific actions and time-bound targets to address prison overcrowding",
    ],
)
def test_phrases_without_a_date_give_no_deadline(text):
    assert find_deadlines(text) == []
