"""A State's profile: who it is (region, UN regional groups, LDC/LLDC/SIDS), its treaty status
(the treaty engine's panel, as on /treaties/states/CHE), its answers in each cycle, the technical
assistance it asks for, the deadlines of the plan's national actions it faces, whether it met the
plan's deadlines of 2002 (`deadline_results`: ratification, 79(e)), the indicators it
has values for (by chapter) and its result under each indicator target (`profile_indicators`).

Answers shown are those of reports that count for the user (`queries.counted_statuses`:
published; validated as well for the secretariat and reviewers). A report the user may view but
that does not count (a focal point's own draft) is only linked, never shown here, so the
profile reads the same for everybody who is not the secretariat or a reviewer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from viennaplan.accounts.permissions import can
from viennaplan.countries.datafiles import GROUPS, STATUS_LISTS
from viennaplan.countries.registry import StateInfo, regional_groups_of, state_directory, statuses_on
from viennaplan.plan.models import Deadline, PlanVersion
from viennaplan.reporting.models import Answer, Report, ReportingCycle
from viennaplan.reporting.scale import status_label
from viennaplan.treaties.overview import StatePanel, state_panel
from viennaplan.treaties.store import has_status_data

from .deadline_results import StateDeadline, state_deadlines
from .profile_indicators import IndicatorChapter, ProfileTarget, indicator_chapters, state_targets
from .queries import counted_statuses, shown_cycles
from .shares import Shares, shares_of


@dataclass
class ProfileAnswer:
    path: str
    citation: str
    chapter: str
    text: str
    status: str
    status_label: str
    narrative: str
    measures: list[dict[str, str]]
    responsible_institution: str
    assistance_needed: bool
    assistance_description: str


@dataclass
class ProfileCycle:
    cycle: ReportingCycle
    report_status: str  # the status of a counted report; "" when none counts
    published_at: date | None
    answers: list[ProfileAnswer]
    shares: Shares
    own_report_url: str = ""  # a report the user may open although it does not count (own draft)
    own_report_status: str = ""


@dataclass
class AssistanceNeed:
    cycle: ReportingCycle
    answer: ProfileAnswer


@dataclass
class DeadlineLine:
    citation: str
    path: str
    text: str
    end: date | None
    passed: bool
    answers: list[tuple[str, str, str]]  # (question citation, status label, cycle name): the latest counted answers


@dataclass
class StateProfile:
    state: StateInfo
    region: str
    subregion: str
    groups: list[tuple[str, str]]  # (code, name), the primary group first
    lists: list[tuple[str, str]]  # ("ldc", "least developed country") on `today`
    treaty_panel: StatePanel | None  # None when no status list is imported
    cycles: list[ProfileCycle]
    assistance: list[AssistanceNeed]
    deadlines: list[DeadlineLine]
    today: date
    counted: tuple[str, ...] = field(default=())
    indicators: list[IndicatorChapter] = field(default_factory=list)  # values are public: the same for all
    targets: list[ProfileTarget] = field(default_factory=list)
    plan_deadlines: list[StateDeadline] = field(default_factory=list)  # ratification by 2002, 79(e): public


ANSWER_COLUMNS = (
    "report_id",
    "question__path",
    "question__citation",
    "question__chapter",
    "question__text",
    "status",
    "narrative",
    "measures",
    "responsible_institution",
    "assistance_needed",
    "assistance_description",
)


def answers_by_report(report_ids: list[int]) -> dict[int, list[ProfileAnswer]]:
    """The answers of the reports, in question order, as plain rows (no model instances: fast)."""
    by_report: dict[int, list[ProfileAnswer]] = {}
    rows = Answer.objects.filter(report_id__in=report_ids).order_by("report_id", "question__position")
    for report_id, path, citation, chapter, text, status, narrative, measures, *rest in rows.values_list(
        *ANSWER_COLUMNS
    ):
        answer = ProfileAnswer(
            path, citation, chapter, text, status, status_label(status), narrative, list(measures or []), *rest
        )
        by_report.setdefault(report_id, []).append(answer)
    return by_report


def state_profile(user: Any, alpha3: str, today: date) -> StateProfile | None:
    """The profile of a State (None when no such State is known)."""
    state = state_directory().get(alpha3.upper())
    if state is None or state.is_organization:
        return None
    counted = counted_statuses(user)
    cycles = list(shown_cycles())
    reports = {r.cycle_id: r for r in Report.objects.filter(state_id=state.alpha3, cycle__in=cycles)}
    counted_ids = [r.pk for r in reports.values() if r.status in counted]
    by_report = answers_by_report(counted_ids)
    profile_cycles, needs = [], []
    for cycle in cycles:
        report = reports.get(cycle.pk)
        answers = by_report.get(report.pk, []) if report is not None and report.status in counted else []
        line = ProfileCycle(
            cycle, report.status if report and report.status in counted else "", None, answers, _shares(answers)
        )
        if report is not None and line.report_status:
            line.published_at = report.published_at.date() if report.published_at else None
        elif report is not None and can(user, "report.view", report):
            line.own_report_url, line.own_report_status = report.get_absolute_url(), report.status
        profile_cycles.append(line)
        needs += [AssistanceNeed(cycle, a) for a in answers if a.assistance_needed]
    return StateProfile(
        state=state,
        region=state.region,
        subregion=state.subregion,
        groups=[(code, str(GROUPS.get(code, code))) for code in regional_groups_of(state.alpha3)],
        lists=[(code, str(label)) for code, label in STATUS_LISTS.items() if code in statuses_on(state.alpha3, today)],
        treaty_panel=state_panel(state.alpha3, today) if has_status_data() else None,
        cycles=profile_cycles,
        assistance=needs,
        deadlines=deadlines_faced(profile_cycles, today),
        today=today,
        counted=counted,
        indicators=indicator_chapters(state.alpha3, state.name),
        targets=state_targets(state.alpha3),
        plan_deadlines=state_deadlines(state.alpha3) or [],
    )


def _shares(answers: list[ProfileAnswer]) -> Shares:
    counts: dict[str, int] = {}
    for answer in answers:
        counts[answer.status] = counts.get(answer.status, 0) + 1
    return shares_of(counts)


def _related(question_path: str, deadline_path: str) -> bool:
    """A deadline on 57 concerns the questions 57/a, 57/b...; one on 57/k/ii concerns 57/k."""
    return (
        question_path == deadline_path
        or question_path.startswith(deadline_path + "/")
        or deadline_path.startswith(question_path + "/")
    )


def deadlines_faced(cycles: list[ProfileCycle], today: date) -> list[DeadlineLine]:
    """The deadlines of the current plan's national actions, each with the State's latest
    counted answers to the questions it concerns."""
    version = PlanVersion.current()
    if version is None:
        return []
    rows = (
        Deadline.objects.filter(provision__version=version, provision__kind="national_action")
        .select_related("provision")
        .order_by("end", "provision__position")
    )
    latest = next((c for c in cycles if c.answers), None)  # cycles are latest first
    lines = []
    for deadline in rows:
        path = deadline.provision.path
        answers = [
            (a.citation, a.status_label, latest.cycle.name)
            for a in (latest.answers if latest else [])
            if _related(a.path, path)
        ]
        passed = deadline.end is not None and deadline.end < today
        lines.append(DeadlineLine(deadline.provision.citation, path, deadline.text, deadline.end, passed, answers))
    return lines
