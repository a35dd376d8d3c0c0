"""The world-map pages and their SVG downloads (data: `map_data`; drawing: `maps`):

/treaties/<CODE>/map?as_of=YYYY-MM-DD       treaty status of every State on a date (default: today)
/treaties/<CODE>/map.svg?as_of=…            the same map as an SVG file
/reporting/status/map?cycle=ID              each State's report in a cycle, as the status page shows it
/reporting/status/map.svg?cycle=ID          the same map as an SVG file

JSON twins: /api/maps/treaties/{code} and /api/maps/reporting (`api_maps`).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from viennaplan.reporting.models import ReportingCycle
from viennaplan.treaties.rules import find_code
from viennaplan.treaties.views import BadAsOf, requested_as_of, treaty_page

from . import map_data, queries
from .maps import DISCLAIMER, MapSpec
from .views import bad_request, no_cycle, page, twin


def _instrument(code: str) -> str:
    found = find_code(code)
    if found is None:
        raise Http404(f"No instrument {code!r}.")
    return found


def _svg_file(spec: MapSpec, name: str) -> HttpResponse:
    response = HttpResponse(map_data.as_svg(spec), content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.svg"'
    return response


def _map_page(request: HttpRequest, spec: MapSpec, **context: object) -> dict[str, object]:
    counts = spec.counts()
    context.update(
        spec=spec,
        svg=mark_safe(map_data.as_svg(spec)),  # noqa: S308  (names and labels escaped by maps.render)
        map_legend=[(c, counts.get(c.key, 0)) for c in spec.categories],
        rows=sorted(spec.states, key=lambda s: s.name.casefold()),
        disclaimer=DISCLAIMER,
    )
    return context


@treaty_page
def treaty_map(request: HttpRequest, code: str) -> HttpResponse:
    code = _instrument(code)
    as_of = requested_as_of(request)
    spec = map_data.treaty_map(code, as_of)
    query = {"as_of": request.GET.get("as_of", "")}
    context = _map_page(
        request,
        spec,
        nav="treaties",
        code=code,
        back=f"/treaties/{code}",
        svg_url=twin(f"/treaties/{code}/map.svg", **query),
        json_url=twin(f"/api/maps/treaties/{code}", **query),
    )
    return render(request, "monitoring/maps/map.html", context)


@treaty_page
def treaty_map_svg(request: HttpRequest, code: str) -> HttpResponse:
    code = _instrument(code)
    as_of = requested_as_of(request)
    return _svg_file(map_data.treaty_map(code, as_of), f"{code.lower()}-{as_of.isoformat()}")


def _cycle_map(request: HttpRequest) -> tuple[ReportingCycle | None, MapSpec | HttpResponse]:
    """The cycle of ?cycle= and its map, or (None, the page that says why there is none)."""
    try:
        cycle = queries.pick_cycle(request.GET.get("cycle"))
    except queries.BadParameter as error:
        return None, bad_request(request, error)
    if cycle is None:
        return None, no_cycle(request, "Reporting status map")
    return cycle, map_data.reporting_map(request.user, cycle, timezone.localdate())


@require_safe
def reporting_map(request: HttpRequest) -> HttpResponse:
    cycle, spec = _cycle_map(request)
    if cycle is None or not isinstance(spec, MapSpec):
        return spec  # type: ignore[return-value]
    context = _map_page(
        request,
        spec,
        cycle=cycle,
        back=twin("/reporting/status", cycle=cycle.pk),
        svg_url=twin("/reporting/status/map.svg", cycle=cycle.pk),
        json_url=twin("/api/maps/reporting", cycle=cycle.pk),
    )
    return page(request, "monitoring/maps/map.html", context)


@require_safe
def reporting_map_svg(request: HttpRequest) -> HttpResponse:
    cycle, spec = _cycle_map(request)
    if cycle is None or not isinstance(spec, MapSpec):
        if spec.status_code == 200:  # the page saying no cycle is open yet: there is no map to give
            spec.status_code = 404
        return spec  # type: ignore[return-value]
    return _svg_file(spec, f"reporting-status-cycle-{cycle.pk}")


__all__ = ["BadAsOf", "reporting_map", "reporting_map_svg", "treaty_map", "treaty_map_svg"]
