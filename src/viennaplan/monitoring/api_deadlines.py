"""The plan's dated deadlines as open data, mounted under /api/targets/deadlines (twins of the
/targets/deadlines pages; mounted before /api/targets, whose /{id} would otherwise take the path):

GET /api/targets/deadlines                     every deadline with its met / not met / insufficient counts
GET /api/targets/deadlines/{key}?outcome=      each State's outcome, why, and the figures that decided it

Shapes: `deadline_results.deadline_json` and `results_json` (as `viennaplan targets deadlines --format json`).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from viennaplan.api_shapes import INVALID, ErrorOut

from .deadline_results import all_deadline_results, deadline_json, deadline_results, results_json
from .deadline_views import pick_outcome, unknown_deadline
from .deadlines import find_deadline
from .queries import BadParameter

router = Router()


class PlanDeadlineProvisionOut(Schema):
    citation: str  # "79(e)"
    url: str | None  # null: not in the current plan
    chapter: str | None
    text: str


class PlanDeadlineOut(Schema):
    key: str
    title: str
    kind: str  # ratification | review
    rule_text: str
    due: str  # YYYY-MM-DD
    instrument: str | None  # ratification: the instrument's code
    chapter: str | None  # review: the chapter whose national actions are the evidence
    provisions: list[PlanDeadlineProvisionOut]
    url: str
    api_url: str
    evidence: str = Field(..., description="what is counted, and as of when")
    listed_on: str | None = Field(..., description="ratification: the depositary list the status is read from")
    list_source: str
    warning: str | None = Field(..., description="set when the deadline is after the depositary list's date")
    later_warning: str | None = Field(..., description="the same for what the reasons say happened after")
    counts: dict[str, int]  # met, not_met, insufficient_data: every current State once


class PlanDeadlineStateOut(Schema):
    state: str
    name: str
    outcome: str  # met | not_met | insufficient_data
    outcome_label: str
    reason: str
    figures: dict[str, str | int | None] = Field(
        ...,
        description="ratification: signature, consent_kind, consent_date, denounced, listed_on; review: "
        "measure_title, measure_kind, measure_date, measure_url, citation, cycle, answers",
    )
    url: str


class PlanDeadlineResultsOut(PlanDeadlineOut):
    outcome: str | None  # the ?outcome= filter; null: every State
    results: list[PlanDeadlineStateOut]


class PlanDeadlineOutcomeFilter(Schema):
    outcome: str | None = Field(None, description="met, not_met or insufficient_data (default: every State)")


@router.get(
    "",
    response={200: list[PlanDeadlineOut], **INVALID},
    operation_id="deadlines_list",
    summary="The plan's dated deadlines with met / not met / insufficient data counts",
)
def list_deadlines(request: HttpRequest):
    return [deadline_json(results) for results in all_deadline_results()]


@router.get(
    "/{key}",
    response={200: PlanDeadlineResultsOut, 404: ErrorOut, **INVALID},
    operation_id="deadlines_detail",
    summary="One deadline: each State met / not met / insufficient data, with the figures that decided it",
)
def deadline_detail(request: HttpRequest, key: str, filters: Query[PlanDeadlineOutcomeFilter]):
    deadline = find_deadline(key)
    if deadline is None:
        raise Http404(unknown_deadline(key, "GET /api/targets/deadlines"))
    try:
        outcome = pick_outcome(filters.outcome)
    except BadParameter as error:
        problem = f"query outcome: {error}"
        return Status(
            422, {"detail": _("The request is not valid: %(error)s") % {"error": problem}, "errors": [problem]}
        )
    return results_json(deadline_results(deadline), outcome)
