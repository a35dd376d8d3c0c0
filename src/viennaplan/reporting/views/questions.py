"""The questionnaire as the report's pages show it: one block per question (its clause, its
answer and what the form shows), and the contents (each chapter with answered / total, from
`reporting.completion`, the one definition of "answered")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from viennaplan.plan.models import Chapter, Provision

from ..answers import EditConflict, answer_fields
from ..completion import Completion, completion_of
from ..models import Answer, Question, Report, ReportingCycle
from ..questionnaire import ROMAN, Clause, clause_of

BLANK_MEASURE = {"kind": "", "title": "", "url": "", "date": ""}


@dataclass
class AnswerBlock:
    """One question of the page with its answer, and what its form shows."""

    question: Question
    answer: Answer | None
    values: dict[str, Any]
    measure_rows: list[dict[str, str]]
    clause: Clause
    errors: list[str] = field(default_factory=list)
    conflict: EditConflict | None = None
    comments: list[Any] = field(default_factory=list)
    saved: bool = False  # just saved in place: the confirmation shows beside the answer

    @property
    def form_version(self) -> int:
        """The version the form saves over: after a conflict, the saved one (a deliberate overwrite)."""
        if self.conflict is not None:
            return self.conflict.current.version
        return self.answer.version if self.answer else 0


@dataclass
class Problem:
    """What went wrong with the last POST, to show on the page."""

    answer_id: int | None = None
    values: dict[str, Any] | None = None
    errors: list[str] = field(default_factory=list)
    conflict: EditConflict | None = None
    message: str = ""


@dataclass(frozen=True)
class ContentsEntry:
    number: str
    title: str
    answered: int
    total: int
    url: str
    current: bool


def section_url(report: Report, chapter: str) -> str:
    return reverse("reporting:section", args=(report.cycle_id, report.state_id, chapter))


def chapter_or_404(cycle: ReportingCycle, number: str) -> str:
    """The chapter's Roman numeral if the cycle asks about it; Http404 saying which it asks about."""
    wanted = number.strip().upper()
    if wanted not in cycle.chapters or wanted not in ROMAN:
        asked = ", ".join(c for c in ROMAN if c in cycle.chapters)
        raise Http404(
            _("This cycle has no chapter %(chapter)s in its questionnaire; it asks about chapters %(asked)s.")
            % {"chapter": repr(number), "asked": asked}
        )
    return wanted


def lead_ins(cycle: ReportingCycle, questions: list[Question]) -> dict[str, str]:
    """Paragraph path -> the paragraph's own text (the lead-in of its items), from the cycle's plan."""
    paragraphs = {q.path.split("/", 1)[0] for q in questions if "/" in q.path}
    if not paragraphs:
        return {}
    rows = Provision.objects.filter(version=cycle.plan_version_id, path__in=paragraphs).values_list("path", "text")
    return dict(rows)


def clause_for(question: Question, texts: dict[str, str]) -> Clause:
    return clause_of(question.text, question.path, texts.get(question.path.split("/", 1)[0]))


def block_for(
    question: Question, answer: Answer | None, texts: dict[str, str], problem: Problem | None = None
) -> AnswerBlock:
    values = answer_fields(answer) if answer else {}
    block = AnswerBlock(
        question, answer, values, [*values.get("measures", []), dict(BLANK_MEASURE)], clause_for(question, texts)
    )
    if problem and answer and problem.answer_id == answer.pk and problem.values is not None:
        block.values = problem.values
        block.measure_rows = [*problem.values.get("measures", []), dict(BLANK_MEASURE)]
        block.errors = problem.errors
        block.conflict = problem.conflict
    return block


def blocks_for(
    report: Report, cycle: ReportingCycle, problem: Problem | None, chapter: str | None = None
) -> list[AnswerBlock]:
    """The blocks of every question (of `chapter` only, when given), in questionnaire order."""
    comments: dict[int | None, list[Any]] = {}
    if report.pk is not None:
        for comment in report.comments.filter(question__isnull=False).select_related("author"):
            comments.setdefault(comment.question_id, []).append(comment)
    pairs: list[tuple[Question, Answer | None]]
    if report.pk is not None:
        answers = report.answers.select_related("question", "updated_by", "carried_over_from__report__cycle")
        if chapter:
            answers = answers.filter(question__chapter=chapter)
        pairs = [(a.question, a) for a in answers.order_by("question__position")]
    else:
        questions = cycle.questions.filter(chapter=chapter) if chapter else cycle.questions.all()
        pairs = [(q, None) for q in questions.order_by("position")]
    texts = lead_ins(cycle, [q for q, _ in pairs])
    blocks = []
    for question, answer in pairs:
        block = block_for(question, answer, texts, problem)
        block.comments = comments.get(question.pk, [])
        blocks.append(block)
    return blocks


def contents(report: Report, current: str | None = None, done: Completion | None = None) -> list[ContentsEntry]:
    """Each chapter of the report's questionnaire with answered / total, `current` marked."""
    done = done or completion_of(report)
    titles = dict(Chapter.objects.filter(version=report.cycle.plan_version_id).values_list("number", "title"))
    return [
        ContentsEntry(
            c.chapter,
            titles.get(c.chapter, ""),
            c.answered,
            c.total,
            section_url(report, c.chapter),
            c.chapter == current,
        )
        for c in done.chapters
    ]


def contents_context(report: Report, current: str | None = None) -> dict[str, Any]:
    done = completion_of(report)
    return {"contents": contents(report, current, done), "completion": done}
