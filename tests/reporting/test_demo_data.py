"""Demonstration data: `viennaplan demo` fills a separate database (never the real one) with
deterministic generated reports, and every page and response says it is demonstration data."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from viennaplan.reporting import demo
from viennaplan.reporting.cycles import open_cycle
from viennaplan.reporting.models import Answer, Report, ReportingCycle

PROJECT = Path(__file__).resolve().parents[2]


def run_viennaplan(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("VIENNAPLAN_")}
    environment.update(VIENNAPLAN_VAR_DIR=str(tmp_path), DATABASE_URL=f"sqlite:///{tmp_path / 'real.sqlite3'}", **env)
    return subprocess.run(
        [sys.executable, "-m", "viennaplan", *args], env=environment, capture_output=True, text=True, timeout=600
    )


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the command works on SQLite files of its own whatever the run's database: runs once, in the SQLite run",
)
def test_the_demo_command_fills_only_the_demonstration_database(tmp_path, db):
    done = run_viennaplan(tmp_path, "demo", "--states", "CHE,NGA")
    assert done.returncode == 0, done.stderr
    assert "the real database is not touched" in done.stdout and "DEMONSTRATION DATA" in done.stdout
    assert not (tmp_path / "real.sqlite3").exists() and not (tmp_path / "viennaplan.sqlite3").exists()
    with sqlite3.connect(tmp_path / "demo.sqlite3") as connection:
        cycles = connection.execute("select name, is_demo from reporting_reportingcycle order by opens").fetchall()
        states = {row[0] for row in connection.execute("select distinct state_id from reporting_report")}
    assert cycles == [("2002 review", 1), ("2003 mid-term review", 1), ("2005 review", 1)]
    assert states <= {"CHE", "NGA"} and states
    assert not ReportingCycle.objects.exists()  # nor the test database
    again = run_viennaplan(tmp_path, "demo")
    assert again.returncode == 0 and "already holds 3 cycles; nothing changed" in again.stdout


def test_demo_mode_refuses_a_demonstration_database_that_is_the_real_one(tmp_path):
    url = f"sqlite:///{tmp_path / 'real.sqlite3'}"
    done = run_viennaplan(tmp_path, "check", VIENNAPLAN_DEMO="1", VIENNAPLAN_DEMO_DATABASE_URL=url)
    assert done.returncode != 0 and "VIENNAPLAN_DEMO_DATABASE_URL names the real database" in done.stderr


def test_fill_and_reset_refuse_to_write_outside_demonstration_mode(imported_plan, settings):
    settings.DEMO = False
    with pytest.raises(demo.DemoRefused, match="only to the demonstration database"):
        demo.fill(states=["CHE"])
    with pytest.raises(demo.DemoRefused):
        demo.reset()
    assert not ReportingCycle.objects.exists() and not Report.objects.exists()


def answers_of(states: list[str]) -> list[tuple]:
    rows = Answer.objects.filter(report__state_id__in=states).values_list(
        "report__state_id", "report__cycle__name", "question__path", "status", "narrative", "assistance_needed"
    )
    return sorted(rows)


def test_demonstration_data_are_deterministic_whatever_the_states_generated(imported_plan, settings):
    settings.DEMO = True
    summary = demo.fill(states=["CHE", "NGA", "FRA"])
    assert summary.cycles == 3 and summary.states == 3 and summary.answers > 0
    first = answers_of(["CHE", "NGA"])
    statuses = {r.status for r in Report.objects.all()}
    demo.reset()
    assert not ReportingCycle.objects.exists()
    demo.fill(states=["CHE", "NGA"])
    assert answers_of(["CHE", "NGA"]) == first
    assert all(cycle.is_demo for cycle in ReportingCycle.objects.all())
    assert all(n.startswith("DEMONSTRATION DATA.") for *_, n, _ in first if n)
    assert "published" in statuses
    published = Report.objects.filter(status="published").select_related("cycle")
    assert all(r.published_at.year >= r.cycle.opens.year and r.events.count() >= 3 for r in published)


def test_every_page_shows_the_banner_and_every_response_the_header_in_demo_mode(imported_plan, settings, client):
    settings.DEMO = True
    demo.fill(states=["CHE"])
    cycle = ReportingCycle.objects.order_by("-opens").first()
    for url in (
        "/",
        "/treaties/",
        "/countries/",
        "/reporting/",
        f"/reporting/progress?cycle={cycle.pk}",
        "/reporting/states/CHE",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'id="demonstration-banner"' in response.content.decode(), url
        assert response[demo.HEADER] == "1", url
    for url in (
        "/api/treaties",
        f"/api/reporting/progress/matrix?cycle={cycle.pk}",
        "/api/reporting/progress/states/CHE",
    ):
        response = client.get(url)
        assert response.status_code == 200 and response[demo.HEADER] == "1", url
    assert client.get("/api/reporting/progress/states/CHE").json()["demonstration"] is True


def test_the_real_site_has_no_banner_and_never_shows_demonstration_cycles(imported_plan, secretariat, settings, client):
    settings.DEMO = False
    from datetime import date

    open_cycle(secretariat, "Generated", date(2002, 1, 1), date(2002, 9, 30), ["VIII"], is_demo=True)
    response = client.get("/reporting/progress")
    body = response.content.decode()
    assert "No reporting cycle has been opened yet" in body and "demonstration-banner" not in body
    assert demo.HEADER not in response
    assert client.get("/api/reporting/progress/matrix").status_code == 404


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_demo_1_fills_and_serves_the_demonstration_database():
    dry = subprocess.run(["make", "-n", "run", "DEMO=1"], cwd=PROJECT, capture_output=True, text=True, check=True)
    lines = dry.stdout.splitlines()
    assert any("VIENNAPLAN_DEMO=1 " in line and line.endswith(".venv/bin/viennaplan demo") for line in lines)
    serve = ".venv/bin/gunicorn viennaplan.wsgi:application"
    assert any("VIENNAPLAN_DEMO=1 " in line and serve in line for line in lines)
    plain = subprocess.run(["make", "-n", "run"], cwd=PROJECT, capture_output=True, text=True, check=True).stdout
    assert "VIENNAPLAN_DEMO" not in plain and "viennaplan demo" not in plain
