"""How far a report is: answered / total questions per chapter, the first unanswered question,
and whether its focal points are due a reminder. The one definition of "answered" (a status of
the fixed scale is chosen) for the questionnaire's contents, "next unanswered", the submit step,
the focal point's home and the Secretariat's cycle board; and the rule of a cycle that requires
all answers (`require_all_answered`: a submission refused with the unanswered citations per chapter).

The rules are plain Python over (chapter, position, question id, status) rows;
`completion_of(report)` and `completions_of(reports)` read those rows from the database;
`answered_totals(report_ids)` only the two numbers per report, for long lists (the review queue).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .questionnaire import ROMAN
from .workflow import DRAFT, RETURNED, TransitionError

REMINDER_WINDOW = timedelta(days=7)  # "a week before its deadline"


@dataclass(frozen=True)
class Row:
    chapter: str
    position: int
    question_id: int
    status: str  # "" when not answered yet


@dataclass
class ChapterCount:
    chapter: str
    answered: int = 0
    total: int = 0
    unanswered: list[int] = field(default_factory=list)  # question ids, in questionnaire order

    @property
    def complete(self) -> bool:
        return self.answered == self.total


@dataclass
class Completion:
    chapters: list[ChapterCount]

    @property
    def answered(self) -> int:
        return sum(c.answered for c in self.chapters)

    @property
    def total(self) -> int:
        return sum(c.total for c in self.chapters)

    @property
    def complete(self) -> bool:
        return self.answered == self.total

    @property
    def unanswered_count(self) -> int:
        return self.total - self.answered

    @property
    def first_unanswered(self) -> int | None:
        """The question id of the first unanswered question in questionnaire order (None: all answered)."""
        for chapter in self.chapters:
            if chapter.unanswered:
                return chapter.unanswered[0]
        return None

    def next_unanswered(self, after_position: int | None, positions: dict[int, int]) -> int | None:
        """The first unanswered question after `after_position` (wrapping to the start)."""
        ids = [q for c in self.chapters for q in c.unanswered]
        if after_position is not None:
            for question_id in ids:
                if positions[question_id] > after_position:
                    return question_id
        return ids[0] if ids else None

    def chapter(self, number: str) -> ChapterCount | None:
        return next((c for c in self.chapters if c.chapter == number), None)


def is_answered(status: str) -> bool:
    return bool(status)


def chapter_order(number: str) -> int:
    return ROMAN.index(number) if number in ROMAN else len(ROMAN)


def count(rows: Iterable[Row]) -> Completion:
    """Answered / total per chapter, chapters in plan order and questions in questionnaire order."""
    chapters: dict[str, ChapterCount] = {}
    for row in sorted(rows, key=lambda r: (chapter_order(r.chapter), r.position)):
        tally = chapters.setdefault(row.chapter, ChapterCount(row.chapter))
        tally.total += 1
        if is_answered(row.status):
            tally.answered += 1
        else:
            tally.unanswered.append(row.question_id)
    return Completion(list(chapters.values()))


def due_reminder(status: str | None, closes: date, today: date, window: timedelta = REMINDER_WINDOW) -> bool:
    """Whether a State's focal points should be reminded: its report is not started (None), in
    draft or returned, and the deadline is at most `window` away or has passed."""
    in_their_hands = status is None or status in (DRAFT, RETURNED)
    return in_their_hands and today >= closes - window


class IncompleteReport(TransitionError):
    """A submission refused because the cycle requires every question answered.
    `unanswered`: chapter -> the citations of its unanswered questions, in questionnaire order."""

    def __init__(self, unanswered: dict[str, list[str]]) -> None:
        self.unanswered = unanswered
        total = sum(len(citations) for citations in unanswered.values())
        listing = "; ".join(
            _("chapter %(chapter)s: %(citations)s") % {"chapter": chapter, "citations": ", ".join(cited)}
            for chapter, cited in unanswered.items()
        )
        super().__init__(
            ngettext(
                "This cycle requires every question to be answered before the report is submitted; "
                "%(total)s question is unanswered (%(listing)s). Answer it, then submit.",
                "This cycle requires every question to be answered before the report is submitted; "
                "%(total)s questions are unanswered (%(listing)s). Answer them, then submit.",
                total,
            )
            % {"total": total, "listing": listing}
        )


def unanswered_citations(completion: Completion, citations: Mapping[int, str]) -> dict[str, list[str]]:
    """Chapter -> the citations of its unanswered questions (chapters with none left out)."""
    return {c.chapter: [citations[q] for q in c.unanswered] for c in completion.chapters if c.unanswered}


def require_all_answered(completion: Completion, citations: Mapping[int, str]) -> None:
    """The rule of a cycle that requires all answers, before a report is submitted or resubmitted:
    IncompleteReport (listing what is unanswered per chapter) while any question is unanswered."""
    if not completion.complete:
        raise IncompleteReport(unanswered_citations(completion, citations))


def citations_of(completion: Completion) -> dict[int, str]:
    """Question id -> citation of the unanswered questions of `completion` (one query; none when complete)."""
    from .models import Question

    ids = [q for c in completion.chapters for q in c.unanswered]
    return dict(Question.objects.filter(pk__in=ids).values_list("pk", "citation")) if ids else {}


def check_cycle_rule(report: Any) -> None:
    """A stored report against its cycle's rule (nothing is read unless the cycle requires all answers)."""
    if report.cycle.require_all_answers:
        completion = completion_of(report)
        require_all_answered(completion, citations_of(completion))


def completion_of(report: Any) -> Completion:
    """The completion of a stored report (an unsaved one: its cycle's questions, none answered)."""
    from .models import Answer, Question

    if report.pk is None:
        questions = Question.objects.filter(cycle_id=report.cycle_id).values_list("chapter", "position", "pk")
        return count(Row(chapter, position, pk, "") for chapter, position, pk in questions)
    rows = Answer.objects.filter(report=report).values_list(
        "question__chapter", "question__position", "question_id", "status"
    )
    return count(Row(*row) for row in rows)


def completions_of(reports: Sequence[Any]) -> dict[int, Completion]:
    """Report id -> Completion for stored reports, in one query."""
    from .models import Answer

    rows: dict[int, list[Row]] = {r.pk: [] for r in reports}
    query = Answer.objects.filter(report__in=list(rows)).values_list(
        "report_id", "question__chapter", "question__position", "question_id", "status"
    )
    for report_id, *rest in query:
        rows[report_id].append(Row(*rest))
    return {report_id: count(found) for report_id, found in rows.items()}


def answered_totals(report_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Report id -> (answered, total) from one grouped query (answers counted by report and status),
    each status judged by `completion.is_answered`: the counts of `completions_of` without reading
    every answer (a queue of 300 reports holds 30,000 of them)."""
    from django.db.models import Count

    from .models import Answer

    tally = {pk: [0, 0] for pk in report_ids}
    rows = (
        Answer.objects.filter(report_id__in=report_ids)
        .order_by()
        .values_list("report_id", "status")
        .annotate(n=Count("pk"))
    )
    for report_id, status, n in rows:
        tally[report_id][1] += n
        if is_answered(status):
            tally[report_id][0] += n
    return {pk: (answered, total) for pk, (answered, total) in tally.items()}
