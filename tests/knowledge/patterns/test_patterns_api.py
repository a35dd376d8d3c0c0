"""The JSON twins of the pages under /api/knowledge: the same filters and rows, 422 naming a bad filter,
404 for a draft or an unknown key (the Secretariat sees drafts)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

API = "/api/knowledge/patterns"


def listed(response) -> set[str]:
    assert response.status_code == 200, response.content[:500]
    return {record["key"] for record in response.json()["records"]}


def test_the_list_has_the_pages_rows_and_filters(client, patterns):
    body = client.get(API).json()
    assert body["count"] == 3 and body["page"] == 1 and body["url"] == "/knowledge/patterns"
    cocaine = next(record for record in body["records"] if record["key"] == "ANDES-COCAINE")
    assert cocaine["crime_types"] == ["drug_trafficking", "money_laundering"]
    assert {"state": "PAN", "role": "transit"} in cocaine["states"]
    assert cocaine["kind_label"] == "trend" and cocaine["url"] == "/knowledge/patterns/ANDES-COCAINE"
    assert listed(client.get(f"{API}?region=202&kind=terrorism_link")) == {"SAHEL-LINK"}
    assert client.get(f"{API}?year=2021").json()["url"] == "/knowledge/patterns?year=2021"


def test_a_bad_filter_answers_422_naming_it(client, patterns):
    response = client.get(f"{API}?crime_type=piracy")
    assert response.status_code == 422
    assert response.json()["errors"][0].startswith("query crime_type:")


def test_a_record_in_full(client, patterns):
    body = client.get(f"{API}/ANDES-COCAINE").json()
    assert body["regions"] == [{"m49": "419", "label": "Latin America and the Caribbean"}]
    assert body["instruments"] == ["UNTOC", "DRUGS1988"]
    assert body["provisions"] == [{"path": "18/c", "url": "/plan/18/c"}]
    assert float(body["latitude"]) == 4.711 and body["source_url"] == "https://www.unodc.org/wdr2020"


def test_a_draft_is_a_404_in_the_api_except_for_the_secretariat(client_as, patterns, secretariat, focal_point_a):
    assert client_as(focal_point_a).get(f"{API}/CYBER-DRAFT").status_code == 404
    assert "CYBER-DRAFT" not in listed(client_as(None).get(API))
    assert client_as(secretariat).get(f"{API}/CYBER-DRAFT").json()["published"] is False
    assert "CYBER-DRAFT" in listed(client_as(secretariat).get(API))
    assert client_as(None).get(f"{API}/NO-SUCH").status_code == 404
