"""Charts across States as deterministic SVG: a target's change of each State against the threshold
(met and not met in their colours, at most 40 bars, rises cut at the axis' end) and an indicator's
largest values in a year; each with its figures in <desc>, its table under it on the page, and ids
unique in a document."""

from __future__ import annotations

import html
import re
from collections import Counter
from decimal import Decimal

import pytest
from target_fixtures import reduction_target

from viennaplan.monitoring.charts import (
    HALF,
    MAX_CHANGES,
    OUTCOME_COLOURS,
    Change,
    Ranked,
    change_chart_svg,
    changes_shown,
    describe_changes,
    ranking_svg,
)
from viennaplan.monitoring.indicator_targets import MET, NOT_MET
from viennaplan.svgcharts import unique_ids

TEN = Decimal(10)
SOME = [
    Change("Spain", Decimal("-25"), MET, "met"),
    Change("France", Decimal("12.5"), NOT_MET, "not met"),
    Change("Italy", Decimal("-9.99"), NOT_MET, "not met"),
]


def desc_of(svg: str) -> str:
    return html.unescape(re.search(r"<desc>(.*?)</desc>", svg, re.S).group(1))


def test_the_change_chart_is_deterministic_and_its_desc_holds_every_figure_largest_fall_first():
    svg = change_chart_svg("Victims: change 2000 to 2005", SOME, TEN)
    assert svg == change_chart_svg("Victims: change 2000 to 2005", list(reversed(SOME)), TEN)
    assert svg.startswith("<svg ") and 'aria-label="Victims: change 2000 to 2005"' in svg
    assert desc_of(svg) == (
        "Victims: change 2000 to 2005. Change in per cent from the baseline to the end value, the largest fall "
        "first. 3 States with both values, all shown. The threshold is a fall of 10.0% (-10.0%). "
        "Spain -25.0% (met), Italy -10.0% (not met), France 12.5% (not met)."
    )
    assert change_chart_svg("Nothing", [], TEN) == ""


def test_met_and_not_met_have_their_colours_and_the_threshold_is_a_dashed_line():
    svg = change_chart_svg("Victims", SOME, TEN)
    fills = re.findall(r"fill: (#[0-9a-f]{6})", svg)
    assert OUTCOME_COLOURS[MET] in fills and OUTCOME_COLOURS[NOT_MET] in fills
    dashed = [style for style in re.findall(r'style="([^"]*)"', svg) if "#a3141a" in style]
    assert len(dashed) == 2 and all("stroke-dasharray" in style for style in dashed)  # the line and its key
    assert ">threshold (-10.0%)<" in svg
    only_met = change_chart_svg("Victims", SOME[:1], TEN)
    assert OUTCOME_COLOURS[NOT_MET] not in only_met and ">not met<" not in only_met


def many(count: int) -> list[Change]:
    return [
        Change(f"State {i:03d}", Decimal(i * 2 - 100), MET if i * 2 - 100 <= -10 else NOT_MET, "x")
        for i in range(count)
    ]


def test_beyond_forty_states_the_largest_falls_and_rises_are_drawn_and_the_rest_counted():
    changes = many(130)
    shown, left_out = changes_shown(changes)
    assert len(shown) == MAX_CHANGES and left_out == 130 - MAX_CHANGES
    assert [c.state for c in shown] == [f"State {i:03d}" for i in (*range(HALF), *range(130 - HALF, 130))]
    svg = change_chart_svg("Many", changes, TEN)
    text = desc_of(svg)
    assert "Of 130 States with both values, the 20 with the largest fall and the 20 with the largest rise" in text
    assert "the other 90 are in the table" in text and "… 90 States not shown …" in text
    assert ">State 050<" not in svg and ">State 019<" in svg and ">State 110<" in svg
    assert "… 90 States not shown (in the table) …" in svg
    assert changes_shown(many(MAX_CHANGES)) == (sorted(many(MAX_CHANGES), key=lambda c: c.change), 0)


def test_a_shorter_chart_for_print_draws_the_ten_largest_falls_and_rises():
    changes = many(130)
    shown, left_out = changes_shown(changes, 20)
    assert [c.state for c in shown] == [f"State {i:03d}" for i in (*range(10), *range(120, 130))]
    assert left_out == 110
    svg = change_chart_svg("Many", changes, TEN, 20)
    assert "the 10 with the largest fall and the 10 with the largest rise" in desc_of(svg)
    assert ">State 009<" in svg and ">State 010<" not in svg and "… 110 States not shown (in the table) …" in svg


def test_a_rise_of_thousands_of_per_cent_is_cut_at_the_axis_end_with_its_figure_written():
    changes = [*SOME, Change("Mexico", Decimal("19537.6"), NOT_MET, "not met")]
    svg = change_chart_svg("Victims", changes, TEN)
    assert "19537.6% →" in svg and "12.5% →" not in svg
    assert "The axis ends at 100%: 1 longer bar is cut there." in desc_of(svg)
    assert "cut there" not in describe_changes("Victims", SOME, TEN)


def test_the_ranking_shows_the_thirty_largest_and_says_what_is_left_out():
    values = [Ranked(f"State {i:02d}", Decimal(i), f"{i}") for i in range(35)]
    svg = ranking_svg("Victims, 2005", values, unit="persons", not_shown="Not shown: 5 States with smaller values.")
    text = desc_of(svg)
    assert text.startswith("Victims, 2005. The 30 largest values, largest first: State 34 34, State 33 33, ")
    assert text.endswith("State 05 5. Not shown: 5 States with smaller values.")
    assert ">State 04<" not in svg and ">persons<" in svg
    assert ranking_svg("None", []) == ""


def test_ids_are_unique_when_charts_share_a_document():
    first = unique_ids(change_chart_svg("A", SOME, TEN), "chart-a")
    second = unique_ids(change_chart_svg("A", SOME, TEN), "chart-b")
    ids = re.findall(r'\bid="([^"]+)"', first + second)
    assert ids and len(ids) == len(set(ids))
    references = re.findall(r'(?:url\(#|href="#)([^")]+)', first)
    assert references and all(ref.startswith("chart-a-") and ref in ids for ref in references)


def test_only_ids_and_references_to_them_are_prefixed():
    svg = (
        '<svg id="x"><g data-id="a" grid="c" id="" _id="d"><use xlink:href="#a"/><rect fill="url(#)" id="z)"/>'
        "</g></svg>"
    )
    assert unique_ids(svg, "p") == (
        '<svg id="p-x"><g data-id="p-a" grid="c" id="" _id="d"><use xlink:href="#p-a"/><rect fill="url(#)" id="p-z)"/>'
        "</g></svg>"
    )


# -- on the pages ------------------------------------------------------------------------------

OBSERVATIONS = """country,iso3,year,indicator,value,unit,source,note,flags
,ESP,2000,tip_victims_detected,120,,T,,
,ESP,2005,tip_victims_detected,90,,T,,
,FRA,2000,tip_victims_detected,100,,T,,
,FRA,2005,tip_victims_detected,95.5,,T,,
,ITA,2000,tip_victims_detected,40,,T,,
,ITA,2005,tip_victims_detected,<5,,T,,
,DEU,2000,tip_victims_detected,10,,T,,
,DEU,2005,tip_victims_detected,14,,T,,
"""


@pytest.fixture
def target(db, secretariat):
    return reduction_target(OBSERVATIONS, "comparison.csv", secretariat)


def ids_are_unique(page: str) -> None:
    ids = Counter(re.findall(r'\bid="([^"]+)"', page))
    assert not [name for name, n in ids.items() if n > 1]


def test_the_target_page_shows_the_change_chart_and_its_table_with_the_same_figures(target, client):
    page = client.get(f"/targets/{target.pk}").content.decode()
    chart = page[page.index('id="change-chart"') : page.index("</figure>", page.index('id="change-chart"'))]
    text = desc_of(chart)
    # Italy 40 -> "<5" is met without a percentage: it has no bar, only the States with two numbers.
    assert "3 States with both values, all shown" in text
    assert "Spain -25.0% (met), France -4.5% (not met), Germany 40.0% (not met)" in text
    table = page[page.index('id="changes-table"') : page.index("</table>", page.index('id="changes-table"'))]
    rows = re.findall(
        r'<tr data-state="(\w+)" data-outcome="(\w+)"><th scope="row"><a [^>]*>[^<]*</a></th>'
        r"<td>(\d+)</td><td>([^<]*)</td><td>(\d+)</td><td>([^<]*)</td><td>([^<]*)</td>",
        table,
    )
    assert rows == [
        ("ESP", "met", "2000", "120", "2005", "90", "-25.0%"),
        ("FRA", "not_met", "2000", "100", "2005", "95.5", "-4.5%"),
        ("DEU", "not_met", "2000", "10", "2005", "14", "40.0%"),
    ]
    assert 'id="chart-target-' in chart  # its ids prefixed
    ids_are_unique(page)


def test_the_indicator_map_page_has_map_and_ranking_with_unique_ids_and_the_ranking_table(target, client):
    page = client.get("/indicators/tip_victims_detected/map?year=2000").content.decode()
    chart = page[page.index('id="ranking-chart"') : page.index("</figure>", page.index('id="ranking-chart"'))]
    assert "Every value, largest first: Spain 120, France 100, Italy 40, Germany 10." in desc_of(chart)
    assert "Not shown: 0 States with smaller values, 0 with a value withheld as <N" in desc_of(chart)
    table = page[page.index('id="ranking-table"') : page.index("</table>", page.index('id="ranking-table"'))]
    assert re.findall(r'<th scope="row">([^<]*)</th><td>([^<]*)</td>', table) == [
        ("Spain", "120"),
        ("France", "100"),
        ("Italy", "40"),
        ("Germany", "10"),
    ]
    ids_are_unique(page)
