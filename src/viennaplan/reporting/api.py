"""National reporting as a JSON API under /api/reporting, with the pages' permissions.

Reading: cycles, questions and international progress are public; a report (its answers,
events, comments and diffs) answers 404 to whoever may not read it, exactly as if it did not
exist. Writing needs a session (`auth=django_auth`, which also checks the CSRF token): 401
when not signed in, 403 when the user may see the report but not make this change, 409 for an
edit conflict or a move the workflow does not allow, 422 for wrong input (every error listed).
Every error has the API's one body {"detail": "…", "errors": […]}.
Operation ids are stable (`reporting_…`).

A program submitting a report is not asked to confirm unanswered questions (the submit page
asks people); a cycle that requires all answers refuses it (409) with the unanswered citations
per chapter, as it refuses the page. The report's JSON counts its answered questions.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError
from ninja.responses import Status
from ninja.security import django_auth

from viennaplan.api_shapes import INVALID, INVALID_BODY, ErrorOut, as_is
from viennaplan.plan.models import Provision

from . import workflow
from .access import cycle_or_404, not_found_message, report_or_404, rights_on, visible_reports
from .answer_data import AnswerDataError
from .answers import EditConflict, ReportNotEditable, add_comment, save_answer
from .api_out import (
    answer_out,
    answers_out,
    comment_out,
    cycle_out,
    event_out,
    progress_out,
    question_out,
    report_out,
)
from .completion import completion_of
from .contributions import ContributionNotNow
from .cycles import CycleError, open_cycle, question_counts, set_require_all_answers
from .diffs import report_diff
from .international import ProgressError, international_units, record_international_progress
from .models import Answer, InternationalActionProgress, ReportingCycle
from .schemas import (
    AnswerOut,
    AnswerPatch,
    CommentIn,
    CommentOut,
    ConflictOut,
    CycleDetailOut,
    CycleIn,
    CycleOptionsIn,
    CycleOut,
    DiffOut,
    EventOut,
    ProgressIn,
    ProgressOut,
    QuestionOut,
    ReportOut,
    TransitionIn,
    UnitOut,
)
from .transitions import apply_transition
from .views.history import BadMoment, resolve_moment

router = Router()
READ = {404: ErrorOut, **INVALID}  # 422: a path parameter that is no number
SIGNED_IN = {401: ErrorOut, 403: ErrorOut, **INVALID_BODY}  # 403 also: no CSRF token; every write has a body
WRITE = {**SIGNED_IN, 404: ErrorOut}


NOT_NOW = (ReportNotEditable, workflow.TransitionError, ContributionNotNow)  # 409: not in this state


def refused(error: Exception, not_done: str = "") -> Status:
    """The answer to a refused change: 403 not allowed (PermissionDenied), 409 not possible now
    (NOT_NOW), else 422 wrong input: `not_done` says what was not done, `errors` each problem."""
    if isinstance(error, PermissionDenied):
        return Status(403, {"detail": str(error) or _("Not allowed.")})
    if isinstance(error, NOT_NOW):
        return Status(409, {"detail": str(error)})
    problems = error.errors if isinstance(error, AnswerDataError) else [str(error)]
    return Status(422, {"detail": not_done, "errors": problems})


# -- cycles ---------------------------------------------------------------------------------------


def cycle_json(cycle: ReportingCycle, question_count: int | None = None) -> dict:
    """`api_out.cycle_out` with whether the cycle requires all answers."""
    return {**cycle_out(cycle, question_count), "require_all_answers": cycle.require_all_answers}


@router.get(
    "/cycles",
    response={200: list[CycleOut], **INVALID},
    operation_id="reporting_list_cycles",
    summary="Reporting cycles",
)
def list_cycles(request: HttpRequest):
    cycles = list(ReportingCycle.objects.all())
    counts = question_counts(cycles)
    return [cycle_json(cycle, counts.get(cycle.pk, 0)) for cycle in cycles]


@router.post(
    "/cycles",
    auth=django_auth,
    response={201: CycleOut, **SIGNED_IN},
    operation_id="reporting_open_cycle",
    summary="Open a cycle and generate its questionnaire (secretariat)",
)
def create_cycle(request: HttpRequest, payload: CycleIn):
    try:
        cycle = open_cycle(
            request.user,
            payload.name,
            payload.opens,
            payload.closes,
            payload.chapters,
            require_all_answers=payload.require_all_answers,
        )
    except (PermissionDenied, CycleError) as error:
        return refused(error, _("The cycle was not opened."))
    return Status(201, cycle_json(cycle))


@router.patch(
    "/cycles/{cycle_id}",
    auth=django_auth,
    response={200: CycleOut, **WRITE},
    operation_id="reporting_change_cycle",
    summary="Set whether a cycle requires all answers before a report is submitted (secretariat)",
)
def change_cycle(request: HttpRequest, cycle_id: int, payload: CycleOptionsIn):
    cycle = cycle_or_404(cycle_id)
    try:
        set_require_all_answers(request.user, cycle, payload.require_all_answers)
    except PermissionDenied as error:
        return refused(error)
    return Status(200, cycle_json(cycle))


@router.get(
    "/cycles/{cycle_id}",
    response={200: CycleDetailOut, **READ},
    operation_id="reporting_get_cycle",
    summary="A cycle and the reports you may see in it",
)
def get_cycle(request: HttpRequest, cycle_id: int):
    cycle = cycle_or_404(cycle_id)
    today = timezone.localdate()
    rows = []
    for state, report in visible_reports(request.user, cycle):
        started = report.pk is not None
        rows.append(
            {
                "state": state.alpha3,
                "name": state.name,
                "status": report.status if started else "not_started",
                "submitted_at": report.submitted_at,
                "late": report.is_late(today) if started else today > cycle.closes,
                "url": f"/reporting/{cycle.pk}/{state.alpha3}/",
                "api_url": f"/api/reporting/reports/{cycle.pk}/{state.alpha3}",
            }
        )
    return {**cycle_json(cycle), "reports": rows}


@router.get(
    "/cycles/{cycle_id}/questions",
    response={200: list[QuestionOut], **READ},
    operation_id="reporting_list_questions",
    summary="The questionnaire of a cycle",
)
def list_questions(request: HttpRequest, cycle_id: int):
    return [question_out(q) for q in cycle_or_404(cycle_id).questions.all()]


@router.get(
    "/cycles/{cycle_id}/international",
    response={200: list[UnitOut], **READ},
    operation_id="reporting_list_international_progress",
    summary="Progress on each international action of the cycle's chapters",
)
def list_international(request: HttpRequest, cycle_id: int):
    cycle = cycle_or_404(cycle_id)
    records: dict[str, list[dict]] = {}
    for record in InternationalActionProgress.objects.filter(cycle=cycle).select_related("provision", "updated_by"):
        records.setdefault(record.provision.path, []).append(progress_out(record))
    return [
        {
            "path": unit.path,
            "citation": unit.citation,
            "chapter": unit.chapter,
            "actor": unit.actor,
            "text": unit.text,
            "progress": records.get(unit.path, []),
        }
        for unit in international_units(cycle)
    ]


@router.put(
    "/cycles/{cycle_id}/international/{path:path}",
    auth=django_auth,
    response={200: ProgressOut, **WRITE, 409: ErrorOut},
    operation_id="reporting_record_international_progress",
    summary="Record progress on an international action (secretariat)",
)
def record_international(request: HttpRequest, cycle_id: int, path: str, payload: ProgressIn):
    cycle = cycle_or_404(cycle_id)
    provision = Provision.objects.filter(version=cycle.plan_version_id, path=path.strip("/")).first()
    if provision is None:
        raise HttpError(404, _("The plan this cycle asks about has no provision %(path)s.") % {"path": repr(path)})
    data = payload.dict(exclude={"entity", "version"})
    try:
        record = record_international_progress(
            request.user, cycle, provision, data, entity=payload.entity, expected_version=payload.version
        )
    except (PermissionDenied, AnswerDataError) as error:
        return refused(error, _("The progress was not recorded."))
    except ProgressError as error:
        status = 409 if "version" in str(error) else 422
        body = {"detail": str(error)} if status == 409 else {"detail": _("Not recorded."), "errors": [str(error)]}
        return Status(status, body)
    return Status(200, progress_out(record))


# -- reports --------------------------------------------------------------------------------------


@router.get(
    "/reports/{cycle_id}/{state}",
    response={200: ReportOut, **READ},
    operation_id="reporting_get_report",
    summary="A State's report (404 when it does not exist or you may not read it)",
)
def get_report(request: HttpRequest, cycle_id: int, state: str):
    report = report_or_404(request.user, cycle_or_404(cycle_id), state)
    rights = rights_on(request.user, report)
    completion = completion_of(report)
    return {
        **report_out(report, rights.edit, [t.name for t in rights.transitions]),
        "answered": completion.answered,
        "question_count": completion.total,
    }


@router.get(
    "/reports/{cycle_id}/{state}/answers",
    response={200: list[AnswerOut], **READ},
    operation_id="reporting_list_answers",
    summary="The answers of a report",
)
def list_answers(request: HttpRequest, cycle_id: int, state: str):
    report = report_or_404(request.user, cycle_or_404(cycle_id), state)
    if report.pk is None:
        return []
    return as_is(answers_out(report))  # held to AnswerOut by tests/reporting


@router.patch(
    "/reports/{cycle_id}/{state}/answers/{path:question}",
    auth=django_auth,
    response={200: AnswerOut, **WRITE, 409: ConflictOut | ErrorOut},
    operation_id="reporting_update_answer",
    summary="Change an answer; send the version you started from (409 if someone saved since)",
)
def update_answer(request: HttpRequest, cycle_id: int, state: str, question: str, payload: AnswerPatch):
    report = report_or_404(request.user, cycle_or_404(cycle_id), state, start=True)  # a write may start the report
    answer = (
        Answer.objects.select_related("question", "report__cycle", "updated_by")
        .filter(report_id=report.pk, question__path=question.strip("/"))
        .first()
    )
    if answer is None:
        raise HttpError(404, _("This report has no question %(question)s.") % {"question": repr(question)})
    data = payload.dict(exclude={"version"}, exclude_unset=True)
    try:
        saved = save_answer(request.user, answer, data, payload.version)
    except EditConflict as conflict:
        return Status(409, {"detail": str(conflict), "current": answer_out(conflict.current), "yours": conflict.yours})
    except (PermissionDenied, ReportNotEditable, AnswerDataError) as error:
        return refused(error, _("The answer was not saved."))
    return Status(200, answer_out(saved))


@router.post(
    "/reports/{cycle_id}/{state}/transitions/{name}",
    auth=django_auth,
    response={201: EventOut, **WRITE, 409: ErrorOut},
    operation_id="reporting_apply_transition",
    summary="Move a report: submit, return (comment required), resubmit, validate, publish",
)
def transition(request: HttpRequest, cycle_id: int, state: str, name: str, payload: TransitionIn):
    report = report_or_404(request.user, cycle_or_404(cycle_id), state)
    if report.pk is None:
        return Status(409, {"detail": _("This report has not been started by its State.")})
    try:
        event = apply_transition(request.user, report, name, payload.comment)
    except (PermissionDenied, workflow.TransitionError) as error:
        return refused(error)
    return Status(201, event_out(event))


@router.get(
    "/reports/{cycle_id}/{state}/events",
    response={200: list[EventOut], **READ},
    operation_id="reporting_list_events",
    summary="Every transition of a report: who, when, from, to, comment",
)
def list_events(request: HttpRequest, cycle_id: int, state: str):
    report = report_or_404(request.user, cycle_or_404(cycle_id), state)
    return [event_out(e) for e in report.events.select_related("user")] if report.pk else []


@router.get(
    "/reports/{cycle_id}/{state}/comments",
    response={200: list[CommentOut], **READ},
    operation_id="reporting_list_comments",
    summary="Review comments on a report",
)
def list_comments(request: HttpRequest, cycle_id: int, state: str):
    report = report_or_404(request.user, cycle_or_404(cycle_id), state)
    return [comment_out(c) for c in report.comments.select_related("author", "question")] if report.pk else []


@router.post(
    "/reports/{cycle_id}/{state}/comments",
    auth=django_auth,
    response={201: CommentOut, **WRITE},
    operation_id="reporting_add_comment",
    summary="Comment on a report under review (reviewers, secretariat)",
)
def create_comment(request: HttpRequest, cycle_id: int, state: str, payload: CommentIn):
    report = report_or_404(request.user, cycle_or_404(cycle_id), state)
    if report.pk is None:
        raise Http404(not_found_message(state))
    question = None
    if payload.question:
        question = report.cycle.questions.filter(path=payload.question.strip("/")).first()
        if question is None:
            return Status(
                422,
                {
                    "detail": _("Not added."),
                    "errors": [_("question: no question %(question)s") % {"question": repr(payload.question)}],
                },
            )
    try:
        comment = add_comment(request.user, report, payload.text, question)
    except (PermissionDenied, ValueError) as error:
        return refused(error, _("Not added."))
    return Status(201, comment_out(comment))


@router.get(
    "/reports/{cycle_id}/{state}/diff",
    response={200: DiffOut, **READ, 400: ErrorOut},
    operation_id="reporting_diff_report",
    summary="What changed in the answers between two moments (?a=, ?b=: event ids, start, now)",
)
def diff(request: HttpRequest, cycle_id: int, state: str, a: str = "start", b: str = "now"):
    report = report_or_404(request.user, cycle_or_404(cycle_id), state)
    if report.pk is None:
        return {"a": a, "b": b, "answers": []}
    try:
        a_key, at_a, _ = resolve_moment(report, a, "start")
        b_key, at_b, _ = resolve_moment(report, b, "now")
    except BadMoment as error:
        return Status(400, {"detail": str(error)})
    answers = [
        {
            "path": item.path,
            "citation": item.citation,
            "version_before": item.version_before,
            "version_after": item.version_after,
            "changes": [vars(change) for change in item.changes],
            "changed_by": item.changed_by,
        }
        for item in report_diff(report, at_a, at_b)
    ]
    return {"a": a_key, "b": b_key, "answers": answers}
