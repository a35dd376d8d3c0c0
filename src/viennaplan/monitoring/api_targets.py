"""The plan's ratification objectives as open data: GET /api/treaties/ratification-targets, the JSON
twin of /treaties/targets. Mounted under /api/treaties before the treaties router (whose `/{code}`
would match the path), under the "treaties" tag; the path, operation id and shapes are those the
treaties API had."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Query, Router

from viennaplan.api_shapes import INVALID, AsOfFilter, StateRefOut
from viennaplan.countries.registry import state_directory, state_name
from viennaplan.treaties.rules import instrument_rules
from viennaplan.treaties.shapes import listing_json
from viennaplan.treaties.store import has_status_data
from viennaplan.treaties.store import today as default_day

from .ratification import ratification_progress
from .schemas import InstrumentProgressOut, ObjectiveProgressOut, TargetsOut
from .targets import TARGET_DATE

router = Router()


@router.get(
    "/ratification-targets",
    response={200: TargetsOut, **INVALID},
    operation_id="treaties_ratification_targets",
    summary="The plan's ratification objectives: signatures and ratifications by 31 December 2002 and now",
)
def ratification_targets(request: HttpRequest, filters: Query[AsOfFilter]):
    as_of = filters.as_of or default_day()
    return targets_out(as_of)


def targets_out(as_of: date) -> dict:
    directory = state_directory()
    rules = instrument_rules()
    return {
        "as_of": as_of,
        "target_date": TARGET_DATE,
        "has_data": has_status_data(),
        "objectives": [
            ObjectiveProgressOut(
                chapter=progress.objective.chapter,
                objective=progress.objective.objective,
                text=progress.text,
                chapter_url=f"/plan/chapter/{progress.objective.chapter}",
                instruments=[
                    InstrumentProgressOut(
                        instrument=item.instrument,
                        short_name=rules[item.instrument].short_name,
                        signatories=item.signatories,
                        ratified_by_target=item.ratified_by_target,
                        ratified=item.ratified,
                        parties=item.parties,
                        entry_into_force=item.entry_into_force,
                        signed_not_ratified=[
                            StateRefOut(state=a3, name=state_name(a3, directory)) for a3 in item.signed_not_ratified
                        ],
                        **listing_json(item.listing),
                    )
                    for item in progress.instruments
                ],
            )
            for progress in ratification_progress(as_of)
        ],
    }
