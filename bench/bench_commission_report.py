"""Benchmark of issue 9 (the report to the Commission): the report as HTML, JSON and PDF on SQLite
with the demonstration data (197 States, three cycles of GENERATED reports, never real ones), a
SYNTHETIC treaty status list (made-up dates, never real data) and, as the issue asks, 40 indicators
x 25 years x every State of GENERATED observations (about 197,000) with a 2000 -> 2005 reduction
target on each of the 40 indicators (`--targets N` sets fewer, `--no-indicators` leaves them out).

Run by hand (never by `make test`):  .venv/bin/python bench/bench_commission_report.py
It works in a throw-away folder: the demonstration database there (VIENNAPLAN_DEMO=1, so the real
database is never opened) is migrated and filled by `reporting.demo.fill()`, the generated status
list of bench_treaty_pages is imported, and the Secretariat records progress on every international
action of the latest cycle. It prints the median and worst server time of repeated requests (Django
test client, DEBUG off), each with a new as-of date so that the engine and the maps run every time.
Targets: the report as HTML under 5 s, as PDF under 20 s.
"""

from __future__ import annotations

import argparse
import random
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


def indicators_and_targets(count: int = 40, years: int = 25, targets: int = 40) -> str:
    """GENERATED observations of `count` indicators over `years` years for every State, and a
    2000 -> 2005 reduction target on each indicator's first commitment; returns a summary line."""
    from viennaplan.countries import registry
    from viennaplan.indicators.importer import ImportRefused, import_observations
    from viennaplan.indicators.models import Indicator
    from viennaplan.monitoring.models import IndicatorTarget

    states = [info.alpha3 for info in registry.states()]
    chosen = list(Indicator.objects.exclude(measures=[]).order_by("position")[:count])
    started = time.perf_counter()
    rng = random.Random(2005)
    lines = ["iso3,year,indicator,value,source\n"]
    for indicator in chosen:
        ceiling = 100.0 if indicator.kind == "percentage" else 999.0
        low, high = float(indicator.minimum or 0), min(float(indicator.maximum or ceiling), ceiling)
        for year in range(2005 - years + 6, 2005 + 6):  # 1986 .. 2010 for 25 years: around the 2000 -> 2005 targets
            for state in states:
                small = indicator.kind == "count" and rng.random() < 0.05
                value = "<5" if small else f"{rng.uniform(low, high):.2f}"
                lines.append(f"{state},{year},{indicator.code},{value},generated (benchmark)\n")
    data = "".join(lines).encode("utf-8")
    try:
        outcome = import_observations(data, source_name="bench-generated.csv")
    except ImportRefused as refused:
        raise SystemExit("\n".join([str(refused), *refused.errors[:10]])) from None
    imported = time.perf_counter() - started
    for indicator in chosen[:targets]:
        IndicatorTarget.objects.create(
            indicator=indicator, provision=indicator.measures[0], baseline_year=2000, target_year=2005
        )
    return (
        f"{len(chosen)} indicators x {years} years x {len(states)} States: {outcome.summary()} in {imported:.1f} s; "
        f"{min(targets, len(chosen))} reduction targets 2000 -> 2005 (GENERATED)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-indicators", dest="indicators", action="store_false")
    parser.add_argument("--targets", type=int, default=40, help="reduction targets, one per indicator (default 40)")
    options = parser.parse_args()
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
    if options.indicators:
        print(indicators_and_targets(targets=options.targets))
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
