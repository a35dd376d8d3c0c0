"""The one definition of "answered": counts per chapter, the next unanswered question, reminders."""

from __future__ import annotations

from datetime import date

import pytest

from viennaplan.reporting.answers import save_answer
from viennaplan.reporting.completion import Row, completion_of, completions_of, count, due_reminder


def test_counts_per_chapter_in_plan_order_with_unanswered_in_questionnaire_order():
    rows = [Row("X", 5, 50, ""), Row("IV", 2, 20, "implemented"), Row("IV", 1, 10, ""), Row("X", 4, 40, "planned")]
    done = count(rows)
    assert [(c.chapter, c.answered, c.total, c.unanswered) for c in done.chapters] == [
        ("IV", 1, 2, [10]),
        ("X", 1, 2, [50]),
    ]
    assert (done.answered, done.total, done.complete, done.first_unanswered) == (2, 4, False, 10)
    positions = {10: 1, 20: 2, 40: 4, 50: 5}
    assert done.next_unanswered(1, positions) == 50
    assert done.next_unanswered(5, positions) == 10  # wraps to the start
    assert count([Row("IV", 1, 10, "implemented")]).first_unanswered is None


@pytest.mark.parametrize(
    ("status", "today", "due"),
    [
        (None, date(2002, 12, 23), False),
        (None, date(2002, 12, 24), True),
        ("draft", date(2003, 1, 5), True),
        ("returned", date(2002, 12, 31), True),
        ("submitted", date(2002, 12, 31), False),
        ("published", date(2003, 1, 5), False),
    ],
)
def test_a_reminder_is_due_from_a_week_before_the_deadline_while_the_report_is_with_the_state(status, today, due):
    assert due_reminder(status, date(2002, 12, 31), today) is due


def test_completion_of_stored_reports(report_a, report_b, focal_point_a):
    first = report_a.answers.select_related("question").order_by("question__position").first()
    save_answer(focal_point_a, first, {"status": "implemented"}, first.version)
    done = completion_of(report_a)
    assert done.answered == 1 and done.total == report_a.answers.count() > 1
    assert done.first_unanswered != first.question_id
    both = completions_of([report_a, report_b])
    assert (both[report_a.pk].answered, both[report_b.pk].answered) == (1, 0)
    assert [c.chapter for c in done.chapters] == ["VI", "VII"]


def test_answered_totals_agree_with_the_full_completion(report_a, report_b, focal_point_a):
    from viennaplan.reporting.completion import answered_totals

    for answer in report_a.answers.order_by("question__position")[:3]:
        save_answer(focal_point_a, answer, {"status": "in_progress"}, answer.version)
    full = completions_of([report_a, report_b])
    assert answered_totals([report_a.pk, report_b.pk]) == {pk: (done.answered, done.total) for pk, done in full.items()}
    assert answered_totals([report_a.pk])[report_a.pk][0] == 3


@pytest.mark.parametrize(
    ("first_submitted", "today", "late"),
    [
        (None, date(2002, 12, 31), False),
        (None, date(2003, 1, 1), True),
        (date(2002, 12, 31), date(2003, 5, 1), False),
        (date(2003, 1, 2), date(2003, 5, 1), True),
    ],
)
def test_a_report_is_late_when_not_submitted_by_the_deadline(first_submitted, today, late):
    from viennaplan.reporting.workflow import is_late

    assert is_late(date(2002, 12, 31), today, first_submitted) is late
