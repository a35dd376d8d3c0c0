"""JSON twins of the monitoring pages, mounted under /api/reporting/progress.

Same data, filters and permissions as the pages (`views`; everything reads through `queries`
and `profiles`): `/status`, `/matrix`, `/matrix/cell`, `/commitments`, `/states/{alpha3}` (with the
State's indicators and its results under the indicator targets). The
shapes are in `schemas`. Every body says whether it is demonstration data (`demonstration`)
and which report statuses were counted for the user asking (`counted_statuses`). A bad filter
answers 400; no cycle yet, or an unknown State, 404; both with the API's one error body
{"detail": "…", "errors": […]}.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

from viennaplan.api_shapes import INVALID, ErrorOut
from viennaplan.reporting.api_out import cycle_ref
from viennaplan.reporting.models import ReportingCycle
from viennaplan.reporting.scale import status_label
from viennaplan.treaties.shapes import listing_json

from . import queries
from .deadline_results import state_deadline_json
from .matrix import Cell
from .profiles import StateProfile, state_profile
from .schemas import CellDetailOut, CommitmentsOut, MatrixOut, ProfileOut, ReportingStatusOut
from .shares import ANSWER_STATUSES, Shares

router = Router()


ERRORS = {400: ErrorOut, 404: ErrorOut, **INVALID}  # 422: text with a NUL character


# -- helpers ----------------------------------------------------------------------------------


def envelope(request: HttpRequest) -> dict:
    return {"demonstration": bool(settings.DEMO), "counted_statuses": list(queries.counted_statuses(request.user))}


def shares_out(shares: Shares) -> dict:
    return {
        "total": shares.total,
        "progress": None if shares.implementation is None else round(shares.implementation, 4),
        "shares": [
            {
                "status": status,
                "label": status_label(status),
                "count": shares.counts.get(status, 0),
                "percent": round(shares.percent(status), 2),
            }
            for status in ANSWER_STATUSES
        ],
    }


def profile_out(profile: StateProfile) -> dict:
    panel = profile.treaty_panel
    return {
        "state": profile.state.alpha3,
        "name": profile.state.name,
        "region": profile.region,
        "subregion": profile.subregion,
        "regional_groups": [{"code": code, "name": name} for code, name in profile.groups],
        "lists": [{"code": code, "name": name} for code, name in profile.lists],
        "as_of": profile.today,
        "treaties": None
        if panel is None
        else [
            {
                "instrument": line.rules.code,
                "short_name": line.rules.short_name,
                "status": line.standing,
                "consent_date": line.status.consent_date if line.status else None,
                "consent_kind": (line.status.consent_kind or "") if line.status else "",
                "in_force": line.status.in_force if line.status else None,
                **listing_json(line.listing),
            }
            for line in panel.lines
        ],
        "cycles": [
            {
                "cycle": cycle_ref(line.cycle),
                "report_status": line.report_status,
                "published_at": line.published_at,
                "answers": shares_out(line.shares),
                "items": [dict(vars(answer)) for answer in line.answers],
            }
            for line in profile.cycles
        ],
        "assistance": [
            {
                "cycle": need.cycle.name,
                "citation": need.answer.citation,
                "path": need.answer.path,
                "description": need.answer.assistance_description,
            }
            for need in profile.assistance
        ],
        "deadlines": [
            {
                "citation": d.citation,
                "path": d.path,
                "text": d.text,
                "end": d.end,
                "passed": d.passed,
                "latest_answers": [f"{citation}: {label} ({cycle})" for citation, label, cycle in d.answers],
            }
            for d in profile.deadlines
        ],
        "indicators": [series.as_json() for chapter in profile.indicators for series in chapter.series],
        "targets": [target.as_json() for target in profile.targets],
        "plan_deadlines": [state_deadline_json(item) for item in profile.plan_deadlines],
    }


def picked_cycle(raw: str | None) -> ReportingCycle:
    """The cycle ?cycle= names (default: the latest); 400 for a bad one, 404 when there is none yet."""
    try:
        cycle = queries.pick_cycle(raw)
    except queries.BadParameter as error:
        raise HttpError(400, str(error)) from None
    if cycle is None:
        raise HttpError(404, _("No reporting cycle has been opened yet."))
    return cycle


def _by(raw: str | None) -> str:
    try:
        return queries.pick_by(raw)
    except queries.BadParameter as error:
        raise HttpError(400, str(error)) from None


# -- operations -------------------------------------------------------------------------------


@router.get(
    "/status",
    response={200: ReportingStatusOut, **ERRORS},
    operation_id="reporting_progress_status",
    summary="Which States have reported in a cycle, late reports, by region or regional group",
)
def get_status(request: HttpRequest, cycle: str | None = None, by: str | None = None):
    chosen, grouping = picked_cycle(cycle), _by(by)
    groups = queries.reporting_status(request.user, chosen, grouping, timezone.localdate())
    return {
        **envelope(request),
        "cycle": cycle_ref(chosen),
        "by": grouping,
        "areas": [
            {
                "area": group.area.key,
                "label": group.area.label,
                "received": group.submitted,
                "late": group.late,
                "states": [
                    {
                        "state": line.state.alpha3,
                        "name": line.state.name,
                        "status": line.status,
                        "label": line.label,
                        "first_submitted": line.first_submitted,
                        "late": line.late,
                        "report_url": line.report_url,
                    }
                    for line in group.lines
                ],
            }
            for group in groups
        ],
    }


def _cell_out(cycle: ReportingCycle, by: str, cell: Cell) -> dict:
    url = (
        f"/api/reporting/progress/matrix/cell?cycle={cycle.pk}&chapter={cell.chapter}&by={by}&area={cell.area}"
        if cell.area != "all"
        else ""
    )
    return {
        "chapter": cell.chapter,
        "area": cell.area,
        "states": cell.states,
        "answers": shares_out(cell.shares),
        "url": url,
    }


@router.get(
    "/matrix",
    response={200: MatrixOut, **ERRORS},
    operation_id="reporting_progress_matrix",
    summary="The progress matrix: chapters x regions (or regional groups), share of answers in each status",
)
def get_matrix(request: HttpRequest, cycle: str | None = None, by: str | None = None):
    chosen, grouping = picked_cycle(cycle), _by(by)
    matrix = queries.matrix_for(request.user, chosen, grouping)
    titles = queries.chapter_titles(chosen)
    return {
        **envelope(request),
        "cycle": cycle_ref(chosen),
        "by": grouping,
        "states_counted": matrix.states_counted,
        "areas": [{"key": area.key, "label": area.label} for area in matrix.areas],
        "chapters": [
            {
                "chapter": chapter,
                "title": titles.get(chapter, ""),
                "cells": [_cell_out(chosen, grouping, cell) for cell in matrix.row(chapter)],
                "all_states": _cell_out(chosen, grouping, matrix.totals[chapter]),
            }
            for chapter in matrix.chapters
        ],
    }


@router.get(
    "/matrix/cell",
    response={200: CellDetailOut, **ERRORS},
    operation_id="reporting_progress_cell",
    summary="One cell of the matrix: its States and the status of each of their answers",
)
def get_cell(request: HttpRequest, cycle: str | None = None, chapter: str = "", by: str | None = None, area: str = ""):
    chosen, grouping = picked_cycle(cycle), _by(by)
    try:
        chapter_code, area_key = queries.pick_chapter(chosen, chapter), queries.pick_area(grouping, area)
    except queries.BadParameter as error:
        raise HttpError(400, str(error)) from None
    detail = queries.cell_detail(request.user, chosen, chapter_code, grouping, area_key)
    return {
        **envelope(request),
        "cycle": cycle_ref(chosen),
        "chapter": detail.chapter,
        "chapter_title": detail.chapter_title,
        "by": grouping,
        "area": {"key": detail.area.key, "label": detail.area.label},
        "answers": shares_out(detail.shares),
        "questions": [{"id": q.id, "path": q.path, "citation": q.citation, "text": q.text} for q in detail.questions],
        "states": [
            {
                "state": line.state.alpha3,
                "name": line.state.name,
                "report_status": line.report_status,
                "statuses": line.statuses,
                "answers": shares_out(line.shares),
            }
            for line in detail.states
        ],
        "not_counted": [{"state": entry.alpha3, "name": entry.name} for entry in detail.not_counted],
    }


@router.get(
    "/commitments",
    response={200: CommitmentsOut, **ERRORS},
    operation_id="reporting_progress_commitments",
    summary="Progress of each commitment (national action), objective and chapter, computed from the answers",
)
def get_commitments(request: HttpRequest, cycle: str | None = None):
    chosen = picked_cycle(cycle)
    reports, chapters = queries.commitments_for(request.user, chosen)
    return {
        **envelope(request),
        "cycle": cycle_ref(chosen),
        "reports": reports,
        "chapters": [
            {
                "chapter": chapter.chapter,
                "title": chapter.title,
                "answers": shares_out(chapter.shares),
                "objectives": [
                    {"number": o.number, "text": o.text, "commitments": o.commitments, "answers": shares_out(o.shares)}
                    for o in chapter.objectives
                ],
                "commitments": [
                    {
                        "path": c.question.path,
                        "citation": c.question.citation,
                        "objectives": list(c.question.objectives),
                        "answers": shares_out(c.shares),
                    }
                    for c in chapter.commitments
                ],
            }
            for chapter in chapters
        ],
    }


@router.get(
    "/states/{alpha3}",
    response={200: ProfileOut, 404: ErrorOut, **INVALID},
    operation_id="reporting_progress_state",
    summary="A State's profile: groups and lists, treaty status, answers by cycle, assistance needs, deadlines, "
    "indicators, results under the indicator targets",
)
def get_state(request: HttpRequest, alpha3: str):
    profile = state_profile(request.user, alpha3, timezone.localdate())
    if profile is None:
        raise HttpError(
            404,
            _("There is no State %(alpha3)s; States are named by ISO 3166-1 alpha-3 code, e.g. CHE.")
            % {"alpha3": repr(alpha3)},
        )
    return {**envelope(request), **profile_out(profile)}
