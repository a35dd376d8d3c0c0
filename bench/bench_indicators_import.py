"""Benchmark of the observations import (issue 9): 200,000 generated observations read, checked
and stored in one transaction, then the same file again (every row on file: nothing changes).
All data are SYNTHETIC (random values for real State codes and catalogue indicators).

Run by hand (never by `make test`):  .venv/bin/python bench/bench_indicators_import.py [--rows 200000]
With DATABASE_URL set it runs on that database (which must be empty of observations); otherwise
on a throw-away SQLite database in a temporary folder. Target: 200,000 observations in < 20 s.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
import time


def generated_file(rows: int, states: list[str], indicators: list[str], rng: random.Random) -> str:
    """Tidy CSV: States x indicators x years from 1995 until `rows` observations are written."""
    lines = ["country,iso3,year,indicator,value,unit,source\n"]
    years = range(1995, 1995 + max(1, -(-rows // (len(states) * len(indicators)))))
    for year in years:
        for indicator in indicators:
            for state in states:
                if len(lines) > rows:
                    return "".join(lines)
                value = "<5" if rng.random() < 0.05 else f"{rng.uniform(0, 99):.2f}"
                lines.append(f",{state},{year},{indicator},{value},,synthetic benchmark\n")
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    options = parser.parse_args()
    folder = None
    if not os.environ.get("DATABASE_URL"):
        folder = tempfile.mkdtemp(prefix="viennaplan-bench-indicators-")
        os.environ["VIENNAPLAN_VAR_DIR"] = folder
    try:
        measure(options.rows)
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


def measure(rows: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from viennaplan.countries import registry
    from viennaplan.indicators.importer import import_observations
    from viennaplan.indicators.models import Indicator, Observation

    call_command("migrate", verbosity=0)
    states = [info.alpha3 for info in registry.states()]
    indicators = list(Indicator.objects.filter(kind="count").values_list("code", flat=True))[:40]
    data = generated_file(rows, states, indicators, random.Random(2005)).encode("utf-8")
    print(f"{connection.vendor}; {len(states)} States, {len(indicators)} indicators; {rows:,} SYNTHETIC rows")
    for label in ("first import", "same file again"):
        started = time.perf_counter()
        outcome = import_observations(data, source_name="bench.csv")
        print(f"  {label}: {time.perf_counter() - started:.1f} s  ({outcome.summary()})")
    print(f"  {Observation.objects.count():,} observations on file")


if __name__ == "__main__":
    main()
