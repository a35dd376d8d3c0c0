"""Benchmark of issue 9 (world maps): a treaty-status map of 197 States on SQLite, with SYNTHETIC actions.

Run by hand (never by `make test`):  .venv/bin/python bench/bench_maps.py
It uses a throw-away SQLite database, imports the generated status list of bench_treaty_pages
(SYNTHETIC: made-up dates, never real data) and prints median and worst times: the boundaries
projected once (first map of the process), then the SVG download, the page and the JSON twin,
each with a new as-of date so that the engine runs every time; then, over 40 indicators x 25 years x
every State of GENERATED observations (bench_commission_report's), an indicator's map in each year
and a 2000 -> 2005 target's map. Target: a world map under 200 ms.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, timedelta

from bench_treaty_pages import RUNS, _figure, synthetic_status_list


def main() -> None:
    tmp = tempfile.mkdtemp(prefix="viennaplan-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["VIENNAPLAN_VAR_DIR"] = tmp
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from viennaplan.countries import registry
    from viennaplan.treaties.importer import import_status_list

    call_command("migrate", verbosity=0)
    states = sorted(info.alpha3 for info in registry.states())
    import_status_list(synthetic_status_list(states).encode("utf-8"), source_name="synthetic-bench.csv")
    print(f"SQLite, {len(states)} States, SYNTHETIC actions")
    client = Client()

    def timed(template: str) -> list[float]:
        times = []
        for offset in range(RUNS):
            url = template.format(day=(date(2004, 1, 1) + timedelta(days=offset)).isoformat())
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)
        return times

    start = time.perf_counter()
    assert client.get("/treaties/UNTOC/map.svg?as_of=2003-12-31").status_code == 200
    print(f"{'first map (boundaries projected)':34} {(time.perf_counter() - start) * 1000:7.1f} ms")
    _figure("map SVG download", timed("/treaties/UNTOC/map.svg?as_of={day}"), "(target < 200 ms)")
    _figure("map page (SVG + tables)", timed("/treaties/UNTOC/map?as_of={day}"), "(target < 200 ms)")
    _figure("map JSON twin", timed("/api/maps/treaties/UNTOC?as_of={day}"))
    size = len(client.get("/treaties/UNTOC/map.svg?as_of=2010-01-01").content)
    print(f"{'SVG size':34} {size / 1024:7.1f} KiB")

    sys.path.insert(0, os.path.dirname(__file__))
    from bench_commission_report import indicators_and_targets

    from viennaplan.monitoring.models import IndicatorTarget

    print(indicators_and_targets(targets=1))
    target = IndicatorTarget.objects.select_related("indicator").get()
    code = target.indicator.code

    def yearly(template: str) -> list[float]:
        times = []
        for offset in range(RUNS):
            url = template.format(code=code, year=1986 + offset % 25, target=target.pk)
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)
        return times

    _figure("indicator map SVG (a year)", yearly("/indicators/{code}/map.svg?year={year}"), "(target < 200 ms)")
    _figure("indicator map page (+ ranking)", yearly("/indicators/{code}/map?year={year}"), "(target < 200 ms)")
    _figure("target map SVG", yearly("/targets/{target}/map.svg"), "(target < 200 ms)")
    _figure("target map page", yearly("/targets/{target}/map"), "(target < 200 ms)")


if __name__ == "__main__":
    sys.exit(main())
