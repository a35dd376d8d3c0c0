"""Any two versions of a report compared answer by answer, from the answers' history."""

from __future__ import annotations

from viennaplan.reporting.answers import save_answer
from viennaplan.reporting.diffs import FieldChange, created_moment, report_diff
from viennaplan.reporting.models import Answer
from viennaplan.reporting.transitions import apply_transition


def answer(report, path):
    return Answer.objects.select_related("report").get(report=report, question__path=path)


def test_the_diff_between_submission_and_resubmission_shows_what_the_focal_point_fixed(
    report_a, focal_point_a, reviewer
):
    save_answer(focal_point_a, answer(report_a, "57/k"), {"status": "in_progress", "narrative": "Bill drafted."}, 1)
    submitted = apply_transition(focal_point_a, report_a, "submit")
    apply_transition(reviewer, report_a, "return", "Was the bill adopted?")
    save_answer(focal_point_a, answer(report_a, "57/k"), {"status": "implemented", "narrative": "Act of 2002."}, 2)
    save_answer(focal_point_a, answer(report_a, "57/a"), {"responsible_institution": "Ministry of Justice"}, 1)
    resubmitted = apply_transition(focal_point_a, report_a, "resubmit")

    diff = report_diff(report_a, submitted, resubmitted)
    assert [(d.citation, d.version_before, d.version_after, d.changed_by) for d in diff] == [
        ("57(a)", 1, 2, ["Anna Graf"]),
        ("57(k)", 2, 3, ["Anna Graf"]),
    ]
    assert diff[1].changes == [
        FieldChange("status", "in_progress", "implemented"),
        FieldChange("narrative", "Bill drafted.", "Act of 2002."),
    ]
    assert diff[0].changes == [FieldChange("responsible_institution", "", "Ministry of Justice")]


def test_the_diff_is_the_same_whichever_moment_comes_first(report_a, focal_point_a):
    start = created_moment(report_a)
    save_answer(focal_point_a, answer(report_a, "57/k"), {"status": "implemented"}, 1)
    event = apply_transition(focal_point_a, report_a, "submit")
    assert report_diff(report_a, event, start) == report_diff(report_a, start, event)


def test_two_moments_with_no_change_between_them_give_an_empty_diff(report_a, bring, focal_point_a):
    save_answer(focal_point_a, answer(report_a, "57/k"), {"status": "implemented"}, 1)
    bring(report_a, "validated")
    submitted, validated = report_a.events.all()
    assert report_diff(report_a, submitted, validated) == []


def test_from_the_start_to_now_shows_every_answered_question(report_a, focal_point_a):
    save_answer(focal_point_a, answer(report_a, "57/k"), {"status": "implemented"}, 1)
    save_answer(focal_point_a, answer(report_a, "57/k"), {"status": "not_started"}, 2)
    diff = report_diff(report_a, created_moment(report_a), None)
    assert [(d.path, d.changes) for d in diff] == [("57/k", [FieldChange("status", "", "not_started")])]


def test_measures_changes_are_shown_as_whole_lists(report_a, focal_point_a):
    law = {"kind": "law", "title": "Act", "url": "", "date": ""}
    save_answer(focal_point_a, answer(report_a, "57/k"), {"measures": [law]}, 1)
    (item,) = report_diff(report_a, created_moment(report_a), None)
    assert item.changes == [FieldChange("measures", [], [law])]
