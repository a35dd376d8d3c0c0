"""The data of the world maps (the Django side of `maps`): which States, their M49 codes and pages,
and the category of each on a map.

- `treaty_map(code, as_of)`: party / consent deposited, not yet in force / signatory / neither, from
  the treaty engine (`treaties.overview.statuses_of`, `treaties.shapes.standing_of`).
- `reporting_map(user, cycle, today)`: each State's report as the reporting status page shows it to
  that user (`queries.reporting_status`: the public sees only "not submitted", "received", "published").
- `category_map(...)` and `value_map(...)`: any categories per State or numbers per State in
  classes: one call each.
- `indicator_year(indicator, year, disaggregation)` and `indicator_map(data, today)`: an indicator's
  values in a year (default: the latest year with values), one per State, in classes of readable
  quantiles; "<N" in a class of its own, never a number.
- `target_map(results, today)`: each State met / not met (the review list of 35(f)) / insufficient
  data under an indicator target (`target_results`).

Every map is a `MapSpec` (plain data, `maps.render` draws it); `as_svg` draws it on the boundaries
projected once per process; `as_json` is its JSON twin.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from viennaplan.countries import registry
from viennaplan.dates import long_date
from viennaplan.indicators.models import Indicator, Observation
from viennaplan.indicators.queries import dimension_labels
from viennaplan.indicators.tables import ALL, BadFilter, check_filters, disaggregation_label, parse_year
from viennaplan.reporting import workflow
from viennaplan.reporting.models import ReportingCycle
from viennaplan.treaties.overview import statuses_of
from viennaplan.treaties.records import StateStatus
from viennaplan.treaties.rules import instrument_rules
from viennaplan.treaties.shapes import standing_of

from . import maps, queries
from .indicator_targets import INSUFFICIENT, MET, NOT_MET, percent
from .maps import Category, MapSpec, MapState
from .target_results import TargetResults

TREATY_CATEGORIES = [
    Category("party", gettext_lazy("Party"), "#1b6aa5"),
    Category("deposited", gettext_lazy("Consent deposited, not yet in force"), "#7fb3d5"),
    Category("signatory", gettext_lazy("Signatory"), "#f0b429"),
    Category("none", gettext_lazy("Neither"), "#d9d9d9"),
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


TARGET_CATEGORIES = [
    Category(MET, gettext_lazy("met"), "#1b6aa5"),
    Category(NOT_MET, gettext_lazy("not met: the review list of 35(f)"), "#e08214"),
    Category(INSUFFICIENT, gettext_lazy("insufficient data"), "#d9d9d9"),
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
    classes = {alpha3: treaty_category(status.by_state.get(alpha3), as_of) for _, alpha3, _, _ in map_states()}
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
        _("Reporting status: %(cycle)s") % {"cycle": cycle.name},
        today,
        categories,
        classes,
        default=queries.NOT_SUBMITTED,
        ident=f"map-cycle-{cycle.pk}",
    )


# -- an indicator's values in a year ----------------------------------------------------------


@dataclass(frozen=True)
class StateValue:
    """The value a State published for the year, as the map shows it."""

    alpha3: str
    name: str
    published: str  # "22.5" or "<5"
    number: Decimal | None  # None: withheld ("<N"), never a number
    suppressed_below: int | None
    source: str


@dataclass
class IndicatorYear:
    indicator: Indicator
    year: int
    disaggregation: str  # "" the total, "sex=female"
    disaggregation_label: str  # "Total", "Sex: female"
    years: list[tuple[int, int]]  # (year, States with a value) of this disaggregation, the latest first
    values: dict[str, StateValue]  # alpha-3 -> its value (current States only)
    sources: list[str]  # of the values shown, the most used first
    set_aside: list[StateValue] = field(default_factory=list)  # a second source's value for a State, not shown

    @property
    def numbers(self) -> dict[str, Decimal]:
        return {a3: v.number for a3, v in self.values.items() if v.number is not None}

    @property
    def withheld(self) -> dict[str, int]:
        return {a3: v.suppressed_below for a3, v in self.values.items() if v.suppressed_below is not None}

    @property
    def title(self) -> str:
        split = "" if not self.disaggregation else f", {self.disaggregation_label}"
        unit = f" ({self.indicator.unit})" if self.indicator.unit else ""
        return f"{self.indicator.name}{unit}{split}, {self.year}"

    @property
    def query(self) -> dict[str, object]:
        return {"year": self.year, "disaggregation": self.disaggregation or None}


def map_disaggregation(indicator: Indicator, raw: str | None) -> str:
    """The disaggregation key of ?disaggregation= (BadFilter unless one of the indicator's; "all" is not one)."""
    key = check_filters(
        disaggregation=raw or "", regions=(), groups=(), states=(), dimensions=indicator.dimensions or {}
    ).disaggregation
    if key == ALL:
        raise BadFilter(_("a map shows one disaggregation at a time: choose one, or leave it out for the total"))
    return key


def indicator_year(indicator: Indicator, raw_year: str | None, raw_disaggregation: str | None) -> IndicatorYear | None:
    """The values of ?year= (default: the latest year with values) and ?disaggregation= (default: the
    total), one per current State. BadFilter for a malformed parameter; Http404 for a year without
    values; None when the indicator has no values at all for the disaggregation."""
    year = parse_year("year", raw_year)
    key = map_disaggregation(indicator, raw_disaggregation)
    label = disaggregation_label(key, dimension_labels())
    rows = Observation.objects.filter(indicator=indicator, disaggregation_key=key)
    years = [
        (row["year"], row["states"])
        for row in rows.values("year").annotate(states=Count("state", distinct=True)).order_by("-year")
    ]
    if not years:
        if year is not None:
            raise Http404(
                _("There are no values of %(code)s (%(label)s) on file.") % {"code": indicator.code, "label": label}
            )
        return None
    if year is None:
        year = years[0][0]
    elif year not in dict(years):
        listed = ", ".join(str(y) for y, _ in years[:12]) + (", …" if len(years) > 12 else "")
        raise Http404(
            _("There are no values of %(code)s (%(label)s) for %(year)s; years with values: %(listed)s.")
            % {"code": indicator.code, "label": label, "year": year, "listed": listed}
        )
    ranked = dict(
        Observation.objects.filter(indicator=indicator)
        .values_list("source")
        .annotate(n=Count("id"))
        .values_list("source", "n")
    )
    names = {info.alpha3: info.name for info in registry.states()}
    chosen: dict[str, StateValue] = {}
    set_aside = []
    found = rows.filter(year=year, state_id__in=names).values_list(
        "state_id", "published", "value", "suppressed_below", "source"
    )
    for alpha3, published, value, below, source in sorted(found, key=lambda r: (r[0], -ranked.get(r[4], 0), r[4])):
        value_of = StateValue(alpha3, names[alpha3], published, value, below, source)
        if alpha3 in chosen:  # two sources for one State: the indicator's most used source is shown
            set_aside.append(value_of)
        else:
            chosen[alpha3] = value_of
    sources = sorted({v.source for v in chosen.values()}, key=lambda s: (-ranked.get(s, 0), s))
    return IndicatorYear(indicator, year, key, label, years, chosen, sources, set_aside)


def indicator_map(data: IndicatorYear, today: date) -> MapSpec:
    """The choropleth of `data`: readable quantile classes, "<N" apart, no value grey; as of `today`
    (the values on file), the year in the title."""
    numbers = {a3: float(n) for a3, n in data.numbers.items()}
    breaks = maps.readable_breaks(numbers.values())
    categories, classes = maps.value_classes(numbers, breaks, withheld=data.withheld)
    notes = [
        _("Source: %(sources)s.") % {"sources": "; ".join(data.sources)} if data.sources else _("No source: no values.")
    ]
    if data.set_aside:
        notes.append(
            ngettext(
                "%(n)s State(s) with a value from a second source show the most used source's value.",
                "%(n)s State(s) with a value from a second source show the most used source's value.",
                len(data.set_aside),
            )
            % {"n": len(data.set_aside)}
        )
    spec = category_map(
        data.title,
        today,
        categories,
        classes,
        default=maps.NO_DATA,
        ident=f"map-{data.indicator.code}-{data.year}",
        notes=notes,
    )
    values = {a3: v.published for a3, v in data.values.items()}
    spec.states = [MapState(s.m49, s.alpha3, s.name, s.href, s.category, values.get(s.alpha3, "")) for s in spec.states]
    return spec


def indicator_json(data: IndicatorYear, spec: MapSpec) -> dict[str, Any]:
    """The JSON twin of an indicator map: the map's, with the year, the unit, the sources and each value."""
    body = as_json(spec)
    for state in body["states"]:
        value = data.values.get(state["state"])
        state.update(
            published=value.published if value else None,
            number=None if value is None or value.number is None else float(value.number),
            suppressed_below=value.suppressed_below if value else None,
            source=value.source if value else None,
        )
    body.update(
        indicator=data.indicator.code,
        name=data.indicator.name,
        unit=data.indicator.unit,
        year=data.year,
        disaggregation=data.disaggregation,
        disaggregation_label=data.disaggregation_label,
        sources=data.sources,
        years=[{"year": year, "states": count} for year, count in data.years],
        url=f"/indicators/{data.indicator.code}/map",
    )
    return body


# -- a target's results ------------------------------------------------------------------------


def target_title(results: TargetResults) -> str:
    target = results.target
    split = f" ({target.disaggregation_key})" if target.disaggregation_key else ""
    return _("%(indicator)s: target of %(provision)s, %(baseline_year)s to %(target_year)s") % {
        "indicator": f"{target.indicator.name}{split}",
        "provision": target.provision,
        "baseline_year": target.baseline_year,
        "target_year": target.target_year,
    }


def target_map(results: TargetResults, today: date) -> MapSpec:
    """Each State met / not met / insufficient data, as of `today`: judged on the values on file that
    day (a later import may change a result), the target's years in the title."""
    target = results.target
    classes = {r.alpha3: r.judgement.outcome for r in results.results}
    changes = {r.alpha3: percent(r.judgement.change) for r in results.results}
    note = _(
        "Judged on the values on file on %(day)s for %(baseline_year)s and %(target_year)s "
        "(threshold: a fall of %(threshold)s)."
    ) % {
        "day": long_date(today),
        "baseline_year": target.baseline_year,
        "target_year": target.target_year,
        "threshold": percent(target.threshold),
    }
    spec = category_map(
        target_title(results),
        today,
        TARGET_CATEGORIES,
        classes,
        default=INSUFFICIENT,
        ident=f"map-target-{target.pk}",
        notes=[note],
    )
    spec.states = [
        MapState(s.m49, s.alpha3, s.name, s.href, s.category, changes.get(s.alpha3, "")) for s in spec.states
    ]
    return spec


def as_svg(spec: MapSpec) -> str:
    codes = frozenset(m49 for m49, *_ in map_states() if m49)
    return maps.render(maps.world(codes), spec)


def as_json(spec: MapSpec) -> dict[str, Any]:
    counts = spec.counts()
    return {
        "title": spec.title,
        "as_of": spec.day,
        "as_of_label": spec.as_of,
        "categories": [{"key": c.key, "label": str(c.label), "count": counts.get(c.key, 0)} for c in spec.categories],
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
        "disclaimer": str(maps.DISCLAIMER),
        "boundaries": str(maps.SOURCE_NOTE),
    }
