"""The database side of the monitoring pages and their JSON twins: which cycles are shown, which
reports a user's aggregates count, and the rows `matrix`, `commitments` and `profiles` compute on.

Every page and API operation of monitoring reads through these functions, and these ask
`accounts.permissions` who may see what:

- `counted_statuses(user)`: the report statuses the aggregates count (published; validated too
  for whoever may read any State's validated report: secretariat, reviewers).
- `reporting_status(user, cycle, by)`: a report's status is shown as it is to those who may view
  the report; others see its public stage: "Not submitted" (no report, or a draft: the two look
  the same), "Received" (submitted, returned or validated) or "Published".

Cycles: the site shows the cycles of its kind of data only: real cycles on the real database,
demonstration cycles (`is_demo`) in demonstration mode (settings.DEMO), never both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.accounts.permissions import can
from viennaplan.countries import registry
from viennaplan.plan.models import Chapter, Objective
from viennaplan.reporting import workflow
from viennaplan.reporting.models import Answer, Question, Report, ReportingCycle

from .commitments import ChapterShares, QuestionRef, build_commitments
from .matrix import BY_CHOICES, Area, AreaCount, Matrix, StateEntry, area_label, areas_for, build_matrix
from .shares import Shares, shares_of


class BadParameter(ValueError):
    """A query parameter the pages cannot use; the message says which and what is possible."""


# -- cycles and parameters --------------------------------------------------------------------


def shown_cycles() -> QuerySet[ReportingCycle]:
    """The cycles of the data in use (demonstration or real), latest first."""
    return ReportingCycle.objects.filter(is_demo=settings.DEMO).order_by("-opens", "-id")


def pick_cycle(raw: str | None) -> ReportingCycle | None:
    """The cycle `?cycle=ID` names, or the latest one (None when there is no cycle at all)."""
    cycles = shown_cycles().select_related("plan_version")
    raw = (raw or "").strip()
    if not raw:
        return cycles.first()
    cycle = cycles.filter(pk=int(raw)).first() if raw.isdigit() else None
    if cycle is None:
        known = "; ".join(f"{c.pk} ({c.name})" for c in cycles) or _("there is none yet")
        raise BadParameter(
            _("?cycle=%(raw)s is not a reporting cycle. The cycles are: %(known)s.")
            % {"raw": repr(raw), "known": known}
        )
    return cycle


def pick_by(raw: str | None) -> str:
    value = (raw or "").strip() or "region"
    if value not in BY_CHOICES:
        raise BadParameter(_("?by=%(value)s is not possible; use ?by=region or ?by=group.") % {"value": repr(value)})
    return value


def pick_area(by: str, raw: str | None) -> str:
    value = (raw or "").strip()
    if area_label(by, value) is None:
        keys = ", ".join(area.key for area in areas_for(by))
        raise BadParameter(
            (
                _("?area=%(value)s is not one of the regions: %(keys)s.")
                if by == "region"
                else _("?area=%(value)s is not one of the UN regional groups: %(keys)s.")
            )
            % {"value": repr(value), "keys": keys}
        )
    return value


def pick_chapter(cycle: ReportingCycle, raw: str | None) -> str:
    value = (raw or "").strip().upper()
    if value not in cycle.chapters:
        raise BadParameter(
            _("?chapter=%(value)s is not asked in %(cycle)s; its chapters are %(chapters)s.")
            % {"value": repr(value), "cycle": cycle.name, "chapters": ", ".join(cycle.chapters)}
        )
    return value


# -- who counts -------------------------------------------------------------------------------


def counted_statuses(user: Any) -> tuple[str, ...]:
    """Published; and validated when the user may view a validated report of any State."""
    any_states_validated_report = SimpleNamespace(state_id=None, status=workflow.VALIDATED)
    if can(user, "report.view", any_states_validated_report):
        return (workflow.PUBLISHED, workflow.VALIDATED)
    return (workflow.PUBLISHED,)


def state_entries() -> dict[str, StateEntry]:
    """Every State (organizations left out), by alpha-3 in order of name, with its region and primary group."""
    return {
        info.alpha3: StateEntry(info.alpha3, info.name, info.region, registry.regional_group(info.alpha3) or "")
        for info in registry.states()
    }


def counted_report_states(cycle: ReportingCycle, statuses: tuple[str, ...]) -> dict[str, str]:
    """State -> status of the reports of `cycle` that count."""
    rows = Report.objects.filter(cycle=cycle, status__in=statuses).values_list("state_id", "status")
    return dict(rows)


def chapter_titles(cycle: ReportingCycle) -> dict[str, str]:
    return dict(Chapter.objects.filter(version_id=cycle.plan_version_id).values_list("number", "title"))


# -- the matrix and its cells -----------------------------------------------------------------


def matrix_for(user: Any, cycle: ReportingCycle, by: str) -> Matrix:
    """The matrix of `cycle` by region or group, over the reports that count for `user`.

    The answers are counted by question and status in SQL, one query per area over the reports of its
    States (from the index on answer(report, question, status) alone): a few hundred rows come back,
    where counting per State brought 35,000 to Python at ten times UN scale."""
    statuses = counted_statuses(user)
    directory = state_entries()
    reports = Report.objects.filter(cycle=cycle, status__in=statuses).values_list("id", "state_id")
    counted = [(pk, directory[a3]) for pk, a3 in reports if a3 in directory]
    reports_in: dict[str, list[int]] = {}
    for pk, entry in counted:
        reports_in.setdefault(entry.area(by), []).append(pk)
    chapter_of = dict(Question.objects.filter(cycle=cycle).values_list("id", "chapter"))
    per_chapter = Counter(chapter_of.values())
    chapters = [c for c in cycle.chapters if c in per_chapter]
    return build_matrix(
        _area_counts(reports_in, chapter_of),
        by=by,
        chapters=chapters,
        questions_per_chapter=per_chapter,
        counted_states=[entry for _pk, entry in counted],
    )


REPORTS_PER_QUERY = 5_000  # well under SQLite's limit of parameters in one statement


def _area_counts(reports_in: dict[str, list[int]], chapter_of: dict[int, str]) -> Iterator[AreaCount]:
    for area, report_ids in reports_in.items():
        for start in range(0, len(report_ids), REPORTS_PER_QUERY):
            rows = (
                Answer.objects.filter(report_id__in=report_ids[start : start + REPORTS_PER_QUERY])
                .order_by()
                .values_list("question_id", "status")
                .annotate(n=Count("*"))
            )
            for question_id, status, n in rows:
                yield AreaCount(area, chapter_of[question_id], status, n)


@dataclass
class StateAnswers:
    state: StateEntry
    report_status: str
    statuses: list[str]  # one per question of the chapter, in order ("" = not answered yet)
    shares: Shares

    @property
    def report_label(self) -> str:
        return workflow.STATUS_LABELS.get(self.report_status, self.report_status)


@dataclass
class CellDetail:
    cycle: ReportingCycle
    chapter: str
    chapter_title: str
    by: str
    area: Area
    questions: list[QuestionRef]
    states: list[StateAnswers]
    not_counted: list[StateEntry] = field(default_factory=list)  # no counted report in the cycle
    shares: Shares = field(default_factory=lambda: shares_of({}, 0))


def question_refs(cycle: ReportingCycle, chapter: str | None = None) -> list[QuestionRef]:
    rows = Question.objects.filter(cycle=cycle).order_by("position")
    if chapter:
        rows = rows.filter(chapter=chapter)
    return [
        QuestionRef(q.pk, q.path, q.citation, q.chapter, tuple(q.objectives or ()), q.text)
        for q in rows.only("id", "path", "citation", "chapter", "objectives", "text")
    ]


def cell_detail(user: Any, cycle: ReportingCycle, chapter: str, by: str, area: str) -> CellDetail:
    """The States of one cell with the status of each of their answers in the chapter."""
    statuses = counted_statuses(user)
    in_area = [entry for entry in state_entries().values() if entry.area(by) == area]
    reports = dict(
        Report.objects.filter(cycle=cycle, status__in=statuses, state_id__in=[e.alpha3 for e in in_area]).values_list(
            "state_id", "status"
        )
    )
    questions = question_refs(cycle, chapter)
    given: dict[tuple[str, int], str] = {
        (state, question): status
        for state, question, status in Answer.objects.filter(
            report__cycle=cycle,
            report__state_id__in=list(reports),
            report__status__in=statuses,
            question__chapter=chapter,
        ).values_list("report__state_id", "question_id", "status")
    }
    detail = CellDetail(
        cycle,
        chapter,
        chapter_titles(cycle).get(chapter, ""),
        by,
        Area(area, area_label(by, area) or area),
        questions,
        [],
    )
    total: dict[str, int] = {}
    for entry in in_area:
        if entry.alpha3 not in reports:
            detail.not_counted.append(entry)
            continue
        answers = [given.get((entry.alpha3, q.id), "") for q in questions]
        counts: dict[str, int] = {}
        for status in answers:
            counts[status] = counts.get(status, 0) + 1
            total[status] = total.get(status, 0) + 1
        detail.states.append(StateAnswers(entry, reports[entry.alpha3], answers, shares_of(counts, len(questions))))
    detail.shares = shares_of(total, len(detail.states) * len(questions))
    return detail


# -- commitments and objectives ---------------------------------------------------------------


def commitments_for(user: Any, cycle: ReportingCycle) -> tuple[int, list[ChapterShares]]:
    """(number of counted reports, each chapter with its objectives and commitments)."""
    statuses = counted_statuses(user)
    reports = len(counted_report_states(cycle, statuses))
    counts: dict[int, dict[str, int]] = {}
    rows = (
        Answer.objects.filter(report__cycle=cycle, report__status__in=statuses)
        .order_by()
        .values_list("question_id", "status")
        .annotate(n=Count("id"))
    )
    for question, status, n in rows:
        counts.setdefault(question, {})[status] = n
    objectives = {
        (chapter, number): text
        for chapter, number, text in Objective.objects.filter(chapter__version_id=cycle.plan_version_id).values_list(
            "chapter__number", "number", "text"
        )
    }
    chapters = build_commitments(
        question_refs(cycle), counts, reports=reports, chapter_titles=chapter_titles(cycle), objective_texts=objectives
    )
    return reports, chapters


# -- reporting status -------------------------------------------------------------------------

NOT_SUBMITTED, RECEIVED = "not_submitted", "received"
PUBLIC_STAGES: dict[str, str] = {
    NOT_SUBMITTED: gettext_lazy("Not submitted"),
    RECEIVED: gettext_lazy("Received"),
    workflow.PUBLISHED: workflow.STATUS_LABELS[workflow.PUBLISHED],
}


def public_stage(status: str | None) -> str:
    if status is None or status == workflow.DRAFT:
        return NOT_SUBMITTED
    return workflow.PUBLISHED if status == workflow.PUBLISHED else RECEIVED


@dataclass
class StatusLine:
    state: StateEntry
    status: str  # the report's status when the user may view it, else its public stage
    label: str
    first_submitted: date | None
    late: bool
    report_url: str = ""

    @property
    def submitted(self) -> bool:
        return self.status not in (NOT_SUBMITTED, workflow.DRAFT)


@dataclass
class StatusGroup:
    area: Area
    lines: list[StatusLine]

    @property
    def submitted(self) -> int:
        return sum(1 for line in self.lines if line.submitted)

    @property
    def late(self) -> int:
        return sum(1 for line in self.lines if line.late)


def status_line(user: Any, entry: StateEntry, report: Report | None, cycle: ReportingCycle, today: date) -> StatusLine:
    shown = report if report is not None else Report(cycle=cycle, state_id=entry.alpha3, status=workflow.DRAFT)
    if report is not None and can(user, "report.view", report):
        status, label = report.status, workflow.STATUS_LABELS[report.status]
        url = report.get_absolute_url()
    else:
        status = public_stage(report.status if report else None)
        label, url = PUBLIC_STAGES[status], ""
    submitted = report.first_submitted_at if report is not None and status != NOT_SUBMITTED else None
    first = submitted.date() if submitted else None
    return StatusLine(entry, status, label, first, shown.is_late(today), url)


def reporting_status(user: Any, cycle: ReportingCycle, by: str, today: date) -> list[StatusGroup]:
    """Every State, grouped by area, with its report's status (as the user may see it)."""
    reports = {r.state_id: r for r in Report.objects.filter(cycle=cycle).select_related("cycle")}
    groups = {area.key: StatusGroup(area, []) for area in areas_for(by)}
    for entry in state_entries().values():
        groups[entry.area(by)].lines.append(status_line(user, entry, reports.get(entry.alpha3), cycle, today))
    return [group for group in groups.values() if group.lines]
