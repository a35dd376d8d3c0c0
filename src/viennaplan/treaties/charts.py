"""Charts of treaty status as inline SVG, deterministic and with text kept as text (`viennaplan.svgcharts`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.svgcharts import BLUE, BLUE_LIGHT, MUTED, RC, TARGET, Mirror, inline_svg, new_figure, rc_context

from .records import StateStatus

# The three series of a status chart, in its legend, its text alternative and the table under it.
SERIES_LABELS = {
    "signatories": gettext_lazy("Signatories"),
    "deposited": gettext_lazy("Consents deposited"),
    "parties": gettext_lazy("Parties (in force)"),
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

    A party is a State for which the instrument is in force; a denunciation ends both counts. The
    labels are in the reader's language (`SERIES_LABELS`).
    """
    states = list(states)
    signatories = step_series(str(SERIES_LABELS["signatories"]), (s.signature for s in states if s.signature))
    deposited = step_series(
        str(SERIES_LABELS["deposited"]),
        (s.consent_date for s in states if s.consent_date),
        (s.denounced for s in states if s.consent_date and s.denounced),
    )
    parties = step_series(
        str(SERIES_LABELS["parties"]),
        (s.in_force for s in states if s.in_force),
        (s.denounced for s in states if s.in_force and s.denounced),
    )
    return signatories, deposited, parties


def year_end_rows(series: Iterable[Series], *, start: date, end: date) -> list[tuple[date, tuple[int, ...]]]:
    """The chart's figures: each series' count on 31 December of every year from `start` to before
    `end`, and on `end` itself (the chart's data table and its text alternative)."""
    series = list(series)
    days = [date(year, 12, 31) for year in range(start.year, end.year) if date(year, 12, 31) >= start]
    days.append(end)
    return [(day, tuple(one.at(day) for one in series)) for day in days]


def describe_rows(labels: Iterable[str], rows: list[tuple[date, tuple[int, ...]]]) -> str:
    """The text alternative of a step chart: its figures, day by day."""
    labels = list(labels)
    figures = "; ".join(
        f"{day.isoformat()}: "
        + ", ".join(f"{label.lower()} {value}" for label, value in zip(labels, values, strict=True))
        for day, values in rows
    )
    if not rows:
        return ""
    return _("%(series)s over time. %(figures)s.") % {"series": ", ".join(labels), "figures": figures}


def parties_chart_svg(
    title: str,
    series: Iterable[Series],
    *,
    end: date,
    markers: Iterable[tuple[date, str]] = (),
    start: date | None = None,
    desc: str = "",
    target: date | None = None,
    mirrored: bool | None = None,
) -> str:
    """An SVG step chart of `series` up to `end`, with dated vertical markers; '' when there is no data.
    `desc` is its text alternative (`describe_rows`); the marker on `target` (or, without it, a marker
    whose label says "target") is drawn in the target's colour. Mirrored (by default when the active
    language is right to left), time runs from the right."""
    series = [s for s in series if s.points]
    if not series:
        return ""
    first = start or min(s.points[0][0] for s in series)
    first = min(first, end)
    last = max(end, first + timedelta(days=1))
    mirror = Mirror.of(mirrored)
    with rc_context(RC):
        figure = new_figure(7.2, 3.0)
        axes = figure.add_subplot()
        colours = [BLUE_LIGHT, MUTED, BLUE]
        for index, one in enumerate(series):
            days = [first] + [d for d, _ in one.points if d <= last] + [last]
            values = [one.at(first)] + [v for d, v in one.points if d <= last] + [one.at(last)]
            axes.step(
                days, values, where="post", color=colours[index % len(colours)], linewidth=1.6, label=str(one.label)
            )
        shown = [(day, label) for day, label in sorted(markers) if first <= day <= last]
        for row, (day, label) in enumerate(shown):
            is_target = day == target if target is not None else "target" in str(label).lower()
            axes.axvline(day, color=TARGET if is_target else MUTED, linewidth=0.9, linestyle="--")
            axes.annotate(  # one label a line, so markers close in time do not print over each other
                str(label), (day, 1.0), xycoords=("data", "axes fraction"), xytext=(mirror.dx(3), -10 - 11 * row),
                textcoords="offset points", fontsize=8, color=MUTED, ha=mirror.ha("left"),
            )  # fmt: skip
        axes.set_xlim(first, last)
        axes.set_ylim(bottom=0)
        axes.set_ylabel(_("States"))
        axes.grid(axis="y", color="#c9d3dd", linewidth=0.6)
        mirror.axes(axes)
        mirror.legend(axes, loc="upper center", frameon=False, bbox_to_anchor=(0.5, -0.12), ncol=3)
        mirror.adjust(figure, left=0.08, right=0.98, top=0.93, bottom=0.2)  # fixed: tight_layout costs half the time
        return inline_svg(figure, title, desc=desc or None, mirrored=mirror.on)
