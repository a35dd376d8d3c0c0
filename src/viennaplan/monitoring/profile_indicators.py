"""A State's indicators for its profile: every indicator of the catalogue with values published
for the State (the total: no disaggregation), grouped by the plan's chapter the catalogue gives it,
and the State's result under each indicator target.

    indicator_chapters("FRA")   -> [IndicatorChapter("V", "…", [StateSeries(...), ...]), ...]
    state_targets("FRA")        -> [ProfileTarget(detail, place), ...]   (detail: `target_states.StateDetail`)

A value is shown as published: "<5" stays "<5" (`value` None), never a number; the text is the
stored `published`, not the decimal column (WGI's 17 digits survive there). A State-year that two
sources publish is two values of that year, each with its source. The charts are
drawn only when asked (`svg()`): the JSON twin does not pay for them; a drawing is kept per
process for its title and figures (`chart`), so a profile seen again is not drawn again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.indicators.catalogue import CHAPTERS
from viennaplan.indicators.models import Indicator, Observation
from viennaplan.indicators.queries import ProvisionLink, current_provisions, links
from viennaplan.indicators.tables import FLAGS, with_query
from viennaplan.plan.models import Chapter

from .charts import Target, TimePoint, time_series_svg
from .indicator_targets import RULES
from .models import IndicatorTarget
from .target_results import PlanPlace, all_targets, plan_places, point_json, target_json
from .target_states import StateDetail, state_detail, state_detail_json

NO_CHAPTER = gettext_lazy("Indicators not assigned to a chapter of the plan")
TERMS = ("indicator", "disaggregation", "provision", "baseline_year", "target_year", "rule", "rule_text")
TERMS += ("threshold_percent", "window_years")  # of `target_json`, shown with the State's result


def chart(title: str, points: tuple[TimePoint, ...], target: Target | None = None) -> str:
    """`charts.time_series_svg`, kept for its arguments and the active language: everything it draws is
    in them, its legend and text alternative in that language (about 30 ms a chart)."""
    return _chart(title, points, target, translation.get_language())


@lru_cache(maxsize=512)
def _chart(title: str, points: tuple[TimePoint, ...], target: Target | None, language: str | None) -> str:
    return time_series_svg(title, list(points), target)


@dataclass(frozen=True)
class StateValue:
    """One value the State published for one year, as published."""

    year: int
    value: Decimal | None  # None: withheld as "<N"
    suppressed_below: int | None
    published: str  # "81255", "22.67", "<5"
    source: str
    estimate: bool = False
    provisional: bool = False
    break_in_series: bool = False

    @property
    def flags(self) -> list[str]:
        """The flags in words: ["estimate", "break in series"]."""
        return [words for name, _, _, words in FLAGS if getattr(self, name)]

    def as_json(self) -> dict:
        return point_json(self)  # type: ignore[arg-type]  (a Point's fields, with the stored `published`)


@dataclass
class StateSeries:
    """One indicator's values for the State, by year (then source): the total, no breakdown."""

    alpha3: str
    state_name: str
    indicator: Indicator
    values: list[StateValue]
    provisions: list[ProvisionLink]

    @cached_property
    def latest(self) -> list[StateValue]:
        """The values of the latest year: one, or one per source where several published that year
        (worked out once: a page asks for it several times per series)."""
        year = self.values[-1].year
        return [value for value in self.values if value.year == year]

    @cached_property
    def years(self) -> int:
        return len({value.year for value in self.values})

    @property
    def url(self) -> str:
        """The indicator's page filtered to the State: where the values come from."""
        return with_query(self.indicator.get_absolute_url(), {"state": self.alpha3})

    @property
    def anchor(self) -> str:
        return "indicator-" + "".join(c if c.isalnum() else "-" for c in self.indicator.code).lower()

    @property
    def title(self) -> str:
        unit = f" ({self.indicator.unit})" if self.indicator.unit else ""
        return f"{self.state_name}: {self.indicator.name}{unit}"

    def svg(self) -> str:
        """The chart of the values by year; '' for a single year (the table says it all)."""
        if self.years < 2:
            return ""
        return chart(self.title, tuple((v.year, v.value, v.published) for v in self.values))

    def as_json(self) -> dict:
        indicator = self.indicator
        return {
            "indicator": {"code": indicator.code, "name": indicator.name, "unit": indicator.unit},
            "kind": indicator.kind,
            "chapter": indicator.chapter,
            "measures": [{"citation": p.citation, "url": p.url if p.found else None} for p in self.provisions],
            "url": self.url,
            "latest": [value.as_json() for value in self.latest],
            "series": [value.as_json() for value in self.values],
        }


@dataclass
class IndicatorChapter:
    number: str  # "V"; "" for indicators the catalogue gives no chapter
    title: str
    series: list[StateSeries] = field(default_factory=list)

    @property
    def heading(self) -> str:
        if not self.number:
            return str(NO_CHAPTER)
        if self.title:
            return _("Chapter %(number)s. %(title)s") % {"number": self.number, "title": self.title}
        return _("Chapter %(number)s") % {"number": self.number}


VALUE_FIELDS = (
    "indicator_id", "year", "value", "suppressed_below", "published", "source",
    "estimate", "provisional", "break_in_series",
)  # fmt: skip


def state_series(alpha3: str, state_name: str) -> list[StateSeries]:
    """Every indicator with totals for the State, in catalogue order, its values by year then source.

    One series per indicator, not per source: publishers name a source per year (Transparency
    International's "CPI 1995", "CPI 1996", …), and each value keeps its own."""
    rows = Observation.objects.filter(state_id=alpha3, disaggregation_key="").values_list(*VALUE_FIELDS)
    by_indicator: dict[int, list[StateValue]] = {}
    for indicator_id, *values in rows.order_by("indicator_id", "year", "source"):
        by_indicator.setdefault(indicator_id, []).append(StateValue(*values))
    indicators = Indicator.objects.in_bulk(list(by_indicator)) if by_indicator else {}
    _, paths = current_provisions() if by_indicator else (None, set())
    found = [
        StateSeries(alpha3, state_name, indicators[pk], values, links(list(indicators[pk].measures or []), paths))
        for pk, values in by_indicator.items()
    ]
    return sorted(found, key=lambda s: (s.indicator.position, s.indicator.code))


def indicator_chapters(alpha3: str, state_name: str) -> list[IndicatorChapter]:
    """The State's series grouped by the plan's chapter (the current plan's titles), in the plan's order."""
    version, _ = current_provisions()
    titles = dict(Chapter.objects.filter(version=version).values_list("number", "title")) if version else {}
    chapters: dict[str, IndicatorChapter] = {}
    for series in state_series(alpha3, state_name):
        number = series.indicator.chapter
        chapters.setdefault(number, IndicatorChapter(number, titles.get(number, ""))).series.append(series)
    order = {number: position for position, number in enumerate(CHAPTERS)}
    return sorted(chapters.values(), key=lambda c: (not c.number, order.get(c.number, 99), c.number))


@dataclass
class ProfileTarget:
    """The State under one indicator target: its result, its series and the target line (`detail`)."""

    detail: StateDetail
    place: PlanPlace

    @property
    def target(self) -> IndicatorTarget:
        return self.detail.target

    @property
    def plan_url(self) -> str | None:
        return f"/plan/{self.place.path}" if self.place.path and self.place.chapter else None

    @property
    def rule_text(self) -> str:
        return str(RULES[self.target.rule])

    def svg(self) -> str:
        """The State's series under the target with the target line (`StateDetail.svg`, kept)."""
        detail = self.detail
        return chart(detail.title, tuple((p.year, p.value, p.published) for p in detail.points), detail.line)

    def as_json(self) -> dict:
        """/api/targets/ID/states/A3 (`state_detail_json`) with the target's terms (`target_json`)."""
        terms = target_json(self.target, self.place)
        return {**state_detail_json(self.detail), **{key: terms[key] for key in TERMS}}


def state_targets(alpha3: str) -> list[ProfileTarget]:
    """The State's result under every indicator target, by the plan's chapter of the target's
    provision (targets whose citation the current plan lacks last); [] for a State that is not current."""
    targets = all_targets()
    places = plan_places({target.provision for target in targets})
    order = {number: position for position, number in enumerate(CHAPTERS)}
    found = []
    for target in targets:
        detail = state_detail(target, alpha3)
        if detail is None:
            return []
        found.append(ProfileTarget(detail, places[target.provision]))
    return sorted(found, key=lambda t: (order.get(t.place.chapter or "", 99), t.target.pk))
