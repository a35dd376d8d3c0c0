"""JSON twins of the world maps, mounted under /api/maps: each State's category on the map, the
legend's counts, the title's date, the disclaimer (`map_data.as_json`). Same data and permissions as
the pages (`map_views`): the reporting map shows a user what the reporting status page shows them.

GET /api/maps/treaties/{code}?as_of=YYYY-MM-DD
GET /api/maps/reporting?cycle=ID
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from viennaplan.api_shapes import INVALID, AsOfFilter, ErrorOut
from viennaplan.treaties.rules import find_code, instrument_rules
from viennaplan.treaties.store import today

from . import map_data
from .api import picked_cycle

router = Router()
ERRORS = {400: ErrorOut, 404: ErrorOut, **INVALID}


class MapCategoryOut(Schema):
    key: str
    label: str
    count: int


class MapStateOut(Schema):
    state: str
    m49: str
    name: str
    category: str
    label: str


class MapOut(Schema):
    title: str
    as_of: str
    as_of_label: str
    categories: list[MapCategoryOut]
    states: list[MapStateOut]
    disclaimer: str
    boundaries: str


class CycleFilter(Schema):
    cycle: str | None = None


@router.get(
    "/treaties/{code}", response={200: MapOut, **ERRORS}, operation_id="maps_treaty_status", summary="Treaty status map"
)
def treaty_map(request: HttpRequest, code: str, filters: Query[AsOfFilter]):
    found = find_code(code)
    if found is None:
        raise HttpError(404, f"There is no instrument {code!r}; instruments are {', '.join(instrument_rules())}.")
    return map_data.as_json(map_data.treaty_map(found, filters.as_of or today()))


@router.get(
    "/reporting", response={200: MapOut, **ERRORS}, operation_id="maps_reporting_status", summary="Reporting status map"
)
def reporting_map(request: HttpRequest, filters: Query[CycleFilter]):
    return map_data.as_json(map_data.reporting_map(request.user, picked_cycle(filters.cycle), timezone.localdate()))
