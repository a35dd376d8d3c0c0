"""The overview's pages and their JSON twins: who sees what (the public, the focal points of CHE and
FRA, a reviewer, the secretariat), shareable against confidential needs, and bad input."""

from __future__ import annotations

import pytest
from overview_needs import CONFIDENTIAL_NEED, SHARED_NEED

PERSONAS = ("public", "focal_point_a", "focal_point_b", "reviewer", "secretariat")


@pytest.fixture
def clients(request, client_as):
    """Each persona's client; "public" is not signed in."""
    return {
        name: client_as(None if name == "public" else request.getfixturevalue(name))
        for name in (*PERSONAS, "contributor")
    }


def test_the_board_and_matching_are_the_secretariats(ov_world, clients):
    for path in ("/assistance/board", "/assistance/matching"):
        answers = {name: clients[name].get(path) for name in PERSONAS}
        assert answers["public"].status_code == 302 and answers["public"]["Location"].startswith("/accounts/login/")
        assert {name: r.status_code for name, r in answers.items() if name != "public"} == {
            "focal_point_a": 403,
            "focal_point_b": 403,
            "reviewer": 403,
            "secretariat": 200,
        }, path
        api = {name: clients[name].get("/api" + path).status_code for name in PERSONAS}
        assert api == {"public": 401, "focal_point_a": 403, "focal_point_b": 403, "reviewer": 403, "secretariat": 200}


def test_the_board_page_links_each_cell_to_the_filtered_list(ov_world, clients):
    page = clients["secretariat"].get("/assistance/board").content.decode()
    assert 'href="/assistance/requests?chapter=VI&amp;status=awaiting_resources">2</a>' in page
    assert "1000.00" in page and "CHF" in page
    data = clients["secretariat"].get("/api/assistance/board").json()
    vi = next(row for row in data["rows"] if row["chapter"] == "VI")
    assert {c["status"]: c["count"] for c in vi["cells"]}["awaiting_resources"] == 2
    assert vi["waiting"] == [
        {"currency": "CHF", "total": "1000.00", "count": 1},
        {"currency": "EUR", "total": "200.00", "count": 1},
    ]


def test_matching_page_and_api_show_the_donors_and_projects(ov_world, clients):
    nga = ov_world["requests"]["nga_v"].key
    page = clients["secretariat"].get("/assistance/matching", {"chapter": "v"}).content.decode()
    assert nga in page and "France" in page and ov_world["requests"]["fra_vi"].key not in page
    data = clients["secretariat"].get("/api/assistance/matching").json()
    assert data["count"] == 5 and data["with_donor"] == 5
    row = next(r for r in data["requests"] if r["request"] == nga)
    assert [(d["name"], d["reason"]) for d in row["donors"]] == [
        ("France", "chapter"),
        ("Open Foundation", "unearmarked"),
    ]


def test_a_states_requests_in_full_only_for_the_secretariat_and_its_own_focal_points(ov_world, clients):
    for name in PERSONAS:
        page = clients[name].get("/assistance/states/che")
        data = clients[name].get("/api/assistance/states/CHE").json()
        assert page.status_code == 200, name
        full = name in ("secretariat", "focal_point_a")
        assert (CONFIDENTIAL_NEED in page.content.decode()) is full, name
        assert (CONFIDENTIAL_NEED in str(data)) is full and data["full"] is full, name
        assert data["total"] == 3 and data["project_count"] == 1, name
        assert data["disbursed"] == [{"currency": "EUR", "total": "300.00", "count": 1}], name
        assert ("PRJ-OV-1" in str(data)) is full, name


def test_an_area_is_public_and_shows_no_need(ov_world, clients):
    for name in PERSONAS:
        page = clients[name].get("/assistance/areas/V").content.decode()
        assert "gp-trafficking" in page and "1700.00" in page and SHARED_NEED not in page, name
    data = clients["public"].get("/api/assistance/areas/V").json()
    assert data["gaps"] == [
        {"currency": "EUR", "waiting": "0.00", "available": "1700.00", "gap": "-1700.00"},
        {"currency": "USD", "waiting": "300.00", "available": "0.00", "gap": "300.00"},
    ]
    assert data["counts"]["awaiting_resources"] == 2


def test_a_donors_needs_show_shareable_text_to_officials_and_never_a_confidential_one(ov_world, clients):
    pk = ov_world["donors"]["foundation"].pk
    for name in (*PERSONAS, "contributor"):
        page = clients[name].get(f"/assistance/donors/{pk}/needs").content.decode()
        data = clients[name].get(f"/api/assistance/donors/{pk}/needs").json()
        official = name not in ("public", "contributor")
        assert (SHARED_NEED in page) is official and (SHARED_NEED in str(data)) is official, name
        assert CONFIDENTIAL_NEED not in page and CONFIDENTIAL_NEED not in str(data), name
        assert data["count"] == 5 and (data["shareable"] is None) is not official, name


def test_bad_and_unknown_input_is_named(ov_world, clients):
    client = clients["secretariat"]
    for path, status, parameter in (
        ("/assistance/states/C1E", 400, "state"),
        ("/assistance/states/ABCD", 400, "state"),
        ("/assistance/areas/ABC", 400, "chapter"),
        ("/assistance/matching?chapter=Q", 400, "chapter"),
        ("/assistance/matching?chapter=XIX", 400, "chapter"),
        ("/assistance/matching?page=0", 400, "page"),
    ):
        response = client.get(path)
        assert response.status_code == status, path
        assert f'data-parameter="{parameter}"' in response.content.decode(), path
        api = client.get("/api" + path)
        assert api.status_code == 422 and parameter in str(api.json()["errors"]), path
    for path in ("/assistance/states/ZZZ", "/assistance/areas/XIX", "/assistance/donors/999999/needs"):
        assert client.get(path).status_code == 404, path
        api = client.get("/api" + path)
        assert api.status_code == 404 and api.json()["detail"], path
    assert client.get("/assistance/areas/vi").status_code == 200
    assert client.post("/assistance/board").status_code == 405
