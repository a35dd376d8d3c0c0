"""A State's report made for paper: /reporting/<cycle>/<A3>/print (HTML for the browser's print) and
/reporting/<cycle>/<A3>/report.pdf (the same HTML made a PDF by WeasyPrint: `viennaplan.printing`).

One document, no site header, menu, banners, forms or buttons: the report's identification (State,
cycle, status, date printed) at the top and on every printed page (@page margin boxes: WeasyPrint and
browsers that print them; the first page's header says it in the text as well), the facts of the report,
every chapter with its questions and their answers (status in words, what was done, measures,
responsible institution, technical assistance), and what happened to the report (its workflow events).

In the reader's language (issue 11): `?lang=ar` gives the Arabic report, its <html> saying `lang="ar"
dir="rtl"` (`printing.in_active_language`) for the browser and WeasyPrint alike.

Access is exactly the report page's (`access.report_or_404`): a focal point prints their State's draft;
whoever may not see a report gets the same 404 as for a report that does not exist.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.dates import long_date
from viennaplan.printing import FONT_STACK, css_string, html_to_pdf, in_active_language, pdf_response

from .. import workflow
from ..access import cycle_or_404, report_or_404
from ..answers import answer_fields
from ..completion import completion_of
from ..models import Report
from .common import API, CYCLES, answers_of, grouped

TEMPLATE = "reporting/report_print.html"


def identification(report: Report, printed_on: date) -> str:
    """The line that identifies the printed report, e.g. "Report of Switzerland (CHE) · 2002 review ·
    Draft · printed 30 November 2026"."""
    status = workflow.STATUS_LABELS[report.status] if report.pk else _("Not started")
    values = {
        "state_name": report.state.name,
        "state": report.state_id,
        "cycle": report.cycle.name,
        "status": status,
        "printed": long_date(printed_on),
    }
    if report.cycle.is_demo:
        return (
            _(
                "Report of %(state_name)s (%(state)s) · %(cycle)s · %(status)s · demonstration data"
                " · printed %(printed)s"
            )
            % values
        )
    return _("Report of %(state_name)s (%(state)s) · %(cycle)s · %(status)s · printed %(printed)s") % values


def footer(report: Report) -> str:
    """The line at the foot of every printed page: "CHE · 2002 review · Draft (not published)"."""
    values = {
        "state": report.state_id,
        "cycle": report.cycle.name,
        "status": workflow.STATUS_LABELS.get(report.status, report.status),
    }
    if report.status == workflow.PUBLISHED:
        return _("%(state)s · %(cycle)s · %(status)s") % values
    return _("%(state)s · %(cycle)s · %(status)s (not published)") % values


def report_print_html(report: Report, printed_on: date, *, site_url: str = "", for_pdf: bool = False) -> str:
    """The printable report's HTML: one document for the print view and the PDF (`for_pdf`: without the
    header repeated in the text, as WeasyPrint prints the @page header on every page), in the active
    language and its direction."""
    cycle = report.cycle
    answers = answers_of(report)
    pairs = [(a.question, answer_fields(a)) for a in answers] or [(q, {}) for q in cycle.questions.all()]
    completion = completion_of(report)
    counts = {c.chapter: c for c in completion.chapters}
    doc_id = identification(report, printed_on)
    page_url = f"/reporting/{cycle.pk}/{report.state_id}/"
    context: dict[str, Any] = {
        "cycle": cycle,
        "report": report,
        "state": report.state,
        "started": report.pk is not None,
        "status_label": workflow.STATUS_LABELS[report.status] if report.pk else _("Not started"),
        "late": report.is_late(printed_on) if report.pk else False,
        "printed_label": long_date(printed_on),
        "printed_on": printed_on,
        "completion": completion,
        "chapters": [(group, counts.get(group.number)) for group in grouped(cycle, [(q, (q, v)) for q, v in pairs])],
        "events": [
            (event, workflow.STATUS_LABELS.get(event.from_status, ""), workflow.STATUS_LABELS.get(event.to_status, ""))
            for event in (report.events.select_related("user") if report.pk else [])
        ],
        "doc_id": doc_id,
        "doc_header_css": css_string(doc_id),
        "doc_footer_css": css_string(footer(report)),
        "font_stack": FONT_STACK,
        "for_pdf": for_pdf,
        "site_url": site_url.rstrip("/"),
        "page_url": page_url,
        "pdf_url": f"{page_url}report.pdf",
        "json_url": f"{API}/reports/{cycle.pk}/{report.state_id}",
    }
    return in_active_language(render_to_string(TEMPLATE, context))


def _visible(request: HttpRequest, cycle_id: int, alpha3: str) -> Report:
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    return report_or_404(request.user, cycle, alpha3)


@require_safe
def report_print(request: HttpRequest, cycle_id: int, alpha3: str) -> HttpResponse:
    report = _visible(request, cycle_id, alpha3)
    return HttpResponse(report_print_html(report, timezone.localdate()))


@require_safe
def report_pdf(request: HttpRequest, cycle_id: int, alpha3: str) -> HttpResponse:
    report = _visible(request, cycle_id, alpha3)
    today = timezone.localdate()
    site = request.build_absolute_uri("/")
    html = report_print_html(report, today, site_url=site, for_pdf=True)
    return pdf_response(
        html_to_pdf(html, base_url=site),
        f"report-{report.state_id}-cycle-{report.cycle_id}-{report.status}-{today.isoformat()}.pdf",
    )
