"""The country pages: /countries/ (by region, with groups and LDC/LLDC/SIDS badges) and
/countries/CHE (names, codes, groups, status with dates). Each has a JSON twin under /api/countries."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .datafiles import GROUPS, KINDS, STATUS_LISTS
from .models import Country, Predecessor
from .names import UnknownState
from .overview import REGION_ORDER, BadFilter, detail_view, list_view, parse_filters
from .registry import resolve_state


@require_safe
def country_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = parse_filters(request.GET)
    except BadFilter as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    context = list_view(filters)
    query = urlencode(filters.query(include_date="as_of" in request.GET))
    context.update(
        nav="countries",
        json_url="/api/countries" + (f"?{query}" if query else ""),
        group_choices=GROUPS.items(),
        status_choices=STATUS_LISTS.items(),
        region_choices=REGION_ORDER,
        kind_choices=KINDS.items(),
        selected=filters,
        as_of_given="as_of" in request.GET,
    )
    return render(request, "countries/list.html", context)


@require_safe
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        filters = parse_filters(request.GET)
    except BadFilter as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    country = Country.objects.filter(alpha3=code).first()
    if country is None:
        return _redirect_to_code(request, code)
    context = detail_view(country, filters.as_of)
    query = f"?as_of={filters.as_of.isoformat()}" if "as_of" in request.GET else ""
    context.update(nav="countries", country=country, json_url=f"/api/countries/{country.alpha3}{query}")
    return render(request, "countries/detail.html", context)


def _redirect_to_code(request: HttpRequest, text: str) -> HttpResponse:
    """/countries/che, /countries/Switzerland → /countries/CHE; former States → their entry."""
    try:
        code = resolve_state(text)
    except UnknownState as error:
        raise Http404(_("No country %(text)s: %(why)s") % {"text": repr(text), "why": error}) from None
    if Predecessor.objects.filter(code=code).exists():
        return redirect(f"/countries/#former-{code}")
    query = request.META.get("QUERY_STRING", "")
    return redirect(f"/countries/{code}" + (f"?{query}" if query else ""))
