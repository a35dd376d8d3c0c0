"""Requests for technical assistance in the JSON API, under /api/assistance (issue 13): the twins of
the pages (views.py), with the same readers, filters and pages.

    GET  /api/assistance/requests?state=&chapter=&status=&kind=&page=
    GET  /api/assistance/requests/{key}
    POST /api/assistance/requests/{key}/transitions/{name}     {"comment": "…"}
    POST /api/assistance/answers/{answer_id}/request           file the request an answer asks for

Reading needs a session of a focal point (its own State's requests) or of the secretariat: 401 when
not signed in, 403 for any other role, 404 for a request of another State (as if it did not exist).
Writing also needs `auth=django_auth` (which checks the CSRF token): 403 not allowed, 409 a move the
workflow does not allow now, 422 wrong input. A filter with a bad value answers 422 naming it.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from ninja.security import django_auth

from viennaplan.accounts.names import display_name
from viennaplan.api_shapes import INVALID, INVALID_BODY, ErrorOut, Label
from viennaplan.knowledge.api_errors import refused as bad_filter
from viennaplan.knowledge.listing import PER_PAGE, BadFilter, with_query
from viennaplan.reporting.models import Answer

from . import rules, workflow
from .filing import request_from_answer
from .models import AssistanceRequest, RequestEvent
from .transitions import apply_transition, possible_moves
from .views import API_URL, PAGE_URL, parse_filters, request_or_404, request_page, require_reader

router = Router()
READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, **INVALID}
WRITE = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, **INVALID_BODY}


class AssistanceRequestFiltersIn(Schema):
    state: str | None = Field(None, max_length=3, description="one State, by alpha-3 code, e.g. CHE")
    chapter: str | None = Field(None, max_length=5, description="an area of the plan: its chapter, e.g. VI")
    status: str | None = Field(None, max_length=20, description=", ".join(workflow.STATUSES))
    kind: str | None = Field(None, max_length=30, description=", ".join(rules.KIND_LABELS))
    page: int | None = Field(None, ge=1, le=1_000_000, description=f"the page of {PER_PAGE} requests, from 1")


class AssistanceArticleOut(Schema):
    instrument: str
    article: str


class AssistanceEventOut(Schema):
    id: int
    transition: str
    from_status: str
    to_status: str
    user: str | None
    at: datetime
    comment: str


class AssistanceRequestOut(Schema):
    key: str = Field(..., description="TA-CHE-2003-001")
    state: str = Field(..., description="ISO 3166-1 alpha-3")
    state_name: str = Field(..., description="in the language of the request")
    chapter: str = Field(..., description="the area of the plan: its chapter, e.g. VI")
    provisions: list[str] = Field(..., description="paths of provisions of the plan, e.g. 57/f")
    articles: list[AssistanceArticleOut]
    need: str
    kind: str
    kind_label: Label
    urgency: str
    requesting_authority: str
    estimated_cost: Decimal | None
    currency: str = Field(..., description="ISO 4217, '' when no cost is estimated")
    shareable: bool = Field(..., description="whether the State lets donors read the need")
    status: str
    status_label: Label
    decline_reason: str
    answer: int | None = Field(..., description="the id of the national report's answer it was filed from")
    projects: list[str] = Field(..., description="keys of the projects serving it")
    created_at: datetime
    updated_at: datetime
    url: str = Field(..., description="the request's page")
    api_url: str


class AssistanceRequestDetailOut(AssistanceRequestOut):
    events: list[AssistanceEventOut]
    transitions: list[str] = Field(..., description="the moves the reader may make now")


class AssistanceRequestListOut(Schema):
    count: int = Field(..., description="requests matching the filters, on every page")
    page: int
    pages: int
    per_page: int
    requests: list[AssistanceRequestOut]
    url: str = Field(..., description="the page with the same filters")


class AssistanceTransitionIn(Schema):
    comment: str = Field("", max_length=10_000, description="required to decline: the reason")


def event_out(event: RequestEvent) -> dict:
    return {
        "id": event.pk,
        "transition": event.transition,
        "from_status": event.from_status,
        "to_status": event.to_status,
        "user": display_name(event.user) if event.user is not None else None,
        "at": event.at,
        "comment": event.comment,
    }


def request_out(item: AssistanceRequest) -> dict:
    return {
        "key": item.key,
        "state": item.state_id,
        "state_name": item.state.name,
        "chapter": item.chapter,
        "provisions": [p.path for p in item.provisions.all()],
        "articles": [{"instrument": a.instrument_id, "article": a.article} for a in item.articles.all()],
        "need": item.need,
        "kind": item.kind,
        "kind_label": rules.KIND_LABELS.get(item.kind, item.kind),
        "urgency": item.urgency,
        "requesting_authority": item.requesting_authority,
        "estimated_cost": item.estimated_cost,
        "currency": item.currency,
        "shareable": item.shareable,
        "status": item.status,
        "status_label": workflow.STATUS_LABELS.get(item.status, item.status),
        "decline_reason": item.decline_reason,
        "answer": item.answer_id,
        "projects": [p.key for p in item.projects.all()],
        "created_at": item.created_at,
        "updated_at": item.updated_at,
        "url": f"{PAGE_URL}/{item.key}",
        "api_url": f"{API_URL}/{item.key}",
    }


def reader(request: HttpRequest) -> None:
    """401 for the public, 403 for a role that reads no request."""
    if not request.user.is_authenticated:
        raise HttpError(401, _("Sign in first: requests for technical assistance are not public."))
    try:
        require_reader(request.user)
    except PermissionDenied as refusal:
        raise HttpError(403, str(refusal)) from None


def found(request: HttpRequest, key: str) -> AssistanceRequest:
    """The request `key` if the reader may read it; a 404 (the API's Http404 handler) otherwise."""
    reader(request)
    return request_or_404(request.user, key)


@router.get(
    "/requests",
    response={200: AssistanceRequestListOut, **READ},
    operation_id="assistance_list_requests",
    summary="Requests for technical assistance the reader may read, filtered as on their page, a page at a time",
)
def list_requests(request: HttpRequest, filters: Query[AssistanceRequestFiltersIn]):
    reader(request)
    given = {name: value for name, value in filters.dict().items() if value is not None}
    try:
        checked = parse_filters(given)
    except BadFilter as error:
        return bad_filter(error)
    page = request_page(request.user, checked)
    return {
        "count": page.count,
        "page": page.page,
        "pages": page.pages,
        "per_page": PER_PAGE,
        "requests": [request_out(row) for row in page.rows],
        "url": with_query(PAGE_URL, checked.query(page=True)),
    }


def detail_out(item: AssistanceRequest, user) -> dict:
    return {
        **request_out(item),
        "events": [event_out(e) for e in item.events.select_related("user")],
        "transitions": [t.name for t in possible_moves(user, item)],
    }


@router.get(
    "/requests/{key}",
    response={200: AssistanceRequestDetailOut, **READ},
    operation_id="assistance_get_request",
    summary="One request for technical assistance, with its events and the moves the reader may make",
)
def get_request(request: HttpRequest, key: str):
    return detail_out(found(request, key), request.user)


@router.post(
    "/requests/{key}/transitions/{name}",
    auth=django_auth,
    response={201: AssistanceEventOut, **WRITE},
    operation_id="assistance_apply_transition",
    summary="Move a request: assess, await, fund, deliver, complete, close, decline (a reason required)",
)
def transition(request: HttpRequest, key: str, name: str, payload: AssistanceTransitionIn):
    item = found(request, key)
    try:
        event = apply_transition(request.user, item, name, payload.comment)
    except PermissionDenied as error:
        return Status(403, {"detail": str(error) or _("Not allowed.")})
    except workflow.TransitionError as error:
        return Status(409, {"detail": str(error)})
    return Status(201, event_out(event))


@router.post(
    "/answers/{answer_id}/request",
    auth=django_auth,
    response={200: AssistanceRequestDetailOut, 201: AssistanceRequestDetailOut, **WRITE},
    operation_id="assistance_request_from_answer",
    summary="File the request a national report's answer asks for (201), or the one filed from it already (200)",
)
def from_answer(request: HttpRequest, answer_id: int):
    answer = Answer.objects.select_related("report", "question").filter(pk=answer_id).first()
    if answer is None:
        raise HttpError(404, _("There is no answer %(id)s.") % {"id": answer_id})
    existed = AssistanceRequest.objects.filter(answer=answer).exists()
    try:
        filed = request_from_answer(request.user, answer)
    except PermissionDenied as error:
        return Status(403, {"detail": str(error) or _("Not allowed.")})
    except ValidationError as error:
        return Status(422, {"detail": _("No request was filed."), "errors": error.messages})
    return Status(200 if existed else 201, detail_out(filed, request.user))
