"""Benchmark of issue 4 (reporting pages): the progress matrix and a State profile on SQLite with
197 States x 3 cycles x every national action answered (GENERATED data, never real reports).

Run by hand (never by `make test`):  .venv/bin/python bench/bench_reporting.py
It works in a throw-away folder: the demonstration database there (VIENNAPLAN_DEMO=1, so the
real database is never opened) is migrated and filled by `reporting.demo.fill(everyone=True)`:
every State reports in every cycle, answers every question, and is published. A synthetic treaty
status list is imported too, so the profile's treaty panel has work to do. It prints the median
and worst server time of repeated requests (Django test client, DEBUG off). Targets: the
progress matrix and a State profile under 100 ms each.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

RUNS = 30
HERE = Path(__file__).resolve().parent


def _figure(label: str, times: list[float], target: str = "") -> None:
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(f"{label:44} median {median:7.1f} ms   worst {worst:7.1f} ms   {target}")


def main() -> None:
    sys.path.insert(0, str(HERE))
    from benchenv import demo_database_with_treaty_status

    demo_database_with_treaty_status("viennaplan-bench-reporting-")
    from django.test import Client

    from viennaplan.reporting.demo import demo_users, fill
    from viennaplan.reporting.models import Answer, Report

    start = time.perf_counter()
    summary = fill(everyone=True)
    generated = time.perf_counter() - start
    print(
        f"SQLite, {summary.states} States x {summary.cycles} cycles: {Report.objects.count()} reports, "
        f"{Answer.objects.count()} answers ({Answer.objects.filter(status='').count()} unanswered), "
        f"generated in {generated:.1f} s"
    )
    cycle_ids = list(Report.objects.values_list("cycle_id", flat=True).distinct().order_by("-cycle_id"))
    latest = cycle_ids[0]

    anonymous, secretariat = Client(), Client()
    secretariat.force_login(demo_users()["secretariat"])

    def timed(client: Client, url: str, runs: int = RUNS) -> list[float]:
        client.get(url)  # warm up once
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)
        return times

    target = "(target < 100 ms)"
    _figure("progress matrix, by region (public)", timed(anonymous, f"/reporting/progress?cycle={latest}"), target)
    _figure(
        "progress matrix, by group (public)", timed(anonymous, f"/reporting/progress?cycle={latest}&by=group"), target
    )
    _figure("progress matrix (secretariat)", timed(secretariat, f"/reporting/progress?cycle={latest}"), target)
    _figure("State profile CHE (public)", timed(anonymous, "/reporting/states/CHE"), target)
    _figure("State profile CHE (secretariat)", timed(secretariat, "/reporting/states/CHE"), target)
    _figure("API matrix", timed(anonymous, f"/api/reporting/progress/matrix?cycle={latest}"))
    _figure("API State profile CHE", timed(anonymous, "/api/reporting/progress/states/CHE"))
    _figure(
        "matrix cell IV x Europe",
        timed(anonymous, f"/reporting/progress/cell?cycle={latest}&chapter=IV&by=region&area=Europe"),
    )
    _figure("commitments and objectives", timed(anonymous, f"/reporting/commitments?cycle={latest}"))
    _figure("reporting status", timed(anonymous, f"/reporting/status?cycle={latest}"))


if __name__ == "__main__":
    sys.exit(main())
