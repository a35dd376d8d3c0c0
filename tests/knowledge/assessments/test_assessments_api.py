"""The JSON twins of the assessments' pages: the same filters and rows, the comparison table, one
assessment; drafts 404 for all but the Secretariat, a bad filter a 422 naming it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

API = "/api/knowledge/assessments"


def test_the_list_has_the_pages_filters_and_rows(assessments, client):
    data = client.get(f"{API}?type=bribery&year_from=2016").json()
    assert data["count"] == 1 and data["url"] == "/knowledge/assessments?type=bribery&year_from=2016"
    (survey,) = data["assessments"]
    assert (survey["state"], survey["key"], survey["year"]) == ("KEN", "NCS-2019", 2019)
    assert [sector["code"] for sector in survey["sectors"]] == ["judiciary", "police", "health"]
    assert survey["method"] == {"code": "population_survey", "label": "population survey"}
    assert survey["url"] == "/knowledge/assessments/KEN/NCS-2019"


def test_the_list_hides_drafts_but_from_the_secretariat(assessments, client, client_as, secretariat):
    assert client.get(API).json()["count"] == 3
    assert client_as(secretariat).get(API).json()["count"] == 4


def test_a_bad_filter_is_a_422_naming_it(assessments, client):
    response = client.get(f"{API}?sector=army")
    assert response.status_code == 422
    assert response.json()["errors"][0].startswith("query sector: 'army' is not one of judiciary")
    assert client.get(f"{API}/compare?year_to=1800").status_code == 422


def test_the_comparison_table(assessments, client):
    data = client.get(f"{API}/compare?sector=police").json()
    assert data["years"] == [2015, 2016, 2017, 2018, 2019]
    assert data["rows"] == [{"state": "KEN", "state_name": "Kenya", "counts": [1, 0, 0, 0, 1]}]
    assert data["states_per_year"] == [1, 0, 0, 0, 1] and data["total"] == 2
    assert data["sector"] == "police" and data["type"] is None


def test_one_assessment_in_full(assessments, client):
    data = client.get(f"{API}/ken/NCS-2019").json()
    assert data["cost"] == {"amount": "1500000.50", "currency": "KES", "year": 2019}
    assert data["causes"] == "Low pay; weak oversight" and data["fieldwork_end"] == "2019-05-31"
    assert [p["path"] for p in data["provisions"]] == ["30/a", "33/a"]
    assert client.get(f"{API}/CHE/CUSTOMS-2004").json()["cost"] is None


def test_a_draft_is_a_404_for_all_but_the_secretariat(assessments, client, client_as, secretariat):
    response = client.get(f"{API}/FRA/MARCHES-2003")
    assert response.status_code == 404 and "detail" in response.json()
    assert client_as(secretariat).get(f"{API}/FRA/MARCHES-2003").json()["published"] is False
