"""The data of the world maps (the Django side of `maps`): which States, their M49 codes and pages,
and the category of each on a map.

- `treaty_map(code, as_of)`: party / consent deposited, not yet in force / signatory / neither, from
  the treaty engine (`treaties.overview.statuses_of`, `treaties.shapes.standing_of`).
- `reporting_map(user, cycle, today)`: each State's report as the reporting status page shows it to
  that user (`queries.reporting_status`: the public sees only "not submitted", "received", "published").
- `category_map(...)` and `value_map(...)`: any categories per State (a target's results) or numbers
  per State in classes (an indicator's values in a year): one call each.

Every map is a `MapSpec` (plain data, `maps.render` draws it); `as_svg` draws it on the boundaries
projected once per process; `as_json` is its JSON twin.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.urls import reverse

from viennaplan.countries import registry
from viennaplan.dates import long_date
from viennaplan.reporting import workflow
from viennaplan.reporting.models import ReportingCycle
from viennaplan.treaties.overview import statuses_of
from viennaplan.treaties.records import StateStatus
from viennaplan.treaties.rules import instrument_rules
from viennaplan.treaties.shapes import standing_of

from . import maps, queries
from .maps import Category, MapSpec, MapState

TREATY_CATEGORIES = [
    Category("party", "Party", "#1b6aa5"),
    Category("deposited", "Consent deposited, not yet in force", "#7fb3d5"),
    Category("signatory", "Signatory", "#f0b429"),
    Category("none", "Neither", "#d9d9d9"),
]
REPORTING_CATEGORIES = [
    Category(queries.NOT_SUBMITTED, queries.PUBLIC_STAGES[queries.NOT_SUBMITTED], "#d9d9d9"),
    Category(workflow.DRAFT, workflow.STATUS_LABELS[workflow.DRAFT], "#bdbdbd"),
    Category(queries.RECEIVED, queries.PUBLIC_STAGES[queries.RECEIVED], "#9ecae1"),
    Category(workflow.SUBMITTED, workflow.STATUS_LABELS[workflow.SUBMITTED], "#9ecae1"),
    Category(workflow.RETURNED, workflow.STATUS_LABELS[workflow.RETURNED], "#fdae6b"),
    Category(workflow.VALIDATED, workflow.STATUS_LABELS[workflow.VALIDATED], "#4292c6"),
    Category(workflow.PUBLISHED, workflow.STATUS_LABELS[workflow.PUBLISHED], "#08519c"),
]


def map_states() -> list[tuple[str, str, str, str]]:
    """(M49, alpha-3, name, page) of every current State of the registry (organizations left out)."""
    codes = registry.m49_codes()
    return [
        (codes.get(info.alpha3, ""), info.alpha3, info.name, reverse("monitoring:state", args=[info.alpha3]))
        for info in registry.states()
    ]


def category_map(
    title: str,
    as_of: date,
    categories: Sequence[Category],
    classes: dict[str, str],
    *,
    default: str,
    ident: str = "world-map",
    notes: Sequence[str] = (),
) -> MapSpec:
    """A map of any categories: `classes` is alpha-3 -> category key; States not in it get `default`."""
    states = [
        MapState(m49, alpha3, name, href, classes.get(alpha3, default)) for m49, alpha3, name, href in map_states()
    ]
    return MapSpec(title, long_date(as_of), list(categories), states, ident, list(notes), as_of.isoformat())


def value_map(
    title: str, as_of: date, values: dict[str, float | None], breaks: Sequence[float], unit: str = "", **kwargs: Any
) -> MapSpec:
    """A choropleth of numbers per State (alpha-3 -> value, None for a missing value)."""
    categories, classes = maps.value_classes(values, breaks, unit)
    return category_map(title, as_of, categories, classes, default=maps.NO_DATA, **kwargs)


def treaty_category(state: StateStatus | None, as_of: date) -> str:
    """party, deposited (consent deposited, not yet in force for the State), signatory or none."""
    standing = standing_of(state, as_of)
    if standing == "party" or state is None:
        return standing
    denounced = state.denounced is not None and state.denounced <= as_of
    if state.consent_date is not None and state.consent_date <= as_of and not denounced:
        return "deposited"
    return standing


def treaty_map(code: str, as_of: date) -> MapSpec:
    status = statuses_of([code], as_of)[code]
    by_state = {s.state: s for s in status.states}
    classes = {alpha3: treaty_category(by_state.get(alpha3), as_of) for _, alpha3, _, _ in map_states()}
    rules = instrument_rules()[code]
    return category_map(
        rules.short_name, as_of, TREATY_CATEGORIES, classes, default="none", ident=f"map-{code.lower()}"
    )


def reporting_map(user: Any, cycle: ReportingCycle, today: date) -> MapSpec:
    groups = queries.reporting_status(user, cycle, "region", today)
    classes = {line.state.alpha3: line.status for group in groups for line in group.lines}
    shown = set(classes.values())
    categories = [c for c in REPORTING_CATEGORIES if c.key in shown or c.key in queries.PUBLIC_STAGES]
    return category_map(
        f"Reporting status: {cycle.name}",
        today,
        categories,
        classes,
        default=queries.NOT_SUBMITTED,
        ident=f"map-cycle-{cycle.pk}",
    )


def as_svg(spec: MapSpec) -> str:
    codes = frozenset(m49 for m49, *_ in map_states() if m49)
    return maps.render(maps.world(codes), spec)


def as_json(spec: MapSpec) -> dict[str, Any]:
    counts = spec.counts()
    return {
        "title": spec.title,
        "as_of": spec.day,
        "as_of_label": spec.as_of,
        "categories": [{"key": c.key, "label": c.label, "count": counts.get(c.key, 0)} for c in spec.categories],
        "states": [
            {
                "state": s.alpha3,
                "m49": s.m49,
                "name": s.name,
                "category": s.category,
                "label": spec.label_of(s.category),
            }
            for s in spec.states
        ],
        "disclaimer": maps.DISCLAIMER,
        "boundaries": maps.SOURCE_NOTE,
    }
