"""The overview of technical assistance in the JSON API, under /api/assistance (issue 13): the twins of
the pages of overview_views.py, with the same readers and the same queries (overview.py).

    GET /api/assistance/board                   the pipeline board (the secretariat)
    GET /api/assistance/states/{alpha3}         a State's assistance (requests in full for the secretariat
                                                and its focal points; counts for everyone else)
    GET /api/assistance/areas/{number}          an area (its chapter's Roman numeral): requests by status,
                                                the funds earmarked for it, gaps per currency
    GET /api/assistance/matching?chapter=&page= requests awaiting resources with matching donors and projects
    GET /api/assistance/donors/{id}/needs       what waits on voluntary contributions in a donor's areas

Amounts are strings with two decimals in their own currency, never converted. 401 when the page
asks for a signed-in reader and there is none, 403 for a reader without the right, 404 an unknown
State, chapter or donor, 422 a malformed one (naming it).
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from viennaplan.api_shapes import INVALID, ErrorOut, Label
from viennaplan.knowledge.api_errors import refused as bad_input
from viennaplan.knowledge.listing import BadFilter

from . import overview, workflow
from .overview_views import (
    PAGE_URL,
    PER_PAGE,
    BadInput,
    checked_area,
    checked_matching_filters,
    checked_state_code,
    donor_or_404,
    matching_page_rows,
    may_read_shareable,
    may_see_state,
    refuse_unless_secretariat,
)

router = Router()
READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, **INVALID}


class OverviewAmountOut(Schema):
    currency: str = Field(..., description="ISO 4217")
    total: str = Field(..., description="two decimals, never converted")
    count: int = Field(..., description="requests (or disbursements) in the total")


class OverviewBoardCellOut(Schema):
    status: str
    count: int
    median_age: float | None = Field(..., description="days since received (open statuses only)")
    oldest_age: int | None
    oldest_in_status: int | None = Field(
        ..., description="the longest since the last event (since it reached the status)"
    )
    url: str = Field(..., description="the list of these requests")


class OverviewBoardRowOut(Schema):
    chapter: str
    title: str
    total: int
    cells: list[OverviewBoardCellOut]
    waiting: list[OverviewAmountOut] = Field(..., description="estimated cost awaiting resources, per currency")
    waiting_without_cost: int


class OverviewBoardOut(Schema):
    as_of: datetime
    statuses: list[str]
    totals: list[int] = Field(..., description="per status, in the order of `statuses`")
    rows: list[OverviewBoardRowOut]
    url: str


class OverviewAreaCountsOut(Schema):
    chapter: str
    counts: dict[str, int] = Field(..., description="status -> requests")
    total: int


class OverviewStateRequestOut(Schema):
    key: str
    chapter: str
    status: str
    status_label: Label
    kind: str
    need: str
    estimated_cost: str | None
    currency: str
    created_at: datetime
    url: str


class OverviewStateProjectOut(Schema):
    key: str
    title: str
    status: str
    requests_served: int = Field(..., description="of this State's requests")


class OverviewStateOut(Schema):
    state: str
    state_name: str
    full: bool = Field(..., description="true for the secretariat and the State's focal points: requests in full")
    areas: list[OverviewAreaCountsOut]
    total: int
    requests: list[OverviewStateRequestOut] = Field(
        ..., description=f"the latest {overview.STATE_REQUESTS_SHOWN}, when full"
    )
    projects: list[OverviewStateProjectOut] = Field(..., description="when full")
    project_count: int
    disbursed: list[OverviewAmountOut] = Field(..., description="to the projects serving its requests, per currency")
    url: str


class OverviewFundBalanceOut(Schema):
    key: str
    name: str
    balances: dict[str, str] = Field(..., description="currency -> received - disbursed")


class OverviewGapOut(Schema):
    currency: str
    waiting: str
    available: str
    gap: str = Field(..., description="waiting - available (negative: left over)")


class OverviewAreaOut(Schema):
    chapter: str
    title: str
    counts: dict[str, int]
    total: int
    funds: list[OverviewFundBalanceOut]
    gaps: list[OverviewGapOut]
    waiting_count: int
    waiting_without_cost: int
    url: str


class OverviewDonorMatchOut(Schema):
    donor: int
    name: str
    reason: str
    reason_label: Label
    provisions: list[str]
    evidence: int = Field(..., description="contributions and pledges behind the earmarking")


class OverviewProjectMatchOut(Schema):
    key: str
    reason: str
    reason_label: Label
    status: str


class OverviewMatchOut(Schema):
    request: str
    state: str
    chapter: str
    donors: list[OverviewDonorMatchOut]
    donor_count: int
    projects: list[OverviewProjectMatchOut]
    project_count: int


class OverviewMatchingOut(Schema):
    count: int = Field(..., description="requests awaiting resources")
    with_donor: int
    with_project: int
    without_either: int
    shown_count: int = Field(..., description="in the chosen area, on every page")
    page: int
    pages: int
    per_page: int
    requests: list[OverviewMatchOut]
    url: str


class OverviewMatchingFiltersIn(Schema):
    chapter: str | None = Field(None, max_length=5, description="an area of the plan: its chapter, e.g. VI")
    page: int | None = Field(None, ge=1, le=1_000_000)


class OverviewNeedGroupOut(Schema):
    chapter: str
    region: str
    count: int
    totals: list[OverviewAmountOut]
    without_cost: int


class OverviewSharedNeedOut(Schema):
    state: str
    chapter: str
    kind: str
    need: str
    estimated_cost: str | None
    currency: str


class OverviewDonorNeedsOut(Schema):
    donor: int
    name: str
    chapters: list[str]
    every_area: bool = Field(..., description="the donor gives unearmarked money: every area counts")
    count: int
    groups: list[OverviewNeedGroupOut]
    shareable: list[OverviewSharedNeedOut] | None = Field(
        ..., description="needs the States let donors read (signed-in officials only; null for others)"
    )
    shareable_count: int | None
    url: str


def _amounts(amounts) -> list[dict]:
    return [{"currency": a.currency, "total": f"{a.total}", "count": a.count} for a in amounts]


def _secretariat(request: HttpRequest) -> None:
    if not request.user.is_authenticated:
        raise HttpError(401, _("Sign in first: this is the secretariat's."))
    try:
        refuse_unless_secretariat(request.user)
    except PermissionDenied as refusal:
        raise HttpError(403, str(refusal)) from None


@router.get(
    "/board",
    response={200: OverviewBoardOut, **READ},
    operation_id="assistance_board",
    summary="The pipeline board: requests by area and status, ages, what waits on funds per currency",
)
def board(request: HttpRequest):
    _secretariat(request)
    found = overview.board()
    return {
        "as_of": found.as_of,
        "statuses": list(workflow.STATUSES),
        "totals": found.totals,
        "rows": [
            {
                "chapter": row.chapter,
                "title": row.title,
                "total": row.total,
                "cells": [
                    {
                        "status": c.status,
                        "count": c.count,
                        "median_age": c.median_age,
                        "oldest_age": c.oldest_age,
                        "oldest_in_status": c.oldest_in_status,
                        "url": c.url,
                    }
                    for c in row.cells
                ],
                "waiting": _amounts(row.waiting),
                "waiting_without_cost": row.waiting_without_cost,
            }
            for row in found.rows
        ],
        "url": f"{PAGE_URL}/board",
    }


@router.get(
    "/states/{alpha3}",
    response={200: OverviewStateOut, **READ},
    operation_id="assistance_state",
    summary="A State's assistance: requests by area and status, projects serving them, disbursed to those",
)
def state(request: HttpRequest, alpha3: str):
    try:
        country = checked_state_code(alpha3)
    except BadInput as error:
        return bad_input(error)
    found = overview.state_overview(country, may_see_state(request.user, country))
    return {
        "state": country.alpha3,
        "state_name": country.name,
        "full": found.full,
        "areas": [
            {"chapter": a.chapter, "counts": dict(zip(workflow.STATUSES, a.counts, strict=True)), "total": a.total}
            for a in found.areas
        ],
        "total": found.total,
        "requests": [
            {
                **{name: row[name] for name in ("key", "chapter", "status", "status_label", "kind", "need")},
                "estimated_cost": None if row["estimated_cost"] is None else f"{row['estimated_cost']}",
                "currency": row["currency"],
                "created_at": row["created_at"],
                "url": row["url"],
            }
            for row in found.requests
        ],
        "projects": [{name: p[name] for name in ("key", "title", "status", "requests_served")} for p in found.projects],
        "project_count": found.project_count,
        "disbursed": _amounts(found.disbursed),
        "url": f"{PAGE_URL}/states/{country.alpha3}",
    }


@router.get(
    "/areas/{number}",
    response={200: OverviewAreaOut, **READ},
    operation_id="assistance_area",
    summary="An area of the plan: requests by status, the funds earmarked for it, the gaps per currency",
)
def area(request: HttpRequest, number: str):
    try:
        chapter = checked_area(number)
    except BadInput as error:
        return bad_input(error)
    found = overview.area_overview(chapter)
    return {
        "chapter": found.chapter,
        "title": found.title,
        "counts": {status: count for status, _label, count, _url in found.counts},
        "total": found.total,
        "funds": [
            {"key": f.fund.key, "name": f.fund.name, "balances": {c: f"{a}" for c, a in f.balances.items()}}
            for f in found.funds
        ],
        "gaps": [
            {"currency": g.currency, "waiting": f"{g.waiting}", "available": f"{g.available}", "gap": f"{g.gap}"}
            for g in found.gaps
        ],
        "waiting_count": found.waiting_count,
        "waiting_without_cost": found.waiting_without_cost,
        "url": f"{PAGE_URL}/areas/{found.chapter}",
    }


@router.get(
    "/matching",
    response={200: OverviewMatchingOut, **READ},
    operation_id="assistance_matching",
    summary="Requests awaiting resources with the donors and projects that match them, best first",
)
def matching_list(request: HttpRequest, filters: Query[OverviewMatchingFiltersIn]):
    _secretariat(request)
    given = {name: value for name, value in filters.dict().items() if value is not None}
    try:
        chapter, page_number = checked_matching_filters(given)
    except BadFilter as error:
        return bad_input(error)
    found = matching_page_rows(chapter, page_number)
    return {
        **{name: found[name] for name in ("count", "with_donor", "with_project", "without_either", "shown_count")},
        "page": page_number,
        "pages": found["pages"],
        "per_page": PER_PAGE,
        "requests": [
            {
                "request": m.need.key,
                "state": m.need.state,
                "chapter": m.need.chapter,
                "donors": [
                    {
                        "donor": d.donor,
                        "name": d.name,
                        "reason": d.reason,
                        "reason_label": d.reason_label,
                        "provisions": list(d.provisions),
                        "evidence": d.evidence,
                    }
                    for d in m.donors
                ],
                "donor_count": m.donor_count,
                "projects": [
                    {"key": p.key, "reason": p.reason, "reason_label": p.reason_label, "status": p.status}
                    for p in m.projects
                ],
                "project_count": m.project_count,
            }
            for m, _name in found["rows"]
        ],
        "url": f"{PAGE_URL}/matching" + (f"?chapter={chapter}" if chapter else ""),
    }


@router.get(
    "/donors/{donor_id}/needs",
    response={200: OverviewDonorNeedsOut, **READ},
    operation_id="assistance_donor_needs",
    summary="What waits on voluntary contributions in the areas a donor funds (need text: officials, shareable)",
)
def donor_needs(request: HttpRequest, donor_id: int):
    donor = donor_or_404(donor_id)
    shareable = may_read_shareable(request.user)
    found = overview.donor_needs(donor, shareable)
    return {
        "donor": donor.pk,
        "name": donor.name,
        "chapters": found.chapters,
        "every_area": found.every_area,
        "count": found.count,
        "groups": [
            {
                "chapter": g.chapter,
                "region": g.region,
                "count": g.count,
                "totals": _amounts(g.totals),
                "without_cost": g.without_cost,
            }
            for g in found.groups
        ],
        "shareable": [
            {
                "state": item.state_id,
                "chapter": item.chapter,
                "kind": item.kind,
                "need": item.need,
                "estimated_cost": None if item.estimated_cost is None else f"{item.estimated_cost}",
                "currency": item.currency,
            }
            for item in found.shareable
        ]
        if shareable
        else None,
        "shareable_count": found.shareable_count if shareable else None,
        "url": f"{PAGE_URL}/donors/{donor.pk}/needs",
    }
