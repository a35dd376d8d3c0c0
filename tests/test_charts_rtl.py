"""Charts and maps read right to left in Arabic: time runs from the right, bars grow leftwards with
their names on the right, legends start from the right, text with Arabic letters is `direction="rtl"`
with its numbers, years, codes and citations in left-to-right spans, and the caches of drawn charts
give the Arabic chart to Arabic readers only. English output is unchanged (the other chart tests
compare it); here it is the reference the Arabic one mirrors.

In SVG the "start" of right-to-left text is its right edge: `side` says which edge of a text node is
at its x, whatever its anchor and direction."""

from __future__ import annotations

import html
import re
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation

from viennaplan.monitoring import charts, maps, profile_indicators, report_views
from viennaplan.monitoring.charts import Change, Ranked, change_chart_svg, ranking_svg, time_series_svg
from viennaplan.svgcharts import LTR_SPAN, ltr_runs
from viennaplan.treaties.charts import Series, parties_chart_svg

ARABIC = {  # what the catalogue says, whatever state it is in while it is being written
    "Published value": "القيمة المنشورة",
    "Withheld (<N)": "محجوبة (<N)",
    "Target (%(year)s)": "الهدف (%(year)s)",
}
POINTS = [(2000, Decimal(100), "100"), (2005, None, "<5"), (2010, Decimal(80), "80")]
TARGET = (2000, 2010, Decimal(100), Decimal(90))
RTL_LETTER = re.compile("[\u0600-\u06ff]")


@pytest.fixture(autouse=True)
def arabic_words(monkeypatch):
    """The charts' own words in Arabic when Arabic is active, in English otherwise."""
    original = charts._
    monkeypatch.setattr(charts, "_", lambda s: ARABIC.get(s, s) if translation.get_language() == "ar" else original(s))


def texts(svg: str) -> list[dict]:
    """Every drawn text node: its words, x, anchor, direction, inner markup."""
    found = []
    for attributes, inner in re.findall(r"<text\b([^>]*)>(.*?)</text>", svg, re.S):
        anchor = re.search(r'text-anchor(?:: |=")(start|middle|end)', attributes)
        direction = re.search(r'\bdirection="(rtl|ltr)"', attributes)
        found.append(
            {
                "words": html.unescape(re.sub(r"<[^>]+>", "", inner)),
                "x": float(re.search(r'\bx="([-\d.]+)"', attributes)[1]),
                "anchor": anchor[1] if anchor else "start",
                "direction": direction[1] if direction else "ltr",
                "inner": inner,
            }
        )
    return found


def text(svg: str, words: str) -> dict:
    matches = [t for t in texts(svg) if t["words"] == words]
    assert len(matches) == 1, (words, [t["words"] for t in texts(svg)])
    return matches[0]


def side(node: dict) -> str:
    """Which edge of the text is at its x: "left", "right" (or "middle")."""
    if node["anchor"] == "middle":
        return "middle"
    return "left" if (node["anchor"] == "start") == (node["direction"] == "ltr") else "right"


def assert_rtl_words(svg: str) -> None:
    """Every text with Arabic letters is right to left, every digit in it inside a left-to-right span."""
    arabic = [t for t in texts(svg) if RTL_LETTER.search(t["words"])]
    assert arabic
    for node in arabic:
        assert node["direction"] == "rtl", node
        outside = re.sub(re.escape(LTR_SPAN) + r".*?</tspan>", "", node["inner"])
        assert not re.search(r"[0-9A-Za-z]", html.unescape(outside)), node["inner"]


def draw(language: str, function, *args, **kwargs) -> str:
    with translation.override(language):
        return function(*args, **kwargs)


# -- time series -------------------------------------------------------------------------------


def test_a_time_series_runs_from_the_right_in_arabic():
    english = draw("en", time_series_svg, "France", POINTS, TARGET)
    arabic = draw("ar", time_series_svg, "فرنسا", POINTS, TARGET)
    assert text(english, "2000")["x"] < text(english, "2010")["x"]
    assert text(arabic, "2000")["x"] > text(arabic, "2010")["x"]
    # the values' axis on the right, its labels anchored the other way
    assert text(english, "100")["anchor"] == "end" and text(arabic, "100")["anchor"] == "start"
    assert text(english, "100")["x"] < text(english, "2000")["x"]
    assert text(arabic, "100")["x"] > text(arabic, "2000")["x"]
    # the legend reads from the right: the first entry rightmost, its anchor swapped, right to left
    first, last = text(arabic, "القيمة المنشورة"), text(arabic, "الهدف (2010)")
    assert text(english, "Published value")["x"] < text(english, "Target (2010)")["x"]
    assert first["x"] > last["x"]
    assert text(english, "Published value")["anchor"] == "start" and first["anchor"] == "end"
    assert first["direction"] == "rtl"
    assert f"{LTR_SPAN}(2010)</tspan>" in last["inner"]
    assert_rtl_words(arabic)


def test_mirrored_can_be_asked_for_whatever_the_language():
    mirrored = draw("en", time_series_svg, "France", POINTS, TARGET, mirrored=True)
    plain = draw("ar", time_series_svg, "فرنسا", POINTS, TARGET, mirrored=False)
    assert text(mirrored, "2000")["x"] > text(mirrored, "2010")["x"]
    assert text(plain, "2000")["x"] < text(plain, "2010")["x"]
    assert 'direction="rtl"' not in plain


# -- bar charts --------------------------------------------------------------------------------

RANKED = [Ranked("Jamaica", Decimal("58.1"), "58.1"), Ranked("Peru", Decimal("12"), "12")]
RANKED_AR = [Ranked("جامايكا", Decimal("58.1"), "58.1"), Ranked("بيرو", Decimal("12"), "12")]


def test_a_ranking_has_its_names_on_the_right_and_its_bars_growing_leftwards_in_arabic():
    english = draw("en", ranking_svg, "Homicide rate, 2005", RANKED, unit="per 100,000")
    arabic = draw("ar", ranking_svg, "معدل القتل", RANKED_AR, unit="لكل 100,000")
    zero_en, zero_ar = text(english, "0")["x"], text(arabic, "0")["x"]
    # the bar of 58.1 ends where its figure is written: right of zero in English, left of it in Arabic
    value_en, value_ar = text(english, "58.1"), text(arabic, "58.1")
    assert value_en["x"] > zero_en and value_en["anchor"] == "start"
    assert value_ar["x"] < zero_ar and value_ar["anchor"] == "end"
    # the names: left of the bars, their right edge at the axis; right of them, their left edge at it
    name_en, name_ar = text(english, "Jamaica"), text(arabic, "جامايكا")
    assert name_en["x"] < zero_en and side(name_en) == "right"
    assert name_ar["x"] > zero_ar and side(name_ar) == "left"
    assert name_ar["direction"] == "rtl"
    assert text(english, "per 100,000")["direction"] == "ltr"
    assert f"{LTR_SPAN}100,000</tspan>" in text(arabic, "لكل 100,000")["inner"]
    assert_rtl_words(arabic)


def test_a_change_chart_mirrors_its_bars_figures_and_legend_in_arabic():
    changes = [Change("Spain", Decimal("-25"), "met", "met"), Change("Chile", Decimal("40"), "not met", "not met")]
    changes_ar = [Change("إسبانيا", Decimal("-25"), "met", "مستوفى"), Change("شيلي", Decimal("40"), "not met", "x")]
    english = draw("en", change_chart_svg, "Change", changes, Decimal(10))
    arabic = draw("ar", change_chart_svg, "التغير", changes_ar, Decimal(10))
    for svg, fall, rise in ((english, "-25.0%", "40.0%"), (arabic, "-25.0%", "40.0%")):
        assert text(svg, fall)["anchor"] != text(svg, rise)["anchor"]
    assert text(english, "-25.0%")["x"] < text(english, "40.0%")["x"]
    assert text(arabic, "-25.0%")["x"] > text(arabic, "40.0%")["x"]
    assert text(english, "-25.0%")["anchor"] == "end" and text(arabic, "-25.0%")["anchor"] == "start"
    assert text(english, "Spain")["x"] < text(english, "-25.0%")["x"]
    assert text(arabic, "إسبانيا")["x"] > text(arabic, "-25.0%")["x"]


# -- treaties ----------------------------------------------------------------------------------


def test_a_treaty_chart_runs_from_the_right_and_keeps_citations_left_to_right():
    series = [Series("Parties", ((date(2001, 1, 1), 1), (date(2003, 5, 1), 5)))]
    series_ar = [Series("الأطراف", ((date(2001, 1, 1), 1), (date(2003, 5, 1), 5)))]
    markers = [(date(2003, 9, 29), "entry into force, article 57(k)(ii)")]
    markers_ar = [(date(2003, 9, 29), "بدء النفاذ، المادة 57(k)(ii)")]
    english = draw("en", parties_chart_svg, "UNTOC", series, end=date(2010, 1, 1), markers=markers)
    arabic = draw("ar", parties_chart_svg, "اتفاقية", series_ar, end=date(2010, 1, 1), markers=markers_ar)
    assert text(english, "2002")["x"] < text(english, "2009")["x"]
    assert text(arabic, "2002")["x"] > text(arabic, "2009")["x"]
    marker_en, marker_ar = text(english, markers[0][1]), text(arabic, markers_ar[0][1])
    assert marker_en["anchor"] == "start" and side(marker_en) == "left"  # right of its line
    assert marker_ar["direction"] == "rtl" and side(marker_ar) == "right"  # left of its line
    assert marker_ar["x"] < text(arabic, "2003")["x"] < text(arabic, "2002")["x"]
    assert f"{LTR_SPAN}57(k)(ii)</tspan>" in marker_ar["inner"]
    assert "<tspan" not in english
    assert_rtl_words(arabic)


def test_ltr_runs_keep_numbers_codes_and_citations_whole():
    assert ltr_runs("المادة 57(k)(ii)") == f"المادة {LTR_SPAN}57(k)(ii)</tspan>"
    assert ltr_runs("محجوبة (<5)") == f"محجوبة {LTR_SPAN}(&lt;5)</tspan>"
    assert ltr_runs("CHE: 12") == f"{LTR_SPAN}CHE</tspan>: {LTR_SPAN}12</tspan>"
    assert ltr_runs("من 1,000 إلى -2.5%") == f"من {LTR_SPAN}1,000</tspan> إلى {LTR_SPAN}-2.5%</tspan>"
    assert ltr_runs("لا شيء") == "لا شيء"


# -- map legend --------------------------------------------------------------------------------


def map_svg(language: str, labels: tuple[str, str], notes: list[str]) -> str:
    spec = maps.MapSpec(
        title="UNTOC",
        as_of="31 December 2002",
        categories=[maps.Category("party", labels[0], "#0b4f8a"), maps.Category("no-data", labels[1], "#cfcfcf")],
        states=[maps.MapState("756", "CHE", "Switzerland", "/reporting/states/CHE", "party")],
        notes=notes,
    )
    with translation.override(language):
        return maps.render(maps.world(), spec)


def test_a_map_legend_and_notes_start_from_the_right_in_arabic_and_the_map_does_not_mirror():
    english = map_svg("en", ("party under 57(k)(ii)", "no data"), ["Source: UNODC 2005"])
    arabic = map_svg("ar", ("دولة طرف بموجب 57(k)(ii)", "لا بيانات"), ["المصدر: UNODC 2005"])
    rects = lambda svg: [float(x) for x in re.findall(r'<g class="[^"]+"><rect x="([\d.]+)"', svg)]  # noqa: E731
    first_en, first_ar = text(english, "party under 57(k)(ii): 1"), text(arabic, "دولة طرف بموجب 57(k)(ii): 1")
    # English: swatch, then the words to its right, left-aligned; Arabic: swatch at the right, words leftwards
    assert rects(english)[0] < first_en["x"] < text(english, "no data: 0")["x"]
    assert side(first_en) == "left" and first_en["direction"] == "ltr"
    assert rects(arabic)[0] > first_ar["x"] > text(arabic, "لا بيانات: 0")["x"]
    assert side(first_ar) == "right" and first_ar["direction"] == "rtl" and first_ar["anchor"] == "start"
    assert first_ar["x"] > 900 > 100 > first_en["x"]
    assert f"{LTR_SPAN}57(k)(ii)</tspan>: {LTR_SPAN}1</tspan>" in first_ar["inner"]
    note = text(arabic, "المصدر: UNODC 2005")
    assert side(note) == "right" and f"{LTR_SPAN}UNODC 2005</tspan>" in note["inner"]
    assert_rtl_words(arabic)
    # the map itself is the same: every shape and dot where it is in English
    shapes = lambda svg: re.findall(r'<path d="[^"]+"/>|<circle [^>]+>', svg)  # noqa: E731
    assert shapes(english) == shapes(arabic) and shapes(english)


# -- caches ------------------------------------------------------------------------------------


def test_the_cached_time_series_is_arabic_only_for_arabic_readers():
    profile_indicators._chart.cache_clear()
    points = tuple(POINTS)
    with translation.override("ar"):
        arabic = profile_indicators.chart("فرنسا", points, TARGET)
    with translation.override("en"):
        english = profile_indicators.chart("فرنسا", points, TARGET)
    with translation.override("ar"):
        again = profile_indicators.chart("فرنسا", points, TARGET)
    assert arabic == again == draw("ar", time_series_svg, "فرنسا", POINTS, TARGET)
    assert english == draw("en", time_series_svg, "فرنسا", POINTS, TARGET)
    assert text(arabic, "2000")["x"] > text(arabic, "2010")["x"]
    assert text(english, "2000")["x"] < text(english, "2010")["x"]
    assert 'direction="rtl"' in arabic and 'direction="rtl"' not in english


def test_the_cached_change_chart_of_the_report_is_arabic_only_for_arabic_readers():
    report_views._change_svg.cache_clear()
    row = SimpleNamespace(
        chart_title="Change",
        changes=(Change("إسبانيا", Decimal("-25"), "met", "met"),),
        threshold=Decimal(10),
        target="1",
    )
    with translation.override("ar"):
        arabic = str(report_views.target_chart(row))
    with translation.override("en"):
        english = str(report_views.target_chart(row))
    with translation.override("ar"):
        assert str(report_views.target_chart(row)) == arabic
    assert arabic != english
    assert text(arabic, "إسبانيا")["direction"] == "rtl" and text(english, "إسبانيا")["direction"] == "ltr"
    assert text(arabic, "إسبانيا")["x"] > text(arabic, "-25.0%")["x"]
    assert text(english, "إسبانيا")["x"] < text(english, "-25.0%")["x"]
