"""The JSON twins of the trafficking pages: the same filters and flows, every count in the one figure
shape ({"value", "suppressed", "shown"}), 422 naming a bad filter, 404 for a draft or an unknown view."""

from __future__ import annotations

import pytest
from trafficking_sample import flows_file

from viennaplan.knowledge.trafficking.flows_csv import import_flows

pytestmark = pytest.mark.django_db

API = "/api/knowledge/trafficking"
FEWER = {"value": None, "suppressed": True, "shown": "fewer than 5"}
NOT_SHOWN = {"value": None, "suppressed": True, "shown": "not shown"}


@pytest.fixture
def flows(imported_plan):
    import_flows(flows_file(), source_name="flows.csv")


def test_the_list_has_the_published_flows_with_their_totals_as_shown(client, flows):
    body = client.get(API).json()
    totals = {flow["key"]: flow["total"] for flow in body["flows"]}
    assert body["count"] == 4 and body["csv_url"] == "/knowledge/trafficking.csv"
    assert totals["F-MMR-THA"] == FEWER  # 3 victims
    assert totals["F-NGA-CHE"] == {"value": 15, "suppressed": False, "shown": "15"}
    assert totals["F-AUT-CHE"] == {"value": 0, "suppressed": False, "shown": "0"}


def test_the_filters_are_those_of_the_page(client, flows):
    assert [f["key"] for f in client.get(f"{API}?destination=CHE").json()["flows"]] == ["F-AUT-CHE", "F-NGA-CHE"]
    assert [f["key"] for f in client.get(f"{API}?year=2018&form=forced_labour").json()["flows"]] == ["F-ROU-FRA"]
    assert client.get(f"{API}?region=Africa").json()["count"] == 1


def test_a_bad_filter_answers_422_naming_it(client, flows):
    response = client.get(f"{API}?form=begging")
    assert response.status_code == 422
    assert response.json()["errors"][0].startswith("query form:")
    assert client.get(f"{API}/by/form?year=nineteen").status_code == 422


def test_a_flow_has_its_breakdown_protected(client, flows):
    body = client.get(f"{API}/F-NGA-CHE").json()
    assert body["by_sex_and_age"]["female"]["child"] == FEWER
    assert body["by_sex_and_age"]["female"]["adult"] == NOT_SHOWN
    assert body["by_sex_and_age"]["male"]["adult"] == {"value": 0, "suppressed": False, "shown": "0"}
    assert body["provisions"] == ["46/b"] and body["authority"] == "Federal Office of Police"


def test_a_draft_is_404_except_for_the_secretariat(client, client_as, secretariat, flows):
    assert client.get(f"{API}/F-THA-CHE").status_code == 404
    assert client_as(secretariat).get(f"{API}/F-THA-CHE").status_code == 200
    assert client_as(secretariat).get(API).json()["count"] == 5


def test_the_aggregates_have_rows_or_the_breakdown(client, flows):
    by_destination = client.get(f"{API}/by/destination").json()
    rows = {row["key"]: row for row in by_destination["rows"]}
    assert rows["THA"]["victims"] == FEWER and rows["THA"]["flows"] == 1
    assert rows["CHE"]["victims"]["value"] == 15 and by_destination["by_sex_and_age"] is None
    by_sex = client.get(f"{API}/by/sex-age?destination=THA").json()
    assert by_sex["rows"] == [] and by_sex["by_sex_and_age"]["unknown"]["unknown"] == FEWER
    assert by_sex["total"] == FEWER
    unknown = client.get(f"{API}/by/colour")
    assert unknown.status_code == 404 and "colour" in unknown.json()["detail"]
