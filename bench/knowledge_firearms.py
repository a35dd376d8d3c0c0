"""SYNTHETIC firearms regulations for the benchmarks (issue 12, 59(a)): `csv_rows(count)` gives a CSV file in
the import's layout (knowledge/firearms/regulations.py) with `count` topics: round after round (2001, 2003 …),
every State gets a round covering five to eight topics of 57(a)-(h), its summaries made of real legal words
(and marked SYNTHETIC) and changing a little from one round to the next, so that "what changed" has work.

    .venv/bin/python bench/knowledge_firearms.py [--rows 20000]

On a throw-away SQLite database in a temporary folder: times the import, then (warm, median / p95 of 20
runs, through Django's test Client) the list filtered by State and by topic, a State's page with what
changed, and the JSON twin of the list.
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

TOPICS = ["57/a", "57/b", "57/c", "57/d", "57/e", "57/f", "57/g", "57/h"]
WORDS = {
    "57/a": "illicit manufacturing and trafficking are offences; so is failing to keep records",
    "57/b": "firearms, parts and components and ammunition are defined as in the Protocol",
    "57/c": "a licence is required to manufacture, import, export or move firearms in transit",
    "57/d": "illicit firearms are seized, confiscated and destroyed",
    "57/e": "records of manufacture, marking, import, export and transit are kept for ten years",
    "57/f": "every firearm is marked at manufacture and at import",
    "57/g": "dealers keep firearms in safes and report any loss or theft",
    "57/h": "deactivated firearms are certified and cannot be restored",
}
EXTRAS = ["penalties were raised", "attempts are punished", "brokers are covered", "the register is electronic", ""]
RUNS = 20


def states() -> list[str]:
    from viennaplan.countries import registry

    return sorted(info.alpha3 for info in registry.states() if not info.is_organization)


def csv_rows(count: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    codes = states()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["state", "round", "topic", "summary", "law", "law_citation", "official_url", "published"])
    written, year = 0, 2001
    while written < count:
        for state in codes:
            published = "yes" if rng.random() < 0.9 else "no"
            for topic in sorted(rng.sample(TOPICS, rng.randint(5, 8))):
                if written == count:
                    break
                extra = rng.choice(EXTRAS)
                writer.writerow(
                    [
                        state,
                        year,
                        topic,
                        f"SYNTHETIC: {WORDS[topic]}{'; ' + extra if extra else ''}.",
                        "",
                        f"Firearms Act {rng.randint(1990, year)}, art. {rng.randint(1, 60)}",
                        f"https://example.org/{state.lower()}/firearms/{year}",
                        published,
                    ]
                )
                written += 1
        year += 2
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
    folder = tempfile.mkdtemp(prefix="viennaplan-bench-firearms-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(
        VIENNAPLAN_VAR_DIR=folder,
        VIENNAPLAN_SECRET_KEY="benchmark-only",
        VIENNAPLAN_DEBUG="0",
        DJANGO_SETTINGS_MODULE="viennaplan.settings",
    )
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        from viennaplan.knowledge.firearms.regulations_csv import import_regulations

        call_command("migrate", verbosity=0)
        content = csv_rows(options.rows)
        start = time.perf_counter()
        outcome = import_regulations(content, source_name="firearms.csv")
        print(f"import of {options.rows:,} rows: {time.perf_counter() - start:.1f} s ({outcome.summary()})")
        start = time.perf_counter()
        again = import_regulations(content, source_name="firearms.csv")
        print(f"the same file again: {time.perf_counter() - start:.1f} s ({again.summary()})")
        client = Client()
        print(f"pages and API (warm; median / p95 of {RUNS}; ms)")
        for url in (
            "/knowledge/firearms",
            "/knowledge/firearms?state=CHE",
            "/knowledge/firearms?topic=57/h",
            "/knowledge/firearms?round=2003&topic=57/f",
            "/knowledge/firearms?q=brokers",
            "/knowledge/firearms/CHE",
            "/api/knowledge/firearms",
            "/api/knowledge/firearms?state=CHE",
            "/api/knowledge/firearms?topic=57/h",
            "/api/knowledge/firearms/CHE",
        ):

            def run(url: str = url) -> None:
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)

            median, p95 = timed(run)
            print(f"  {url:<48} {median:6.1f} / {p95:6.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
