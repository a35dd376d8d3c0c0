"""SYNTHETIC competent national authorities for the benchmarks (issue 12): `csv_rows(count)` gives a CSV
file in the import's layout (knowledge/authorities/directory.py) with `count` authorities spread over
every State and every purpose, each with invented contact details (example.org addresses, +00 numbers)
and a description marked SYNTHETIC.

    .venv/bin/python bench/knowledge_authorities.py [--rows 20000]

On a throw-away SQLite database in a temporary folder: migrates, imports the plan, times the import of
`--rows` authorities (one transaction, history and search index included), then, warm, the median of
20 runs of the list page filtered by State and by purpose, the list API, a record page and its API
(as a focal point, who sees the contact details) and the same file imported again (nothing changes).
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

PURPOSES = ["firearms", "mla", "extradition", "trafficking", "smuggling", "asset_recovery", "corruption_prevention"]
BODIES = [
    "Ministry of Justice",
    "Office of the Prosecutor General",
    "National Police",
    "Financial Intelligence Unit",
    "Anti-Corruption Agency",
    "Customs Administration",
    "Ministry of Interior",
    "Central Firearms Office",
]
PROVISIONS = {"firearms": ["57/i", "57/j"], "mla": ["18/e"], "extradition": ["18/e"]}
LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh", "de"]
ZONES = ["Europe/Vienna", "America/New_York", "Asia/Tokyo", "Africa/Nairobi", "Pacific/Auckland", "UTC"]
RUNS = 20


def states() -> list[str]:
    from viennaplan.countries import registry

    return sorted(info.alpha3 for info in registry.states())


def csv_rows(count: int, seed: int = 1) -> bytes:
    from viennaplan.knowledge.authorities.directory import COLUMNS

    rng = random.Random(seed)
    codes = states()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for number in range(count):
        state = codes[number % len(codes)]
        purpose = PURPOSES[(number // len(codes)) % len(PURPOSES)]
        body = rng.choice(BODIES)
        language = rng.choice(LANGUAGES)
        with_contact = rng.random() < 0.9
        writer.writerow(
            [
                state,
                f"A-{number:06d}",
                purpose,
                f"{body} {number}",
                f"{body} {number} (original)",
                language,
                "; ".join(dict.fromkeys(["en", language])),
                "; ".join(PROVISIONS.get(purpose, [])),
                "yes" if rng.random() < 0.9 else "no",
                f"SYNTHETIC benchmark authority for {purpose.replace('_', ' ')}.",
                f"{rng.randint(1, 200)} Synthetic Street\nCapital {number}" if with_contact else "",
                f"'+00 {rng.randint(100, 999)} {rng.randint(1000, 9999)}" if with_contact else "",
                "",
                f"authority-{number}@example.org" if with_contact else "",
                "Mon-Fri 09:00-17:00" if with_contact else "",
                rng.choice(ZONES) if with_contact else "",
                "Head of the Central Authority Unit" if with_contact else "",
            ]
        )
    return out.getvalue().encode("utf-8")


def median_ms(client, url: str) -> float:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(rows: int) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from viennaplan.accounts.models import Profile
    from viennaplan.knowledge.authorities.authorities_csv import import_authorities
    from viennaplan.knowledge.authorities.models import Authority
    from viennaplan.plan.saving import import_plan_text

    call_command("migrate", verbosity=0)
    import_plan_text(settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8"), source_name="plan.txt")
    content = csv_rows(rows)
    start = time.perf_counter()
    outcome = import_authorities(content, source_name="authorities.csv")
    first = time.perf_counter() - start
    start = time.perf_counter()
    again = import_authorities(content, source_name="authorities.csv")
    second = time.perf_counter() - start
    print(f"import of {rows:,} authorities: {first:6.1f} s   ({outcome.summary()})")
    print(f"the same file again:           {second:6.1f} s   ({again.summary()})")

    user = get_user_model().objects.create_user("fp@example.org", "fp@example.org", "bench-Only-2001")
    Profile.objects.update_or_create(user=user, defaults={"role": "focal_point", "state_id": "FRA"})
    anonymous, official = Client(), Client()
    official.force_login(user)
    record = Authority.objects.filter(published=True, state_id="CHE").order_by("key").first()
    print(f"warm, median of {RUNS} (ms)")
    for label, client, url in [
        ("list page, state=CHE", anonymous, "/knowledge/authorities?state=CHE"),
        ("list page, purpose=mla", anonymous, "/knowledge/authorities?purpose=mla"),
        ("list page, state=CHE&purpose=mla", anonymous, "/knowledge/authorities?state=CHE&purpose=mla"),
        ("list page, q=synthetic", anonymous, "/knowledge/authorities?q=synthetic"),
        ("API list, state=CHE", anonymous, "/api/knowledge/authorities?state=CHE"),
        ("API list, purpose=mla (official)", official, "/api/knowledge/authorities?purpose=mla"),
        ("record page (official)", official, f"/knowledge/authorities/CHE/{record.key}"),
        ("record API (official)", official, f"/api/knowledge/authorities/CHE/{record.key}"),
    ]:
        print(f"  {label:<36} {median_ms(client, url):7.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="viennaplan-bench-authorities-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["VIENNAPLAN_VAR_DIR"] = folder
    os.environ.setdefault("VIENNAPLAN_SECRET_KEY", "benchmark-only")
    os.environ.setdefault("VIENNAPLAN_DEBUG", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    try:
        measure(options.rows)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
