"""Who may see which report, for the pages, the API and the workbook views alike (through
accounts.permissions).

A report the user may not read is answered exactly like a report that does not exist (404),
so that the existence of an unpublished report does not leak. `cycle_or_404` and
`report_or_404` raise Django's Http404: a page shows its message, the API answers it as
{"detail": message, "errors": []} with 404 (viennaplan/api.py). A State that has not started
its report yet is represented by an unsaved draft `Report`. Reading never writes: a report is
started (`cycles.report_for`) only by a request that changes something — the focal point's
"Start the report" form, or a first answer sent through the API.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from viennaplan.accounts.permissions import can
from viennaplan.countries import registry
from viennaplan.countries.registry import StateInfo

from . import workflow
from .cycles import report_for
from .models import Report, ReportingCycle


def not_found_message(alpha3: str) -> str:
    return _("There is no report of %(state)s in this cycle that you may see.") % {"state": alpha3.upper()}


def cycle_or_404(cycle_id: int, *, listed_at: str = "") -> ReportingCycle:
    """The cycle, or Http404; `listed_at` (pages: "/reporting/") says where the cycles are listed."""
    cycle = ReportingCycle.objects.select_related("plan_version").filter(pk=cycle_id).first()
    if cycle is None:
        if listed_at:
            raise Http404(
                _("There is no reporting cycle %(cycle)s; the cycles are listed at %(where)s.")
                % {"cycle": cycle_id, "where": listed_at}
            )
        raise Http404(_("There is no reporting cycle %(cycle)s.") % {"cycle": cycle_id})
    return cycle


def placeholder(cycle: ReportingCycle, alpha3: str) -> Report:
    """The report a State has not started yet: a draft that is not saved."""
    return Report(cycle=cycle, state_id=alpha3, status=workflow.DRAFT)


def visible_report(user: Any, cycle: ReportingCycle, alpha3: str, *, start: bool = False) -> Report | None:
    """The report of `alpha3` in `cycle` if `user` may read it (else None, as if it did not exist).

    A not-yet-started report is an unsaved placeholder (pk None). With `start` (write requests
    only: never from GET), it is created when the user may edit it."""
    alpha3 = alpha3.upper()
    if not registry.is_country(alpha3):
        return None
    report = Report.objects.select_related("cycle", "state").filter(cycle=cycle, state_id=alpha3).first()
    if report is None:
        report = placeholder(cycle, alpha3)
    if not can(user, "report.view", report):
        return None
    if report.pk is None and start and can(user, "report.edit", report):
        report = report_for(cycle, alpha3)
    return report


def visible_reports(user: Any, cycle: ReportingCycle) -> list[tuple[StateInfo, Report]]:
    """Every State's report in `cycle` that `user` may see, by State name (not started: a placeholder)."""
    existing = {r.state_id: r for r in Report.objects.filter(cycle=cycle)}
    pairs = []
    for state in registry.states():
        report = existing.get(state.alpha3) or placeholder(cycle, state.alpha3)
        if can(user, "report.view", report):
            pairs.append((state, report))
    return pairs


def report_or_404(user: Any, cycle: ReportingCycle, alpha3: str, *, start: bool = False) -> Report:
    """`visible_report`, or Http404 saying there is no report the user may see (404 alike)."""
    report = visible_report(user, cycle, alpha3, start=start)
    if report is None:
        raise Http404(not_found_message(alpha3))
    return report


@dataclass(frozen=True)
class ReportRights:
    """What the user may do with one report: computed once per page or response."""

    edit: bool
    comment: bool
    start: bool  # the report is not started yet and the user may start it
    transitions: tuple[workflow.Transition, ...]
    download: bool = False  # the questionnaire as an Excel workbook
    upload: bool = False


def rights_on(user: Any, report: Report) -> ReportRights:
    saved = report.pk is not None
    moves = tuple(
        move for move in workflow.available_from(report.status) if saved and can(user, move.permission, report)
    )
    return ReportRights(
        edit=saved and report.is_editable and can(user, "report.edit", report),
        start=not saved and can(user, "report.edit", report),
        comment=saved and can(user, "report.comment", report),
        transitions=moves,
        download=saved and can(user, "report.download_questionnaire", report),
        upload=saved and report.is_editable and can(user, "report.upload_questionnaire", report),
    )
