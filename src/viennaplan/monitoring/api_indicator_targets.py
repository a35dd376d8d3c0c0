"""Indicator targets as open data, mounted under /api/targets (twins of the /targets pages):

GET /api/targets          every target with its counts and review list
GET /api/targets/{id}     one target: each State's judgement with its figures, the review list
                          of 35(f) (not met) and the States with insufficient data
GET /api/targets/{id}/states/{A3}   one State's series under it, its judgement and the target line

Shapes: `target_results.results_json` (the same as `viennaplan targets show --format json`).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router

from viennaplan.api_shapes import INVALID, ErrorOut

from .target_results import all_targets, results_json, results_of, target_or_404, target_results
from .target_schemas import StateSeriesOut, TargetResultsOut
from .target_states import state_detail, state_detail_json

router = Router()


@router.get(
    "",
    response={200: list[TargetResultsOut], **INVALID},
    operation_id="targets_list",
    summary="Every indicator target with its results",
)
def list_targets(request: HttpRequest):
    return [results_json(results) for results in results_of(all_targets())]


@router.get(
    "/{target_id}",
    response={200: TargetResultsOut, 404: ErrorOut, **INVALID},
    operation_id="targets_detail",
    summary="One indicator target: each State met / not met / insufficient data, and the review list of 35(f)",
)
def target_detail(request: HttpRequest, target_id: int):
    target = target_or_404(target_id)
    return results_json(target_results(target))


@router.get(
    "/{target_id}/states/{alpha3}",
    response={200: StateSeriesOut, 404: ErrorOut, **INVALID},
    operation_id="targets_state",
    summary="One State under an indicator target: its series, its judgement and the target line",
)
def target_state(request: HttpRequest, target_id: int, alpha3: str):
    target = target_or_404(target_id)
    detail = state_detail(target, alpha3.upper())
    if detail is None:
        raise Http404(
            _("%(alpha3)s is not a current State; GET /api/targets/%(target)s lists them.")
            % {"alpha3": alpha3, "target": target_id}
        )
    return state_detail_json(detail)
