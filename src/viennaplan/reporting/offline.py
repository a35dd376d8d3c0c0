"""Offline questionnaires, the Django side: download a State's workbook, upload it filled in.

    GET  <cycle>/<alpha3>/questionnaire.xlsx   the workbook, current answers filled in
    GET  <cycle>/<alpha3>/upload               the upload form
    POST <cycle>/<alpha3>/upload               check every cell, then save every answer or none

A report the user may not read answers 404, as everywhere in reporting; one they may read but
not download or upload answers 403 with the reason. `apply_upload` saves the changed answers
through `answers.save_answer` (permission, editable status and version checks, history) in one
transaction. A row left as it was downloaded keeps what is saved online now; a row changed
offline whose answer was also saved online since the download is refused as a conflict, so
nothing anybody typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from viennaplan.accounts.names import display_name
from viennaplan.accounts.permissions import can, why_not
from viennaplan.plan.models import Chapter as PlanChapter

from . import excel, excel_reading
from .access import cycle_or_404, report_or_404
from .answer_data import ANSWER_FIELDS, AnswerData, AnswerDataError
from .answers import EditConflict, ReportNotEditable, answer_fields, save_answer
from .models import Answer, Report
from .views.common import CYCLES, page

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIELD_LABELS = {name: column.name for name, column in excel.FIELD_COLUMN.items()}


def max_upload_bytes() -> int:
    return int(getattr(settings, "REPORTING_UPLOAD_MAX_BYTES", excel_reading.DEFAULT_MAX_BYTES))


class UploadForm(forms.Form):
    workbook = forms.FileField(
        label=gettext_lazy("Filled questionnaire (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": f".xlsx,{XLSX}"}),
    )


@dataclass(frozen=True)
class Change:
    sheet: str
    row: int
    citation: str
    fields: tuple[str, ...]  # as the workbook's columns name them
    version: int  # the answer's new version


@dataclass
class UploadSummary:
    updated: list[Change] = field(default_factory=list)
    unchanged: int = 0  # rows changed offline back to what is saved
    untouched: int = 0  # rows left as downloaded


class UploadRefused(Exception):
    def __init__(self, errors: list[excel.UploadError]):
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


def questionnaire_of(report: Report) -> excel.Questionnaire:
    """The report's questionnaire as plain data: its chapters, questions and current answers."""
    cycle = report.cycle
    titles = dict(PlanChapter.objects.filter(version=cycle.plan_version_id).values_list("number", "title"))
    chapters: dict[str, list[excel.Question]] = {}
    for answer in report.answers.select_related("question").order_by("question__position"):
        question = answer.question
        values = AnswerData(**answer_fields(answer))
        chapters.setdefault(question.chapter, []).append(
            excel.Question(question.path, question.citation, question.text, answer.version, values)
        )
    return excel.Questionnaire(
        cycle_id=cycle.pk,
        cycle_name=cycle.name,
        state=report.state_id,
        state_name=report.state.name,
        report_id=report.pk,
        deadline=cycle.closes,
        chapters=tuple(excel.Chapter(number, titles.get(number, ""), tuple(qs)) for number, qs in chapters.items()),
        generated_at=timezone.localtime(),
    )


def _conflict(row: excel.RowAnswer, answer: Answer) -> excel.UploadError:
    who = display_name(answer.updated_by, nobody=_("someone"))
    when = timezone.localtime(answer.updated_at).strftime("%Y-%m-%d %H:%M")
    message = _(
        "%(citation)s was saved online by %(who)s on %(when)s (version %(version)s) after this workbook "
        "was made (version %(made)s); saving your row would overwrite it. Download the questionnaire "
        "again and copy your changes into it"
    ) % {"citation": row.citation, "who": who, "when": when, "version": answer.version, "made": row.version}
    return excel.UploadError(message, row.sheet, row.row)


def _save(user: Any, row: excel.RowAnswer, answer: Answer, summary: UploadSummary) -> excel.UploadError | None:
    new, current = row.answer.as_dict(), answer_fields(answer)
    if not row.touched:
        summary.untouched += 1
        return None
    if new == current:
        summary.unchanged += 1
        return None
    if row.version != answer.version:
        return _conflict(row, answer)
    try:
        save_answer(user, answer, new, expected_version=answer.version)
    except EditConflict as conflict:
        return excel.UploadError(str(conflict), row.sheet, row.row)
    except (AnswerDataError, ReportNotEditable, PermissionDenied) as refused:
        return excel.UploadError(str(refused), row.sheet, row.row)
    changed = tuple(FIELD_LABELS[name] for name in ANSWER_FIELDS if new[name] != current[name])
    summary.updated.append(Change(row.sheet, row.row, row.citation, changed, answer.version))
    return None


def apply_upload(user: Any, report: Report, result: excel.ReadResult) -> UploadSummary:
    """Save the answers of a checked workbook, all in one transaction; UploadRefused (and
    nothing saved) when any answer cannot be saved."""
    if not result.ok:
        raise UploadRefused(result.errors)
    summary, errors = UploadSummary(), []
    with transaction.atomic():
        Report.objects.select_for_update().filter(pk=report.pk).first()  # one upload at a time
        answers = {a.question.path: a for a in report.answers.select_related("question", "updated_by")}
        for row in result.answers:
            answer = answers.get(row.key)
            if answer is None:
                message = _("%(citation)s is not a question of this report") % {"citation": row.citation}
                errors.append(excel.UploadError(message, row.sheet, row.row))
                continue
            answer.report = report
            error = _save(user, row, answer, summary)
            if error is not None:
                errors.append(error)
        if errors:
            raise UploadRefused(errors)  # leaving the block rolls every save back
    return summary


# ---------------------------------------------------------------- views


NOT_STARTED = gettext_lazy(
    "The report has not been started yet: start it on the report page, then download its questionnaire."
)


def _refusal(request: HttpRequest, report: Report, action: str) -> HttpResponse | None:
    """The page refusing the download or upload `action`, or None when the user may do it now:
    403 when the user may not, 409 when the report does not allow it now (not started, not editable)."""
    user = request.user
    if not can(user, "report.download_questionnaire", report):
        return _refused(request, report, why_not(user, action, report) or "", 403)
    if report.pk is None:
        return _refused(request, report, NOT_STARTED, 409)
    if action == "report.upload_questionnaire":
        if not report.is_editable:
            return _refused(
                request,
                report,
                _(
                    "The report is %(status)s: answers can be changed only while it is "
                    "a draft or returned to the focal point. Nothing was changed."
                )
                % {"status": str(report.get_status_display()).lower()},
                409,
            )
        refusal = why_not(user, action, report)
        if refusal is not None:
            return _refused(request, report, refusal, 403)
    return None


def _refused(request: HttpRequest, report: Report, message: str, status: int) -> HttpResponse:
    return page(request, "reporting/offline/refused.html", {"report": report, "message": message}, status)


@require_http_methods(["GET", "HEAD"])
def download(request: HttpRequest, cycle_id: int, state: str) -> HttpResponse:
    report = report_or_404(request.user, cycle_or_404(cycle_id, listed_at=CYCLES), state)
    refused = _refusal(request, report, "report.download_questionnaire")
    if refused is not None:
        return refused
    questionnaire = questionnaire_of(report)
    response = HttpResponse(excel.build_workbook(questionnaire), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{excel.workbook_name(questionnaire)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def upload(request: HttpRequest, cycle_id: int, state: str) -> HttpResponse:
    report = report_or_404(request.user, cycle_or_404(cycle_id, listed_at=CYCLES), state)
    refused = _refusal(request, report, "report.upload_questionnaire")
    if refused is not None:
        return refused
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    context: dict[str, Any] = {"report": report, "form": form, "max_mb": max_upload_bytes() / 1048576, "errors": []}
    if request.method != "POST":
        return page(request, "reporting/offline/upload.html", context)
    if not form.is_valid():
        return page(request, "reporting/offline/upload.html", context, 400)
    context["errors"] = _check_and_apply(request, report, form.cleaned_data["workbook"], context)
    if context["errors"]:
        return page(request, "reporting/offline/upload.html", context, 400)
    return page(request, "reporting/offline/summary.html", context)


def _check_and_apply(request: HttpRequest, report: Report, uploaded: Any, context: dict[str, Any]) -> list[str]:
    limit = max_upload_bytes()
    if uploaded.size > limit:  # refused before reading it
        return [excel_reading.too_large(uploaded.size, limit)]
    result = excel_reading.read_workbook(uploaded.read(limit + 1), questionnaire_of(report), limit)
    try:
        context["summary"] = apply_upload(request.user, report, result)
    except UploadRefused as refused:
        return [str(error) for error in refused.errors]
    return []
