"""Benchmark of the corruption assessments (issue 12, 33(a), 30(a)): 20,000 generated assessments
imported from one CSV file (all or nothing, in bulk with history), then the same file again (nothing
changes), then the list page filtered by State and by sector, the comparison of States by year for a
sector, and the API list (Django's test Client, warm, median of 20). All data are SYNTHETIC (random
assessments of real States, marked SYNTHETIC in their sample description).

Run by hand (never by `make test`):  .venv/bin/python bench/knowledge_assessments.py [--rows 20000]
It runs on a throw-away SQLite database in a temporary folder (the real database is never opened).

`csv_rows(count, seed)` is also for other benchmarks and tests: it needs Django set up with the
countries on file (migrated), and the current plan for the rows to import (provisions 33/a, 30/a …).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import date, timedelta

PATHS = ("33/a", "30/a", "30/b", "33/b", "33/d")
PUBLISHERS = ("National Anti-Corruption Commission", "Supreme Audit Institution", "National Statistics Office")


def csv_rows(count: int, seed: int = 1) -> bytes:
    """`count` valid rows of the assessments file (with its header), SYNTHETIC, the same for the same seed."""
    from viennaplan.countries import registry
    from viennaplan.knowledge.assessments import rules

    rng = random.Random(seed)
    states = registry.member_states()
    sectors, types, methods, scopes = list(rules.SECTORS), list(rules.TYPES), list(rules.METHODS), list(rules.SCOPES)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(rules.COLUMNS)
    for number in range(count):
        state = states[number % len(states)]
        start = date(1995, 1, 1) + timedelta(days=rng.randrange(0, 30 * 365))
        end = start + timedelta(days=rng.randrange(10, 200))
        published = end + timedelta(days=rng.randrange(30, 400))
        costed = rng.random() < 0.3
        cells = {
            "state": state,
            "key": f"SYN-{number:06d}",
            "title": f"SYNTHETIC assessment {number} of corruption in {state}",
            "scope": rng.choice(scopes),
            "sectors": rules.write_list(rules.in_list_order(rng.sample(sectors, rng.randint(1, 4)), rules.SECTORS)),
            "types": rules.write_list(rules.in_list_order(rng.sample(types, rng.randint(1, 3)), rules.TYPES)),
            "causes": "SYNTHETIC: low salaries; weak oversight; discretion without control",
            "effects": "SYNTHETIC: higher prices of public services; loss of trust",
            "cost_amount": str(rng.randrange(10_000, 900_000_000)) if costed else "",
            "cost_currency": "USD" if costed else "",
            "cost_year": str(published.year) if costed else "",
            "method": rng.choice(methods),
            "sample_size": str(rng.randrange(100, 20_000)),
            "sample_description": "SYNTHETIC sample of households",
            "fieldwork_start": start.isoformat(),
            "fieldwork_end": end.isoformat(),
            "published_on": published.isoformat(),
            "publisher": rng.choice(PUBLISHERS),
            "official_url": f"https://example.org/assessments/{state}/{number}",
            "provisions": rules.write_provisions(rng.sample(PATHS, rng.randint(1, 2))),
            "published": "yes" if rng.random() < 0.9 else "no",
        }
        writer.writerow([cells[name] for name in rules.COLUMNS])
    return buffer.getvalue().encode("utf-8")


def median_ms(client, url: str, runs: int = 20) -> float:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def measure(rows: int) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from viennaplan.knowledge.assessments.csv_io import import_assessments
    from viennaplan.knowledge.assessments.models import Assessment
    from viennaplan.plan.saving import import_plan_text

    call_command("migrate", verbosity=0)
    import_plan_text(settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8"), source_name="plan.txt")
    data = csv_rows(rows, seed=2001)
    print(f"{connection.vendor}; {rows:,} SYNTHETIC assessments ({len(data) / 1e6:.1f} MB)")
    for label in ("first import", "same file again"):
        started = time.perf_counter()
        outcome = import_assessments(data, source_name="bench.csv")
        print(f"  {label}: {time.perf_counter() - started:.1f} s  ({outcome.summary()})")
    print(f"  {Assessment.objects.count():,} assessments on file")
    client = Client()
    for label, url in (
        ("list, State KEN", "/knowledge/assessments?state=KEN"),
        ("list, sector police", "/knowledge/assessments?sector=police"),
        ("list, State and type", "/knowledge/assessments?state=KEN&type=bribery"),
        ("comparison, sector police", "/knowledge/assessments/compare?sector=police"),
        ("API list, sector police", "/api/knowledge/assessments?sector=police"),
        ("API list, State KEN", "/api/knowledge/assessments?state=KEN"),
    ):
        print(f"  {label}: {median_ms(client, url):.1f} ms (median of 20, warm)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="viennaplan-bench-assessments-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(
        VIENNAPLAN_VAR_DIR=folder,
        VIENNAPLAN_DEMO="1",
        VIENNAPLAN_DEBUG="0",
        VIENNAPLAN_SECRET_KEY="benchmark-only",
        DJANGO_SETTINGS_MODULE="viennaplan.settings",
    )
    try:
        measure(options.rows)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
