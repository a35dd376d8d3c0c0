"""The JSON twins of the projects' pages: list and filters (a bad one: 422), a project with the requests
each reader may read, and the Secretariat's record-output and complete (201/200, 401, 403, 404, 409, 422)."""

from __future__ import annotations

import json

from viennaplan.assistance.models import ProjectOutput, RequestEvent

API = "/api/assistance/projects"
ONE = f"{API}/PRJ-2003-001"


def post(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def test_the_list_filters_and_a_bad_filter(client, prj_project, prj_other):
    body = client.get(API).json()
    assert body["count"] == 2 and [p["key"] for p in body["projects"]] == ["PRJ-2002-001", "PRJ-2003-001"]
    assert body["projects"][1]["requests_count"] == 2 and body["projects"][1]["status_label"] == "Planned"
    assert [p["key"] for p in client.get(API, {"region": "Asia"}).json()["projects"]] == ["PRJ-2002-001"]
    assert [p["key"] for p in client.get(API, {"chapter": "VI", "status": "planned"}).json()["projects"]] == [
        "PRJ-2003-001"
    ]
    for query, parameter in (({"status": "late"}, "status"), ({"chapter": "6"}, "chapter")):
        response = client.get(API, query)
        assert response.status_code == 422 and response.json()["errors"][0].startswith(f"query {parameter}:")
    assert client.get(f"{API}/PRJ-1999-009").status_code == 404


def test_a_project_and_who_reads_its_requests(client, client_as, prj_project, prj_requests, secretariat, focal_point_a):
    che, fra = prj_requests
    public = client.get(ONE).json()
    assert (public["requests"], public["requests_not_shown"], public["actions"]) == ([], 2, [])
    assert [(b["year"], b["currency"], b["amount"]) for b in public["budget"]] == [
        (2003, "EUR", "500.00"),
        (2003, "USD", "1000.50"),
        (2004, "USD", "2000.00"),
    ]
    assert public["budget_totals"] == [
        {"currency": "EUR", "amount": "500.00"},
        {"currency": "USD", "amount": "3000.50"},
    ]
    assert public["disbursements"][0]["fund"] == "gp-trafficking"
    assert public["disbursed_totals"] == [{"currency": "EUR", "amount": "250.00"}]
    assert public["milestones"] == [{"title": "Inception workshop", "due": "2003-03-01", "done": False}]
    own = client_as(focal_point_a).get(ONE).json()
    assert [r["key"] for r in own["requests"]] == [che.key] and own["requests_not_shown"] == 1
    full = client_as(secretariat).get(ONE).json()
    assert sorted(r["key"] for r in full["requests"]) == sorted([che.key, fra.key]) and full["requests_not_shown"] == 0
    assert full["actions"] == ["outputs", "complete"]


def test_record_output_and_complete(client, client_as, prj_project, prj_requests, secretariat, focal_point_a):
    output = {"kind": "officials_trained", "quantity": 12, "date": "2003-05-06"}
    assert post(client, f"{ONE}/outputs", output).status_code == 401
    assert post(client, f"{ONE}/complete").status_code == 401
    refused = post(client_as(focal_point_a), f"{ONE}/outputs", output)
    assert refused.status_code == 403 and refused.json()["detail"]
    assert post(client_as(focal_point_a), f"{ONE}/complete").status_code == 403
    admin = client_as(secretariat)
    assert post(admin, f"{API}/PRJ-1999-009/outputs", output).status_code == 404
    for bad in ({**output, "kind": "party"}, {**output, "date": "06/05/2003"}, {**output, "quantity": 0}):
        response = post(admin, f"{ONE}/outputs", bad)
        assert response.status_code == 422 and response.json()["detail"], bad
    assert not ProjectOutput.objects.exists() and RequestEvent.objects.filter(transition="deliver").count() == 0

    recorded = post(admin, f"{ONE}/outputs", output)
    assert recorded.status_code == 201
    body = recorded.json()
    assert body["output"]["quantity"] == 12 and sorted(body["in_delivery"]) == sorted(r.key for r in prj_requests)
    assert {r.status for r in prj_project.requests.all()} == {"in_delivery"}
    completed = post(admin, f"{ONE}/complete")
    assert completed.status_code == 200
    assert completed.json()["status"] == "completed" and len(completed.json()["delivered"]) == 2
    assert {r.status for r in prj_project.requests.all()} == {"delivered"}
    assert post(admin, f"{ONE}/complete").status_code == 409
    assert post(admin, f"{ONE}/outputs", output).status_code == 409


def test_the_list_asks_no_query_per_row_and_odd_input_is_refused_cleanly(client, prj_other, django_assert_num_queries):
    from viennaplan.assistance.models import Project

    client.get(API)  # warm: what the process loads once (caches keyed by data stamps) is not counted
    with django_assert_num_queries(2):  # the count, the page
        assert client.get(API).json()["count"] == 1
    Project.objects.bulk_create(Project(key=f"PRJ-2005-{n:03d}", title=f"Project {n}") for n in range(1, 6))
    with django_assert_num_queries(2):
        assert client.get(API).json()["count"] == 6
    assert client.get(API, {"region": "Asia\x00"}).status_code == 422
    assert client.get("/assistance/projects", {"region": "Asia\x00"}).status_code == 400
    assert client.get(f"{API}/PRJ%00").status_code in (404, 422)
    with django_assert_num_queries(0):
        assert client.get(f"{API}/PRJ';--").status_code == 404
