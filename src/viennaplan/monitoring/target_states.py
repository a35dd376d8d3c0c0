"""One State under one indicator target: its published series, its judgement and the target line
to draw (`charts.time_series_svg`), for the page /targets/ID/states/A3 and its JSON twin.

    detail = state_detail(target, "FRA")   -> StateDetail (None: not a current State)

The target line goes from the baseline value that was compared (the nearest published year
within the window) to the value the rule requires at the target year: baseline x (1 - threshold/100).
No line when the baseline is not a number ("<N", or nothing published).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from viennaplan.countries.registry import states

from .charts import Target, time_series_svg
from .indicator_targets import HUNDRED, Judgement, Point, judge
from .models import IndicatorTarget
from .target_results import StateResult, point_json, result_json, series_of


@dataclass
class StateDetail:
    target: IndicatorTarget
    result: StateResult
    points: list[Point]  # by year (then source)
    line: Target | None

    @property
    def url(self) -> str:
        return f"{self.target.get_absolute_url()}/states/{self.result.alpha3}"

    @property
    def title(self) -> str:
        return f"{self.result.name}: {self.target.indicator.name}"

    def svg(self) -> str:
        return time_series_svg(self.title, [(p.year, p.value, p.published) for p in self.points], self.line)


def target_line(judgement: Judgement, target_year: int, threshold: Decimal) -> Target | None:
    base = judgement.baseline
    if base is None or base.value is None:
        return None
    return (base.year, target_year, base.value, base.value * (1 - threshold / HUNDRED))


def state_detail(target: IndicatorTarget, alpha3: str) -> StateDetail | None:
    info = next((info for info in states() if info.alpha3 == alpha3), None)
    if info is None:
        return None
    points = sorted(series_of(target).get(alpha3, []), key=lambda p: (p.year, p.source))
    judgement = judge(points, target.as_rule())
    line = target_line(judgement, target.target_year, target.threshold)
    return StateDetail(target, StateResult(info.alpha3, info.name, judgement), points, line)


def state_detail_json(detail: StateDetail) -> dict:
    line = detail.line
    return {
        "target": detail.target.pk,
        "target_url": detail.target.get_absolute_url(),
        "url": detail.url,
        "result": result_json(detail.result),
        "series": [point_json(point) for point in detail.points],
        "target_line": None
        if line is None
        else {
            "from_year": line[0],
            "to_year": line[1],
            "from_value": f"{line[2].normalize():f}",
            "required_value": f"{line[3].normalize():f}",
        },
    }
