"""Benchmark of issue 10 ("Your work"): the reviewer's queue, the Secretariat's cycle board and a
focal point's desk on SQLite with 197 States x 3 cycles, every question answered, reports in
mixed statuses (GENERATED data, never real reports).

Run by hand (never by `make test`):  .venv/bin/python bench/desk.py
It works in a throw-away folder (the demonstration database there, VIENNAPLAN_DEMO=1, so the real
database is never opened): `reporting.demo.fill(everyone=True)` writes every State's full report
in three cycles; then the cycles are moved around today (one closed 60 days ago, one open with 30
days left, one with 5 days left, so all three are on the desk and reminders are due) and the
reports spread over the statuses, a sixth of them each: not started (deleted), draft, submitted,
returned, validated, published. It prints the median and worst server time of 30 requests
(Django test client, DEBUG off) and the number of queries of each page. Target: under 100 ms each.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

RUNS = 30
HERE = Path(__file__).resolve().parent
STATUSES = (None, "draft", "submitted", "returned", "validated", "published")  # None: not started


def _figure(label: str, times: list[float], queries: int, target: str = "") -> None:
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(f"{label:44} median {median:7.1f} ms   worst {worst:7.1f} ms   {queries:3} queries   {target}")


def spread(today) -> None:  # noqa: ANN001 - a date
    """Move the cycles around today and spread the reports over the statuses (bulk updates)."""
    from django.utils import timezone

    from viennaplan.reporting.models import Report, ReportingCycle

    cycles = list(ReportingCycle.objects.order_by("opens"))
    deadlines = (today - timedelta(days=60), today + timedelta(days=30), today + timedelta(days=5))
    for cycle, closes in zip(cycles, deadlines, strict=True):
        ReportingCycle.objects.filter(pk=cycle.pk).update(opens=closes - timedelta(days=200), closes=closes)
        ids = list(Report.objects.filter(cycle=cycle).order_by("state_id").values_list("pk", flat=True))
        for n, status in enumerate(STATUSES):
            chosen = ids[n :: len(STATUSES)]
            if status is None:
                Report.objects.filter(pk__in=chosen).delete()
                continue
            submitted = None if status == "draft" else timezone.now() - timedelta(days=3 + n)
            Report.objects.filter(pk__in=chosen).update(
                status=status, submitted_at=submitted, first_submitted_at=submitted
            )
        # submitted reports waited for different times: the queue has an order to keep
        for age, pk in enumerate(Report.objects.filter(cycle=cycle, status="submitted").values_list("pk", flat=True)):
            Report.objects.filter(pk=pk).update(submitted_at=timezone.now() - timedelta(days=age % 40, hours=age))


def main() -> None:
    sys.path.insert(0, str(HERE))
    from benchenv import demo_database_with_treaty_status

    demo_database_with_treaty_status("viennaplan-bench-desk-")
    from django.db import connections
    from django.test import Client
    from django.utils import timezone

    from viennaplan.reporting.demo import demo_users, fill
    from viennaplan.reporting.models import Answer, Report

    start = time.perf_counter()
    summary = fill(everyone=True)
    spread(timezone.localdate())
    generated = time.perf_counter() - start
    by_status = {s: Report.objects.filter(status=s).count() for s in STATUSES if s}
    by_status["not started"] = summary.states * summary.cycles - Report.objects.count()
    print(
        f"SQLite, {summary.states} States x {summary.cycles} cycles: {Report.objects.count()} reports {by_status}, "
        f"{Answer.objects.count()} answers, generated in {generated:.1f} s"
    )
    users = demo_users()
    clients = {}
    for role in ("reviewer", "secretariat", "focal_point"):
        clients[role] = Client()
        clients[role].force_login(users[role])

    def timed(client: Client, url: str, runs: int = RUNS) -> tuple[list[float], int]:
        client.get(url)  # warm up once
        queries = []

        def count(execute, sql, params, many, context):  # noqa: ANN001, ANN202
            queries.append(sql)
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(count):
            client.get(url)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)
        return times, len(queries)

    target = "(target < 100 ms)"
    _figure("reviewer's queue (/reporting/desk)", *timed(clients["reviewer"], "/reporting/desk"), target)
    _figure("Secretariat's cycle board (/reporting/desk)", *timed(clients["secretariat"], "/reporting/desk"), target)
    _figure("focal point's desk, CHE (/reporting/desk)", *timed(clients["focal_point"], "/reporting/desk"), target)
    latest = Report.objects.order_by("-cycle_id").values_list("cycle_id", flat=True).first()
    _figure(
        "cycle page, filtered (?status=submitted)",
        *timed(clients["secretariat"], f"/reporting/{latest}/?status=submitted"),
    )


if __name__ == "__main__":
    sys.exit(main())
