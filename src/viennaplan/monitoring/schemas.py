"""The shapes of the monitoring API's answers (`api`); names are unique across the whole API."""

from __future__ import annotations

from datetime import date

from ninja import Schema

from viennaplan.api_shapes import Label, StateRefOut
from viennaplan.reporting.schemas import MeasureOut
from viennaplan.treaties.schemas import ListedOut

from .target_schemas import StateSeriesOut, TargetIndicatorOut, TargetPointOut, TargetTermsOut


class ShareOut(Schema):
    status: str  # "" = not answered yet
    label: Label
    count: int
    percent: float


class SharesOut(Schema):
    total: int
    progress: float | None  # `Shares.implementation`: (implemented + 0.5 x partially) / answers that apply
    shares: list[ShareOut]


class CycleRefOut(Schema):  # reporting's `api_out.cycle_ref`, cut to these fields
    id: int
    name: str
    opens: date
    closes: date
    chapters: list[str]
    is_demo: bool


class Envelope(Schema):
    demonstration: bool
    counted_statuses: list[str]


class StatusLineOut(Schema):
    state: str
    name: str
    status: str  # the report's status if you may view the report; else not_submitted, received or published
    label: Label
    first_submitted: date | None
    late: bool
    report_url: str


class StatusAreaOut(Schema):
    area: str
    label: Label
    received: int
    late: int
    states: list[StatusLineOut]


class ReportingStatusOut(Envelope):
    cycle: CycleRefOut
    by: str
    areas: list[StatusAreaOut]


class CellOut(Schema):
    chapter: str
    area: str
    states: int
    answers: SharesOut
    url: str


class ChapterRowOut(Schema):
    chapter: str
    title: str
    cells: list[CellOut]
    all_states: CellOut


class AreaOut(Schema):
    key: str
    label: Label


class MatrixOut(Envelope):
    cycle: CycleRefOut
    by: str
    states_counted: int
    areas: list[AreaOut]
    chapters: list[ChapterRowOut]


class QuestionRefOut(Schema):
    id: int
    path: str
    citation: str
    text: str


class StateAnswersOut(Schema):
    state: str
    name: str
    report_status: str
    statuses: list[str]  # one per question, in the order of `questions`
    answers: SharesOut


class CellDetailOut(Envelope):
    cycle: CycleRefOut
    chapter: str
    chapter_title: str
    by: str
    area: AreaOut
    answers: SharesOut
    questions: list[QuestionRefOut]
    states: list[StateAnswersOut]
    not_counted: list[StateRefOut]


class CommitmentOut(Schema):
    path: str
    citation: str
    objectives: list[int]
    answers: SharesOut


class ObjectiveAnswersOut(Schema):
    number: int
    text: str
    commitments: int
    answers: SharesOut


class ChapterProgressOut(Schema):
    chapter: str
    title: str
    answers: SharesOut
    objectives: list[ObjectiveAnswersOut]
    commitments: list[CommitmentOut]


class CommitmentsOut(Envelope):
    cycle: CycleRefOut
    reports: int
    chapters: list[ChapterProgressOut]


class TreatyLineOut(ListedOut):
    instrument: str
    short_name: str
    status: str  # party | signatory | none
    consent_date: date | None
    consent_kind: str
    in_force: date | None


class ProfileAnswerOut(Schema):
    path: str
    citation: str
    chapter: str
    status: str
    status_label: Label
    narrative: str
    measures: list[MeasureOut]
    responsible_institution: str
    assistance_needed: bool
    assistance_description: str


class ProfileCycleOut(Schema):
    cycle: CycleRefOut
    report_status: str  # "" when no report of the State counts for you
    published_at: date | None
    answers: SharesOut
    items: list[ProfileAnswerOut]


class AssistanceOut(Schema):
    cycle: str
    citation: str
    path: str
    description: str


class ProfileDeadlineOut(Schema):
    citation: str
    path: str
    text: str
    end: date | None
    passed: bool
    latest_answers: list[str]


class CodeNameOut(Schema):
    code: str
    name: str


class MeasuredProvisionOut(Schema):
    citation: str  # "35(a)"
    url: str | None  # null: the current plan has no such provision


class ProfileIndicatorOut(Schema):  # an indicator's totals for the State
    indicator: TargetIndicatorOut
    kind: str  # count | rate | percentage | score | amount
    chapter: str  # the plan's chapter the catalogue gives the indicator ("" none)
    measures: list[MeasuredProvisionOut]
    url: str  # the indicator's page filtered to the State
    latest: list[TargetPointOut]  # the latest year's value as published ("<5" stays "<5", value null); one per source
    series: list[TargetPointOut]  # every year (then source), oldest first, each value with its source


class ProfileTargetOut(StateSeriesOut, TargetTermsOut):  # /api/targets/ID/states/A3, with the target's terms
    pass


class ProfilePlanDeadlineOut(Schema):
    key: str  # /targets/deadlines/<key>
    title: str
    url: str
    outcome: str  # met | not_met | insufficient_data
    outcome_label: Label
    reason: str  # the figures that decided it, in words
    figures: dict[str, str | int | None]


class ProfileOut(Envelope):
    state: str
    name: str
    region: str
    subregion: str
    regional_groups: list[CodeNameOut]
    lists: list[CodeNameOut]
    as_of: date
    treaties: list[TreatyLineOut] | None  # None: no treaty status list imported
    cycles: list[ProfileCycleOut]
    assistance: list[AssistanceOut]
    deadlines: list[ProfileDeadlineOut]
    indicators: list[ProfileIndicatorOut]  # by the plan's chapter, then catalogue order; values are public
    targets: list[ProfileTargetOut]  # the State's result under every indicator target
    plan_deadlines: list[ProfilePlanDeadlineOut]  # met / not met / insufficient data under each deadline of 2002


# -- the plan's ratification objectives (/api/treaties/ratification-targets: `api_targets`) --------


class InstrumentProgressOut(ListedOut):  # listed_on, list_source, warning: of the as-of figures
    instrument: str
    short_name: str
    signatories: int
    ratified_by_target: int | None  # consents deposited by 31 December 2002; null: not adopted by then
    ratified: int  # consents deposited by the as-of date
    parties: int  # in force on the as-of date
    entry_into_force: date | None
    signed_not_ratified: list[StateRefOut]


class ObjectiveProgressOut(Schema):
    chapter: str
    objective: int
    text: str  # as the current plan version says it; "" when no plan is imported
    chapter_url: str
    instruments: list[InstrumentProgressOut]


class TargetsOut(Schema):
    as_of: date
    target_date: date
    has_data: bool
    objectives: list[ObjectiveProgressOut]
