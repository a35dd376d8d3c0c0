"""Demonstration data: generated reports of every State in three cycles, in a database of its own.

How demonstration data is kept apart from real data:

- `VIENNAPLAN_DEMO=1` makes settings serve the demonstration database (the SQLite file
  `var/demo.sqlite3`, or `VIENNAPLAN_DEMO_DATABASE_URL`) in place of the real one; DATABASE_URL
  is then ignored and settings.DEMO is True. Nothing else selects that database.
- `viennaplan demo` started without it runs itself again with `VIENNAPLAN_DEMO=1`; `fill()`
  refuses to write unless settings.DEMO is on. So the real database is never written.
- Every page says so (a banner in base.html, from the `demonstration` context variable of
  `context`), every response carries the header `X-Viennaplan-Demo: 1` (`DemoHeaderMiddleware`),
  and the progress API bodies carry `"demonstration": true`.
- Generated cycles are marked `is_demo`; the progress pages show only the cycles of the kind of
  database in use.

The data are deterministic: each State's answers come from its own random stream seeded with
(seed, alpha-3), so CHE's reports are the same whether 3 or 197 States are generated. Names of
laws and institutions are invented; every narrative says it is demonstration text.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

SEED = 2001
HEADER = "X-Viennaplan-Demo"
DEMO_PASSWORD = "demonstration-only"
DEMO_USERS: tuple[tuple[str, str, str | None], ...] = (
    ("demo-secretariat@example.org", "secretariat", None),
    ("demo-reviewer@example.org", "reviewer", None),
    ("demo-focal-point-che@example.org", "focal_point", "CHE"),
)


@dataclass(frozen=True)
class CycleSpec:
    name: str
    opens: date
    closes: date
    reporting: float  # share of States that submit a report
    in_review: float  # share of submitted reports not yet published (submitted, returned, validated)


CYCLES: tuple[CycleSpec, ...] = (
    CycleSpec("2002 review", date(2002, 1, 15), date(2002, 9, 30), 0.62, 0.04),
    CycleSpec("2003 mid-term review", date(2003, 1, 15), date(2003, 9, 30), 0.74, 0.06),
    CycleSpec("2005 review", date(2004, 10, 1), date(2005, 2, 28), 0.83, 0.30),
)

INSTITUTIONS = (
    "Ministry of Justice",
    "Ministry of the Interior",
    "Office of the Attorney General",
    "National Police",
    "Financial Intelligence Unit",
    "National Crime Prevention Council",
    "Ministry of Foreign Affairs",
)
ASSISTANCE = (
    "Legislative drafting assistance to bring national law into line with the instrument.",
    "Training of investigators, prosecutors and judges.",
    "Equipment and software for the collection and analysis of data.",
    "Advice on setting up a specialized unit.",
    "Support for a national victimization survey.",
)
MEASURE_WORDS = {
    "law": "Act on {topic}",
    "policy": "National strategy on {topic}",
    "institution": "Specialized unit on {topic}",
}
NARRATIVES = {
    "implemented": "The measures called for are in force and applied ({name}).",
    "partially_implemented": "Part of the measures are in force; the rest are being prepared ({name}).",
    "in_progress": "A draft is before the competent authorities ({name}).",
    "not_started": "No measure has been taken yet ({name}).",
    "not_applicable": "The action does not concern {name}.",
    "no_information": "{name} has no information to report on this action.",
}


STAMPS = {"submit": "submitted_at", "resubmit": "submitted_at", "validate": "validated_at", "publish": "published_at"}


class DemoRefused(RuntimeError):
    """fill() was asked to write to a database that is not the demonstration database."""


# -- marking every page and response ----------------------------------------------------------


def context(request: HttpRequest) -> dict[str, Any]:
    """Template context processor: `demonstration` is True when the demo database is served."""
    return {"demonstration": bool(getattr(settings, "DEMO", False))}


class DemoHeaderMiddleware:
    """Adds `X-Viennaplan-Demo: 1` to every response (pages, API, files) in demonstration mode."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(settings, "DEMO", False):
            response[HEADER] = "1"
        return response


# -- generation -------------------------------------------------------------------------------


@dataclass
class DemoSummary:
    cycles: int = 0
    states: int = 0
    reports: int = 0
    answers: int = 0


@dataclass(frozen=True)
class StateTraits:
    capacity: float
    levels: dict[str, float]  # question path -> implementation level before the first cycle
    not_applicable: frozenset[str]


def traits_for(rng: random.Random, paths: Sequence[str], is_ldc: bool) -> StateTraits:
    capacity = rng.uniform(0.25, 0.95) - (0.2 if is_ldc else 0.0)
    levels = {path: rng.random() * capacity for path in paths}
    not_applicable = frozenset(path for path in paths if rng.random() < 0.04)
    return StateTraits(capacity, levels, not_applicable)


def status_for(level: float, path: str, traits: StateTraits, rng: random.Random, *, blanks: bool) -> str:
    if path in traits.not_applicable:
        return "not_applicable"
    roll = rng.random()
    if blanks and roll < 0.02:
        return ""
    if roll < 0.05:
        return "no_information"
    if level >= 0.75:
        return "implemented"
    if level >= 0.5:
        return "partially_implemented"
    if level >= 0.3:
        return "in_progress"
    return "not_started"


def answer_values(status: str, path: str, name: str, year: int, rng: random.Random, is_ldc: bool) -> dict[str, Any]:
    measures = []
    if status in ("implemented", "partially_implemented", "in_progress"):
        kind = rng.choice(tuple(MEASURE_WORDS))
        title = MEASURE_WORDS[kind].format(topic=f"national action {path.replace('/', '')}")
        measures = [
            {
                "kind": kind,
                "title": title,
                "url": "",
                "date": date(year - rng.randint(0, 2), rng.randint(1, 12), 1).isoformat(),
            }
        ]
    needs = status in ("in_progress", "not_started", "partially_implemented") and rng.random() < (
        0.25 if is_ldc else 0.05
    )
    return {
        "status": status,
        "narrative": ("DEMONSTRATION DATA. " + NARRATIVES[status].format(name=name)) if status else "",
        "measures": measures,
        "responsible_institution": rng.choice(INSTITUTIONS) if status else "",
        "assistance_needed": needs,
        "assistance_description": rng.choice(ASSISTANCE) if needs else "",
    }


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def demo_users() -> dict[str, Any]:
    """The demonstration accounts (created once): role -> user. Password: DEMO_PASSWORD."""
    from django.contrib.auth import get_user_model

    from viennaplan.accounts.invitations import create_account

    users = {}
    for email, role, state in DEMO_USERS:
        user = get_user_model().objects.filter(username=email).first()
        if user is None:
            user = create_account(email=email, role=role, state=state, password=DEMO_PASSWORD, first_name="Demo")
        user.is_active = True
        user.save(update_fields=["is_active"])
        users[role] = user
    return users


def demo_plan() -> Any:
    from viennaplan.plan.models import PlanVersion
    from viennaplan.plan.saving import import_plan_text

    version = PlanVersion.current()
    if version is None:
        text = settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8")
        version, _ = import_plan_text(text, source_name=settings.PLAN_SOURCE_FILE.name)
    return version


def fill(
    *,
    seed: int = SEED,
    states: Sequence[str] | None = None,
    everyone: bool = False,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Generate the demonstration cycles and reports (settings.DEMO must be on).

    `states`: alpha-3 codes (default: every State). `everyone`: every State reports in every
    cycle, answers every question and is published (the benchmark's data set)."""
    if not getattr(settings, "DEMO", False):
        raise DemoRefused(
            "Demonstration data are written only to the demonstration database: run with VIENNAPLAN_DEMO=1 "
            "(`viennaplan demo` does it for you)."
        )
    from viennaplan.countries import registry
    from viennaplan.countries.registry import is_ldc

    from .cycles import open_cycle, plan_units, reporting_chapters
    from .models import ReportingCycle

    say = progress or (lambda message: None)
    if ReportingCycle.objects.exists():
        raise DemoRefused("The demonstration database already holds cycles; use `viennaplan demo --reset`.")
    version = demo_plan()
    users = demo_users()
    rows = sorted((state.alpha3, state.name) for state in registry.states())
    names = {a3: name for a3, name in rows if states is None or a3 in set(states)}
    chapters = reporting_chapters(version)
    summary = DemoSummary(states=len(names))
    streams = {a3: random.Random(f"{seed}:{a3}") for a3 in names}
    paths = [u.path for u in plan_units(version, chapters)]
    traits = {a3: traits_for(streams[a3], paths, is_ldc(a3, CYCLES[0].opens)) for a3 in names}
    previous: dict[str, Any] = {}
    with transaction.atomic():
        for spec in CYCLES:
            say(f"{spec.name}: {len(names)} States")
            cycle = open_cycle(
                users["secretariat"], spec.name, spec.opens, spec.closes, chapters, plan_version=version, is_demo=True
            )
            summary.cycles += 1
            previous = _fill_cycle(cycle, spec, names, streams, traits, previous, users, everyone, summary)
    return summary


def _fill_cycle(
    cycle: Any,
    spec: CycleSpec,
    names: dict[str, str],
    streams: dict[str, random.Random],
    traits: dict[str, StateTraits],
    previous: dict[str, Any],
    users: dict[str, Any],
    everyone: bool,
    summary: DemoSummary,
) -> dict[str, Any]:
    from viennaplan.countries.registry import is_ldc

    from .models import Answer, Report

    questions = list(cycle.questions.order_by("position"))
    plans: dict[str, tuple[bool, str, date]] = {}
    reports = []
    for a3 in names:
        rng = streams[a3]
        reports_now = everyone or rng.random() < spec.reporting
        started = reports_now or rng.random() < 0.3  # some States leave a draft
        outcome = "published" if everyone else _outcome(rng, spec)
        submitted_on = spec.closes + timedelta(days=rng.randint(-150, 75))
        if not started:
            continue
        plans[a3] = (reports_now, outcome, submitted_on)
        reports.append(Report(cycle=cycle, state_id=a3, status="draft", carried_over_from=previous.get(a3)))
    created = bulk_create_with_history(reports, Report, default_change_reason="demonstration data")
    saved = {r.state_id: r for r in Report.objects.filter(cycle=cycle)} if created else {}
    answers = []
    for a3, report in saved.items():
        rng, mine = streams[a3], traits[a3]
        ldc = is_ldc(a3, spec.opens)
        for question in questions:
            mine.levels[question.path] = mine.levels.get(question.path, 0.0) + rng.uniform(0.0, 0.3) * (
                0.5 + mine.capacity
            )
            status = status_for(mine.levels[question.path], question.path, mine, rng, blanks=not everyone)
            values = answer_values(status, question.path, names[a3], spec.closes.year, rng, ldc)
            answers.append(Answer(report=report, question=question, **values))
    bulk_create_with_history(answers, Answer, batch_size=2000, default_change_reason="demonstration data")
    summary.reports += len(saved)
    summary.answers += len(answers)
    for a3, report in saved.items():
        reports_now, outcome, submitted_on = plans[a3]
        if reports_now:
            _move(report, outcome, submitted_on, streams[a3], users)
    return saved


def _outcome(rng: random.Random, spec: CycleSpec) -> str:
    if rng.random() >= spec.in_review:
        return "published"
    return rng.choice(("submitted", "returned", "validated", "validated"))


def _move(report: Any, outcome: str, submitted_on: date, rng: random.Random, users: dict[str, Any]) -> None:
    """Take a report through the workflow (transitions.apply_transition) to `outcome`, then date
    the events as the demonstration's story has them."""
    from .models import Report, ReportEvent
    from .transitions import apply_transition

    secretariat, reviewer = users["secretariat"], users["reviewer"]
    steps: list[tuple[Any, str, str]] = [(secretariat, "submit", "")]
    if outcome == "returned" or rng.random() < 0.1:
        steps.append((reviewer, "return", "Please describe the measures in more detail (demonstration)."))
        if outcome != "returned":
            steps.append((secretariat, "resubmit", ""))
    if outcome in ("validated", "published"):
        steps.append((reviewer, "validate", ""))
    if outcome == "published":
        steps.append((secretariat, "publish", ""))
    day = submitted_on
    stamps: dict[str, datetime] = {}
    for user, name, comment in steps:
        event = apply_transition(user, report, name, comment)
        ReportEvent.objects.filter(pk=event.pk).update(at=_moment(day))
        if name == "submit":
            stamps["first_submitted_at"] = _moment(day)
        if name in STAMPS:
            stamps[STAMPS[name]] = _moment(day)
        day += timedelta(days=rng.randint(10, 60))
    Report.objects.filter(pk=report.pk).update(**stamps)


def reset() -> None:
    """Delete every cycle, report and demonstration account (demonstration database only)."""
    if not getattr(settings, "DEMO", False):
        raise DemoRefused("reset() deletes data: it runs only on the demonstration database (VIENNAPLAN_DEMO=1).")
    from django.contrib.auth import get_user_model

    from .models import ReportingCycle

    with transaction.atomic():
        for cycle in ReportingCycle.objects.all():
            cycle.delete()
        get_user_model().objects.filter(username__in=[email for email, _, _ in DEMO_USERS]).delete()
