"""Trafficking in persons as open data: the JSON twins of the pages (views.py), under /api/knowledge.

    GET /api/knowledge/trafficking?q=&state=&origin=&destination=&region=&form=&year=&provision=&page=
    GET /api/knowledge/trafficking/by/{dimension}?(the same filters)
    GET /api/knowledge/trafficking/{key}

Every count is a figure of `suppression.py` (`FigureOut`): {"value": 12, "suppressed": false,
"shown": "12"}, or {"value": null, "suppressed": true, "shown": "fewer than 5" | "not shown"}. No
operation returns a raw count. A flow not published is a draft: only the Secretariat sees it (404
for everyone else). A filter with a bad value answers 422 with the API's one error body, naming it.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from viennaplan.api_shapes import INVALID, ErrorOut, Label
from viennaplan.knowledge.listing import PER_PAGE, BadFilter, paged, with_query

from ..api_errors import refused
from . import queries, rules
from .models import Flow

router = Router()


class TraffickingFilters(Schema):
    q: str | None = Field(None, max_length=200, description="words in the key, the source or the reporting authority")
    state: str | None = Field(None, max_length=3, description="a State of origin, transit or destination, alpha-3")
    origin: str | None = Field(None, max_length=3, description="the State of origin, alpha-3, e.g. NGA")
    destination: str | None = Field(None, max_length=3, description="the State of destination, alpha-3, e.g. CHE")
    region: str | None = Field(None, max_length=60, description="a UN region of the origin or the destination")
    form: str | None = Field(None, max_length=30, description="a form of exploitation: " + ", ".join(rules.FORM_LABELS))
    year: str | None = Field(None, max_length=4, description="flows whose period includes this year")
    provision: str | None = Field(None, max_length=40, description="a provision of the plan they serve: 46/b")
    page: int | None = Field(None, ge=1, le=1_000_000, description=f"the page of {PER_PAGE} flows, from 1")


class FigureOut(Schema):
    value: int | None = Field(..., description="the count; null when it is not shown")
    suppressed: bool = Field(..., description="true: the count is from 1 to 4, or would let one be worked out")
    shown: str = Field(..., description="what a page shows: the number, 'fewer than 5' or 'not shown'")


class AgesOut(Schema):
    child: FigureOut
    adult: FigureOut
    unknown: FigureOut


class BySexOut(Schema):
    female: AgesOut
    male: AgesOut
    unknown: AgesOut


class FlowOut(Schema):
    key: str
    origin: str = Field(..., description="alpha-3 of the State of origin")
    origin_name: str
    destination: str
    destination_name: str
    transit: str | None
    year_from: int
    year_to: int
    form: str
    form_label: Label
    total: FigureOut = Field(..., description="detected victims")
    published: bool = Field(..., description="false: a draft, which only the Secretariat sees")
    url: str
    api_url: str


class FlowDetailOut(FlowOut):
    by_sex_and_age: BySexOut
    source: str
    source_url: str
    authority: str = Field(..., description="the reporting authority")
    provisions: list[str]


class FlowListOut(Schema):
    count: int = Field(..., description="flows matching the filters, on every page")
    page: int
    pages: int
    per_page: int
    flows: list[FlowOut]
    url: str = Field(..., description="the page with the same filters")
    csv_url: str = Field(..., description="the same flows as CSV, counts as shown")


class AggregateRowOut(Schema):
    key: str
    label: str
    flows: int = Field(..., description="the number of flows summed (not of victims)")
    victims: FigureOut


class AggregateOut(Schema):
    dimension: str
    flows: int
    total: FigureOut
    rows: list[AggregateRowOut] = Field(..., description="empty for sex-age")
    by_sex_and_age: BySexOut | None = Field(..., description="only for sex-age")
    url: str


def flow_out(flow: Flow) -> dict:
    return {
        "key": flow.key,
        "origin": flow.origin_id,
        "origin_name": flow.origin.name,
        "destination": flow.destination_id,
        "destination_name": flow.destination.name,
        "transit": flow.transit_id,
        "year_from": flow.year_from,
        "year_to": flow.year_to,
        "form": flow.form,
        "form_label": rules.FORM_LABELS.get(flow.form, flow.form),
        "total": queries.shown_counts(flow).total.as_json(),
        "published": flow.published,
        "url": queries.flow_url(flow),
        "api_url": queries.flow_api_url(flow),
    }


def checked(filters: TraffickingFilters) -> queries.FlowFilters:
    return queries.parse_filters({name: value for name, value in filters.dict().items() if value is not None})


@router.get(
    "/trafficking",
    response={200: FlowListOut, **INVALID},
    operation_id="trafficking_list_flows",
    summary="Trafficking flows (46(b)), filtered as on their page, counts under 5 suppressed",
)
def list_flows(request: HttpRequest, filters: Query[TraffickingFilters]):
    try:
        given = checked(filters)
    except BadFilter as error:
        return refused(error)
    flows = queries.filtered_flows(request.user, given).select_related("origin", "destination")
    found = paged(flows, given.page)
    return {
        "count": found.count,
        "page": found.page,
        "pages": found.pages,
        "per_page": PER_PAGE,
        "flows": [flow_out(flow) for flow in found.rows],
        "url": with_query(queries.PAGE_URL, given.query(page=True)),
        "csv_url": with_query(f"{queries.PAGE_URL}.csv", given.query()),
    }


@router.get(
    "/trafficking/by/{dimension}",
    response={200: AggregateOut, 404: ErrorOut, **INVALID},
    operation_id="trafficking_aggregate",
    summary="Detected victims summed by destination, origin, form, period, or by sex and age; suppressed",
)
def aggregate(request: HttpRequest, dimension: str, filters: Query[TraffickingFilters]):
    if dimension not in queries.DIMENSIONS:
        detail = _("No such view of the flows: %(dimension)s (known: %(known)s).") % {
            "dimension": dimension,
            "known": ", ".join(queries.DIMENSIONS),
        }
        return Status(404, {"detail": detail, "errors": []})
    try:
        given = checked(filters)
    except BadFilter as error:
        return refused(error)
    found = queries.aggregate(request.user, given, dimension)
    return {
        "dimension": dimension,
        "flows": found.flows,
        "total": found.total.as_json(),
        "rows": [
            {"key": row.key, "label": row.label, "flows": row.flows, "victims": row.victims.as_json()}
            for row in found.rows
        ],
        "by_sex_and_age": found.by_sex_and_age.as_json()["by_sex_and_age"] if found.by_sex_and_age else None,
        "url": with_query(queries.aggregate_url(dimension), given.query()),
    }


@router.get(
    "/trafficking/{key}",
    response={200: FlowDetailOut, 404: ErrorOut, **INVALID},
    operation_id="trafficking_get_flow",
    summary="One trafficking flow: route, period, form, victims by sex and age (suppressed), source",
)
def get_flow(request: HttpRequest, key: str):
    flow = queries.flow_or_404(request.user, key)
    return {
        **flow_out(flow),
        "by_sex_and_age": queries.shown_counts(flow).as_json()["by_sex_and_age"],
        "source": flow.source,
        "source_url": flow.source_url,
        "authority": flow.authority,
        "provisions": sorted(flow.provisions.values_list("path", flat=True), key=rules.path_order),
    }
