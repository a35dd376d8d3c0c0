"""Who may read and who may write, for every page and form of /reporting/ (see reporting_access_table)."""

from __future__ import annotations

import pytest
from reporting_access_table import (
    EVERYONE_200,
    READ_REPORT,
    WEB_COMMENT,
    WEB_SAVE_ANSWER,
    WEB_SECRETARIAT_ONLY,
    WEB_TRANSITIONS,
    attempt,
)

from viennaplan.reporting.models import Answer, Report, ReportEvent


def test_the_cycles_page_is_open_to_everyone(cycle, clients):
    assert attempt(clients, lambda c: c.get("/reporting/")) == EVERYONE_200


def test_a_cycles_overview_is_open_to_everyone(cycle, clients):
    assert attempt(clients, lambda c: c.get(f"/reporting/{cycle.pk}/")) == EVERYONE_200


def test_the_international_progress_page_is_open_to_everyone(cycle, clients):
    assert attempt(clients, lambda c: c.get(f"/reporting/{cycle.pk}/international/")) == EVERYONE_200


@pytest.mark.parametrize("status", list(READ_REPORT))
@pytest.mark.parametrize("page", ["", "history", "chapter/VI", "chapter/VII"])
def test_reading_state_as_report_by_status(report_a, bring, clients, status, page):
    bring(report_a, status)
    url = f"/reporting/{report_a.cycle_id}/CHE/{page}"
    assert attempt(clients, lambda c: c.get(url)) == READ_REPORT[status]


@pytest.mark.parametrize("status", list(WEB_SAVE_ANSWER))
def test_saving_an_answer_of_state_a_by_status(report_a, bring, clients, status):
    bring(report_a, status)
    answer = Answer.objects.get(report=report_a, question__path="57/k")
    url = f"/reporting/{report_a.cycle_id}/CHE/answers/{answer.pk}"
    codes = attempt(clients, lambda c: c.post(url, {"status": "implemented", "version": answer.version}))
    assert codes == WEB_SAVE_ANSWER[status]
    assert Answer.objects.get(pk=answer.pk).version == 1  # every attempt was rolled back


@pytest.mark.parametrize(("status", "name"), list(WEB_TRANSITIONS))
def test_moving_state_as_report(report_a, bring, clients, status, name):
    bring(report_a, status)
    url = f"/reporting/{report_a.cycle_id}/CHE/transitions/{name}"
    codes = attempt(clients, lambda c: c.post(url, {"comment": "Please add the dates."}))
    assert codes == WEB_TRANSITIONS[(status, name)]


@pytest.mark.parametrize("status", list(WEB_COMMENT))
def test_commenting_on_state_as_report_by_status(report_a, bring, clients, status):
    bring(report_a, status)
    url = f"/reporting/{report_a.cycle_id}/CHE/comments"
    assert attempt(clients, lambda c: c.post(url, {"text": "Which law?"})) == WEB_COMMENT[status]


def test_opening_a_cycle_is_for_the_secretariat_only(imported_plan, clients):
    form = {"name": "2002 review", "opens": "2002-01-01", "closes": "2002-12-31", "chapters": ["VI"]}
    assert attempt(clients, lambda c: c.post("/reporting/", form)) == WEB_SECRETARIAT_ONLY


def test_recording_international_progress_is_for_the_secretariat_only(cycle, clients):
    form = {"path": "59/a", "status": "ongoing", "resources": "secured"}
    url = f"/reporting/{cycle.pk}/international/"
    assert attempt(clients, lambda c: c.post(url, form)) == WEB_SECRETARIAT_ONLY


@pytest.mark.parametrize("status", ["draft", "submitted", "returned", "validated"])
def test_focal_point_a_can_neither_read_nor_change_bs_unpublished_answers(
    report_b, bring, client_as, focal_point_a, status
):
    bring(report_b, status)
    client = client_as(focal_point_a)
    answer = Answer.objects.get(report=report_b, question__path="57/k")
    base = f"/reporting/{report_b.cycle_id}/FRA/"
    assert client.get(base).status_code == 404
    assert client.get(base + "history").status_code == 404
    assert client.post(base + f"answers/{answer.pk}", {"status": "implemented", "version": 1}).status_code == 404
    assert client.post(base + "transitions/validate").status_code == 404
    assert client.post(base + "comments", {"text": "hello"}).status_code == 404
    assert Answer.objects.get(pk=answer.pk).version == 1
    assert Report.objects.get(pk=report_b.pk).status == status


def test_the_404_for_a_hidden_report_is_the_same_as_for_a_missing_one(report_b, client_as, focal_point_a):
    client = client_as(focal_point_a)
    hidden = client.get(f"/reporting/{report_b.cycle_id}/FRA/")
    missing = client.get(f"/reporting/{report_b.cycle_id}/DEU/")
    assert hidden.status_code == missing.status_code == 404
    assert b"FRA" not in missing.content and b"that you may see" in hidden.content


def test_a_focal_point_sees_only_their_states_report_in_the_overview(report_a, report_b, client_as, focal_point_a):
    page = client_as(focal_point_a).get(f"/reporting/{report_a.cycle_id}/").content.decode()
    assert f"/reporting/{report_a.cycle_id}/CHE/" in page and "/FRA/" not in page


def test_the_public_sees_only_published_reports_in_the_overview(report_a, report_b, bring, client_as, anonymous):
    bring(report_a, "published")
    page = client_as(anonymous).get(f"/reporting/{report_a.cycle_id}/").content.decode()
    assert "/CHE/" in page and "/FRA/" not in page


def test_forms_are_refused_without_a_csrf_token(report_a, focal_point_a):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(focal_point_a)
    response = client.post(f"/reporting/{report_a.cycle_id}/CHE/transitions/submit")
    assert response.status_code == 403
    assert Report.objects.get(pk=report_a.pk).status == "draft" and not ReportEvent.objects.exists()


def test_a_missing_cycle_says_where_the_cycles_are_listed(cycle, client_as, focal_point_a):
    client = client_as(focal_point_a)
    missing = cycle.pk + 1000
    for url in (f"/reporting/{missing}/", f"/reporting/{missing}/CHE/", f"/reporting/{missing}/CHE/questionnaire.xlsx"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert (
            f"There is no reporting cycle {missing}; the cycles are listed at /reporting/." in response.content.decode()
        )
