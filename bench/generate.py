"""SYNTHETIC DATA ONLY: the reproducible "ten times UN scale" data set of the benchmarks (issue 14); every
entity, report, treaty action, observation and law it writes is generated, never a real State's record.

    .venv/bin/python bench/generate.py --out FOLDER [--scale 10] [--seed 2001]     # SQLite FOLDER/viennaplan.sqlite3
    DATABASE_URL=postgres://… .venv/bin/python bench/generate.py [--scale 10]       # that PostgreSQL database

At `--scale 10` (the default, about 4–6 minutes; 1 is UN scale, about 200 reporting entities; 0.5 takes
about a minute, most of it `migrate`):

- reporting entities: the real States of the country files, then "Synthetic State 0198" … up to
  2,000 × scale / 10 (fewer than the real States: the first of them by code). Synthetic entities have
  no ISO alpha-2 code (countries migration 0002) and alpha-3 codes of ISO's user-assigned ranges (QM–QZ,
  XA–XZ, ZZ, AA) first, then other unused ones (QA–QL, Z…), never a real, former or World Bank code;
  each has a region, sub-region and UN regional group copied from a real State, some are LDCs;
- treaty actions: the shipped depositary lists (real States' real actions) and, for every synthetic
  entity and each of the 18 instruments declared in code (`treaties/rules.py`; the Instrument table
  only registers them, so there are no synthetic instruments), a signature in the instrument's window,
  a ratification or accession, and for a Convention without a parent some rounds of denunciation and
  accession again: about 120,000 actions at scale 10, valid under the engine's rules;
- reporting: 10 cycles (2002 to 2020, every chapter with national actions: 106 questions each); every
  entity reports in every cycle, answers every question and is published (submit, validate, publish
  events and dates). Each answer has the history the application writes: "created" with the values
  carried over from the entity's previous report (empty in the first cycle), then "changed" by its
  focal point (one synthetic account per entity) with the new answer;
- indicators: 2,000,000 × scale / 10 observations of the catalogue's indicators, spread over entities,
  years (1990–2024) and single-dimension disaggregations, from the source "SYNTHETIC benchmark series",
  each with its "created" history row as the importer writes it (the shipped real series are loaded too);
- legislation: 50,000 × scale / 10 laws through the collection's own CSV import
  (`bench/knowledge_legislation.py`), which keeps the search index in step.

It migrates the database, imports the plan and loads the shipped files as `make run` does, then writes
the rest in bulk (`knowledge.bulk`: prepared executemany on SQLite, COPY on PostgreSQL), checks that
the search index is in step (`search.catch_up`) and ends with ANALYZE (VACUUM ANALYZE on PostgreSQL).
The same seed gives the same rows, ids included (apart from the times of the import records and of the
treaty actions' and laws' history rows, which are stamped when written). It refuses a database
that holds a reporting cycle or a synthetic entity already: generate into a new folder or database.

Loading the country files (`countries load`, and after every `migrate`) leaves the synthetic entities
alone (they have no alpha-2 code, which every row of the files has), so a generated database can be
migrated forward like any other.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import secrets
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from benchenv import kept_or_throwaway_database  # noqa: E402

SEED = 2001
UN_SCALE_ENTITIES = 200  # entities at scale 1
OBSERVATIONS_AT_SCALE_10 = 2_000_000
LAWS_AT_SCALE_10 = 50_000
CYCLE_YEARS = tuple(range(2002, 2022, 2))  # 10 cycles
OBSERVATION_YEARS = tuple(range(2024, 1989, -1))  # the latest first
LAST_ACTION_DAY = date(2025, 6, 30)
SYNTHETIC = "SYNTHETIC benchmark data (bench/generate.py)"
SERIES_SOURCE = "SYNTHETIC benchmark series"
ENTITY_CHUNK = 250  # entities whose rows are written at once


# -- progress -------------------------------------------------------------------------------------


class Progress:
    """One updating line on stderr per stage: its name, rows done of the total, rate, time spent."""

    def __init__(self, stage: str, total: int, unit: str = "rows"):
        self.stage, self.total, self.unit = stage, total, unit
        self.done = 0
        self.start = self.shown = time.perf_counter()
        self._show()

    def add(self, count: int) -> None:
        self.done += count
        now = time.perf_counter()
        if now - self.shown >= 0.25:
            self.shown = now
            self._show()

    def _show(self, end: str = "") -> None:
        elapsed = time.perf_counter() - self.start
        if not self.total and not self.done:  # a stage without rows to count
            sys.stderr.write(f"\r  {self.stage:<26} {elapsed:7.1f} s{end}")
            sys.stderr.flush()
            return
        rate = self.done / elapsed if elapsed > 0 else 0.0
        share = f"{100 * self.done / self.total:3.0f}%" if self.total else "    "
        sys.stderr.write(
            f"\r  {self.stage:<26} {self.done:>11,} / {self.total:<11,} {share}  "
            f"{rate:>10,.0f} {self.unit}/s  {elapsed:7.1f} s{end}"
        )
        sys.stderr.flush()

    def finish(self) -> float:
        self._show("\n")
        return time.perf_counter() - self.start


@dataclass
class Stages:
    """Seconds spent in each stage, in order, for the summary."""

    seconds: dict[str, float]

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


# -- writing rows ---------------------------------------------------------------------------------


class Table:
    """Rows of one table (the model's, or its history's with `history=True`) given as tuples of the named
    fields' values prepared for the driver already (`Stamps` for dates and times, JSON as text), written by
    `knowledge.bulk.insert_rows` (executemany on SQLite, COPY on PostgreSQL). Preparing the values while
    generating them, once per distinct value, costs a fraction of preparing them field by field."""

    def __init__(self, model: type, attnames: Sequence[str], history: bool = False):
        meta = (model.history.model if history else model)._meta
        by_name = {field.attname: field for field in meta.local_concrete_fields}
        self.table = meta.db_table
        self.columns = [by_name[name].column for name in attnames]

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        from viennaplan.knowledge import bulk

        bulk.insert_rows(self.table, self.columns, rows)


class Stamps:
    """Dates and times as the database driver takes them (text on SQLite, objects on PostgreSQL), each
    prepared once."""

    def __init__(self) -> None:
        from django.db import connections

        self.ops = connections["default"].ops
        self.moments: dict[datetime, Any] = {}

    def at(self, when: datetime) -> Any:
        prepared = self.moments.get(when)
        if prepared is None:
            prepared = self.moments[when] = self.ops.adapt_datetimefield_value(when)
        return prepared


@contextmanager
def analyse_at_the_end() -> Iterator[None]:
    """`knowledge.bulk` ANALYZEs a table after each large write; here the tables grow by many writes,
    each ANALYZE reads the whole table again: one ANALYZE of the database at the end instead."""
    from viennaplan.knowledge import bulk

    before, bulk.ANALYSE_AFTER = bulk.ANALYSE_AFTER, sys.maxsize
    try:
        yield
    finally:
        bulk.ANALYSE_AFTER = before


def moment(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- the steps ------------------------------------------------------------------------------------


def prepare_database() -> None:
    """What `make run` does before serving: migrate (the country files and the indicator catalogue are
    loaded after it), import the plan, load the shipped depositary lists and statistics."""
    from django.conf import settings
    from django.core.management import call_command

    from viennaplan.indicators.shipped import load_shipped as load_observations
    from viennaplan.plan.models import PlanVersion
    from viennaplan.plan.saving import import_plan_text
    from viennaplan.treaties.shipped import load_shipped as load_treaty_lists

    progress = Progress("migrate and shipped files", 4, "steps")
    call_command("migrate", verbosity=0, interactive=False)
    progress.add(1)
    if PlanVersion.current() is None:
        import_plan_text(settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8"), source_name="plan.txt")
    progress.add(1)
    load_treaty_lists()
    progress.add(1)
    load_observations()
    progress.add(1)
    progress.finish()


def refuse_a_filled_database() -> None:
    """Stop before anything is written if the database holds reporting cycles or synthetic entities."""
    from django.db import connection

    from viennaplan.countries.models import Country
    from viennaplan.reporting.models import ReportingCycle

    tables = set(connection.introspection.table_names())
    if {ReportingCycle._meta.db_table, Country._meta.db_table} - tables:
        return  # a new database
    if ReportingCycle.objects.exists() or Country.objects.filter(alpha2__isnull=True).exists():
        sys.exit(
            "The database holds reporting cycles or synthetic entities already: generate into a new folder "
            "(--out) or a new PostgreSQL database."
        )


def synthetic_codes(taken: set[str]) -> Iterator[str]:
    """Alpha-3 codes for synthetic entities: ISO 3166-1's user-assigned ranges first (QMA–QZZ, XAA–XZZ,
    ZZA–ZZZ, AAA–AAZ), then the rest of Q and Z, then any other unused code; never one in `taken`."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    ranges = [
        ("Q", letters[letters.index("M") :]),
        ("X", letters),
        ("Z", "Z"),
        ("A", "A"),
        ("Q", letters[: letters.index("M")]),
        ("Z", letters[:-1]),
    ]
    preferred = (first + second + third for first, seconds in ranges for second in seconds for third in letters)
    every = ("".join(code) for code in itertools.product(letters, repeat=3))
    given = set()
    for code in itertools.chain(preferred, every):
        if code not in taken and code not in given:
            given.add(code)
            yield code


def add_entities(count: int, seed: int) -> list[str]:
    """The reporting entities: the real States (all, or the first `count` by code), then synthetic ones
    up to `count`, with a region, sub-region and regional group of a real State; their alpha-3 codes."""
    from django.db import transaction

    from viennaplan.countries import registry
    from viennaplan.countries.models import Country, CountryName, CountryStatus, Predecessor, RegionalGroupMembership
    from viennaplan.indicators.importer import WORLD_BANK_CODES

    real = sorted(info.alpha3 for info in registry.states())
    if count <= len(real):
        return real[:count]
    taken = (
        set(Country.objects.values_list("alpha3", flat=True))
        | set(Predecessor.objects.values_list("code", flat=True))
        | set(CountryName.objects.values_list("code", flat=True))
        | set(WORLD_BANK_CODES)
        | {"XKX", "EUU"}  # Kosovo in the World Bank's files; the European Union
    )
    models_of = list(
        Country.objects.exclude(kind="organization")
        .exclude(region="")
        .order_by("alpha3")
        .values_list(
            "region",
            "region_m49",
            "subregion",
            "subregion_m49",
            "intermediate_region",
            "intermediate_region_m49",
            "alpha3",
        )
    )
    groups = dict(RegionalGroupMembership.objects.filter(primary=True).values_list("country_id", "group"))
    rng = random.Random(f"{seed}:entities")
    codes = synthetic_codes(taken)
    countries, memberships, statuses = [], [], []
    for number in range(len(real) + 1, count + 1):
        code = next(codes)
        *place, model = rng.choice(models_of)
        name = f"Synthetic State {number:04d}"
        countries.append(
            Country(
                alpha3=code,
                alpha2=None,
                kind="member_state",
                **dict(
                    zip(
                        (
                            "region",
                            "region_m49",
                            "subregion",
                            "subregion_m49",
                            "intermediate_region",
                            "intermediate_region_m49",
                        ),
                        place,
                        strict=True,
                    )
                ),
                **{f"name_{language}": name for language in ("en", "fr", "es", "ru", "zh", "ar")},
                note=SYNTHETIC,
            )
        )
        if model in groups:
            memberships.append(RegionalGroupMembership(country_id=code, group=groups[model], source=SYNTHETIC))
        if rng.random() < 0.2:
            statuses.append(CountryStatus(country_id=code, list="ldc", source=SYNTHETIC))
    with transaction.atomic():
        Country.objects.bulk_create(countries, batch_size=500)
        RegionalGroupMembership.objects.bulk_create(memberships, batch_size=500)
        CountryStatus.objects.bulk_create(statuses, batch_size=500)
    registry.forget()
    return real + [country.alpha3 for country in countries]


# -- treaty actions -------------------------------------------------------------------------------


def random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def entity_actions(code: str, rng: random.Random) -> list[tuple[str, str, date]]:
    """(instrument, kind, date) of one synthetic entity's actions, valid under the instruments' rules:
    Conventions before their Protocols, a Protocol joined while the Convention binds the entity."""
    from viennaplan.treaties.engine import denunciation_takes_effect
    from viennaplan.treaties.rules import INSTRUMENTS

    parents = {rules.parent for rules in INSTRUMENTS.values() if rules.parent}
    actions: list[tuple[str, str, date]] = []
    bound: dict[str, tuple[date, date]] = {}  # instrument -> (first consent, first day it no longer binds)
    for code_of, rules in INSTRUMENTS.items():
        signed = None
        if rules.signature_windows and rng.random() < 0.75:
            window = rng.choice(rules.signature_windows)
            signed = random_day(rng, window.opens, window.closes)
            actions.append((code_of, "signature", signed))
        if rng.random() >= 0.93:
            continue
        if signed is not None:
            kind, consented = "ratification", signed + timedelta(days=rng.randint(30, 2500))
        else:
            kind, consented = "accession", random_day(rng, rules.adopted + timedelta(days=30), date(2012, 12, 31))
        if rules.parent:
            if rules.parent not in bound:
                continue
            first, until = bound[rules.parent]
            lowest = max(first, rules.adopted, signed or rules.adopted)
            if lowest >= until:
                continue
            if not lowest <= consented < until:
                consented = random_day(rng, lowest, min(until - timedelta(days=1), lowest + timedelta(days=1500)))
        if consented > LAST_ACTION_DAY:
            continue
        actions.append((code_of, kind, consented))
        ends = date.max
        rounds = 0 if rules.parent else rng.choice((0, 0, 1, 1, 2, 2, 3, 3))
        last = consented
        for _ in range(rounds):
            received = last + timedelta(days=rng.randint(365, 1500))
            effective = denunciation_takes_effect(rules, received)
            again = (effective or received) + timedelta(days=rng.randint(30, 900))
            if effective is None or again > LAST_ACTION_DAY:
                break
            actions.append((code_of, "denunciation", received))
            actions.append((code_of, "accession", again))
            ends = min(ends, effective)
            last = again
        if code_of in parents:
            bound[code_of] = (consented, ends)
    return actions


def add_treaty_actions(entities: Sequence[str], seed: int, synthetic: set[str]) -> int:
    """Every synthetic entity's actions toward each instrument, with their history rows."""
    from django.db import transaction

    from viennaplan.knowledge import bulk
    from viennaplan.treaties.models import TreatyAction, TreatyImport

    rows = []
    for code in entities:
        if code in synthetic:
            rng = random.Random(f"{seed}:treaties:{code}")
            rows.extend((code, instrument, kind, day) for instrument, kind, day in entity_actions(code, rng))
    progress = Progress("treaty actions", len(rows))
    with transaction.atomic():
        batch = TreatyImport.objects.create(
            source_name=SYNTHETIC, checksum="0" * 64, rows=len(rows), created=len(rows), skipped=0
        )
        for part in chunks(rows, 20_000):
            bulk.create_rows(
                TreatyAction,
                ["state_id", "instrument_id", "kind", "date", "source", "batch_id"],
                [(*row, "SYNTHETIC", batch.pk) for row in part],
                reason="SYNTHETIC benchmark actions",
            )
            progress.add(len(part))
    progress.finish()
    return len(rows)


# -- reporting ------------------------------------------------------------------------------------


def accounts(entities: Sequence[str]) -> tuple[Any, Any, dict[str, int]]:
    """The synthetic Secretariat and reviewer accounts and one focal point per entity (no password:
    they cannot sign in); (secretariat, reviewer, alpha-3 -> focal point's id)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from viennaplan.accounts.invitations import create_account

    with transaction.atomic():
        secret = secrets.token_urlsafe(32)  # active accounts (permissions need it) that nobody can sign in to
        secretariat = create_account(email="synthetic-secretariat@example.org", role="secretariat", password=secret)
        reviewer = create_account(email="synthetic-reviewer@example.org", role="reviewer", password=secret)
        progress = Progress("focal point accounts", len(entities), "accounts")
        for code in entities:
            create_account(email=f"synthetic-focal-point-{code.lower()}@example.org", role="focal_point", state=code)
            progress.add(1)
        progress.finish()
    focal = {
        email.removeprefix("synthetic-focal-point-").removesuffix("@example.org").upper(): pk
        for email, pk in get_user_model()
        .objects.filter(username__startswith="synthetic-focal-point-")
        .values_list("username", "pk")
    }
    return secretariat, reviewer, focal


ACTIVE = ("implemented", "partially_implemented", "in_progress")
NEEDY = ("in_progress", "not_started", "partially_implemented")
BLANK_ANSWER = ("", "", "[]", "", False, "")  # status, narrative, measures, institution, assistance, its description


class Answers:
    """One entity's answers, cycle after cycle: each question's level of implementation rises with the
    entity's capacity, as in the demonstration data (`reporting/demo.py`, whose traits, texts and
    thresholds are used), the texts made once per entity; a row holds the answer's fields prepared."""

    measures: dict[tuple[str, str, int, int], str] = {}  # shared: (path, kind, year, month) -> JSON text

    def __init__(self, rng: random.Random, paths: Sequence[str], ldc: bool, name: str):
        from viennaplan.reporting import demo

        self.rng, self.ldc = rng, ldc
        self.traits = demo.traits_for(rng, paths, ldc)
        self.narratives = {
            status: "SYNTHETIC DATA. " + text.format(name=name) for status, text in demo.NARRATIVES.items()
        }
        self.institutions, self.assistance = demo.INSTITUTIONS, demo.ASSISTANCE
        self.kinds = [(kind, words) for kind, words in demo.MEASURE_WORDS.items()]

    def answer(self, path: str, year: int) -> tuple:
        random_ = self.rng.random
        traits = self.traits
        level = traits.levels[path] + random_() * 0.3 * (0.5 + traits.capacity)
        traits.levels[path] = level
        if path in traits.not_applicable:
            status = "not_applicable"
        elif random_() < 0.05:
            status = "no_information"
        elif level >= 0.75:
            status = "implemented"
        elif level >= 0.5:
            status = "partially_implemented"
        elif level >= 0.3:
            status = "in_progress"
        else:
            status = "not_started"
        measures = "[]"
        if status in ACTIVE:
            kind, words = self.kinds[int(random_() * len(self.kinds))]
            key = (path, kind, year - int(random_() * 3), 1 + int(random_() * 12))
            measures = self.measures.get(key)
            if measures is None:
                title = words.format(topic=f"national action {path.replace('/', '')}")
                when = date(key[2], key[3], 1).isoformat()
                measures = json.dumps([{"kind": kind, "title": title, "url": "", "date": when}])
                self.measures[key] = measures
        needs = status in NEEDY and random_() < (0.25 if self.ldc else 0.05)
        return (
            status,
            self.narratives[status],
            measures,
            self.institutions[int(random_() * len(self.institutions))],
            needs,
            self.assistance[int(random_() * len(self.assistance))] if needs else "",
        )


HISTORY = ("history_date", "history_change_reason", "history_type", "history_user_id")


def add_reports(entities: Sequence[str], seed: int) -> int:
    """10 cycles; in each every entity's report, published, with every question answered; the answers."""
    from django.db import transaction

    from viennaplan.countries.registry import is_ldc
    from viennaplan.plan.models import PlanVersion
    from viennaplan.reporting.cycles import open_cycle, reporting_chapters
    from viennaplan.reporting.models import Answer, Report, ReportEvent

    version = PlanVersion.current()
    chapters = reporting_chapters(version)
    secretariat, reviewer, focal = accounts(entities)
    names = entity_names(entities)
    streams = {code: random.Random(f"{seed}:reports:{code}") for code in entities}
    makers: dict[str, Answers] = {}
    stamps = Stamps()
    report_columns = (
        "id", "cycle_id", "state_id", "status", "created_at", "submitted_at", "first_submitted_at", "validated_at",
        "published_at", "carried_over_from_id",
    )  # fmt: skip
    reports = Table(Report, report_columns)
    report_history = Table(Report, (*report_columns, *HISTORY), history=True)
    events = Table(ReportEvent, ("report_id", "transition", "from_status", "to_status", "user_id", "at", "comment"))
    answer_columns = (
        "id", "report_id", "question_id", "status", "narrative", "measures", "responsible_institution",
        "assistance_needed", "assistance_description", "version", "carried_over_from_id", "updated_by_id",
        "updated_at",
    )  # fmt: skip
    answers = Table(Answer, answer_columns)
    answer_history = Table(Answer, (*answer_columns, *HISTORY), history=True)
    previous_reports: dict[str, int] = {}
    previous_answers: dict[str, dict[str, tuple[int, tuple]]] = {}  # entity -> path -> (id, fields)
    previous_name = ""
    total = 0
    for number, year in enumerate(CYCLE_YEARS, start=1):
        opens, closes = date(year, 1, 15), date(year, 9, 30)
        name = f"Synthetic cycle {number:02d} ({year})"
        current_reports: dict[str, int] = {}
        current_answers: dict[str, dict[str, tuple[int, tuple]]] = {}
        with transaction.atomic():
            cycle = open_cycle(secretariat, name, opens, closes, chapters, plan_version=version)
            questions = list(cycle.questions.order_by("position").values_list("pk", "path"))
            paths = [path for _, path in questions]
            progress = Progress(f"cycle {number:2d} of {len(CYCLE_YEARS)}", len(entities) * len(questions), "answers")
            report_ids = iter(reserve(Report, len(entities)))
            created = stamps.at(moment(opens))
            for part in chunks(entities, ENTITY_CHUNK):
                report_rows, history_rows, event_rows, answer_rows, answer_history_rows = [], [], [], [], []
                answer_ids = iter(reserve(Answer, len(part) * len(questions)))
                for code in part:
                    rng = streams[code]
                    ldc = is_ldc(code, opens)
                    maker = makers.get(code)
                    if maker is None:
                        maker = makers[code] = Answers(rng, paths, ldc, names[code])
                    maker.ldc = ldc
                    report_id = next(report_ids)
                    current_reports[code] = report_id
                    submitted_day = closes - timedelta(days=rng.randint(0, 150))
                    validated_day = submitted_day + timedelta(days=rng.randint(5, 40))
                    published_day = validated_day + timedelta(days=rng.randint(1, 20))
                    submitted, validated, published = (
                        stamps.at(moment(day)) for day in (submitted_day, validated_day, published_day)
                    )
                    user, carried = focal[code], previous_reports.get(code)
                    report_rows.append(
                        (report_id, cycle.pk, code, "published", created, submitted, submitted, validated, published,
                         carried)
                    )  # fmt: skip
                    for kind, at, fields, reason, by in (
                        ("+", created, ("draft", None, None, None, None), "new report", None),
                        ("~", submitted, ("submitted", submitted, submitted, None, None), "submit", user),
                        ("~", validated, ("validated", submitted, submitted, validated, None), "validate", reviewer.pk),
                        (
                            "~",
                            published,
                            ("published", submitted, submitted, validated, published),
                            "publish",
                            secretariat.pk,
                        ),
                    ):
                        history_rows.append(
                            (report_id, cycle.pk, code, fields[0], created, *fields[1:], carried, at, reason, kind, by)
                        )
                    event_rows += [
                        (report_id, "submit", "draft", "submitted", user, submitted, ""),
                        (report_id, "validate", "submitted", "validated", reviewer.pk, validated, ""),
                        (report_id, "publish", "validated", "published", secretariat.pk, published, ""),
                    ]
                    earlier = previous_answers.get(code, {})
                    reason = f"carried over from {previous_name}" if earlier else "new report"
                    mine: dict[str, tuple[int, tuple]] = {}
                    for question_id, path in questions:
                        fields = maker.answer(path, year)
                        answer_id = next(answer_ids)
                        before_id, before = earlier.get(path, (None, BLANK_ANSWER))
                        saved = stamps.at(moment(opens + timedelta(days=int(rng.random() * 200))))
                        answer_rows.append((answer_id, report_id, question_id, *fields, 2, before_id, user, saved))
                        answer_history_rows.append(
                            (answer_id, report_id, question_id, *before, 1, before_id, None, created, created, reason,
                             "+", None)
                        )  # fmt: skip
                        answer_history_rows.append(
                            (answer_id, report_id, question_id, *fields, 2, before_id, user, saved, saved, None, "~",
                             user)
                        )  # fmt: skip
                        mine[path] = (answer_id, fields)
                    current_answers[code] = mine
                reports.write(report_rows)
                report_history.write(history_rows)
                events.write(event_rows)
                answers.write(answer_rows)
                answer_history.write(answer_history_rows)
                total += len(answer_rows)
                progress.add(len(answer_rows))
            progress.finish()
        previous_reports, previous_answers, previous_name = current_reports, current_answers, name
    return total


def entity_names(entities: Sequence[str]) -> dict[str, str]:
    from viennaplan.countries.models import Country

    return dict(Country.objects.filter(alpha3__in=list(entities)).values_list("alpha3", "name_en"))


def reserve(model: type, count: int) -> list[int]:
    from viennaplan.knowledge import bulk

    return bulk.reserve_ids(model, count)


# -- indicators -----------------------------------------------------------------------------------


def observation_value(rng: random.Random, kind: str, low: Any, high: Any) -> tuple[Decimal | None, int | None, str]:
    """(value, suppressed_below, published) of one synthetic observation of an indicator of `kind`."""
    if kind == "count":
        if rng.random() < 0.02:
            return None, 5, "<5"
        number = rng.randint(5, 20_000)
        return Decimal(number), None, str(number)
    if kind == "amount":
        number = rng.randint(1_000, 500_000_000)
        return Decimal(number), None, str(number)
    low = float(low) if low is not None else 0.0
    high = float(high) if high is not None else 100.0
    text = f"{rng.uniform(low, high):.2f}"
    return Decimal(text), None, text


def add_observations(entities: Sequence[str], seed: int, target: int) -> int:
    """About `target` observations over the catalogue's indicators, the entities and the years: for each
    entity and indicator the latest years first, each with its total and its single-dimension
    disaggregations (so an indicator with many of them has a shorter series)."""
    from django.db import transaction

    from viennaplan.indicators.catalogue import disaggregation_key
    from viennaplan.indicators.models import Indicator, Observation, ObservationImport

    indicators = list(
        Indicator.objects.order_by("position", "code").values_list("pk", "kind", "minimum", "maximum", "dimensions")
    )
    keys_of = {}
    for pk, _kind, _low, _high, dimensions in indicators:
        combos = [{}] + [{name: value} for name, values in sorted(dimensions.items()) for value in values]
        keys_of[pk] = [
            (year, disaggregation_key(combo), json.dumps(combo, sort_keys=True))
            for year in OBSERVATION_YEARS
            for combo in combos
        ]
    mean = target / max(1, len(entities) * len(indicators))
    fields = (
        "indicator_id", "state_id", "year", "value", "suppressed_below", "published", "disaggregation",
        "disaggregation_key", "source", "note", "estimate", "provisional", "break_in_series", "batch_id",
    )  # fmt: skip
    table = Table(Observation, ("id", *fields))
    history = Table(
        Observation,
        ("id", *fields, "history_date", "history_type", "history_change_reason", "history_user_id"),
        history=True,
    )
    progress = Progress("indicator observations", int(target))
    written = 0
    stamp = Stamps().at(moment(date(2025, 1, 15)))
    with transaction.atomic():
        batch = ObservationImport.objects.create(
            source_name=SYNTHETIC, checksum="0" * 64, format="csv", rows=0, created=0, notes=[SYNTHETIC]
        )
    for part in chunks(entities, max(1, ENTITY_CHUNK // 5)):
        rows = []
        for code in part:
            rng = random.Random(f"{seed}:observations:{code}")
            for pk, kind, low, high, _dimensions in indicators:
                keys = keys_of[pk]
                count = min(len(keys), max(1, round(rng.uniform(0.5, 1.5) * mean)))
                for year, key, disaggregation in keys[:count]:
                    value, suppressed, published = observation_value(rng, kind, low, high)
                    rows.append(
                        [pk, code, year, value, suppressed, published, disaggregation, key, SERIES_SOURCE, "", False,
                         False, False, batch.pk]
                    )  # fmt: skip
        with transaction.atomic():
            ids = reserve(Observation, len(rows))
            for pk, row in zip(ids, rows, strict=True):
                row.insert(0, pk)
            table.write(rows)
            history.write([(*row, stamp, "+", "SYNTHETIC benchmark series", None) for row in rows])
        written += len(rows)
        progress.add(len(rows))
    ObservationImport.objects.filter(pk=batch.pk).update(rows=written, created=written)
    progress.total = written
    progress.finish()
    return written


# -- legislation ----------------------------------------------------------------------------------


def add_laws(count: int, seed: int) -> str:
    """`count` laws through the legislation collection's own CSV import (search index included)."""
    import knowledge_legislation

    from viennaplan.knowledge import collections

    registered = next(c for c in collections.collections() if c.key == "legislation")
    progress = Progress("laws (CSV import)", count, "laws")
    content = knowledge_legislation.csv_rows(count, seed=seed)
    outcome = registered.import_csv(content, source_name="synthetic-legislation.csv", dry_run=False)
    progress.add(count)
    progress.finish()
    return outcome.summary()


# -- the end --------------------------------------------------------------------------------------


def finish() -> None:
    """The search index in step, statistics for the planner, and (SQLite) the write-ahead log emptied
    into the file."""
    from django.db import connection

    from viennaplan.knowledge import search

    caught = search.catch_up()
    if caught:
        print(f"  search index caught up: {caught}")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def counts() -> list[tuple[str, int]]:
    from django.db import connection

    from viennaplan.countries.models import Country
    from viennaplan.indicators.models import Observation
    from viennaplan.knowledge.models import Law, LawArticle, LawProvision, SearchEntry
    from viennaplan.reporting.models import Answer, Question, Report, ReportEvent, ReportingCycle
    from viennaplan.treaties.models import TreatyAction

    models = [
        Country, TreatyAction, ReportingCycle, Question, Report, ReportEvent, Answer, Observation, Law, LawArticle,
        LawProvision, SearchEntry,
    ]  # fmt: skip
    found = []
    with connection.cursor() as cursor:
        for model in models:
            for table in (model._meta.db_table, getattr(getattr(model, "history", None), "model", None)):
                if table is None:
                    continue
                name = table if isinstance(table, str) else table._meta.db_table
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(name)}")
                found.append((name, cursor.fetchone()[0]))
    return found


def size() -> str:
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return f"{cursor.fetchone()[0] / 1e9:.2f} GB (database {connection.settings_dict['NAME']})"
    path = Path(connection.settings_dict["NAME"])
    return f"{path.stat().st_size / 1e9:.2f} GB ({path})"


def generate(scale: float, seed: int) -> None:
    import django

    django.setup()
    from django.db import connection

    stages = Stages({})
    began = time.perf_counter()
    entities_wanted = max(1, round(UN_SCALE_ENTITIES * scale))
    print(f"database: {connection.vendor}; scale {scale:g} ({entities_wanted:,} entities), seed {seed}")
    refuse_a_filled_database()
    with stages.stage("migrate, plan, shipped files"):
        prepare_database()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")  # 256 MB: the indexes of the large tables in memory
    with analyse_at_the_end():
        with stages.stage("entities"):
            from viennaplan.countries.models import Country

            real = set(Country.objects.values_list("alpha3", flat=True))
            entities = add_entities(entities_wanted, seed)
            synthetic = {code for code in entities if code not in real}
            print(f"  entities: {len(entities):,} ({len(synthetic):,} synthetic)")
        with stages.stage("treaty actions"):
            add_treaty_actions(entities, seed, synthetic)
        with stages.stage("reports and answers"):
            add_reports(entities, seed)
        with stages.stage("indicator observations"):
            add_observations(entities, seed, round(OBSERVATIONS_AT_SCALE_10 * scale / 10))
        with stages.stage("legislation"):
            summary = add_laws(max(1, round(LAWS_AT_SCALE_10 * scale / 10)), seed)
            print(f"  {summary[:120]}")
    with stages.stage("search index check, ANALYZE"):
        progress = Progress("index check and ANALYZE", 0, "steps")
        finish()
        progress.finish()
    print("\nseconds per stage")
    for name, seconds in stages.seconds.items():
        print(f"  {name:<32} {seconds:8.1f}")
    print(f"  {'total':<32} {time.perf_counter() - began:8.1f}")
    print("\nrows per table")
    for name, rows in counts():
        print(f"  {name:<40} {rows:>12,}")
    print(f"\nsize: {size()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="", help="folder of the SQLite file (not with DATABASE_URL)")
    parser.add_argument("--scale", type=float, default=10.0, help="1: UN scale (about 200 entities); default 10")
    parser.add_argument("--seed", type=int, default=SEED, help=f"the same seed gives the same rows (default {SEED})")
    options = parser.parse_args()
    if options.scale <= 0:
        parser.error("--scale must be above 0")
    if not options.out and not os.environ.get("DATABASE_URL"):
        parser.error("give --out FOLDER (SQLite) or set DATABASE_URL (PostgreSQL)")
    os.environ.pop("VIENNAPLAN_DEMO", None)  # the real database of the folder, never the demonstration one
    with kept_or_throwaway_database(options.out, "viennaplan-generate-"):
        generate(options.scale, options.seed)


if __name__ == "__main__":
    main()
