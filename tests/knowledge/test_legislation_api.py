"""The JSON twin of the national legislation pages: /api/knowledge/legislation with the page's filters
and pages, a law at /api/knowledge/legislation/{state}/{key}; drafts for the Secretariat only (404 for
anyone else); bad filters answer 422 with the API's one error body, naming the parameter."""

from __future__ import annotations

import re

import pytest

from viennaplan.knowledge import listing
from viennaplan.knowledge.legislation_csv import import_legislation
from viennaplan.knowledge.models import Law, LawArticle

pytestmark = pytest.mark.django_db

API = "/api/knowledge/legislation"
PAGE = "/knowledge/legislation"


@pytest.fixture
def laws(imported_plan, laws_file):
    import_legislation(laws_file, source_name="laws.csv")
    Law.objects.filter(key="CP-2001").update(kind="regulation")
    LawArticle.objects.filter(law__key="AS-2008-5499", instrument="FIREARMS").update(
        extract="Jede Feuerwaffe trägt eine Markierung."
    )


def rows(response) -> list[str]:
    assert response.status_code == 200, response.content[:500]
    return [f"{law['state']}/{law['key']}" for law in response.json()["laws"]]


def page_rows(response) -> list[str]:
    assert response.status_code == 200, response.content[:500]
    return [f"{state}/{key}" for state, key in re.findall(r'id="law-([A-Z]{3})-([^"]+)"', response.content.decode())]


@pytest.mark.parametrize("query", ["", "?state=CHE", "?lang=fr", "?lang=ar&instrument=FIREARMS"])
def test_the_list_is_what_its_schema_makes_of_it(client, laws, query):
    """The list is sent as built (api_shapes.as_is, not checked again by django-ninja): what it sends is
    what its declared schema would have made of it, to the letter, in the reader's language."""
    from viennaplan.knowledge.api import LawListOut

    body = client.get(API + query).json()
    assert body["laws"] and LawListOut.model_validate(body).model_dump(mode="json") == body


def test_the_list_gives_the_published_laws(client, laws):
    body = client.get(API).json()
    assert [f"{law['state']}/{law['key']}" for law in body["laws"]] == ["CHE/AS-2008-5499", "CHE/SR-514.54"]
    assert (body["count"], body["page"], body["pages"], body["url"]) == (2, 1, 1, PAGE)
    schengen = body["laws"][0]
    assert schengen["title_original"] == "Bundesgesetz (Schengen-Weiterentwicklung)"
    assert schengen["state_name"] == "Switzerland" and schengen["status_label"] == "in force"
    assert schengen["articles"] == [
        {
            "instrument": "FIREARMS",
            "article": "8(1)",
            "extract": "Jede Feuerwaffe trägt eine Markierung.",
            "guide_url": "/knowledge/legislation/guide/FIREARMS/8(1)",
        }
    ]
    assert schengen["url"] == f"{PAGE}/CHE/AS-2008-5499" and schengen["api_url"] == f"{API}/CHE/AS-2008-5499"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "state=FRA",
        "instrument=UNTOC",
        "instrument=FIREARMS&article=8(1)",
        "article=5",
        "provision=18/e",
        "status=in_force",
        "status=draft",
        "kind=regulation",
        "q=Waffen",
        "q=Markierung",
        "q=nothing+like+this",
    ],
)
@pytest.mark.parametrize("who", ["public", "secretariat"])
def test_the_twin_gives_the_same_rows_as_the_page(request, client_as, laws, query, who):
    client = client_as(None if who == "public" else request.getfixturevalue("secretariat"))
    suffix = f"?{query}" if query else ""
    assert rows(client.get(API + suffix)) == page_rows(client.get(PAGE + suffix))


def test_each_filter_narrows_the_list(client_as, secretariat, laws):
    client = client_as(secretariat)
    assert rows(client.get(API)) == ["CHE/AS-2008-5499", "CHE/SR-514.54", "FRA/CP-2001"]
    assert rows(client.get(f"{API}?state=FRA")) == ["FRA/CP-2001"]
    assert rows(client.get(f"{API}?instrument=UNTOC")) == ["CHE/SR-514.54"]
    assert rows(client.get(f"{API}?article=8(1)")) == ["CHE/AS-2008-5499"]
    assert rows(client.get(f"{API}?provision=18/e")) == ["CHE/SR-514.54"]
    assert rows(client.get(f"{API}?status=draft")) == ["FRA/CP-2001"]
    assert rows(client.get(f"{API}?kind=regulation")) == ["FRA/CP-2001"]
    assert rows(client.get(f"{API}?q=Ammunition")) == ["CHE/SR-514.54"]  # an English title
    assert rows(client.get(f"{API}?q=Markierung")) == ["CHE/AS-2008-5499"]  # an extract


def test_the_list_is_paginated_as_the_page_is(client, laws, monkeypatch):
    monkeypatch.setattr(listing, "PER_PAGE", 1)
    second = client.get(f"{API}?page=2")
    assert rows(second) == ["CHE/SR-514.54"] == page_rows(client.get(f"{PAGE}?page=2"))
    assert (second.json()["count"], second.json()["pages"], second.json()["url"]) == (2, 2, f"{PAGE}?page=2")
    assert rows(client.get(f"{API}?page=3")) == []


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("state=XYZ", "state"),
        ("instrument=NOPE", "instrument"),
        ("article=five", "article"),
        ("provision=57-a", "provision"),
        ("status=gone", "status"),
        ("kind=law", "kind"),
        ("page=0", "page"),
        ("page=two", "page"),
    ],
)
def test_a_bad_filter_answers_the_one_error_body_naming_it(client, laws, query, parameter):
    response = client.get(f"{API}?{query}")
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail", "errors"} and parameter in body["detail"]
    assert body["errors"] and body["errors"][0].startswith(f"query {parameter}")


def test_a_law_with_its_links(client, laws):
    body = client.get(f"{API}/CHE/SR-514.54").json()
    assert body["title_en"] == "Federal Act on Weapons, Weapon Equipment and Ammunition"
    assert (body["adopted"], body["in_force"], body["status"], body["language"]) == (
        "1997-06-20",
        "1999-01-01",
        "amended",
        "de",
    )
    assert body["amended_by"] == {
        "state": "CHE",
        "key": "AS-2008-5499",
        "url": f"{PAGE}/CHE/AS-2008-5499",
        "api_url": f"{API}/CHE/AS-2008-5499",
    }
    assert body["repealed_by"] is None
    assert body["provisions"] == [{"path": "18/e", "url": "/plan/18/e"}, {"path": "57/a", "url": "/plan/57/a"}]
    assert [(a["instrument"], a["article"]) for a in body["articles"]] == [("UNTOC", "5"), ("FIREARMS", "5")]
    assert body["official_url"].startswith("https://www.fedlex.admin.ch/")
    assert body["url"] == f"{PAGE}/CHE/SR-514.54"


def test_an_unknown_law_is_a_json_404(client, laws):
    response = client.get(f"{API}/CHE/NOPE")
    assert response.status_code == 404 and set(response.json()) == {"detail", "errors"}


@pytest.mark.parametrize("who", ["public", "focal_point_b", "reviewer"])
def test_a_draft_is_hidden_from_all_but_the_secretariat(request, client_as, laws, who):
    client = client_as(None if who == "public" else request.getfixturevalue(who))
    response = client.get(f"{API}/FRA/CP-2001")
    assert response.status_code == 404 and set(response.json()) == {"detail", "errors"}
    assert "FRA/CP-2001" not in rows(client.get(API))
    assert client.get(f"{API}?status=draft").json()["count"] == 0


def test_the_secretariat_sees_a_draft(client_as, secretariat, laws):
    client = client_as(secretariat)
    body = client.get(f"{API}/FRA/CP-2001").json()
    assert (body["key"], body["published"], body["status"]) == ("CP-2001", False, "draft")
    assert "FRA/CP-2001" in rows(client.get(API))


def test_a_draft_amending_law_is_not_named_to_the_public(client_as, secretariat, laws):
    Law.objects.filter(key="AS-2008-5499").update(published=False)
    assert client_as(None).get(f"{API}/CHE/SR-514.54").json()["amended_by"] is None
    assert client_as(secretariat).get(f"{API}/CHE/SR-514.54").json()["amended_by"]["key"] == "AS-2008-5499"


def test_labels_follow_the_language_of_the_request(client, laws):
    body = client.get(f"{API}/CHE/SR-514.54?lang=fr").json()
    assert body["state_name"] == "Suisse"
