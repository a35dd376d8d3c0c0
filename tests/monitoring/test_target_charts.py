"""Charts of indicator targets: one State's series as deterministic SVG with the target line and
"<N" values on the floor, never as numbers; the per-State page of a target shows it with the data
table under it, and its JSON twin the same figures (the series of test_indicator_targets)."""

from __future__ import annotations

import html
import math
import re
from decimal import Decimal

import pytest
from target_fixtures import reduction_target

from viennaplan.monitoring.charts import describe, layout, time_series_svg

SPAIN = [(2005, None, "<5"), (2000, Decimal(12), "12"), (2003, Decimal(8), "8")]
TARGET = (2000, 2005, Decimal(12), Decimal("10.8"))


def test_the_same_series_gives_the_same_bytes_and_no_date():
    first = time_series_svg("Spain: victims detected", SPAIN, TARGET)
    assert first == time_series_svg("Spain: victims detected", list(reversed(SPAIN)), TARGET)
    assert first.startswith("<svg ") and "<dc:date>" not in first and "<?xml" not in first
    assert time_series_svg("Nothing", []) == ""


def test_the_target_is_a_dashed_line_from_the_baseline_to_the_required_value():
    with_target = time_series_svg("Spain", SPAIN, TARGET)
    without = time_series_svg("Spain", SPAIN, None)
    dashed = [style for style in re.findall(r'style="([^"]*)"', with_target) if "#a3141a" in style]
    assert dashed and all("stroke-dasharray" in style for style in dashed)
    assert "#a3141a" not in without and "Target (2005)" in with_target and "Target (2005)" not in without


def test_a_withheld_value_is_a_hollow_marker_on_the_floor_with_its_label_never_a_number():
    years, values, hollow = layout(SPAIN)
    assert years == [2000, 2003, 2005] and values[:2] == [12.0, 8.0] and math.isnan(values[2])
    assert hollow == [(2005, "<5")]
    svg = time_series_svg("Spain", SPAIN, TARGET)
    assert ">&lt;5" in svg  # the label, as text
    assert "2005: &lt;5" in svg and "2005: 5" not in svg


def test_the_title_and_desc_say_what_it_shows_and_the_figures():
    svg = time_series_svg("Spain: victims detected", SPAIN, TARGET)
    assert svg.index("<title>Spain: victims detected</title>") < svg.index("<desc>") < svg.index("<metadata")
    assert 'aria-label="Spain: victims detected"' in svg
    text = describe("Spain: victims detected", SPAIN, TARGET)
    assert text == (
        "Spain: victims detected. Values by year: 2000: 12, 2003: 8, 2005: <5. Values withheld as <N are "
        "marked on the axis, not plotted as numbers. Target: from 12 in 2000 to 10.8 or less by 2005."
    )
    assert f"<desc>{text.replace('<', '&lt;')}</desc>" in svg


OBSERVATIONS = """country,iso3,year,indicator,value,unit,source,note,flags,sex
,FRA,2000,tip_victims_detected,100,,T,,
,FRA,2003,tip_victims_detected,<5,,T,,estimate
,FRA,2005,tip_victims_detected,95,,T,,provisional
"""


@pytest.fixture
def target(db, secretariat):
    return reduction_target(OBSERVATIONS, "targets.csv", secretariat)


def test_the_state_page_shows_the_chart_and_the_table_with_the_same_figures_and_its_twin_too(target, client):
    url = f"/targets/{target.pk}/states/FRA"
    assert f'href="{url}"' in client.get(f"/targets/{target.pk}").content.decode()
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    svg = body[body.index("<svg") : body.index("</svg>")]
    desc = html.unescape(re.search(r"<desc>(.*?)</desc>", svg, re.S)[1])
    table = body[body.index('id="series"') :]
    published = re.findall(r'data-published="([^"]*)"', table)
    assert [html.unescape(p) for p in published] == ["100", "<5", "95"]
    assert "Values by year: 2000: 100, 2003: <5, 2005: 95." in desc and "to 90 or less by 2005" in desc
    assert "provisional" in table and "estimate" in table and "90 or less (from 100 in 2000)" in table
    assert 'data-outcome="not_met"' in body and f'href="/api{url}"' in body
    assert client.get(f"/targets/{target.pk}/states/fra").url == url
    assert client.get(f"/targets/{target.pk}/states/XXX").status_code == 404
    twin = client.get(f"/api{url}").json()
    assert [p["published"] for p in twin["series"]] == ["100", "<5", "95"]
    assert twin["target_line"] == {"from_year": 2000, "to_year": 2005, "from_value": "100", "required_value": "90"}
    assert (twin["result"]["outcome"], twin["url"]) == ("not_met", url)
    assert client.get(f"/api/targets/{target.pk}/states/XXX").status_code == 404
