"""Projects of technical assistance in the JSON API, under /api/assistance (issue 13): the twins of the
pages (project_views.py), with the same readers, filters and pages.

    GET  /api/assistance/projects?region=&chapter=&status=&page=
    GET  /api/assistance/projects/{key}
    POST /api/assistance/projects/{key}/outputs      {"kind": "seminar_held", "quantity": 1, "date": "2003-05-06"}
    POST /api/assistance/projects/{key}/complete

Everyone reads projects; the requests a project serves are listed only where the reader may read them
(the Secretariat all, a focal point its own State's), the others counted (`requests_not_shown`).
Writing needs a session allowed `project.manage` (the Secretariat) and `auth=django_auth` (which checks
the CSRF token): 401 not signed in, 403 not allowed, 404 no such project, 409 a completed project (or a
request moved meanwhile), 422 wrong input. A filter with a bad value answers 422 naming it.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from ninja.security import django_auth

from viennaplan.api_shapes import INVALID, INVALID_BODY, ErrorOut, IsoDate, Label
from viennaplan.knowledge.api_errors import refused as bad_filter
from viennaplan.knowledge.listing import PER_PAGE, BadFilter, with_query

from . import rules, workflow
from .models import Project, ProjectOutput
from .project_views import (
    API_URL,
    PAGE_URL,
    may_manage,
    parse_project_filters,
    project_or_404,
    project_page,
    project_view,
)
from .projects import complete_project, record_output

router = Router()
READ = {404: ErrorOut, **INVALID}
WRITE = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, **INVALID_BODY}


class ProjectFiltersIn(Schema):
    region: str | None = Field(None, max_length=60, description="the region it serves, e.g. Western Africa")
    chapter: str | None = Field(None, max_length=5, description="an area of the plan: its chapter, e.g. VI")
    status: str | None = Field(None, max_length=20, description=", ".join(rules.PROJECT_STATUS_LABELS))
    page: int | None = Field(None, ge=1, le=1_000_000, description=f"the page of {PER_PAGE} projects, from 1")


class ProjectOut(Schema):
    key: str = Field(..., description="PRJ-2003-001")
    title: str
    region: str
    chapter: str = Field(..., description="the area of the plan: its chapter, e.g. VI ('' when none)")
    executing_office: str
    partners: str
    status: str
    status_label: Label
    start: Date | None
    end: Date | None
    requests_count: int = Field(..., description="how many requests for technical assistance it serves")
    created_at: datetime
    updated_at: datetime
    url: str = Field(..., description="the project's page")
    api_url: str


class ProjectListOut(Schema):
    count: int = Field(..., description="projects matching the filters, on every page")
    page: int
    pages: int
    per_page: int
    projects: list[ProjectOut]
    url: str = Field(..., description="the page with the same filters")


class ProjectBudgetOut(Schema):
    year: int
    currency: str = Field(..., description="ISO 4217")
    amount: Decimal


class ProjectCurrencyTotalOut(Schema):
    currency: str = Field(..., description="ISO 4217")
    amount: Decimal = Field(..., description="the sum in that currency, never converted")


class ProjectRequestOut(Schema):
    key: str
    state: str = Field(..., description="ISO 3166-1 alpha-3")
    status: str
    status_label: Label
    need: str
    url: str


class ProjectMilestoneOut(Schema):
    title: str
    due: Date
    done: bool


class ProjectOutputOut(Schema):
    id: int
    kind: str
    kind_label: Label
    quantity: int
    date: Date
    description: str


class ProjectDisbursementOut(Schema):
    date: Date
    fund: str = Field(..., description="the fund's key")
    fund_name: str
    amount: Decimal
    currency: str = Field(..., description="ISO 4217")
    purpose: str


class ProjectDetailOut(ProjectOut):
    budget: list[ProjectBudgetOut] = Field(..., description="by year and currency")
    budget_totals: list[ProjectCurrencyTotalOut]
    requests: list[ProjectRequestOut] = Field(..., description="the requests served that the reader may read")
    requests_not_shown: int = Field(..., description="the requests served that the reader may not read")
    milestones: list[ProjectMilestoneOut]
    outputs: list[ProjectOutputOut]
    disbursements: list[ProjectDisbursementOut] = Field(..., description="money paid to it from the funds")
    disbursed_totals: list[ProjectCurrencyTotalOut]
    actions: list[str] = Field(..., description="what the reader may do now: outputs, complete")


class ProjectOutputIn(Schema):
    kind: str = Field(..., max_length=30, description=", ".join(rules.OUTPUT_KIND_LABELS))
    quantity: int = Field(1, ge=1, le=1_000_000)
    date: IsoDate = Field(..., description="when it was delivered, YYYY-MM-DD")
    description: str = Field("", max_length=10_000)


class ProjectOutputRecordedOut(Schema):
    output: ProjectOutputOut
    in_delivery: list[str] = Field(..., description="keys of the requests this output put into delivery")


class ProjectCompletedOut(Schema):
    key: str
    status: str
    delivered: list[str] = Field(..., description="keys of the requests the completion delivered")


def project_out(project: Project, served: int) -> dict:
    return {
        "key": project.key,
        "title": project.title,
        "region": project.region,
        "chapter": project.chapter,
        "executing_office": project.executing_office,
        "partners": project.partners,
        "status": project.status,
        "status_label": rules.PROJECT_STATUS_LABELS.get(project.status, project.status),
        "start": project.start,
        "end": project.end,
        "requests_count": served,
        "created_at": project.created_at,
        "updated_at": project.updated_at,
        "url": f"{PAGE_URL}/{project.key}",
        "api_url": f"{API_URL}/{project.key}",
    }


def output_out(output: ProjectOutput) -> dict:
    return {
        "id": output.pk,
        "kind": output.kind,
        "kind_label": rules.OUTPUT_KIND_LABELS.get(output.kind, output.kind),
        "quantity": output.quantity,
        "date": output.date,
        "description": output.description,
    }


def detail_out(project: Project, user) -> dict:
    view = project_view(user, project)
    manages = may_manage(user) and project.status != rules.COMPLETED
    return {
        **project_out(project, view.served.count),
        "budget": [{"year": b.year, "currency": b.currency, "amount": b.amount} for b in view.budget],
        "budget_totals": [{"currency": c, "amount": a} for c, a in view.budget_totals],
        "requests": [
            {
                "key": r.key,
                "state": r.state_id,
                "status": r.status,
                "status_label": workflow.STATUS_LABELS.get(r.status, r.status),
                "need": r.need,
                "url": r.get_absolute_url(),
            }
            for r in view.served.shown
        ],
        "requests_not_shown": view.served.hidden,
        "milestones": [{"title": m.title, "due": m.due, "done": m.done} for m in view.milestones],
        "outputs": [output_out(o) for o in view.outputs],
        "disbursements": [
            {
                "date": d.date,
                "fund": d.fund.key,
                "fund_name": d.fund.name,
                "amount": d.amount,
                "currency": d.currency,
                "purpose": d.purpose,
            }
            for d in view.disbursements
        ],
        "disbursed_totals": [{"currency": c, "amount": a} for c, a in view.disbursed_totals],
        "actions": ["outputs", "complete"] if manages else [],
    }


def changeable(request: HttpRequest, key: str) -> Project:
    """403 for a user not allowed `project.manage`, 404 for no such project, 409 for a completed one."""
    if not may_manage(request.user):
        raise HttpError(403, _("Only the secretariat creates and changes projects of technical assistance."))
    project = project_or_404(key)
    if project.status == rules.COMPLETED:
        raise HttpError(409, _("The project is completed: it cannot be changed any more."))
    return project


@router.get(
    "/projects",
    response={200: ProjectListOut, **INVALID},
    operation_id="assistance_list_projects",
    summary="Projects of technical assistance, filtered as on their page, a page at a time",
)
def list_projects(request: HttpRequest, filters: Query[ProjectFiltersIn]):
    given = {name: value for name, value in filters.dict().items() if value is not None}
    try:
        checked = parse_project_filters(given)
    except BadFilter as error:
        return bad_filter(error)
    page = project_page(checked)
    return {
        "count": page.count,
        "page": page.page,
        "pages": page.pages,
        "per_page": PER_PAGE,
        "projects": [project_out(row, row.served) for row in page.rows],
        "url": with_query(PAGE_URL, checked.query(page=True)),
    }


@router.get(
    "/projects/{key}",
    response={200: ProjectDetailOut, **READ},
    operation_id="assistance_get_project",
    summary="One project: budget, the requests served the reader may read, milestones, outputs, disbursements",
)
def get_project(request: HttpRequest, key: str):
    return detail_out(project_or_404(key), request.user)


@router.post(
    "/projects/{key}/outputs",
    auth=django_auth,
    response={201: ProjectOutputRecordedOut, **WRITE},
    operation_id="assistance_record_project_output",
    summary="Record a project's output; its funded requests go into delivery",
)
def record_project_output(request: HttpRequest, key: str, payload: ProjectOutputIn):
    project = changeable(request, key)
    if payload.kind not in rules.OUTPUT_KIND_LABELS:
        return Status(
            422,
            {
                "detail": _("No output was recorded."),
                "errors": [
                    "kind: " + _("not one of %(codes)s") % {"codes": ", ".join(rules.OUTPUT_KIND_LABELS)},
                ],
            },
        )
    funded = sorted(project.requests.filter(status=workflow.FUNDED).values_list("key", flat=True))
    try:
        output = record_output(
            request.user,
            project,
            kind=payload.kind,
            date=payload.date,
            quantity=payload.quantity,
            description=payload.description,
        )
    except PermissionDenied as error:
        return Status(403, {"detail": str(error) or _("Not allowed.")})
    except ValidationError as error:
        problems = [f"{name}: {message}" for name, messages in error.message_dict.items() for message in messages]
        return Status(422, {"detail": _("No output was recorded."), "errors": problems})
    except workflow.TransitionError as error:
        return Status(409, {"detail": str(error)})
    return Status(201, {"output": output_out(output), "in_delivery": funded})


@router.post(
    "/projects/{key}/complete",
    auth=django_auth,
    response={200: ProjectCompletedOut, **WRITE},
    operation_id="assistance_complete_project",
    summary="Complete a project; its funded and in-delivery requests become delivered",
)
def complete(request: HttpRequest, key: str):
    project = changeable(request, key)
    try:
        delivered = complete_project(request.user, project)
    except PermissionDenied as error:
        return Status(403, {"detail": str(error) or _("Not allowed.")})
    except workflow.TransitionError as error:
        return Status(409, {"detail": str(error)})
    return Status(200, {"key": project.key, "status": project.status, "delivered": [r.key for r in delivered]})
