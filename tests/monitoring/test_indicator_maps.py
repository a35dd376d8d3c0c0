"""World maps of an indicator's values in a year and of a target's results: every State once, with
the class of its value (readable quantiles), "<N" in a class of its own and never a number, the
latest year by default, the JSON twins counting as the pages do, and clear refusals."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from viennaplan.countries import registry
from viennaplan.indicators.importer import import_observations
from viennaplan.indicators.models import Indicator
from viennaplan.monitoring import maps
from viennaplan.monitoring.models import IndicatorTarget

CODE = "tip_victims_detected"
# SYNTHETIC values; Spain's 2005 count withheld as "<5", France also by sex.
OBSERVATIONS = """country,iso3,year,indicator,value,unit,source,note,flags,sex
,FRA,2004,tip_victims_detected,90,,T,,,
,FRA,2005,tip_victims_detected,100,,T,,,
,DEU,2005,tip_victims_detected,250,,T,,,
,ESP,2005,tip_victims_detected,<5,,T,,,
,ITA,2005,tip_victims_detected,40,,T,,,
,CHE,2005,tip_victims_detected,12,,T,,,
,BRA,2005,tip_victims_detected,900,,T,,,
,JPN,2005,tip_victims_detected,60,,T,,,
,NLD,2005,tip_victims_detected,7,,T,,,
,FRA,2005,tip_victims_detected,30,,T,,,female
"""
NUMBERS = {"FRA": 100, "DEU": 250, "ITA": 40, "CHE": 12, "BRA": 900, "JPN": 60, "NLD": 7}


@pytest.fixture
def values(db):
    import_observations(OBSERVATIONS.encode("utf-8"), source_name="maps.csv")


def groups_of(svg: str) -> dict[str, str]:
    """alpha-3 -> the class of its group (each State drawn once)."""
    found = re.findall(r'<g class="([\w-]+)" data-m49="\d*" data-state="(\w+)">', svg)
    assert len(found) == len({a3 for _, a3 in found}), "a State drawn twice"
    return {a3: css for css, a3 in found}


def svg_of(html: str) -> str:
    start = html.index('<svg xmlns="http://www.w3.org/2000/svg" class="world-map"')
    return html[start : html.index("</svg>", start)]


def test_the_breaks_are_quantiles_rounded_to_two_significant_digits_and_leave_no_class_empty():
    assert maps.readable_breaks(range(1, 101)) == [21, 41, 60, 80]
    assert maps.readable(38030.9) == 38000 and maps.readable(0.3712) == 0.37 and maps.readable(-1.46) == -1.5
    assert maps.readable_breaks([5, 5, 5]) == [] and maps.readable_breaks([]) == []
    assert maps.readable_breaks([1, 2]) == [1.2]  # two numbers: two classes, never an empty one
    for numbers in ([0.3712, 1.2, 38030.9, 500, 7, 7, 7], [-2.1, -1, 0, 0.5, 2.2], list(NUMBERS.values())):
        breaks = maps.readable_breaks(numbers)
        _, classes = maps.value_classes(dict(enumerate(numbers)), breaks)
        assert len(set(classes.values())) == len(breaks) + 1, numbers


def test_the_map_of_the_latest_year_has_every_state_once_in_the_class_of_its_value(values, client):
    response = client.get(f"/indicators/{CODE}/map")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Values for 2005 as on file on" in html and "persons" in html and "Source: T" in html
    groups = groups_of(svg_of(html))
    assert set(groups) == {info.alpha3 for info in registry.states()}
    breaks = maps.readable_breaks(NUMBERS.values())
    assert breaks == [18, 48, 84, 220]
    for alpha3, number in NUMBERS.items():
        assert groups[alpha3] == f"class-{sum(1 for b in breaks if number >= b)}", alpha3
    assert groups["ESP"] == maps.WITHHELD and groups["USA"] == maps.NO_DATA
    legend = dict(re.findall(r'<tr data-category="([\w-]+)"><th scope="row">[^<]*</th><td>(\d+)</td>', html))
    assert {key: int(n) for key, n in legend.items()} == dict(Counter(groups.values())) | {
        key: 0 for key in legend if key not in groups.values()
    }
    assert 'data-state="DEU" data-category="class-4"' in html  # the text alternative: the map's table
    assert f'href="/indicators/{CODE}/map.svg?year=2005"' in html and f"/api/maps/indicators/{CODE}?year=2005" in html


def test_a_withheld_count_is_its_own_class_and_never_drawn_or_charted_as_a_number(values, client):
    html = client.get(f"/indicators/{CODE}/map?year=2005").content.decode()
    svg = svg_of(html)
    spain = re.search(r'data-state="ESP"><title>([^<]*)</title>', svg).group(1)
    assert spain == "Spain: withheld (&lt;5), not a number"
    assert ">withheld (&lt;5): 1</text>" in svg  # the legend
    chart = html[html.index('id="ranking-chart"') : html.index("</figure>", html.index('id="ranking-chart"'))]
    assert "Spain" not in chart and "1 with a value withheld as &lt;N (not a number)" in chart
    twin = client.get(f"/api/maps/indicators/{CODE}?year=2005").json()
    spain = next(s for s in twin["states"] if s["state"] == "ESP")
    assert spain["number"] is None and spain["published"] == "<5" and spain["category"] == maps.WITHHELD
    assert spain["suppressed_below"] == 5


def test_the_json_twin_counts_as_the_page_and_the_svg_download(values, client):
    html = client.get(f"/indicators/{CODE}/map?year=2005").content.decode()
    page = groups_of(svg_of(html))
    twin = client.get(f"/api/maps/indicators/{CODE}?year=2005").json()
    assert {s["state"]: s["category"] for s in twin["states"]} == page
    assert {c["key"]: c["count"] for c in twin["categories"]} == {
        key: Counter(page.values()).get(key, 0) for key in (c["key"] for c in twin["categories"])
    }
    assert twin["year"] == 2005 and twin["unit"] == "persons" and twin["sources"] == ["T"]
    assert twin["years"] == [{"year": 2005, "states": 8}, {"year": 2004, "states": 1}]
    assert next(s for s in twin["states"] if s["state"] == "DEU")["number"] == 250
    download = client.get(f"/indicators/{CODE}/map.svg?year=2005")
    assert download["Content-Type"].startswith("image/svg+xml")
    assert groups_of(download.content.decode()) == page


def test_a_year_and_a_disaggregation_can_be_chosen(values, client):
    earlier = client.get(f"/api/maps/indicators/{CODE}?year=2004").json()
    assert {s["state"]: s["category"] for s in earlier["states"] if s["category"] != maps.NO_DATA} == {"FRA": "class-0"}
    female = client.get(f"/indicators/{CODE}/map?disaggregation=sex%3Dfemale")
    assert female.status_code == 200
    groups = groups_of(svg_of(female.content.decode()))
    assert {a3 for a3, css in groups.items() if css != maps.NO_DATA} == {"FRA"}
    assert "Sex: female" in female.content.decode()


def test_bad_input_is_refused_clearly(values, client):
    bad_year = client.get(f"/indicators/{CODE}/map?year=20x5")
    assert bad_year.status_code == 400 and "is not a year" in bad_year.content.decode()
    assert client.get(f"/indicators/{CODE}/map?disaggregation=all").status_code == 400
    assert client.get(f"/indicators/{CODE}/map?disaggregation=sex%3Dnone").status_code == 400
    no_values = client.get(f"/indicators/{CODE}/map?year=1950")
    assert no_values.status_code == 404 and "years with values: 2005, 2004" in no_values.content.decode()
    assert client.get("/indicators/no_such_thing/map").status_code == 404
    assert client.get(f"/indicators/{CODE}/map.svg?year=1950").status_code == 404
    assert client.get(f"/indicators/{CODE}/map.svg?year=x").status_code == 400
    assert client.post(f"/indicators/{CODE}/map").status_code == 405
    api = client.get(f"/api/maps/indicators/{CODE}?year=x")
    assert api.status_code == 422 and "year" in api.json()["errors"][0]
    assert client.get(f"/api/maps/indicators/{CODE}?disaggregation=all").status_code == 422
    assert client.get(f"/api/maps/indicators/{CODE}?year=1950").status_code == 404
    assert client.get("/api/maps/indicators/no_such_thing").status_code == 404
    upper = client.get(f"/indicators/{CODE.upper()}/map?year=2005")
    assert upper.status_code == 301 and upper["Location"] == f"/indicators/{CODE}/map?year=2005"


def test_an_indicator_without_values_says_so_and_has_no_svg_nor_twin(db, client):
    page = client.get("/indicators/terrorism_persons_convicted/map")
    assert page.status_code == 200 and "there is nothing to map" in page.content.decode()
    assert client.get("/indicators/terrorism_persons_convicted/map.svg").status_code == 404
    assert client.get("/api/maps/indicators/terrorism_persons_convicted").status_code == 404


def test_the_indicator_page_links_to_its_map(values, client):
    assert f'href="/indicators/{CODE}/map"' in client.get(f"/indicators/{CODE}").content.decode()
    split = client.get(f"/indicators/{CODE}?disaggregation=sex%3Dfemale").content.decode()
    assert f'href="/indicators/{CODE}/map?disaggregation=sex%3Dfemale"' in split


# -- a target's results ------------------------------------------------------------------------


@pytest.fixture
def target(values, secretariat):
    import_observations(
        b"country,iso3,year,indicator,value,unit,source,note,flags\n"
        b",DEU,2004,tip_victims_detected,260,,T,,\n,ITA,2004,tip_victims_detected,80,,T,,\n",
        source_name="maps-2004.csv",
    )
    return IndicatorTarget.objects.create(
        indicator=Indicator.objects.get(code=CODE),
        provision="35(a)",
        baseline_year=2004,
        target_year=2005,
        window=0,
        created_by=secretariat,
    )


def test_the_target_map_shows_met_not_met_and_insufficient_data_for_everyone(target, client):
    # FRA 90 -> 100 (rose): not met; DEU 260 -> 250 (-3.8%): not met; ITA 80 -> 40: met; others: insufficient.
    response = client.get(f"/targets/{target.pk}/map")
    assert response.status_code == 200
    html = response.content.decode()
    assert "2004 to 2005" in html and "judged on the values on file on" in html
    groups = groups_of(svg_of(html))
    assert set(groups) == {info.alpha3 for info in registry.states()}
    assert (groups["ITA"], groups["FRA"], groups["DEU"], groups["BRA"]) == (
        "met",
        "not_met",
        "not_met",
        "insufficient_data",
    )
    assert re.search(r'data-state="ITA"><title>Italy: -50.0% \(met\)</title>', html)
    twin = client.get(f"/api/maps/targets/{target.pk}").json()
    assert {s["state"]: s["category"] for s in twin["states"]} == groups
    counts = {c["key"]: c["count"] for c in twin["categories"]}
    assert counts == {"met": 1, "not_met": 2, "insufficient_data": len(groups) - 3}
    assert twin["baseline_year"] == 2004 and twin["target_year"] == 2005
    api_targets = client.get(f"/api/targets/{target.pk}").json()["counts"]
    assert api_targets == counts  # the map counts as the target's own page and JSON do
    download = client.get(f"/targets/{target.pk}/map.svg")
    assert groups_of(download.content.decode()) == groups


def test_the_target_page_links_to_its_map_and_the_public_sees_no_edit_link(target, client):
    page = client.get(f"/targets/{target.pk}").content.decode()
    assert f'href="/targets/{target.pk}/map"' in page
    assert f"/targets/{target.pk}/edit" not in page
    assert f"/targets/{target.pk}/edit" not in client.get(f"/targets/{target.pk}/map").content.decode()


def test_an_unknown_target_has_no_map(db, client):
    assert client.get("/targets/999/map").status_code == 404
    assert client.get("/targets/999/map.svg").status_code == 404
    assert client.get("/api/maps/targets/999").status_code == 404
    assert client.get("/targets/x/map").status_code == 404
