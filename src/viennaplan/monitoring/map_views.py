"""The world-map pages and their SVG downloads (data: `map_data`; drawing: `maps`):

/treaties/<CODE>/map?as_of=YYYY-MM-DD       treaty status of every State on a date (default: today)
/treaties/<CODE>/map.svg?as_of=…            the same map as an SVG file
/reporting/status/map?cycle=ID              each State's report in a cycle, as the status page shows it
/reporting/status/map.svg?cycle=ID          the same map as an SVG file
/indicators/<code>/map?year=YYYY&disaggregation=sex%3Dfemale   an indicator's values in a year (default:
                                            the latest year with values, the total), with the 30
                                            largest values as a bar chart and its table
/indicators/<code>/map.svg?…                the same map as an SVG file
/targets/ID/map                             each State met / not met / insufficient data under a target
/targets/ID/map.svg                         the same map as an SVG file

JSON twins: /api/maps/treaties/{code}, /api/maps/reporting, /api/maps/indicators/{code} and
/api/maps/targets/{id} (`api_maps`). Indicator values and target results are public.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from viennaplan.indicators.models import Indicator
from viennaplan.indicators.queries import disaggregations_on_file, indicator_or_404
from viennaplan.indicators.tables import BadFilter
from viennaplan.reporting.models import ReportingCycle
from viennaplan.svgcharts import unique_ids
from viennaplan.treaties.rules import find_code
from viennaplan.treaties.views import BadAsOf, requested_as_of, treaty_page

from . import map_data, queries
from .charts import TOP, Ranked, ranking, ranking_svg
from .maps import DISCLAIMER, MapSpec
from .models import IndicatorTarget
from .target_results import target_or_404, target_results
from .views import bad_request, no_cycle, page, twin


def _instrument(code: str) -> str:
    found = find_code(code)
    if found is None:
        raise Http404(_("No instrument %(code)s.") % {"code": repr(code)})
    return found


def _svg_file(spec: MapSpec, name: str) -> HttpResponse:
    response = HttpResponse(map_data.as_svg(spec), content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.svg"'
    return response


def _map_page(
    request: HttpRequest, spec: MapSpec, values: dict[str, map_data.StateValue] | None = None, **context: object
) -> dict[str, object]:
    """The map page's context: the map, its legend and its data as a table (with each State's value, if any)."""
    counts = spec.counts()
    values = values or {}
    context.update(
        spec=spec,
        svg=mark_safe(map_data.as_svg(spec)),  # noqa: S308  (names and labels escaped by maps.render)
        map_legend=[(c, counts.get(c.key, 0)) for c in spec.categories],
        rows=[
            (s, spec.label_of(s.category), values.get(s.alpha3))
            for s in sorted(spec.states, key=lambda s: s.name.casefold())
        ],
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
        return None, no_cycle(request, _("Reporting status map"))
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


# -- an indicator's values in a year -----------------------------------------------------------


def _indicator_year(
    request: HttpRequest, code: str, suffix: str = ""
) -> tuple[Indicator, map_data.IndicatorYear | HttpResponse | None]:
    """The indicator and the values the query asks for (None: no values at all); or a redirect to the
    catalogue's spelling of the code, or the 400 page saying which parameter is wrong."""
    indicator = indicator_or_404(code)
    if indicator.code != code:
        return indicator, redirect(
            twin(f"/indicators/{indicator.code}/map{suffix}", **request.GET.dict()), permanent=True
        )
    try:
        return indicator, map_data.indicator_year(indicator, request.GET.get("year"), request.GET.get("disaggregation"))
    except BadFilter as error:
        context = {"message": f"{error}.", "indicator": indicator, "nav": "indicators"}
        return indicator, render(request, "monitoring/maps/refused.html", context, status=400)


def not_shown(data: map_data.IndicatorYear, shown: int) -> str:
    """Which States the ranking leaves out, counted: smaller values, withheld, no value."""
    smaller = len(data.numbers) - shown
    withheld = len(data.withheld)
    missing = len(map_data.map_states()) - len(data.values)
    return ngettext(
        "Not shown: %(smaller)s State with smaller values, %(withheld)s with a value withheld as <N (not a number), "
        "%(missing)s with no value for %(year)s.",
        "Not shown: %(smaller)s States with smaller values, %(withheld)s with a value withheld as <N (not a number), "
        "%(missing)s with no value for %(year)s.",
        smaller,
    ) % {"smaller": smaller, "withheld": withheld, "missing": missing, "year": data.year}


def indicator_ranking(data: map_data.IndicatorYear) -> tuple[SafeString | str, list[Ranked], str]:
    """The bar chart of the TOP largest values (ids prefixed), its rows and the sentence of what it leaves out."""
    values = [Ranked(data.values[a3].name, number, data.values[a3].published) for a3, number in data.numbers.items()]
    rows = ranking(values)
    left_out = not_shown(data, len(rows))
    title = _("%(title)s: the %(top)s largest values") % {"title": data.title, "top": TOP}
    svg = ranking_svg(title, values, unit=data.indicator.unit, not_shown=left_out)
    chart = mark_safe(unique_ids(svg, f"chart-{data.indicator.code}")) if svg else ""  # noqa: S308  (svgcharts escapes)
    return chart, rows, left_out


@require_safe
def indicator_map(request: HttpRequest, code: str) -> HttpResponse:
    indicator, data = _indicator_year(request, code)
    if isinstance(data, HttpResponse):
        return data
    if data is None:
        context = {"indicator": indicator, "nav": "indicators", "disaggregation": request.GET.get("disaggregation")}
        return render(request, "monitoring/maps/no_values.html", context)
    today = timezone.localdate()
    spec = map_data.indicator_map(data, today)
    chart, ranked, left_out = indicator_ranking(data)
    context = _map_page(
        request,
        spec,
        data.values,
        nav="indicators",
        data=data,
        chart=chart,
        ranked=ranked,
        left_out=left_out,
        back=twin(f"/indicators/{indicator.code}", disaggregation=data.disaggregation or None),
        disaggregations=disaggregations_on_file(indicator),
        svg_url=twin(f"/indicators/{indicator.code}/map.svg", **data.query),
        json_url=twin(f"/api/maps/indicators/{indicator.code}", **data.query),
    )
    return render(request, "monitoring/maps/map.html", context)


@require_safe
def indicator_map_svg(request: HttpRequest, code: str) -> HttpResponse:
    _indicator, data = _indicator_year(request, code, ".svg")
    if isinstance(data, HttpResponse):
        return data
    if data is None:
        raise Http404(_("There are no values of %(code)s on file: there is no map to give.") % {"code": code})
    name = f"{data.indicator.code}-{data.year}" + (f"-{data.disaggregation}" if data.disaggregation else "")
    return _svg_file(map_data.indicator_map(data, timezone.localdate()), name.replace("=", "-").replace(";", "-"))


# -- a target's results ------------------------------------------------------------------------


def _target(pk: int) -> IndicatorTarget:
    return target_or_404(pk)


@require_safe
def target_map(request: HttpRequest, pk: int) -> HttpResponse:
    target = _target(pk)
    spec = map_data.target_map(target_results(target), timezone.localdate())
    context = _map_page(
        request,
        spec,
        nav="reporting",
        target=target,
        back=target.get_absolute_url(),
        svg_url=f"/targets/{target.pk}/map.svg",
        json_url=f"/api/maps/targets/{target.pk}",
    )
    return render(request, "monitoring/maps/map.html", context)


@require_safe
def target_map_svg(request: HttpRequest, pk: int) -> HttpResponse:
    target = _target(pk)
    return _svg_file(map_data.target_map(target_results(target), timezone.localdate()), f"target-{target.pk}")


__all__ = [
    "BadAsOf",
    "indicator_map",
    "indicator_map_svg",
    "reporting_map",
    "reporting_map_svg",
    "target_map",
    "target_map_svg",
    "treaty_map",
    "treaty_map_svg",
]
