"""The plan's ratification objectives on the site (the /treaties/targets page, its JSON twin and the
panel of the plan's chapter pages): what each objective says, read from the current plan version,
and each instrument's progress, from the treaty engine's statuses. The rules are in `targets`."""

from __future__ import annotations

from datetime import date

from viennaplan.countries.registry import state_directory, state_name
from viennaplan.plan.models import Objective, PlanVersion
from viennaplan.treaties.listing import AsListed
from viennaplan.treaties.overview import listings, statuses_of
from viennaplan.treaties.rules import instrument_rules

from .targets import (
    TARGET_DATE,
    InstrumentProgress,
    ObjectiveProgress,
    RatificationObjective,
    instrument_progress,
    objectives_of_chapter,
)


def objective_texts(objectives: list[RatificationObjective]) -> dict[str, str]:
    """Objective key ("III-1") -> its text in the current plan version; {} when no plan is imported."""
    version = PlanVersion.current()
    if version is None or not objectives:
        return {}
    rows = Objective.objects.filter(
        chapter__version=version, chapter__number__in={objective.chapter for objective in objectives}
    ).values_list("chapter__number", "number", "text")
    wanted = {objective.key for objective in objectives}
    return {key: text for chapter, number, text in rows if (key := f"{chapter}-{number}") in wanted}


def ratification_progress(as_of: date, chapter: str | None = None, *, figures: bool = True) -> list[ObjectiveProgress]:
    """The plan's ratification objectives (of one chapter, or all) with their texts and, unless
    `figures` is False (no status list imported), each instrument's progress on `as_of`."""
    objectives = objectives_of_chapter(chapter)
    texts = objective_texts(objectives)
    rules = instrument_rules()
    codes = sorted({code for o in objectives for code in o.instruments if code in rules}) if figures else []
    now = statuses_of(codes, as_of) if codes else {}
    adopted_by_target = [code for code in codes if rules[code].adopted <= TARGET_DATE]
    at_target = statuses_of(adopted_by_target, TARGET_DATE) if adopted_by_target else {}
    listed = listings(codes, as_of) if codes else {}
    return [
        ObjectiveProgress(
            objective,
            texts.get(objective.key, ""),
            [
                with_listing(
                    instrument_progress(code, now[code], at_target.get(code), adopted=rules[code].adopted),
                    listed[code],
                )
                for code in objective.instruments
                if code in now
            ],
        )
        for objective in objectives
    ]


def with_listing(progress: InstrumentProgress, listing: AsListed) -> InstrumentProgress:
    """The progress, told as of which depositary list its as-of figures are (the 2002 ones are before every list)."""
    progress.listing = listing
    return progress


def list_warnings(progress: list[ObjectiveProgress]) -> list[tuple[str, str]]:
    """(instrument, warning) once per instrument whose as-of figures go beyond its depositary list."""
    found: dict[str, str] = {}
    for item in progress:
        for instrument in item.instruments:
            if instrument.listing is not None and instrument.listing.warning:
                found.setdefault(instrument.instrument, instrument.listing.warning)
    return list(found.items())


def with_names(progress: list[ObjectiveProgress]) -> list[ObjectiveProgress]:
    """Give each instrument's progress `waiting`: (alpha-3, name) of signatories yet to ratify."""
    directory = state_directory()
    for item in progress:
        for instrument in item.instruments:
            instrument.waiting = [(a3, state_name(a3, directory)) for a3 in instrument.signed_not_ratified]
    return progress
