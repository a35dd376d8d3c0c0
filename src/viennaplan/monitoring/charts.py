"""Charts of indicator targets and values as inline SVG (deterministic, text as text:
`viennaplan.svgcharts`). Plain Python, no Django but `django.utils.translation`: the words of a
chart (legends, axis labels, text alternatives) are in the language active when it is drawn, so a
cache of charts keys on that language too.

    time_series_svg("France: victims detected", [(2000, Decimal(100), "100"), (2005, None, "<5")],
                    target=(2000, 2005, Decimal(100), Decimal(90)))

One State's values by year as a line. A value withheld as "<N" has no number: it is drawn as a
hollow marker on the floor of the chart (0) with its label "<N", never as a point of the line,
which breaks there. The target is a dashed line from the baseline value at the baseline year to
the value required at the target year (baseline x (1 - threshold)). The SVG's <title> and <desc>
say what it shows and every figure, for screen readers and for anyone without the picture.

    change_chart_svg("Victims detected: change 2000 to 2005", [Change("Spain", Decimal("-25"), "met", "met"), ...],
                     threshold=Decimal(10))

Across States, for a target: each State with a baseline and an end number as a horizontal bar of
its change in per cent, the largest fall at the top, coloured by outcome, with the threshold (a
fall of `threshold` per cent) as a dashed line. Up to MAX_CHANGES States are all drawn (the height
grows with their number); beyond that the HALF largest falls and the HALF largest rises (or
smallest falls) are drawn, and the text alternative and the line between them say how many are
left out (the page's table has every State).

    ranking_svg("Homicide rate, 2005", [Ranked("Jamaica", Decimal("58.1"), "58.1"), ...], unit="per 100,000")

Across States, for an indicator in a year: the TOP largest values as horizontal bars; the text
alternative names how many States are not shown and why (smaller values, withheld "<N", no value).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from viennaplan.svgcharts import BLUE, MUTED, RC, TARGET, Mirror, inline_svg, new_figure, rc_context

from .indicator_targets import INSUFFICIENT, MET, NOT_MET, OUTCOMES, percent

Value = Decimal | int | float | None
TimePoint = tuple[int, Value, str]  # (year, value or None for "<N", the value as published)
Target = tuple[int, int, Value, Value]  # (baseline year, target year, baseline value, required value)


def layout(points: list[TimePoint]) -> tuple[list[int], list[float], list[tuple[int, str]]]:
    """(years, values of the line with NaN where it breaks, [(year, label) of the hollow markers on the floor])."""
    years, values, hollow = [], [], []
    for year, value, published in sorted(points, key=lambda p: p[0]):
        years.append(year)
        values.append(math.nan if value is None else float(value))
        if value is None:
            hollow.append((year, published))
    return years, values, hollow


def describe(title: str, points: list[TimePoint], target: Target | None) -> str:
    """The text alternative: what the chart shows and its figures."""
    shown = ", ".join(f"{year}: {published}" for year, _, published in sorted(points, key=lambda p: p[0]))
    text = _("%(title)s. Values by year: %(values)s.") % {"title": title, "values": shown or _("none published")}
    if any(value is None for _year, value, _published in points):
        text += " " + _("Values withheld as <N are marked on the axis, not plotted as numbers.")
    if target is not None:
        start, end, base, required = target
        if base is not None and required is not None:
            text += " " + _("Target: from %(base)s in %(start)s to %(required)s or less by %(end)s.") % {
                "base": _figure(base),
                "start": start,
                "required": _figure(required),
                "end": end,
            }
    return text


def time_series_svg(
    title: str, points: list[TimePoint], target: Target | None = None, *, mirrored: bool | None = None
) -> str:
    """The SVG of one State's series with the target line; '' when there is nothing to draw. Mirrored
    (by default when the active language is right to left), the earliest year is at the right."""
    if not points:
        return ""
    years, values, hollow = layout(points)
    mirror = Mirror.of(mirrored)
    with rc_context(RC):
        figure = new_figure(6.4, 2.8)
        axes = figure.add_subplot()
        axes.plot(years, values, color=BLUE, linewidth=1.6, marker="o", markersize=4,
                  label=_("Published value"))  # fmt: skip
        if hollow:
            axes.plot([y for y, _label in hollow], [0] * len(hollow), linestyle="none", marker="o", markersize=6,
                      markerfacecolor="white", markeredgecolor=MUTED, clip_on=False,
                      label=_("Withheld (<N)"))  # fmt: skip
            for year, label in hollow:
                axes.annotate(label, (year, 0), xytext=(0, 6), textcoords="offset points", ha="center",
                              fontsize=8, color=MUTED)  # fmt: skip
        if target is not None and target[2] is not None and target[3] is not None:
            start, end, base, required = target
            axes.plot([start, end], [float(base), float(required)], color=TARGET, linestyle="--", linewidth=1.2,
                      label=_("Target (%(year)s)") % {"year": end})  # fmt: skip
        axes.set_ylim(bottom=0)
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.grid(axis="y", color="#c9d3dd", linewidth=0.6)
        mirror.axes(axes)
        mirror.legend(axes, loc="upper center", frameon=False, bbox_to_anchor=(0.5, -0.14), ncol=3)
        mirror.adjust(figure, left=0.1, right=0.98, top=0.95, bottom=0.24)
        return inline_svg(figure, title, desc=describe(title, points, target), mirrored=mirror.on)


def _figure(value: Value) -> str:
    if isinstance(value, Decimal):
        value = value.quantize(Decimal("0.1")) if value != value.to_integral() else value.to_integral()
        return format(value, "f")
    return f"{value:g}"


# -- across States ----------------------------------------------------------------------------

MAX_CHANGES = 40  # States drawn in full; beyond, the HALF largest falls and rises
HALF = MAX_CHANGES // 2
TOP = 30  # States of an indicator's ranking
OUTCOME_COLOURS = {MET: "#1b6aa5", NOT_MET: "#e08214", INSUFFICIENT: "#9e9e9e"}
BAR_INCHES = 0.19  # height of one State's row
CHART_INCHES = 7.2  # width


@dataclass(frozen=True)
class Change:
    state: str  # its name
    change: Decimal  # per cent, negative for a fall
    outcome: str  # MET, NOT_MET or INSUFFICIENT
    label: str  # the outcome as words


@dataclass(frozen=True)
class Ranked:
    state: str
    number: Decimal
    published: str  # the value as published


def changes_shown(changes: Sequence[Change], most: int = MAX_CHANGES) -> tuple[list[Change], int]:
    """The changes to draw, the largest fall first, and how many are left out between the `most` / 2
    largest falls and the `most` / 2 largest rises (0 when there are `most` or fewer)."""
    ordered = sorted(changes, key=lambda c: (c.change, c.state))
    half = most // 2
    if len(ordered) <= most:
        return ordered, 0
    return ordered[:half] + ordered[-half:], len(ordered) - 2 * half


def axis_limit(changes: Sequence[Change], threshold: Decimal) -> float:
    """Where the axis of rises ends: a rise of 100%, or as far as the largest fall or three thresholds
    reach if further. A longer bar is cut there with its figure written (rises from small numbers run
    to thousands of per cent and would flatten every fall)."""
    return max(100.0, -min((float(c.change) for c in changes), default=0.0), 3 * float(threshold))


def describe_changes(title: str, changes: Sequence[Change], threshold: Decimal, most: int = MAX_CHANGES) -> str:
    shown, left_out = changes_shown(changes, most)
    half = most // 2
    if not shown:
        return _("%(title)s. No State has a baseline and an end value to compare.") % {"title": title}
    if left_out:
        scope = _(
            "Of %(n)s States with both values, the %(half)s with the largest fall and the %(half)s with "
            "the largest rise (or smallest fall) are shown; the other %(left_out)s are in the table"
        ) % {"n": len(changes), "half": half, "left_out": left_out}
        first, last = shown[:half], shown[half:]
        figures = _("%(first)s; … %(left_out)s States not shown …; %(last)s") % {
            "first": _changes(first),
            "left_out": left_out,
            "last": _changes(last),
        }
    else:
        scope = ngettext(
            "%(n)s State with both values, all shown", "%(n)s States with both values, all shown", len(changes)
        ) % {"n": len(changes)}
        figures = _changes(shown)
    limit = axis_limit(changes, threshold)
    cut = sum(1 for c in shown if float(c.change) > limit)
    cut_text = (
        " "
        + ngettext(
            "The axis ends at %(limit)s%%: %(cut)s longer bar is cut there.",
            "The axis ends at %(limit)s%%: %(cut)s longer bars are cut there.",
            cut,
        )
        % {"limit": f"{limit:g}", "cut": cut}
        if cut
        else ""
    )
    return _(
        "%(title)s. Change in per cent from the baseline to the end value, the largest fall first. %(scope)s. "
        "The threshold is a fall of %(threshold)s (%(signed)s).%(cut)s %(figures)s."
    ) % {
        "title": title,
        "scope": scope,
        "threshold": percent(threshold),
        "signed": percent(-threshold),
        "cut": cut_text,
        "figures": figures,
    }


def _changes(changes: Sequence[Change]) -> str:
    return ", ".join(f"{c.state} {percent(c.change)} ({c.label})" for c in changes)


def change_chart_svg(
    title: str, changes: Sequence[Change], threshold: Decimal, most: int = MAX_CHANGES, *, mirrored: bool | None = None
) -> str:
    """The SVG of the States' changes with the threshold line (at most `most` of them drawn: `changes_shown`);
    '' when no State has both values. Mirrored (by default when the active language is right to left),
    the names are on the right and the bars of rises grow leftwards."""
    shown, left_out = changes_shown(changes, most)
    half = most // 2
    if not shown:
        return ""
    rows = len(shown) + (1 if left_out else 0)
    labels = [c.state for c in shown]
    values = [float(c.change) for c in shown]
    colours = [OUTCOME_COLOURS.get(c.outcome, MUTED) for c in shown]
    positions = list(range(len(shown)))
    if left_out:  # an empty row between the falls and the rises says how many are left out
        positions = positions[:half] + [p + 1 for p in positions[half:]]
    low = min([*values, -float(threshold), 0.0])
    limit = axis_limit(changes, threshold)
    high = min(max([*values, 0.0]), limit)
    mirror = Mirror.of(mirrored)
    with rc_context(RC):
        figure = new_figure(CHART_INCHES, 1.1 + BAR_INCHES * rows)
        axes = figure.add_subplot()
        axes.barh(positions, [min(value, limit) for value in values], color=colours, height=0.7)
        for position, value, change in zip(positions, values, shown, strict=True):
            text = percent(change.change) + (" →" if value > limit else "")  # a bar cut at the axis' end
            axes.annotate(text, (min(value, limit), position), xytext=(mirror.dx(3 if value >= 0 else -3), 0),
                          textcoords="offset points", ha=mirror.ha("left" if value >= 0 else "right"), va="center",
                          fontsize=7, color=MUTED, annotation_clip=False)  # fmt: skip
        if left_out:
            axes.annotate(_("… %(n)s States not shown (in the table) …") % {"n": left_out}, (0, half),
                          ha="center", va="center", fontsize=8, color=MUTED, style="italic",
                          bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})  # fmt: skip
        axes.axvline(-float(threshold), color=TARGET, linestyle="--", linewidth=1.2)
        axes.axvline(0, color=MUTED, linewidth=0.8)
        pad = (high - low) * 0.05
        axes.set_xlim(low - pad * 4, high + pad)
        axes.set_yticks(positions, labels)
        axes.set_ylim(rows - 0.4, -0.6)
        axes.tick_params(axis="y", length=0)
        axes.set_xlabel(_("change in per cent, baseline to end"))
        axes.grid(axis="x", color="#c9d3dd", linewidth=0.6)
        axes.set_axisbelow(True)
        handles = [
            _patch(OUTCOME_COLOURS[outcome], str(OUTCOMES[outcome]))
            for outcome in (MET, NOT_MET)
            if any(c.outcome == outcome for c in shown)
        ]
        if any(c.outcome == INSUFFICIENT for c in shown):
            handles.append(_patch(OUTCOME_COLOURS[INSUFFICIENT], str(OUTCOMES[INSUFFICIENT])))
        handles.append(_line(_("threshold (%(threshold)s)") % {"threshold": percent(-threshold)}))
        mirror.axes(axes)
        mirror.legend(axes, handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(handles), frameon=False)
        inches = 1.1 + BAR_INCHES * rows
        mirror.adjust(figure, left=_left(labels), right=0.88, top=1 - 0.45 / inches, bottom=0.55 / inches)
        return inline_svg(figure, title, desc=describe_changes(title, changes, threshold, most), mirrored=mirror.on)


def ranking(values: Sequence[Ranked], top: int = TOP) -> list[Ranked]:
    """The `top` largest values, largest first (ties by name)."""
    return sorted(values, key=lambda r: (-r.number, r.state))[:top]


def describe_ranking(title: str, values: Sequence[Ranked], not_shown: str, top: int = TOP) -> str:
    shown = ranking(values, top)
    if not shown:
        return _("%(title)s. No State has a value to compare.") % {"title": title}
    figures = ", ".join(f"{r.state} {r.published}" for r in shown)
    if len(values) > len(shown):
        text = _("%(title)s. The %(n)s largest values, largest first: %(figures)s.") % {
            "title": title,
            "n": len(shown),
            "figures": figures,
        }
    else:
        text = _("%(title)s. Every value, largest first: %(figures)s.") % {"title": title, "figures": figures}
    return f"{text} {not_shown}".strip()


def ranking_svg(
    title: str,
    values: Sequence[Ranked],
    *,
    unit: str = "",
    not_shown: str = "",
    top: int = TOP,
    mirrored: bool | None = None,
) -> str:
    """Horizontal bars of the `top` largest values; '' when there is no value. `not_shown` says which
    States are left out and why; it ends the text alternative. Mirrored (by default when the active
    language is right to left), the names are on the right and the bars grow leftwards."""
    shown = ranking(values, top)
    if not shown:
        return ""
    numbers = [float(r.number) for r in shown]
    positions = list(range(len(shown)))
    mirror = Mirror.of(mirrored)
    with rc_context(RC):
        inches = 0.9 + BAR_INCHES * len(shown)
        figure = new_figure(CHART_INCHES, inches)
        axes = figure.add_subplot()
        axes.barh(positions, numbers, color=BLUE, height=0.7)
        for position, number, ranked in zip(positions, numbers, shown, strict=True):
            axes.annotate(ranked.published, (number, position), xytext=(mirror.dx(3 if number >= 0 else -3), 0),
                          textcoords="offset points", ha=mirror.ha("left" if number >= 0 else "right"), va="center",
                          fontsize=7, color=MUTED)  # fmt: skip
        low, high = min([*numbers, 0.0]), max([*numbers, 0.0])
        pad = (high - low) * 0.12 or 1.0
        axes.set_xlim(low - (pad if low < 0 else 0), high + pad)
        axes.axvline(0, color=MUTED, linewidth=0.8)
        axes.set_yticks(positions, [r.state for r in shown])
        axes.set_ylim(len(shown) - 0.4, -0.6)
        axes.tick_params(axis="y", length=0)
        axes.set_xlabel(unit or _("value"))
        axes.grid(axis="x", color="#c9d3dd", linewidth=0.6)
        axes.set_axisbelow(True)
        mirror.axes(axes)
        mirror.adjust(
            figure, left=_left([r.state for r in shown]), right=0.97, top=1 - 0.15 / inches, bottom=0.55 / inches
        )
        return inline_svg(figure, title, desc=describe_ranking(title, values, not_shown, top), mirrored=mirror.on)


def _left(names: Sequence[str], width: float = CHART_INCHES) -> float:
    """The share of the width the longest name needs on the left (about 0.07 inch a character at 9 pt)."""
    return min(0.5, (0.15 + 0.07 * max((len(name) for name in names), default=0)) / width)


def _patch(colour: str, label: str) -> Patch:
    return Patch(facecolor=colour, label=label)


def _line(label: str) -> Line2D:
    return Line2D([0], [0], color=TARGET, linestyle="--", linewidth=1.2, label=label)
