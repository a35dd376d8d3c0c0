"""The one place that changes the status of a request for technical assistance.

    apply_transition(secretariat, request, "assess")
    apply_transition(secretariat, request, "decline", comment="Covered by the regional programme.")

It checks the move against the workflow (`TransitionError`), then the permission of the user
(`PermissionDenied`, accounts.permissions); it moves the request only if nobody moved it meanwhile
(else TransitionError), keeps the change in history (with the user and the transition as reason),
and records a `RequestEvent` (who, when, from, to, comment). A decline keeps its reason on the
request (`decline_reason`).

Projects move their requests through here too (`projects.record_output`, `projects.complete`).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from viennaplan.accounts.permissions import can, require

from . import workflow
from .models import AssistanceRequest, RequestEvent


def apply_transition(user: Any, request: AssistanceRequest, name: str, comment: str = "") -> RequestEvent:
    """Move `request` by transition `name`; returns the recorded event.

    Raises TransitionError (unknown or illegal move, a decline without a reason, moved meanwhile)
    or PermissionDenied (the user may not make this move on this request).
    """
    move = workflow.get(name)
    source = request.status
    target = workflow.transition(source, name, comment)
    require(user, move.permission, request)
    now = timezone.now()
    with transaction.atomic():
        if not AssistanceRequest.objects.filter(pk=request.pk, status=source).update(status=target):
            request.refresh_from_db()
            raise workflow.TransitionError(
                _("The request was moved to %(status)s by someone else meanwhile; reload the page.")
                % {"status": workflow.label(request.status).lower()}
            )
        request.status = target
        if name == "decline":
            request.decline_reason = comment.strip()
        request._history_user = user  # type: ignore[attr-defined]
        request._change_reason = name  # type: ignore[attr-defined]
        request.save()
        return RequestEvent.objects.create(
            request=request,
            transition=name,
            from_status=source,
            to_status=target,
            user=user,
            at=now,
            comment=comment.strip(),
        )


def possible_moves(user: Any, request: AssistanceRequest) -> list[workflow.Transition]:
    """The transitions `user` may make on `request` now (the buttons of its page)."""
    return [t for t in workflow.available_from(request.status) if can(user, t.permission, request)]
