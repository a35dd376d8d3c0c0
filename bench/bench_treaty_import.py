"""Benchmark of the treaty import (issue 7, defect 8): how long a status list takes to be read,
checked and recorded or refused, by size and by kind of row. All data are SYNTHETIC.

Run by hand (never by `make test`):  .venv/bin/python bench/bench_treaty_import.py [--sizes 20000,300000]

It uses a throw-away SQLite database in a temporary folder (migrated: countries and instruments
loaded) and times `import_status_list`, what `viennaplan treaties import FILE` does, on:

- a full list: every State's accession to every instrument (about 3,500 rows), recorded;
- known States: rows naming real States in several spellings, well formed; at these sizes most
  rows repeat an earlier one or are a second consent, so the engine refuses them (every row checked);
- unknown States, 40 names: the same misspelt names over and over (a real operator's mistake);
- unknown States, every name different: the worst case for "did you mean" suggestions.

Targets: 20,000 rows in a few seconds; 300,000 rows within tens of seconds; every bad row counted.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta

HEADER = "state,instrument,action,date,source\n"


def full_list(names: dict[str, str], instruments: dict[str, date]) -> str:
    """Every State's accession to every instrument, five years after its adoption (valid)."""
    rows = [
        f"{code},{instrument},accession,{(adopted + timedelta(days=5 * 365)).isoformat()},synthetic\n"
        for code in sorted(names)
        for instrument, adopted in instruments.items()
    ]
    return HEADER + "".join(rows)


def known_states(size: int, names: dict[str, str], instruments: dict[str, date], rng: random.Random) -> str:
    spellings = [code for code in names] + list(names.values()) + [name.upper() for name in names.values()]
    codes = list(instruments)
    rows = []
    for _ in range(size):
        instrument = rng.choice(codes)
        day = instruments[instrument] + timedelta(days=rng.randrange(400, 7000))
        name = rng.choice(spellings)
        rows.append(f'"{name}",{instrument},ratification,{day.isoformat()},synthetic\n')
    return HEADER + "".join(rows)


def unknown_states(size: int, distinct: int | None, instruments: dict[str, date], rng: random.Random) -> str:
    codes = list(instruments)
    rows = []
    for number in range(size):
        instrument = rng.choice(codes)
        day = instruments[instrument] + timedelta(days=rng.randrange(400, 7000))
        name = f"Narnia {number % distinct if distinct else number:06d}"
        rows.append(f"{name},{instrument},ratification,{day.isoformat()},synthetic\n")
    return HEADER + "".join(rows)


def timed_import(label: str, text: str, budget: float) -> None:
    from viennaplan.treaties.importer import ImportRefused, import_status_list

    data = text.encode("utf-8")
    rows = text.count("\n") - 1
    start = time.perf_counter()
    try:
        outcome = import_status_list(data, source_name="bench.csv")
        result = f"{outcome.created:,} recorded, {outcome.skipped:,} skipped"
    except ImportRefused as refused:
        result = f"refused, {len(refused.errors):,} errors reported"
    seconds = time.perf_counter() - start
    verdict = "" if seconds <= budget else f"   OVER {budget:.0f} s"
    print(f"{label:46} {rows:>8,} rows  {seconds:8.2f} s  {seconds / rows * 1e6:7.1f} us/row  {result}{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,300000", help="row counts, comma-separated (default 20000,300000)")
    parser.add_argument(
        "--cases", default="known,unknown40,unknown-distinct", help="which synthetic cases (default: all three)"
    )
    options = parser.parse_args()
    os.environ.pop("DATABASE_URL", None)
    folder = tempfile.mkdtemp(prefix="viennaplan-bench-treaty-import-")
    os.environ["VIENNAPLAN_VAR_DIR"] = folder
    try:
        measure([int(size) for size in options.sizes.split(",")], options.cases.split(","))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(sizes: list[int], cases: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from viennaplan.countries.models import Country
    from viennaplan.treaties.models import TreatyAction
    from viennaplan.treaties.rules import INSTRUMENTS

    call_command("migrate", verbosity=0)
    names = dict(Country.objects.exclude(kind="organization").values_list("alpha3", "name_en"))
    instruments = {code: rules.adopted for code, rules in INSTRUMENTS.items()}
    rng = random.Random(20010510)
    print(f"SQLite; {len(names)} States, {len(instruments)} instruments; SYNTHETIC rows")

    timed_import("full list (every State accedes to everything)", full_list(names, instruments), 5)
    print(f"  {TreatyAction.objects.count():,} actions on file now; the cases below are checked against them")
    generators: dict[str, tuple[str, Callable[[int], str]]] = {
        "known": ("known States (engine refuses repeats)", lambda n: known_states(n, names, instruments, rng)),
        "unknown40": ("unknown States, 40 names", lambda n: unknown_states(n, 40, instruments, rng)),
        "unknown-distinct": ("unknown States, every name new", lambda n: unknown_states(n, None, instruments, rng)),
    }
    for size in sizes:
        for case in cases:
            label, generate = generators[case]
            timed_import(label, generate(size), 5 if size <= 20_000 else 60)


if __name__ == "__main__":
    main()
