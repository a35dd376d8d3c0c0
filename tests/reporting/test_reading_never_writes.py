"""Reading never writes (issue 7, defect 10): looking at a report that a State has not started
leaves it not started, for the secretariat as for the State's own focal point, on the page, in
the API and on the workbook link; only a POST (the "Start the report" form) or an API write
starts it. Every page answers 405 to methods it does not serve."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from viennaplan.reporting.models import Answer, Report

API = "/api/reporting"


def reports_of(cycle) -> set[str]:
    return set(Report.objects.filter(cycle=cycle).values_list("state_id", flat=True))


@pytest.mark.parametrize(
    "path",
    [
        "/reporting/{cycle}/DEU/",
        "/reporting/{cycle}/DEU/history",
        f"{API}/reports/{{cycle}}/DEU",
        f"{API}/reports/{{cycle}}/DEU/answers",
        "/reporting/{cycle}/DEU/questionnaire.xlsx",
        "/reporting/{cycle}/DEU/upload",
    ],
)
def test_the_secretariat_reading_a_report_not_started_leaves_it_not_started(cycle, client_as, secretariat, path):
    response = client_as(secretariat).get(path.format(cycle=cycle.pk))
    assert response.status_code in (200, 403, 409)
    assert reports_of(cycle) == set()


def test_the_cycle_still_lists_a_state_as_not_started_after_the_secretariat_looked(cycle, client_as, secretariat):
    client = client_as(secretariat)
    client.get(f"/reporting/{cycle.pk}/DEU/")
    body = client.get(f"{API}/reports/{cycle.pk}/DEU").json()
    assert body["status"] == "not_started" and body["started"] is False
    assert reports_of(cycle) == set()


def test_the_focal_point_reading_its_own_report_does_not_start_it(cycle, client_as, focal_point_a):
    client = client_as(focal_point_a)
    page = client.get(f"/reporting/{cycle.pk}/CHE/").content.decode()
    assert client.get(f"{API}/reports/{cycle.pk}/CHE").json()["started"] is False
    assert f'action="/reporting/{cycle.pk}/CHE/start"' in page
    assert reports_of(cycle) == set()


def test_the_workbook_of_a_report_not_started_says_to_start_it_first(cycle, client_as, focal_point_a):
    response = client_as(focal_point_a).get(f"/reporting/{cycle.pk}/CHE/questionnaire.xlsx")
    assert response.status_code == 409
    assert "start it on the report page" in response.content.decode()
    assert reports_of(cycle) == set()


def test_the_start_form_starts_the_report_with_every_answer(cycle, client_as, focal_point_a):
    response = client_as(focal_point_a).post(f"/reporting/{cycle.pk}/CHE/start")
    assert response.status_code == 302 and response["Location"] == f"/reporting/{cycle.pk}/CHE/"
    report = Report.objects.get(cycle=cycle, state_id="CHE")
    assert report.status == "draft"
    assert Answer.objects.filter(report=report).count() == cycle.questions.count()


@pytest.mark.parametrize("persona", ["reviewer", "focal_point_b", "anonymous"])
def test_only_those_who_may_edit_the_report_may_start_it(cycle, client_as, request, persona):
    response = client_as(request.getfixturevalue(persona)).post(f"/reporting/{cycle.pk}/CHE/start")
    assert response.status_code in (302, 403, 404)  # anonymous: to the sign-in page
    assert reports_of(cycle) == set()


def test_the_secretariat_may_start_a_report_on_a_states_behalf(cycle, client_as, secretariat):
    assert client_as(secretariat).post(f"/reporting/{cycle.pk}/DEU/start").status_code == 302
    assert reports_of(cycle) == {"DEU"}


def test_starting_by_get_is_not_possible(cycle, client_as, focal_point_a):
    assert client_as(focal_point_a).get(f"/reporting/{cycle.pk}/CHE/start").status_code == 405
    assert reports_of(cycle) == set()


def test_a_first_answer_sent_through_the_api_starts_the_report(cycle, client_as, focal_point_a):
    response = client_as(focal_point_a).patch(
        f"{API}/reports/{cycle.pk}/CHE/answers/57/k",
        {"version": 1, "status": "implemented"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert reports_of(cycle) == {"CHE"}


# -- every page refuses the methods it does not serve ---------------------------------------------

SAMPLE_ARGUMENTS = {
    "number": "VI",
    "chapter": "VI",  # a chapter section of a report
    "path": "57/k/ii",
    "code": "CHE",
    "alpha3": "CHE",
    "state": "CHE",
    "answer_id": 1,
    "name": "submit",
    "contribution_id": 1,
    "uidb64": "MQ",
    "token": "x-y",
    "pk": 1,
    "key": "ratify-untoc",  # a deadline of the plan (and a record's key in the knowledge databases)
    "instrument": "FIREARMS",  # the legislative guide
    "article": "5",
    "year": 2003,  # a national firearms report
    "label": "1.0",  # a document's version
    "dimension": "form",  # an aggregate of the trafficking flows
}


def page_urls(cycle_id: int) -> list[str]:
    """One URL of every named page of the site (the admin and the JSON API aside)."""
    urls = []

    def walk(patterns, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.app_name in ("admin", "api") or (entry.namespace or "").startswith("api"):
                    continue
                walk(entry.url_patterns, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                arguments = {**SAMPLE_ARGUMENTS, "cycle_id": cycle_id}
                if entry.pattern.regex.groupindex.keys() == {"number"} and "[0-9]" in entry.pattern.regex.pattern:
                    arguments["number"] = 30  # a note, not a chapter
                wanted = entry.pattern.regex.groupindex
                urls.append(reverse(f"{namespace}{entry.name}", kwargs={k: arguments[k] for k in wanted}))

    walk(get_resolver().url_patterns, "")
    return urls


def test_the_walk_finds_every_page(cycle):
    urls = page_urls(cycle.pk)
    assert len(urls) >= 40
    assert f"/reporting/{cycle.pk}/CHE/" in urls and "/plan/57/k/ii" in urls and "/accounts/login/" in urls


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_every_page_answers_405_to_methods_it_does_not_serve(cycle, client_as, secretariat, method):
    client = client_as(secretariat)
    wrong = {url: getattr(client, method)(url).status_code for url in page_urls(cycle.pk)}
    assert {url: status for url, status in wrong.items() if status != 405} == {}
    assert reports_of(cycle) == set()


def test_the_plan_version_selector_shows_only_on_the_plans_own_pages(cycle, client_as, secretariat, plan_document):
    """The header's "Version of the plan" selector belongs to pages that show the plan's text (it
    shows once there are two versions); a page whose context reused the name `versions` once filled
    it with other things (issue 10)."""
    import copy

    from viennaplan.plan.integrity import plan_checksum
    from viennaplan.plan.saving import import_plan_document

    revised = copy.deepcopy(plan_document)
    revised.paragraphs[0].text += " (revised)"  # a second version of the plan: the selector has something to offer
    revised.checksum = plan_checksum(revised)
    import_plan_document(revised, source_name="revised.txt")
    client = client_as(secretariat)
    showing = set()
    for url in page_urls(cycle.pk):
        response = client.get(url)
        html = response.status_code == 200 and response["Content-Type"].startswith("text/html")
        if html and 'id="version-select"' in response.content.decode():
            showing.add(url)
    assert showing, "no page shows the selector: the check found nothing to check"
    assert {url for url in showing if not (url == "/" or url.startswith("/plan"))} == set()
