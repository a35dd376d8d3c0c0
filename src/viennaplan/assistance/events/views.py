"""The events' pages: a filterable list of the plan's meetings and seminars, a page per event, and the
Secretariat's CSV download. Each page has a JSON twin (api.py, the same queries).

    /assistance/events?q=&kind=regional_seminar&state=CHE&year=2002&provision=10/c&page=
    /assistance/events/<key>
    /assistance/events.csv            (the Secretariat's file, drafts included)

`state` is a State that hosted the event or took part in it; `year` a year the event was held in (from
its first to its last day); `provision` a provision it serves, or a paragraph one of them belongs to
(44 finds the events of 44(j)). An event not published is a draft: only the Secretariat sees it (404
for everyone else, absent from lists; `knowledge.listing`'s rule). A filter with a bad value answers
400 naming the parameter and why (422 in the API). The requests for technical assistance an event
answers are a count for the public; a reader allowed `assistance.view` on a request (the Secretariat,
the focal point of its State) also sees it listed, with its link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.accounts.permissions import can
from viennaplan.countries.models import Country
from viennaplan.countries.registry import name_sort_key
from viennaplan.knowledge.listing import (
    BadFilter,
    ListFilters,
    Paged,
    checked_choice,
    checked_page,
    checked_provision,
    checked_q,
    checked_state,
    checked_year,
    neighbour_urls,
    paged,
    sees_drafts,
    visible,
    with_query,
)

from . import rules
from .events_csv import write_csv
from .models import Event, EventProvision, Participation

PAGE_URL = "/assistance/events"
API_URL = "/api/assistance/events"
NAV = "assistance"


@dataclass(frozen=True)
class EventFilters(ListFilters):
    q: str = ""
    kind: str = ""
    state: str = ""
    year: int | None = None
    provision: str = ""
    page: int = 1


def parse_filters(given: Any) -> EventFilters:
    """The filters of a query (a QueryDict or a dict of strings), checked; BadFilter on the first bad one."""
    return EventFilters(
        checked_q(given),
        checked_choice(given, "kind", rules.KINDS),
        checked_state(given),
        checked_year(given, "year"),
        checked_provision(given),
        checked_page(given),
    )


def visible_events(user: Any) -> QuerySet[Event]:
    return visible(user, Event.objects.all())


def filtered_events(user: Any, filters: EventFilters) -> QuerySet[Event]:
    events = visible_events(user)
    if filters.q:
        events = events.filter(
            Q(title__icontains=filters.q)
            | Q(organizer__icontains=filters.q)
            | Q(city__icontains=filters.q)
            | Q(key__icontains=filters.q)
        )
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.state:
        events = events.filter(
            Q(host_id=filters.state)
            | Exists(Participation.objects.filter(event=OuterRef("pk"), state_id=filters.state))
        )
    if filters.year:
        events = events.filter(start__year__lte=filters.year, end__year__gte=filters.year)
    if filters.provision:
        served = EventProvision.objects.filter(event=OuterRef("pk")).filter(
            Q(path=filters.provision) | Q(path__startswith=filters.provision + "/")
        )
        events = events.filter(Exists(served))
    return events.order_by("-start", "key")


def event_page(user: Any, filters: EventFilters) -> Paged[Event]:
    events = filtered_events(user, filters).select_related("host")
    return paged(events.prefetch_related("provisions"), filters.page)


def event_or_404(user: Any, key: str) -> Event:
    event = (
        visible_events(user)
        .select_related("host")
        .select_related("project")
        .prefetch_related("provisions", "participations__state", "documents", "outputs", "requests__state")
        .filter(key=key)
        .first()
    )
    if event is None:
        raise Http404(_("No event %(key)s is on file.") % {"key": key})
    return event


def event_url(event: Event) -> str:
    return f"{PAGE_URL}/{event.key}"


def event_api_url(event: Event) -> str:
    return f"{API_URL}/{event.key}"


def provision_url(path: str) -> str:
    return f"/plan/{path}"


def linked(paths) -> list[dict[str, str]]:
    """Provisions' paths as the plan cites them, each with its page, in the plan's order."""
    ordered = sorted(paths, key=rules.path_order)
    return [{"path": path, "citation": rules.citation(path), "url": provision_url(path)} for path in ordered]


def provisions_of(event: Event) -> list[dict[str, str]]:
    return linked(p.path for p in event.provisions.all())


def asked_by(event: Event) -> list[dict[str, str]]:
    """The provisions that ask for events of the event's kind."""
    kind = rules.KINDS.get(event.kind)
    return linked(kind.provisions) if kind else []


def participations_of(event: Event) -> list[Participation]:
    """The States that took part, by name in the reader's language."""
    key = name_sort_key()
    return sorted(event.participations.all(), key=lambda p: key(p.state.name))


def documents_of(event: Event) -> list:
    return sorted(event.documents.all(), key=lambda d: (d.symbol, d.title))


def outputs_of(event: Event) -> list:
    return sorted(event.outputs.all(), key=lambda o: (o.kind, o.description))


def requests_of(user: Any, event: Event) -> tuple[int, list[dict[str, Any]]]:
    """How many requests for technical assistance the event answers, and those `user` may read
    (`assistance.view`: the Secretariat all, a focal point its own State's; the public none: a count)."""
    answered = sorted(event.requests.all(), key=lambda request: request.key)
    readable = [
        {
            "key": request.key,
            "state": request.state_id,
            "state_name": request.state.name,
            "status": request.status,
            "status_label": request.status_label,
            "url": request.get_absolute_url(),
        }
        for request in answered
        if can(user, "assistance.view", request)
    ]
    return len(answered), readable


def bad_request(request: HttpRequest, error: BadFilter) -> HttpResponse:
    """The 400 page for a bad filter, naming the parameter, with a way back to the whole list."""
    context = {"message": str(error), "parameter": error.parameter, "here": _("Bad request"), "nav": NAV}
    return render(request, "assistance_events/bad_request.html", context, status=400)


# -- the pages ----------------------------------------------------------------------------------


@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error)
    found = event_page(request.user, filters)
    previous_url, next_url = neighbour_urls(PAGE_URL, filters.query(), found)
    events = visible_events(request.user)
    states = Country.objects.filter(Q(hosted_events__in=events) | Q(event_participations__event__in=events)).distinct()
    key = name_sort_key()
    return render(
        request,
        "assistance_events/event_list.html",
        {
            "nav": NAV,
            "filters": filters,
            "found": found,
            "events": [(event, event_url(event)) for event in found.rows],
            "kinds": [(code, kind.label) for code, kind in rules.KINDS.items()],
            "states": sorted(((state.alpha3, state.name) for state in states), key=lambda pair: key(pair[1])),
            "previous_url": previous_url,
            "next_url": next_url,
            "drafts_shown": sees_drafts(request.user),
            "json_url": with_query(API_URL, filters.query(page=True)),
            "csv_url": f"{PAGE_URL}.csv" if sees_drafts(request.user) else "",
        },
    )


@require_safe
def event_detail(request: HttpRequest, key: str) -> HttpResponse:
    event = event_or_404(request.user, key)
    participations = participations_of(event)
    answered, readable = requests_of(request.user, event)
    return render(
        request,
        "assistance_events/event.html",
        {
            "nav": NAV,
            "event": event,
            "here": event.key,
            "asked_by": asked_by(event),
            "provisions": provisions_of(event),
            "participations": participations,
            "participants": sum(p.participants for p in participations),
            "documents": documents_of(event),
            "outputs": outputs_of(event),
            "answered": answered,
            "readable_requests": readable,
            "json_url": event_api_url(event),
        },
    )


@require_safe
def event_csv(request: HttpRequest) -> HttpResponse:
    """The Secretariat's file (drafts included); refused to everyone else."""
    if not sees_drafts(request.user):
        raise PermissionDenied(_("Only the Secretariat may download the file of events."))
    response = HttpResponse(write_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="events.csv"'
    return response
