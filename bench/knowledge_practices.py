"""SYNTHETIC best practices for the benchmarks (issue 12): `csv_rows(count)` gives a CSV file in the import's
layout (knowledge/practices/rules.py) with `count` rows: practices across the plan's areas, each serving
one or two of the provisions that ask for best practices and applied by none to three States, about
half of them followed by one or two evaluations. Every summary says SYNTHETIC.

    .venv/bin/python bench/knowledge_practices.py [--rows 20000]

On a throw-away SQLite database in a temporary folder: imports the rows (then the same file again),
and times, warm, the median of 20 runs of the list page filtered by State, by area, by result, and
the API list.
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

# (area, provisions of that chapter that ask for best practices or serve them)
AREAS = [
    ("III", ["18/c", "18/d", "18/a"]),
    ("IV", ["33/a", "33/c"]),
    ("V", ["46/b", "46/d"]),
    ("VI", ["59/b", "57/a"]),
    ("VII", ["65/d"]),
    ("X", ["82/e", "84/c", "84/d"]),
    ("XI", ["90/b"]),
    ("XII", ["100/c"]),
]
SUBJECTS = [
    "victim support",
    "witness protection",
    "asset declaration",
    "firearms marking",
    "financial intelligence",
    "restorative conferencing",
    "joint investigation teams",
    "referral of trafficking victims",
    "cybercrime training",
    "procurement integrity",
]
ORGANISATIONS = ["Ministry of Justice", "National Police", "Prosecution Service", "UNODC", "Europol", "NGO network", ""]
METHODS = ["independent", "self_assessment", "peer_review", "academic", "other"]
RESULTS = ["effective", "promising", "mixed", "not_effective", "inconclusive"]
COLUMNS = (
    "record,key,title,summary,description,area,provisions,states,organisation,period_from,period_to,url,"
    "evaluator,date,method,result,findings,published"
).split(",")


def states() -> list[str]:
    from viennaplan.countries import registry

    return sorted(info.alpha3 for info in registry.states())


def csv_rows(count: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    codes = states()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    written = 0
    number = 0
    while written < count:
        area, paths = AREAS[number % len(AREAS)]
        subject = rng.choice(SUBJECTS)
        start = rng.randint(1990, 2020)
        applied = [] if rng.random() < 0.1 else rng.sample(codes, rng.randint(1, 3))
        if number % 7 == 0:
            applied = ["CHE", *[code for code in applied if code != "CHE"]][:3]
        key = f"P-{number:06d}"
        cells = dict.fromkeys(COLUMNS, "")
        cells.update(
            record="practice",
            key=key,
            title=f"Practice {number} on {subject}",
            summary=f"SYNTHETIC benchmark practice: {subject} in area {area}.",
            description=f"SYNTHETIC description of how {subject} was organised and funded.",
            area=area,
            provisions="; ".join(rng.sample(paths, min(len(paths), rng.randint(1, 2)))),
            states="; ".join(applied),
            organisation=rng.choice(ORGANISATIONS),
            period_from=str(start),
            period_to=str(start + rng.randint(0, 6)) if rng.random() < 0.5 else "",
            published="yes" if rng.random() < 0.9 else "no",
        )
        writer.writerow([cells[name] for name in COLUMNS])
        written += 1
        for evaluation in range(rng.choice([0, 0, 1, 2])):
            if written >= count:
                break
            cells = dict.fromkeys(COLUMNS, "")
            cells.update(
                record="evaluation",
                key=key,
                evaluator=f"Evaluator {rng.randint(1, 200)}",
                date=f"{start + 1 + evaluation}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                method=rng.choice(METHODS),
                result=rng.choice(RESULTS),
                findings=f"SYNTHETIC findings on {subject}.",
                published="yes" if rng.random() < 0.8 else "no",
            )
            writer.writerow([cells[name] for name in COLUMNS])
            written += 1
        number += 1
    return out.getvalue().encode("utf-8")


def median_ms(client, url: str, runs: int = 20) -> float:
    response = client.get(url)  # warm
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def measure(rows: int) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from viennaplan.knowledge.practices.csv_io import import_practices
    from viennaplan.knowledge.practices.models import Evaluation, Practice
    from viennaplan.plan.saving import import_plan_text

    call_command("migrate", verbosity=0)
    import_plan_text(settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8"), source_name="plan.txt")
    data = csv_rows(rows, seed=2001)
    print(f"{connection.vendor}; {rows:,} SYNTHETIC rows ({len(data) / 1e6:.1f} MB)")
    for label in ("first import", "same file again"):
        started = time.perf_counter()
        outcome = import_practices(data, source_name="bench.csv")
        print(f"  {label}: {time.perf_counter() - started:.1f} s  ({outcome.summary()})")
    print(f"  {Practice.objects.count():,} practices, {Evaluation.objects.count():,} evaluations on file")
    client = Client()
    for label, url in (
        ("list, State CHE", "/knowledge/practices?state=CHE"),
        ("list, area X", "/knowledge/practices?area=X"),
        ("list, result effective", "/knowledge/practices?result=effective"),
        ("list, provision 84 and State CHE", "/knowledge/practices?provision=84&state=CHE"),
        ("list, words", "/knowledge/practices?q=restorative"),
        ("API list, State CHE", "/api/knowledge/practices?state=CHE"),
        ("API list, area X", "/api/knowledge/practices?area=X"),
        ("a practice", "/knowledge/practices/P-000008"),
    ):
        print(f"  {label}: {median_ms(client, url):.1f} ms (median of 20, warm)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="viennaplan-bench-practices-")
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
