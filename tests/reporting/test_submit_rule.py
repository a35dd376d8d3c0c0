"""A cycle that requires all answers: the rule in plain Python, in `apply_transition` for every
caller, in the JSON API (409 with the list), and the Secretariat alone sets it."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from submit_fixtures import answer_all

from viennaplan.reporting.completion import IncompleteReport, Row, count, require_all_answered
from viennaplan.reporting.cycles import open_cycle, set_require_all_answers
from viennaplan.reporting.models import Answer, ReportingCycle
from viennaplan.reporting.transitions import apply_transition

API = "/api/reporting"


def requiring(cycle: ReportingCycle, secretariat) -> ReportingCycle:
    return set_require_all_answers(secretariat, cycle, True)


def test_the_rule_lists_the_unanswered_citations_per_chapter_in_order():
    done = count([Row("VII", 9, 90, ""), Row("VI", 2, 20, ""), Row("VI", 1, 10, "implemented"), Row("VI", 3, 30, "")])
    with pytest.raises(IncompleteReport) as refused:
        require_all_answered(done, {20: "57(b)", 30: "57(c)", 90: "60"})
    assert refused.value.unanswered == {"VI": ["57(b)", "57(c)"], "VII": ["60"]}
    assert "3 questions are unanswered (chapter VI: 57(b), 57(c); chapter VII: 60)" in str(refused.value)
    require_all_answered(count([Row("VI", 1, 10, "no_information")]), {})  # all answered: allowed


def test_a_cycle_that_requires_all_answers_refuses_submit_and_resubmit_and_changes_nothing(
    report_a, secretariat, focal_point_a, move
):
    requiring(report_a.cycle, secretariat)
    left = answer_all(report_a, but=2)
    with pytest.raises(IncompleteReport) as refused:
        apply_transition(focal_point_a, report_a, "submit")
    assert [c for cited in refused.value.unanswered.values() for c in cited] == [a.question.citation for a in left]
    report_a.refresh_from_db()
    assert report_a.status == "draft" and not report_a.events.exists()
    Answer.objects.filter(report=report_a).update(status="implemented")
    move(report_a, "submit", "return")
    Answer.objects.filter(pk=left[0].pk).update(status="")
    with pytest.raises(IncompleteReport, match=left[0].question.citation.replace("(", r"\(").replace(")", r"\)")):
        apply_transition(focal_point_a, report_a, "resubmit")
    report_a.refresh_from_db()
    assert report_a.status == "returned"


def test_without_the_option_an_unanswered_report_is_submitted_as_before(report_a, focal_point_a):
    assert report_a.cycle.require_all_answers is False
    apply_transition(focal_point_a, report_a, "submit")
    report_a.refresh_from_db()
    assert report_a.status == "submitted"


def test_a_fully_answered_report_is_submitted_in_a_cycle_that_requires_all_answers(
    report_a, secretariat, focal_point_a
):
    requiring(report_a.cycle, secretariat)
    answer_all(report_a)
    apply_transition(focal_point_a, report_a, "submit")
    report_a.refresh_from_db()
    assert report_a.status == "submitted"


def test_only_the_secretariat_sets_the_option_and_it_is_kept_in_history(
    imported_plan, secretariat, focal_point_a, reviewer
):
    cycle = open_cycle(secretariat, "2002", date(2002, 1, 1), date(2002, 12, 31), ["VI"], require_all_answers=True)
    assert cycle.require_all_answers is True
    for user in (focal_point_a, reviewer):
        with pytest.raises(PermissionDenied):
            set_require_all_answers(user, cycle, False)
    set_require_all_answers(secretariat, cycle, False)
    cycle.refresh_from_db()
    assert cycle.require_all_answers is False
    assert [h.require_all_answers for h in cycle.history.order_by("history_date", "history_id")] == [True, False]


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_api_refuses_an_incomplete_submission_with_409_and_the_list(
    report_a, secretariat, client_as, focal_point_a
):
    requiring(report_a.cycle, secretariat)
    left = answer_all(report_a, but=1)
    response = post(client_as(focal_point_a), f"{API}/reports/{report_a.cycle_id}/CHE/transitions/submit", {})
    assert response.status_code == 409
    assert (
        left[0].question.citation in response.json()["detail"]
        and "requires every question" in response.json()["detail"]
    )
    report_a.refresh_from_db()
    assert report_a.status == "draft" and not report_a.events.exists()


def test_the_api_shows_the_option_counts_the_answers_and_lets_the_secretariat_change_it(
    report_a, secretariat, focal_point_a, client_as
):
    cycle = report_a.cycle
    answer_all(report_a, but=3)
    report = client_as(focal_point_a).get(f"{API}/reports/{cycle.pk}/CHE").json()
    assert (report["answered"], report["question_count"]) == (cycle.questions.count() - 3, cycle.questions.count())
    url = f"{API}/cycles/{cycle.pk}"
    assert client_as(None).get(url).json()["require_all_answers"] is False
    refused = client_as(focal_point_a).patch(url, json.dumps({"require_all_answers": True}), "application/json")
    assert refused.status_code == 403
    changed = client_as(secretariat).patch(url, json.dumps({"require_all_answers": True}), "application/json")
    assert changed.status_code == 200 and changed.json()["require_all_answers"] is True
    assert client_as(None).get(url).json()["require_all_answers"] is True
    assert [c["require_all_answers"] for c in client_as(None).get(f"{API}/cycles").json()] == [True]


def test_a_cycle_opened_through_the_api_may_require_all_answers(imported_plan, client_as, secretariat):
    body = {"name": "2002", "opens": "2002-01-01", "closes": "2002-12-31", "chapters": ["VI"]}
    opened = post(client_as(secretariat), f"{API}/cycles", {**body, "require_all_answers": True})
    assert opened.status_code == 201 and opened.json()["require_all_answers"] is True
    assert ReportingCycle.objects.get().require_all_answers is True
