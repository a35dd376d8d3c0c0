"""JSON twins of the world maps, mounted under /api/maps: each State's category on the map, the
legend's counts, the title's date, the disclaimer (`map_data.as_json`). Same data and permissions as
the pages (`map_views`): the reporting map shows a user what the reporting status page shows them.

GET /api/maps/treaties/{code}?as_of=YYYY-MM-DD
GET /api/maps/reporting?cycle=ID
GET /api/maps/indicators/{code}?year=YYYY&disaggregation=sex%3Dfemale   an indicator's values in a year
GET /api/maps/targets/{id}                  each State met / not met / insufficient data under a target
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from viennaplan.api_shapes import INVALID, AsOfFilter, ErrorOut, Label
from viennaplan.indicators.queries import indicator_or_404
from viennaplan.indicators.tables import BadFilter
from viennaplan.treaties.rules import find_code, instrument_rules
from viennaplan.treaties.store import today

from . import map_data
from .api import picked_cycle
from .target_results import target_or_404, target_results

router = Router()
ERRORS = {400: ErrorOut, 404: ErrorOut, **INVALID}


class MapCategoryOut(Schema):
    key: str
    label: Label
    count: int


class MapStateOut(Schema):
    state: str
    m49: str
    name: str
    category: str
    label: Label


class MapOut(Schema):
    title: str
    as_of: str
    as_of_label: Label
    categories: list[MapCategoryOut]
    states: list[MapStateOut]
    disclaimer: str
    boundaries: str


class CycleFilter(Schema):
    cycle: str | None = None


class IndicatorMapStateOut(MapStateOut):
    published: str | None  # as published: "22.5", "<5"; null without a value
    number: float | None  # null for a value withheld as "<N" (never a number) and without a value
    suppressed_below: int | None
    source: str | None


class YearOut(Schema):
    year: int
    states: int


class IndicatorMapOut(MapOut):
    states: list[IndicatorMapStateOut]
    indicator: str
    name: str
    unit: str
    year: int
    disaggregation: str
    disaggregation_label: Label
    sources: list[str]
    years: list[YearOut]
    url: str


class IndicatorMapFilter(Schema):
    year: str | None = None
    disaggregation: str | None = None


class TargetMapOut(MapOut):
    target: int
    baseline_year: int
    target_year: int
    url: str


@router.get(
    "/treaties/{code}", response={200: MapOut, **ERRORS}, operation_id="maps_treaty_status", summary="Treaty status map"
)
def treaty_map(request: HttpRequest, code: str, filters: Query[AsOfFilter]):
    found = find_code(code)
    if found is None:
        raise HttpError(
            404,
            _("There is no instrument %(code)s; instruments are %(codes)s.")
            % {"code": repr(code), "codes": ", ".join(instrument_rules())},
        )
    return map_data.as_json(map_data.treaty_map(found, filters.as_of or today()))


@router.get(
    "/reporting", response={200: MapOut, **ERRORS}, operation_id="maps_reporting_status", summary="Reporting status map"
)
def reporting_map(request: HttpRequest, filters: Query[CycleFilter]):
    return map_data.as_json(map_data.reporting_map(request.user, picked_cycle(filters.cycle), timezone.localdate()))


@router.get(
    "/indicators/{code}",
    response={200: IndicatorMapOut, **ERRORS},
    operation_id="maps_indicator_values",
    summary="An indicator's values in a year (default: the latest year with values)",
)
def indicator_map(request: HttpRequest, code: str, filters: Query[IndicatorMapFilter]):
    indicator = indicator_or_404(code)
    try:
        data = map_data.indicator_year(indicator, filters.year, filters.disaggregation)
    except BadFilter as error:
        detail = _("The request is not valid: %(error)s.") % {"error": error}
        return Status(422, {"detail": detail, "errors": [f"query: {error}"]})
    if data is None:
        raise Http404(_("There are no values of %(code)s on file: there is no map.") % {"code": indicator.code})
    return map_data.indicator_json(data, map_data.indicator_map(data, timezone.localdate()))


@router.get(
    "/targets/{target_id}",
    response={200: TargetMapOut, **ERRORS},
    operation_id="maps_target_results",
    summary="Each State met / not met (the review list of 35(f)) / insufficient data under an indicator target",
)
def target_map(request: HttpRequest, target_id: int):
    target = target_or_404(target_id)
    body = map_data.as_json(map_data.target_map(target_results(target), timezone.localdate()))
    body.update(target=target.pk, baseline_year=target.baseline_year, target_year=target.target_year)
    body["url"] = f"/targets/{target.pk}/map"
    return body
