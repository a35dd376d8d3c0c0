"""The database side of the Commission report (`commission_report` assembles it): the rows it is
made of, read as the PUBLIC reads them, whoever asks. The report is a public document, so only
published reports count (`queries.counted_statuses` of an anonymous reader), reports are shown
by their public stage, and a draft's answers never appear.

- `report_inputs(cycle, as_of, today)` -> `commission_report.ReportInputs` (cycle None: no cycle is open
  yet; the report then holds treaty status and indicators only)
- `build_report(cycle, as_of, today)` -> `commission_report.CommissionReport`
- `target_rows()`: every indicator target judged on the observations on file (`target_results`)
- `maps_of(report)`: the SVG of each instrument's treaty map on the as-of date, drawn once
- `assistance_figures(as_of, today)`: the requests for technical assistance per area, with their funds,
  projects and events (`AssistanceFigures`), from the assistance app
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.contrib.auth.models import AnonymousUser

from viennaplan.plan.models import Chapter, Objective, PlanVersion
from viennaplan.reporting.international import international_units
from viennaplan.reporting.models import Answer, InternationalActionProgress, ReportingCycle
from viennaplan.treaties.rules import instrument_rules
from viennaplan.treaties.store import has_status_data

from . import assistance_source, map_data, queries
from .commission_report import (
    AssistanceFigures,
    CommissionReport,
    ComparedRow,
    DeadlineRow,
    InternationalRow,
    NeedRow,
    ReportInputs,
    TargetRow,
    assemble,
)
from .commitments import QuestionRef
from .deadline_results import all_deadline_results
from .indicator_targets import INSUFFICIENT, MET, NOT_MET
from .ratification import ratification_progress
from .target_results import TargetResults, change_title, compared, figure, targets_by_chapter
from .targets import PLAN_OBJECTIVES

PUBLIC = AnonymousUser()


def report_chapters(
    cycle: ReportingCycle | None, with_targets: frozenset[str] = frozenset()
) -> tuple[list[tuple[str, str]], dict[str, list[tuple[int, str]]]]:
    """The plan's chapters with objectives (or asked in the cycle, or with an indicator target), in
    order, and their objectives' texts: of the cycle's plan version, or the current one without a cycle."""
    if cycle is not None:
        version = cycle.plan_version_id
    else:
        current = PlanVersion.current()
        version = current.pk if current is not None else None
    objectives: dict[str, list[tuple[int, str]]] = {}
    for chapter, number, text in (
        Objective.objects.filter(chapter__version_id=version)
        .order_by("chapter__ordinal", "number")
        .values_list("chapter__number", "number", "text")
    ):
        objectives.setdefault(chapter, []).append((number, text))
    asked = set(cycle.chapters) if cycle is not None else set()
    wanted = set(objectives) | asked | {o.chapter for o in PLAN_OBJECTIVES} | with_targets
    rows = Chapter.objects.filter(version_id=version).order_by("ordinal").values_list("number", "title")
    return [(number, title) for number, title in rows if number in wanted], objectives


def international_rows(cycle: ReportingCycle) -> list[InternationalRow]:
    rows = InternationalActionProgress.objects.filter(cycle=cycle).select_related("provision__chapter")
    return [
        InternationalRow(
            r.provision.chapter.number,
            r.provision.citation,
            r.entity,
            r.status,
            r.resources,
            tuple(str(o.get("title", "")) for o in r.outputs or []),
            r.narrative,
        )
        for r in rows.order_by("provision__position", "entity")
    ]


def assistance_rows(cycle: ReportingCycle) -> list[NeedRow]:
    """Technical assistance asked for in the answers of the reports that count for the public."""
    directory = queries.state_entries()
    rows = (
        Answer.objects.filter(
            report__cycle=cycle, report__status__in=queries.counted_statuses(PUBLIC), assistance_needed=True
        )
        .order_by("question__position", "report__state_id")
        .values_list(
            "question__chapter",
            "question__citation",
            "question__path",
            "question__text",
            "report__state_id",
            "assistance_description",
        )
    )
    needs = []
    for chapter, citation, path, text, state, description in rows:
        ref = QuestionRef(0, path, citation, chapter, (), text)
        name = directory[state].name if state in directory else state
        needs.append(NeedRow(chapter, citation, ref.own_text, state, name, description))
    return needs


def target_row(chapter: str, results: TargetResults) -> TargetRow:
    target, indicator = results.target, results.target.indicator
    return TargetRow(
        target=target.pk,
        chapter=chapter,
        citation=target.provision,
        plan_path=results.place.path,
        indicator=indicator.code,
        indicator_name=indicator.name,
        unit=indicator.unit,
        disaggregation=dict(target.disaggregation or {}),
        baseline_year=target.baseline_year,
        target_year=target.target_year,
        rule=target.rule,
        threshold=target.threshold,
        window=target.window,
        met=len(results.met),
        insufficient=len(results.insufficient),
        review=tuple((r.alpha3, r.name) for r in results.review),
        compared=tuple(
            ComparedRow(
                r.alpha3,
                r.name,
                r.judgement.baseline.year,  # type: ignore[union-attr]  (compared: both values exist)
                figure(r.judgement.baseline),
                r.judgement.end.year,  # type: ignore[union-attr]
                figure(r.judgement.end),
                r.judgement.change,  # type: ignore[arg-type]
                r.judgement.outcome,
                r.judgement.outcome_label,
            )
            for r in compared(results)
        ),
        chart_title=change_title(target),
    )


def target_rows() -> list[TargetRow]:
    """Every indicator target bound to a provision of the current plan, judged on the observations on file."""
    return [target_row(chapter, results) for chapter, found in targets_by_chapter().items() for results in found]


def deadline_rows() -> list[DeadlineRow]:
    """The plan's dated deadlines (ratification by the end of 2002, 79(e)) with their counts."""
    rows = []
    for results in all_deadline_results():
        counts = results.counts
        rows.append(
            DeadlineRow(
                key=results.deadline.key,
                title=results.deadline.title,
                provisions=results.deadline.provisions,
                due=results.deadline.due,
                met=counts[MET],
                not_met=counts[NOT_MET],
                insufficient=counts[INSUFFICIENT],
                evidence=results.evidence,
                listed=results.listing.sentence if results.listing is not None else "",
                warning=results.warning,
            )
        )
    return rows


def assistance_figures(as_of: date, today: date) -> dict[str, AssistanceFigures]:
    """Chapter -> the assistance app's figures on the area as of `as_of` (counts and sums only)."""
    source = assistance_source.registered()  # the assistance app's, registered in its ready()
    if source is None:
        return {}
    status_labels, output_labels = source.status_labels, source.output_labels
    found = {}
    for chapter, area in source.figures_by_chapter(as_of, today).items():
        if area.empty:
            continue
        found[chapter] = AssistanceFigures(
            statuses=tuple((status, status_labels[status], count) for status, count in area.statuses.items()),
            awaiting_costs=tuple((c, total, n) for c, (total, n) in area.awaiting_costs.items()),
            awaiting_without_cost=area.awaiting_without_cost,
            funds=tuple((f.key, f.name, tuple(f.balances.items())) for f in area.funds),
            projects=area.projects,
            outputs=tuple(
                (kind, output_labels.get(kind, kind), n, quantity) for kind, (n, quantity) in area.outputs.items()
            ),
            events=area.events,
        )
    return found


def report_inputs(cycle: ReportingCycle | None, as_of: date, today: date) -> ReportInputs:
    """The rows of the report; without a cycle (none opened yet) only treaty status and indicators."""
    targets = target_rows()
    chapters, objectives = report_chapters(cycle, frozenset(row.chapter for row in targets))
    rules = instrument_rules()
    inputs = ReportInputs(
        as_of=as_of,
        generated_on=today,
        cycle_id=None,
        cycle_name="",
        chapters=chapters,
        objectives=objectives,
        asked=[],
        ratification=ratification_progress(as_of, figures=has_status_data()),
        instrument_names={code: rule.short_name for code, rule in rules.items()},
        matrix=None,
        commitments=[],
        stages=[],
        stage_labels=dict(queries.PUBLIC_STAGES),
        international=[],
        international_units={},
        needs=[],
        targets=targets,
        deadlines=deadline_rows(),
        assistance=assistance_figures(as_of, today),
    )
    if cycle is None:
        return inputs
    _, commitments = queries.commitments_for(PUBLIC, cycle)
    units: dict[str, int] = {}
    for unit in international_units(cycle):
        units[unit.chapter] = units.get(unit.chapter, 0) + 1
    return replace(
        inputs,
        cycle_id=cycle.pk,
        cycle_name=cycle.name,
        asked=list(cycle.chapters),
        matrix=queries.matrix_for(PUBLIC, cycle, "region"),
        commitments=commitments,
        stages=[
            (line.state, line.status)
            for group in queries.reporting_status(PUBLIC, cycle, "region", today)
            for line in group.lines
        ],
        international=international_rows(cycle),
        international_units=units,
        needs=assistance_rows(cycle),
    )


def build_report(cycle: ReportingCycle | None, as_of: date, today: date) -> CommissionReport:
    return assemble(report_inputs(cycle, as_of, today))


def maps_of(report: CommissionReport) -> dict[str, str]:
    """Instrument -> the SVG of its treaty-status map on the report's as-of date (each drawn once)."""
    codes = [t.instrument for chapter in report.chapters for t in chapter.treaties if t.draw_map]
    return {code: map_data.as_svg(map_data.treaty_map(code, report.as_of)) for code in codes}
