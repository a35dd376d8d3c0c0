"""The Commission report as a page and as a PDF of the same HTML (`commission_report` assembles it,
`commission_report_data` reads it as the public does; the JSON twin is `api_report`):

/reporting/commission-report?as_of=YYYY-MM-DD&cycle=ID       the printable page (defaults: today, latest cycle;
                                                             with no cycle open yet: treaty status and indicators)
/reporting/commission-report.pdf?as_of=YYYY-MM-DD&cycle=ID   the same HTML made a PDF by WeasyPrint

The report is public and the same for every reader: the public's figures (published reports only).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from viennaplan.printing import css_string
from viennaplan.reporting.models import ReportingCycle
from viennaplan.reporting.scale import status_label
from viennaplan.svgcharts import unique_ids
from viennaplan.treaties.overview import PartiesChart, parties_figures
from viennaplan.treaties.views import BadAsOf

from . import queries
from .charts import Change, change_chart_svg
from .commission_report import NO_CYCLE, REPORT_CHANGES, CommissionReport, TargetRow, TreatyLine
from .commission_report_data import build_report, maps_of
from .maps import DISCLAIMER
from .report_pdf import FONT_STACK, font_warning, html_to_pdf
from .shares import ANSWER_STATUSES, STATUS_SHORT
from .views import bad_request, bar, twin

TEMPLATE = "monitoring/report/commission.html"
TITLE = gettext_lazy("Report to the Commission")


def pick_as_of(raw: str | None, today: date) -> date:
    raw = (raw or "").strip()
    if not raw:
        return today
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadAsOf(
            _("?as_of=%(raw)s is not a date; write it as YYYY-MM-DD, e.g. ?as_of=2005-03-31") % {"raw": repr(raw)}
        ) from None


@lru_cache(maxsize=256)
def _change_svg(title: str, changes: tuple[Change, ...], threshold: Decimal, language: str | None) -> str:
    """A target's change chart: the same States, figures and language give the same SVG, drawn once per
    process (about 0.1 s each; a report with 40 targets would spend 4 s on them every time). The language
    is part of the key: the legend and text alternative are drawn in it."""
    return change_chart_svg(title, list(changes), threshold, REPORT_CHANGES)


def target_chart(row: TargetRow) -> SafeString | str:
    svg = _change_svg(row.chart_title, row.changes, row.threshold, translation.get_language())
    return mark_safe(unique_ids(svg, f"chart-target-{row.target}")) if svg else ""  # noqa: S308  (svgcharts escapes)


def report_html(report: CommissionReport, *, site_url: str = "") -> str:
    """The report's HTML: one document for the page, the PDF and the command."""
    params = {"as_of": report.as_of.isoformat(), "cycle": report.cycle_id}
    maps = maps_of(report)

    def figures(line: TreatyLine) -> tuple[TreatyLine, SafeString | str, SafeString | str, PartiesChart | None]:
        if not line.draw_map:
            return line, "", "", None
        parties = parties_figures(line.instrument, report.as_of)
        chart = unique_ids(parties.svg, f"chart-{line.instrument.lower()}")
        return line, mark_safe(maps[line.instrument]), mark_safe(chart), parties  # noqa: S308  (escaped by maps, charts)

    context: dict[str, Any] = {
        "report": report,
        "chapters": [
            (
                chapter,
                [(line, bar(line.shares)) for line in chapter.national.regions],
                [(line, bar(line.shares)) for line in chapter.national.commitments],
                [figures(line) for line in chapter.treaties],
                [(line, target_chart(line.row)) for line in chapter.indicators.targets],
            )
            for chapter in report.chapters
        ],
        "statuses": [(status_label(s), STATUS_SHORT[s]) for s in ANSWER_STATUSES],
        "disclaimer": DISCLAIMER,
        "no_cycle": NO_CYCLE,
        "font_stack": FONT_STACK,
        "doc_footer_css": css_string(report.identification),  # a CSS string: quotes and backslashes escaped
        "site_url": site_url.rstrip("/"),
        "pdf_url": twin("/reporting/commission-report.pdf", **params),
        "json_url": twin("/api/reporting/commission-report", **params),
        "cycles": list(queries.shown_cycles()),
    }
    return render_to_string(TEMPLATE, context)


def _report_or_page(request: HttpRequest) -> CommissionReport | HttpResponse:
    today = timezone.localdate()
    try:
        as_of = pick_as_of(request.GET.get("as_of"), today)
        cycle: ReportingCycle | None = queries.pick_cycle(request.GET.get("cycle"))
    except (BadAsOf, queries.BadParameter) as error:
        return bad_request(request, queries.BadParameter(str(error)))
    return build_report(cycle, as_of, today)  # no cycle yet: treaty status and indicators only


@require_safe
def commission_report(request: HttpRequest) -> HttpResponse:
    report = _report_or_page(request)
    if isinstance(report, HttpResponse):
        return report
    return HttpResponse(report_html(report))


@require_safe
def commission_report_pdf(request: HttpRequest) -> HttpResponse:
    report = _report_or_page(request)
    if isinstance(report, HttpResponse):
        return report
    site = request.build_absolute_uri("/")
    response = HttpResponse(
        html_to_pdf(report_html(report, site_url=site), base_url=site), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'inline; filename="commission-report-{report.as_of.isoformat()}'
        f'{f"-cycle-{report.cycle_id}" if report.cycle_id is not None else ""}.pdf"'
    )
    warning = font_warning()
    if warning:
        response["X-Viennaplan-Font-Warning"] = warning.encode("ascii", "replace").decode()
    return response


def default_site_url() -> str:
    return str(getattr(settings, "SITE_URL", ""))
