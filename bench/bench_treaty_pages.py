"""Benchmark of issue 3 (pages): the treaty pages on SQLite with 200 States' SYNTHETIC actions.

Run by hand (never by `make test`):  .venv/bin/python bench/bench_treaty_pages.py
It uses a throw-away SQLite database in a temporary folder, imports a generated status list
(SYNTHETIC: made-up dates for 200 States on UNTOC and its three Protocols, never real data),
and prints median and worst server times. Target: the instrument page under 100 ms.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta

RUNS = 30


def _figure(label: str, times: list[float], target: str = "") -> None:
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(f"{label:34} median {median:7.1f} ms   worst {worst:7.1f} ms   {target}")


def synthetic_status_list(states: list[str], seed: int = 2001) -> str:
    """A SYNTHETIC status list: each State signs UNTOC in the window, most ratify it later, and
    ratify each Protocol on or after the Convention. Valid under the instruments' rules."""
    rng = random.Random(seed)
    window = (date(2000, 12, 12), date(2002, 12, 12))
    lines = ["# SYNTHETIC benchmark data, not the depositary's record", "state,instrument,action,date,source"]
    for state in states:
        signed = window[0] + timedelta(days=rng.randint(0, (window[1] - window[0]).days))
        lines.append(f"{state},UNTOC,signature,{signed.isoformat()},synthetic")
        if rng.random() < 0.85:
            ratified = signed + timedelta(days=rng.randint(30, 3000))
            lines.append(f"{state},UNTOC,ratification,{ratified.isoformat()},synthetic")
            for protocol in ("TIP", "SOM", "FIREARMS"):
                if rng.random() < 0.8:
                    joined = ratified + timedelta(days=rng.randint(0, 900))
                    lines.append(f"{state},{protocol},accession,{joined.isoformat()},synthetic")
    return "\n".join(lines) + "\n"


def main() -> None:
    tmp = tempfile.mkdtemp(prefix="viennaplan-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["VIENNAPLAN_VAR_DIR"] = tmp
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from viennaplan.countries.models import Country
    from viennaplan.treaties.importer import import_status_list
    from viennaplan.treaties.models import TreatyAction

    call_command("migrate", verbosity=0)
    states = list(Country.objects.exclude(kind="organization").order_by("alpha3").values_list("alpha3", flat=True))[
        :200
    ]
    text = synthetic_status_list(states)
    start = time.perf_counter()
    outcome = import_status_list(text.encode("utf-8"), source_name="synthetic-bench.csv")
    import_time = time.perf_counter() - start
    print(f"SQLite, {len(states)} States, {TreatyAction.objects.count()} synthetic actions")
    print(f"{'import (parse, validate, write)':34} {import_time * 1000:7.1f} ms   ({outcome.created} actions)")

    client = Client()
    client.get("/treaties/UNTOC")  # warm up imports (matplotlib) once

    def timed(url: str, runs: int = RUNS) -> list[float]:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)
        return times

    cold = []
    for offset in range(RUNS):  # a new as-of date each time: the chart is drawn, not cached
        day = date(2004, 1, 1) + timedelta(days=offset)
        start = time.perf_counter()
        assert client.get(f"/treaties/UNTOC?as_of={day.isoformat()}").status_code == 200
        cold.append(time.perf_counter() - start)
    _figure("instrument page, chart drawn", cold, "(target < 100 ms)")
    _figure("instrument page, chart cached", timed("/treaties/UNTOC?as_of=2010-01-01"), "(target < 100 ms)")
    _figure("instrument page TIP (with parent)", timed("/treaties/TIP?as_of=2010-01-01"))
    _figure("API status UNTOC", timed("/api/treaties/UNTOC/status?as_of=2010-01-01"))
    _figure("API states UNTOC", timed("/api/treaties/UNTOC/states?as_of=2010-01-01"))
    _figure("State panel", timed("/treaties/states/CHE?as_of=2010-01-01"))
    _figure("ratification targets", timed("/treaties/targets?as_of=2010-01-01"))
    _figure("instruments list", timed("/treaties/?as_of=2010-01-01"))


if __name__ == "__main__":
    sys.exit(main())
