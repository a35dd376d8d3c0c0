"""Benchmark of the knowledge databases (issue 12), on SYNTHETIC records: 50,000 laws and 20,000 records
in each other collection that has a generator here (`bench/knowledge_<key>.py`, `csv_rows(count)`),
imported through each collection's own CSV import; then, warm, median and 95th percentile of 20 runs:

- the search over every collection (and the plan), as a page, its JSON twin, and the bare function;
- a filtered list page of each collection (by State, and by one other filter);
- importing the 50,000 laws (the target: under 30 s), and each collection's 20,000 rows.

Targets (issue 12): search < 50 ms, a filtered list page < 100 ms, 50,000 rows imported < 30 s.

    .venv/bin/python bench/knowledge.py [--laws 50000] [--records 20000] [--only legislation,practices]
                                        [--keep FOLDER]

On a throw-away SQLite database in a temporary folder, or on DATABASE_URL's. `--keep FOLDER` keeps
the SQLite database in FOLDER. A collection found filled already (the kept folder, or DATABASE_URL's
database run again) is not imported again: only the requests are timed.

The search is timed twice: "new", each run as if its words had not been searched in the process
before (the kept results dropped first), and "again", repeated (`knowledge/search_cache.py`).
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from benchenv import kept_or_throwaway_database  # noqa: E402

RUNS = 20


def timed(function, runs: int = RUNS, before=None) -> tuple[float, float]:
    """Median and p95 of `runs` calls after a warm-up; `before()` runs untimed before each."""
    function()  # warm
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def get(client, url: str):
    def run():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=int, default=50_000)
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--only", default="", help="collections to fill, by key (default: all)")
    parser.add_argument("--keep", default="", help="keep the SQLite database in this folder (reused if filled)")
    options = parser.parse_args()
    with kept_or_throwaway_database(options.keep, "viennaplan-bench-knowledge-"):
        measure(options.laws, options.records, [key for key in options.only.split(",") if key])


def measure(laws: int, records: int, only: list[str]) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from viennaplan.knowledge import collections, search
    from viennaplan.knowledge.models import SearchEntry
    from viennaplan.plan.saving import import_plan_text

    call_command("migrate", verbosity=0)
    import_plan_text(settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8"), source_name="plan.txt")
    sys.path.insert(0, str(HERE))
    print(f"database: {connection.vendor}")
    print("imports (each collection's own CSV import, one transaction, search index included)")
    filled = []
    for registered in collections.collections():
        if only and registered.key not in only:
            continue
        if registered.model.objects.exists():
            print(f"  {registered.key:<14} filled already (--keep): not imported again")
            filled.append(registered)
            continue
        try:
            generator = importlib.import_module(f"knowledge_{registered.key}")
        except ModuleNotFoundError:
            print(f"  {registered.key:<14} no generator (bench/knowledge_{registered.key}.py): left empty")
            continue
        count = laws if registered.key == "legislation" else records
        content = generator.csv_rows(count)
        start = time.perf_counter()
        outcome = registered.import_csv(content, source_name=f"{registered.key}.csv", dry_run=False)
        seconds = time.perf_counter() - start
        print(f"  {registered.key:<14} {count:>7,} rows in {seconds:6.1f} s   ({outcome.summary()[:80]})")
        filled.append(registered)
    print(f"  search index: {SearchEntry.objects.count():,} entries")

    client = Client()
    anonymous = AnonymousUser()
    from viennaplan.knowledge import search_cache

    forget = search_cache.searches.clear
    print(
        f"\nsearch over every collection and the plan (warm; median / p95 of {RUNS}; ms)\n"
        "  new: the words not searched before in the process (its kept results dropped before each run);\n"
        "  again: the same search repeated (kept per process until the index changes)"
    )
    for words, extra in [
        ("firearms", ""),
        ("marking weapons", ""),
        ("corruption", "&state=CHE"),
        ("trafficking", "&chapter=IV"),
        ("extradition", "&instrument=UNTOC"),
    ]:
        url = f"/knowledge/search?q={words.replace(' ', '+')}{extra}"
        query = search.SearchQuery(
            q=words,
            **{pair.split("=")[0]: pair.split("=")[1] for pair in extra.split("&") if pair},
        )
        found = search.search(query, anonymous)
        for label, before in (("new", forget), ("again", None)):
            page = timed(get(client, url), before=before)
            api = timed(get(client, url.replace("/knowledge/search", "/api/knowledge/search")), before=before)
            bare = timed(lambda query=query: search.search(query, anonymous), before=before)
            print(
                f"  {words + extra:<32} {found.total:>6,} found  {label:<5}  page {page[0]:6.1f} / {page[1]:6.1f}   "
                f"API {api[0]:6.1f} / {api[1]:6.1f}   function {bare[0]:6.1f} / {bare[1]:6.1f}"
            )

    print(f"\nfiltered list pages (warm; median / p95 of {RUNS}; ms)")
    for registered in filled:
        for extra in ("?state=CHE", "?state=FRA&page=2", "?q=synthetic"):
            url = registered.list_url + extra
            page = timed(get(client, url))
            print(f"  {url:<48} {page[0]:6.1f} / {page[1]:6.1f}")
    for url in (
        "/knowledge/legislation?instrument=FIREARMS&article=5",
        "/knowledge/legislation?provision=57/a&status=in_force",
    ):
        page = timed(get(client, url))
        print(f"  {url:<48} {page[0]:6.1f} / {page[1]:6.1f}")


if __name__ == "__main__":
    main()
