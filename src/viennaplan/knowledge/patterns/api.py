"""The collection as open data: the JSON twins of the pages (views.py), under /api/knowledge.

    GET /api/knowledge/patterns?q=&state=&role=&region=&crime_type=&kind=&year=&provision=&confidence=&page=
    GET /api/knowledge/patterns/map?(the same filters)      records per State, as the map shows them
    GET /api/knowledge/patterns/years?(the same filters)    records per year by crime type
    GET /api/knowledge/patterns/{key}
    GET /api/knowledge/terrorism?as_of=YYYY-MM-DD           adherence to the instruments against terrorism

The same filters, pages of the same size and the same rows as the pages. A record not published is a
draft: only the Secretariat sees it; for anyone else it answers 404 and is absent from every list and
count. A filter with a bad value answers 422 with the API's one error body, naming it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from viennaplan.api_shapes import INVALID, ErrorOut, Label
from viennaplan.knowledge.listing import PER_PAGE, BadFilter, with_query

from ..api_errors import refused
from . import figures, queries, rules
from .csvio import known_regions
from .models import PatternRecord

router = Router()


class PatternFilterQuery(Schema):
    q: str | None = Field(None, max_length=200, description="words in the title, the summary or the source")
    state: str | None = Field(None, max_length=3, description="a State it names, by alpha-3 code, e.g. COL")
    role: str | None = Field(None, max_length=20, description="origin, transit or destination (with state: its role)")
    region: str | None = Field(None, max_length=3, description="an M49 region by code, e.g. 419: named or of a State")
    crime_type: str | None = Field(None, max_length=30, description="a crime type, e.g. drug_trafficking")
    kind: str | None = Field(None, max_length=20, description="pattern, trend or terrorism_link")
    year: str | None = Field(None, max_length=4, description="a year its period covers")
    provision: str | None = Field(None, max_length=40, description="a provision of the plan it concerns: 18/c")
    confidence: str | None = Field(None, max_length=10, description="low, medium or high")
    page: int | None = Field(None, ge=1, le=1_000_000, description=f"the page of {PER_PAGE} records, from 1")


class PatternStateRoleOut(Schema):
    state: str = Field(..., description="ISO 3166-1 alpha-3")
    role: str = Field(..., description="origin, transit or destination")


class PatternOut(Schema):
    key: str
    kind: str
    kind_label: Label
    title: str
    period_from: str = Field(..., description="YYYY, YYYY-MM or YYYY-MM-DD")
    period_to: str = Field(..., description="the same forms; empty: still observed")
    crime_types: list[str]
    states: list[PatternStateRoleOut]
    confidence: str
    confidence_label: Label
    published: bool = Field(..., description="false: a draft, which only the Secretariat sees")
    url: str = Field(..., description="the record's page")
    api_url: str


class PatternRegionOut(Schema):
    m49: str
    label: str


class PatternProvisionOut(Schema):
    path: str
    url: str


class PatternDetailOut(PatternOut):
    summary: str
    regions: list[PatternRegionOut]
    latitude: Decimal | None
    longitude: Decimal | None
    source: str
    source_url: str
    instruments: list[str]
    provisions: list[PatternProvisionOut]


class PatternListOut(Schema):
    count: int = Field(..., description="records matching the filters, on every page")
    page: int
    pages: int
    per_page: int
    records: list[PatternOut]
    url: str = Field(..., description="the page with the same filters")


class PatternMapCategoryOut(Schema):
    key: str
    label: str
    count: int


class PatternMapStateOut(Schema):
    state: str
    m49: str
    name: str
    category: str
    label: str
    records: int


class PatternRegionRowOut(Schema):
    m49: str
    label: str
    origin: int
    transit: int
    destination: int
    named: int = Field(..., description="records naming the region or one of its sub-regions")
    total: int


class PatternMapOut(Schema):
    title: str
    as_of: str
    categories: list[PatternMapCategoryOut]
    states: list[PatternMapStateOut]
    regions: list[PatternRegionRowOut]
    disclaimer: str
    boundaries: str
    url: str


class PatternYearOut(Schema):
    year: int
    counts: dict[str, int] = Field(..., description="crime type -> records whose period covers the year")
    total: int


class PatternYearsOut(Schema):
    crime_types: list[str]
    years: list[PatternYearOut]
    url: str


class TerrorismAdherenceStateOut(Schema):
    state: str
    name: str
    standing: dict[str, str] = Field(..., description="instrument -> party, deposited, signatory or none")
    parties: int


class TerrorismAdherenceInstrumentOut(Schema):
    code: str
    short_name: str
    parties: int


class TerrorismOut(Schema):
    as_of: date
    instruments: list[TerrorismAdherenceInstrumentOut]
    states: list[TerrorismAdherenceStateOut]
    links: list[PatternOut] = Field(..., description="records of links between terrorism and other crime (50 at most)")
    links_count: int
    url: str


def given(filters: PatternFilterQuery) -> dict[str, str]:
    return {name: str(value) for name, value in filters.dict().items() if value is not None}


def record_out(record: PatternRecord) -> dict:
    return {
        "key": record.key,
        "kind": record.kind,
        "kind_label": rules.KIND_LABELS.get(record.kind, record.kind),
        "title": record.title,
        "period_from": record.period_from,
        "period_to": record.period_to,
        "crime_types": queries.crime_types_of(record),
        "states": [
            {"state": code, "role": role} for role, codes in queries.states_by_role(record).items() for code in codes
        ],
        "confidence": record.confidence,
        "confidence_label": rules.CONFIDENCE_LABELS.get(record.confidence, record.confidence),
        "published": record.published,
        "url": queries.record_url(record),
        "api_url": queries.record_api_url(record),
    }


@router.get(
    "/patterns",
    response={200: PatternListOut, **INVALID},
    operation_id="patterns_list",
    summary="Organized-crime patterns and trends (18(c),(d)), filtered as on their page, a page at a time",
)
def list_patterns(request: HttpRequest, filters: Query[PatternFilterQuery]):
    try:
        checked = queries.parse_filters(given(filters))
    except BadFilter as error:
        return refused(error)
    found = queries.record_page(request.user, checked)
    return {
        "count": found.count,
        "page": found.page,
        "pages": found.pages,
        "per_page": PER_PAGE,
        "records": [record_out(record) for record in found.rows],
        "url": with_query(queries.PAGE_URL, checked.query(page=True)),
    }


@router.get(
    "/patterns/map",
    response={200: PatternMapOut, **INVALID},
    operation_id="patterns_map",
    summary="Records per State as origin, transit or destination (?role=), and by region, as on the map",
)
def pattern_map(request: HttpRequest, filters: Query[PatternFilterQuery]):
    try:
        checked = queries.parse_filters(given(filters))
    except BadFilter as error:
        return refused(error)
    spec = figures.records_map(request.user, checked)
    body = figures.map_json(spec)
    regions = queries.region_table(queries.filtered_records(request.user, checked))
    return {
        **{name: body[name] for name in ("title", "as_of", "categories", "states", "disclaimer", "boundaries")},
        "regions": [
            {"m49": row.m49, "label": row.label, **row.counts, "named": row.named, "total": row.total}
            for row in regions
        ],
        "url": with_query(queries.MAP_URL, checked.query()),
    }


@router.get(
    "/patterns/years",
    response={200: PatternYearsOut, **INVALID},
    operation_id="patterns_years",
    summary="Records per year by crime type (the time view), oldest year first",
)
def pattern_years(request: HttpRequest, filters: Query[PatternFilterQuery]):
    try:
        checked = queries.parse_filters(given(filters))
    except BadFilter as error:
        return refused(error)
    crimes, rows = queries.years_table(queries.filtered_records(request.user, checked))
    return {
        "crime_types": crimes,
        "years": [{"year": row.year, "counts": row.counts, "total": row.total} for row in rows],
        "url": with_query(queries.YEARS_URL, checked.query()),
    }


@router.get(
    "/patterns/{key}",
    response={200: PatternDetailOut, 404: ErrorOut, **INVALID},
    operation_id="patterns_get",
    summary="One record: its period, crime types, States by role, regions, place, source and confidence",
)
def get_pattern(request: HttpRequest, key: str):
    record = queries.record_or_404(request.user, key)
    names = known_regions()
    return {
        **record_out(record),
        "summary": record.summary,
        "regions": [{"m49": r.m49, "label": queries.region_label(r.m49, names)} for r in record.regions.all()],
        "latitude": record.latitude,
        "longitude": record.longitude,
        "source": record.source,
        "source_url": record.source_url,
        "instruments": sorted((i.instrument_id for i in record.instruments.all()), key=rules.instrument_order),
        "provisions": [
            {"path": path, "url": f"/plan/{path}"}
            for path in sorted((p.path for p in record.provisions.all()), key=rules.path_order)
        ],
    }


class TerrorismAsOfQuery(Schema):
    as_of: date | None = Field(None, description="YYYY-MM-DD (default: today)")


@router.get(
    "/terrorism",
    response={200: TerrorismOut, **INVALID},
    operation_id="patterns_terrorism",
    summary="Every State's standing under the universal instruments against terrorism, and the records of links",
)
def terrorism(request: HttpRequest, filters: Query[TerrorismAsOfQuery]):
    from viennaplan.treaties.store import today

    as_of = filters.as_of or today()
    table = queries.adherence(as_of)
    links = queries.filtered_records(request.user, queries.PatternFilters(kind=rules.TERRORISM_LINK))
    return {
        "as_of": as_of,
        "instruments": [
            {"code": code, "short_name": name, "parties": parties} for code, name, parties in table.instruments
        ],
        "states": [
            {
                "state": row.alpha3,
                "name": row.name,
                "standing": dict(zip(table.codes, row.cells, strict=True)),
                "parties": row.parties,
            }
            for row in table.rows
        ],
        "links": [record_out(record) for record in links.prefetch_related("crime_types", "states")[:50]],
        "links_count": links.count(),
        "url": with_query(queries.TERRORISM_URL, {"as_of": filters.as_of.isoformat()} if filters.as_of else {}),
    }
