"""Who may read and who may write, for every operation of /api/reporting (see reporting_access_table)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from reporting_access_table import (
    API_COMMENT,
    API_OPEN_CYCLE,
    API_RECORD_PROGRESS,
    API_SAVE_ANSWER,
    API_TRANSITIONS,
    EVERYONE_200,
    READ_REPORT,
    attempt,
)

from viennaplan.reporting.models import Answer, Report

API = "/api/reporting"


def send(client: Any, method: str, url: str, body: dict) -> Any:
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("path", ["/cycles", "/cycles/{c}", "/cycles/{c}/questions", "/cycles/{c}/international"])
def test_cycles_questions_and_international_progress_are_open_to_everyone(cycle, clients, path):
    url = API + path.format(c=cycle.pk)
    assert attempt(clients, lambda c: c.get(url)) == EVERYONE_200


@pytest.mark.parametrize("status", list(READ_REPORT))
@pytest.mark.parametrize("path", ["", "/answers", "/events", "/comments", "/diff"])
def test_reading_state_as_report_through_the_api_by_status(report_a, bring, clients, status, path):
    bring(report_a, status)
    url = f"{API}/reports/{report_a.cycle_id}/CHE{path}"
    assert attempt(clients, lambda c: c.get(url)) == READ_REPORT[status]


@pytest.mark.parametrize("status", list(API_SAVE_ANSWER))
def test_patching_an_answer_of_state_a_by_status(report_a, bring, clients, status):
    bring(report_a, status)
    url = f"{API}/reports/{report_a.cycle_id}/CHE/answers/57/k"
    codes = attempt(clients, lambda c: send(c, "patch", url, {"version": 1, "status": "implemented"}))
    assert codes == API_SAVE_ANSWER[status]
    assert Answer.objects.get(report=report_a, question__path="57/k").version == 1


@pytest.mark.parametrize(("status", "name"), list(API_TRANSITIONS))
def test_moving_state_as_report_through_the_api(report_a, bring, clients, status, name):
    bring(report_a, status)
    url = f"{API}/reports/{report_a.cycle_id}/CHE/transitions/{name}"
    codes = attempt(clients, lambda c: send(c, "post", url, {"comment": "Please add the dates."}))
    assert codes == API_TRANSITIONS[(status, name)]


@pytest.mark.parametrize("status", list(API_COMMENT))
def test_commenting_through_the_api_by_status(report_a, bring, clients, status):
    bring(report_a, status)
    url = f"{API}/reports/{report_a.cycle_id}/CHE/comments"
    assert attempt(clients, lambda c: send(c, "post", url, {"text": "Which law?"})) == API_COMMENT[status]


def test_opening_a_cycle_through_the_api_is_for_the_secretariat_only(imported_plan, clients):
    body = {"name": "2002 review", "opens": "2002-01-01", "closes": "2002-12-31", "chapters": ["VI"]}
    assert attempt(clients, lambda c: send(c, "post", f"{API}/cycles", body)) == API_OPEN_CYCLE


def test_recording_progress_through_the_api_is_for_the_secretariat_only(cycle, clients):
    body = {"status": "ongoing", "resources": "secured", "outputs": []}
    url = f"{API}/cycles/{cycle.pk}/international/59/a"
    assert attempt(clients, lambda c: send(c, "put", url, body)) == API_RECORD_PROGRESS


@pytest.mark.parametrize("status", ["draft", "submitted", "returned", "validated"])
def test_focal_point_a_can_neither_read_nor_change_bs_unpublished_answers_through_the_api(
    report_b, bring, client_as, focal_point_a, status
):
    bring(report_b, status)
    client = client_as(focal_point_a)
    base = f"{API}/reports/{report_b.cycle_id}/FRA"
    for path in ("", "/answers", "/events", "/comments", "/diff"):
        assert client.get(base + path).status_code == 404
    assert send(client, "patch", base + "/answers/57/k", {"version": 1, "narrative": "x"}).status_code == 404
    assert send(client, "post", base + "/transitions/validate", {}).status_code == 404
    assert Answer.objects.get(report=report_b, question__path="57/k").version == 1
    assert Report.objects.get(pk=report_b.pk).status == status


def test_api_writes_need_the_csrf_token_of_the_session(report_a, focal_point_a):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(focal_point_a)
    url = f"{API}/reports/{report_a.cycle_id}/CHE/answers/57/k"
    assert send(client, "patch", url, {"version": 1, "status": "implemented"}).status_code == 403
    assert Answer.objects.get(report=report_a, question__path="57/k").version == 1


def test_a_missing_cycle_and_a_hidden_report_answer_the_apis_404_body(report_b, client_as, focal_point_a):
    client = client_as(focal_point_a)
    missing = client.get(f"{API}/cycles/{report_b.cycle_id + 1000}/questions")
    assert (missing.status_code, missing.json()) == (
        404,
        {"detail": f"There is no reporting cycle {report_b.cycle_id + 1000}.", "errors": []},
    )
    hidden = client.get(f"{API}/reports/{report_b.cycle_id}/fra/answers")
    assert (hidden.status_code, hidden.json()) == (
        404,
        {"detail": "There is no report of FRA in this cycle that you may see.", "errors": []},
    )
