"""The one place that changes a national firearms report's status.

    apply_transition(focal_point, report, "submit")
    apply_transition(reviewer, report, "return", comment="Give the number of firearms destroyed.")

The moves, their order and which role makes which are those of the national reports: the workflow
(`reporting.workflow`: `TransitionError` for a move that does not start from the report's status, or
a return without a comment) and the permission table (`accounts.permissions`, the `report.*` action
of the move: `PermissionDenied`). The report moves only if nobody moved it meanwhile, and the move is
recorded as a `FirearmsReportEvent` (who, when, from, to, comment) and in the report's history.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from viennaplan.accounts.permissions import require
from viennaplan.reporting import workflow

from .models import FirearmsReport, FirearmsReportEvent

TIMESTAMPS = {
    "submit": "submitted_at",
    "resubmit": "submitted_at",
    "validate": "validated_at",
    "publish": "published_at",
}


def apply_transition(user: Any, report: FirearmsReport, name: str, comment: str = "") -> FirearmsReportEvent:
    """Move `report` by transition `name`; returns the recorded event.

    Raises workflow.TransitionError (unknown or illegal move, missing comment, moved meanwhile) or
    PermissionDenied (the user may not make this move on this report)."""
    move = workflow.get(name)
    source = report.status
    target = workflow.transition(source, name, comment)
    require(user, move.permission, report)
    now = timezone.now()
    with transaction.atomic():
        if not FirearmsReport.objects.filter(pk=report.pk, status=source).update(status=target):
            report.refresh_from_db()
            raise workflow.TransitionError(
                _("The report was moved to %(status)s by someone else meanwhile; reload the page.")
                % {"status": str(workflow.STATUS_LABELS.get(report.status, report.status)).lower()}
            )
        report.status = target
        if name in TIMESTAMPS:
            setattr(report, TIMESTAMPS[name], now)
        report._history_user = user  # type: ignore[attr-defined]
        report._change_reason = name  # type: ignore[attr-defined]
        report.save()
        return FirearmsReportEvent.objects.create(
            report=report,
            transition=name,
            from_status=source,
            to_status=target,
            user=user if getattr(user, "is_authenticated", False) else None,
            at=now,
            comment=comment.strip(),
        )
