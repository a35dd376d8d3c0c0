"""The pages of indicator targets (rules: `indicator_targets`; figures: `target_results`):

/targets                 every target, by chapter of the plan, with its counts
/targets/ID              one target: each State's judgement with its figures, the review list of
                         35(f) (not met) and the States with insufficient data, apart; a chart of
                         the change of every State with both values against the threshold, and its
                         table (`charts.change_chart_svg`); its map is /targets/ID/map (`map_views`)
/targets/ID/states/A3    one State under it: the chart of its series with the target line, and the
                         data table under it (`target_states`)
/targets/new, /targets/ID/edit   the Secretariat sets or changes a target (`target.manage`)

Anyone reads the targets and their results; JSON twins under /api/targets (`api_indicator_targets`).
"""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from viennaplan.accounts.permissions import can, require
from viennaplan.svgcharts import unique_ids

from .charts import change_chart_svg, changes_shown
from .indicator_targets import OUTCOMES, RULES, percent
from .models import IndicatorTarget
from .target_results import (
    StateResult,
    TargetResults,
    all_targets,
    change_title,
    changes_of,
    compared,
    figure,
    results_of,
    target_or_404,
    target_results,
)
from .target_states import state_detail


class TargetForm(forms.ModelForm):
    class Meta:
        model = IndicatorTarget
        fields = [
            "indicator",
            "provision",
            "baseline_year",
            "target_year",
            "rule",
            "threshold",
            "window",
            "disaggregation",
            "note",
        ]


def _render(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    context.update(nav="reporting", may_manage=can(request.user, "target.manage"), outcomes=OUTCOMES)
    return render(request, f"monitoring/{template}", context, status=status)


@require_safe
def target_list(request: HttpRequest) -> HttpResponse:
    rows = results_of(all_targets())
    return _render(request, "indicator_targets.html", {"rows": rows, "json_url": "/api/targets"})


def change_chart(results: TargetResults, states: list[StateResult]) -> tuple[SafeString | str, int]:
    """The chart of the States' changes against the threshold (ids prefixed), and how many it leaves out."""
    target = results.target
    changes = changes_of(states)
    svg = change_chart_svg(change_title(target), changes, target.threshold)
    chart = mark_safe(unique_ids(svg, f"chart-target-{target.pk}")) if svg else ""  # noqa: S308  (svgcharts escapes)
    return chart, changes_shown(changes)[1]


@require_safe
def target_page(request: HttpRequest, pk: int) -> HttpResponse:
    target = target_or_404(pk)
    results = target_results(target)
    states = compared(results)
    chart, left_out = change_chart(results, states)
    return _render(
        request,
        "indicator_target.html",
        {
            "results": results,
            "target": target,
            "rule_text": str(RULES[target.rule]),
            "threshold": percent(target.threshold),
            "json_url": f"/api/targets/{target.pk}",
            "compared": [(r, figure(r.judgement.baseline), figure(r.judgement.end)) for r in states],
            "chart": chart,
            "left_out": left_out,
        },
    )


@require_safe
def target_state_page(request: HttpRequest, pk: int, alpha3: str) -> HttpResponse:
    target = target_or_404(pk)
    detail = state_detail(target, alpha3.upper())
    if detail is None:
        raise Http404(
            _("%(alpha3)s is not a current State; /targets/%(pk)s lists them.") % {"alpha3": alpha3, "pk": pk}
        )
    if detail.result.alpha3 != alpha3:
        return redirect(detail.url, permanent=True)
    return _render(
        request,
        "indicator_target_state.html",
        {
            "detail": detail,
            "target": target,
            "svg": detail.svg(),
            "threshold": percent(target.threshold),
            "json_url": f"/api{detail.url}",
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def target_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require(request.user, "target.manage")
    target = get_object_or_404(IndicatorTarget, pk=pk) if pk is not None else None
    form = TargetForm(request.POST or None, instance=target)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if saved.created_by_id is None:
            saved.created_by = request.user
        saved.save()
        return redirect(saved.get_absolute_url())
    return _render(request, "indicator_target_form.html", {"form": form, "target": target})
