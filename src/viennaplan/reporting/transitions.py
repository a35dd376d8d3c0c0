"""The one place that changes a report's status.

    apply_transition(user, report, "submit")
    apply_transition(reviewer, report, "return", comment="Please describe the law of 2001.")

It checks the move against the workflow (`TransitionError`), then the permission of the user
(`PermissionDenied`), then, for a submission in a cycle that requires all answers, that every
question is answered (`completion.IncompleteReport`, a TransitionError listing them); it moves
the report only if nobody moved it meanwhile, and records a `ReportEvent` (who, when, from, to,
comment). After the commit it sends `report_transitioned`.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from viennaplan.accounts.permissions import require

from . import workflow
from .completion import check_cycle_rule
from .models import Report, ReportEvent
from .signals import report_transitioned

TIMESTAMPS = {
    "submit": "submitted_at",
    "resubmit": "submitted_at",
    "validate": "validated_at",
    "publish": "published_at",
}


def apply_transition(user: Any, report: Report, name: str, comment: str = "") -> ReportEvent:
    """Move `report` by transition `name`; returns the recorded event.

    Raises TransitionError (unknown or illegal move, missing comment, moved meanwhile, questions
    unanswered in a cycle that requires all answers: IncompleteReport) or PermissionDenied (the
    user may not make this move on this report).
    """
    move = workflow.get(name)
    source = report.status
    target = workflow.transition(source, name, comment)
    require(user, move.permission, report)
    if name in workflow.SUBMISSIONS:
        check_cycle_rule(report)
    now = timezone.now()
    with transaction.atomic():
        if not Report.objects.filter(pk=report.pk, status=source).update(status=target):
            report.refresh_from_db()
            raise workflow.TransitionError(
                _("The report was moved to %(status)s by someone else meanwhile; reload the page.")
                % {"status": str(workflow.STATUS_LABELS.get(report.status, report.status)).lower()}
            )
        report.status = target
        if name in TIMESTAMPS:
            setattr(report, TIMESTAMPS[name], now)
        if name == "submit" and report.first_submitted_at is None:
            report.first_submitted_at = now
        report._history_user = user  # type: ignore[attr-defined]
        report._change_reason = name  # type: ignore[attr-defined]
        report.save()
        event = ReportEvent.objects.create(
            report=report,
            transition=name,
            from_status=source,
            to_status=target,
            user=user,
            at=now,
            comment=comment.strip(),
        )
        transaction.on_commit(lambda: report_transitioned.send(sender=ReportEvent, event=event))
    return event
