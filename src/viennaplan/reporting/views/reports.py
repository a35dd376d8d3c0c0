"""/reporting/<cycle>/<alpha3>/: a State's report (GET and HEAD only: reading never writes), and
the forms that change it (POST only): start (the focal point starts a report not started yet),
answers/<answer_id> (save an answer), transitions/<name> (submit, return, ...), comments, and
contributions (a comment from civil society on a published report, reviewed before it shows).
/next (GET) sends the reader to the next unanswered question.

The report's page is its home: facts, moves, history, comments and the contents (answered /
total per chapter, linking to the chapter sections of `sections.py`, where the answers are
edited). Whoever may not edit the report (the public reading a published report, a reviewer,
the focal point once it is submitted) reads every chapter's answers on it too; an editor gets
that reading view with ?view=all.

Every form works without JavaScript; a refused save answers the chapter's section again with
the reason (400 for wrong input, 409 for an edit conflict showing the saved and the refused
version, 503 when the database is busy). Sent by htmx (HX-Request), a save answers only the
question's block, saved or refused, with the same status codes."""

from __future__ import annotations

from itertools import zip_longest
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from viennaplan.busy import BUSY_MESSAGE, is_busy, retry_later

from .. import citations, workflow
from ..access import ReportRights, cycle_or_404, report_or_404, rights_on
from ..answer_data import AnswerDataError
from ..answers import EditConflict, ReportNotEditable, add_comment, save_answer
from ..completion import completion_of
from ..contributions import ContributionNotNow, InvalidContribution, submit_contribution
from ..models import Answer, Question, Report
from ..transitions import apply_transition
from .common import API, CYCLES, grouped, page
from .contributions import THANKS, section
from .questions import Problem, blocks_for, contents, section_url
from .sections import render_question, render_section, shared_context


def form_values(post: QueryDict) -> dict[str, Any]:
    """The answer fields of a submitted form (measures from the parallel measure_* lists)."""
    columns = [post.getlist(f"measure_{name}") for name in ("kind", "title", "url", "date", "record")]
    measures = [
        citations.complete({"kind": kind, "title": title, "url": record.strip() or url, "date": day})
        for kind, title, url, day, record in zip_longest(*columns, fillvalue="")
        if any(value.strip() for value in (kind, title, url, day, record))
    ]
    return {
        "status": post.get("status", ""),
        "narrative": post.get("narrative", ""),
        "measures": measures,
        "responsible_institution": post.get("responsible_institution", ""),
        "assistance_needed": post.get("assistance_needed", "") in ("on", "1", "true", "yes"),
        "assistance_description": post.get("assistance_description", ""),
    }


def render_report(request: HttpRequest, report: Report, problem: Problem | None = None, status: int = 200):
    cycle = report.cycle
    rights: ReportRights = rights_on(request.user, report)
    reading = not rights.edit or request.GET.get("view") == "all"
    blocks = blocks_for(report, cycle, problem) if reading else []
    general_comments = list(report.comments.filter(question=None).select_related("author")) if report.pk else []
    done = completion_of(report)
    return page(
        request,
        "reporting/report.html",
        {
            **shared_context(request, report, rights),
            "status_label": workflow.STATUS_LABELS[report.status] if report.pk else _("Not started"),
            "late": report.is_late(timezone.localdate()) if report.pk else False,
            "reading": reading,
            "editable": False,  # answers are edited in the chapter sections
            "groups": grouped(cycle, [(b.question, b) for b in blocks]),
            "questions": cycle.questions.order_by("position").only("pk", "citation") if rights.comment else [],
            "contents": contents(report, None, done),
            "completion": done,
            "events": list(report.events.select_related("user")) if report.pk else [],
            "general_comments": general_comments,
            "problem": problem,
            "json_url": f"{API}/reports/{cycle.pk}/{report.state_id}",
            **section(request.user, report),
        },
        status=status,
    )


@require_safe
def report_page(request: HttpRequest, cycle_id: int, alpha3: str) -> HttpResponse:
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    report = report_or_404(request.user, cycle, alpha3)
    return render_report(request, report)


@require_safe
def next_unanswered(request: HttpRequest, cycle_id: int, alpha3: str) -> HttpResponse:
    """To the next unanswered question (after ?after=<question id>, wrapping), or home when none is left."""
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    report = report_or_404(request.user, cycle, alpha3)
    rows = Question.objects.filter(cycle=cycle).values_list("pk", "position", "chapter")
    positions = {pk: position for pk, position, _ in rows}
    chapters = {pk: chapter for pk, _, chapter in rows}
    after = request.GET.get("after", "").strip()
    if after and (not after.isdigit() or int(after) not in positions):
        message = f"after: {after!r} is not a question of this cycle (give the id of one of its questions)."
        return render_report(request, report, Problem(message=message), status=400)
    found = completion_of(report).next_unanswered(positions[int(after)] if after else None, positions)
    if found is None:
        messages.info(request, _("Every question of this report is answered."))
        return redirect(report.get_absolute_url())
    return redirect(f"{section_url(report, chapters[found])}#question-{found}")


@require_POST
def start_report(request: HttpRequest, cycle_id: int, alpha3: str) -> HttpResponse:
    """Start a report not started yet (its focal points); starting one already started is harmless."""
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    report = report_or_404(request.user, cycle, alpha3, start=True)
    if report.pk is None:
        raise PermissionDenied(_("Only a focal point of %(state)s may start this report.") % {"state": report.state_id})
    messages.success(request, _("The report is started: answer each question, then submit it."))
    return redirect(report.get_absolute_url())


def saved_report(request: HttpRequest, cycle_id: int, alpha3: str) -> Report:
    """The report a form posts to: it must exist and be visible (404 otherwise)."""
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    report = report_or_404(request.user, cycle, alpha3)
    if report.pk is None:
        raise PermissionDenied(_("This report has not been started by its State."))
    return report


@require_POST
def answer_save(request: HttpRequest, cycle_id: int, alpha3: str, answer_id: int) -> HttpResponse:
    report = saved_report(request, cycle_id, alpha3)
    answer = Answer.objects.select_related("question", "report__cycle").filter(pk=answer_id, report=report).first()
    if answer is None:
        raise Http404(_("This report has no answer %(id)s.") % {"id": answer_id})
    in_place = request.headers.get("HX-Request") == "true"

    def refused(problem: Problem, status: int) -> HttpResponse:
        if in_place:
            return render_question(request, report, answer, problem, status)
        return render_section(request, report, answer.question.chapter, problem, status)

    values = form_values(request.POST)
    try:
        expected = int(request.POST.get("version", ""))
    except ValueError:
        return refused(Problem(answer.pk, values, ["version: the form is incomplete; reload the page"]), 400)
    try:
        saved = save_answer(request.user, answer, values, expected)
    except EditConflict as conflict:
        return refused(Problem(answer.pk, conflict.yours, conflict=conflict, message=str(conflict)), 409)
    except AnswerDataError as error:
        return refused(Problem(answer.pk, values, error.errors, message=str(error)), 400)
    except ReportNotEditable as error:
        return refused(Problem(answer.pk, values, [str(error)], message=str(error)), 409)
    except OperationalError as error:
        if not is_busy(error):
            raise
        return retry_later(refused(Problem(answer.pk, values, [BUSY_MESSAGE], message=BUSY_MESSAGE), 503))
    if in_place:
        return render_question(request, report, saved)
    messages.success(
        request,
        _("Saved your answer to %(citation)s (version %(version)s).")
        % {"citation": saved.question.citation, "version": saved.version},
    )
    return redirect(f"{section_url(report, saved.question.chapter)}#answer-{saved.pk}")


@require_POST
def transition(request: HttpRequest, cycle_id: int, alpha3: str, name: str) -> HttpResponse:
    report = saved_report(request, cycle_id, alpha3)
    try:
        event = apply_transition(request.user, report, name, request.POST.get("comment", ""))
    except workflow.TransitionError as error:
        return render_report(request, report, Problem(message=str(error)), status=409)
    messages.success(
        request, _("The report is now %(status)s.") % {"status": str(workflow.STATUS_LABELS[event.to_status]).lower()}
    )
    return redirect(report.get_absolute_url())


@require_POST
def comment(request: HttpRequest, cycle_id: int, alpha3: str) -> HttpResponse:
    report = saved_report(request, cycle_id, alpha3)
    question = None
    raw = request.POST.get("question", "").strip()
    if raw:
        question = Question.objects.filter(cycle=report.cycle, pk=int(raw) if raw.isdigit() else 0).first()
        if question is None:
            raise Http404(_("This cycle has no question %(question)s.") % {"question": repr(raw)})
    try:
        add_comment(request.user, report, request.POST.get("text", ""), question)
    except ValueError as error:
        return render_report(request, report, Problem(message=str(error)), status=400)
    messages.success(request, _("Your comment was added."))
    if question is not None:
        return redirect(f"{section_url(report, question.chapter)}#question-{question.pk}")
    return redirect(report.get_absolute_url() + "#comments")


@require_POST
def contribute(request: HttpRequest, cycle_id: int, alpha3: str) -> HttpResponse:
    report = saved_report(request, cycle_id, alpha3)
    text = request.POST.get("text", "")
    try:
        submit_contribution(request.user, report, text)
    except (InvalidContribution, ContributionNotNow) as error:
        status = 409 if isinstance(error, ContributionNotNow) else 400
        return render_report(request, report, Problem(values={"contribution": text}, message=str(error)), status)
    messages.success(request, THANKS)
    return redirect(report.get_absolute_url() + "#contributions")
