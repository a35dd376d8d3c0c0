"""SYNTHETIC trafficking flows for the benchmarks (issue 12, 46(b)): `csv_rows(count)` gives a CSV file in
the Secretariat's layout (knowledge/trafficking/rules.py) with `count` flows between real States, over
the years 2000-2024, each with counts by sex and age (many of them small, so that suppression has work
to do) and a source marked SYNTHETIC.

    .venv/bin/python bench/knowledge_trafficking.py [--rows 20000]

On a throw-away SQLite database in a temporary folder (the plan imported, so that 46/b exists): times
the import, the same file again, then (warm, median / p95 of 20 runs) the list filtered by State and by
form, the aggregate views (every flow summed, through suppression) and the API.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

FORMS = [
    "sexual_exploitation",
    "sexual_exploitation",
    "forced_labour",
    "forced_labour",
    "servitude",
    "organ_removal",
    "forced_criminality",
    "forced_marriage",
    "other",
]
AUTHORITIES = ["National Police", "Ministry of the Interior", "Office of the Prosecutor", "Labour Inspectorate"]
CELLS = [f"{sex}_{age}" for sex in ("female", "male", "unknown") for age in ("child", "adult", "unknown")]
COLUMNS = [
    "key",
    "origin",
    "destination",
    "transit",
    "year_from",
    "year_to",
    "form",
    *CELLS,
    "total",
    "source",
    "source_url",
    "authority",
    "provisions",
    "published",
]
RUNS = 20


def states() -> list[str]:
    from viennaplan.countries import registry

    return sorted(info.alpha3 for info in registry.states())


def csv_rows(count: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    codes = states()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for number in range(count):
        origin, destination = rng.sample(codes, 2)
        transit = rng.choice(codes) if rng.random() < 0.2 else ""
        year = rng.randint(2000, 2024)
        last = year + (rng.randint(1, 2) if rng.random() < 0.2 else 0)
        scale = rng.choice([3, 6, 20, 80])  # small flows are common
        counts = [max(0, int(rng.expovariate(1 / scale)) - rng.randint(0, 4)) for _cell in CELLS]
        writer.writerow(
            [
                f"SYN-{number:06d}",
                origin,
                destination,
                transit if transit not in (origin, destination) else "",
                year,
                min(last, 2025),
                rng.choice(FORMS),
                *counts,
                sum(counts),
                f"SYNTHETIC national report on trafficking in persons {year}",
                f"https://example.org/{destination.lower()}/trafficking/{year}",
                rng.choice(AUTHORITIES),
                "46/b; 46/d" if rng.random() < 0.3 else "46/b",
                "yes" if rng.random() < 0.9 else "no",
            ]
        )
    return out.getvalue().encode("utf-8")


def timed(function) -> tuple[float, float]:
    function()  # warm
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="viennaplan-bench-trafficking-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(
        VIENNAPLAN_VAR_DIR=folder,
        VIENNAPLAN_SECRET_KEY="benchmark-only",
        VIENNAPLAN_DEBUG="0",
        DJANGO_SETTINGS_MODULE="viennaplan.settings",
    )
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client

        from viennaplan.knowledge.trafficking.flows_csv import import_flows
        from viennaplan.plan.saving import import_plan_text

        call_command("migrate", verbosity=0)
        import_plan_text(settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8"), source_name="plan")
        content = csv_rows(options.rows)
        start = time.perf_counter()
        outcome = import_flows(content, source_name="trafficking.csv")
        print(f"import of {options.rows:,} rows: {time.perf_counter() - start:.1f} s ({outcome.summary()})")
        start = time.perf_counter()
        again = import_flows(content, source_name="trafficking.csv")
        print(f"the same file again: {time.perf_counter() - start:.1f} s ({again.summary()})")
        client = Client()
        print(f"pages and API (warm; median / p95 of {RUNS}; ms)")
        for url in (
            "/knowledge/trafficking",
            "/knowledge/trafficking?destination=CHE",
            "/knowledge/trafficking?form=forced_labour",
            "/knowledge/trafficking?destination=CHE&year=2010",
            "/knowledge/trafficking/SYN-000123",
            "/knowledge/trafficking/by/destination",
            "/knowledge/trafficking/by/sex-age",
            "/knowledge/trafficking/by/form?destination=CHE",
            "/knowledge/trafficking.csv?destination=CHE",
            "/api/knowledge/trafficking",
            "/api/knowledge/trafficking?destination=CHE",
            "/api/knowledge/trafficking?form=forced_labour",
            "/api/knowledge/trafficking/by/destination",
        ):

            def run(url: str = url) -> None:
                response = client.get(url)
                assert response.status_code in (200, 404), (url, response.status_code)

            median, p95 = timed(run)
            print(f"  {url:<52} {median:7.1f} / {p95:7.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
