"""The corruption assessments' pages (33(a), 30(a)): a searchable, filterable list, the comparison
across States and over time, and a page per assessment. Each has a JSON twin under
/api/knowledge/assessments with the same filters (api.py uses the queries below).

    /knowledge/assessments?q=&state=&sector=&type=&method=&scope=&provision=&year_from=&year_to=&page=
    /knowledge/assessments/compare?sector=police&type=bribery&…  (a State x year table, same filters)
    /knowledge/assessments/KEN/NCS-2019

An assessment not published is a draft: only the Secretariat sees it; for everyone else it does not
exist (404 on its page, absent from the lists and the comparison). A filter with a bad value answers
400 naming the parameter and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.countries.models import Country
from viennaplan.knowledge.listing import (
    BadFilter,
    Paged,
    bad_request,
    checked_choice,
    checked_page,
    checked_provision,
    checked_q,
    checked_state,
    checked_year,
    neighbour_urls,
    options,
    page,
    paged,
    sees_drafts,
    state_pairs,
    visible,
    with_query,
    words_in,
)

from . import comparison, rules
from .models import Assessment, AssessmentProvision, AssessmentSector, AssessmentType

PAGE_URL = "/knowledge/assessments"
COMPARE_URL = "/knowledge/assessments/compare"
API_URL = "/api/knowledge/assessments"
FILTERS = ("q", "state", "sector", "type", "method", "scope", "provision", "year_from", "year_to")


@dataclass(frozen=True)
class AssessmentFilters:
    q: str = ""
    state: str = ""
    sector: str = ""
    type: str = ""
    method: str = ""
    scope: str = ""
    provision: str = ""
    year_from: int | None = None
    year_to: int | None = None
    page: int = 1

    def query(self, page: bool = False) -> dict[str, str]:
        """The filters given, as query parameters (the page number only when asked and not 1)."""
        given = {name: str(getattr(self, name)) for name in FILTERS if getattr(self, name)}
        if page and self.page != 1:
            given["page"] = str(self.page)
        return given

    @property
    def any(self) -> bool:
        return bool(self.query())


def parse_filters(given: Any) -> AssessmentFilters:
    """The filters of a query (a QueryDict or a dict of strings), checked; BadFilter on the first bad one."""
    year_from, year_to = checked_year(given, "year_from"), checked_year(given, "year_to")
    if year_from and year_to and year_to < year_from:
        raise BadFilter("year_to", _("%(value)s is before year_from") % {"value": repr(str(year_to))})
    return AssessmentFilters(
        checked_q(given),
        checked_state(given),
        checked_choice(given, "sector", rules.SECTORS),
        checked_choice(given, "type", rules.TYPES),
        checked_choice(given, "method", rules.METHODS),
        checked_choice(given, "scope", rules.SCOPES),
        checked_provision(given),
        year_from,
        year_to,
        checked_page(given),
    )


def visible_assessments(user: Any) -> QuerySet[Assessment]:
    return visible(user, Assessment.objects.all())


def filtered_assessments(user: Any, filters: AssessmentFilters, with_state: bool = True) -> QuerySet[Assessment]:
    assessments = visible_assessments(user)
    if filters.q:
        assessments = assessments.filter(words_in(Assessment, filters.q))
    if filters.state and with_state:
        assessments = assessments.filter(state_id=filters.state)
    if filters.sector:
        sectors = AssessmentSector.objects.filter(assessment=OuterRef("pk"), sector=filters.sector)
        assessments = assessments.filter(Exists(sectors))
    if filters.type:
        types = AssessmentType.objects.filter(assessment=OuterRef("pk"), type=filters.type)
        assessments = assessments.filter(Exists(types))
    if filters.provision:
        provisions = AssessmentProvision.objects.filter(assessment=OuterRef("pk"), path=filters.provision)
        assessments = assessments.filter(Exists(provisions))
    if filters.method:
        assessments = assessments.filter(method=filters.method)
    if filters.scope:
        assessments = assessments.filter(scope=filters.scope)
    if filters.year_from:
        assessments = assessments.filter(year__gte=filters.year_from)
    if filters.year_to:
        assessments = assessments.filter(year__lte=filters.year_to)
    return assessments.order_by("state_id", "key")


def assessment_page(user: Any, filters: AssessmentFilters) -> Paged[Assessment]:
    assessments = filtered_assessments(user, filters).select_related("state").prefetch_related("sectors", "types")
    return paged(assessments, filters.page)


def comparison_table(user: Any, filters: AssessmentFilters) -> comparison.Table:
    """The State x year table of the assessments matching the filters (all States unless `state` is given)."""
    counts = filtered_assessments(user, filters).order_by().values("state_id", "year").annotate(count=Count("id"))
    rows = list(counts)
    names = {
        country.alpha3: country.name for country in Country.objects.filter(alpha3__in={r["state_id"] for r in rows})
    }
    return comparison.table(
        (comparison.Count(r["state_id"], names[r["state_id"]], r["year"], r["count"]) for r in rows),
        filters.year_from,
        filters.year_to,
    )


def cell_url(filters: AssessmentFilters, state: str, year: int) -> str:
    """The list of the assessments in one cell of the comparison."""
    query = {**filters.query(), "state": state, "year_from": str(year), "year_to": str(year)}
    return with_query(PAGE_URL, query)


def assessment_or_404(user: Any, state: str, key: str) -> Assessment:
    assessment = visible_assessments(user).select_related("state").filter(state_id=state, key=key).first()
    if assessment is None:
        raise Http404(_("No assessment %(key)s of %(state)s is on file.") % {"key": key, "state": state})
    return assessment


def assessment_url(assessment: Assessment) -> str:
    return f"{PAGE_URL}/{assessment.state_id}/{assessment.key}"


def assessment_api_url(assessment: Assessment) -> str:
    return f"{API_URL}/{assessment.state_id}/{assessment.key}"


def provision_url(path: str) -> str:
    return f"/plan/{path}"


def sector_labels(assessment: Assessment) -> list[tuple[str, Any]]:
    codes = rules.in_list_order([row.sector for row in assessment.sectors.all()], rules.SECTORS)
    return [(code, rules.SECTORS[code]) for code in codes]


def type_labels(assessment: Assessment) -> list[tuple[str, Any]]:
    codes = rules.in_list_order([row.type for row in assessment.types.all()], rules.TYPES)
    return [(code, rules.TYPES[code]) for code in codes]


def filter_choices(user: Any, filters: AssessmentFilters) -> dict[str, Any]:
    states = visible_assessments(user).order_by().values("state_id")
    return {
        "filters": filters,
        "state_options": options(state_pairs(states), filters.state),
        "sectors": rules.SECTORS.items(),
        "types": rules.TYPES.items(),
        "methods": rules.METHODS.items(),
        "scopes": rules.SCOPES.items(),
        "drafts_shown": sees_drafts(user),
    }


# -- the pages ----------------------------------------------------------------------------------


@require_safe
def assessment_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, PAGE_URL, _("Show all corruption assessments"))
    found = assessment_page(request.user, filters)
    previous_url, next_url = neighbour_urls(PAGE_URL, filters.query(), found)
    return page(
        request,
        "knowledge_assessments/assessment_list.html",
        {
            **filter_choices(request.user, filters),
            "found": found,
            "assessments": [
                (assessment, assessment_url(assessment), sector_labels(assessment), type_labels(assessment))
                for assessment in found.rows
            ],
            "previous_url": previous_url,
            "next_url": next_url,
            "compare_url": with_query(COMPARE_URL, filters.query()),
            "json_url": with_query(API_URL, filters.query(page=True)),
        },
    )


@require_safe
def assessment_comparison(request: HttpRequest) -> HttpResponse:
    try:
        filters = parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, COMPARE_URL, _("Compare all corruption assessments"))
    found = comparison_table(request.user, filters)
    return page(
        request,
        "knowledge_assessments/comparison.html",
        {
            **filter_choices(request.user, filters),
            "here": _("Comparison"),
            "table": found,
            "rows": [
                (
                    row,
                    [
                        (count, cell_url(filters, row.state, year))
                        for count, year in zip(row.cells, found.years, strict=True)
                    ],
                )
                for row in found.rows
            ],
            "states_per_year": found.states_per_year(),
            "sector_label": rules.SECTORS.get(filters.sector, ""),
            "type_label": rules.TYPES.get(filters.type, ""),
            "list_url": with_query(PAGE_URL, filters.query()),
            "json_url": with_query(f"{API_URL}/compare", filters.query()),
        },
    )


@require_safe
def assessment_detail(request: HttpRequest, state: str, key: str) -> HttpResponse:
    if state != state.upper():
        return redirect(f"{PAGE_URL}/{state.upper()}/{key}", permanent=True)
    assessment = assessment_or_404(request.user, state, key)
    provisions = sorted((row.path for row in assessment.provisions.all()), key=rules.path_order)
    return page(
        request,
        "knowledge_assessments/assessment.html",
        {
            "assessment": assessment,
            "here": assessment.key,
            "sectors": [
                (label, with_query(COMPARE_URL, {"sector": code})) for code, label in sector_labels(assessment)
            ],
            "types": [(label, with_query(COMPARE_URL, {"type": code})) for code, label in type_labels(assessment)],
            "cost_amount": rules.write_amount(assessment.cost_amount),
            "provisions": [(path, provision_url(path)) for path in provisions],
            "json_url": assessment_api_url(assessment),
        },
    )
