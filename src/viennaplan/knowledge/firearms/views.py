"""The firearms pages. Each has a JSON twin under /api/knowledge/firearms (api.py reads the same queries).

    /knowledge/firearms?q=&state=&topic=57/c&round=2003&page=   States × topics of 57(a)-(h), a round per State
    /knowledge/firearms/CHE?round=2005&compare=2003               a State's record by topic and what changed
    /knowledge/firearms/reports?state=&year=&status=&page=        the national firearms reports the reader may see
    /knowledge/firearms/reports/new                               a focal point starts its State's report
    /knowledge/firearms/reports/CHE/2003                          one report: its fields, moves, history
    /knowledge/firearms/reports/CHE/2003/edit                     the focal point's form (draft or returned)
    /knowledge/firearms/reports/CHE/2003/move                     POST: submit, return, resubmit, validate, publish

A round not published is a draft the Secretariat alone sees; a report is seen as `report.view` allows,
and one the reader may not see answers 404 like one that does not exist. A bad filter answers 400.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from viennaplan.accounts.permissions import require, role_of, state_of
from viennaplan.accounts.roles import SECRETARIAT
from viennaplan.countries import registry
from viennaplan.countries.models import Country
from viennaplan.reporting import workflow

from ..listing import (
    BadFilter,
    bad_request,
    distinct_values,
    neighbour_urls,
    options,
    page,
    sees_drafts,
    state_pairs,
    with_query,
)
from . import national_reports, queries, regulations
from .forms import NewReportForm, ReportForm
from .models import FirearmsReport
from .queries import (
    API_URL,
    PAGE_URL,
    REPORTS_API_URL,
    REPORTS_URL,
    report_api_url,
    report_or_404,
    report_url,
    state_api_url,
    state_url,
)
from .transitions import apply_transition


def _year(year: str) -> int:
    return int(year)


# -- regulations ------------------------------------------------------------------------------------


@require_safe
def regulations_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = queries.parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, PAGE_URL, _("Show every State's firearms regulations"))
    found = queries.regulation_page(request.user, filters)
    query = filters.query()
    previous_url, next_url = neighbour_urls(PAGE_URL, query, found)
    states = state_pairs(distinct_values(queries.visible_regulations(request.user), "state_id"))
    return page(
        request,
        "knowledge_firearms/regulations_list.html",
        {
            "filters": filters,
            "found": found,
            "rows": [
                (regulation, state_url(regulation.state_id), queries.coverage(regulation)) for regulation in found.rows
            ],
            "topics": regulations.TOPICS.items(),
            "state_options": options(states, filters.state),
            "previous_url": previous_url,
            "next_url": next_url,
            "drafts_shown": sees_drafts(request.user),
            "json_url": with_query(API_URL, filters.query(page=True)),
        },
    )


@require_safe
def state_regulations(request: HttpRequest, state: str) -> HttpResponse:
    if state != state.upper():
        return redirect(with_query(state_url(state.upper()), request.GET.dict()), permanent=True)
    try:
        record = queries.state_record(request.user, state, request.GET)
    except BadFilter as error:
        return bad_request(request, error, state_url(state), _("Show the latest round"))
    query = {"round": str(record.shown.round)}
    if record.compared is not None:
        query["compare"] = str(record.compared.round)
    return page(
        request,
        "knowledge_firearms/state.html",
        {
            "record": record,
            "topics": [(path, regulations.TOPICS[path], entry) for path, entry in record.topics],
            "changed": [change for change in record.changes if change.kind != regulations.SAME],
            "country": record.shown.state,
            "here": record.shown.state.name,
            "reports": [
                (report, report_url(report))
                for report in queries.visible_reports(request.user).filter(state_id=state).order_by("-year")
            ],
            "json_url": with_query(state_api_url(state), query),
        },
    )


# -- national firearms reports ----------------------------------------------------------------------


@require_safe
def reports_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = queries.parse_report_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, REPORTS_URL, _("Show every national firearms report"))
    found = queries.report_page(request.user, filters)
    previous_url, next_url = neighbour_urls(REPORTS_URL, filters.query(), found)
    own = state_of(request.user)
    return page(
        request,
        "knowledge_firearms/reports_list.html",
        {
            "filters": filters,
            "found": found,
            "reports": [(report, report_url(report)) for report in found.rows],
            "statuses": workflow.STATUS_LABELS.items(),
            "states": Country.objects.filter(firearms_reports__in=queries.visible_reports(request.user))
            .distinct()
            .values_list("alpha3", flat=True),
            "may_start": role_of(request.user) == SECRETARIAT or bool(own and queries.may_start(request.user, own)),
            "previous_url": previous_url,
            "next_url": next_url,
            "json_url": with_query(REPORTS_API_URL, filters.query(page=True)),
        },
    )


def sections_of(report: FirearmsReport) -> list[tuple[str, str, list[tuple[national_reports.Field, Any]]]]:
    return [
        (item, title, [(field, getattr(report, field.name)) for field in fields])
        for item, title, fields in national_reports.sections()
    ]


def history_of(report: FirearmsReport) -> list[dict[str, Any]]:
    """Each saved version, latest first: when, who, why (a move or an edit), which fields changed."""
    versions = list(report.history.select_related("history_user").order_by("-history_date", "-history_id"))
    rows = []
    for newer, older in zip(versions, [*versions[1:], None], strict=True):
        changed = []
        if older is not None:
            delta = newer.diff_against(older, included_fields=[*national_reports.FIELD_NAMES, "status"])
            changed = [national_reports.LABELS.get(c.field, _("status")) for c in delta.changes]
        rows.append(
            {
                "at": newer.history_date,
                "user": newer.history_user,
                "reason": newer.history_change_reason or "",
                "changed": changed,
            }
        )
    return rows


def report_context(request: HttpRequest, report: FirearmsReport, **extra: Any) -> dict[str, Any]:
    return {
        "report": report,
        "here": f"{report.state.name} {report.year}",
        "sections": sections_of(report),
        "rights": queries.rights_on(request.user, report),
        "events": [
            (event, workflow.STATUS_LABELS.get(event.from_status, ""), workflow.STATUS_LABELS.get(event.to_status, ""))
            for event in report.events.select_related("user")
        ],
        "history": history_of(report),
        "edit_url": f"{report_url(report)}/edit",
        "move_url": f"{report_url(report)}/move",
        "json_url": report_api_url(report),
        **extra,
    }


@require_safe
def report_detail(request: HttpRequest, state: str, year: str) -> HttpResponse:
    if state != state.upper():
        return redirect(f"{REPORTS_URL}/{state.upper()}/{year}", permanent=True)
    report = report_or_404(request.user, state, _year(year))
    return page(request, "knowledge_firearms/report.html", report_context(request, report))


@require_http_methods(["GET", "HEAD", "POST"])
def report_new(request: HttpRequest) -> HttpResponse:
    """A focal point starts its own State's report; the Secretariat starts any State's."""
    if role_of(request.user) == SECRETARIAT:
        states = [(state.alpha3, state.name) for state in registry.states() if not state.is_organization]
    else:
        own = state_of(request.user)
        require(request.user, "report.edit", FirearmsReport(state_id=own or "", status=workflow.DRAFT))
        states = [(c.alpha3, c.name) for c in Country.objects.filter(alpha3=own)]
    form = NewReportForm(request.POST or None, states=states)
    if request.method == "POST" and form.is_valid():
        report = form.save(commit=False)
        report.state_id = form.cleaned_data["state"]  # a new report is a draft (the model's default)
        require(request.user, "report.edit", report)
        report._history_user = request.user  # type: ignore[attr-defined]
        report._change_reason = "create"  # type: ignore[attr-defined]
        try:
            with transaction.atomic():
                report.save()
        except IntegrityError:
            form.add_error("year", _("This State already has a report for this year."))
        else:
            return redirect(report_url(report), permanent=False)
    return page(
        request,
        "knowledge_firearms/report_form.html",
        {"form": form, "here": _("New national firearms report"), "report": None},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def report_edit(request: HttpRequest, state: str, year: str) -> HttpResponse:
    report = report_or_404(request.user, state, _year(year))
    if not report.is_editable:
        raise PermissionDenied(
            _("The report is %(status)s: it can be changed only as a draft or when returned to the focal point.")
            % {"status": str(report.status_label).lower()}
        )
    require(request.user, "report.edit", report)
    form = ReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # the status is the workflow's: the row is saved only if nobody moved the report meanwhile
            if not FirearmsReport.objects.select_for_update().filter(pk=report.pk, status=report.status).exists():
                raise PermissionDenied(_("The report was moved meanwhile; reload the page."))
            saved = form.save(commit=False)
            saved._history_user = request.user  # type: ignore[attr-defined]
            saved._change_reason = "edit"  # type: ignore[attr-defined]
            saved.save()
        return redirect(report_url(saved))
    return page(
        request,
        "knowledge_firearms/report_form.html",
        {
            "form": form,
            "report": report,
            "here": f"{report.state.name} {report.year}",
            "cancel_url": report_url(report),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def report_move(request: HttpRequest, state: str, year: str) -> HttpResponse:
    """Submit, return (with a comment), resubmit, validate or publish: 403 when not allowed, 400 when the
    workflow refuses the move (the page says why)."""
    report = report_or_404(request.user, state, _year(year))
    name = request.POST.get("transition", "")
    comment = request.POST.get("comment", "")
    try:
        apply_transition(request.user, report, name, comment)
    except workflow.TransitionError as error:
        report.refresh_from_db()
        context = report_context(request, report, move_error=str(error), comment=comment)
        return page(request, "knowledge_firearms/report.html", context, status=400)
    if not queries.visible_reports(request.user).filter(pk=report.pk).exists():
        return redirect(REPORTS_URL)
    return redirect(report_url(report))
