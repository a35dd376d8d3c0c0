"""What every reporting page shares: finding the cycle and the report (404 alike when missing or
not allowed), the layout context, and the questions grouped by chapter and objective."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from viennaplan.plan.models import Chapter, Objective

from ..access import find_cycle, not_found_message, visible_report
from ..models import Answer, Question, Report, ReportingCycle

API = "/api/reporting"


def cycle_or_404(cycle_id: int) -> ReportingCycle:
    cycle = find_cycle(cycle_id)
    if cycle is None:
        raise Http404(f"There is no reporting cycle {cycle_id}; the cycles are listed at /reporting/.")
    return cycle


def report_or_404(request: HttpRequest, cycle: ReportingCycle, alpha3: str, *, start: bool = False) -> Report:
    report = visible_report(request.user, cycle, alpha3, start=start)
    if report is None:
        raise Http404(not_found_message(alpha3))
    return report


def page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("nav", "reporting")
    return render(request, template, context, status=status)


@dataclass
class ObjectiveGroup:
    number: tuple[int, ...]
    texts: list[str]
    items: list[Any] = field(default_factory=list)


@dataclass
class ChapterGroup:
    number: str
    title: str
    objectives: list[ObjectiveGroup] = field(default_factory=list)


def grouped(cycle: ReportingCycle, rows: list[tuple[Question, Any]]) -> list[ChapterGroup]:
    """(question, anything) rows grouped by chapter, then by the objectives they serve."""
    chapters = {c.number: c for c in Chapter.objects.filter(version=cycle.plan_version_id)}
    objective_texts = {
        (o.chapter.number, o.number): o.text
        for o in Objective.objects.filter(chapter__version=cycle.plan_version_id).select_related("chapter")
    }
    groups: list[ChapterGroup] = []
    for question, item in rows:
        if not groups or groups[-1].number != question.chapter:
            chapter = chapters.get(question.chapter)
            groups.append(ChapterGroup(question.chapter, chapter.title if chapter else ""))
        chapter_group = groups[-1]
        key = tuple(question.objectives)
        if not chapter_group.objectives or chapter_group.objectives[-1].number != key:
            texts = [objective_texts.get((question.chapter, n), "") for n in key]
            chapter_group.objectives.append(ObjectiveGroup(key, [t for t in texts if t]))
        chapter_group.objectives[-1].items.append(item)
    return groups


def answers_of(report: Report) -> list[Answer]:
    if report.pk is None:
        return []
    return list(
        report.answers.select_related("question", "updated_by", "carried_over_from__report__cycle").order_by(
            "question__position"
        )
    )
