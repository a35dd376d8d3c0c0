"""/reporting/<cycle>/<alpha3>/history: the report's events and answer versions, and a diff
between any two moments: `?a=<event id>&b=<event id>` ("start" and "now" are moments too)."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from .. import workflow
from ..access import cycle_or_404, report_or_404
from ..diffs import created_moment, report_diff
from ..models import Answer, Report, ReportEvent
from .common import API, CYCLES, page

START, NOW = "start", "now"


class BadMoment(ValueError):
    pass


def resolve_moment(report: Report, raw: str, default: str) -> tuple[str, datetime | ReportEvent | None, str]:
    """(key, moment, label) for `?a=` / `?b=`: an event id of this report, "start" or "now"."""
    raw = (raw or default).strip().lower()
    if raw == START:
        return START, created_moment(report), "the report as started"
    if raw == NOW:
        return NOW, None, "now"
    event = ReportEvent.objects.filter(report=report, pk=int(raw) if raw.isdigit() else 0).first()
    if event is None:
        raise BadMoment(f"{raw!r} is not an event of this report; pick a moment from the list (or start, now)")
    return str(event.pk), event, f"{event.transition} on {event.at:%d %B %Y %H:%M}"


@require_safe
def report_history(request: HttpRequest, cycle_id: int, alpha3: str) -> HttpResponse:
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    report = report_or_404(request.user, cycle, alpha3)
    events = list(report.events.select_related("user")) if report.pk else []
    versions = []
    if report.pk is not None:
        versions = list(
            Answer.history.model.objects.filter(report_id=report.pk)  # type: ignore[attr-defined]
            .select_related("history_user", "question")
            .order_by("-history_date", "-history_id")[:500]
        )
    diff = []
    error = ""
    a_key = b_key = ""
    a_label = b_label = ""
    if report.pk is not None:
        try:
            a_key, at_a, a_label = resolve_moment(report, request.GET.get("a", ""), START)
            b_key, at_b, b_label = resolve_moment(report, request.GET.get("b", ""), NOW)
            diff = report_diff(report, at_a, at_b)
        except BadMoment as bad:
            error = str(bad)
    return page(
        request,
        "reporting/history.html",
        {
            "cycle": cycle,
            "report": report,
            "state": report.state,
            "status_label": workflow.STATUS_LABELS[report.status] if report.pk else "Not started",
            "events": events,
            "versions": versions,
            "diff": diff,
            "a": a_key,
            "b": b_key,
            "a_label": a_label,
            "b_label": b_label,
            "error": error,
            "json_url": f"{API}/reports/{cycle.pk}/{report.state_id}/diff?a={a_key}&b={b_key}",
        },
        status=400 if error else 200,
    )
