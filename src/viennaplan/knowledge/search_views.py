"""The knowledge databases' front page and the one search over all collections and the plan.

    /knowledge                       every collection, with how many records the reader may see
    /knowledge/search?q=&collection=&state=&chapter=&instrument=&page=
                                     records of every collection (and the plan's provisions) with the
                                     words, narrowed by facets; each facet's values with their counts

JSON twins: /api/knowledge and /api/knowledge/search (api_search.py), from the same functions.
A filter with a bad value answers 400 naming it (422 in the API).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.countries.registry import state_directory, state_name
from viennaplan.plan.models import Chapter, PlanVersion
from viennaplan.treaties.rules import INSTRUMENTS

from . import collections, search
from .listing import (
    BadFilter,
    bad_request,
    checked_instrument,
    checked_page,
    checked_q,
    checked_state,
    page,
    sees_drafts,
    value_of,
    with_query,
)
from .models import SearchEntry

PAGE_URL = "/knowledge/search"
API_URL = "/api/knowledge/search"
FILTERS = ("q", "collection", "state", "chapter", "instrument")


def parse_query(given: Any) -> search.SearchQuery:
    """The search's parameters, checked; BadFilter on the first bad one."""
    q = checked_q(given)
    collection = value_of(given, "collection")
    known = [search.PLAN, *(registered.key for registered in collections.collections())]
    if collection and collection not in known:
        raise BadFilter(
            "collection",
            _("%(value)s is not one of %(codes)s") % {"value": repr(collection), "codes": ", ".join(known)},
        )
    chapter = value_of(given, "chapter").upper()
    if chapter:
        current = PlanVersion.current()
        numbers = list(Chapter.objects.filter(version=current).values_list("number", flat=True)) if current else []
        if chapter not in numbers:
            raise BadFilter(
                "chapter",
                _("%(value)s is not a chapter of the plan (%(codes)s)")
                % {"value": repr(value_of(given, "chapter")), "codes": ", ".join(numbers)},
            )
    return search.SearchQuery(
        q=q,
        collection=collection,
        state=checked_state(given),
        chapter=chapter,
        instrument=checked_instrument(given),
        page=checked_page(given),
    )


def query_of(query: search.SearchQuery) -> dict[str, str]:
    return {name: getattr(query, name) for name in FILTERS if getattr(query, name)}


def collection_labels() -> dict[str, str]:
    return {search.PLAN: _("The plan"), **{c.key: str(c.label) for c in collections.collections()}}


def facet_lines(query: search.SearchQuery, found: search.Found) -> list[dict[str, Any]]:
    """Each facet with its values (label, count, the URL that narrows to it or, when chosen, clears it)."""
    labels = collection_labels()
    directory = state_directory()
    names = {
        "collection": lambda value: labels.get(value, value),
        "state": lambda value: state_name(value, directory),
        "chapter": lambda value: _("Chapter %(number)s") % {"number": value},
        "instrument": lambda value: INSTRUMENTS[value].short_name if value in INSTRUMENTS else value,
    }
    titles = {
        "collection": _("Collection"),
        "state": _("State"),
        "chapter": _("Chapter of the plan"),
        "instrument": _("Instrument"),
    }
    base = query_of(query)
    lines = []
    for facet in ("collection", "chapter", "state", "instrument"):
        counts = found.facets.get(facet, {})
        chosen = getattr(query, facet)
        values = []
        for value, count in sorted(counts.items(), key=lambda pair: (-pair[1], str(names[facet](pair[0])))):
            narrowed = {key: val for key, val in base.items() if key != facet}
            if value != chosen:
                narrowed[facet] = value
            values.append(
                {
                    "value": value,
                    "label": names[facet](value),
                    "count": count,
                    "chosen": value == chosen,
                    "url": with_query(PAGE_URL, narrowed),
                }
            )
        if values:
            lines.append({"facet": facet, "title": titles[facet], "values": values[:30], "more": len(values) > 30})
    return lines


def collection_counts(user: Any) -> list[dict[str, Any]]:
    """Every registered collection with how many records the user may see (from the search's index)."""
    entries = SearchEntry.objects.all() if sees_drafts(user) else SearchEntry.objects.filter(published=True)
    counts = dict(entries.values_list("collection").annotate(n=Count("id")))
    return [
        {
            "key": registered.key,
            "label": str(registered.label),
            "citation": registered.citation,
            "url": registered.list_url,
            "count": counts.get(registered.key, 0),
        }
        for registered in collections.collections()
    ]


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "knowledge/index.html",
        {"collections": collection_counts(request.user), "here": "", "json_url": "/api/knowledge"},
    )


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    try:
        query = parse_query(request.GET)
    except BadFilter as error:
        return bad_request(request, error, PAGE_URL, _("Search all the databases"))
    found = search.search(query, request.user)
    labels = collection_labels()
    base = query_of(query)
    previous_url = with_query(PAGE_URL, {**base, "page": str(found.page - 1)}) if found.page > 1 else ""
    next_url = with_query(PAGE_URL, {**base, "page": str(found.page + 1)}) if found.page < found.pages else ""
    directory = state_directory()
    return page(
        request,
        "knowledge/search.html",
        {
            "query": query,
            "found": found,
            "hits": [
                (hit, labels.get(hit.collection, hit.collection), [state_name(s, directory) for s in hit.states])
                for hit in found.hits
            ],
            "facets": facet_lines(query, found),
            "plan_url": with_query(
                "/plan/search", {"q": query.q, **({"chapter": query.chapter} if query.chapter else {})}
            ),
            "all_provisions_url": with_query(PAGE_URL, {**base, "collection": search.PLAN}),
            "previous_url": previous_url,
            "next_url": next_url,
            "drafts_shown": sees_drafts(request.user),
            "json_url": with_query(API_URL, {**base, **({"page": str(found.page)} if found.page > 1 else {})}),
            "here": _("Search"),
            "asked": bool(base),
        },
    )
