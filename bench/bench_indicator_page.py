"""Benchmark of the indicator page (issue 9): /indicators/<code> with 197 States x 25 years of values.

Run by hand (never by `make test`):  .venv/bin/python bench/bench_indicator_page.py
It uses a throw-away SQLite database in a temporary folder, imports the plan (for the provisions'
links) and a generated file of observations (SYNTHETIC: random values for the registry's States,
about 3% published as "<5" and some flagged, never real data) through the import, and prints the
median and worst server times of the page, its JSON twin and its CSV. Target: the page under 100 ms.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time

RUNS = 20
INDICATOR = "tip_persons_convicted"
YEARS = range(1999, 2024)  # 25 years


def _figure(label: str, times: list[float], target: str = "") -> None:
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(f"{label:42} median {median:7.1f} ms   worst {worst:7.1f} ms   {target}")


def generated_file(states: list[str], rng: random.Random) -> str:
    lines = ["iso3,year,indicator,value,source,flags\n"]
    for state in states:
        for year in YEARS:
            value = "<5" if rng.random() < 0.03 else str(rng.randint(5, 900))
            flags = rng.choice(["", "", "", "", "estimate", "provisional", "break"])
            lines.append(f"{state},{year},{INDICATOR},{value},synthetic benchmark,{flags}\n")
    return "".join(lines)


def main() -> None:
    folder = tempfile.mkdtemp(prefix="viennaplan-bench-indicator-page-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["VIENNAPLAN_VAR_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    try:
        measure()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from viennaplan.countries import registry
    from viennaplan.indicators.importer import import_observations
    from viennaplan.plan.saving import import_plan_text

    call_command("migrate", verbosity=0)
    import_plan_text(settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8"), source_name="plan")
    states = [info.alpha3 for info in registry.states()][:197]
    outcome = import_observations(generated_file(states, random.Random(2005)), source_name="bench.csv")
    print(f"{len(states)} States x {len(YEARS)} years of {INDICATOR}: {outcome.summary()} (SYNTHETIC)")
    client = Client()
    pages = [
        ("page /indicators/" + INDICATOR, f"/indicators/{INDICATOR}", "target < 100 ms"),
        (
            "page filtered (2003-2005, WEOG)",
            f"/indicators/{INDICATOR}?year_from=2003&year_to=2005&group=western_european_others",
            "",
        ),
        ("JSON twin", f"/api/indicators/{INDICATOR}/observations", ""),
        ("CSV download", f"/api/indicators/{INDICATOR}/observations?format=csv", ""),
        ("catalogue /indicators/", "/indicators/", ""),
    ]
    for label, url, target in pages:
        assert client.get(url).status_code == 200, url  # warm up
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
            assert response.status_code == 200
        _figure(label, times, target)


if __name__ == "__main__":
    main()
