"""The JSON twins of the request pages: who reads what (401/403/404), filters and a bad one (422),
moving a request (201, 403, 409, CSRF) and filing from an answer (201, then 200 with the same one)."""

from __future__ import annotations

import json

import pytest

from viennaplan.assistance.models import AssistanceRequest

API = "/api/assistance/requests"


@pytest.fixture
def two_states(ta_file):
    return ta_file("CHE", kind="training", provisions=["57/f"]), ta_file("FRA", kind="equipment")


def post(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


@pytest.mark.parametrize(
    ("persona", "status", "states"),
    [
        ("secretariat", 200, ["CHE", "FRA"]),
        ("focal_point_a", 200, ["CHE"]),
        ("focal_point_b", 200, ["FRA"]),
        ("reviewer", 403, None),
        ("contributor", 403, None),
        ("anonymous", 401, None),
    ],
)
def test_the_list_answers_each_persona(request, client_as, two_states, persona, status, states):
    response = client_as(request.getfixturevalue(persona)).get(API)
    assert response.status_code == status
    body = response.json()
    if states is None:
        assert body["detail"]
    else:
        assert sorted(r["state"] for r in body["requests"]) == states and body["count"] == len(states)


def test_the_filters_are_the_pages_and_a_bad_one_is_a_422_naming_it(client_as, secretariat, two_states):
    che, fra = two_states
    client = client_as(secretariat)
    assert [r["key"] for r in client.get(API, {"state": "CHE"}).json()["requests"]] == [che.key]
    assert [r["key"] for r in client.get(API, {"kind": "equipment"}).json()["requests"]] == [fra.key]
    assert client.get(API, {"status": "received", "chapter": "VI"}).json()["count"] == 2
    for query, parameter in (({"state": "XXX"}, "state"), ({"status": "pending"}, "status"), ({"kind": "x"}, "kind")):
        response = client.get(API, query)
        assert response.status_code == 422
        assert response.json()["errors"][0].startswith(f"query {parameter}:"), response.json()


def test_one_request_with_its_events_and_moves(client_as, secretariat, focal_point_a, focal_point_b, two_states):
    che, _fra = two_states
    body = client_as(secretariat).get(f"{API}/{che.key}").json()
    assert (body["state"], body["status"], body["provisions"], body["transitions"]) == (
        "CHE",
        "received",
        ["57/f"],
        ["assess", "decline"],
    )
    assert client_as(focal_point_a).get(f"{API}/{che.key}").json()["transitions"] == []
    assert client_as(focal_point_b).get(f"{API}/{che.key}").status_code == 404
    assert client_as(secretariat).get(f"{API}/TA-NONE-2003-001").status_code == 404


def test_moving_a_request(client_as, secretariat, focal_point_a, ta_request):
    url = f"{API}/{ta_request.key}/transitions"
    assert post(client_as(focal_point_a), f"{url}/assess").status_code == 403
    moved = post(client_as(secretariat), f"{url}/assess", {"comment": "Clear."})
    assert moved.status_code == 201 and moved.json()["to_status"] == "assessed" and moved.json()["comment"] == "Clear."
    refused = post(client_as(secretariat), f"{url}/decline")
    assert refused.status_code == 409 and "reason" in refused.json()["detail"]
    assert post(client_as(secretariat), f"{url}/approve").status_code == 409
    events = client_as(secretariat).get(f"{API}/{ta_request.key}").json()["events"]
    assert [e["transition"] for e in events] == ["assess"]


def test_moving_needs_a_session_and_its_csrf_token(client, secretariat, ta_request):
    from django.test import Client

    assert post(client, f"{API}/{ta_request.key}/transitions/assess").status_code == 401
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(secretariat)
    assert post(strict, f"{API}/{ta_request.key}/transitions/assess").status_code == 403
    ta_request.refresh_from_db()
    assert ta_request.status == "received"


def test_filing_from_an_answer_then_the_same_one(client_as, focal_point_a, focal_point_b, ta_answer):
    url = f"/api/assistance/answers/{ta_answer.pk}/request"
    assert post(client_as(focal_point_b), url).status_code == 403
    first = post(client_as(focal_point_a), url)
    assert first.status_code == 201 and first.json()["answer"] == ta_answer.pk
    again = post(client_as(focal_point_a), url)
    assert again.status_code == 200 and again.json()["key"] == first.json()["key"]
    assert AssistanceRequest.objects.count() == 1
    ta_answer.assistance_needed = False
    ta_answer.save()
    AssistanceRequest.objects.all().delete()
    refused = post(client_as(focal_point_a), url)
    assert refused.status_code == 422 and "does not ask for assistance" in refused.json()["errors"][0]
