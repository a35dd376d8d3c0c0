"""Benchmark of issue 2: import of the document, and server time of the main pages on SQLite.

Run by hand (never by `make test`):  .venv/bin/python bench/bench_plan.py
It uses a throw-away SQLite database in a temporary folder and prints the figures:
median and worst of repeated runs. Targets: import under 1 s; each page under 50 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

RUNS = 30


def _figure(label: str, times: list[float], target: str = "") -> None:
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(f"{label:20} median {median:7.1f} ms   worst {worst:7.1f} ms   {target}")


def main() -> None:
    tmp = tempfile.mkdtemp(prefix="viennaplan-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["VIENNAPLAN_VAR_DIR"] = tmp
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from viennaplan.plan.models import PlanVersion
    from viennaplan.plan.parser import parse_plan
    from viennaplan.plan.saving import import_plan_text

    call_command("migrate", verbosity=0)
    text = Path(settings.PLAN_SOURCE_FILE).read_text(encoding="utf-8")

    parse_times = []
    for _ in range(10):
        start = time.perf_counter()
        parse_plan(text)
        parse_times.append(time.perf_counter() - start)

    import_times = []
    for _ in range(5):
        PlanVersion.objects.all().delete()
        start = time.perf_counter()
        import_plan_text(text, source_name="bench")
        import_times.append(time.perf_counter() - start)

    start = time.perf_counter()
    _, created = import_plan_text(text, source_name="bench")
    again = time.perf_counter() - start
    assert not created

    print(f"SQLite database: {tmp}")
    _figure("parse only", parse_times)
    _figure("import (parse+store)", import_times, "(target < 1000 ms)")
    print(f"re-import, unchanged        {again * 1000:7.1f} ms")

    client = Client()
    pages = {
        "home": "/",
        "chapter VI": "/plan/chapter/VI",
        "provision 57(k)(ii)": "/plan/57/k/ii",
        "paragraph 57": "/plan/57",
        "search 'markings'": "/plan/search?q=markings",
        "search filtered": "/plan/search?q=States&chapter=V&scope=national",
        "deadlines": "/plan/deadlines",
    }
    print(f"\nserver time per page, {RUNS} requests each after one warm-up (target < 50 ms):")
    for label, url in pages.items():
        response = client.get(url)
        if response.status_code != 200:
            print(f"  {label:22} {url}: HTTP {response.status_code}", file=sys.stderr)
            continue
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - start)
        print(
            f"  {label:22} median {statistics.median(times) * 1000:6.1f} ms   worst {max(times) * 1000:6.1f} ms   {url}"
        )


if __name__ == "__main__":
    main()
