"""Any two versions of a report, compared answer by answer, from the answers' history.

A version is a moment: a datetime, or a `ReportEvent` (the report as it stood when the event
was recorded, e.g. as submitted), or None for "now".

    report_diff(report, submitted_event, resubmitted_event)
    -> [AnswerDiff(path="57/k", citation="57(k)", changes=[FieldChange("status", "in_progress",
        "implemented")], changed_by=["Ana"])]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Max
from django.utils import timezone

from viennaplan.accounts.names import display_name

from .answer_data import ANSWER_FIELDS
from .models import Answer, Report, ReportEvent

Moment = datetime | ReportEvent | None


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any  # None: the answer did not exist yet
    after: Any


@dataclass
class AnswerDiff:
    path: str
    citation: str
    position: int
    version_before: int | None
    version_after: int | None
    changes: list[FieldChange] = field(default_factory=list)
    changed_by: list[str] = field(default_factory=list)  # who saved it in between, in order


def moment(at: Moment) -> datetime:
    if at is None:
        return timezone.now()
    if isinstance(at, ReportEvent):
        return at.at
    return at


def created_moment(report: Report) -> datetime:
    """When the report's answers were first created (its first version)."""
    history = Answer.history.model.objects.filter(report_id=report.pk, history_type="+")  # type: ignore[attr-defined]
    first = history.aggregate(last=Max("history_date"))["last"]
    return first or report.created_at


def report_diff(report: Report, at_a: Moment, at_b: Moment) -> list[AnswerDiff]:
    """The answers that differ between moment `at_a` and moment `at_b`, with each changed field."""
    start, end = moment(at_a), moment(at_b)
    if end < start:
        start, end = end, start
    records = (
        Answer.history.model.objects.filter(report_id=report.pk, history_date__lte=end)  # type: ignore[attr-defined]
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    by_answer: dict[int, list[Any]] = defaultdict(list)
    for record in records:
        by_answer[record.id].append(record)
    questions = {a.pk: a.question for a in Answer.objects.filter(report=report).select_related("question").order_by()}
    diffs = []
    for answer_id, history in by_answer.items():
        before = _as_of(history, start)
        after = _as_of(history, end)
        changes = [
            FieldChange(name, _value(before, name), _value(after, name))
            for name in ANSWER_FIELDS
            if _value(before, name) != _value(after, name)
        ]
        if not changes:
            continue
        question = questions.get(answer_id)
        between = [r for r in history if start < r.history_date <= end]
        diffs.append(
            AnswerDiff(
                path=question.path if question else "?",
                citation=question.citation if question else "?",
                position=question.position if question else 0,
                version_before=before.version if before is not None else None,
                version_after=after.version if after is not None else None,
                changes=changes,
                changed_by=list(dict.fromkeys(display_name(r.history_user) for r in between if r.history_user)),
            )
        )
    return sorted(diffs, key=lambda d: d.position)


def _as_of(history: list[Any], at: datetime) -> Any:
    state = None
    for record in history:
        if record.history_date > at:
            break
        state = None if record.history_type == "-" else record
    return state


def _value(record: Any, name: str) -> Any:
    return None if record is None else getattr(record, name)
