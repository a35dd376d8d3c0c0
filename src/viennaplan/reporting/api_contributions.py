"""Comments from civil society through the JSON API, mounted under /api/reporting with the
pages' rules (reporting.contributions):

    GET  /reports/{cycle}/{state}/contributions   the ones you may read (404 like the report)
    POST /reports/{cycle}/{state}/contributions   submit one (contributors, on a published report)
    GET  /contributions?status=pending            the moderation queue (secretariat)
    POST /contributions/{id}/moderation           approve or reject a pending one (secretariat)

Writing needs a session (`auth=django_auth`, which also checks the CSRF token): 401 when not
signed in, 403 when not allowed, 409 when not possible now (the report is not published, the
comment was already moderated), 422 for wrong input. Nothing is saved when refused.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError
from ninja.responses import Status
from ninja.security import django_auth

from viennaplan.accounts.permissions import api_requires, can
from viennaplan.api_shapes import INVALID, ErrorOut

from .access import cycle_or_404, report_or_404
from .api import READ, WRITE, refused
from .api_out import contribution_out
from .contributions import (
    ContributionNotNow,
    InvalidContribution,
    moderate_contribution,
    moderation_queue,
    submit_contribution,
    visible_contributions,
)
from .models import Contribution
from .schemas import ContributionIn, ContributionOut, ModerationIn

router = Router()
SECRETARIAT_ONLY = {401: ErrorOut, 403: ErrorOut}
STATUSES = [value for value, _label in Contribution.STATUS_CHOICES]


@router.get(
    "/reports/{cycle_id}/{state}/contributions",
    response={200: list[ContributionOut], **READ},
    operation_id="reporting_list_report_contributions",
    summary="Comments from civil society on a report: approved ones, and your own",
)
def list_report_contributions(request: HttpRequest, cycle_id: int, state: str):
    report = report_or_404(request.user, cycle_or_404(cycle_id), state)
    moderator = can(request.user, "contribution.moderate")
    return [contribution_out(c, request.user, moderator) for c in visible_contributions(request.user, report)]


@router.post(
    "/reports/{cycle_id}/{state}/contributions",
    auth=django_auth,
    response={201: ContributionOut, **WRITE, 409: ErrorOut},
    operation_id="reporting_submit_contribution",
    summary="Comment on a published report (civil-society contributors); it shows once reviewed",
)
def submit(request: HttpRequest, cycle_id: int, state: str, payload: ContributionIn):
    report = report_or_404(request.user, cycle_or_404(cycle_id), state)
    try:
        contribution = submit_contribution(request.user, report, payload.text)
    except (PermissionDenied, ContributionNotNow, InvalidContribution) as error:
        return refused(error, _("The comment was not sent."))
    return Status(201, contribution_out(contribution, request.user, can(request.user, "contribution.moderate")))


@router.get(
    "/contributions",
    response={200: list[ContributionOut], 400: ErrorOut, **SECRETARIAT_ONLY, **INVALID},
    operation_id="reporting_list_contributions",
    summary="Comments from civil society to moderate, pending first (?status=pending|approved|rejected)",
)
@api_requires("contribution.moderate")
def list_contributions(request: HttpRequest, status: str | None = None):
    if status is not None and status not in STATUSES:
        raise HttpError(400, f"status={status!r} is not a status of a comment; the statuses are {', '.join(STATUSES)}.")
    return [contribution_out(c, request.user, True) for c in moderation_queue(request.user, status)]


@router.post(
    "/contributions/{contribution_id}/moderation",
    auth=django_auth,
    response={200: ContributionOut, **WRITE, 409: ErrorOut},
    operation_id="reporting_moderate_contribution",
    summary="Approve (it shows on the report) or reject a comment waiting for review (secretariat)",
)
@api_requires("contribution.moderate")
def moderate(request: HttpRequest, contribution_id: int, payload: ModerationIn):
    contribution = Contribution.objects.select_related("report").filter(pk=contribution_id).first()
    if contribution is None:
        raise HttpError(404, _("There is no contribution %(id)s.") % {"id": contribution_id})
    try:
        moderated = moderate_contribution(request.user, contribution, payload.decision, payload.note)
    except (PermissionDenied, ContributionNotNow, InvalidContribution) as error:
        return refused(error, _("The comment was not moderated."))
    return Status(200, contribution_out(moderated, request.user, True))
