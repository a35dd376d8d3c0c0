"""Benchmark of technical assistance's overview (issue 13, parts 4 and 6), on SYNTHETIC data: 20,000
requests (with their provisions and the events of their path), 2,000 projects serving some of them,
300 donors, 50 funds, 5,000 pledges, 50,000 contributions and 50,000 disbursements (each
disbursement within its fund's balance, so every ledger replays). Then, warm, the median and 95th
percentile of N runs, with the number of queries, through the Django test client as the secretariat:

- the pipeline board (/assistance/board) and its JSON twin;
- a fund's ledger (/assistance/funds/<key>, the seeded trafficking programme and the busiest fund);
- matching for every open request awaiting resources: the function (overview.all_matches) and the
  page (/assistance/matching) and its JSON twin;
- a State's page, an area's page and a donor's needs, for the record.

Targets: board < 100 ms, a fund's ledger < 50 ms, matching for all open requests < 1 s.

    .venv/bin/python bench/assistance.py [--requests 20000] [--runs 20] [--keep FOLDER]

On a throw-away SQLite database in a temporary folder, or on DATABASE_URL's (which must be empty).
`--keep FOLDER` keeps the SQLite database in FOLDER; run again with the same folder, the data are not
generated again and only the requests are timed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchenv import kept_or_throwaway_database  # noqa: E402

RUNS = 20
CHAPTERS = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI")
CURRENCIES = ("USD", "EUR", "CHF", "GBP", "JPY")
STATUS_WEIGHTS = {
    "received": 15,
    "assessed": 15,
    "awaiting_resources": 25,
    "funded": 10,
    "in_delivery": 10,
    "delivered": 10,
    "closed": 10,
    "declined": 5,
}
PATH_TO = {
    "received": (),
    "assessed": ("assess",),
    "awaiting_resources": ("assess", "await"),
    "funded": ("assess", "await", "fund"),
    "in_delivery": ("assess", "await", "fund", "deliver"),
    "delivered": ("assess", "await", "fund", "deliver", "complete"),
    "closed": ("assess", "await", "fund", "deliver", "complete", "close"),
    "declined": ("decline",),
}
TARGETS = {
    "/assistance/board": 100,
    "/api/assistance/board": 100,
    "fund": 50,
    "matching": 1000,
}


def timed(function, runs: int) -> tuple[float, float, int]:
    from django.db import connections

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with ExitStack() as stack:
        for connection in connections.all():
            stack.enter_context(connection.execute_wrapper(count))
        function()  # warm, and counted
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)], len(queries)


def get(client, url: str):
    def run():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--projects", type=int, default=2_000)
    parser.add_argument("--money", type=int, default=50_000, help="contributions, and as many disbursements")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--keep", default="", help="keep the SQLite database in this folder (reused if filled)")
    options = parser.parse_args()
    with kept_or_throwaway_database(options.keep, "viennaplan-bench-assistance-"):
        measure(options)


def generate(requests: int, projects: int, money: int) -> None:
    """SYNTHETIC rows, written in bulk (no history rows: the pages do not read them)."""
    from django.db import connection, transaction

    from viennaplan.assistance.models import AssistanceRequest, Project, RequestEvent, RequestProvision
    from viennaplan.assistance.resources.models import Contribution, Disbursement, Donor, Fund, Pledge
    from viennaplan.countries.models import Country

    rng = random.Random(13)
    states = list(
        Country.objects.exclude(kind="organization")
        .exclude(region="")
        .values_list("alpha3", "region", "subregion", "intermediate_region")
    )
    places = sorted({p for _a, region, sub, inter in states for p in (region, sub, inter) if p})
    now = datetime(2026, 11, 30, tzinfo=UTC)
    start = now - timedelta(days=4 * 365)
    statuses, weights = zip(*STATUS_WEIGHTS.items(), strict=True)
    with transaction.atomic():
        rows, provisions, events = [], [], []
        for n in range(requests):
            state = rng.choice(states)[0]
            status = rng.choices(statuses, weights)[0]
            costed = rng.random() < 0.8
            created = start + timedelta(seconds=rng.randrange(4 * 365 * 86400 - 86400 * 30))
            rows.append(
                AssistanceRequest(
                    id=n + 1,
                    key=f"TA-{state}-B{n:06d}",
                    state_id=state,
                    chapter=rng.choice(CHAPTERS),
                    need=f"SYNTHETIC need {n}: training of officials.",
                    kind=rng.choice(("training", "legislative_drafting", "equipment", "expert_advice")),
                    estimated_cost=Decimal(rng.randrange(1_000, 500_000)) if costed else None,
                    currency=rng.choice(CURRENCIES) if costed else "",
                    shareable=rng.random() < 0.3,
                    status=status,
                    created_at=created,
                )
            )
            for path in rng.sample(("57/f", "18/e", "44/i", "20/d", "65/g", "59/a", "35/e"), rng.randint(1, 2)):
                provisions.append(RequestProvision(request_id=n + 1, path=path))
            at = created
            source = "received"
            for name in PATH_TO[status]:
                at += timedelta(days=rng.randint(1, 60))
                target = {
                    "assess": "assessed",
                    "await": "awaiting_resources",
                    "fund": "funded",
                    "deliver": "in_delivery",
                    "complete": "delivered",
                    "close": "closed",
                    "decline": "declined",
                }[name]
                events.append(
                    RequestEvent(
                        request_id=n + 1, transition=name, from_status=source, to_status=target, at=min(at, now)
                    )
                )
                source = target
        AssistanceRequest.objects.bulk_create(rows, batch_size=2000)
        RequestProvision.objects.bulk_create(provisions, batch_size=5000)
        RequestEvent.objects.bulk_create(events, batch_size=5000)
        served = [r.id for r in rows if r.status in ("funded", "in_delivery", "delivered", "closed")]
        project_rows = [
            Project(
                id=n + 1,
                key=f"PRJ-B-{n:05d}",
                title=f"SYNTHETIC project {n}",
                chapter=rng.choice(CHAPTERS),
                region=rng.choice(places),
                status=rng.choice(("planned", "active", "active", "completed")),
            )
            for n in range(projects)
        ]
        Project.objects.bulk_create(project_rows, batch_size=2000)
        through = Project.requests.through
        links = {(rng.randint(1, projects), request_id) for request_id in served}
        through.objects.bulk_create([through(project_id=p, assistancerequest_id=r) for p, r in links], batch_size=5000)
        donors = [
            Donor(name=f"SYNTHETIC donor {n}", kind=rng.choice(("private", "intergovernmental", "other")))
            for n in range(200)
        ]
        donors += [Donor(name=f"SYNTHETIC State {a}", kind="state", state_id=a) for a, *_ in rng.sample(states, 100)]
        Donor.objects.bulk_create(donors)
        donor_ids = list(Donor.objects.values_list("id", flat=True))
        Fund.objects.bulk_create(
            [
                Fund(
                    key=f"bench-fund-{n:02d}",
                    name=f"SYNTHETIC fund {n}",
                    kind=rng.choice(("global_programme", "project")),
                    chapter=rng.choice(CHAPTERS + ("",)),
                    region=rng.choice(places + [""] * 20),
                )
                for n in range(45)
            ]
        )
        fund_ids = list(Fund.objects.values_list("id", flat=True))
        Pledge.objects.bulk_create(
            [
                Pledge(
                    donor_id=rng.choice(donor_ids),
                    fund_id=rng.choice(fund_ids),
                    amount=Decimal(rng.randrange(1_000, 100_000)),
                    currency=rng.choice(CURRENCIES),
                    date=start.date() + timedelta(days=rng.randrange(4 * 365)),
                    chapter=rng.choice(CHAPTERS + ("",) * 5),
                    region=rng.choice(places + [""] * 30),
                )
                for _ in range(5_000)
            ],
            batch_size=5000,
        )
        # one timeline: every disbursement within its fund's balance in its currency on its date
        days = sorted(start.date() + timedelta(days=rng.randrange(4 * 365)) for _ in range(2 * money))
        balances: dict[tuple[int, str], Decimal] = {}
        contributions, disbursements = [], []
        for on in days:
            fund, currency = rng.choice(fund_ids), rng.choice(CURRENCIES)
            held = balances.get((fund, currency), Decimal(0))
            amount = Decimal(rng.randrange(100, 5_000))
            if len(disbursements) < money and held >= amount and (rng.random() < 0.6 or len(contributions) >= money):
                disbursements.append(
                    Disbursement(
                        fund_id=fund, project_id=rng.randint(1, projects), amount=amount, currency=currency, date=on
                    )
                )
                balances[(fund, currency)] = held - amount
            elif len(contributions) < money:
                amount *= 3
                contributions.append(
                    Contribution(
                        donor_id=rng.choice(donor_ids), fund_id=fund, amount=amount, currency=currency, date=on
                    )
                )
                balances[(fund, currency)] = held + amount
        Contribution.objects.bulk_create(contributions, batch_size=5000)
        Disbursement.objects.bulk_create(disbursements, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics for the planner, on SQLite and PostgreSQL alike
    print(
        f"  {len(rows):,} requests, {len(provisions):,} provisions, {len(events):,} events, {len(project_rows):,} "
        f"projects ({len(links):,} links), {len(donors)} donors, {len(fund_ids)} funds, 5,000 pledges, "
        f"{len(contributions):,} contributions, {len(disbursements):,} disbursements"
    )


def measure(options) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from viennaplan.assistance import overview
    from viennaplan.assistance.models import AssistanceRequest
    from viennaplan.assistance.resources.models import Donor, Fund
    from viennaplan.plan.models import PlanVersion
    from viennaplan.plan.saving import import_plan_text

    call_command("migrate", verbosity=0)
    if PlanVersion.current() is None:
        import_plan_text(settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8"), source_name="plan.txt")
    print(f"database: {connection.vendor}")
    if AssistanceRequest.objects.exists():
        print("  filled already (--keep): not generated again")
    else:
        start = time.perf_counter()
        generate(options.requests, options.projects, options.money)
        print(f"  generated in {time.perf_counter() - start:.1f} s")
    user, _created = get_user_model().objects.get_or_create(
        username="bench-secretariat", defaults={"is_superuser": True, "is_staff": True, "email": "bench@example.org"}
    )
    client = Client()
    client.force_login(user)
    busiest = (
        Fund.objects.annotate(n=Count("contributions", distinct=True) + Count("disbursements", distinct=True))
        .order_by("-n")
        .values_list("key", "n")
        .first()
    )
    trafficking_lines = (
        Fund.objects.filter(key="gp-trafficking")
        .annotate(n=Count("contributions", distinct=True) + Count("disbursements", distinct=True))[0]
        .n
    )
    awaiting = AssistanceRequest.objects.filter(status="awaiting_resources").count()
    donor = Donor.objects.filter(kind="state").order_by("id").first()
    runs = options.runs
    print(f"\nwarm; median / p95 of {runs} runs; ms; queries (of one run)")
    checks = [
        ("/assistance/board", "board"),
        ("/api/assistance/board", "board"),
        (f"/assistance/funds/gp-trafficking  ({trafficking_lines:,} lines)", "fund"),
        (f"/assistance/funds/{busiest[0]}  ({busiest[1]:,} lines)", "fund"),
        ("/api/assistance/funds/gp-trafficking", "fund"),
        (f"overview.all_matches()  ({awaiting:,} requests awaiting)", "matching"),
        ("/assistance/matching", "matching"),
        ("/api/assistance/matching", "matching"),
        ("/assistance/matching?chapter=VI&page=2", "matching"),
        ("/assistance/states/NGA", ""),
        ("/assistance/areas/VI", ""),
        (f"/assistance/donors/{donor.pk}/needs", ""),
    ]
    for label, target in checks:
        if label.startswith("overview."):
            run = overview.all_matches
        else:
            run = get(client, label.split()[0])
        median, p95, queries = timed(run, runs if target != "matching" else max(5, runs // 4))
        limit = TARGETS.get(target) or TARGETS.get(label.split()[0])
        verdict = "" if limit is None else ("  ok" if median < limit else f"  MISSES the target of {limit} ms")
        print(f"  {label:<58} {median:8.1f} / {p95:8.1f}   {queries:3} queries{verdict}")


if __name__ == "__main__":
    main()
