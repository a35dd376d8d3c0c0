"""Benchmark of the organized-crime patterns and trends collection (issue 12, 18(c),(d)).

Run by hand (never by `make test`):  .venv/bin/python bench/knowledge_patterns.py [COUNT]
It uses a throw-away SQLite database in a temporary folder, imports the plan (for the provisions'
paths) and a generated file of COUNT records (default 20,000; SYNTHETIC: every summary says so, the
States, regions and crime types are drawn at random, never real data) through the collection's import,
and prints the time of the import, of importing the same file again (nothing changes), and the median
and worst server times (warm, 20 runs) of the list filtered by State and by crime type, the map, the
time view, the terrorism page and the JSON twins.

`csv_rows(count, seed)` gives the file itself, for tests and other benchmarks.
"""

from __future__ import annotations

import csv
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time

RUNS = 20
PROVISIONS = ("18/c", "18/d", "18/e", "57/a", "70", "71")


def csv_rows(count: int, seed: int = 1) -> bytes:
    """`count` valid rows of the import (with its header), SYNTHETIC, drawn from the country registry's
    States and regions (Django must be set up with the countries loaded)."""
    from viennaplan.countries import registry
    from viennaplan.knowledge.patterns import rules
    from viennaplan.knowledge.patterns.csvio import known_regions

    rng = random.Random(seed)
    states = sorted(info.alpha3 for info in registry.states())
    regions = sorted(known_regions())
    crimes = [code for code in rules.CRIME_TYPE_LABELS if code != rules.TERRORISM]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(rules.COLUMNS)
    for number in range(count):
        kind = rng.choice([rules.PATTERN, rules.TREND, rules.TREND, rules.TERRORISM_LINK])
        chosen = rng.sample(crimes, rng.randint(1, 2))
        if kind == rules.TERRORISM_LINK:
            chosen.append(rules.TERRORISM)
        start = rng.randint(1995, 2022)
        end = "" if rng.random() < 0.2 else str(rng.randint(start, 2024))
        picked = rng.sample(states, 5)
        place = rng.random() < 0.3
        writer.writerow(
            [
                f"SYN-{seed}-{number:06d}",
                kind,
                f"Synthetic record {number}",
                f"SYNTHETIC benchmark record {number}, not real data.",
                str(start),
                end,
                "; ".join(chosen),
                "; ".join(sorted(picked[:2])),
                picked[2],
                "; ".join(sorted(picked[3:])),
                rng.choice(regions),
                f"{rng.uniform(-60, 70):.4f}" if place else "",
                f"{rng.uniform(-170, 170):.4f}" if place else "",
                "SYNTHETIC benchmark",
                "",
                rng.choice(list(rules.CONFIDENCE_LABELS)),
                rng.choice(["UNTOC", "TIP", "", ""]),
                rng.choice(PROVISIONS),
                "yes" if rng.random() < 0.9 else "no",
            ]
        )
    return buffer.getvalue().encode("utf-8")


def _figure(label: str, times: list[float], target: str = "") -> None:
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(f"{label:46} median {median:7.1f} ms   worst {worst:7.1f} ms   {target}")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    folder = tempfile.mkdtemp(prefix="viennaplan-bench-patterns-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["VIENNAPLAN_VAR_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    try:
        measure(count)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(count: int) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from viennaplan.knowledge.patterns.csvio import import_patterns
    from viennaplan.plan.saving import import_plan_text

    call_command("migrate", verbosity=0)
    import_plan_text(settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8"), source_name="plan")
    data = csv_rows(count)
    started = time.perf_counter()
    outcome = import_patterns(data, source_name="bench.csv")
    print(f"import of {count} rows: {time.perf_counter() - started:.1f} s  ({outcome.summary()}; SYNTHETIC)")
    started = time.perf_counter()
    outcome = import_patterns(data, source_name="bench.csv")
    print(f"the same file again: {time.perf_counter() - started:.1f} s  ({outcome.summary()})")
    client = Client()
    pages = [
        ("list /knowledge/patterns", "/knowledge/patterns"),
        ("list filtered by State (COL)", "/knowledge/patterns?state=COL"),
        ("list filtered by crime type", "/knowledge/patterns?crime_type=corruption"),
        ("list by State and role", "/knowledge/patterns?state=COL&role=origin"),
        ("API list by State", "/api/knowledge/patterns?state=COL"),
        ("API list by crime type", "/api/knowledge/patterns?crime_type=corruption"),
        ("map /knowledge/patterns/map?role=origin", "/knowledge/patterns/map?role=origin"),
        ("time view /knowledge/patterns/years", "/knowledge/patterns/years"),
        ("terrorism /knowledge/terrorism", "/knowledge/terrorism"),
    ]
    for label, url in pages:
        assert client.get(url).status_code == 200, url  # warm up
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
            assert response.status_code == 200
        _figure(label, times)


if __name__ == "__main__":
    main()
