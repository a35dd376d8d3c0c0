"""The country reference data as open data: /api/countries (OpenAPI at /api/docs).

    GET /api/countries?as_of=&group=&status=&region=&kind=   the list page's twin
    GET /api/countries/CHE?as_of=                              the country page's twin
    GET /api/countries/resolve?name=Türkiye&on=2020-01-01      the code a name stands for

Unknown codes and names answer 404 (with suggestions), malformed parameters 422 (dates are
YYYY-MM-DD), both with the API's one error body {"detail": "…", "errors": […]}. Operation ids are stable.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from viennaplan.api_shapes import INVALID, AsOfFilter, ErrorOut, MaybeIsoDate

from .models import Country
from .names import UnknownState
from .overview import Filters, detail_view, list_view
from .registry import country_name, resolve_state

router = Router()

Group = Literal["african", "asia_pacific", "eastern_european", "latin_american_caribbean", "western_european_others"]
StatusList = Literal["ldc", "lldc", "sids"]
Region = Literal["Africa", "Americas", "Asia", "Europe", "Oceania"]
Kind = Literal["member_state", "observer_state", "non_member_state", "organization"]


class ListFilters(AsOfFilter):
    group: Group | None = Field(None, description="UN regional group (the group a State is counted in)")
    status: StatusList | None = Field(None, description="on this list on the as_of date")
    region: Region | None = Field(None, description="M49 region")
    kind: Kind | None = None


class ResolveQuery(Schema):
    name: str = Field(..., description="a name as the depositary writes it, or an alpha-3/alpha-2 code")
    on: MaybeIsoDate = Field(None, description="the date of the list the name comes from")


class CountryOut(Schema):
    code: str
    alpha2: str | None
    m49: str
    name: str
    kind: str
    region: str
    subregion: str
    intermediate_region: str
    regional_group: str | None
    regional_groups: list[str]
    statuses: list[str] = Field(..., description="lists the State is on at as_of: ldc, lldc, sids")
    url: str
    api_url: str


class RegionOut(Schema):
    region: str
    countries: list[str]


class FormerStateOut(Schema):
    code: str
    name: str
    m49: str
    existed_from: date | None
    existed_to: date
    successors: list[str]
    continued_by: str | None
    note: str


class CountryListOut(Schema):
    as_of: date
    filters: dict[str, str]
    count: int
    counts: dict[str, int]
    regions: list[RegionOut]
    countries: list[CountryOut]
    former_states: list[FormerStateOut]


class GroupMembershipOut(Schema):
    group: str
    name: str
    primary: bool
    note: str
    source: str


class ListStatusOut(Schema):
    list: str
    name: str
    since: date | None
    until: date | None = Field(..., description="the day the State left the list (e.g. graduation)")
    active: bool = Field(..., description="on the list at as_of")
    source: str
    note: str


class MembershipOut(Schema):
    code: str
    name: str
    joined: date
    left: date | None = Field(..., description="the last day of membership")
    active: bool
    source: str


class OtherNameOut(Schema):
    name: str
    valid_from: date | None
    valid_to: date | None
    note: str


class CountryDetailOut(CountryOut):
    as_of: date
    names: dict[str, str] = Field(..., description="UN names by language: en, fr, es, ru, zh, ar")
    formal_name: str
    un_member_since: date | None
    region_m49: str
    subregion_m49: str
    intermediate_region_m49: str
    note: str
    regional_group_memberships: list[GroupMembershipOut]
    status_history: list[ListStatusOut]
    organizations: list[MembershipOut]
    members: list[MembershipOut]
    other_names: list[OtherNameOut]
    former_states: list[FormerStateOut]


class ResolvedOut(Schema):
    query: str
    on: date | None
    code: str
    name: str


@router.get(
    "", response={200: CountryListOut, **INVALID}, operation_id="countries_list", summary="Countries, by region"
)
def list_countries(request: HttpRequest, filters: Query[ListFilters]):
    chosen = Filters(
        as_of=filters.as_of or date.today(),
        group=filters.group or "",
        status=filters.status or "",
        region=filters.region or "",
        kind=filters.kind or "",
    )
    data = list_view(chosen)
    data["regions"] = [
        {"region": block["region"], "countries": [row["code"] for row in block["countries"]]}
        for block in data["regions"]
    ]
    return data


@router.get(
    "/resolve",
    response={200: ResolvedOut, 404: ErrorOut, **INVALID},
    operation_id="countries_resolve",
    summary="The code a State's name stands for",
)
def resolve(request: HttpRequest, query: Query[ResolveQuery]):
    try:
        code = resolve_state(query.name, query.on)
    except UnknownState as error:
        raise HttpError(404, str(error)) from None
    return {"query": query.name, "on": query.on, "code": code, "name": country_name(code)}


@router.get(
    "/{code}",
    response={200: CountryDetailOut, 404: ErrorOut, **INVALID},
    operation_id="countries_get",
    summary="One country: names, codes, groups, status",
)
def get_country(request: HttpRequest, code: str, filters: Query[AsOfFilter]):
    country = Country.objects.filter(alpha3=code.upper()).first()
    if country is None:
        try:
            message = _("There is no country with the code %(code)s; %(code)s names %(found)s.") % {
                "code": repr(code),
                "found": resolve_state(code),
            }
        except UnknownState as error:
            message = _("There is no country with the code %(code)s; %(why)s.") % {"code": repr(code), "why": error}
        raise HttpError(404, message)
    return detail_view(country, filters.as_of or date.today())
