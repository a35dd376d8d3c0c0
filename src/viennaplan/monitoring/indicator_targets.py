"""Whether a State met an indicator target of the plan ("a significant reduction by 2005", 35(a)).
Plain Python, no Django. Not the plan's ratification objectives: those are `targets.py`.

    rule = TargetRule(REDUCTION, baseline_year=2000, target_year=2005, threshold=Decimal(10), window=1)
    judge([Point(2000, Decimal(120)), Point(2005, Decimal(90))], rule)
        -> Judgement(outcome="met", baseline=Point(2000, 120), end=Point(2005, 90), change=-25.0, ...)

A series is what one State published for one indicator (and disaggregation): one `Point` per year
it published, a number or a small count withheld ("<5": `value` None, `suppressed_below` 5).
A year not published is simply absent. Each State is MET, NOT_MET or INSUFFICIENT, with the
figures that decided it and a sentence saying why.

REDUCTION: the value at the target year is at least `threshold` per cent below the value at the
baseline year. Where a year was not published, the nearest published year within `window` years
of it is used instead (the years used are in the judgement; of two equally near, the one inside
the period). A "<N" counts as published.

TREND: the least-squares line through the values published from `baseline_year - window` to
`target_year + window` falls, and its fitted fall from the baseline year to the target year is
at least `threshold` per cent of its fitted baseline value. It needs MIN_TREND_POINTS numbers, the
first no later than `baseline_year + window` and the last no earlier than `target_year - window`.

The cases that decide no fall:
- a break in series between the two ends (a point flagged `break_in_series` starts a new series:
  its value and those after it are not comparable with those before) -> INSUFFICIENT;
- baseline 0 (or below): no percentage fall can be measured. 0 -> 0 is INSUFFICIENT (nothing to
  reduce, nothing achieved); 0 -> more than 0 is NOT_MET (it rose);
- "<N" at the target end and a number B at the baseline: the value is below N, so the fall is
  certain when N <= B x (1 - threshold/100): MET; otherwise the count may be anywhere from 0 to
  N - 1: INSUFFICIENT;
- "<N" at the baseline and a number T at the target end: the baseline was below N, so T cannot
  be a fall of the threshold when T >= N x (1 - threshold/100): NOT_MET; otherwise INSUFFICIENT;
- "<N" at both ends: INSUFFICIENT. A "<N" among the years of a trend: INSUFFICIENT (not a number
  to fit);
- two values for one year (two sources) at an end or in a trend: INSUFFICIENT, naming the sources.
Estimates and provisional values are used, and the judgement notes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

MET, NOT_MET, INSUFFICIENT = "met", "not_met", "insufficient_data"
OUTCOMES = {MET: gettext_lazy("met"), NOT_MET: gettext_lazy("not met"), INSUFFICIENT: gettext_lazy("insufficient data")}
REDUCTION, TREND = "reduction", "trend"
RULES = {
    REDUCTION: gettext_lazy(
        "significant reduction: a fall of at least the threshold between the baseline and the target year"
    ),
    TREND: gettext_lazy("trend: the least-squares line over the years falls by at least the threshold"),
}
DEFAULT_THRESHOLD = Decimal(10)
DEFAULT_WINDOW = 1
MIN_TREND_POINTS = 3
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Point:
    """One published value of a State for one year: a number, or "<N" (`value` None)."""

    year: int
    value: Decimal | None
    suppressed_below: int | None = None
    estimate: bool = False
    provisional: bool = False
    break_in_series: bool = False
    source: str = ""

    @property
    def published(self) -> str:
        if self.value is None:
            return f"<{self.suppressed_below}"
        return format(self.value.normalize(), "f")  # "10.00961", never the column's trailing zeros


@dataclass(frozen=True)
class TargetRule:
    rule: str
    baseline_year: int
    target_year: int
    threshold: Decimal = DEFAULT_THRESHOLD  # per cent
    window: int = DEFAULT_WINDOW  # years either side of the baseline and target year

    def problem(self) -> str | None:
        """Why this rule cannot be applied, or None."""
        if self.rule not in RULES:
            return _("unknown rule %(rule)s: %(rules)s") % {"rule": repr(self.rule), "rules": ", ".join(RULES)}
        if self.target_year <= self.baseline_year:
            return _("the target year must come after the baseline year")
        if not Decimal(0) < self.threshold <= HUNDRED:
            return _("the threshold is a percentage above 0 and at most 100")
        if self.window < 0:
            return _("the window cannot be negative")
        return None


@dataclass
class Judgement:
    outcome: str
    reason: str
    baseline: Point | None = None  # the values compared (REDUCTION) or the fitted ends' years (TREND)
    end: Point | None = None
    change: Decimal | None = None  # per cent, negative for a fall (REDUCTION: observed; TREND: fitted)
    slope: Decimal | None = None  # TREND: change per year
    years: tuple[int, ...] = ()  # the years whose values decided
    notes: list[str] = field(default_factory=list)

    @property
    def outcome_label(self) -> str:
        return str(OUTCOMES[self.outcome])


def percent(value: Decimal | None) -> str:
    """-25.0 -> "-25.0%" (one decimal); "" for None."""
    if value is None:
        return ""
    return f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def judge(series: Iterable[Point], rule: TargetRule) -> Judgement:
    """The judgement of one State's series against `rule` (see the module's docstring)."""
    problem = rule.problem()
    if problem:
        raise ValueError(problem)
    points = sorted(series, key=lambda p: (p.year, p.source))
    if rule.rule == TREND:
        return _trend(points, rule)
    return _reduction(points, rule)


def _by_year(points: list[Point]) -> dict[int, list[Point]]:
    years: dict[int, list[Point]] = {}
    for point in points:
        years.setdefault(point.year, []).append(point)
    return years


def _nearest(years: dict[int, list[Point]], year: int, window: int, inward: int) -> int | None:
    """The published year nearest to `year` within `window`; of two equally near, the one towards `inward`."""
    for distance in range(window + 1):
        for candidate in (year + inward * distance, year - inward * distance):
            if candidate in years:
                return candidate
    return None


def _span(year: int, window: int) -> str:
    if window == 0:
        return f"{year}"
    return ngettext("%(year)s or within %(window)s year of it", "%(year)s or within %(window)s years of it", window) % {
        "year": year,
        "window": window,
    }


def _conflict(years: dict[int, list[Point]], chosen: Iterable[int]) -> str | None:
    for year in chosen:
        if len(years[year]) > 1:
            sources = ", ".join(p.source or _("no source") for p in years[year])
            return _("two values for %(year)s (%(sources)s): which one counts is not decided") % {
                "year": year,
                "sources": sources,
            }
    return None


def _break(points: list[Point], first: int, last: int) -> int | None:
    """The year of a break in series after `first` and up to `last`, if any."""
    return next((p.year for p in points if p.break_in_series and first < p.year <= last), None)


def _broken(year: int, where: str) -> str:
    return _("the series breaks in %(year)s, %(where)s: the values before and after are not comparable") % {
        "year": year,
        "where": where,
    }


def _flag_notes(points: Iterable[Point]) -> list[str]:
    notes = []
    for point in points:
        if point.estimate and point.provisional:
            notes.append(_("the %(year)s value is an estimate and provisional") % {"year": point.year})
        elif point.estimate:
            notes.append(_("the %(year)s value is an estimate") % {"year": point.year})
        elif point.provisional:
            notes.append(_("the %(year)s value is provisional") % {"year": point.year})
    return notes


def _reduction(points: list[Point], rule: TargetRule) -> Judgement:
    years = _by_year(points)
    start = _nearest(years, rule.baseline_year, rule.window, inward=+1)
    stop = _nearest(years, rule.target_year, rule.window, inward=-1)
    missing = [
        _span(year, rule.window) for year, found in ((rule.baseline_year, start), (rule.target_year, stop)) if not found
    ]
    if missing:
        if len(missing) == 2:
            reason = _("no value published for %(baseline)s nor for %(target)s") % {
                "baseline": missing[0],
                "target": missing[1],
            }
        else:
            reason = _("no value published for %(year)s") % {"year": missing[0]}
        return Judgement(INSUFFICIENT, reason)
    assert start is not None and stop is not None
    if start >= stop:
        return Judgement(
            INSUFFICIENT,
            _("the nearest years to the baseline and the target are the same (%(year)s)") % {"year": start},
        )
    conflict = _conflict(years, (start, stop))
    if conflict:
        return Judgement(INSUFFICIENT, conflict, years=(start, stop))
    base, end = years[start][0], years[stop][0]
    judgement = _compare(base, end, rule.threshold)
    judgement.baseline, judgement.end, judgement.years = base, end, (start, stop)
    broken = _break(points, start, stop)
    if broken is not None:
        judgement = Judgement(
            INSUFFICIENT,
            _broken(broken, _("between %(start)s and %(stop)s") % {"start": start, "stop": stop}),
            base,
            end,
            years=(start, stop),
        )
    compared = (
        _("compared %(start)s and %(stop)s")
        if (start, stop) == (rule.baseline_year, rule.target_year)
        else _("compared %(start)s and %(stop)s (nearest published years)")
    ) % {"start": start, "stop": stop}
    judgement.notes = [compared, *_flag_notes((base, end))]
    return judgement


def _compare(base: Point, end: Point, threshold: Decimal) -> Judgement:
    """MET / NOT_MET / INSUFFICIENT for two published values (numbers or "<N")."""
    keep = (HUNDRED - threshold) / HUNDRED  # the end may be at most this share of the baseline
    need = percent(threshold)
    values = {"base": base.published, "end": end.published, "need": need}
    if base.value is None and end.value is None:
        return Judgement(
            INSUFFICIENT, _("both values are withheld (%(base)s, %(end)s): no fall can be measured") % values
        )
    if base.value is None:
        assert base.suppressed_below is not None and end.value is not None
        ceiling = base.suppressed_below * keep
        if end.value >= ceiling:
            return Judgement(
                NOT_MET,
                _(
                    "the baseline was below %(below)s, so %(end)s is not a fall of at least %(need)s "
                    "(it would have to be below %(ceiling)s)"
                )
                % {**values, "below": base.suppressed_below, "ceiling": f"{ceiling.normalize():f}"},
            )
        return Judgement(
            INSUFFICIENT,
            _("the baseline is withheld (%(base)s): %(end)s may or may not be a fall of at least %(need)s") % values,
        )
    if base.value <= 0:
        if end.value is not None and end.value > base.value:
            return Judgement(NOT_MET, _("it rose from %(base)s to %(end)s") % values)
        return Judgement(
            INSUFFICIENT, _("the baseline is %(base)s: there is nothing to reduce, no fall can be measured") % values
        )
    if end.value is None:
        assert end.suppressed_below is not None
        if end.suppressed_below <= base.value * keep:
            return Judgement(
                MET,
                _("%(end)s is below %(ceiling)s, a fall of at least %(need)s from %(base)s")
                % {**values, "ceiling": f"{(base.value * keep).normalize():f}"},
            )
        return Judgement(
            INSUFFICIENT,
            _("the end value is withheld (%(end)s): from %(base)s it may or may not be a fall of at least %(need)s")
            % values,
        )
    change = (end.value - base.value) / base.value * HUNDRED
    values["change"] = percent(abs(change))
    met = -change >= threshold
    if change == 0:
        words = _("%(base)s to %(end)s: unchanged, not a fall of at least %(need)s") % values
    elif change < 0:
        words = (
            _("%(base)s to %(end)s: down %(change)s, a fall of at least %(need)s")
            if met
            else _("%(base)s to %(end)s: down %(change)s, not a fall of at least %(need)s")
        ) % values
    else:
        words = _("%(base)s to %(end)s: up %(change)s, not a fall of at least %(need)s") % values
    return Judgement(MET if met else NOT_MET, words, change=change)


def _trend(points: list[Point], rule: TargetRule) -> Judgement:
    first, last = rule.baseline_year - rule.window, rule.target_year + rule.window
    inside = [p for p in points if first <= p.year <= last]
    years = _by_year(inside)
    conflict = _conflict(years, sorted(years))
    if conflict:
        return Judgement(INSUFFICIENT, conflict, years=tuple(sorted(years)))
    withheld = [p for p in inside if p.value is None]
    if withheld:
        listed = ", ".join(f"{p.year} ({p.published})" for p in withheld)
        return Judgement(
            INSUFFICIENT,
            _("withheld values cannot be fitted: %(listed)s") % {"listed": listed},
            years=tuple(sorted(years)),
        )
    used = tuple(sorted(years))
    if (
        len(used) < MIN_TREND_POINTS
        or used[0] > rule.baseline_year + rule.window
        or used[-1] < rule.target_year - rule.window
    ):
        return Judgement(
            INSUFFICIENT,
            _("a trend needs at least %(n)s values from %(start)s to %(stop)s; published: %(used)s")
            % {
                "n": MIN_TREND_POINTS,
                "start": _span(rule.baseline_year, rule.window),
                "stop": _span(rule.target_year, rule.window),
                "used": ", ".join(map(str, used)) or _("none"),
            },
            years=used,
        )
    broken = _break(inside, used[0], used[-1])
    if broken is not None:
        return Judgement(
            INSUFFICIENT,
            _broken(broken, _("within %(first)s-%(last)s") % {"first": used[0], "last": used[-1]}),
            years=used,
        )
    slope, intercept = _least_squares([(Decimal(p.year), p.value) for p in inside])  # type: ignore[misc]
    fitted_base = intercept + slope * rule.baseline_year
    fitted_end = intercept + slope * rule.target_year
    judgement = Judgement(NOT_MET, "", slope=slope, years=used, notes=_flag_notes(inside))
    judgement.baseline = Point(rule.baseline_year, _places(fitted_base))
    judgement.end = Point(rule.target_year, _places(fitted_end))
    fit = {
        "years": ", ".join(map(str, used)),
        "base": judgement.baseline.published,
        "baseline_year": rule.baseline_year,
        "end": judgement.end.published,
        "target_year": rule.target_year,
        "need": percent(rule.threshold),
    }
    if fitted_base <= 0:
        judgement.outcome = INSUFFICIENT
        judgement.reason = (
            _(
                "fitted over %(years)s: %(base)s in %(baseline_year)s to %(end)s in %(target_year)s; "
                "a fitted baseline of 0 or less leaves no fall to measure"
            )
            % fit
        )
        return judgement
    judgement.change = (fitted_end - fitted_base) / fitted_base * HUNDRED
    fit["change"] = percent(judgement.change)
    if slope < 0 and -judgement.change >= rule.threshold:
        judgement.outcome = MET
        judgement.reason = (
            _(
                "fitted over %(years)s: %(base)s in %(baseline_year)s to %(end)s in %(target_year)s, "
                "%(change)s: a fall of at least %(need)s"
            )
            % fit
        )
    else:
        judgement.reason = (
            _(
                "fitted over %(years)s: %(base)s in %(baseline_year)s to %(end)s in %(target_year)s, "
                "%(change)s: not a fall of at least %(need)s"
            )
            % fit
        )
    return judgement


def _places(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _least_squares(pairs: list[tuple[Decimal, Decimal]]) -> tuple[Decimal, Decimal]:
    """(slope, intercept) of the least-squares line through (x, y) pairs (at least two distinct x)."""
    n = Decimal(len(pairs))
    mean_x = sum((x for x, _ in pairs), Decimal(0)) / n
    mean_y = sum((y for _, y in pairs), Decimal(0)) / n
    sxx = sum(((x - mean_x) ** 2 for x, _ in pairs), Decimal(0))
    sxy = sum(((x - mean_x) * (y - mean_y) for x, y in pairs), Decimal(0))
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x
