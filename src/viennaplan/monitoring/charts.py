"""Charts of indicator targets as inline SVG (deterministic, text as text: `viennaplan.svgcharts`).
Plain Python, no Django.

    time_series_svg("France: victims detected", [(2000, Decimal(100), "100"), (2005, None, "<5")],
                    target=(2000, 2005, Decimal(100), Decimal(90)))

One State's values by year as a line. A value withheld as "<N" has no number: it is drawn as a
hollow marker on the floor of the chart (0) with its label "<N", never as a point of the line,
which breaks there. The target is a dashed line from the baseline value at the baseline year to
the value required at the target year (baseline x (1 - threshold)). The SVG's <title> and <desc>
say what it shows and every figure, for screen readers and for anyone without the picture.
"""

from __future__ import annotations

import math
from decimal import Decimal

from viennaplan.svgcharts import BLUE, MUTED, RC, TARGET, inline_svg, new_figure, rc_context

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
    text = f"{title}. Values by year: {shown or 'none published'}."
    if any(value is None for _, value, _ in points):
        text += " Values withheld as <N are marked on the axis, not plotted as numbers."
    if target is not None:
        start, end, base, required = target
        if base is not None and required is not None:
            text += f" Target: from {_figure(base)} in {start} to {_figure(required)} or less by {end}."
    return text


def time_series_svg(title: str, points: list[TimePoint], target: Target | None = None) -> str:
    """The SVG of one State's series with the target line; '' when there is nothing to draw."""
    if not points:
        return ""
    years, values, hollow = layout(points)
    with rc_context(RC):
        figure = new_figure(6.4, 2.8)
        axes = figure.add_subplot()
        axes.plot(years, values, color=BLUE, linewidth=1.6, marker="o", markersize=4, label="Published value")
        if hollow:
            axes.plot([y for y, _ in hollow], [0] * len(hollow), linestyle="none", marker="o", markersize=6,
                      markerfacecolor="white", markeredgecolor=MUTED, clip_on=False, label="Withheld (<N)")  # fmt: skip
            for year, label in hollow:
                axes.annotate(label, (year, 0), xytext=(0, 6), textcoords="offset points", ha="center",
                              fontsize=8, color=MUTED)  # fmt: skip
        if target is not None and target[2] is not None and target[3] is not None:
            start, end, base, required = target
            axes.plot([start, end], [float(base), float(required)], color=TARGET, linestyle="--", linewidth=1.2,
                      label=f"Target ({end})")  # fmt: skip
        axes.set_ylim(bottom=0)
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.grid(axis="y", color="#c9d3dd", linewidth=0.6)
        axes.legend(loc="upper center", frameon=False, bbox_to_anchor=(0.5, -0.14), ncol=3)
        figure.subplots_adjust(left=0.1, right=0.98, top=0.95, bottom=0.24)
        return inline_svg(figure, title, desc=describe(title, points, target))


def _figure(value: Value) -> str:
    if isinstance(value, Decimal):
        value = value.quantize(Decimal("0.1")) if value != value.to_integral() else value.to_integral()
        return format(value, "f")
    return f"{value:g}"
