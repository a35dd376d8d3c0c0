"""The trafficking pages: a filterable list, a page per flow, the aggregate views and the public CSV;
every count as `suppression` shows it ("fewer than 5"); drafts seen by the Secretariat only (404 for
everyone else); bad filters answer 400 naming the parameter; links to best practices and tools."""

from __future__ import annotations

import re

import pytest
from trafficking_sample import flows_file

from viennaplan.knowledge import collections
from viennaplan.knowledge.collections import Collection, Line, Lines
from viennaplan.knowledge.trafficking.flows_csv import import_flows

pytestmark = pytest.mark.django_db

LIST = "/knowledge/trafficking"


@pytest.fixture
def flows(imported_plan):
    import_flows(flows_file(), source_name="flows.csv")


def keys(response) -> set[str]:
    assert response.status_code == 200, response.content[:500]
    return set(re.findall(r'<tr id="flow-([^"]+)"', response.content.decode()))


def test_the_list_shows_the_published_flows_with_links_and_their_twins(client, flows):
    response = client.get(LIST)
    html = response.content.decode()
    assert keys(response) == {"F-NGA-CHE", "F-ROU-FRA", "F-MMR-THA", "F-AUT-CHE"}
    assert 'href="/knowledge/trafficking/F-NGA-CHE"' in html and "Nigeria to Switzerland" in html
    assert 'href="/api/knowledge/trafficking"' in html and 'href="/knowledge/trafficking.csv"' in html
    assert 'id="suppression-note"' in html


def test_a_flow_with_three_victims_shows_as_fewer_than_five(client, flows):
    listed = client.get(LIST).content.decode()
    row = re.search(r'<tr id="flow-F-MMR-THA">.*?</tr>', listed, re.S).group(0)
    assert '<span class="suppressed" data-suppressed="small">fewer than 5</span>' in row
    page = client.get(f"{LIST}/F-MMR-THA").content.decode()
    total = re.search(r'<td colspan="3" id="total">(.*?)</td>', page, re.S).group(1)
    assert "fewer than 5" in total and "3" not in total


def test_a_flow_page_shows_the_breakdown_protected(client, flows):
    html = client.get(f"{LIST}/F-NGA-CHE").content.decode()
    girls = re.search(r'<tr data-sex="female">.*?</tr>', html, re.S).group(0)
    assert girls.count('data-suppressed="small"') == 1 and girls.count('data-suppressed="withheld"') == 1
    assert '<td colspan="3" id="total"><span class="count" data-count>15</span>' in html
    assert "Federal Office of Police" in html and 'href="/plan/46/b"' in html
    assert 'href="/api/knowledge/trafficking/F-NGA-CHE"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("origin=NGA", {"F-NGA-CHE"}),
        ("destination=che", {"F-NGA-CHE", "F-AUT-CHE", "F-THA-CHE"}),
        ("region=Asia", {"F-MMR-THA", "F-THA-CHE"}),
        ("form=forced_labour", {"F-ROU-FRA", "F-MMR-THA"}),
        ("year=2018", {"F-ROU-FRA"}),
        ("year=2019", {"F-ROU-FRA", "F-NGA-CHE"}),
        ("provision=46/d", {"F-ROU-FRA"}),
        ("q=interior", {"F-ROU-FRA"}),
        ("q=F-AUT", {"F-AUT-CHE"}),
    ],
)
def test_each_filter_narrows_the_list(client_as, secretariat, flows, query, expected):
    assert len(keys(client_as(secretariat).get(LIST))) == 5
    assert keys(client_as(secretariat).get(f"{LIST}?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("origin=XX", "origin"),
        ("form=begging", "form"),
        ("year=19", "year"),
        ("region=Mars", "region"),
        ("page=0", "page"),
    ],
)
def test_a_bad_filter_answers_400_naming_it(client, flows, query, parameter):
    for url in (LIST, f"{LIST}.csv", f"{LIST}/by/destination"):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400
        assert f'data-parameter="{parameter}"' in response.content.decode()


def test_a_draft_is_the_secretariats_only(client_as, client, secretariat, focal_point_a, reviewer, flows):
    for other in (client, client_as(focal_point_a), client_as(reviewer)):
        assert other.get(f"{LIST}/F-THA-CHE").status_code == 404
        assert "F-THA-CHE" not in keys(other.get(LIST))
        assert "F-THA-CHE" not in other.get(f"{LIST}.csv").content.decode()
    page = client_as(secretariat).get(f"{LIST}/F-THA-CHE")
    assert page.status_code == 200 and "Draft, not published" in page.content.decode()
    assert client.get(f"{LIST}/NO-SUCH-FLOW").status_code == 404


def test_the_aggregates_sum_the_flows_and_protect_the_sums(client, flows):
    by_destination = client.get(f"{LIST}/by/destination").content.decode()
    thailand = re.search(r'<tr data-key="THA">.*?</tr>', by_destination, re.S).group(0)
    assert "fewer than 5" in thailand  # the one flow of 3
    switzerland = re.search(r'<tr data-key="CHE">.*?</tr>', by_destination, re.S).group(0)
    assert "data-count>15<" in switzerland  # 15 + 0: no hidden part in it
    by_form = client.get(f"{LIST}/by/form").content.decode()
    labour = re.search(r'<tr data-key="forced_labour">.*?</tr>', by_form, re.S).group(0)
    assert "not shown" in labour  # 27 + "fewer than 5": the sum would give the small one away
    for dimension in ("origin", "period", "sex-age"):
        assert client.get(f"{LIST}/by/{dimension}").status_code == 200
    assert client.get(f"{LIST}/by/colour").status_code == 404
    assert client.get(f"{LIST}/by/destination?form=forced_labour").status_code == 200


def test_the_public_csv_carries_counts_as_shown(client, flows):
    response = client.get(f"{LIST}.csv")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "F-MMR-THA,MMR,THA,,2020,2020,forced_labour," + ",".join(["fewer than 5"] * 10) in text
    assert "F-NGA-CHE,NGA,CHE,,2019,2019,sexual_exploitation,fewer than 5,not shown,0," in text
    assert client.get(f"{LIST}.csv?destination=FRA").content.decode().count("\n") == 2


def test_the_list_links_best_practices_and_tools_when_those_collections_exist(client, flows, monkeypatch):
    html = client.get(LIST).content.decode()
    assert 'id="related"' in html
    asked = []

    def lines(paths, user, limit=None):
        asked.append((list(paths), limit))
        return Lines([Line("Victim identification guide", "/knowledge/practices/VIG")])

    fake = Collection(
        key="practices",
        label="Best practices",
        citation="46(b)",
        list_url="/knowledge/practices",
        model=object,
        documents=lambda ids: [],
        for_provisions=lines,
    )
    monkeypatch.setitem(collections._REGISTRY, "practices", fake)
    monkeypatch.delitem(collections._REGISTRY, "documents", raising=False)
    html = client.get(LIST).content.decode()
    assert asked == [(["46/b", "46/d"], 10)]
    assert 'href="/knowledge/practices/VIG"' in html and 'href="/knowledge/practices"' in html


def test_the_state_filter_finds_a_state_as_origin_transit_or_destination(client, flows):
    """The filter the State profile's panel links to (`?state=`): the State in any of the three places."""
    assert keys(client.get(f"{LIST}?state=THA")) == {"F-MMR-THA"}  # destination; F-THA-CHE is a draft
    assert keys(client.get(f"{LIST}?state=DEU")) == {"F-ROU-FRA"}  # transit only
    assert keys(client.get(f"{LIST}?state=CHE")) == {"F-AUT-CHE", "F-NGA-CHE"}
    found = client.get("/api/knowledge/trafficking?state=DEU").json()
    assert [flow["key"] for flow in found["flows"]] == ["F-ROU-FRA"]
    assert client.get(f"{LIST}?state=XX1").status_code == 400
