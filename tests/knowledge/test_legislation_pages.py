"""The national legislation pages: /knowledge/legislation (search, filters, pages) and a page per law;
drafts seen by the Secretariat only (404 for everyone else); bad filters answer 400 naming the parameter;
the pages in French and Arabic."""

from __future__ import annotations

import re

import pytest

from viennaplan.knowledge import listing
from viennaplan.knowledge.legislation_csv import import_legislation
from viennaplan.knowledge.models import Law, LawArticle

pytestmark = pytest.mark.django_db

LIST = "/knowledge/legislation"
WEAPONS = "/knowledge/legislation/CHE/SR-514.54"
SCHENGEN = "/knowledge/legislation/CHE/AS-2008-5499"
DRAFT = "/knowledge/legislation/FRA/CP-2001"


@pytest.fixture
def laws(imported_plan, laws_file):
    """The sample's three laws: two of CHE published, FRA's a draft (made a regulation here), with extracts."""
    import_legislation(laws_file, source_name="laws.csv")
    Law.objects.filter(key="CP-2001").update(kind="regulation")
    LawArticle.objects.filter(law__key="AS-2008-5499", instrument="FIREARMS").update(
        extract="Jede Feuerwaffe trägt eine Markierung."
    )
    LawArticle.objects.filter(law__key="SR-514.54", instrument="FIREARMS").update(
        extract="Dieses Gesetz bezweckt, die missbräuchliche Verwendung von Waffen zu bekämpfen."
    )


def keys(response) -> set[str]:
    assert response.status_code == 200, response.content[:500]
    return set(re.findall(r'id="law-[A-Z]{3}-([^"]+)"', response.content.decode()))


def test_the_list_shows_the_published_laws_with_links(client, laws):
    response = client.get(LIST)
    html = response.content.decode()
    assert keys(response) == {"SR-514.54", "AS-2008-5499"}
    assert f'href="{WEAPONS}"' in html and f'href="{SCHENGEN}"' in html
    assert "Federal Act on Weapons, Weapon Equipment and Ammunition" in html
    assert 'href="/api/knowledge/legislation"' in html  # the JSON twin


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("state=FRA", {"CP-2001"}),
        ("state=che", {"SR-514.54", "AS-2008-5499"}),
        ("instrument=UNTOC", {"SR-514.54"}),
        ("instrument=firearms", {"SR-514.54", "AS-2008-5499"}),
        ("article=8(1)", {"AS-2008-5499"}),
        ("instrument=UNTOC&article=8(1)", set()),
        ("provision=18/e", {"SR-514.54"}),
        ("provision=57/a", {"SR-514.54", "AS-2008-5499"}),
        ("status=in_force", {"AS-2008-5499"}),
        ("status=draft", {"CP-2001"}),
        ("kind=regulation", {"CP-2001"}),
        ("q=Waffenzubeh", {"SR-514.54"}),  # the original title
        ("q=schengen development", {"AS-2008-5499"}),  # the English title, any case
        ("q=Markierung", {"AS-2008-5499"}),  # an extract
        ("q=code+p%C3%A9nal", {"CP-2001"}),
    ],
)
def test_each_filter_narrows_the_list(client_as, secretariat, laws, query, expected):
    everything = keys(client_as(secretariat).get(LIST))
    assert everything == {"SR-514.54", "AS-2008-5499", "CP-2001"}
    assert keys(client_as(secretariat).get(f"{LIST}?{query}")) == expected


def test_the_list_is_paginated(client, laws, monkeypatch):
    monkeypatch.setattr(listing, "PER_PAGE", 1)
    first, second = client.get(LIST), client.get(f"{LIST}?page=2")
    assert keys(first) == {"AS-2008-5499"} and keys(second) == {"SR-514.54"}
    assert f'href="{LIST}?page=2" rel="next"' in first.content.decode()
    assert f'href="{LIST}?page=1" rel="prev"' in second.content.decode()
    assert keys(client.get(f"{LIST}?page=3")) == set()


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("state=XYZ", "state"),
        ("state=Switzerland", "state"),
        ("instrument=NOPE", "instrument"),
        ("article=five", "article"),
        ("provision=57-a", "provision"),
        ("status=gone", "status"),
        ("kind=law", "kind"),
        ("page=0", "page"),
        ("page=two", "page"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_a_bad_filter_answers_400_naming_the_parameter(client, laws, query, parameter):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert f'data-parameter="{parameter}"' in html and f"{parameter}: " in html


def test_a_law_page_shows_the_law_and_its_links(client, laws):
    response = client.get(WEAPONS)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 lang="de">Bundesgesetz über Waffen, Waffenzubehör und Munition</h1>' in html
    assert '<span lang="en" dir="ltr">Federal Act on Weapons, Weapon Equipment and Ammunition</span>' in html
    assert "Switzerland" in html and "act" in html
    assert ">20 June 1997</time>" in html and ">1 January 1999</time>" in html  # DATE_FORMAT, in English
    assert "amended" in html and f'href="{SCHENGEN}"' in html  # the amending act, linked
    assert 'href="https://www.fedlex.admin.ch/eli/cc/1998/2535_2535_2535/de"' in html
    assert "German" in html
    assert 'href="/knowledge/legislation/guide/FIREARMS/5"' in html
    assert 'href="/knowledge/legislation/guide/UNTOC/5"' in html
    assert "missbräuchliche Verwendung von Waffen" in html  # the extract
    assert 'href="/plan/57/a"' in html and 'href="/plan/18/e"' in html
    assert 'href="/api/knowledge/legislation/CHE/SR-514.54"' in html  # the JSON twin
    assert "Dieses Gesetz ..." in html  # the text


def test_a_law_page_with_a_lower_case_state_redirects(client, laws):
    response = client.get("/knowledge/legislation/che/SR-514.54")
    assert response.status_code == 301 and response["Location"] == WEAPONS


def test_an_unknown_law_is_404(client, laws):
    assert client.get("/knowledge/legislation/CHE/NOPE").status_code == 404
    assert client.get("/knowledge/legislation/XYZ/SR-514.54").status_code == 404


@pytest.mark.parametrize("who", ["public", "focal_point_b", "reviewer"])
def test_a_draft_is_hidden_from_all_but_the_secretariat(request, client_as, laws, who):
    user = None if who == "public" else request.getfixturevalue(who)  # focal_point_b is FRA's own
    client = client_as(user)
    assert client.get(DRAFT).status_code == 404
    assert "CP-2001" not in keys(client.get(LIST))
    assert keys(client.get(f"{LIST}?state=FRA")) == set()
    assert keys(client.get(f"{LIST}?status=draft")) == set()


def test_the_secretariat_sees_a_draft(client_as, secretariat, laws):
    response = client_as(secretariat).get(DRAFT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Code pénal (extrait)" in html and "only the Secretariat sees this law" in html
    assert "CP-2001" in keys(client_as(secretariat).get(LIST))


def test_an_amending_law_still_a_draft_is_not_linked_for_the_public(client_as, secretariat, laws):
    Law.objects.filter(key="AS-2008-5499").update(published=False)
    html = client_as(None).get(WEAPONS).content.decode()
    assert SCHENGEN not in html and "a law not yet published" in html
    assert f'href="{SCHENGEN}"' in client_as(secretariat).get(WEAPONS).content.decode()


@pytest.mark.parametrize("url", [LIST, f"{LIST}?state=CHE&instrument=FIREARMS", WEAPONS, f"{LIST}?kind=law"])
def test_the_pages_render_in_french_and_arabic(client, laws, url):
    separator = "&" if "?" in url else "?"
    french = client.get(f"{url}{separator}lang=fr")
    arabic = client.get(f"{url}{separator}lang=ar")
    expected = 400 if "kind=law" in url else 200
    assert french.status_code == expected and arabic.status_code == expected
    assert '<html lang="fr" dir="ltr">' in french.content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic.content.decode()
    if url == WEAPONS:
        assert "Suisse" in french.content.decode() and "20 juin 1997" in french.content.decode()
