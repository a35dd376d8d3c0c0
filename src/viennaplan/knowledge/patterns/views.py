"""The pages of the collection (18(c),(d); 70, 71), each with its JSON twin under /api/knowledge (api.py):

    /knowledge/patterns?q=&state=&role=&region=&crime_type=&kind=&year=&provision=&confidence=&page=
    /knowledge/patterns/<key>             one record
    /knowledge/patterns/map?role=origin   records per State as origin, transit or destination (the same
                                          filters), and a table by region
    /knowledge/patterns/map.svg           the same map as an SVG file
    /knowledge/patterns/years             records per year by crime type (the same filters)
    /knowledge/terrorism?as_of=YYYY-MM-DD every State's adherence to the universal instruments against
                                          terrorism, beside the records of links between terrorism and
                                          other crime

A record not published is a draft: only the Secretariat sees it; for everyone else it does not exist
(404 on its page, absent from lists, maps and counts). A filter with a bad value answers 400 naming it.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.countries import registry
from viennaplan.knowledge.collections import collection
from viennaplan.knowledge.listing import (
    BadFilter,
    bad_request,
    neighbour_urls,
    options,
    page,
    sees_drafts,
    with_query,
)
from viennaplan.treaties.views import BadAsOf, requested_as_of

from . import figures, queries, rules
from .csvio import known_regions
from .queries import PAGE_URL

PRACTICE_PROVISIONS = ["18/c", "18/d"]
PRACTICE_LINES = 20  # on the list page; the rest through the practices' list filtered by provision


def practices_for(user: Any) -> list:
    """The best practices for 18(c) and (d), from the collection of practices when it is registered."""
    practices = collection("practices")
    if practices is None or practices.for_provisions is None:
        return []
    return practices.for_provisions(PRACTICE_PROVISIONS, user, limit=PRACTICE_LINES)


def filter_choices(user: Any, filters: queries.PatternFilters) -> dict[str, Any]:
    """The options of the filters: every State (from the registry, in memory; its options' HTML built once
    per list of names), the regions, the fixed lists."""
    names = known_regions()
    states = [(info.alpha3, info.name) for info in registry.states()]  # in the reader's language and order
    return {
        "state_options": options(states, filters.state),
        "regions": [(code, queries.region_label(code, names)) for code in names],
        "roles": rules.ROLE_LABELS.items(),
        "crime_types": rules.CRIME_TYPE_LABELS.items(),
        "kinds": rules.KIND_LABELS.items(),
        "confidences": rules.CONFIDENCE_LABELS.items(),
    }


def crime_labels(record: Any) -> list:
    return [rules.CRIME_TYPE_LABELS[code] for code in queries.crime_types_of(record)]


def place_of(record: Any) -> str:
    """ "4.711, -74.0721" (latitude, longitude in decimal degrees), or "" when none is recorded."""
    if record.latitude is None or record.longitude is None:
        return ""
    return f"{rules.write_coordinate(record.latitude)}, {rules.write_coordinate(record.longitude)}"


def show_all() -> str:
    return _("Show all organized-crime patterns and trends")


@require_safe
def pattern_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = queries.parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, PAGE_URL, show_all())
    found = queries.record_page(request.user, filters)
    query = filters.query()
    previous_url, next_url = neighbour_urls(PAGE_URL, query, found)
    return page(
        request,
        "knowledge_patterns/list.html",
        {
            "filters": filters,
            "found": found,
            "records": [
                (record, queries.record_url(record), crime_labels(record), queries.states_by_role(record))
                for record in found.rows
            ],
            **filter_choices(request.user, filters),
            "previous_url": previous_url,
            "next_url": next_url,
            "drafts_shown": sees_drafts(request.user),
            "json_url": with_query(queries.API_URL, filters.query(page=True)),
            "map_url": with_query(queries.MAP_URL, query),
            "years_url": with_query(queries.YEARS_URL, query),
            "practices": practices_for(request.user),
        },
    )


@require_safe
def pattern_detail(request: HttpRequest, key: str) -> HttpResponse:
    record = queries.record_or_404(request.user, key)
    names = known_regions()
    by_role = {role: [] for role in rules.ROLES}
    for row in record.states.all():
        by_role[row.role].append(row.state)
    return page(
        request,
        "knowledge_patterns/record.html",
        {
            "record": record,
            "here": record.key,
            "crime_types": [rules.CRIME_TYPE_LABELS[c] for c in queries.crime_types_of(record)],
            "roles": [
                (rules.ROLE_LABELS[role], sorted(states, key=lambda state: state.name))
                for role, states in by_role.items()
            ],
            "regions": [(r.m49, queries.region_label(r.m49, names)) for r in record.regions.all()],
            "instruments": [row.instrument for row in record.instruments.all()],
            "provisions": [
                (path, f"/plan/{path}")
                for path in sorted((p.path for p in record.provisions.all()), key=rules.path_order)
            ],
            "place": place_of(record),
            "json_url": queries.record_api_url(record),
        },
    )


def map_context(request: HttpRequest) -> tuple[queries.PatternFilters, Any] | HttpResponse:
    try:
        filters = queries.parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, queries.MAP_URL, show_all())
    return filters, figures.records_map(request.user, filters)


@require_safe
def pattern_map(request: HttpRequest) -> HttpResponse:
    found = map_context(request)
    if isinstance(found, HttpResponse):
        return found
    filters, spec = found
    records = queries.filtered_records(request.user, filters)
    counts = spec.counts()
    query = filters.query()
    return page(
        request,
        "knowledge_patterns/map.html",
        {
            "filters": filters,
            **filter_choices(request.user, filters),
            "spec": spec,
            "svg": mark_safe(figures.as_svg(spec)),  # noqa: S308  (names and labels escaped by monitoring.maps.render)
            "map_legend": [(c, counts.get(c.key, 0)) for c in spec.categories],
            "rows": sorted((s for s in spec.states if s.value), key=lambda s: (-int(s.value), s.name.casefold())),
            "regions_table": queries.region_table(records),
            "role_labels": [rules.ROLE_LABELS[role] for role in rules.ROLES],
            "here": _("Map"),
            "list_url": with_query(PAGE_URL, query),
            "svg_url": with_query(f"{queries.MAP_URL}.svg", query),
            "json_url": with_query(f"{queries.API_URL}/map", query),
            "drafts_shown": sees_drafts(request.user),
        },
    )


@require_safe
def pattern_map_svg(request: HttpRequest) -> HttpResponse:
    found = map_context(request)
    if isinstance(found, HttpResponse):
        return found
    response = HttpResponse(figures.as_svg(found[1]), content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="organized-crime-patterns.svg"'
    return response


@require_safe
def pattern_years(request: HttpRequest) -> HttpResponse:
    try:
        filters = queries.parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, queries.YEARS_URL, show_all())
    crimes, rows = queries.years_table(queries.filtered_records(request.user, filters))
    query = filters.query()
    return page(
        request,
        "knowledge_patterns/years.html",
        {
            "filters": filters,
            **filter_choices(request.user, filters),
            "columns": [(crime, rules.CRIME_TYPE_LABELS[crime]) for crime in crimes],
            "rows": [(row, [row.counts[crime] for crime in crimes]) for row in reversed(rows)],
            "chart": mark_safe(figures.years_chart(crimes, rows)) if rows else "",  # noqa: S308  (escaped by svgcharts)
            "here": _("Records per year"),
            "list_url": with_query(PAGE_URL, query),
            "json_url": with_query(f"{queries.API_URL}/years", query),
            "drafts_shown": sees_drafts(request.user),
        },
    )


@require_safe
def terrorism(request: HttpRequest) -> HttpResponse:
    try:
        as_of = requested_as_of(request)
    except BadAsOf as error:
        return bad_request(request, BadFilter("as_of", str(error)), queries.TERRORISM_URL, _("Show today's status"))
    from viennaplan.treaties.store import has_status_data

    table = queries.adherence(as_of)
    links = queries.filtered_records(request.user, queries.PatternFilters(kind=rules.TERRORISM_LINK))
    shown = list(links.prefetch_related("crime_types")[:50])
    given = {"as_of": request.GET.get("as_of", "").strip()} if request.GET.get("as_of", "").strip() else {}
    return page(
        request,
        "knowledge_patterns/terrorism.html",
        {
            "table": table,
            "standings": [(key, figures.STANDING_MARKS[key], label) for key, label in figures.STANDING_LABELS.items()],
            "rows": [(row, [(cell, figures.STANDING_MARKS[cell]) for cell in row.cells]) for row in table.rows],
            "has_data": has_status_data(),
            "links": [(record, queries.record_url(record), crime_labels(record)) for record in shown],
            "links_count": links.count(),
            "links_url": with_query(PAGE_URL, {"kind": rules.TERRORISM_LINK}),
            "json_url": with_query("/api/knowledge/terrorism", given),
            "here": _("Terrorism"),
        },
    )
