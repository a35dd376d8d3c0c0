"""The pages of requests: who reads which (each persona), filters and a bad one, the detail with its
moves, filing a request (own State only), moving one, and the one-click request from an answer."""

from __future__ import annotations

import pytest
from request_paths import NEED

from viennaplan.assistance.models import AssistanceRequest

LIST = "/assistance/requests"


@pytest.fixture
def two_states(ta_file):
    return ta_file("CHE", kind="training"), ta_file("FRA", kind="equipment")


def keys_in(response) -> set[str]:
    return {key for key in AssistanceRequest.objects.values_list("key", flat=True) if key in response.text}


@pytest.mark.parametrize(
    ("persona", "status", "sees"),
    [
        ("secretariat", 200, {"CHE", "FRA"}),
        ("focal_point_a", 200, {"CHE"}),
        ("focal_point_b", 200, {"FRA"}),
        ("reviewer", 403, set()),
        ("contributor", 403, set()),
    ],
)
def test_the_list_shows_each_persona_what_it_may_read(request, client_as, two_states, persona, status, sees):
    response = client_as(request.getfixturevalue(persona)).get(LIST)
    assert response.status_code == status
    if status == 200:
        assert keys_in(response) == {r.key for r in two_states if r.state_id in sees}


def test_the_public_is_sent_to_sign_in(client, two_states):
    for url in (LIST, f"{LIST}/{two_states[0].key}", f"{LIST}/new"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url


def test_the_filters_choose_the_requests(client_as, secretariat, two_states, ta_bring):
    che, fra = two_states
    ta_bring(fra, "assessed")
    client = client_as(secretariat)
    assert keys_in(client.get(LIST, {"state": "che"})) == {che.key}
    assert keys_in(client.get(LIST, {"kind": "equipment"})) == {fra.key}
    assert keys_in(client.get(LIST, {"status": "assessed"})) == {fra.key}
    assert keys_in(client.get(LIST, {"chapter": "vi"})) == {che.key, fra.key}
    assert keys_in(client.get(LIST, {"chapter": "VII"})) == set()


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"state": "XXX"}, "state"),
        ({"status": "pending"}, "status"),
        ({"kind": "money"}, "kind"),
        ({"chapter": "6"}, "chapter"),
        ({"page": "0"}, "page"),
    ],
)
def test_a_bad_filter_answers_400_naming_it(client_as, secretariat, query, parameter):
    response = client_as(secretariat).get(LIST, query)
    assert response.status_code == 400
    assert f'data-parameter="{parameter}"' in response.text


def test_a_focal_point_reads_its_own_states_request_and_not_another_states(client_as, focal_point_a, two_states):
    che, fra = two_states
    client = client_as(focal_point_a)
    page = client.get(f"{LIST}/{che.key}")
    assert page.status_code == 200 and NEED in page.text and "transition-form" not in page.text
    assert client.get(f"{LIST}/{fra.key}").status_code == 404


def test_the_secretariat_moves_a_request_from_its_page_with_a_comment(client_as, secretariat, ta_request):
    client = client_as(secretariat)
    page = client.get(f"{LIST}/{ta_request.key}")
    assert 'name="csrfmiddlewaretoken"' in page.text and "/transitions/assess" in page.text
    response = client.post(f"{LIST}/{ta_request.key}/transitions/assess", {"comment": "Needs are clear."})
    assert response.status_code == 302
    ta_request.refresh_from_db()
    assert ta_request.status == "assessed" and ta_request.events.get().comment == "Needs are clear."
    assert "Needs are clear." in client.get(f"{LIST}/{ta_request.key}").text
    refused = client.post(f"{LIST}/{ta_request.key}/transitions/close")
    assert refused.status_code == 409 and 'id="problem"' in refused.text


def test_a_focal_point_cannot_move_its_request(client_as, focal_point_a, ta_request):
    response = client_as(focal_point_a).post(f"{LIST}/{ta_request.key}/transitions/assess")
    assert response.status_code == 403
    ta_request.refresh_from_db()
    assert ta_request.status == "received"


def test_the_transition_form_needs_the_csrf_token(secretariat, ta_request):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat)
    assert client.post(f"{LIST}/{ta_request.key}/transitions/assess").status_code == 403


def test_a_focal_point_files_a_request_for_its_own_state_only(imported_plan, client_as, focal_point_a):
    client = client_as(focal_point_a)
    form = client.get(f"{LIST}/new")
    assert form.status_code == 200 and 'name="state" value="CHE"' in form.text
    data = {
        "state": "FRA",
        "chapter": "VI",
        "need": NEED,
        "kind": "training",
        "provisions": "57/f, 57/i",
        "articles": "FIREARMS 8(1)",
        "urgency": "high",
        "estimated_cost": "1200.50",
        "currency": "usd",
        "shareable": "on",
    }
    response = client.post(f"{LIST}/new", data)
    assert response.status_code == 302
    filed = AssistanceRequest.objects.get()
    assert response["Location"] == f"{LIST}/{filed.key}"
    assert (filed.state_id, filed.currency, filed.shareable, filed.created_by) == ("CHE", "USD", True, focal_point_a)
    assert [p.path for p in filed.provisions.all()] == ["57/f", "57/i"]


def test_the_secretariat_files_for_any_state_and_a_bad_form_says_every_problem(imported_plan, client_as, secretariat):
    client = client_as(secretariat)
    bad = client.post(
        f"{LIST}/new", {"state": "FRA", "chapter": "XX", "need": "", "kind": "money", "estimated_cost": "a lot"}
    )
    assert bad.status_code == 400 and 'data-field="estimated_cost"' in bad.text
    bad = client.post(f"{LIST}/new", {"state": "FRA", "chapter": "XX", "need": "", "kind": "money"})
    assert bad.status_code == 400
    assert all(f'data-field="{field}"' in bad.text for field in ("chapter", "need", "kind"))
    assert not AssistanceRequest.objects.exists()
    good = client.post(
        f"{LIST}/new", {"state": "FRA", "chapter": "VI", "need": NEED, "kind": "training", "urgency": "low"}
    )
    assert good.status_code == 302 and AssistanceRequest.objects.get().state_id == "FRA"


@pytest.mark.parametrize("persona", ["reviewer", "contributor"])
def test_other_roles_file_nothing(request, client_as, persona):
    client = client_as(request.getfixturevalue(persona))
    assert client.get(f"{LIST}/new").status_code == 403
    assert client.post(f"{LIST}/new", {"state": "CHE"}).status_code == 403


def test_one_click_from_an_answer_files_the_request_once(client_as, focal_point_a, focal_point_b, ta_answer):
    url = f"/assistance/answers/{ta_answer.pk}/request"
    assert client_as(focal_point_b).post(url).status_code == 403
    first = client_as(focal_point_a).post(url)
    filed = AssistanceRequest.objects.get()
    assert first.status_code == 302 and first["Location"] == f"{LIST}/{filed.key}"
    assert client_as(focal_point_a).post(url)["Location"] == f"{LIST}/{filed.key}"
    assert AssistanceRequest.objects.count() == 1 and filed.answer == ta_answer
    page = client_as(focal_point_a).get(f"{LIST}/{filed.key}")
    assert 'id="from-answer"' in page.text and ta_answer.report.get_absolute_url() in page.text
    assert client_as(focal_point_a).get(url).status_code == 405
    assert client_as(focal_point_a).post("/assistance/answers/999999/request").status_code == 404


def test_an_answer_not_asking_for_assistance_answers_400(client_as, focal_point_a, ta_answer):
    ta_answer.assistance_needed = False
    ta_answer.save()
    response = client_as(focal_point_a).post(f"/assistance/answers/{ta_answer.pk}/request")
    assert response.status_code == 400 and "does not ask for assistance" in response.text


def test_the_answer_on_the_report_page_offers_the_request_then_links_it(client_as, focal_point_a, ta_answer):
    """The focal point's report page: under an answer asking for assistance, the one-click form; once
    the request is filed, a link to it instead."""
    section = f"/reporting/{ta_answer.report.cycle_id}/CHE/chapter/VI"
    form = f'action="/assistance/answers/{ta_answer.pk}/request"'
    page = client_as(focal_point_a).get(section).content.decode()
    assert form in page
    client_as(focal_point_a).post(f"/assistance/answers/{ta_answer.pk}/request")
    filed = AssistanceRequest.objects.get()
    page = client_as(focal_point_a).get(section).content.decode()
    assert form not in page and f'href="{LIST}/{filed.key}"' in page and "Received" in page


def test_the_list_links_its_csv_with_the_same_filters_and_the_detail_links_its_projects(
    client_as, secretariat, ta_request
):
    from viennaplan.assistance.models import Project

    project = Project.objects.create(key="PRJ-2002-009", title="Marking of firearms", chapter="VI")
    project.requests.add(ta_request)
    client = client_as(secretariat)
    listing = client.get(LIST, {"state": "CHE", "kind": "training"})
    assert 'href="/assistance/requests.csv?state=CHE&amp;kind=training" id="requests-csv"' in listing.text
    assert 'href="/assistance/projects"' in listing.text
    detail = client.get(f"{LIST}/{ta_request.key}")
    assert '<a href="/assistance/projects/PRJ-2002-009"><code>PRJ-2002-009</code></a>' in detail.text
