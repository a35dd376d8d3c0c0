"""The directory's JSON twin: the same filters and rows as the pages, 422 naming a bad filter, 404 for
an unknown authority or a draft (but for the Secretariat), `contacts` null for the public."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

API = "/api/knowledge/authorities"


def keys(body: dict) -> set[str]:
    return {row["key"] for row in body["authorities"]}


def test_the_list_gives_the_published_authorities_with_purpose_instrument_and_article(client, authorities):
    body = client.get(API).json()
    assert body["count"] == 2 and keys(body) == {"FOJ-MLA", "FEDPOL-FA"}
    central = next(row for row in body["authorities"] if row["key"] == "FOJ-MLA")
    assert (central["purpose"], central["instrument"], central["article"]) == ("mla", "UNTOC", "18(13)")
    assert central["purpose_label"] == "mutual legal assistance"
    assert central["request_languages"] == ["de", "fr", "it", "en"]
    assert central["contacts"] is None and central["contacts_visible"] is False
    assert central["url"] == "/knowledge/authorities/CHE/FOJ-MLA"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("state=CHE&purpose=firearms", {"FEDPOL-FA"}),
        ("instrument=UNTOC", {"FOJ-MLA"}),
        ("provision=57/i", {"FEDPOL-FA"}),
    ],
)
def test_the_list_takes_the_pages_filters(client, authorities, query, expected):
    assert keys(client.get(f"{API}?{query}").json()) == expected


def test_a_bad_filter_answers_422_naming_it(client, authorities):
    response = client.get(API, {"purpose": "weather"})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        "query purpose: 'weather' is not one of "
        + ", ".join(
            [
                "firearms",
                "mla",
                "extradition",
                "trafficking",
                "smuggling",
                "asset_recovery",
                "corruption_prevention",
                "other",
            ]
        )
    ]


def test_one_authority_and_a_404_for_the_unknown_and_the_draft(client_as, authorities, secretariat):
    assert client_as(None).get(f"{API}/CHE/FEDPOL-FA").json()["provisions"] == [{"path": "57/i", "url": "/plan/57/i"}]
    assert client_as(None).get(f"{API}/CHE/NOPE").status_code == 404
    assert client_as(None).get(f"{API}/FRA/MJ-EXT").status_code == 404
    draft = client_as(secretariat).get(f"{API}/FRA/MJ-EXT").json()
    assert draft["published"] is False and draft["contacts"] is None and draft["contacts_visible"] is True


def test_a_reviewer_gets_the_contacts_in_the_list_and_the_record(client_as, authorities, reviewer):
    body = client_as(reviewer).get(API, {"purpose": "mla"}).json()
    assert body["authorities"][0]["contacts"]["email"] == "zqx-central-7731@contact.example"
    record = client_as(reviewer).get(f"{API}/CHE/FOJ-MLA").json()
    assert record["contacts"] == {
        "address": "Bundesrain 20 Zqx-Address-7731\n3003 Bern",
        "telephone": "+41 58 999 77 31",
        "fax": "+41 58 999 77 32",
        "email": "zqx-central-7731@contact.example",
        "hours": "Zqx-Hours Mon–Fri 08:00–17:00",
        "time_zone": "Pacific/Chatham",
        "contact_title": "Zqx-Title Head of the Central Authority Unit",
    }
