"""The indicator pages (indicators/views.py): the catalogue by chapter, one indicator's values by
State and year with "<5" shown as "<5", flags and their legend, the provisions it measures (a
citation the plan lacks shown plainly), sources with the data README's facts, filters, and the
JSON twin showing the same values."""

from __future__ import annotations

import re
from html import unescape

import pytest

from viennaplan.indicators.models import Indicator

pytestmark = pytest.mark.django_db

CELL = re.compile(r"<td[^>]*>(.*?)</td>")


def values_of(html: str) -> dict[tuple[str, int], str]:
    """(State, year) -> the cell's text, read from the page's values table."""
    table = html[html.index('id="values-table"') :]
    years = [int(y) for y in re.findall(r'<th scope="col">(\d{4})</th>', table[: table.index("</thead>")])]
    found = {}
    for state, cells in re.findall(
        r'<tr><th scope="row"><a href="/reporting/states/(\w+)">.*?</a></th>(.*?)</tr>', table
    ):
        for year, cell in zip(years, CELL.findall(cells), strict=True):
            text = unescape(re.sub(r"<sup>.*?</sup>", "", re.sub(r"<(?!/?sup)[^>]+>", "", cell)))
            if text != "—":
                found[(state, year)] = text
    return found


def test_the_catalogue_lists_every_indicator_by_chapter_with_links_and_coverage(client, imported_plan, observations):
    response = client.get("/indicators/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-current="page">Indicators</a>' in html  # the main navigation
    for indicator in Indicator.objects.all():
        assert f'href="/indicators/{indicator.code}"' in html, indicator.code
    assert '<h2 id="chapter-V">V. ' in html  # the chapter's title from the plan
    assert '<a href="/plan/35/a">35(a)</a>' in html
    convicted = html[html.index('href="/indicators/tip_persons_convicted"') :].split("</tr>")[0]
    assert '<td class="num">4</td>' in convicted  # States with values: AUT, FRA, BRA, NGA
    assert "3 <span" in convicted and "2004–2006" in convicted  # years
    assert 'href="/api/indicators"' in html  # the JSON twin
    assert "Import observations" not in html  # the upload link is for the Secretariat


def test_the_indicator_page_shows_values_as_published_flags_sources_and_provisions(client, imported_plan, observations):
    response = client.get("/indicators/tip_persons_convicted")
    assert response.status_code == 200
    html = response.content.decode()
    values = values_of(html)
    assert values == {
        ("AUT", 2004): "12",
        ("AUT", 2005): "<5",
        ("FRA", 2005): "46",
        ("BRA", 2006): "9",
        ("NGA", 2006): "25",
    }
    assert '<td class="suppressed"><span title="UNODC GLOTIP' in html and "&lt;5</span><sup>p</sup>" in html
    assert "46</span><sup>e</sup>" in html and "9</span><sup>b</sup>" in html
    for words in ("estimate", "provisional", "break in series", "fewer than five"):
        assert words in html
    assert '<a href="/reporting/states/AUT">Austria</a>' in html
    assert "Sex (female, male); Citizenship (national, foreign)" in html
    assert '<a href="/plan/35/a">35(a)</a>' in html and '<a href="/plan/47">47</a>' in html
    assert "UNODC Global Report on Trafficking in Persons data, file of 30 May 2023" in html  # README
    assert "trafficking_glotip.csv" in html and "5 values" in html
    assert "breadcrumbs" in html and 'href="/api/indicators/tip_persons_convicted/observations"' in html


def test_a_citation_the_current_plan_lacks_is_shown_plainly(client, imported_plan, observations):
    Indicator.objects.filter(code="homicide_rate").update(measures=["73", "999(z)"])
    html = client.get("/indicators/homicide_rate").content.decode()
    assert '<a href="/plan/73">73</a>' in html
    assert "999(z) (not in the current plan)" in html and 'href="/plan/999/z"' not in html


def test_without_a_plan_every_citation_is_shown_as_missing(without_plan, client, observations):
    html = client.get("/indicators/homicide_rate").content.decode()
    assert "73 (not in the current plan)" in html


def test_filters_select_years_states_groups_regions_and_a_disaggregation(client, observations):
    def shown(query: str) -> set[tuple[str, int]]:
        response = client.get(f"/indicators/tip_persons_convicted?{query}")
        assert response.status_code == 200, query
        return set(values_of(response.content.decode()))

    assert shown("year_from=2005&year_to=2005") == {("AUT", 2005), ("FRA", 2005)}
    assert shown("state=fra") == {("FRA", 2005)}
    assert shown("group=western_european_others") == {("AUT", 2004), ("AUT", 2005), ("FRA", 2005)}
    assert shown("region=Africa") == {("NGA", 2006)}
    assert shown("region=Western Europe") == {("AUT", 2004), ("AUT", 2005), ("FRA", 2005)}
    html = client.get("/indicators/tip_persons_convicted?disaggregation=sex%3Dfemale").content.decode()
    assert values_of(html) == {("AUT", 2005): "3"}
    assert (
        "No values on file for these filters."
        in client.get("/indicators/tip_persons_convicted?year_from=1990&year_to=1991").content.decode()
    )


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("year_from=20x5", "year_from='20x5' is not a year"),
        ("year_from=2010&year_to=2001", "year_from 2010 is after year_to 2001"),
        ("year_to=3000", "year_to='3000' is not a year"),
        ("group=weog", "group='weog' is no UN regional group"),
        ("state=XYZ", "state='XYZ' is no State"),
        ("region=Atlantis", "region='Atlantis' is no region"),
        ("disaggregation=sex%3Drobot", "is not one of this indicator"),
        ("disaggregation=all", "one disaggregation at a time"),
    ],
)
def test_a_bad_filter_answers_400_saying_what_is_wrong(client, observations, query, words):
    response = client.get(f"/indicators/tip_persons_convicted?{query}")
    assert response.status_code == 400
    assert words in unescape(response.content.decode())


def test_the_json_twin_shows_the_values_the_page_shows(client, observations):
    for query in ("", "?year_from=2005", "?group=western_european_others&year_to=2005", "?disaggregation=sex%3Dfemale"):
        html = client.get(f"/indicators/tip_persons_convicted{query}").content.decode()
        twin = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)"', html)[1]
        body = client.get(unescape(twin)).json()
        assert {(o["state"], o["year"]): o["value"] for o in body["observations"]} == values_of(html), query
        assert body["url"].startswith("/indicators/tip_persons_convicted")
    assert body["url"] == "/indicators/tip_persons_convicted?disaggregation=sex%3Dfemale"  # and back to the page


def test_codes_are_case_insensitive_unknown_ones_404_and_pages_answer_only_get(client, observations):
    response = client.get("/indicators/Homicide_Rate?year_from=2000")
    assert response.status_code == 301 and response["Location"] == "/indicators/homicide_rate?year_from=2000"
    assert client.get("/indicators/no_such_thing").status_code == 404
    assert client.post("/indicators/").status_code == 405
    assert client.post("/indicators/homicide_rate").status_code == 405
    assert client.head("/indicators/homicide_rate").status_code == 200
