"""The plan's meetings and seminars as JSON: the twin of the pages (views.py), under /api/assistance.

    GET /api/assistance/events?q=&kind=&state=&year=&provision=&page=
    GET /api/assistance/events/{key}

The same filters, pages of the same size and the same rows as /assistance/events. A draft is a 404 for
anyone but the Secretariat. A filter with a bad value answers 422 naming it (`knowledge.api_errors`).
"""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from viennaplan.api_shapes import INVALID, ErrorOut, Label
from viennaplan.knowledge.api_errors import refused
from viennaplan.knowledge.listing import PER_PAGE, BadFilter, with_query

from . import rules
from .models import Event
from .views import (
    PAGE_URL,
    documents_of,
    event_api_url,
    event_or_404,
    event_page,
    event_url,
    outputs_of,
    parse_filters,
    participations_of,
    provisions_of,
    requests_of,
)

router = Router()


class MeetingFiltersIn(Schema):
    q: str | None = Field(None, max_length=200, description="words in the title, organizer, city or key")
    kind: str | None = Field(None, max_length=30, description=", ".join(rules.KINDS))
    state: str | None = Field(None, max_length=3, description="a State that hosted or took part, alpha-3, e.g. CHE")
    year: str | None = Field(None, max_length=4, description="a year the event was held in, e.g. 2002")
    provision: str | None = Field(
        None, max_length=40, description="a provision it serves, or a paragraph one belongs to: 10/c, 44"
    )
    page: int | None = Field(None, ge=1, le=1_000_000, description=f"the page of {PER_PAGE} events, from 1")


class MeetingProvisionOut(Schema):
    path: str = Field(..., description="the provision's path in the plan, e.g. 10/c")
    citation: str = Field(..., description="as the plan cites it, e.g. 10(c)")
    url: str


class MeetingParticipationOut(Schema):
    state: str = Field(..., description="ISO 3166-1 alpha-3")
    state_name: str = Field(..., description="in the language of the request")
    participants: int


class MeetingDocumentOut(Schema):
    kind: str
    kind_label: Label
    symbol: str
    title: str
    url: str


class MeetingOutputOut(Schema):
    kind: str
    kind_label: Label
    description: str
    quantity: int | None


class MeetingRequestOut(Schema):
    key: str
    state: str
    state_name: str
    status: str
    status_label: Label
    url: str


class MeetingProjectOut(Schema):
    key: str
    title: str


class MeetingSummaryOut(Schema):
    key: str
    title: str
    kind: str = Field(..., description=", ".join(rules.KINDS))
    kind_label: Label
    start: date
    end: date
    city: str
    host: str | None = Field(..., description="the host State, alpha-3 (null when none is recorded)")
    host_name: str | None
    organizer: str
    provisions: list[MeetingProvisionOut]
    published: bool = Field(..., description="false: a draft, which only the Secretariat sees")
    url: str = Field(..., description="the event's page")
    api_url: str


class MeetingOut(MeetingSummaryOut):
    description: str
    participants: int = Field(..., description="the participants of every State, in all")
    participations: list[MeetingParticipationOut]
    documents: list[MeetingDocumentOut]
    outputs: list[MeetingOutputOut]
    requests_answered: int = Field(..., description="how many requests for technical assistance it answers")
    requests: list[MeetingRequestOut] = Field(
        ...,
        description="those the reader may read (the Secretariat all, a focal point its own State's; the public none)",
    )
    project: MeetingProjectOut | None = Field(..., description="the project of technical assistance that delivered it")


class MeetingListOut(Schema):
    count: int = Field(..., description="events matching the filters, on every page")
    page: int
    pages: int
    per_page: int
    events: list[MeetingSummaryOut]
    url: str = Field(..., description="the page with the same filters")


def summary_out(event: Event) -> dict:
    return {
        "key": event.key,
        "title": event.title,
        "kind": event.kind,
        "kind_label": rules.kind_label(event.kind),
        "start": event.start,
        "end": event.end,
        "city": event.city,
        "host": event.host_id,
        "host_name": event.host.name if event.host_id else None,
        "organizer": event.organizer,
        "provisions": provisions_of(event),
        "published": event.published,
        "url": event_url(event),
        "api_url": event_api_url(event),
    }


def event_out(event: Event, user) -> dict:
    participations = participations_of(event)
    answered, readable = requests_of(user, event)
    return {
        **summary_out(event),
        "description": event.description,
        "participants": sum(p.participants for p in participations),
        "participations": [
            {"state": p.state_id, "state_name": p.state.name, "participants": p.participants} for p in participations
        ],
        "documents": [
            {
                "kind": d.kind,
                "kind_label": rules.DOCUMENT_KINDS.get(d.kind, d.kind),
                "symbol": d.symbol,
                "title": d.title,
                "url": d.url,
            }
            for d in documents_of(event)
        ],
        "outputs": [
            {
                "kind": o.kind,
                "kind_label": rules.OUTPUT_KINDS.get(o.kind, o.kind),
                "description": o.description,
                "quantity": o.quantity,
            }
            for o in outputs_of(event)
        ],
        "requests_answered": answered,
        "requests": readable,
        "project": {"key": event.project.key, "title": event.project.title} if event.project_id else None,
    }


@router.get(
    "/events",
    response={200: MeetingListOut, **INVALID},
    operation_id="assistance_events_list",
    summary="The plan's meetings and seminars, filtered as on their page, a page at a time",
)
def list_events(request: HttpRequest, filters: Query[MeetingFiltersIn]):
    given = {name: value for name, value in filters.dict().items() if value is not None}
    try:
        checked = parse_filters(given)
    except BadFilter as error:
        return refused(error)
    found = event_page(request.user, checked)
    return {
        "count": found.count,
        "page": found.page,
        "pages": found.pages,
        "per_page": PER_PAGE,
        "events": [summary_out(event) for event in found.rows],
        "url": with_query(PAGE_URL, checked.query(page=True)),
    }


@router.get(
    "/events/{key}",
    response={200: MeetingOut, 404: ErrorOut, **INVALID},
    operation_id="assistance_events_get",
    summary="One meeting or seminar: dates, place, participants by State, documents, outputs, provisions served",
)
def get_event(request: HttpRequest, key: str):
    return event_out(event_or_404(request.user, key), request.user)
