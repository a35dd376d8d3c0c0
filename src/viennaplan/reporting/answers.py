"""Saving an answer, with optimistic locking, and review comments.

    save_answer(user, answer, {"status": "implemented"}, expected_version=answer.version)

Two people open version 3 of an answer; the first save makes it version 4; the second save
(still expecting 3) is refused with `EditConflict`, which says who saved when and carries the
refused data (`yours`) so the page can show both versions side by side. Nothing is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from viennaplan.accounts.names import display_name
from viennaplan.accounts.permissions import require

from . import citations, workflow
from .answer_data import ANSWER_FIELDS, AnswerDataError, clean_answer
from .models import Answer, Question, Report, ReviewComment


class ReportNotEditable(ValueError):
    """The report is not in the focal point's hands (submitted, validated or published)."""


class EditConflict(Exception):
    """Somebody saved the answer after the version the user started from.

    `current` is the answer as saved now, `yours` the refused data (all answer fields)."""

    def __init__(self, current: Answer, yours: dict[str, Any], expected_version: int):
        self.current = current
        self.yours = yours
        self.expected_version = expected_version
        who = display_name(current.updated_by, nobody=_("someone"))
        when = timezone.localtime(current.updated_at).strftime("%d %B %Y at %H:%M:%S %Z")
        super().__init__(
            _(
                "Your changes to %(citation)s were not saved: %(who)s saved this answer on %(when)s "
                "(version %(version)s) after you opened version %(expected)s. "
                "Both versions are shown; copy what you need and save again."
            )
            % {
                "citation": current.question.citation,
                "who": who,
                "when": when,
                "version": current.version,
                "expected": expected_version,
            }
        )


def answer_fields(answer: Answer) -> dict[str, Any]:
    return {field: getattr(answer, field) for field in ANSWER_FIELDS}


def save_answer(user: Any, answer: Answer, data: Mapping[str, Any], expected_version: int) -> Answer:
    """Save the fields of `data` (fields it leaves out keep their value) as the next version.

    Raises PermissionDenied (no "report.edit"), ReportNotEditable, AnswerDataError (every wrong
    field) or EditConflict (`expected_version` is not the saved version). Nothing is saved then.
    """
    report = answer.report
    require(user, "report.edit", report)
    merged = {**answer_fields(answer), **dict(data)}
    cleaned = clean_answer(merged).as_dict()
    cited = citations.problems(cleaned["measures"], report.state_id)
    if cited:
        raise AnswerDataError(cited)
    with transaction.atomic():
        status = Report.objects.filter(pk=report.pk).values_list("status", flat=True).first()
        if status is None or not workflow.is_editable(status):
            raise ReportNotEditable(
                _("The report is %(status)s: answers can be changed only while it is a draft or returned.")
                % {"status": str(workflow.STATUS_LABELS.get(status, status)).lower()}
            )
        claimed = Answer.objects.filter(pk=answer.pk, version=expected_version).update(version=expected_version + 1)
        if not claimed:
            current = Answer.objects.select_related("question", "updated_by").get(pk=answer.pk)
            raise EditConflict(current, cleaned, expected_version)
        for field, value in cleaned.items():
            setattr(answer, field, value)
        answer.version = expected_version + 1
        answer.updated_by = user
        answer.updated_at = timezone.now()
        answer._history_user = user  # type: ignore[attr-defined]
        answer.save()
    return answer


def add_comment(user: Any, report: Report, text: str, question: Question | None = None) -> ReviewComment:
    """A review comment on the report or one of its questions ("report.comment")."""
    require(user, "report.comment", report)
    text = text.strip()
    if not text:
        raise ValueError(_("The comment is empty; write what the focal point should know."))
    if question is not None and question.cycle_id != report.cycle_id:
        raise ValueError(_("%(citation)s is not a question of this report's cycle.") % {"citation": question.citation})
    return ReviewComment.objects.create(report=report, question=question, author=user, text=text)
