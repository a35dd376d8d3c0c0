"""The collection's map and chart, drawn by the project's own means: the world map of monitoring
(`monitoring.map_data.category_map`, `monitoring.maps`) and a deterministic SVG chart (`svgcharts`).

- `records_map(user, filters)`: each State in a class by the number of records (visible to the user,
  selected by the list's filters) naming it as a State of origin, transit or destination (`?role=`;
  any role when not given); States named by none are "no record". Each State's count is its value.
- `years_chart(crime_types, rows)`: records per year, one line per crime type (the time view).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from viennaplan.monitoring import map_data, maps
from viennaplan.monitoring.maps import Category, MapSpec, MapState
from viennaplan.svgcharts import RC, Mirror, inline_svg, new_figure, rc_context

from . import queries, rules

STANDING_LABELS = {category.key: category.label for category in map_data.TREATY_CATEGORIES}
STANDING_COLOURS = {category.key: category.colour for category in map_data.TREATY_CATEGORIES}
# One mark per standing in the cells of the table States x instruments (the key under it says which is which).
STANDING_MARKS = {
    "party": pgettext_lazy("treaty standing, one letter: party", "P"),
    "deposited": pgettext_lazy("treaty standing, one letter: consent deposited", "D"),
    "signatory": pgettext_lazy("treaty standing, one letter: signatory", "S"),
    "none": "–",
}
NO_RECORD = gettext_lazy("no record")
PALETTE = ("#0b4f8a", "#e08214", "#1b9e77", "#a3141a", "#7570b3", "#66a61e", "#e6ab02", "#a6761d", "#666666")


def map_title(filters: queries.PatternFilters) -> str:
    if filters.role:
        return _("Organized-crime patterns and trends: records naming each State as a State of %(role)s") % {
            "role": rules.ROLE_LABELS[filters.role]
        }
    return _("Organized-crime patterns and trends: records naming each State")


def records_map(user: Any, filters: queries.PatternFilters) -> MapSpec:
    records = queries.filtered_records(user, filters)
    counts = queries.counts_by_state(records, filters.role)
    breaks = maps.readable_breaks(counts.values())
    categories, classes = maps.value_classes({a3: float(n) for a3, n in counts.items()}, breaks)
    categories = [
        Category(c.key, NO_RECORD, c.colour) if c.key == maps.NO_DATA else c
        for c in categories
        if c.key != maps.WITHHELD
    ]
    notes = [_("Counts of the records on file that match the filters; a record names a State once per role.")]
    spec = map_data.category_map(
        map_title(filters),
        timezone.localdate(),
        categories,
        classes,
        default=maps.NO_DATA,
        ident="map-patterns",
        notes=notes,
    )
    spec.states = [
        MapState(s.m49, s.alpha3, s.name, s.href, s.category, str(counts[s.alpha3]) if s.alpha3 in counts else "")
        for s in spec.states
    ]
    return spec


def as_svg(spec: MapSpec) -> str:
    return map_data.as_svg(spec)


def map_json(spec: MapSpec) -> dict[str, Any]:
    body = map_data.as_json(spec)
    values = {s.alpha3: s.value for s in spec.states}
    for state in body["states"]:
        state["records"] = int(values[state["state"]]) if values.get(state["state"]) else 0
    return body


def describe_years(crimes: list[str], rows: list[queries.YearRow]) -> str:
    parts = [
        _("%(crime)s: %(values)s")
        % {
            "crime": rules.CRIME_TYPE_LABELS[crime],
            "values": ", ".join(f"{row.year} {row.counts[crime]}" for row in rows),
        }
        for crime in crimes
    ]
    return _("Records per year by crime type. %(series)s.") % {"series": "; ".join(parts)}


def years_chart(crimes: list[str], rows: list[queries.YearRow], *, mirrored: bool | None = None) -> str:
    """One line per crime type: the records whose period covers each year ('' when no year)."""
    if not rows:
        return ""
    years = [row.year for row in rows]
    mirror = Mirror.of(mirrored)
    title = _("Records per year by crime type")
    with rc_context(RC):
        figure = new_figure(7.2, 3.2)
        axes = figure.add_subplot()
        for index, crime in enumerate(crimes):
            axes.plot(
                years,
                [row.counts[crime] for row in rows],
                color=PALETTE[index % len(PALETTE)],
                linewidth=1.4,
                marker="o" if len(years) < 30 else None,
                markersize=3,
                label=str(rules.CRIME_TYPE_LABELS[crime]),
            )
        axes.set_ylim(bottom=0)
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.grid(axis="y", color="#c9d3dd", linewidth=0.6)
        mirror.axes(axes)
        mirror.legend(axes, loc="upper center", frameon=False, bbox_to_anchor=(0.5, -0.12), ncol=3)
        mirror.adjust(figure, left=0.08, right=0.98, top=0.95, bottom=0.32)
        return inline_svg(figure, title, desc=describe_years(crimes, rows), mirrored=mirror.on)
