"""Chinese and Arabic chart words are measured and named in a font that has their glyphs (issue 11);
English charts keep DejaVu Sans alone, byte for byte."""

from __future__ import annotations

import warnings

import pytest
from django.utils import translation
from matplotlib import font_manager

from viennaplan.svgcharts import RC, font_families, inline_svg, new_figure, rc_context


def installed(family: str) -> bool:
    try:
        font_manager.findfont(family, fallback_to_default=False)
        return True
    except ValueError:
        return False


def chart(label: str) -> tuple[str, list[str]]:
    with warnings.catch_warnings(record=True) as caught, rc_context(RC):
        warnings.simplefilter("always")
        figure = new_figure(3, 2)
        axes = figure.add_subplot()
        axes.plot([2001, 2002], [1, 2], label=label)
        axes.legend()
        svg = inline_svg(figure, "t")
    return svg, [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_an_english_chart_names_dejavu_sans_alone():
    assert font_families("en") == font_families("fr") == font_families("ru") == ["DejaVu Sans"]
    svg, missing = chart("States parties")
    assert "font-family: 'DejaVu Sans'" in svg and "Noto" not in svg and missing == []


@pytest.mark.parametrize(
    ("language", "family", "words"),
    [("zh-hans", "Noto Sans CJK SC", "缔约国"), ("ar", "Noto Sans Arabic", "الدول الأطراف")],
)
def test_chinese_and_arabic_words_have_their_glyphs(language, family, words):
    if not installed(family):
        pytest.skip(f"{family} is not installed (apt-get install fonts-noto-core fonts-noto-cjk)")
    with translation.override(language):
        assert font_families() == ["DejaVu Sans", family]
        svg, missing = chart(words)
    assert family in svg and missing == [], missing
