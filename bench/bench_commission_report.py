"""Benchmark of issue 9 (the report to the Commission): the report as HTML, JSON and PDF on SQLite
with the demonstration data (197 States, three cycles of GENERATED reports, never real ones) and a
SYNTHETIC treaty status list (made-up dates, never real data).

Run by hand (never by `make test`):  .venv/bin/python bench/bench_commission_report.py
It works in a throw-away folder: the demonstration database there (VIENNAPLAN_DEMO=1, so the real
database is never opened) is migrated and filled by `reporting.demo.fill()`, the generated status
list of bench_treaty_pages is imported, and the Secretariat records progress on every international
action of the latest cycle. It prints the median and worst server time of repeated requests (Django
test client, DEBUG off), each with a new as-of date so that the engine and the maps run every time.
Targets: the report as HTML under 5 s, as PDF under 20 s.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = 5


def _figure(label: str, times: list[float], target: str = "") -> None:
    median, worst = statistics.median(times), max(times)
    print(f"{label:40} median {median:6.2f} s   worst {worst:6.2f} s   {target}")


def main() -> None:
    sys.path.insert(0, str(HERE))
    from benchenv import demo_database_with_treaty_status

    demo_database_with_treaty_status("viennaplan-bench-commission-")
    from django.test import Client

    from viennaplan.plan.models import Provision
    from viennaplan.reporting.demo import demo_users, fill
    from viennaplan.reporting.international import international_units, record_international_progress
    from viennaplan.reporting.models import Answer, Report, ReportingCycle

    summary = fill()
    latest = ReportingCycle.objects.order_by("-opens").first()
    secretariat = demo_users()["secretariat"]
    statuses = ("completed", "ongoing", "planned", "waiting_for_resources")
    resources = ("secured", "partially_secured", "awaiting_voluntary_contributions", "not_needed")
    for index, unit in enumerate(international_units(latest)):
        provision = Provision.objects.get(version=latest.plan_version, path=unit.path)
        data = {"status": statuses[index % 4], "resources": resources[index % 4], "outputs": [], "narrative": ""}
        record_international_progress(secretariat, latest, provision, data)
    print(
        f"SQLite, {summary.states} States x {summary.cycles} cycles (GENERATED): {Report.objects.count()} reports, "
        f"{Answer.objects.count()} answers, {Answer.objects.filter(assistance_needed=True).count()} asking for "
        f"assistance; SYNTHETIC treaty status; report on {latest.name} (chapters {', '.join(latest.chapters)})"
    )
    client = Client()

    def timed(template: str, runs: int = RUNS) -> tuple[list[float], int]:
        times, size = [], 0
        for offset in range(runs):
            day = (date(2005, 3, 1) + timedelta(days=offset)).isoformat()
            start = time.perf_counter()
            response = client.get(template.format(day=day, cycle=latest.pk))
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, (template, response.status_code)
            size = len(response.content)
        return times, size

    first = time.perf_counter()
    client.get(f"/reporting/commission-report?as_of=2005-02-28&cycle={latest.pk}")
    print(f"{'first report (maps projected, imports)':40} {time.perf_counter() - first:6.2f} s")
    html, html_size = timed("/reporting/commission-report?as_of={day}&cycle={cycle}")
    _figure("report as HTML (page)", html, "(target < 5 s)")
    api, _ = timed("/api/reporting/commission-report?as_of={day}&cycle={cycle}")
    _figure("report as JSON (API)", api)
    pdf, pdf_size = timed("/reporting/commission-report.pdf?as_of={day}&cycle={cycle}", runs=3)
    _figure("report as PDF (WeasyPrint)", pdf, "(target < 20 s)")
    print(f"{'sizes':40} HTML {html_size / 1024:7.0f} KiB   PDF {pdf_size / 1024:7.0f} KiB")


if __name__ == "__main__":
    sys.exit(main())
