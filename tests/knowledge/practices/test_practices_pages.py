"""The best practices pages: /knowledge/practices (search, filters, pages) and a page per practice with
its evaluations; drafts seen by the Secretariat only (404 for everyone else), a draft evaluation hidden
from the public even on a published practice; bad filters answer 400 naming the parameter."""

from __future__ import annotations

import re

import pytest

from viennaplan.knowledge.practices.models import Evaluation, Practice

pytestmark = pytest.mark.django_db

LIST = "/knowledge/practices"
VICTIMS = "/knowledge/practices/AT-victims-legal-aid"
DRAFT = "/knowledge/practices/CHE-trafficking-referral"


def keys(response) -> set[str]:
    assert response.status_code == 200, response.content[:500]
    return set(re.findall(r'id="practice-([^"]+)"', response.content.decode())) - {"facts", "states"}


def test_the_list_shows_the_published_practices_with_links(client, practices):
    response = client.get(LIST)
    html = response.content.decode()
    assert keys(response) == {
        "AT-victims-legal-aid",
        "SADC-firearms-marking",
        "EU-crime-analysis",
        "restorative-circles",
    }
    assert f'href="{VICTIMS}"' in html and "Free legal aid for victims of violence" in html
    assert 'href="/api/knowledge/practices"' in html  # the JSON twin
    assert "Weisser Ring" in html and "Austria" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=sentencing", {"restorative-circles"}),
        ("q=victim+speaks", {"restorative-circles"}),  # words of the description
        ("q=comparability", {"EU-crime-analysis"}),  # words of a published evaluation's findings
        ("q=waiting+times", set()),  # words of a draft evaluation's findings: not for the public
        ("area=VI", {"SADC-firearms-marking"}),
        ("area=x", {"AT-victims-legal-aid"}),
        ("provision=18/d", {"EU-crime-analysis"}),
        ("provision=84", {"AT-victims-legal-aid"}),  # a paragraph finds the practices of its items
        ("state=nam", {"SADC-firearms-marking"}),
        ("state=CHE", set()),  # CHE's practice is a draft
        ("evaluated=yes", {"AT-victims-legal-aid", "EU-crime-analysis", "restorative-circles"}),
        ("evaluated=no", {"SADC-firearms-marking"}),
        ("result=effective", {"AT-victims-legal-aid"}),
        ("result=mixed", set()),  # only the draft evaluation is mixed
        ("organisation=europol", {"EU-crime-analysis"}),
        ("area=III&evaluated=no", set()),
    ],
)
def test_the_filters(client, practices, query, expected):
    assert keys(client.get(f"{LIST}?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("area=XIV", "area"),
        ("state=ZZZ", "state"),
        ("provision=abc", "provision"),
        ("evaluated=maybe", "evaluated"),
        ("result=great", "result"),
        ("page=0", "page"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_a_bad_filter_answers_400_naming_it(client, practices, query, parameter):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert f'data-parameter="{parameter}"' in response.content.decode()


def test_the_page_of_a_practice_shows_its_tags_and_published_evaluations(client, practices):
    response = client.get(VICTIMS)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Free legal aid for victims of violence" in html and 'href="/plan/chapter/X"' in html
    assert 'href="/plan/82/e"' in html and 'href="/plan/84/c"' in html
    assert 'href="/countries/AUT"' in html
    assert "Institute of Criminology" in html and "Victims who had support testified more often." in html
    assert "Ministry of Justice" not in html and "Waiting times" not in html  # the draft evaluation
    assert 'href="/api/knowledge/practices/AT-victims-legal-aid"' in html


def test_a_regional_practice_names_no_state(client, practices):
    html = client.get("/knowledge/practices/EU-crime-analysis").content.decode()
    assert "none named (a regional or international practice)" in html


def test_drafts_are_404_for_everyone_but_the_secretariat(
    client_as, practices, anonymous, focal_point_a, reviewer, secretariat
):
    for user in (anonymous, focal_point_a, reviewer):
        assert client_as(user).get(DRAFT).status_code == 404
        assert "CHE-trafficking-referral" not in client_as(user).get(LIST).content.decode()
    seen = client_as(secretariat)
    page = seen.get(DRAFT).content.decode()
    assert "Draft, not published:" in page and "Swiss Forum for Migration" in page
    assert "CHE-trafficking-referral" in keys(seen.get(LIST))
    victims = seen.get(VICTIMS).content.decode()
    assert "Ministry of Justice" in victims  # the draft evaluation, marked
    assert keys(seen.get(f"{LIST}?result=mixed")) == {"AT-victims-legal-aid"}


def test_a_key_not_on_file_is_404_and_the_pages_serve_get_only(client, practices):
    assert client.get("/knowledge/practices/NOPE").status_code == 404
    assert client.post(LIST).status_code == 405
    assert client.post(VICTIMS).status_code == 405


def test_the_list_is_paged(client, practices, monkeypatch):
    from viennaplan.knowledge import listing

    monkeypatch.setattr(listing, "PER_PAGE", 3)
    first = client.get(LIST)
    assert len(keys(first)) == 3 and 'href="/knowledge/practices?page=2"' in first.content.decode()
    assert keys(client.get(f"{LIST}?page=2")) == {"restorative-circles"}


def test_an_unpublished_evaluation_of_a_practice_made_draft_stays_hidden(client, practices):
    Practice.objects.filter(key="EU-crime-analysis").update(published=False)
    assert "EU-crime-analysis" not in keys(client.get(f"{LIST}?evaluated=yes"))
    Evaluation.objects.filter(practice__key="AT-victims-legal-aid").update(published=False)
    assert keys(client.get(f"{LIST}?evaluated=no")) == {"SADC-firearms-marking", "AT-victims-legal-aid"}
