"""Charts of treaty status as inline SVG, drawn with matplotlib (Agg, no display, no pyplot state).

The same data always gives the same bytes: ids are salted with a fixed `svg.hashsalt`, no date
is written in the metadata, and text stays text (`svg.fonttype: none`), so the SVG is small,
searchable and readable by screen readers through its <title>.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import matplotlib

matplotlib.use("Agg")

from matplotlib import rc_context  # noqa: E402
from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from .records import StateStatus  # noqa: E402

BLUE, BLUE_LIGHT, MUTED, TARGET = "#0b4f8a", "#5b92e5", "#4d5560", "#a3141a"
RC = {
    "svg.hashsalt": "viennaplan",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass(frozen=True)
class Series:
    """A step series: the count after each date on which it changed."""

    label: str
    points: tuple[tuple[date, int], ...]

    def at(self, day: date) -> int:
        count = 0
        for when, value in self.points:
            if when > day:
                break
            count = value
        return count


def step_series(label: str, starts: Iterable[date], ends: Iterable[date] = ()) -> Series:
    """How many are counted on each date: +1 on each start, -1 on each end."""
    changes: dict[date, int] = {}
    for day in starts:
        changes[day] = changes.get(day, 0) + 1
    for day in ends:
        changes[day] = changes.get(day, 0) - 1
    count, points = 0, []
    for day in sorted(changes):
        count += changes[day]
        points.append((day, count))
    return Series(label, tuple(points))


def status_series(states: Iterable[StateStatus]) -> tuple[Series, Series, Series]:
    """(signatories, instruments deposited, parties) over time, from each State's dates.

    A party is a State for which the instrument is in force; a denunciation ends both counts.
    """
    states = list(states)
    signatories = step_series("Signatories", (s.signature for s in states if s.signature))
    deposited = step_series(
        "Consents deposited",
        (s.consent_date for s in states if s.consent_date),
        (s.denounced for s in states if s.consent_date and s.denounced),
    )
    parties = step_series(
        "Parties (in force)",
        (s.in_force for s in states if s.in_force),
        (s.denounced for s in states if s.in_force and s.denounced),
    )
    return signatories, deposited, parties


def parties_chart_svg(
    title: str,
    series: Iterable[Series],
    *,
    end: date,
    markers: Iterable[tuple[date, str]] = (),
    start: date | None = None,
) -> str:
    """An SVG step chart of `series` up to `end`, with dated vertical markers; '' when there is no data."""
    series = [s for s in series if s.points]
    if not series:
        return ""
    first = start or min(s.points[0][0] for s in series)
    first = min(first, end)
    last = max(end, first + timedelta(days=1))
    with rc_context(RC):
        figure = Figure(figsize=(7.2, 3.0), dpi=72)
        FigureCanvasSVG(figure)
        axes = figure.add_subplot()
        colours = [BLUE_LIGHT, MUTED, BLUE]
        for index, one in enumerate(series):
            days = [first] + [d for d, _ in one.points if d <= last] + [last]
            values = [one.at(first)] + [v for d, v in one.points if d <= last] + [one.at(last)]
            axes.step(days, values, where="post", color=colours[index % len(colours)], linewidth=1.6, label=one.label)
        shown = [(day, label) for day, label in sorted(markers) if first <= day <= last]
        for row, (day, label) in enumerate(shown):
            axes.axvline(day, color=TARGET if "target" in label.lower() else MUTED, linewidth=0.9, linestyle="--")
            axes.annotate(  # one label a line, so markers close in time do not print over each other
                label, (day, 1.0), xycoords=("data", "axes fraction"), xytext=(3, -10 - 11 * row),
                textcoords="offset points", fontsize=8, color=MUTED,
            )  # fmt: skip
        axes.set_xlim(first, last)
        axes.set_ylim(bottom=0)
        axes.set_ylabel("States")
        axes.grid(axis="y", color="#c9d3dd", linewidth=0.6)
        axes.legend(loc="upper center", frameon=False, bbox_to_anchor=(0.5, -0.12), ncol=3)
        figure.subplots_adjust(left=0.08, right=0.98, top=0.93, bottom=0.2)  # fixed: tight_layout costs half the time
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Title": title, "Creator": "viennaplan"})
    return _inline(buffer.getvalue(), title)


def _inline(svg: str, title: str) -> str:
    """The <svg> element alone (no XML prolog or DOCTYPE), scalable, with an accessible name."""
    svg = svg[svg.index("<svg") :]
    label = f'role="img" aria-label="{_escape(title)}"'
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', lambda m: f"<svg {m[1]}{label}", svg, count=1)
    return svg.strip()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
