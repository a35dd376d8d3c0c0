"""What every reporting page shares: the layout context and the questions grouped by chapter and
objective. (Finding the cycle and the report, 404 alike when missing or not allowed: `access`.)"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from viennaplan.plan.models import Chapter, Objective

from ..models import Answer, Question, Report, ReportingCycle

API = "/api/reporting"
CYCLES = "/reporting/"  # where a page that finds no cycle sends the reader: cycle_or_404(id, listed_at=CYCLES)


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
