"""/reporting/desk ("Your work"): the signed-in home, by role. A focal point sees their State's
report in each cycle on the desk (status, deadline, answered count, the next step); a reviewer
the queue of reports awaiting review, oldest first; the Secretariat the cycle board of each
cycle on the desk and the queue. Everyone else is pointed to the published reports.

The rules (which cycles, ages, ordering, counts) are `reporting.desk`; this module reads the
rows with a few aggregate queries (never one per report) and shows only reports the user may
open (`accounts.permissions.can(user, "report.view", ...)`).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from types import SimpleNamespace
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from viennaplan.accounts.permissions import can, role_of, state_of
from viennaplan.accounts.roles import FOCAL_POINT, REVIEWER, SECRETARIAT
from viennaplan.countries import registry

from .. import desk, workflow
from ..access import placeholder
from ..completion import answered_totals, completion_of, completions_of
from ..models import Report, ReportEvent, ReportingCycle
from .common import page

RECENT_DECISIONS = 10  # returned / validated reports listed under the queue


def state_names() -> list[tuple[str, str]]:
    """(alpha-3, name) of every current State (organizations left out), by name, from the
    registry's cached snapshot (never the State directory's query)."""
    names = registry.country_names()
    return sorted(
        (
            (code, name)
            for code, name in names.items()
            if registry.is_country(code) and not registry.is_organization(code)
        ),
        key=lambda pair: pair[1],
    )


def local_day(moment: datetime | None, zone: tzinfo | None = None) -> date | None:
    """The local date of a stored moment (None stays None); `zone`: the current time zone (callers
    in a loop look it up once)."""
    return moment.astimezone(zone or timezone.get_current_timezone()).date() if moment else None


def cycles_on_desk(today: date) -> list[desk.CycleDates]:
    rows = ReportingCycle.objects.values_list("pk", "name", "opens", "closes")
    return desk.desk_cycles((desk.CycleDates(*row) for row in rows), today)


def may_view(user: Any, alpha3: str, status: str) -> bool:
    return can(user, "report.view", SimpleNamespace(state_id=alpha3, status=status))


def report_url(cycle_id: int, alpha3: str) -> str:
    """The report page's address without building a Report or reversing per row (a long queue)."""
    return Report.get_absolute_url(SimpleNamespace(cycle_id=cycle_id, state_id=alpha3))  # type: ignore[arg-type]


def review_queue(user: Any, today: date) -> list[desk.Waiting]:
    """Submitted reports across cycles the user may open, oldest submission first."""
    found = [
        row
        for row in Report.objects.filter(status=workflow.SUBMITTED)
        .order_by()
        .values_list("pk", "cycle_id", "cycle__name", "state_id", "status", "submitted_at")
        if may_view(user, row[3], row[4])
    ]
    done = answered_totals([row[0] for row in found])
    names = registry.country_names()
    rows = []
    zone = timezone.get_current_timezone()
    for pk, cycle_id, cycle_name, alpha3, _status, submitted_at in found:
        submitted_on = local_day(submitted_at, zone) or today
        answered, total = done[pk]
        rows.append(
            desk.Waiting(
                cycle_id=cycle_id,
                cycle_name=cycle_name,
                alpha3=alpha3,
                state_name=names.get(alpha3, alpha3),
                submitted_on=submitted_on,
                days=desk.days_since(submitted_on, today),
                answered=answered,
                total=total,
                url=report_url(cycle_id, alpha3),
            )
        )
    return desk.queue(rows)


def recent_decisions(user: Any) -> list[dict[str, Any]]:
    """The latest returns and validations, by anyone, of reports the user may open."""
    events = (
        ReportEvent.objects.filter(transition__in=("return", "validate"))
        .select_related("report__cycle", "user")
        .order_by("-at", "-id")[: RECENT_DECISIONS * 2]
    )
    names = registry.country_names()
    rows = []
    for event in events:
        report = event.report
        if may_view(user, report.state_id, report.status):
            rows.append({"event": event, "report": report, "state_name": names.get(report.state_id, report.state_id)})
    return rows[:RECENT_DECISIONS]


def boards(cycles: list[desk.CycleDates], today: date) -> list[desk.Board]:
    """The cycle board of each cycle on the desk, from one query over their reports."""
    zone = timezone.get_current_timezone()
    found: dict[tuple[int, str], tuple[str, date | None, date | None]] = {}
    rows = Report.objects.filter(cycle_id__in=[c.pk for c in cycles]).values_list(
        "cycle_id", "state_id", "status", "first_submitted_at", "validated_at"
    )
    for cycle_id, alpha3, status, first_submitted, validated in rows:
        found[(cycle_id, alpha3)] = (status, local_day(first_submitted, zone), local_day(validated, zone))
    states = state_names()
    result = []
    for cycle in cycles:
        reports = []
        for alpha3, name in states:
            status, first_submitted, validated = found.get((cycle.pk, alpha3), (None, None, None))
            reports.append(desk.StateReport(alpha3, name, status, first_submitted, validated))
        result.append(desk.board(cycle, reports, today))
    return result


def own_reports(user: Any, alpha3: str, cycles: list[desk.CycleDates], today: date) -> list[dict[str, Any]]:
    """A focal point's State's report in each cycle on the desk, with its next step."""
    by_id = {c.pk: c for c in ReportingCycle.objects.filter(pk__in=[c.pk for c in cycles])}
    saved = {r.cycle_id: r for r in Report.objects.filter(state_id=alpha3, cycle_id__in=list(by_id))}
    done = completions_of(list(saved.values()))
    returned = {r.pk for r in saved.values() if r.status == workflow.RETURNED}
    comments: dict[int, ReportEvent] = {}
    for event in ReportEvent.objects.filter(report_id__in=returned, transition="return").order_by("at", "id"):
        comments[event.report_id] = event  # the latest return of each
    rows = []
    for dates in cycles:
        cycle = by_id[dates.pk]
        report = saved.get(cycle.pk)
        if report is None:
            report = placeholder(cycle, alpha3)
            if not can(user, "report.view", report):
                continue
            completion = completion_of(report)
            status = None
        else:
            if not can(user, "report.view", report):
                continue
            completion = done[report.pk]
            status = report.status
        rows.append(
            {
                "cycle": cycle,
                "report": report,
                "status": desk.status_key(status),
                "status_label": desk.status_label(status),
                "deadline": desk.deadline(cycle.closes, today),
                "late": workflow.is_late(cycle.closes, today, local_day(report.first_submitted_at)),
                "answered": completion.answered,
                "total": completion.total,
                "next": desk.next_step(status, completion.answered, completion.total),
                "returned_by": comments.get(report.pk) if report.pk else None,
                "is_open": cycle.is_open_on(today),
            }
        )
    return rows


@require_safe
@login_required
def desk_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    role = role_of(user)
    today = timezone.localdate()
    context: dict[str, Any] = {"role": role, "today": today, "nav": "desk"}
    if role == FOCAL_POINT and state_of(user):
        alpha3 = state_of(user)
        context.update(
            state_name=registry.country_name(alpha3),
            alpha3=alpha3,
            reports=own_reports(user, alpha3, cycles_on_desk(today), today),
        )
    elif role in (REVIEWER, SECRETARIAT):
        context.update(queue=review_queue(user, today))
        context.update(decisions=recent_decisions(user))
        if role == SECRETARIAT:
            context.update(boards=boards(cycles_on_desk(today), today))
    return page(request, "reporting/desk.html", context)
