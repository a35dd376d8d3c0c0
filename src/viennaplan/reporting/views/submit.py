"""/reporting/<cycle>/<alpha3>/submit: the submit step (GET shows it, POST submits).

It shows the report's status and, per chapter, how many questions are answered and which are
not (each linked to its question), a comment box, and, when anything is unanswered, a
confirmation to tick: "I submit the report with N questions unanswered". The same page submits
a draft ("submit") and resubmits a returned report ("resubmit"). A POST without the confirmation
(or confirming a number that is no longer true) answers 400 with the page again and changes
nothing. A cycle that requires all answers refuses in the domain (`transitions.apply_transition`
raises `completion.IncompleteReport`): 409, the page again with the unanswered citations.

Who reaches it is who may make the move (`report.submit` / `report.resubmit`: the State's focal
points and the Secretariat); the others get what the report's other forms give them: 404 when
they may not see the report, 409 when the report is in no state to be submitted (the workflow is
asked first, as for any transition), 403 when they see it but may not submit it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from viennaplan.accounts.permissions import can
from viennaplan.plan.models import Chapter

from .. import workflow
from ..completion import Completion, IncompleteReport, citations_of, completion_of
from ..models import Report
from ..transitions import apply_transition
from .common import page
from .reports import saved_report

CONFIRM = "confirm_unanswered"  # the checkbox; its value is the number of unanswered questions it confirms


@dataclass
class ChapterLine:
    """One chapter of the submit step: its count and its unanswered questions (id, citation)."""

    number: str
    title: str
    answered: int
    total: int
    unanswered: list[tuple[int, str]] = field(default_factory=list)


def chapter_lines(report: Report, completion: Completion) -> list[ChapterLine]:
    titles = dict(Chapter.objects.filter(version=report.cycle.plan_version_id).values_list("number", "title"))
    citations = citations_of(completion)
    return [
        ChapterLine(
            c.chapter, titles.get(c.chapter, ""), c.answered, c.total, [(q, citations[q]) for q in c.unanswered]
        )
        for c in completion.chapters
    ]


def render_step(
    request: HttpRequest,
    report: Report,
    move: workflow.Transition | None,
    *,
    message: str = "",
    comment: str = "",
    status: int = 200,
) -> HttpResponse:
    completion = completion_of(report)
    unanswered = completion.unanswered_count
    cycle = report.cycle
    return page(
        request,
        "reporting/submit.html",
        {
            "cycle": cycle,
            "report": report,
            "state": report.state,
            "status_label": workflow.STATUS_LABELS[report.status],
            "move": move,
            "completion": completion,
            "unanswered": unanswered,
            "chapters": chapter_lines(report, completion),
            "refused_by_cycle": cycle.require_all_answers and unanswered > 0,
            "confirm_name": CONFIRM,
            "message": message,
            "comment": comment,
        },
        status=status,
    )


def not_submittable(report: Report) -> str:
    return _(
        "This report is %(status)s: only a draft is submitted, "
        "and a report returned to its focal point resubmitted. Nothing to submit now."
    ) % {"status": str(workflow.STATUS_LABELS[report.status]).lower()}


@require_http_methods(["GET", "HEAD", "POST"])
def submit_step(request: HttpRequest, cycle_id: int, alpha3: str) -> HttpResponse:
    report = saved_report(request, cycle_id, alpha3)  # 404 when not visible, 403 when not started
    move = workflow.submission_from(report.status)
    if move is None:
        return render_step(request, report, None, message=not_submittable(report), status=409)
    if not can(request.user, move.permission, report):
        raise PermissionDenied(
            _("Only a focal point of %(state)s may %(move)s this report.")
            % {"state": report.state_id, "move": move.name}
        )
    if request.method != "POST":
        return render_step(request, report, move)
    comment = request.POST.get("comment", "")
    if not report.cycle.require_all_answers:  # there, the domain refuses while anything is unanswered
        completion = completion_of(report)
        unanswered = completion.unanswered_count
        confirmed = request.POST.get(CONFIRM, "")
        if unanswered and confirmed != str(unanswered):
            message = _(
                "The report was not submitted: %(unanswered)s of %(total)s questions are unanswered. "
                "Tick “I submit the report with %(unanswered)s questions unanswered” to submit it as it is, "
                "or answer them first."
            ) % {"unanswered": unanswered, "total": completion.total}
            if confirmed:
                message = _(
                    "The report was not submitted: since this page was opened, the number of unanswered "
                    "questions changed to %(unanswered)s. Check the list and confirm again."
                ) % {"unanswered": unanswered}
            return render_step(request, report, move, message=message, comment=comment, status=400)
    try:
        event = apply_transition(request.user, report, move.name, comment)
    except IncompleteReport as error:
        return render_step(request, report, move, message=str(error), comment=comment, status=409)
    except workflow.TransitionError as error:
        report.refresh_from_db()
        return render_step(request, report, workflow.submission_from(report.status), message=str(error), status=409)
    messages.success(
        request, _("The report is now %(status)s.") % {"status": str(workflow.STATUS_LABELS[event.to_status]).lower()}
    )
    return redirect(report.get_absolute_url())
