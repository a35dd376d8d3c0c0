"""The rules of "Your work" (reporting/desk.py): cycles on the desk, deadlines and ages in words,
the reviewer's queue oldest first, the cycle board's counts, late reports and reminders, and a
focal point's next step. Plain data, no database."""

from __future__ import annotations

from datetime import date

import pytest

from viennaplan.reporting import desk
from viennaplan.reporting.desk import CycleDates, StateReport, Waiting

TODAY = date(2002, 12, 20)


def test_the_desk_holds_open_upcoming_and_recently_closed_cycles_latest_first():
    old = CycleDates(1, "1999 review", date(1999, 1, 1), date(1999, 6, 30))
    recent = CycleDates(2, "2002 spring", date(2002, 1, 1), date(2002, 7, 1))
    current = CycleDates(3, "2002 review", date(2002, 6, 1), date(2002, 12, 31))
    upcoming = CycleDates(4, "2003 review", date(2003, 1, 1), date(2003, 6, 30))
    assert desk.desk_cycles([old, recent, current, upcoming], TODAY) == [upcoming, current, recent]


def test_when_every_cycle_is_long_closed_the_latest_stays_on_the_desk():
    older = CycleDates(1, "1998", date(1998, 1, 1), date(1998, 6, 30))
    old = CycleDates(2, "1999", date(1999, 1, 1), date(1999, 6, 30))
    assert desk.desk_cycles([older, old], TODAY) == [old]
    assert desk.desk_cycles([], TODAY) == []


@pytest.mark.parametrize(
    ("closes", "days", "words"),
    [
        (date(2002, 12, 31), 11, "11 days left"),
        (date(2002, 12, 21), 1, "1 day left"),
        (TODAY, 0, "due today"),
        (date(2002, 12, 19), -1, "1 day late"),
        (date(2002, 12, 11), -9, "9 days late"),
    ],
)
def test_a_deadline_says_how_many_days_are_left_or_late(closes, days, words):
    due = desk.deadline(closes, TODAY)
    assert (due.days, due.words, due.passed) == (days, words, days < 0)


def test_ages_in_whole_days_and_words():
    assert desk.days_since(date(2002, 12, 11), TODAY) == 9
    assert desk.days_since(date(2002, 12, 25), TODAY) == 0  # never negative
    assert [desk.waiting_words(n) for n in (0, 1, 9)] == ["waiting since today", "waiting 1 day", "waiting 9 days"]


def waiting(alpha3: str, name: str, day: date, cycle_id: int = 1) -> Waiting:
    return Waiting(cycle_id, "2002 review", alpha3, name, day, desk.days_since(day, TODAY), 3, 106)


def test_the_queue_puts_the_longest_waiting_first_then_by_state_name():
    rows = [
        waiting("FRA", "France", date(2002, 12, 10)),
        waiting("CHE", "Switzerland", date(2002, 11, 1)),
        waiting("AUT", "Austria", date(2002, 12, 10)),
        waiting("DEU", "Germany", date(2002, 12, 19), cycle_id=2),
    ]
    ordered = desk.queue(rows)
    assert [w.alpha3 for w in ordered] == ["CHE", "AUT", "FRA", "DEU"]
    assert [w.words for w in ordered] == ["waiting 49 days", "waiting 10 days", "waiting 10 days", "waiting 1 day"]


def test_the_board_counts_every_state_once_by_status_with_not_started_first():
    cycle = CycleDates(1, "2002 review", date(2002, 1, 1), date(2002, 12, 31))
    states = [
        StateReport("AUT", "Austria"),
        StateReport("BEL", "Belgium", "draft"),
        StateReport("CHE", "Switzerland", "submitted", date(2002, 12, 1)),
        StateReport("DEU", "Germany", "returned", date(2002, 11, 1)),
        StateReport("ESP", "Spain", "validated", date(2002, 10, 1), date(2002, 12, 5)),
        StateReport("FIN", "Finland", "validated", date(2002, 10, 2), date(2002, 11, 5)),
        StateReport("FRA", "France", "published", date(2002, 9, 1)),
        StateReport("GRC", "Greece"),
    ]
    board = desk.board(cycle, states, TODAY)
    assert board.count_rows == [
        ("not_started", "Not started", 2),
        ("draft", "Draft", 1),
        ("submitted", "Submitted", 1),
        ("returned", "Returned to the focal point", 1),
        ("validated", "Validated", 2),
        ("published", "Published", 1),
    ]
    assert board.total == 8 and board.deadline.words == "11 days left"
    assert board.late == [] and board.submitted_late == []  # the deadline has not passed
    # due a reminder: with the State (not started, draft, returned), deadline within a week
    assert [s.alpha3 for s in board.reminders] == []
    assert [s.alpha3 for s in desk.board(cycle, states, date(2002, 12, 24)).reminders] == ["AUT", "BEL", "DEU", "GRC"]
    reminding = desk.board(cycle, states, date(2002, 12, 24))
    assert reminding.reminders_by_status == [
        ("Not started", ["Austria", "Greece"]),
        ("Draft", ["Belgium"]),
        ("Returned to the focal point", ["Germany"]),
    ]
    # validated reports awaiting publication: the longest validated first
    assert [s.alpha3 for s in board.to_publish] == ["FIN", "ESP"]


def test_late_reports_are_those_not_submitted_by_the_deadline():
    cycle = CycleDates(1, "2002 review", date(2002, 1, 1), date(2002, 12, 31))
    states = [
        StateReport("AUT", "Austria"),
        StateReport("BEL", "Belgium", "draft"),
        StateReport("CHE", "Switzerland", "submitted", date(2003, 1, 2)),
        StateReport("DEU", "Germany", "returned", date(2002, 12, 30)),
        StateReport("FRA", "France", "published", date(2002, 12, 31)),
    ]
    board = desk.board(cycle, states, date(2003, 1, 5))
    assert [s.alpha3 for s in board.late] == ["AUT", "BEL"]
    assert board.late_names == ["Austria", "Belgium"]
    assert [s.alpha3 for s in board.submitted_late] == ["CHE"]
    assert board.deadline.passed and board.deadline.words == "5 days late"
    assert [s.alpha3 for s in board.reminders] == ["AUT", "BEL", "DEU"]
    assert desk.board(cycle, states, date(2002, 12, 31)).late == []  # the deadline day itself is in time


@pytest.mark.parametrize(
    ("status", "answered", "total", "step"),
    [
        (None, 0, 106, "start"),
        ("draft", 0, 106, "continue"),
        ("draft", 105, 106, "continue"),
        ("draft", 106, 106, "submit"),
        ("returned", 106, 106, "fix"),
        ("submitted", 106, 106, "await_review"),
        ("validated", 106, 106, "await_publication"),
        ("published", 106, 106, "published"),
    ],
)
def test_the_focal_points_next_step_follows_the_status_and_the_answers(status, answered, total, step):
    assert desk.next_step(status, answered, total) == step
