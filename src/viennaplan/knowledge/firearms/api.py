"""The firearms collection as open data: the JSON twins of its pages (views.py), under /api/knowledge.

    GET  /api/knowledge/firearms?q=&state=&topic=&round=&page=           States × topics of 57(a)-(h)
    GET  /api/knowledge/firearms/{state}?round=&compare=                   a State's record and what changed
    GET  /api/knowledge/firearms/reports?state=&year=&status=&page=        the national firearms reports you may see
    GET  /api/knowledge/firearms/reports/{state}/{year}                    one report, its moves
    POST /api/knowledge/firearms/reports/{state}/{year}/transitions/{name} submit, return, resubmit, validate, publish

A round not published is a draft, a report is seen as `report.view` allows: anything else answers 404
as if it did not exist. A bad filter answers 422 naming it; a move not allowed 403, not possible now 409.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status
from ninja.security import django_auth

from viennaplan.api_shapes import INVALID, INVALID_BODY, ErrorOut, Label
from viennaplan.reporting import workflow
from viennaplan.reporting.api_out import event_out
from viennaplan.reporting.schemas import EventOut, TransitionIn

from ..api_errors import refused as invalid
from ..listing import PER_PAGE, BadFilter, with_query
from . import national_reports, queries, regulations
from .models import FirearmsReport, Regulation, RegulationTopic
from .transitions import apply_transition

router = Router()

READ = {404: ErrorOut, **INVALID}
WRITE = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, **INVALID_BODY}


# -- schemas ----------------------------------------------------------------------------------------


class RegulationFiltersIn(Schema):
    q: str | None = Field(None, max_length=200, description="words in a summary or the law it rests on")
    state: str | None = Field(None, max_length=3, description="one State, by alpha-3 code, e.g. CHE")
    topic: str | None = Field(None, max_length=8, description="a topic of 57(a)-(h), by path: 57/a … 57/h")
    round: int | None = Field(None, ge=1900, le=2100, description="the round (year); none: each State's latest")
    page: int | None = Field(None, ge=1, le=1_000_000, description=f"the page of {PER_PAGE} States, from 1")


class CoverageOut(Schema):
    state: str = Field(..., description="ISO 3166-1 alpha-3")
    state_name: str
    round: int
    published: bool = Field(..., description="false: a draft, which only the Secretariat sees")
    topics: list[str] = Field(..., description="the topics of 57(a)-(h) the round covers")
    url: str
    api_url: str


class CoverageListOut(Schema):
    count: int = Field(..., description="States matching the filters, on every page")
    page: int
    pages: int
    per_page: int
    topics: dict[str, Label] = Field(..., description="every topic of 57(a)-(h) by path, with its name")
    states: list[CoverageOut]
    url: str = Field(..., description="the page with the same filters")


class FirearmsLawRefOut(Schema):
    state: str
    key: str
    url: str


class TopicOut(Schema):
    topic: str = Field(..., description="the provision's path: 57/a … 57/h")
    topic_label: Label
    summary: str
    law: FirearmsLawRefOut | None = Field(
        ..., description="the law in the legislation database (null: none or a draft)"
    )
    law_citation: str
    official_url: str


class RoundOut(Schema):
    round: int
    published: bool
    topics: list[TopicOut]


class ChangeOut(Schema):
    topic: str
    topic_label: Label
    kind: str = Field(..., description="added, removed, changed or same")
    fields: list[str] = Field(..., description="changed: which of summary, law, law_citation, official_url")
    diff: list[tuple[str, str]] = Field(
        ..., description='the summary\'s words: ["=", kept], ["-", removed], ["+", added]'
    )


class StateRecordOut(Schema):
    state: str
    state_name: str
    rounds: list[int] = Field(..., description="every round on file you may see, latest first")
    shown: RoundOut
    compared: int | None = Field(..., description="the earlier round compared with (null: none)")
    changes: list[ChangeOut]
    url: str


class StateRecordIn(Schema):
    round: int | None = Field(None, ge=1900, le=2100, description="the round shown (none: the latest)")
    compare: int | None = Field(None, ge=1900, le=2100, description="the round compared with (none: the one before)")


class ReportFiltersIn(Schema):
    state: str | None = Field(None, max_length=3, description="one State, by alpha-3 code")
    year: int | None = Field(None, ge=1900, le=2100)
    status: str | None = Field(None, max_length=12, description="draft, submitted, returned, validated or published")
    page: int | None = Field(None, ge=1, le=1_000_000)


class FirearmsReportOut(Schema):
    state: str
    state_name: str
    year: int
    status: str
    status_label: Label
    url: str
    api_url: str


class ReportListOut(Schema):
    count: int
    page: int
    pages: int
    per_page: int
    reports: list[FirearmsReportOut]
    url: str


class ReportDetailOut(FirearmsReportOut):
    fields: dict[str, int | str | None] = Field(
        ..., description="the report's fields (57(k)-(l)); counts null when not known"
    )
    labels: dict[str, Label]
    submitted_at: datetime | None
    validated_at: datetime | None
    published_at: datetime | None
    can_edit: bool = Field(..., description="whether you may change the fields now")
    transitions: list[str] = Field(..., description="the moves you may make now")
    events: list[EventOut]


# -- shapes -----------------------------------------------------------------------------------------


def law_ref(topic: RegulationTopic) -> dict | None:
    law = topic.law
    if law is None or not law.published:
        return None
    return {"state": law.state_id, "key": law.key, "url": f"/knowledge/legislation/{law.state_id}/{law.key}"}


def round_out(regulation: Regulation) -> dict:
    topics = sorted(regulation.topics.all(), key=lambda t: regulations.topic_order(t.topic))
    return {
        "round": regulation.round,
        "published": regulation.published,
        "topics": [
            {
                "topic": topic.topic,
                "topic_label": regulations.TOPICS[topic.topic],
                "summary": topic.summary,
                "law": law_ref(topic),
                "law_citation": topic.law_citation,
                "official_url": topic.official_url,
            }
            for topic in topics
        ],
    }


def report_out(report: FirearmsReport) -> dict:
    return {
        "state": report.state_id,
        "state_name": report.state.name,
        "year": report.year,
        "status": report.status,
        "status_label": report.status_label,
        "url": queries.report_url(report),
        "api_url": queries.report_api_url(report),
    }


def report_detail_out(request: HttpRequest, report: FirearmsReport) -> dict:
    rights = queries.rights_on(request.user, report)
    return {
        **report_out(report),
        "fields": {name: getattr(report, name) for name in national_reports.FIELD_NAMES},
        "labels": national_reports.LABELS,
        "submitted_at": report.submitted_at,
        "validated_at": report.validated_at,
        "published_at": report.published_at,
        "can_edit": rights.edit,
        "transitions": [move.name for move in rights.transitions],
        "events": [event_out(event) for event in report.events.select_related("user")],
    }


# -- reports (declared before /firearms/{state}) ----------------------------------------------------


@router.get(
    "/firearms/reports",
    response={200: ReportListOut, **INVALID},
    operation_id="firearms_list_reports",
    summary="National firearms reports (57(k)-(l)) you may see, filtered as on their page",
)
def list_reports(request: HttpRequest, filters: Query[ReportFiltersIn]):
    given = {name: str(value) for name, value in filters.dict().items() if value is not None}
    try:
        checked = queries.parse_report_filters(given)
    except BadFilter as error:
        return invalid(error)
    found = queries.report_page(request.user, checked)
    return {
        "count": found.count,
        "page": found.page,
        "pages": found.pages,
        "per_page": PER_PAGE,
        "reports": [report_out(report) for report in found.rows],
        "url": with_query(queries.REPORTS_URL, checked.query(page=True)),
    }


@router.get(
    "/firearms/reports/{state}/{year}",
    response={200: ReportDetailOut, **READ},
    operation_id="firearms_get_report",
    summary="One national firearms report: its fields, your rights on it, its moves",
)
def get_report(request: HttpRequest, state: str, year: int):
    return report_detail_out(request, queries.report_or_404(request.user, state, year))


@router.post(
    "/firearms/reports/{state}/{year}/transitions/{name}",
    auth=django_auth,
    response={201: EventOut, **WRITE},
    operation_id="firearms_apply_transition",
    summary="Move a national firearms report: submit, return (comment required), resubmit, validate, publish",
)
def transition(request: HttpRequest, state: str, year: int, name: str, payload: TransitionIn):
    report = queries.report_or_404(request.user, state, year)
    try:
        event = apply_transition(request.user, report, name, payload.comment)
    except PermissionDenied as error:
        return Status(403, {"detail": str(error) or _("Not allowed."), "errors": []})
    except workflow.TransitionError as error:
        return Status(409, {"detail": str(error), "errors": []})
    return Status(201, event_out(event))


# -- regulations ------------------------------------------------------------------------------------


@router.get(
    "/firearms",
    response={200: CoverageListOut, **INVALID},
    operation_id="firearms_list_regulations",
    summary="Firearms regulations (59(a)): the topics of 57(a)-(h) each State's round covers",
)
def list_regulations(request: HttpRequest, filters: Query[RegulationFiltersIn]):
    given = {name: str(value) for name, value in filters.dict().items() if value is not None}
    try:
        checked = queries.parse_filters(given)
    except BadFilter as error:
        return invalid(error)
    found = queries.regulation_page(request.user, checked)
    return {
        "count": found.count,
        "page": found.page,
        "pages": found.pages,
        "per_page": PER_PAGE,
        "topics": regulations.TOPICS,
        "states": [
            {
                "state": regulation.state_id,
                "state_name": regulation.state.name,
                "round": regulation.round,
                "published": regulation.published,
                "topics": [path for path, covered in queries.coverage(regulation) if covered],
                "url": queries.state_url(regulation.state_id),
                "api_url": queries.state_api_url(regulation.state_id),
            }
            for regulation in found.rows
        ],
        "url": with_query(queries.PAGE_URL, checked.query(page=True)),
    }


@router.get(
    "/firearms/{state}",
    response={200: StateRecordOut, **READ},
    operation_id="firearms_get_state",
    summary="A State's firearms regulations by topic in one round, and what changed since an earlier round",
)
def get_state(request: HttpRequest, state: str, filters: Query[StateRecordIn]):
    state = state.upper()
    if len(state) != 3 or not state.isalpha():
        raise Http404(_("No record of the firearms regulations of %(state)s is on file.") % {"state": state})
    given = {name: str(value) for name, value in filters.dict().items() if value is not None}
    try:
        record = queries.state_record(request.user, state, given)
    except BadFilter as error:
        return invalid(error)
    return {
        "state": state,
        "state_name": record.shown.state.name,
        "rounds": [regulation.round for regulation in record.rounds],
        "shown": round_out(record.shown),
        "compared": record.compared.round if record.compared else None,
        "changes": [
            {
                "topic": change.topic,
                "topic_label": change.topic_label,
                "kind": change.kind,
                "fields": list(change.fields),
                "diff": [list(run) for run in change.diff],
            }
            for change in record.changes
        ],
        "url": queries.state_url(state),
    }
