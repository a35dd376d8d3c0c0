"""The shapes of /api/targets (`target_results.results_json`, as `viennaplan targets show --format json`)."""

from __future__ import annotations

from ninja import Schema

from viennaplan.api_shapes import Label


class TargetIndicatorOut(Schema):
    code: str
    name: str
    unit: str


class TargetProvisionOut(Schema):
    citation: str
    url: str | None  # null: the citation is not in the current plan
    chapter: str | None
    text: str | None


class TargetPointOut(Schema):
    year: int
    value: str | None  # a decimal as text; null when the publisher withheld a small count
    suppressed_below: int | None
    published: str  # as published: "81255", "<5"
    estimate: bool
    provisional: bool
    break_in_series: bool
    source: str


class StateResultOut(Schema):
    state: str
    name: str
    outcome: str  # met | not_met | insufficient_data
    outcome_label: Label
    reason: str
    baseline: TargetPointOut | None
    end: TargetPointOut | None
    change_percent: str | None
    slope_per_year: str | None
    years_used: list[int]
    notes: list[str]
    url: str


class TargetTermsOut(Schema):
    """What a target asks: of which indicator, for which commitment, between which years, by which rule."""

    indicator: TargetIndicatorOut
    disaggregation: dict[str, str]
    provision: TargetProvisionOut
    baseline_year: int
    target_year: int
    rule: str
    rule_text: str
    threshold_percent: str
    window_years: int


class TargetResultsOut(TargetTermsOut):
    id: int
    url: str
    api_url: str
    note: str
    counts: dict[str, int]
    review_list: list[StateResultOut]  # 35(f): no significant reduction achieved
    insufficient_data: list[StateResultOut]
    met: list[StateResultOut]
    results: list[StateResultOut]


class TargetLineOut(Schema):
    from_year: int  # the baseline year compared
    to_year: int  # the target year
    from_value: str  # decimals as text
    required_value: str  # from_value x (1 - threshold / 100)


class StateSeriesOut(Schema):
    target: int
    target_url: str
    url: str  # the page with the chart and the data table
    result: StateResultOut
    series: list[TargetPointOut]  # every value published for the years that may count, by year
    target_line: TargetLineOut | None  # null: no numeric baseline
