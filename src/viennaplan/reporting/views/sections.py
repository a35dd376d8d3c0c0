"""/reporting/<cycle>/<alpha3>/chapter/<ROMAN>: one chapter of a State's report (GET and HEAD
only), with the contents of the whole questionnaire beside it (answered / total per chapter).

Who may read a section is who may read the report (`access.report_or_404`, 404 alike); an
unknown chapter is a 404 naming the chapters the cycle asks about. The answer forms post to
`reporting:answer`; an htmx request (HX-Request) gets back only the question's block
(`render_question`), with the contents swapped out of band so the counts follow."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .. import citations, workflow
from ..access import ReportRights, cycle_or_404, report_or_404, rights_on
from ..models import Answer, Report
from ..scale import MEASURE_KINDS, STATUS_SCALE
from .common import API, CYCLES, grouped, page
from .questions import Problem, block_for, blocks_for, chapter_or_404, contents_context, lead_ins


def shared_context(request: HttpRequest, report: Report, rights: ReportRights) -> dict:
    """What the report's home, its sections and a question's block all need."""
    return {
        "cycle": report.cycle,
        "report": report,
        "state": report.state,
        "started": report.pk is not None,
        "rights": rights,
        "scale": STATUS_SCALE,
        "measure_kinds": MEASURE_KINDS,
        "citable_records": citations.records_of_state(report.state_id) if rights.edit else [],
    }


def render_section(
    request: HttpRequest, report: Report, chapter: str, problem: Problem | None = None, status: int = 200
) -> HttpResponse:
    cycle = report.cycle
    rights = rights_on(request.user, report)
    blocks = blocks_for(report, cycle, problem, chapter)
    context = {
        **shared_context(request, report, rights),
        **contents_context(report, chapter),
        "chapter": chapter,
        "status_label": workflow.STATUS_LABELS[report.status] if report.pk else _("Not started"),
        "groups": grouped(cycle, [(b.question, b) for b in blocks]),
        "problem": problem,
        "editable": rights.edit,
        "json_url": f"{API}/reports/{cycle.pk}/{report.state_id}",
    }
    numbers = [entry.number for entry in context["contents"]]
    here = numbers.index(chapter) if chapter in numbers else -1
    context["previous_chapter"] = context["contents"][here - 1] if here > 0 else None
    context["next_chapter"] = context["contents"][here + 1] if 0 <= here < len(numbers) - 1 else None
    return page(request, "reporting/section.html", context, status=status)


@require_safe
def section_page(request: HttpRequest, cycle_id: int, alpha3: str, chapter: str) -> HttpResponse:
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    report = report_or_404(request.user, cycle, alpha3)
    return render_section(request, report, chapter_or_404(cycle, chapter))


def render_question(
    request: HttpRequest, report: Report, answer: Answer, problem: Problem | None = None, status: int = 200
) -> HttpResponse:
    """One question's block (for htmx), its answer as saved or as refused, and the contents out of band."""
    question = answer.question
    rights = rights_on(request.user, report)
    block = block_for(question, answer, lead_ins(report.cycle, [question]), problem)
    block.saved = problem is None
    block.comments = list(report.comments.filter(question=question).select_related("author"))
    context = {
        **shared_context(request, report, rights),
        **contents_context(report, question.chapter),
        "chapter": question.chapter,
        "block": block,
        "editable": rights.edit,
        "out_of_band": True,
    }
    return render(request, "reporting/_question_response.html", context, status=status)
