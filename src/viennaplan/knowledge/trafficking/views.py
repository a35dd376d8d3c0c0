"""The trafficking pages (46(b),(d)): a filterable list, a page per flow, aggregate views and the
public CSV. Each page has a JSON twin under /api/knowledge/trafficking with the same filters.

    /knowledge/trafficking?origin=&destination=&region=&form=&year=&provision=&q=&page=
    /knowledge/trafficking.csv?(the same filters)         every count as shown, never raw
    /knowledge/trafficking/by/<destination|origin|form|period|sex-age>?(the same filters)
    /knowledge/trafficking/<key>

Every count goes through `suppression.py` (via `queries.py`), for every reader: a count from 1 to 4
is "fewer than 5". A flow not published is a draft: only the Secretariat sees it (404 otherwise).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.knowledge.collections import collection
from viennaplan.knowledge.listing import (
    BadFilter,
    bad_request,
    distinct_values,
    neighbour_urls,
    options,
    page,
    paged,
    sees_drafts,
    state_pairs,
    with_query,
)

from . import queries, rules
from .queries import API_URL, PAGE_URL

RELATED = (("practices", 10), ("documents", 10))


def related_lines(user: Any) -> list[dict]:
    """Best practices and tools to assess effectiveness (46(b),(d)) from the other collections, when
    they are registered; nothing when they are not."""
    found = []
    for key, limit in RELATED:
        other = collection(key)
        if other is None or other.for_provisions is None:
            continue
        try:
            lines = other.for_provisions(list(rules.PROVISIONS_OF_COLLECTION), user, limit=limit)
        except Exception:  # another collection's failure must not take this page down
            continue
        found.append({"key": key, "label": other.label, "url": other.list_url, "lines": lines})
    return found


def codes_in(user: Any, field: str) -> set[str]:
    return distinct_values(queries.visible_flows(user), f"{field}_id")


def filter_context(request: HttpRequest, filters: queries.FlowFilters) -> dict:
    """The filters' options: the States named by a flow shown (names read once, two columns), the options'
    HTML of each big select built once per list of names (`listing.options`)."""
    codes = {field: codes_in(request.user, field) for field in ("origin", "destination", "transit")}
    every = state_pairs(set().union(*codes.values()))
    origins = [pair for pair in every if pair[0] in codes["origin"]]
    destinations = [pair for pair in every if pair[0] in codes["destination"]]
    return {
        "filters": filters,
        "state_options": options(every, filters.state),
        "origin_options": options(origins, filters.origin),
        "destination_options": options(destinations, filters.destination),
        "regions": queries.regions(),
        "forms": rules.FORM_LABELS.items(),
        "dimensions": [
            (dimension, with_query(queries.aggregate_url(dimension), filters.query()))
            for dimension in queries.DIMENSIONS
        ],
    }


@require_safe
def flow_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = queries.parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, PAGE_URL, _("Show all trafficking flows"))
    # The States of a page's flows read after the page (three small queries by code), not joined into it:
    # joined, PostgreSQL misjudges a words' filter as a few rows and loops over every country (issue 12).
    flows = queries.filtered_flows(request.user, filters).prefetch_related("origin", "destination", "transit")
    found = paged(flows, filters.page)
    previous_url, next_url = neighbour_urls(PAGE_URL, filters.query(), found)
    return page(
        request,
        "knowledge_trafficking/list.html",
        {
            **filter_context(request, filters),
            "found": found,
            "flows": [(flow, queries.flow_url(flow), queries.shown_counts(flow).total) for flow in found.rows],
            "previous_url": previous_url,
            "next_url": next_url,
            "drafts_shown": sees_drafts(request.user),
            "json_url": with_query(API_URL, filters.query(page=True)),
            "csv_url": with_query(f"{PAGE_URL}.csv", filters.query()),
            "related": related_lines(request.user),
        },
    )


@require_safe
def flow_csv(request: HttpRequest) -> HttpResponse:
    try:
        filters = queries.parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, PAGE_URL, _("Show all trafficking flows"))
    flows = queries.filtered_flows(request.user, filters)
    response = HttpResponse(queries.public_csv(flows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="trafficking-flows.csv"'
    return response


@require_safe
def flow_aggregate(request: HttpRequest, dimension: str) -> HttpResponse:
    if dimension not in queries.DIMENSIONS:
        raise Http404(_("No such view of the flows."))
    try:
        filters = queries.parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, queries.aggregate_url(dimension), _("Show all trafficking flows"))
    found = queries.aggregate(request.user, filters, dimension)
    return page(
        request,
        "knowledge_trafficking/aggregate.html",
        {
            **filter_context(request, filters),
            "aggregate": found,
            "dimension": dimension,
            "action": queries.aggregate_url(dimension),
            "here": _("Victims by %(dimension)s") % {"dimension": dimension_label(dimension)},
            "dimension_label": dimension_label(dimension),
            "ages": [str(label) for label in rules.AGE_LABELS.values()],
            "list_url": with_query(PAGE_URL, filters.query()),
            "json_url": with_query(f"{API_URL}/by/{dimension}", filters.query()),
            "drafts_shown": sees_drafts(request.user),
        },
    )


def dimension_label(dimension: str) -> str:
    return {
        "destination": _("State of destination"),
        "origin": _("State of origin"),
        "form": _("form of exploitation"),
        "period": _("period"),
        "sex-age": _("sex and age group"),
    }[dimension]


@require_safe
def flow_detail(request: HttpRequest, key: str) -> HttpResponse:
    flow = queries.flow_or_404(request.user, key)
    paths = sorted(flow.provisions.values_list("path", flat=True), key=rules.path_order)
    return page(
        request,
        "knowledge_trafficking/flow.html",
        {
            "flow": flow,
            "here": flow.key,
            "title": queries.flow_title(flow),
            "form_label": rules.FORM_LABELS.get(flow.form, flow.form),
            "counts": queries.shown_counts(flow),
            "ages": [str(label) for label in rules.AGE_LABELS.values()],
            "provisions": [(path, queries.provision_url(path)) for path in paths],
            "json_url": queries.flow_api_url(flow),
        },
    )
