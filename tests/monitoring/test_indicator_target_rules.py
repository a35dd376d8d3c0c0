"""The rules of an indicator target on hand-made series (monitoring/indicator_targets.py, no database)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from viennaplan.monitoring.indicator_targets import (
    INSUFFICIENT,
    MET,
    NOT_MET,
    REDUCTION,
    TREND,
    Point,
    TargetRule,
    judge,
    percent,
)

D = Decimal
RULE = TargetRule(REDUCTION, baseline_year=2000, target_year=2005, threshold=D(10), window=1)
EXACT = TargetRule(REDUCTION, baseline_year=2000, target_year=2005, threshold=D(10), window=0)


def series(**values: object) -> list[Point]:
    """series(y2000=100, y2005="<5") -> points; "<N" is a withheld small count."""
    points = []
    for key, value in values.items():
        if isinstance(value, str) and value.startswith("<"):
            points.append(Point(int(key[1:]), None, suppressed_below=int(value[1:])))
        else:
            points.append(Point(int(key[1:]), D(str(value))))
    return points


def test_a_fall_of_exactly_the_threshold_is_met():
    judgement = judge(series(y2000=200, y2003=500, y2005=180), RULE)
    assert (judgement.outcome, judgement.change, judgement.years) == (MET, D(-10), (2000, 2005))
    assert judgement.reason == "200 to 180: down 10.0%, a fall of at least 10.0%"
    assert judgement.notes == ["compared 2000 and 2005"]


def test_a_smaller_fall_or_a_rise_is_not_met():
    assert judge(series(y2000=200, y2005=181), RULE).outcome == NOT_MET
    rise = judge(series(y2000=200, y2005=250), RULE)
    assert (rise.outcome, percent(rise.change)) == (NOT_MET, "25.0%")
    assert rise.reason == "200 to 250: up 25.0%, not a fall of at least 10.0%"


def test_the_threshold_is_the_secretariats():
    rule = TargetRule(REDUCTION, 2000, 2005, threshold=D(30), window=0)
    assert judge(series(y2000=100, y2005=75), rule).outcome == NOT_MET
    assert judge(series(y2000=100, y2005=70), rule).outcome == MET


def test_missing_years_are_insufficient_and_say_which():
    judgement = judge(series(y2003=100, y2005=50), RULE)
    assert judgement.outcome == INSUFFICIENT
    assert judgement.reason == "no value published for 2000 or within 1 year of it"
    both = judge([], EXACT)
    assert both.reason == "no value published for 2000 nor for 2005"


def test_the_window_picks_the_nearest_years_and_says_so():
    judgement = judge(series(y1999=100, y2002=100, y2004=80, y2007=10), RULE)
    assert (judgement.outcome, judgement.years) == (MET, (1999, 2004))
    assert judgement.notes[0] == "compared 1999 and 2004 (nearest published years)"
    assert judge(series(y1999=100, y2004=80), EXACT).outcome == INSUFFICIENT


def test_of_two_equally_near_years_the_one_inside_the_period():
    rule = TargetRule(REDUCTION, 2000, 2005, window=1)
    judgement = judge(series(y1999=100, y2001=200, y2004=150, y2006=20), rule)
    assert judgement.years == (2001, 2004)
    assert judgement.outcome == MET  # 200 -> 150


def test_the_exact_year_wins_over_a_near_one():
    judgement = judge(series(y1999=1000, y2000=100, y2001=1000, y2005=95, y2006=10), RULE)
    assert (judgement.years, judgement.outcome) == ((2000, 2005), NOT_MET)


def test_ends_that_meet_are_insufficient():
    rule = TargetRule(REDUCTION, 2000, 2002, window=1)
    judgement = judge(series(y2001=100), rule)
    assert (judgement.outcome, judgement.reason) == (
        INSUFFICIENT,
        "the nearest years to the baseline and the target are the same (2001)",
    )


def test_baseline_zero_is_insufficient_and_a_rise_from_zero_is_not_met():
    zero = judge(series(y2000=0, y2005=0), RULE)
    assert zero.outcome == INSUFFICIENT
    assert zero.reason == "the baseline is 0: there is nothing to reduce, no fall can be measured"
    assert judge(series(y2000=0, y2005="<5"), RULE).outcome == INSUFFICIENT
    rose = judge(series(y2000=0, y2005=12), RULE)
    assert (rose.outcome, rose.reason) == (NOT_MET, "it rose from 0 to 12")


def test_a_break_in_series_between_the_ends_is_insufficient():
    points = [Point(2000, D(100)), Point(2003, D(40), break_in_series=True), Point(2005, D(30))]
    judgement = judge(points, RULE)
    assert judgement.outcome == INSUFFICIENT
    assert judgement.reason.startswith("the series breaks in 2003, between 2000 and 2005")
    at_end = [Point(2000, D(100)), Point(2005, D(30), break_in_series=True)]
    assert judge(at_end, RULE).outcome == INSUFFICIENT


def test_a_break_at_the_baseline_or_outside_the_period_does_not_count():
    points = [Point(1998, D(9), break_in_series=True), Point(2000, D(100), break_in_series=True), Point(2005, D(30))]
    assert judge(points, RULE).outcome == MET
    after = [Point(2000, D(100)), Point(2005, D(30)), Point(2007, D(1), break_in_series=True)]
    assert judge(after, RULE).outcome == MET


def test_withheld_at_the_end_is_met_only_when_certain():
    met = judge(series(y2000=6, y2005="<5"), RULE)  # below 5 <= 6 x 0.9 = 5.4
    assert (met.outcome, met.reason) == (MET, "<5 is below 5.4, a fall of at least 10.0% from 6")
    edge = TargetRule(REDUCTION, 2000, 2005, threshold=D(20), window=0)
    assert judge(series(y2000="6.25", y2005="<5"), edge).outcome == MET  # below 5 = 6.25 x 0.8
    unsure = judge(series(y2000=5, y2005="<5"), RULE)  # 4.5 needed; <5 may be 4
    assert unsure.outcome == INSUFFICIENT
    assert unsure.reason == "the end value is withheld (<5): from 5 it may or may not be a fall of at least 10.0%"


def test_withheld_at_the_baseline_is_not_met_only_when_certain():
    not_met = judge(series(y2000="<5", y2005="4.5"), RULE)  # would have to be below 4.5
    assert (not_met.outcome, not_met.reason) == (
        NOT_MET,
        "the baseline was below 5, so 4.5 is not a fall of at least 10.0% (it would have to be below 4.5)",
    )
    unsure = judge(series(y2000="<5", y2005=2), RULE)
    assert unsure.outcome == INSUFFICIENT


def test_withheld_at_both_ends_is_insufficient():
    judgement = judge(series(y2000="<5", y2005="<5"), RULE)
    assert (judgement.outcome, judgement.reason) == (
        INSUFFICIENT,
        "both values are withheld (<5, <5): no fall can be measured",
    )


def test_two_sources_for_one_year_are_insufficient():
    points = [Point(2000, D(100), source="A"), Point(2000, D(90), source="B"), Point(2005, D(10), source="A")]
    judgement = judge(points, RULE)
    assert (judgement.outcome, judgement.reason) == (
        INSUFFICIENT,
        "two values for 2000 (A, B): which one counts is not decided",
    )


def test_estimates_and_provisional_values_count_and_are_noted():
    points = [Point(2000, D(100), estimate=True), Point(2005, D(50), provisional=True, estimate=True)]
    judgement = judge(points, RULE)
    assert judgement.outcome == MET
    assert judgement.notes[1:] == ["the 2000 value is an estimate", "the 2005 value is an estimate and provisional"]


TRENDING = TargetRule(TREND, 2000, 2005, threshold=D(10), window=0)


def test_a_falling_trend_is_met_with_its_fitted_figures():
    judgement = judge(series(y2000=100, y2001=95, y2002=90, y2003=85, y2004=80, y2005=75), TRENDING)
    assert (judgement.outcome, judgement.slope, judgement.change) == (MET, D(-5), D(-25))
    assert (judgement.baseline.published, judgement.end.published) == ("100", "75")
    assert judgement.years == (2000, 2001, 2002, 2003, 2004, 2005)


def test_a_noisy_series_is_judged_by_its_line_not_its_ends():
    # the ends fall 40% (100 -> 60) but the line through all six years rises
    judgement = judge(series(y2000=100, y2001=40, y2002=120, y2003=130, y2004=140, y2005=60), TRENDING)
    assert judgement.outcome == NOT_MET
    assert judgement.slope > 0


def test_a_flat_trend_and_a_small_fall_are_not_met():
    assert judge(series(y2000=100, y2002=100, y2005=100), TRENDING).outcome == NOT_MET
    assert judge(series(y2000=100, y2002=98, y2005=95), TRENDING).outcome == NOT_MET


def test_a_trend_needs_three_values_covering_the_period():
    short = judge(series(y2000=100, y2005=50), TRENDING)
    assert short.outcome == INSUFFICIENT
    assert short.reason == "a trend needs at least 3 values from 2000 to 2005; published: 2000, 2005"
    assert judge(series(y2000=100, y2001=90, y2002=80), TRENDING).outcome == INSUFFICIENT  # stops early
    widened = TargetRule(TREND, 2000, 2005, window=1)
    assert judge(series(y2001=100, y2003=80, y2004=60), widened).outcome == MET


def test_a_trend_with_a_break_or_a_withheld_value_is_insufficient():
    broken = [Point(2000, D(100)), Point(2002, D(50), break_in_series=True), Point(2005, D(10))]
    assert judge(broken, TRENDING).reason.startswith("the series breaks in 2002")
    withheld = judge(series(y2000=10, y2002="<5", y2005=1), TRENDING)
    assert (withheld.outcome, withheld.reason) == (INSUFFICIENT, "withheld values cannot be fitted: 2002 (<5)")


def test_a_fitted_baseline_of_zero_or_less_is_insufficient():
    judgement = judge(series(y2000=0, y2001=0, y2005=0), TRENDING)
    assert judgement.outcome == INSUFFICIENT
    assert judgement.reason.endswith("a fitted baseline of 0 or less leaves no fall to measure")


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        (TargetRule("halving", 2000, 2005), "unknown rule 'halving': reduction, trend"),
        (TargetRule(REDUCTION, 2005, 2005), "the target year must come after the baseline year"),
        (TargetRule(REDUCTION, 2000, 2005, threshold=D(0)), "the threshold is a percentage above 0 and at most 100"),
        (TargetRule(REDUCTION, 2000, 2005, window=-1), "the window cannot be negative"),
    ],
)
def test_a_rule_that_cannot_be_applied_is_refused(rule, problem):
    assert rule.problem() == problem
    with pytest.raises(ValueError, match=problem.split(":")[0]):
        judge([], rule)


def test_a_value_is_shown_as_published_without_the_stored_trailing_zeros():
    assert Point(2005, Decimal("10.0096100000")).published == "10.00961"
    assert Point(2005, Decimal("100.0000000000")).published == "100"
    assert Point(2005, Decimal("1E+2")).published == "100"
    assert Point(2005, None, 5).published == "<5"
