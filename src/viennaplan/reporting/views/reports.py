"""/reporting/<cycle>/<alpha3>/: a State's report (GET and HEAD only: reading never writes), and
the forms that change it (POST only): start (the focal point starts a report not started yet),
answers/<answer_id> (save an answer), transitions/<name> (submit, return, ...), comments, and
contributions (a comment from civil society on a published report, reviewed before it shows).

Every form works without JavaScript; a refused save answers the page again with the reason
(400 for wrong input, 409 for an edit conflict showing the saved and the refused version)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from viennaplan.busy import BUSY_MESSAGE, is_busy, retry_later

from .. import workflow
from ..access import ReportRights, cycle_or_404, report_or_404, rights_on
from ..answer_data import AnswerDataError
from ..answers import EditConflict, ReportNotEditable, add_comment, answer_fields, save_answer
from ..contributions import ContributionNotNow, InvalidContribution, submit_contribution
from ..models import Answer, Question, Report, ReportingCycle
from ..scale import MEASURE_KINDS, STATUS_SCALE
from ..transitions import apply_transition
from .common import API, CYCLES, answers_of, grouped, page
from .contributions import THANKS, section

BLANK_MEASURE = {"kind": "", "title": "", "url": "", "date": ""}


@dataclass
class AnswerBlock:
    """One question of the page with its answer, and what its form shows."""

    question: Question
    answer: Answer | None
    values: dict[str, Any]
    measure_rows: list[dict[str, str]]
    errors: list[str] = field(default_factory=list)
    conflict: EditConflict | None = None
    comments: list[Any] = field(default_factory=list)


@dataclass
class Problem:
    """What went wrong with the last POST, to show on the page."""

    answer_id: int | None = None
    values: dict[str, Any] | None = None
    errors: list[str] = field(default_factory=list)
    conflict: EditConflict | None = None
    message: str = ""


def form_values(post: QueryDict) -> dict[str, Any]:
    """The answer fields of a submitted form (measures from the parallel measure_* lists)."""
    columns = [post.getlist(f"measure_{name}") for name in ("kind", "title", "url", "date")]
    measures = [
        {"kind": kind, "title": title, "url": url, "date": day}
        for kind, title, url, day in zip_longest(*columns, fillvalue="")
        if any(value.strip() for value in (kind, title, url, day))
    ]
    return {
        "status": post.get("status", ""),
        "narrative": post.get("narrative", ""),
        "measures": measures,
        "responsible_institution": post.get("responsible_institution", ""),
        "assistance_needed": post.get("assistance_needed", "") in ("on", "1", "true", "yes"),
        "assistance_description": post.get("assistance_description", ""),
    }


def blocks_for(report: Report, cycle: ReportingCycle, problem: Problem | None) -> list[AnswerBlock]:
    comments: dict[int | None, list[Any]] = {}
    if report.pk is not None:
        for comment in report.comments.select_related("author", "question"):
            comments.setdefault(comment.question_id, []).append(comment)
    answers = answers_of(report)
    if answers:
        pairs: list[tuple[Question, Answer | None]] = [(a.question, a) for a in answers]
    else:
        pairs = [(q, None) for q in cycle.questions.all()]
    blocks = []
    for question, answer in pairs:
        values = answer_fields(answer) if answer else {}
        block = AnswerBlock(question, answer, values, [*values.get("measures", []), dict(BLANK_MEASURE)])
        if problem and answer and problem.answer_id == answer.pk and problem.values is not None:
            block.values = problem.values
            block.measure_rows = [*problem.values.get("measures", []), dict(BLANK_MEASURE)]
            block.errors = problem.errors
            block.conflict = problem.conflict
        block.comments = comments.get(question.pk, [])
        blocks.append(block)
    return blocks


def render_report(request: HttpRequest, report: Report, problem: Problem | None = None, status: int = 200):
    cycle = report.cycle
    rights: ReportRights = rights_on(request.user, report)
    blocks = blocks_for(report, cycle, problem)
    general_comments = [c for c in report.comments.select_related("author")] if report.pk else []
    return page(
        request,
        "reporting/report.html",
        {
            "cycle": cycle,
            "report": report,
            "state": report.state,
            "started": report.pk is not None,
            "status_label": workflow.STATUS_LABELS[report.status] if report.pk else "Not started",
            "late": report.is_late(timezone.localdate()) if report.pk else False,
            "rights": rights,
            "groups": grouped(cycle, [(b.question, b) for b in blocks]),
            "events": list(report.events.select_related("user")) if report.pk else [],
            "general_comments": [c for c in general_comments if c.question_id is None],
            "problem": problem,
            "scale": STATUS_SCALE,
            "measure_kinds": MEASURE_KINDS,
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


@require_POST
def start_report(request: HttpRequest, cycle_id: int, alpha3: str) -> HttpResponse:
    """Start a report not started yet (its focal points); starting one already started is harmless."""
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    report = report_or_404(request.user, cycle, alpha3, start=True)
    if report.pk is None:
        raise PermissionDenied(f"Only a focal point of {report.state_id} may start this report.")
    messages.success(request, "The report is started: answer each question, then submit it.")
    return redirect(report.get_absolute_url())


def saved_report(request: HttpRequest, cycle_id: int, alpha3: str) -> Report:
    """The report a form posts to: it must exist and be visible (404 otherwise)."""
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    report = report_or_404(request.user, cycle, alpha3)
    if report.pk is None:
        raise PermissionDenied("This report has not been started by its State.")
    return report


@require_POST
def answer_save(request: HttpRequest, cycle_id: int, alpha3: str, answer_id: int) -> HttpResponse:
    report = saved_report(request, cycle_id, alpha3)
    answer = Answer.objects.select_related("question", "report__cycle").filter(pk=answer_id, report=report).first()
    if answer is None:
        raise Http404(f"This report has no answer {answer_id}.")
    values = form_values(request.POST)
    try:
        expected = int(request.POST.get("version", ""))
    except ValueError:
        problem = Problem(answer.pk, values, ["version: the form is incomplete; reload the page"])
        return render_report(request, report, problem, status=400)
    try:
        saved = save_answer(request.user, answer, values, expected)
    except EditConflict as conflict:
        problem = Problem(answer.pk, conflict.yours, conflict=conflict, message=str(conflict))
        return render_report(request, report, problem, status=409)
    except AnswerDataError as error:
        return render_report(request, report, Problem(answer.pk, values, error.errors, message=str(error)), 400)
    except ReportNotEditable as error:
        return render_report(request, report, Problem(answer.pk, values, [str(error)], message=str(error)), 409)
    except OperationalError as error:
        if not is_busy(error):
            raise
        return retry_later(
            render_report(request, report, Problem(answer.pk, values, [BUSY_MESSAGE], message=BUSY_MESSAGE))
        )
    messages.success(request, f"Saved your answer to {saved.question.citation} (version {saved.version}).")
    return redirect(f"{report.get_absolute_url()}#answer-{saved.pk}")


@require_POST
def transition(request: HttpRequest, cycle_id: int, alpha3: str, name: str) -> HttpResponse:
    report = saved_report(request, cycle_id, alpha3)
    try:
        event = apply_transition(request.user, report, name, request.POST.get("comment", ""))
    except workflow.TransitionError as error:
        return render_report(request, report, Problem(message=str(error)), status=409)
    messages.success(request, f"The report is now {workflow.STATUS_LABELS[event.to_status].lower()}.")
    return redirect(report.get_absolute_url())


@require_POST
def comment(request: HttpRequest, cycle_id: int, alpha3: str) -> HttpResponse:
    report = saved_report(request, cycle_id, alpha3)
    question = None
    raw = request.POST.get("question", "").strip()
    if raw:
        question = Question.objects.filter(cycle=report.cycle, pk=int(raw) if raw.isdigit() else 0).first()
        if question is None:
            raise Http404(f"This cycle has no question {raw!r}.")
    try:
        add_comment(request.user, report, request.POST.get("text", ""), question)
    except ValueError as error:
        return render_report(request, report, Problem(message=str(error)), status=400)
    messages.success(request, "Your comment was added.")
    return redirect(report.get_absolute_url() + (f"#question-{question.pk}" if question else "#comments"))


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
