"""The list of patterns and trends (search, filters, pages) and a page per record at
/knowledge/patterns/<key>; drafts seen by the Secretariat only (404 for everyone else); bad filters
answer 400 naming the parameter."""

from __future__ import annotations

import re

import pytest

from viennaplan.knowledge.patterns.models import PatternRecord

pytestmark = pytest.mark.django_db

LIST = "/knowledge/patterns"
COCAINE = "/knowledge/patterns/ANDES-COCAINE"
DRAFT = "/knowledge/patterns/CYBER-DRAFT"


def keys(response) -> set[str]:
    assert response.status_code == 200, response.content[:500]
    return set(re.findall(r'<li class="record" id="record-([^"]+)"', response.content.decode()))


def test_the_list_shows_the_published_records_with_links(client, patterns):
    response = client.get(LIST)
    html = response.content.decode()
    assert keys(response) == {"ANDES-COCAINE", "BALKAN-TIP", "SAHEL-LINK"}
    assert f'href="{COCAINE}"' in html and "Cocaine routes from the Andes to Europe" in html
    assert 'href="/api/knowledge/patterns"' in html  # the JSON twin
    assert 'href="/knowledge/patterns/map"' in html and 'href="/knowledge/patterns/years"' in html
    assert 'href="/knowledge/terrorism"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=containers", {"ANDES-COCAINE"}),
        ("q=panel+of+experts", {"SAHEL-LINK"}),
        ("state=col", {"ANDES-COCAINE"}),
        ("state=PAN&role=origin", set()),
        ("state=PAN&role=transit", {"ANDES-COCAINE"}),
        ("role=destination", {"ANDES-COCAINE", "BALKAN-TIP", "SAHEL-LINK"}),
        ("region=150", {"ANDES-COCAINE", "BALKAN-TIP"}),  # a State of Europe named
        ("region=419", {"ANDES-COCAINE"}),  # the region named itself, and its States
        ("region=202", {"SAHEL-LINK"}),
        ("crime_type=terrorism", {"SAHEL-LINK"}),
        ("crime_type=money_laundering", {"ANDES-COCAINE"}),
        ("kind=terrorism_link", {"SAHEL-LINK"}),
        ("kind=pattern", {"BALKAN-TIP"}),
        ("year=2013", {"SAHEL-LINK"}),
        ("year=2021", {"BALKAN-TIP"}),  # still observed
        ("year=2016", {"ANDES-COCAINE", "BALKAN-TIP", "SAHEL-LINK"}),
        ("provision=18/d", {"BALKAN-TIP"}),
        ("confidence=high", {"ANDES-COCAINE"}),
        ("crime_type=cybercrime", set()),  # only the draft
    ],
)
def test_the_filters_select_the_records(client, patterns, query, expected):
    assert keys(client.get(f"{LIST}?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("state=XXX", "state"),
        ("role=source", "role"),
        ("region=999", "region"),
        ("crime_type=piracy", "crime_type"),
        ("kind=rumour", "kind"),
        ("year=20x5", "year"),
        ("provision=eighteen", "provision"),
        ("confidence=total", "confidence"),
        ("page=0", "page"),
    ],
)
def test_a_bad_filter_answers_400_naming_it(client, patterns, query, parameter):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert f'data-parameter="{parameter}"' in response.content.decode()


def test_the_record_page_shows_every_field(client, patterns):
    html = client.get(COCAINE).content.decode()
    assert "Cocaine routes from the Andes to Europe" in html
    assert "drug trafficking, money-laundering" in html
    assert 'href="/countries/COL"' in html and 'href="/countries/PAN"' in html
    assert "Latin America and the Caribbean" in html and "World Drug Report 2020" in html
    assert "4.711, -74.0721" in html and 'href="/plan/18/c"' in html
    assert 'href="/api/knowledge/patterns/ANDES-COCAINE"' in html


def test_a_draft_is_a_404_for_everyone_but_the_secretariat(client_as, patterns, focal_point_a, reviewer, secretariat):
    for user in (None, focal_point_a, reviewer):
        assert client_as(user).get(DRAFT).status_code == 404
        assert "CYBER-DRAFT" not in keys(client_as(user).get(LIST))
    assert client_as(secretariat).get(DRAFT).status_code == 200
    assert "CYBER-DRAFT" in keys(client_as(secretariat).get(LIST))
    assert "drafts included" in client_as(secretariat).get(LIST).content.decode()


def test_an_unknown_record_is_a_404(client, patterns):
    assert client.get("/knowledge/patterns/NO-SUCH").status_code == 404


def test_the_pages_answer_405_to_a_post(client, patterns):
    assert client.post(LIST).status_code == 405
    assert client.post(COCAINE).status_code == 405


def test_a_long_list_is_paged(client, patterns):
    from viennaplan.knowledge.listing import PER_PAGE

    base = PatternRecord.objects.get(key="BALKAN-TIP")
    for number in range(PER_PAGE):
        PatternRecord.objects.create(
            key=f"EXTRA-{number}",
            kind="pattern",
            title=base.title,
            summary="Extra.",
            period_from="2001",
            source="Test",
            confidence="low",
            published=True,
        )
    first = client.get(LIST)
    assert len(keys(first)) == PER_PAGE and 'rel="next"' in first.content.decode()
    assert len(keys(client.get(f"{LIST}?page=2"))) == 3
