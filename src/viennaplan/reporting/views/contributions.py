"""Comments from civil society: what the page of a published report shows of them (`section`),
and /reporting/contributions/, where the Secretariat approves or rejects them (each decision
POSTs to contributions/<id>/moderation). A contributor's form posts to the report itself
(views.reports.contribute)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from viennaplan.accounts.permissions import can, require

from .. import workflow
from ..contributions import (
    MAX_NOTE_LENGTH,
    ContributionNotNow,
    InvalidContribution,
    moderate_contribution,
    moderation_queue,
    visible_contributions,
)
from ..models import Contribution, Report
from .common import API, page

THANKS = gettext_lazy("Thank you: your comment will show once the Secretariat has reviewed it.")


def section(user: Any, report: Report) -> dict[str, Any]:
    """The context of the "Comments from civil society" section of a report's page."""
    published = report.pk is not None and report.status == workflow.PUBLISHED
    return {
        "show_contributions": published,
        "contributions": list(visible_contributions(user, report)) if published else [],
        "may_contribute": published and can(user, "contribution.submit", report),
        "may_moderate": can(user, "contribution.moderate"),
        "contribution_max_length": Contribution.MAX_LENGTH,
        "contribution_limit": f"{Contribution.MAX_LENGTH:,}",
    }


def render_queue(request: HttpRequest, problem: str = "", status: int = 200) -> HttpResponse:
    queue = moderation_queue(request.user)  # PermissionDenied (403) unless the Secretariat
    return page(
        request,
        "reporting/contributions.html",
        {
            "pending": [c for c in queue if c.status == Contribution.PENDING],
            "moderated": [c for c in queue if c.status != Contribution.PENDING],
            "problem": problem,
            "note_max_length": MAX_NOTE_LENGTH,
            "json_url": f"{API}/contributions?status=pending",
        },
        status=status,
    )


@require_GET
def moderation(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return render_queue(request)


@require_POST
def moderate(request: HttpRequest, contribution_id: int) -> HttpResponse:
    require(request.user, "contribution.moderate")
    contribution = Contribution.objects.select_related("report__cycle").filter(pk=contribution_id).first()
    if contribution is None:
        raise Http404(_("There is no contribution %(id)s.") % {"id": contribution_id})
    decision = request.POST.get("decision", "")
    try:
        moderate_contribution(request.user, contribution, decision, request.POST.get("note", ""))
    except ContributionNotNow as error:
        return render_queue(request, str(error), status=409)
    except InvalidContribution as error:
        return render_queue(request, str(error), status=400)
    report = contribution.report
    if contribution.status == Contribution.APPROVED:
        done = _("The comment on the report of %(state)s in %(cycle)s is approved: it now shows on the report.")
    else:
        done = _("The comment on the report of %(state)s in %(cycle)s is rejected: it will not show.")
    messages.success(request, done % {"state": report.state_id, "cycle": report.cycle})
    return redirect("reporting:contributions")
