"""Fixtures of the notice tests: a cycle on two chapters closing on 31 December 2002, the
reports of CHE and FRA, and `moved(report, *transitions)`, which makes each move as the person
whose job it is and runs what waits for the commit (the signals the notices listen to)."""

from __future__ import annotations

from datetime import date

import pytest

from viennaplan.reporting.cycles import open_cycle, report_for
from viennaplan.reporting.transitions import apply_transition

CLOSES = date(2002, 12, 31)
RETURN_COMMENT = "Please describe the law of 2001 on witness protection."


@pytest.fixture
def cycle(imported_plan, secretariat):
    """Opened without running the commit's callbacks: nobody is told of this opening."""
    return open_cycle(secretariat, "2002 review", date(2002, 1, 1), CLOSES, ["VI", "VII"])


@pytest.fixture
def report_che(cycle):
    return report_for(cycle, "CHE")


@pytest.fixture
def report_fra(cycle):
    return report_for(cycle, "FRA")


@pytest.fixture
def moved(secretariat, reviewer, focal_point_a, focal_point_b, django_capture_on_commit_callbacks):
    by = {"submit": "focal", "resubmit": "focal", "return": reviewer, "validate": reviewer, "publish": secretariat}
    focal = {"CHE": focal_point_a, "FRA": focal_point_b}

    def run(report, *names: str):
        for name in names:
            user = focal[report.state_id] if by[name] == "focal" else by[name]
            with django_capture_on_commit_callbacks(execute=True):
                apply_transition(user, report, name, RETURN_COMMENT if name == "return" else "")
        report.refresh_from_db()
        return report

    return run
