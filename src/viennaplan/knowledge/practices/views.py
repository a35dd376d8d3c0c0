"""The best practices pages: a searchable, filterable list and a page per practice with its evaluations.
Each has a JSON twin under /api/knowledge/practices with the same filters (api.py).

    /knowledge/practices?q=&area=IV&provision=84/c&state=AUT&evaluated=yes&result=effective&organisation=&page=
    /knowledge/practices/AT-victim-support

A draft practice is a 404 for anyone but the Secretariat and absent from the lists; a draft evaluation
is not shown to the public either. A filter with a bad value answers 400 naming the parameter and why.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.countries.models import Country
from viennaplan.countries.registry import country_name
from viennaplan.knowledge.listing import (
    BadFilter,
    bad_request,
    neighbour_urls,
    options,
    page,
    sees_drafts,
    with_query,
)
from viennaplan.plan.models import Chapter, PlanVersion

from . import rules
from .models import PracticeState
from .queries import (
    API_URL,
    PAGE_URL,
    parse_filters,
    practice_api_url,
    practice_or_404,
    practice_page,
    practice_url,
    provision_url,
    provisions_of,
    states_of,
    visible_practices,
)

TEMPLATES = "knowledge_practices"


def chapter_titles() -> dict[str, str]:
    """Roman numeral -> title, for the current plan's chapters, in order."""
    current = PlanVersion.current()
    if current is None:
        return {}
    return dict(Chapter.objects.filter(version=current).values_list("number", "title"))


@require_safe
def practice_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, PAGE_URL, _("Show all best practices"))
    found = practice_page(request.user, filters)
    previous_url, next_url = neighbour_urls(PAGE_URL, filters.query(), found)
    shown = visible_practices(request.user)
    # One index probe per State (not a pass over every practice): the States with a practice shown.
    applied = PracticeState.objects.filter(state=OuterRef("alpha3"), practice__in=shown)
    states = Country.objects.filter(Exists(applied)).values_list("alpha3", flat=True)
    organisations = (
        shown.exclude(organisation="").order_by("organisation").values_list("organisation", flat=True).distinct()
    )
    titles = chapter_titles()
    return page(
        request,
        f"{TEMPLATES}/practice_list.html",
        {
            "filters": filters,
            "found": found,
            "practices": [
                {
                    "practice": practice,
                    "url": practice_url(practice.key),
                    "states": [country_name(code) for code in states_of(practice)],
                    "provisions": provisions_of(practice),
                    "results": sorted({e.get_result_display() for e in practice.shown_evaluations}),
                    "area_title": titles.get(practice.area, ""),
                }
                for practice in found.rows
            ],
            "areas": titles.items(),
            "state_options": options(
                sorted(((code, country_name(code)) for code in states), key=lambda pair: pair[1]), filters.state
            ),
            "results": rules.RESULT_LABELS.items(),
            "organisations": sorted(organisations),
            "previous_url": previous_url,
            "next_url": next_url,
            "drafts_shown": sees_drafts(request.user),
            "json_url": with_query(API_URL, filters.query(page=True)),
        },
    )


@require_safe
def practice_detail(request: HttpRequest, key: str) -> HttpResponse:
    practice = practice_or_404(request.user, key)
    return page(
        request,
        f"{TEMPLATES}/practice.html",
        {
            "practice": practice,
            "here": practice.key,
            "area_title": chapter_titles().get(practice.area, ""),
            "states": [(code, country_name(code)) for code in states_of(practice)],
            "provisions": [(path, provision_url(path)) for path in provisions_of(practice)],
            "evaluations": practice.shown_evaluations,
            "json_url": practice_api_url(practice.key),
        },
    )
