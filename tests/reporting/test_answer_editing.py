"""Saving answers: permission, checked input, history, and optimistic locking (the second of
two concurrent saves is refused with a clear message and nothing is lost)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from viennaplan.reporting import excel
from viennaplan.reporting.answer_data import ANSWER_FIELDS, AnswerDataError, clean_answer
from viennaplan.reporting.answers import EditConflict, ReportNotEditable, save_answer
from viennaplan.reporting.models import Answer

LAW = {"kind": "law", "title": "Firearms Act", "url": "https://example.org/act", "date": "2001-06-01"}


def answer_of(report, path="57/k") -> Answer:
    return Answer.objects.select_related("report", "question").get(report=report, question__path=path)


def test_one_list_of_answer_fields_for_the_model_and_the_workbooks_columns():
    assert set(ANSWER_FIELDS) <= {f.name for f in Answer._meta.get_fields()}
    assert tuple(excel.FIELD_COLUMN) == ANSWER_FIELDS
    assert list(excel.FIELD_COLUMN.values()) == excel.ANSWER_COLUMNS  # the editable cells, in the same order


def test_a_focal_point_saves_an_answer_of_their_state_as_the_next_version(report_a, focal_point_a):
    answer = answer_of(report_a)
    saved = save_answer(
        focal_point_a,
        answer,
        {"status": "implemented", "narrative": "Done.", "measures": [LAW], "assistance_needed": True},
        expected_version=1,
    )
    fresh = answer_of(report_a)
    assert (fresh.version, fresh.status, fresh.narrative, fresh.updated_by) == (
        2,
        "implemented",
        "Done.",
        focal_point_a,
    )
    assert fresh.measures == [LAW] and fresh.assistance_needed is True and saved.version == 2


def test_fields_left_out_keep_their_value(report_a, focal_point_a):
    answer = answer_of(report_a)
    save_answer(focal_point_a, answer, {"status": "in_progress", "narrative": "Draft law."}, 1)
    save_answer(focal_point_a, answer_of(report_a), {"status": "implemented"}, 2)
    assert answer_of(report_a).narrative == "Draft law."


def test_every_save_is_kept_in_history_with_its_author(report_a, focal_point_a, secretariat):
    save_answer(focal_point_a, answer_of(report_a), {"status": "in_progress"}, 1)
    save_answer(secretariat, answer_of(report_a), {"status": "implemented"}, 2)
    history = answer_of(report_a).history.order_by("history_date", "history_id")
    assert [(h.version, h.status, h.history_user) for h in history] == [
        (1, "", None),
        (2, "in_progress", focal_point_a),
        (3, "implemented", secretariat),
    ]


def test_the_second_of_two_concurrent_saves_is_refused_and_the_first_value_stays(report_a, focal_point_a, secretariat):
    first_page = answer_of(report_a)  # both open version 1
    second_page = answer_of(report_a)
    save_answer(focal_point_a, first_page, {"status": "implemented", "narrative": "Law adopted in 2001."}, 1)
    with pytest.raises(EditConflict) as conflict:
        save_answer(secretariat, second_page, {"status": "not_started", "narrative": "Nothing yet."}, 1)
    message = str(conflict.value)
    assert "were not saved" in message and "Anna Graf saved this answer on" in message
    assert "(version 2) after you opened version 1" in message
    assert conflict.value.yours["narrative"] == "Nothing yet." and conflict.value.yours["status"] == "not_started"
    assert conflict.value.current.narrative == "Law adopted in 2001."
    fresh = answer_of(report_a)
    assert (fresh.version, fresh.status, fresh.narrative) == (2, "implemented", "Law adopted in 2001.")
    assert fresh.history.count() == 2


def test_after_a_conflict_saving_against_the_new_version_succeeds(report_a, focal_point_a, secretariat):
    save_answer(focal_point_a, answer_of(report_a), {"status": "implemented"}, 1)
    with pytest.raises(EditConflict) as conflict:
        save_answer(secretariat, answer_of(report_a), {"narrative": "merged"}, 1)
    save_answer(secretariat, answer_of(report_a), conflict.value.yours, conflict.value.current.version)
    assert answer_of(report_a).version == 3


def test_focal_point_a_cannot_change_the_answers_of_state_b(report_b, focal_point_a):
    with pytest.raises(PermissionDenied, match="own State"):
        save_answer(focal_point_a, answer_of(report_b), {"status": "implemented"}, 1)
    assert answer_of(report_b).version == 1


@pytest.mark.parametrize("persona", ["reviewer", "contributor", "anonymous", "focal_point_b"])
def test_nobody_else_changes_a_draft_answer(report_a, request, persona):
    with pytest.raises(PermissionDenied):
        save_answer(request.getfixturevalue(persona), answer_of(report_a), {"status": "implemented"}, 1)


@pytest.mark.parametrize("status", ["submitted", "validated", "published"])
def test_answers_are_frozen_once_the_report_leaves_the_focal_point(report_a, bring, focal_point_a, status):
    bring(report_a, status)
    with pytest.raises(PermissionDenied):
        save_answer(focal_point_a, answer_of(report_a), {"status": "implemented"}, 1)


def test_even_the_secretariat_cannot_change_a_submitted_answer(report_a, bring, secretariat):
    bring(report_a, "submitted")
    with pytest.raises(ReportNotEditable, match="submitted"):
        save_answer(secretariat, answer_of(report_a), {"status": "implemented"}, 1)


def test_a_returned_report_can_be_changed_again(report_a, bring, focal_point_a):
    bring(report_a, "returned")
    assert save_answer(focal_point_a, answer_of(report_a), {"status": "implemented"}, 1).version == 2


def test_wrong_input_is_refused_field_by_field_and_saves_nothing(report_a, focal_point_a):
    bad = {
        "status": "done",
        "measures": [{"kind": "decree", "title": "", "url": "ftp://x", "date": "June 2001"}],
        "assistance_needed": "perhaps",
    }
    with pytest.raises(AnswerDataError) as refused:
        save_answer(focal_point_a, answer_of(report_a), bad, 1)
    errors = refused.value.errors
    assert any(e.startswith("status: 'done' is not one of implemented") for e in errors)
    assert any(e.startswith("measures[1].kind: 'decree'") for e in errors)
    assert any(e.startswith("measures[1].url:") for e in errors)
    assert any(e.startswith("measures[1].date: 'June 2001' is not a date") for e in errors)
    assert any(e.startswith("measures[1].title:") for e in errors)
    assert any(e.startswith("assistance_needed:") for e in errors)
    assert answer_of(report_a).version == 1


def test_clean_answer_normalises_text_and_refuses_unknown_fields():
    assert clean_answer({"narrative": "  text  ", "status": ""}).narrative == "text"
    with pytest.raises(AnswerDataError, match="unknown fields colour"):
        clean_answer({"colour": "blue"})
