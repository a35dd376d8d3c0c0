"""Fixtures of the reporting tests: a cycle on two chapters, the reports of State A (CHE) and
State B (FRA), and `move(report, *transitions)` to bring a report to a status as the people
who may do each move."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from viennaplan.reporting.cycles import open_cycle, report_for
from viennaplan.reporting.models import Report, ReportingCycle
from viennaplan.reporting.transitions import apply_transition

CHAPTERS = ["VI", "VII"]
# transitions that bring a new report to each status
PATH_TO: dict[str, tuple[str, ...]] = {
    "draft": (),
    "submitted": ("submit",),
    "returned": ("submit", "return"),
    "validated": ("submit", "validate"),
    "published": ("submit", "validate", "publish"),
}


@pytest.fixture
def cycle(imported_plan, secretariat) -> ReportingCycle:
    return open_cycle(secretariat, "2002 review", date(2002, 1, 1), date(2002, 12, 31), CHAPTERS)


@pytest.fixture
def report_a(cycle) -> Report:
    return report_for(cycle, "CHE")


@pytest.fixture
def report_b(cycle) -> Report:
    return report_for(cycle, "FRA")


@pytest.fixture
def move(secretariat, reviewer, focal_point_a, focal_point_b) -> Callable[..., Report]:
    """move(report, "submit", "validate"): each move made by the person whose job it is."""
    focal = {"CHE": focal_point_a, "FRA": focal_point_b}

    def run(report: Report, *names: str) -> Report:
        for name in names:
            by = {
                "submit": focal.get(report.state_id, secretariat),
                "resubmit": focal.get(report.state_id, secretariat),
                "return": reviewer,
                "validate": reviewer,
                "publish": secretariat,
            }[name]
            comment = "Please describe the measures taken." if name == "return" else ""
            apply_transition(by, report, name, comment)
        report.refresh_from_db()
        return report

    return run


@pytest.fixture
def bring(move) -> Callable[[Report, str], Report]:
    """bring(report, "validated"): the report moved to that status along the usual path."""

    def run(report: Report, status: str) -> Report:
        return move(report, *PATH_TO[status])

    return run


@pytest.fixture
def clients(request, client_as) -> dict:
    """A signed-in client for each persona of the access table (anonymous: not signed in)."""
    from reporting_access_table import PERSONAS

    return {persona: client_as(request.getfixturevalue(persona)) for persona in PERSONAS}
