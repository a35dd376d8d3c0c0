"""The JSON twin of the best practices pages: /api/knowledge/practices with the same filters and rows,
a practice with the evaluations the reader may see, 404 for a draft, 422 naming a bad filter."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

pytestmark = pytest.mark.django_db

API = "/api/knowledge/practices"


def keys(body: dict) -> set[str]:
    return {practice["key"] for practice in body["practices"]}


def test_the_list_has_the_published_practices(client, practices):
    body = client.get(API).json()
    assert body["count"] == 4 and body["page"] == 1 and body["url"] == "/knowledge/practices"
    victims = next(p for p in body["practices"] if p["key"] == "AT-victims-legal-aid")
    assert victims["area"] == "X" and [p["path"] for p in victims["provisions"]] == ["82/e", "84/c"]
    assert victims["states"] == [{"code": "AUT", "name": "Austria"}]
    assert [e["evaluator"] for e in victims["evaluations"]] == ["Institute of Criminology"]  # not the draft
    assert victims["evaluations"][0]["result_label"] == "effective"
    assert victims["url"] == "/knowledge/practices/AT-victims-legal-aid"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("area=VI", {"SADC-firearms-marking"}),
        ("provision=18/d", {"EU-crime-analysis"}),
        ("state=CAN", {"restorative-circles"}),
        ("evaluated=no", {"SADC-firearms-marking"}),
        ("result=promising", {"EU-crime-analysis"}),
        ("organisation=weisser", {"AT-victims-legal-aid"}),
        ("q=firearms", {"SADC-firearms-marking"}),
    ],
)
def test_the_same_filters_as_the_page(client, practices, query, expected):
    body = client.get(f"{API}?{query}").json()
    assert keys(body) == expected
    assert unquote(body["url"]) == f"/knowledge/practices?{query}"


def test_a_bad_filter_answers_422_naming_it(client, practices):
    response = client.get(f"{API}?area=XIV")
    assert response.status_code == 422
    assert response.json()["errors"] == [
        "query area: 'XIV' is not a chapter of the plan, by its Roman numeral (I, II, III, IV, V, VI, VII, VIII, "
        "IX, X, XI, XII)"
    ]


def test_one_practice_and_drafts(client_as, practices, anonymous, secretariat):
    public = client_as(anonymous)
    body = public.get(f"{API}/restorative-circles").json()
    assert body["description"] == "Circles meet in the community.\nThe victim speaks first."
    assert body["period_from"] == 1995 and body["period_to"] == 2010
    assert [s["code"] for s in body["states"]] == ["CAN", "NZL"]
    assert public.get(f"{API}/CHE-trafficking-referral").status_code == 404
    assert public.get(f"{API}/NOPE").status_code == 404
    seen = client_as(secretariat)
    assert seen.get(f"{API}/CHE-trafficking-referral").json()["published"] is False
    evaluations = seen.get(f"{API}/AT-victims-legal-aid").json()["evaluations"]
    assert [(e["evaluator"], e["published"]) for e in evaluations] == [
        ("Institute of Criminology", True),
        ("Ministry of Justice", False),
    ]
    assert seen.get(API).json()["count"] == 5
