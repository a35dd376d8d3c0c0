"""Turning reporting rows into the API's shapes (see schemas)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from viennaplan.accounts.names import display_name

from .answers import answer_fields
from .models import (
    Answer,
    Contribution,
    InternationalActionProgress,
    Question,
    Report,
    ReportEvent,
    ReportingCycle,
    ReviewComment,
)
from .schemas import API_ROOT


def user_name(user: Any) -> str | None:
    return display_name(user) if user is not None else None


def cycle_ref(cycle: ReportingCycle) -> dict[str, Any]:
    """What identifies a cycle in any answer (no query)."""
    return {
        "id": cycle.pk,
        "name": cycle.name,
        "opens": cycle.opens,
        "closes": cycle.closes,
        "chapters": list(cycle.chapters),
        "plan_version": cycle.plan_version_id,
        "is_demo": cycle.is_demo,
        "url": cycle.get_absolute_url(),
        "api_url": f"{API_ROOT}/cycles/{cycle.pk}",
    }


def cycle_out(cycle: ReportingCycle, question_count: int | None = None) -> dict[str, Any]:
    """The cycle with how many questions it asks (counted here unless given)."""
    count = question_count if question_count is not None else cycle.questions.count()
    return {**cycle_ref(cycle), "question_count": count}


def question_out(question: Question) -> dict[str, Any]:
    return {
        "id": question.pk,
        "position": question.position,
        "path": question.path,
        "citation": question.citation,
        "chapter": question.chapter,
        "objectives": list(question.objectives),
        "text": question.text,
        "plan_url": f"/plan/{question.path}",
    }


def answer_out(answer: Answer) -> dict[str, Any]:
    earlier = answer.carried_over_from
    return _answer_shape(
        answer.pk,
        question_out(answer.question),
        answer_fields(answer),
        answer.version,
        user_name(answer.updated_by),
        answer.updated_at,
        earlier.report.cycle.name if earlier is not None else None,
    )


MEASURE_KEYS = ("kind", "title", "url", "date")  # MeasureOut: stored entries may lack url and date


def _answer_shape(
    pk: int,
    question: dict[str, Any],
    fields: dict[str, Any],
    version: int,
    updated_by: str | None,
    updated_at: Any,
    carried_over_from_cycle: str | None,
) -> dict[str, Any]:
    """An answer as `AnswerOut` gives it (its measures with every key, as the schema fills them in)."""
    return {
        "id": pk,
        "question": question,
        **fields,
        "measures": [{key: measure.get(key, "") for key in MEASURE_KEYS} for measure in fields["measures"]],
        "version": version,
        "updated_by": updated_by,
        "updated_at": updated_at,
        "carried_over_from_cycle": carried_over_from_cycle,
    }


QUESTION_COLUMNS = ("id", "position", "path", "citation", "chapter", "objectives", "text")


def answers_out(report: Report) -> list[dict[str, Any]]:
    """Every answer of a report as `answer_out` gives it, read as plain rows (a report's 106 answers built
    640 model objects at ten times UN scale): sent as built by the API (`api_shapes.as_is`), and a test
    holds it to what django-ninja made of `answer_out` through `AnswerOut`."""
    from django.contrib.auth import get_user_model

    from .answer_data import ANSWER_FIELDS

    questions = tuple(f"question__{column}" for column in QUESTION_COLUMNS)
    columns = (
        "id",
        *questions,
        *ANSWER_FIELDS,
        "version",
        "updated_by_id",
        "updated_at",
        "carried_over_from__report__cycle__name",
    )
    rows = [
        dict(zip(columns, values, strict=True))
        for values in report.answers.order_by("question__position").values_list(*columns)
    ]
    people = get_user_model().objects.filter(pk__in={row["updated_by_id"] for row in rows})
    names = {user.pk: user_name(user) for user in people}
    return [
        _answer_shape(
            row["id"],
            question_out(
                SimpleNamespace(pk=row["question__id"], **{c: row[f"question__{c}"] for c in QUESTION_COLUMNS})
            ),
            {field: row[field] for field in ANSWER_FIELDS},
            row["version"],
            names.get(row["updated_by_id"]),
            row["updated_at"],
            row["carried_over_from__report__cycle__name"],
        )
        for row in rows
    ]


def report_url(report: Report) -> str:
    return f"{API_ROOT}/reports/{report.cycle_id}/{report.state_id}"


def report_out(report: Report, may_edit: bool, transitions: list[str]) -> dict[str, Any]:
    started = report.pk is not None
    base = report_url(report)
    return {
        "cycle": report.cycle_id,
        "cycle_name": report.cycle.name,
        "state": report.state_id,
        "name": report.state.name_en,
        "status": report.status if started else "not_started",
        "started": started,
        "submitted_at": report.submitted_at,
        "validated_at": report.validated_at,
        "published_at": report.published_at,
        "late": report.is_late(timezone.localdate()) if started else False,
        "may_edit": may_edit,
        "transitions": transitions,
        "is_demo": report.cycle.is_demo,
        "url": report.get_absolute_url(),
        "answers_url": f"{base}/answers",
        "events_url": f"{base}/events",
    }


def event_out(event: ReportEvent) -> dict[str, Any]:
    return {
        "id": event.pk,
        "transition": event.transition,
        "from_status": event.from_status,
        "to_status": event.to_status,
        "user": user_name(event.user),
        "at": event.at,
        "comment": event.comment,
    }


def comment_out(comment: ReviewComment) -> dict[str, Any]:
    return {
        "id": comment.pk,
        "question": comment.question.path if comment.question else None,
        "author": user_name(comment.author),
        "text": comment.text,
        "at": comment.at,
    }


def progress_out(record: InternationalActionProgress) -> dict[str, Any]:
    return {
        "id": record.pk,
        "path": record.provision.path,
        "citation": record.provision.citation,
        "entity": record.entity,
        "status": record.status,
        "resources": record.resources,
        "outputs": record.outputs,
        "narrative": record.narrative,
        "version": record.version,
        "updated_by": user_name(record.updated_by),
        "updated_at": record.updated_at,
    }


def contribution_out(contribution: Contribution, viewer: Any, moderator: bool) -> dict[str, Any]:
    """Who wrote it and the Secretariat's note only for its author and the Secretariat (`moderator`)."""
    report = contribution.report
    own = contribution.author_id is not None and contribution.author_id == getattr(viewer, "pk", None)
    private = moderator or own
    return {
        "id": contribution.pk,
        "cycle": report.cycle_id,
        "state": report.state_id,
        "report_url": f"{report.get_absolute_url()}#contribution-{contribution.pk}",
        "organisation": contribution.organisation,
        "text": contribution.text,
        "submitted_at": contribution.submitted_at,
        "status": contribution.status,
        "author": user_name(contribution.author) if private else None,
        "moderated_at": contribution.moderated_at if private else None,
        "moderation_note": contribution.moderation_note if private else None,
    }
