"""Indicator targets on the stored data: each State's judgement, the review list of 35(f) and
where a target sits in the plan. The rules are plain Python in `indicator_targets`; this module
reads the observations and the current plan version for them.

    results = target_results(target)    -> TargetResults(met, review (not met), insufficient, ...)
    results_of(targets)                 -> [TargetResults, ...]   (places and States read once)
    targets_by_chapter()                -> {"V": [TargetResults, ...], ...}   (for the commitments page)

Every current State of the country registry is judged (organizations left out): a State that
published nothing for the years in question is "insufficient data", so the lists add up to every
State. The review list of 35(f) is the States for which no significant reduction was achieved
(NOT_MET); the States without enough data are listed apart, never on it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.http import Http404
from django.utils.translation import gettext as _

from viennaplan.countries.registry import StateInfo, states
from viennaplan.indicators.catalogue import provision_path
from viennaplan.indicators.models import Observation
from viennaplan.plan.models import PlanVersion, Provision

from .charts import Change
from .indicator_targets import INSUFFICIENT, MET, NOT_MET, OUTCOMES, RULES, TREND, Judgement, Point, judge, percent
from .models import IndicatorTarget


@dataclass
class StateResult:
    alpha3: str
    name: str
    judgement: Judgement

    @property
    def url(self) -> str:
        return f"/reporting/states/{self.alpha3}"


@dataclass
class PlanPlace:
    """Where the target's citation is in the current plan version (None fields: not found)."""

    citation: str
    path: str | None
    chapter: str | None = None
    text: str = ""


@dataclass
class TargetResults:
    target: IndicatorTarget
    place: PlanPlace
    results: list[StateResult] = field(default_factory=list)

    def having(self, outcome: str) -> list[StateResult]:
        return [result for result in self.results if result.judgement.outcome == outcome]

    @property
    def met(self) -> list[StateResult]:
        return self.having(MET)

    @property
    def review(self) -> list[StateResult]:
        """The review list of 35(f): no significant reduction achieved."""
        return self.having(NOT_MET)

    @property
    def insufficient(self) -> list[StateResult]:
        return self.having(INSUFFICIENT)


def plan_places(citations: set[str]) -> dict[str, PlanPlace]:
    """Citation -> its place in the current plan version (path None when it is not a citation)."""
    paths = {citation: provision_path(citation) for citation in citations}
    version = PlanVersion.current()
    found: dict[str, tuple[str, str]] = {}
    if version is not None:
        rows = Provision.objects.filter(version=version, path__in={p for p in paths.values() if p})
        found = {path: (chapter, text) for path, chapter, text in rows.values_list("path", "chapter__number", "text")}
    places = {}
    for citation, path in paths.items():
        chapter, text = found.get(path or "", (None, ""))
        places[citation] = PlanPlace(citation, path, chapter, text)
    return places


def series_of(target: IndicatorTarget) -> dict[str, list[Point]]:
    """State -> its published values for the target's indicator and disaggregation in the years that may count."""
    rows = Observation.objects.filter(
        indicator=target.indicator,
        disaggregation_key=target.disaggregation_key,
        year__gte=target.baseline_year - target.window,
        year__lte=target.target_year + target.window,
    ).values_list(
        "state_id", "year", "value", "suppressed_below", "estimate", "provisional", "break_in_series", "source"
    )
    found: dict[str, list[Point]] = defaultdict(list)
    for state, year, value, below, estimate, provisional, broken, source in rows:
        found[state].append(Point(year, value, below, estimate, provisional, broken, source))
    return found


def target_results(
    target: IndicatorTarget, place: PlanPlace | None = None, everyone: list[StateInfo] | None = None
) -> TargetResults:
    """Every current State judged under `target`; `everyone` (the registry's `states()`) read once by a
    caller judging several targets."""
    rule = target.as_rule()
    series = series_of(target)
    if place is None:
        place = plan_places({target.provision})[target.provision]
    return TargetResults(
        target,
        place,
        [
            StateResult(info.alpha3, info.name, judge(series.get(info.alpha3, []), rule))
            for info in (states() if everyone is None else everyone)
        ],
    )


def target_or_404(pk: int) -> IndicatorTarget:
    """The target `pk` with its indicator; Http404 (a 404 page, or `{detail, errors}` in the API) otherwise."""
    target = IndicatorTarget.objects.select_related("indicator").filter(pk=pk).first()
    if target is None:
        raise Http404(_("There is no target %(pk)s; /targets (GET /api/targets) lists them.") % {"pk": pk})
    return target


def all_targets() -> list[IndicatorTarget]:
    return list(IndicatorTarget.objects.select_related("indicator"))


def results_of(targets: list[IndicatorTarget]) -> list[TargetResults]:
    """Each target's results, in order; the targets' places in the plan and the States read once for all."""
    places = plan_places({target.provision for target in targets})
    everyone = states()
    return [target_results(target, places[target.provision], everyone) for target in targets]


def targets_by_chapter() -> dict[str, list[TargetResults]]:
    """Chapter number -> the results of the targets bound to its provisions (current plan version)."""
    by_chapter: dict[str, list[TargetResults]] = defaultdict(list)
    for results in results_of(all_targets()):
        if results.place.chapter:
            by_chapter[results.place.chapter].append(results)
    return dict(by_chapter)


def compared(results: TargetResults) -> list[StateResult]:
    """The States with a baseline and an end value to compare (a change in per cent), the largest fall first."""
    found = [r for r in results.results if r.judgement.change is not None]
    return sorted(found, key=lambda r: (r.judgement.change, r.name))


def changes_of(states: list[StateResult]) -> list[Change]:
    """The compared States as the change chart draws them (`charts.change_chart_svg`)."""
    return [Change(r.name, r.judgement.change, r.judgement.outcome, r.judgement.outcome_label) for r in states]  # type: ignore[arg-type]


def figure(point: Point | None) -> str:
    """A compared value as published: "<5" stays "<5"; a number without the stored trailing zeros."""
    if point is None:
        return ""
    return point.published


def change_title(target: IndicatorTarget) -> str:
    words = {"indicator": target.indicator.name, "start": target.baseline_year, "end": target.target_year}
    if target.rule == TREND:
        return _("%(indicator)s: fitted change from %(start)s to %(end)s, by State") % words
    return _("%(indicator)s: change from %(start)s to %(end)s, by State") % words


# -- shapes (JSON and text) ------------------------------------------------------------------------


def point_json(point: Point | None) -> dict | None:
    if point is None:
        return None
    return {
        "year": point.year,
        "value": None if point.value is None else f"{point.value.normalize():f}",
        "suppressed_below": point.suppressed_below,
        "published": point.published,
        "estimate": point.estimate,
        "provisional": point.provisional,
        "break_in_series": point.break_in_series,
        "source": point.source,
    }


def result_json(result: StateResult) -> dict:
    judgement = result.judgement
    return {
        "state": result.alpha3,
        "name": result.name,
        "outcome": judgement.outcome,
        "outcome_label": judgement.outcome_label,
        "reason": judgement.reason,
        "baseline": point_json(judgement.baseline),
        "end": point_json(judgement.end),
        "change_percent": None if judgement.change is None else f"{round(judgement.change, 2):f}",
        "slope_per_year": None if judgement.slope is None else f"{round(judgement.slope, 4):f}",
        "years_used": list(judgement.years),
        "notes": judgement.notes,
        "url": result.url,
    }


def target_json(target: IndicatorTarget, place: PlanPlace) -> dict:
    return {
        "id": target.pk,
        "url": target.get_absolute_url(),
        "api_url": f"/api/targets/{target.pk}",
        "indicator": {"code": target.indicator.code, "name": target.indicator.name, "unit": target.indicator.unit},
        "disaggregation": target.disaggregation,
        "provision": {
            "citation": target.provision,
            "url": f"/plan/{place.path}" if place.path and place.chapter else None,
            "chapter": place.chapter,
            "text": place.text,
        },
        "baseline_year": target.baseline_year,
        "target_year": target.target_year,
        "rule": target.rule,
        "rule_text": str(RULES[target.rule]),
        "threshold_percent": f"{target.threshold.normalize():f}",
        "window_years": target.window,
        "note": target.note,
    }


def results_json(results: TargetResults) -> dict:
    return {
        **target_json(results.target, results.place),
        "counts": {outcome: len(results.having(outcome)) for outcome in OUTCOMES},
        "review_list": [result_json(r) for r in results.review],
        "insufficient_data": [result_json(r) for r in results.insufficient],
        "met": [result_json(r) for r in results.met],
        "results": [result_json(r) for r in results.results],
    }


def results_text(results: TargetResults) -> str:
    target = results.target
    lines = [
        f"Target {target.pk}: {target.indicator.name} ({target.indicator.code}) for {target.provision}",
        f"{RULES[target.rule]}; {target.baseline_year} -> {target.target_year}, threshold "
        f"{percent(target.threshold)}, window {target.window} year(s)",
        "counts: " + ", ".join(f"{label} {len(results.having(o))}" for o, label in OUTCOMES.items()),
        "",
    ]
    for result in results.results:
        j = result.judgement
        lines.append(f"{result.alpha3}  {j.outcome_label:<17}  {j.reason}")
    lines.append("")
    lines.append("Review list (35(f)): " + (", ".join(r.alpha3 for r in results.review) or "none"))
    return "\n".join(lines) + "\n"
