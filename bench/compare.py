"""Side by side (issue 14): viennaplan and Datasette serving the same SQLite file, against the bare SQL.

What it measures: for each question asked of the file — one provision, a chapter's provisions, a search,
an instrument's status on a date, the progress matrix of a cycle, the plan's export, a State's answers
in a cycle, a State's treaty panel, a filtered list in each knowledge collection and some indicator
series — the time of the JSON answer from viennaplan (gunicorn, 2 workers x 4 threads, debug off, as
`make run` serves) and from Datasette (the same file opened immutable, the SQL written here against
viennaplan's tables, giving the same rows), interleaved round by round on loopback over kept-alive
connections, and the time of that SQL run bare in-process (Python's sqlite3 on the same file,
fetchall included). Three pages are timed on viennaplan's side only. Prints, per request, the median
and 95th percentile of both sides, their ratio, the bare SQL's median, viennaplan against it and
whether the goal is met: viennaplan at least as fast as Datasette, and within 3x of the bare SQL or
2 ms over it, whichever is larger; pages under 100 ms. Then the memory of the servers.

Run by hand (never by `make test`):

    .venv/bin/python bench/compare.py --file /tmp/vp10/viennaplan.sqlite3 [--rounds 60] [--page-rounds 10]
        [--markdown] [--state CHE] [--as-of YYYY-MM-DD] [--only WORD,...] [--profile [WORD,...]]

`--profile` then runs each request in-process (Django's test client, the server's settings): its time,
its queries and their time, and cProfile of the requests whose names contain a WORD. The pages are timed
in the first `--page-rounds` rounds only (a State's page takes seconds at ten times scale). A file whose
cycles are all demonstration cycles (`viennaplan demo`) is served in demonstration mode, where the
progress pages show them.

The file is any migrated viennaplan SQLite database; the figures of docs/performance.md are of GENERATED
data (bench/generate.py, ten times UN scale), never of real data. A request whose data the file does not
hold is skipped with a note. The file is only read (its WAL, if any, is checkpointed first so that
Datasette's immutable view sees every row).

Datasette is a benchmark-only tool, kept out of the project's environment: on first use this creates
var/bench-datasette-venv and installs datasette==0.65.1 there from PyPI (`--datasette PATH` to use
another executable). Nothing of it is imported here.
"""

from __future__ import annotations

import argparse
import cProfile
import http.client
import json
import os
import pstats
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from benchenv import free_port, server_environment, wait_until_listening  # noqa: E402

BIN = Path(sys.executable).parent
DATASETTE_VERSION = "0.65.1"
DATASETTE_VENV = ROOT / "var" / "bench-datasette-venv"
PAGE_TARGET_MS = 100.0
PER_PAGE = 50  # knowledge/listing.PER_PAGE: the lists' page

CURRENT_VERSION = "(SELECT id FROM plan_planversion ORDER BY imported_at DESC, id DESC LIMIT 1)"
CONSENTS = "('ratification', 'acceptance', 'approval', 'accession', 'succession', 'formal_confirmation')"


@dataclass
class Request:
    """One question: viennaplan's URL, and the SQL giving the same answer (None: a page, timed on one side)."""

    name: str
    url: str
    sql: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    rows: Callable[[Any], int | None] | None = None  # the rows in viennaplan's JSON, to set beside the SQL's
    note: str = ""  # where the SQL's answer is not exactly viennaplan's

    @property
    def page(self) -> bool:
        return self.sql is None


@dataclass
class Figures:
    viennaplan: list[float] = field(default_factory=list)
    datasette: list[float] = field(default_factory=list)
    bare: float | None = None
    rows: str = ""
    sizes: str = ""


# ---------------------------------------------------------------------------------------------
# the SQL of each question, against viennaplan's tables

PROVISION_SQL = f"""
SELECT p.path, p.citation, p.paragraph, p.label, p.depth, c.number AS chapter, p.kind, p.section, a.code AS actor,
  p.text, p.version_id AS version, p.full_text, c.title AS chapter_title,
  v.title AS plan_title, v.symbol AS plan_symbol, v.date AS plan_date,
  up.path AS parent_path, up.citation AS parent_citation, top.path AS grandparent_path,
  top.citation AS grandparent_citation,
  (SELECT json_group_array(json_object('path', k.path, 'citation', k.citation, 'paragraph', k.paragraph,
      'label', k.label, 'depth', k.depth, 'kind', k.kind, 'section', k.section, 'actor', ka.code, 'text', k.text))
     FROM (SELECT * FROM plan_provision WHERE parent_id = p.id ORDER BY position) k
     LEFT JOIN plan_actor ka ON ka.id = k.actor_id) AS children,
  (SELECT json_group_array(json_object('number', n.number, 'text', n.text))
     FROM plan_provision_notes pn JOIN plan_note n ON n.id = pn.note_id WHERE pn.provision_id = p.id) AS notes,
  (SELECT json_group_array(json_object('kind', r.kind, 'text', r.text, 'target', r.target, 'start', r.start,
      'end', r."end")) FROM plan_reference r WHERE r.provision_id = p.id) AS refs,
  (SELECT json_group_array(json_object('text', d.text, 'start', d.start, 'end', d."end", 'precision', d.precision,
      'note', d.note)) FROM plan_deadline d WHERE d.provision_id = p.id) AS deadlines,
  a.name AS actor_name, a.kind AS actor_kind,
  (SELECT json_group_array(json_object('code', pa.code, 'name', pa.name, 'kind', pa.kind))
     FROM plan_provision_partners pp JOIN plan_actor pa ON pa.id = pp.actor_id
     WHERE pp.provision_id = p.id) AS partners,
  (SELECT json_group_array(json_object('chapter', oc.number, 'number', o.number, 'numbered', o.numbered,
      'text', o.text, 'notes', (SELECT json_group_array(n.number) FROM plan_objective_notes x
                                JOIN plan_note n ON n.id = x.note_id WHERE x.objective_id = o.id)))
     FROM plan_provision_objectives po JOIN plan_objective o ON o.id = po.objective_id
     JOIN plan_chapter oc ON oc.id = o.chapter_id WHERE po.provision_id = p.id) AS objectives,
  p.subject_to_resources, p.upon_request, p.source_first_line, p.source_last_line
FROM plan_provision p
JOIN plan_chapter c ON c.id = p.chapter_id
JOIN plan_planversion v ON v.id = p.version_id
LEFT JOIN plan_actor a ON a.id = p.actor_id
LEFT JOIN plan_provision up ON up.id = p.parent_id
LEFT JOIN plan_provision top ON top.id = up.parent_id
WHERE p.version_id = {CURRENT_VERSION} AND p.path = :path
"""

CHAPTER_SQL = f"""
SELECT p.path, p.citation, p.paragraph, p.label, p.depth, c.number AS chapter, p.kind, p.section, a.code AS actor,
  p.text
FROM plan_provision p JOIN plan_chapter c ON c.id = p.chapter_id LEFT JOIN plan_actor a ON a.id = p.actor_id
WHERE p.version_id = {CURRENT_VERSION} AND c.number = :chapter
ORDER BY p.position
"""

SEARCH_SQL = f"""
SELECT p.path, p.citation, c.number AS chapter, p.kind,
  snippet(plan_provision_fts, 1, '<mark>', '</mark>', '…', 32) AS snippet,
  bm25(plan_provision_fts, 4.0, 1.0) AS score
FROM plan_provision_fts f JOIN plan_provision p ON p.id = f.rowid JOIN plan_chapter c ON c.id = p.chapter_id
WHERE plan_provision_fts MATCH :words AND p.version_id = {CURRENT_VERSION}
ORDER BY score, p.position
LIMIT 50
"""

EXPORT_SQL = f"""
SELECT p.path, p.citation, p.paragraph, p.label, p.depth, up.path AS parent, c.number AS chapter, p.kind, p.section,
  a.code AS actor, p.text, p.full_text, p.subject_to_resources, p.upon_request,
  p.source_first_line, p.source_last_line,
  (SELECT json_group_array(n.number) FROM plan_provision_notes pn JOIN plan_note n ON n.id = pn.note_id
     WHERE pn.provision_id = p.id) AS notes,
  (SELECT json_group_array(json_object('kind', r.kind, 'text', r.text, 'target', r.target, 'start', r.start,
      'end', r."end")) FROM plan_reference r WHERE r.provision_id = p.id) AS refs,
  (SELECT json_group_array(json_object('text', d.text, 'start', d.start, 'end', d."end", 'precision', d.precision,
      'note', d.note)) FROM plan_deadline d WHERE d.provision_id = p.id) AS deadlines,
  (SELECT json_group_array(pa.code) FROM plan_provision_partners pp JOIN plan_actor pa ON pa.id = pp.actor_id
     WHERE pp.provision_id = p.id) AS partners,
  (SELECT json_group_array(o.number) FROM plan_provision_objectives po JOIN plan_objective o
     ON o.id = po.objective_id WHERE po.provision_id = p.id) AS objectives
FROM plan_provision p JOIN plan_chapter c ON c.id = p.chapter_id LEFT JOIN plan_actor a ON a.id = p.actor_id
LEFT JOIN plan_provision up ON up.id = p.parent_id
WHERE p.version_id = {CURRENT_VERSION}
ORDER BY p.position
"""

MATRIX_SQL = """
WITH counted AS (
  SELECT r.id, k.region FROM reporting_report r JOIN countries_country k ON k.alpha3 = r.state_id
  WHERE r.cycle_id = :cycle AND r.status = 'published'
), answers AS (
  SELECT q.chapter, c.region, a.status, count(*) AS answers
  FROM reporting_answer a JOIN counted c ON c.id = a.report_id JOIN reporting_question q ON q.id = a.question_id
  GROUP BY q.chapter, c.region, a.status
), states AS (
  SELECT region, count(*) AS states FROM counted GROUP BY region
), questions AS (
  SELECT chapter, count(*) AS questions FROM reporting_question WHERE cycle_id = :cycle GROUP BY chapter
)
SELECT a.chapter, a.region, a.status, a.answers, s.states, q.questions
FROM answers a JOIN states s ON s.region = a.region JOIN questions q ON q.chapter = a.chapter
ORDER BY a.chapter, a.region, a.status
"""

ANSWERS_SQL = """
SELECT a.id, q.id AS question, q.position, q.path, q.citation, q.chapter, q.objectives, q.text AS question_text,
  a.status, a.narrative, a.measures, a.responsible_institution, a.assistance_needed, a.assistance_description,
  a.version, coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.username) AS updated_by,
  a.updated_at, pc.name AS carried_over_from_cycle
FROM reporting_report r
JOIN reporting_answer a ON a.report_id = r.id
JOIN reporting_question q ON q.id = a.question_id
LEFT JOIN auth_user u ON u.id = a.updated_by_id
LEFT JOIN reporting_answer pa ON pa.id = a.carried_over_from_id
LEFT JOIN reporting_report pr ON pr.id = pa.report_id
LEFT JOIN reporting_reportingcycle pc ON pc.id = pr.cycle_id
WHERE r.cycle_id = :cycle AND r.state_id = :state AND r.status = 'published'
ORDER BY q.position
"""


def treaty_sql(rules: list[tuple], one_state: bool) -> str:
    """Who is bound by which instrument on :as_of, and from when, by SQL, with the engine's rules: the
    general entry into force (the threshold-th first consent, organizations not counted unless the rules
    say so; the official date while fewer are on file; a Protocol not before its Convention); for each
    State the consent in effect (a consent after a denunciation replaces the one denounced), its entry
    into force (the later-delay day after the deposit, not before the general date; a Protocol not before
    the Convention for the State) and the denunciation's effect (the first after the consent, the delay of
    the rules, months counted as `dates.add_months` does; a Convention's denunciation cascading to its
    Protocols). `rules` are rows of (code, threshold, general delay, later delay, official date, parent,
    counts organizations, denunciation months, denunciation days, cascades); `one_state`: :state only."""
    values = ",\n    ".join(
        "(" + ", ".join("NULL" if v is None else repr(v) if isinstance(v, str) else str(int(v)) for v in row) + ")"
        for row in rules
    )
    state = "a.state = :state AND" if one_state else ""
    codes = ", ".join(repr(row[0]) for row in rules)
    return f"""
WITH rules(code, threshold, general_delay, later_delay, official, parent, counts_orgs, den_months, den_days,
           cascades) AS (
  VALUES {values}
), firsts AS (
  SELECT a.instrument, a.state, min(a.date) AS date FROM treaties_treatyaction a
  WHERE a.instrument IN ({codes}) AND a.kind IN {CONSENTS}
    AND (a.state <> 'EUU' OR (SELECT counts_orgs FROM rules WHERE code = a.instrument))
  GROUP BY a.instrument, a.state
), ranked AS (
  SELECT instrument, date, row_number() OVER (PARTITION BY instrument ORDER BY date) AS n FROM firsts
), own AS (
  SELECT r.code, r.parent, t.date AS trig,
    CASE WHEN t.date IS NULL THEN r.official WHEN t.date > :as_of THEN NULL
         ELSE date(t.date, '+' || r.general_delay || ' days') END AS general
  FROM rules r LEFT JOIN ranked t ON t.instrument = r.code AND t.n = r.threshold
), gen AS (
  SELECT o.code, CASE WHEN o.trig <= :as_of THEN o.trig END AS trig,
    CASE WHEN o.parent IS NULL OR o.trig IS NULL OR o.general IS NULL THEN o.general
         WHEN p.general IS NULL THEN NULL ELSE max(o.general, p.general) END AS general
  FROM own o LEFT JOIN own p ON p.code = o.parent
), acts AS (
  SELECT a.instrument, a.state, a.kind, a.date FROM treaties_treatyaction a
  WHERE {state} a.instrument IN ({codes}) AND a.date <= :as_of
), renewed AS (
  SELECT d.instrument, d.state, max(d.date) AS date FROM acts d
  WHERE d.kind = 'denunciation' AND EXISTS (SELECT 1 FROM acts c WHERE c.instrument = d.instrument
    AND c.state = d.state AND c.kind IN {CONSENTS} AND c.date >= d.date)
  GROUP BY d.instrument, d.state
), per AS (
  SELECT a.instrument, a.state, min(CASE WHEN a.kind = 'signature' THEN a.date END) AS signature,
    min(CASE WHEN a.kind IN {CONSENTS} AND a.date >= coalesce(x.date, '') THEN a.date || ' ' || a.kind END)
      AS consent
  FROM acts a LEFT JOIN renewed x ON x.instrument = a.instrument AND x.state = a.state
  GROUP BY a.instrument, a.state
), received AS (
  SELECT p.instrument, p.state, p.signature, substr(p.consent, 1, 10) AS consent_date,
    substr(p.consent, 12) AS consent_kind, g.general, g.trig, r.later_delay, r.den_months, r.den_days, r.parent,
    (SELECT min(x.date) FROM treaties_treatyaction x WHERE x.state = p.state AND x.instrument = p.instrument
       AND x.kind = 'denunciation' AND x.date >= substr(p.consent, 1, 10) AND x.date <= :as_of) AS denunciation
  FROM per p JOIN gen g ON g.code = p.instrument JOIN rules r ON r.code = p.instrument
), st AS (
  SELECT instrument, state, signature, consent_date, consent_kind, general, parent,
    CASE WHEN consent_date IS NULL OR general IS NULL THEN NULL
         WHEN trig IS NOT NULL AND consent_date <= trig THEN general
         ELSE max(date(consent_date, '+' || later_delay || ' days'), general) END AS in_force,
    CASE WHEN denunciation IS NULL THEN NULL
         WHEN den_days IS NOT NULL THEN date(denunciation, '+' || den_days || ' days')
         WHEN den_months IS NOT NULL THEN min(
           date(denunciation, 'start of month', '+' || den_months || ' months',
                '+' || (CAST(strftime('%d', denunciation) AS INTEGER) - 1) || ' days'),
           date(denunciation, 'start of month', '+' || (den_months + 1) || ' months', '-1 day')) END AS denounced
  FROM received
), bound AS (
  SELECT c.instrument, c.state, c.signature, c.consent_kind, c.consent_date, c.general,
    CASE WHEN c.parent IS NULL OR p.consent_date IS NULL THEN c.in_force WHEN p.in_force IS NULL THEN NULL
         ELSE max(c.in_force, p.in_force) END AS in_force,
    CASE WHEN pr.cascades AND p.denounced > c.consent_date AND (c.denounced IS NULL OR p.denounced < c.denounced)
         THEN p.denounced ELSE c.denounced END AS denounced
  FROM st c LEFT JOIN st p ON p.instrument = c.parent AND p.state = c.state LEFT JOIN rules pr ON pr.code = c.parent
  WHERE c.signature IS NOT NULL OR c.consent_date IS NOT NULL
)
SELECT b.instrument, b.state, k.name_en AS name, b.signature, b.consent_kind, b.consent_date, b.in_force,
  b.denounced, b.general AS entry_into_force,
  coalesce(b.in_force <= :as_of AND (b.denounced IS NULL OR b.denounced > :as_of), 0) AS party
FROM bound b JOIN countries_country k ON k.alpha3 = b.state
"""


def treaty_status_sql(rules: list[tuple]) -> str:
    """One instrument's status on :as_of: every State that acted, by name, with the instrument's counts."""
    return f"""
WITH s AS ({treaty_sql(rules, one_state=False)})
SELECT s.*, sum(s.party) OVER () AS parties, count(s.signature) OVER () AS signatories
FROM s ORDER BY lower(s.name), s.state
"""


def treaty_panel_sql(rules: list[tuple]) -> str:
    """:state's standing under every instrument on :as_of (a line for each instrument, acted or not)."""
    return f"""
WITH s AS ({treaty_sql(rules, one_state=True)})
SELECT i.code AS instrument, i.short_name, s.signature, s.consent_kind, s.consent_date, s.in_force, s.denounced,
  s.party, CASE WHEN s.party THEN 'party' WHEN s.signature IS NOT NULL THEN 'signatory' ELSE 'none' END AS standing
FROM treaties_instrument i LEFT JOIN s ON s.instrument = i.code
ORDER BY i.position, i.code
"""


KNOWLEDGE: dict[str, tuple[str, str, str]] = {
    # collection: (the filter's parameter, the SQL of a page, the SQL counting the rows each value selects)
    "legislation": (
        "state",
        f"""
SELECT l.state, k.name_en AS state_name, l.key, l.title_original, l.title_en, l.kind, l.language, l.adopted,
  l.in_force, l.status, l.published,
  (SELECT json_group_array(json_object('instrument', x.instrument, 'article', x.article, 'extract', x.extract))
     FROM knowledge_lawarticle x WHERE x.law_id = l.id) AS articles,
  count(*) OVER () AS count
FROM knowledge_law l JOIN countries_country k ON k.alpha3 = l.state
WHERE l.published AND l.state = :state ORDER BY l.state, l.key LIMIT {PER_PAGE}
""",
        "SELECT state, count(*) FROM knowledge_law WHERE published GROUP BY state",
    ),
    "patterns": (
        "state",
        f"""
SELECT r.key, r.kind, r.title, r.period_from, r.period_to, r.confidence, r.published,
  (SELECT json_group_array(t.crime_type) FROM knowledge_patterns_patterncrimetype t WHERE t.record_id = r.id)
    AS crime_types,
  (SELECT json_group_array(json_object('state', s.state, 'role', s.role)) FROM knowledge_patterns_patternstate s
     WHERE s.record_id = r.id) AS states,
  count(*) OVER () AS count
FROM knowledge_patterns_patternrecord r
WHERE r.published AND r.id IN (SELECT record_id FROM knowledge_patterns_patternstate WHERE state = :state)
ORDER BY r.year_from DESC, r.key LIMIT {PER_PAGE}
""",
        "SELECT s.state, count(DISTINCT s.record_id) FROM knowledge_patterns_patternstate s "
        "JOIN knowledge_patterns_patternrecord r ON r.id = s.record_id WHERE r.published GROUP BY s.state",
    ),
    "assessments": (
        "state",
        f"""
SELECT s.state, k.name_en AS state_name, s.key, s.title, s.scope, s.method, s.sample_size, s.published_on, s.year,
  s.publisher, s.published,
  (SELECT json_group_array(x.sector) FROM knowledge_assessments_assessmentsector x WHERE x.assessment_id = s.id)
    AS sectors,
  (SELECT json_group_array(x.type) FROM knowledge_assessments_assessmenttype x WHERE x.assessment_id = s.id) AS types,
  count(*) OVER () AS count
FROM knowledge_assessments_assessment s JOIN countries_country k ON k.alpha3 = s.state
WHERE s.published AND s.state = :state ORDER BY s.state, s.key LIMIT {PER_PAGE}
""",
        "SELECT state, count(*) FROM knowledge_assessments_assessment WHERE published GROUP BY state",
    ),
    "firearms": (
        "topic",
        f"""
SELECT g.state, k.name_en AS state_name, g.round, g.published,
  (SELECT json_group_array(t.topic) FROM knowledge_firearms_regulationtopic t WHERE t.regulation_id = g.id) AS topics,
  count(*) OVER () AS count
FROM knowledge_firearms_regulation g JOIN countries_country k ON k.alpha3 = g.state
WHERE g.published
  AND g.round = (SELECT max(x.round) FROM knowledge_firearms_regulation x WHERE x.state = g.state AND x.published)
  AND EXISTS (SELECT 1 FROM knowledge_firearms_regulationtopic t WHERE t.regulation_id = g.id AND t.topic = :topic)
ORDER BY g.state LIMIT {PER_PAGE}
""",
        "SELECT t.topic, count(*) FROM knowledge_firearms_regulationtopic t "
        "JOIN knowledge_firearms_regulation g ON g.id = t.regulation_id WHERE g.published GROUP BY t.topic",
    ),
    "trafficking": (
        "state",
        f"""
SELECT f.key, f.origin, o.name_en AS origin_name, f.destination, d.name_en AS destination_name, f.transit,
  f.year_from, f.year_to, f.form, f.female_child, f.female_adult, f.female_unknown, f.male_child, f.male_adult,
  f.male_unknown, f.unknown_child, f.unknown_adult, f.unknown_unknown, f.total, f.published,
  count(*) OVER () AS count
FROM knowledge_trafficking_flow f
LEFT JOIN countries_country o ON o.alpha3 = f.origin LEFT JOIN countries_country d ON d.alpha3 = f.destination
WHERE f.published AND (f.origin = :state OR f.destination = :state OR f.transit = :state)
ORDER BY f.year_to DESC, f.destination, f.origin, f.key LIMIT {PER_PAGE}
""",
        "SELECT state, count(*) FROM (SELECT origin AS state FROM knowledge_trafficking_flow WHERE published "
        "UNION ALL SELECT destination FROM knowledge_trafficking_flow WHERE published) GROUP BY state",
    ),
    "authorities": (
        "state",
        f"""
SELECT a.state, k.name_en AS state_name, a.key, a.purpose, a.name_en, a.name_original, a.language,
  a.request_languages, a.description, a.published,
  (SELECT json_group_array(p.path) FROM knowledge_authorities_authorityprovision p WHERE p.authority_id = a.id)
    AS provisions,
  count(*) OVER () AS count
FROM knowledge_authorities_authority a JOIN countries_country k ON k.alpha3 = a.state
WHERE a.published AND a.state = :state ORDER BY a.state, a.purpose, a.key LIMIT {PER_PAGE}
""",
        "SELECT state, count(*) FROM knowledge_authorities_authority WHERE published GROUP BY state",
    ),
    "practices": (
        "state",
        f"""
SELECT p.key, p.title, p.summary, p.area, p.organisation, p.period_from, p.period_to, p.published,
  (SELECT json_group_array(x.path) FROM knowledge_practices_practiceprovision x WHERE x.practice_id = p.id)
    AS provisions,
  (SELECT json_group_array(json_object('code', s.state, 'name', k.name_en)) FROM knowledge_practices_practicestate s
     JOIN countries_country k ON k.alpha3 = s.state WHERE s.practice_id = p.id) AS states,
  (SELECT json_group_array(json_object('evaluator', e.evaluator, 'date', e.date, 'method', e.method,
      'result', e.result, 'findings', e.findings, 'url', e.url, 'published', e.published))
     FROM (SELECT * FROM knowledge_practices_evaluation WHERE practice_id = p.id AND published
           ORDER BY date, evaluator) e) AS evaluations,
  count(*) OVER () AS count
FROM knowledge_practices_practice p
WHERE p.published AND p.id IN (SELECT practice_id FROM knowledge_practices_practicestate WHERE state = :state)
ORDER BY p.key LIMIT {PER_PAGE}
""",
        "SELECT s.state, count(*) FROM knowledge_practices_practicestate s "
        "JOIN knowledge_practices_practice p ON p.id = s.practice_id WHERE p.published GROUP BY s.state",
    ),
}
KNOWLEDGE_NOTES = {
    "legislation": "a law's articles unsorted (viennaplan sorts them by instrument and article in Python)",
    "trafficking": "the counts as stored; viennaplan shows each flow's total after its suppression rules (<5)",
    "patterns": "labels of kinds and confidence not looked up",
}

SERIES_SQL = """
SELECT o.state, k.name_en AS name, o.year, o.published AS value, o.suppressed_below, o.disaggregation_key,
  o.source, o.note, o.estimate, o.provisional, o.break_in_series
FROM indicators_observation o JOIN indicators_indicator i ON i.id = o.indicator_id
JOIN countries_country k ON k.alpha3 = o.state
WHERE i.code = :code AND o.state = :state AND o.disaggregation_key = ''
ORDER BY o.state, o.year, o.disaggregation_key, o.source
"""


# ---------------------------------------------------------------------------------------------
# what the file holds: the requests it can answer


def count_dicts(value: Any, key: str) -> int:
    """How many objects with `key` the JSON holds, at any depth (the provisions of the plan's export)."""
    if isinstance(value, dict):
        return (key in value) + sum(count_dicts(v, key) for v in value.values())
    if isinstance(value, list):
        return sum(count_dicts(v, key) for v in value)
    return 0


def treaty_rules() -> list[tuple]:
    """The rules of every instrument, as declared in code (treaties.rules), for the SQL's VALUES."""
    from viennaplan.treaties.rules import instrument_rules

    return [
        (
            r.code,
            r.threshold,
            r.general_delay_days,
            r.later_delay_days,
            r.official_entry_into_force.isoformat() if r.official_entry_into_force else None,
            r.parent,
            r.counts_organizations,
            r.denunciation_delay_months,
            r.denunciation_delay_days,
            r.denunciation_cascades_to_children,
        )
        for r in instrument_rules().values()
    ]


def one(db: sqlite3.Connection, sql: str, *params: Any) -> Any:
    row = db.execute(sql, params).fetchone()
    return row[0] if row else None


def build_requests(db: sqlite3.Connection, options: argparse.Namespace, demo: bool) -> tuple[list[Request], list[str]]:
    """The requests the file can answer, and a note for each one skipped."""
    requests: list[Request] = []
    skipped: list[str] = []
    state = options.state.upper()
    if not one(db, "SELECT 1 FROM countries_country WHERE alpha3 = ?", state):
        known = one(db, "SELECT alpha3 FROM countries_country WHERE kind <> 'organization' ORDER BY alpha3 LIMIT 1")
        skipped.append(f"{state} is not in the file's countries: {known} in its place")
        state = known
    plan = one(db, "SELECT count(*) FROM plan_provision WHERE version_id = " + CURRENT_VERSION)
    if plan:
        requests += [
            Request(
                "one provision 57/k/ii",
                "/api/plan/provisions/57/k/ii",
                PROVISION_SQL,
                {"path": "57/k/ii"},
                rows=lambda body: 1,
                note="breadcrumbs and cite line from the parent, grandparent and version columns",
            ),
            Request(
                "a chapter's provisions (VI)",
                "/api/plan/provisions?chapter=VI",
                CHAPTER_SQL,
                {"chapter": "VI"},
                rows=len,
            ),
            Request(
                'search "markings"',
                "/api/plan/search?q=markings",
                SEARCH_SQL,
                {"words": '"markings"'},
                rows=len,
                note="snippet not HTML-escaped outside the <mark>",
            ),
        ]
    else:
        skipped.append("skipped the plan's requests: no plan imported")
    actions = one(db, "SELECT count(*) FROM treaties_treatyaction")
    rules = treaty_rules()
    if actions:
        as_of = options.as_of or one(db, "SELECT max(date) FROM treaties_treatyaction")
        untoc = [row for row in rules if row[0] == "UNTOC"]
        requests.append(
            Request(
                f"UNTOC status as of {as_of}",
                f"/api/treaties/UNTOC/status?as_of={as_of}",
                treaty_status_sql(untoc),
                {"as_of": as_of},
                rows=lambda body: len(body["states"]),
                note="no explanation sentences or notes",
            )
        )
    else:
        skipped.append("skipped UNTOC status, treaty panel: no treaty actions on file")
    if plan:
        requests.append(
            Request(
                "full plan export JSON",
                "/api/plan/export.json",
                EXPORT_SQL,
                rows=lambda body: count_dicts(body.get("paragraphs", []), "citation"),
                note="provisions flat with their parent's path (the export nests them), no chapters or notes list",
            )
        )
    cycle = one(
        db,
        "SELECT c.id FROM reporting_reportingcycle c WHERE c.is_demo = ? "
        "AND EXISTS (SELECT 1 FROM reporting_report r WHERE r.cycle_id = c.id AND r.status = 'published') "
        "ORDER BY c.opens DESC, c.id DESC LIMIT 1",
        1 if demo else 0,
    )
    if cycle:
        requests.insert(
            min(len(requests), 4),
            Request(
                f"progress matrix of cycle {cycle}",
                f"/api/reporting/progress/matrix?cycle={cycle}",
                MATRIX_SQL,
                {"cycle": cycle},
                note="counts by chapter, region and status; shares and the unanswered computed by the reader",
            ),
        )
        reporter = one(
            db,
            "SELECT state_id FROM reporting_report WHERE cycle_id = ? AND status = 'published' "
            "ORDER BY state_id = ? DESC, state_id LIMIT 1",
            cycle,
            state,
        )
        requests.append(
            Request(
                f"answers of {reporter} in cycle {cycle}",
                f"/api/reporting/reports/{cycle}/{reporter}/answers",
                ANSWERS_SQL,
                {"cycle": cycle, "state": reporter},
                rows=len,
            )
        )
    else:
        skipped.append("skipped progress matrix, a State's answers: no cycle with a published report")
    if actions:
        as_of = options.as_of or time.strftime("%Y-%m-%d")
        requests.append(
            Request(
                f"treaty panel of {state}",
                f"/api/treaties/states/{state}?as_of={as_of}",
                treaty_panel_sql(rules),
                {"state": state, "as_of": as_of},
                rows=lambda body: len(body["instruments"]),
                note="no explanations or depositary-list warnings",
            )
        )
    for collection, (parameter, sql, counts) in KNOWLEDGE.items():
        found = dict(db.execute(counts).fetchall())
        if not found:
            skipped.append(f"skipped knowledge list {collection}: nothing published")
            continue
        if parameter == "state":
            value = state if found.get(state) else max(found, key=lambda key: (found[key], key))
        else:
            value = max(found, key=lambda key: (found[key], key))
        requests.append(
            Request(
                f"{collection}?{parameter}={value}",
                f"/api/knowledge/{collection}?{urllib.parse.urlencode({parameter: value})}",
                sql,
                {parameter: value},
                rows=lambda body: len(next(v for k, v in body.items() if isinstance(v, list))),
                note=KNOWLEDGE_NOTES.get(collection, ""),
            )
        )
    # the most observed indicator of each source (the series differ in shape from one source to the next)
    series = db.execute(
        "WITH n AS (SELECT i.code, i.source, count(*) AS n FROM indicators_observation o JOIN indicators_indicator i "
        "ON i.id = o.indicator_id WHERE o.disaggregation_key = '' GROUP BY i.code), "
        "best AS (SELECT code, n, row_number() OVER (PARTITION BY source ORDER BY n DESC, code) AS k FROM n) "
        "SELECT code, n FROM best WHERE k = 1 ORDER BY n DESC, code LIMIT ?",
        (options.series,),
    ).fetchall()
    if not series:
        skipped.append("skipped indicator series: no observations on file")
    for code, _count in series:
        where = one(
            db,
            "SELECT o.state FROM indicators_observation o JOIN indicators_indicator i ON i.id = o.indicator_id "
            "WHERE i.code = ? AND o.disaggregation_key = '' GROUP BY o.state "
            "ORDER BY o.state = ? DESC, count(*) DESC, o.state LIMIT 1",
            code,
            state,
        )
        requests.append(
            Request(
                f"series {code} of {where}",
                f"/api/indicators/{code}/observations?state={where}",
                SERIES_SQL,
                {"code": code, "state": where},
                rows=lambda body: body["count"],
            )
        )
    requests += [
        Request(f"page /reporting/states/{state}", f"/reporting/states/{state}"),
        Request("page /treaties/UNTOC", "/treaties/UNTOC"),
    ]
    if plan:
        requests.append(Request("page /plan/chapter/VI", "/plan/chapter/VI"))
    if options.only:
        wanted = [word.strip().lower() for word in options.only.split(",") if word.strip()]
        requests = [r for r in requests if any(word in r.name.lower() for word in wanted)]
    return requests, skipped


# ---------------------------------------------------------------------------------------------
# the servers


def datasette_executable(given: str) -> Path:
    """Datasette, in a virtualenv of its own (var/bench-datasette-venv), installed on first use."""
    if given:
        return Path(given)
    executable = DATASETTE_VENV / "bin" / "datasette"
    if executable.exists():
        return executable
    print(f"Datasette is not installed: creating {DATASETTE_VENV} and installing datasette=={DATASETTE_VERSION}")
    print(f"  (the one command: python3 -m venv {DATASETTE_VENV} && {DATASETTE_VENV}/bin/pip install "
          f"datasette=={DATASETTE_VERSION})")  # fmt: skip
    python = shutil.which("python3") or sys.executable
    subprocess.run([python, "-m", "venv", str(DATASETTE_VENV)], check=True)
    subprocess.run(
        [str(DATASETTE_VENV / "bin" / "pip"), "install", "--quiet", f"datasette=={DATASETTE_VERSION}"], check=True
    )
    return executable


def viennaplan_environment(file: Path, var_dir: str, demo: bool) -> dict[str, str]:
    """The environment `make run` gives the server (debug off, a random secret key), on `file`."""
    env = server_environment() | {"VIENNAPLAN_VAR_DIR": var_dir}
    # A file of demonstration cycles is served in demonstration mode, where the progress pages show them.
    if demo:
        env.update(VIENNAPLAN_DEMO="1", VIENNAPLAN_DEMO_DATABASE_URL=f"sqlite:///{file}")
    else:
        env["DATABASE_URL"] = f"sqlite:///{file}"
    return env


class Connection:
    """One kept-alive HTTP connection to a server on loopback; a request's time includes reading its body."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.http = http.client.HTTPConnection("127.0.0.1", port, timeout=300)

    def get(self, path: str) -> tuple[int, bytes, float]:
        for attempt in range(2):
            start = time.perf_counter()
            try:
                self.http.request("GET", path, headers={"Accept": "application/json"})
                response = self.http.getresponse()
                body = response.read()
                return response.status, body, (time.perf_counter() - start) * 1000
            except (http.client.RemoteDisconnected, ConnectionError, http.client.BadStatusLine):
                # the server closed the kept-alive connection: the request again on a new one
                self.http.close()
                self.http = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.http.close()


def resident_mb(root: int) -> list[tuple[int, int]]:
    """(pid, MB) of VmRSS for the process `root` and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        pid = int(fields["Pid"].strip())
        children.setdefault(int(fields["PPid"].strip()), []).append(pid)
        if "VmRSS" in fields:
            rss[pid] = int(fields["VmRSS"].split()[0]) // 1024
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        if pid in rss:
            found.append((pid, rss[pid]))
        todo += children.get(pid, [])
    return found


# ---------------------------------------------------------------------------------------------
# measuring


def percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def bare_ms(db: sqlite3.Connection, sql: str, params: dict[str, Any], runs: int) -> float:
    db.execute(sql, params).fetchall()  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        db.execute(sql, params).fetchall()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def datasette_path(database: str, request: Request) -> str:
    query = {"sql": " ".join(request.sql.split()), "_shape": "array", **{k: str(v) for k, v in request.params.items()}}
    return f"/{database}.json?{urllib.parse.urlencode(query)}"


def check(requests: list[Request], ours: Connection, theirs: Connection, database: str) -> dict[str, Figures]:
    """One request of each on both sides: both answer 200, and the rows they give side by side."""
    figures: dict[str, Figures] = {}
    for request in requests:
        status, body, _ms = ours.get(request.url)
        if status != 200:
            sys.exit(f"viennaplan answered {status} to {request.url}: {body[:300]!r}")
        figure = Figures()
        if not request.page:
            ds_status, ds_body, _ms = theirs.get(datasette_path(database, request))
            if ds_status != 200:
                sys.exit(f"Datasette answered {ds_status} to {request.name}: {ds_body[:500]!r}")
            ds_rows = len(json.loads(ds_body))
            vp_rows = request.rows(json.loads(body)) if request.rows else None
            figure.rows = f"{'—' if vp_rows is None else vp_rows} / {ds_rows}"
            figure.sizes = f"{len(body) / 1024:.1f} / {len(ds_body) / 1024:.1f} KB"
        else:
            figure.sizes = f"{len(body) / 1024:.1f} KB"
        figures[request.name] = figure
    return figures


def measure(
    requests: list[Request], figures: dict[str, Figures], ours: Connection, theirs: Connection, database: str,
    rounds: int, page_rounds: int, warm: int,
) -> None:  # fmt: skip
    """`warm` untimed rounds, then `rounds` timed ones (a page only in the first `page_rounds`)."""
    paths = {r.name: datasette_path(database, r) for r in requests if not r.page}

    def get(side: str, connection: Connection, request: Request, path: str) -> float:
        try:
            status, _body, ms = connection.get(path)
        except OSError as error:
            raise SystemExit(f"{side}: {request.name} ({path[:100]}) failed: {error!r}") from None
        if status != 200:
            raise SystemExit(f"{side} answered {status} to {request.name} ({path[:100]})")
        return ms

    for _ in range(warm):
        for request in requests:
            get("viennaplan", ours, request, request.url)
            if not request.page:
                get("datasette", theirs, request, paths[request.name])
    for number in range(rounds):
        for request in requests:
            if request.page and number >= page_rounds:
                continue
            sides = [("viennaplan", ours, request.url)]
            if not request.page:
                sides.append(("datasette", theirs, paths[request.name]))
            if number % 2:
                sides.reverse()
            for side, connection, path in sides:
                getattr(figures[request.name], side).append(get(side, connection, request, path))
        if (number + 1) % 10 == 0:
            print(f"  round {number + 1} of {rounds}", flush=True)


def verdict(request: Request, figure: Figures) -> str:
    ours = statistics.median(figure.viennaplan)
    if request.page:
        return "yes" if ours < PAGE_TARGET_MS else f"no: over {PAGE_TARGET_MS:.0f} ms"
    theirs = statistics.median(figure.datasette)
    bare = figure.bare or 0.0
    failed = []
    if ours > theirs:
        failed.append("slower than Datasette")
    if ours > max(3 * bare, bare + 2):
        failed.append("over 3x / +2 ms of the bare SQL")
    return "yes" if not failed else "no: " + ", ".join(failed)


def table(requests: list[Request], figures: dict[str, Figures], markdown: bool) -> str:
    header = ["request", "viennaplan median / p95", "Datasette median / p95", "ratio", "bare SQL", "vp ÷ bare",
              "rows vp / ds", "goal met?"]  # fmt: skip
    lines = []
    for request in requests:
        figure = figures[request.name]
        ours = statistics.median(figure.viennaplan)
        cells = [request.name, f"{ours:.1f} / {percentile(figure.viennaplan, 0.95):.1f} ms"]
        if request.page:
            cells += ["—", "—", "—", "—", "—"]
        else:
            theirs = statistics.median(figure.datasette)
            cells += [
                f"{theirs:.1f} / {percentile(figure.datasette, 0.95):.1f} ms",
                f"{ours / theirs:.1f}x",
                f"{figure.bare:.2f} ms",
                f"{ours / figure.bare:.0f}x" if figure.bare else "—",
                figure.rows,
            ]
        cells.append(verdict(request, figure))
        lines.append(cells)
    if markdown:
        out = ["| " + " | ".join(header) + " |", "| " + " | ".join(["---"] * len(header)) + " |"]
        out += ["| " + " | ".join(cells) + " |" for cells in lines]
        return "\n".join(out)
    widths = [max(len(str(row[i])) for row in [header, *lines]) for i in range(len(header))]
    out = ["  ".join(str(cell).ljust(width) for cell, width in zip(header, widths, strict=True))]
    out.append("  ".join("-" * width for width in widths))
    out += ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)) for row in lines]
    return "\n".join(out)


def profile(requests: list[Request], names: list[str], runs: int = 20) -> None:
    """In-process (Django's test client, the server's settings): each request's time, its queries and their
    time, and for the requests named the functions that take the time (cProfile)."""
    from django.db import connection
    from django.test import Client

    client = Client()
    print(
        f"\nin-process, Django's test client (median of {runs}, of 3 for a page); one request's queries and their time"
    )
    for request in requests:
        client.get(request.url)
        times = []
        for _ in range(3 if request.page else runs):
            start = time.perf_counter()
            client.get(request.url)
            times.append((time.perf_counter() - start) * 1000)
        spent: list[float] = []

        def timed(execute, sql, params, many, context, spent=spent):
            start = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                spent.append((time.perf_counter() - start) * 1000)

        with connection.execute_wrapper(timed):
            client.get(request.url)
        print(f"  {request.name:<40} {statistics.median(times):8.1f} ms   {len(spent):>3} queries, "
              f"{sum(spent):7.2f} ms executing them")  # fmt: skip
        if any(word.lower() in request.name.lower() for word in names):
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(5):
                client.get(request.url)
            profiler.disable()
            print(f"\n  cProfile of 5 x {request.url}: the 25 functions with the most own time")
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", required=True, help="a migrated viennaplan SQLite database")
    parser.add_argument("--rounds", type=int, default=60, help="timed rounds of every request (default 60)")
    parser.add_argument("--page-rounds", type=int, default=10, help="timed rounds of the pages (default 10)")
    parser.add_argument("--warm", type=int, default=3, help="untimed rounds first (default 3)")
    parser.add_argument("--state", default="CHE", help="the State of the per-State requests (default CHE)")
    parser.add_argument(
        "--as-of", default="", help="date of the treaty requests (default: the latest action; the panel: today)"
    )
    parser.add_argument(
        "--series", type=int, default=4, help="indicator series to time, of different sources (default 4)"
    )
    parser.add_argument("--only", default="", help="only the requests whose names contain one of these words")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown too")
    parser.add_argument("--datasette", default="", help="the datasette executable (default: its own venv)")
    parser.add_argument("--profile", default=None, nargs="?", const="",
                        help="afterwards, in-process: queries per request; cProfile of the requests named")  # fmt: skip
    options = parser.parse_args()

    file = Path(options.file).resolve()
    if not file.is_file():
        sys.exit(f"{file}: no such file")
    wal = file.with_name(file.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        print(f"checkpointing {wal.name} into {file.name} (Datasette opens the file immutable, without its WAL)")
        with sqlite3.connect(file) as writer:
            writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = sqlite3.connect(f"file:{urllib.parse.quote(str(file))}?immutable=1", uri=True)
    demo_cycles = one(db, "SELECT count(*) FROM reporting_reportingcycle WHERE is_demo")
    real_cycles = one(db, "SELECT count(*) FROM reporting_reportingcycle WHERE NOT is_demo")
    demo = bool(demo_cycles) and not real_cycles

    var_dir = tempfile.mkdtemp(prefix="viennaplan-compare-")
    env = viennaplan_environment(file, var_dir, demo)
    os.environ.update(env)
    for name in ("DATABASE_URL", "VIENNAPLAN_DEMO", "VIENNAPLAN_DEMO_DATABASE_URL"):
        if name not in env:
            os.environ.pop(name, None)
    import django

    django.setup()  # the treaty rules are read from code, and --profile runs the app in-process
    requests, skipped = build_requests(db, options, demo)
    datasette = datasette_executable(options.datasette)
    version = subprocess.run([str(datasette), "--version"], capture_output=True, text=True).stdout.strip()

    ours_port, theirs_port = free_port(), free_port()
    ours_log, theirs_log = Path(var_dir) / "gunicorn.log", Path(var_dir) / "datasette.log"
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "viennaplan.wsgi:application", "--workers", "2", "--threads", "4",
         "--bind", f"127.0.0.1:{ours_port}"],
        env=env, stdout=subprocess.DEVNULL, stderr=ours_log.open("wb"),
    )  # fmt: skip
    other = subprocess.Popen(
        [str(datasette), "serve", "-i", str(file), "--host", "127.0.0.1", "--port", str(theirs_port),
         "--setting", "sql_time_limit_ms", "120000", "--setting", "max_returned_rows", "1000000"],
        stdout=subprocess.DEVNULL, stderr=theirs_log.open("wb"),
    )  # fmt: skip
    try:
        wait_until_listening(ours_port, 60)
        wait_until_listening(theirs_port, 60)
        ours, theirs = Connection(ours_port), Connection(theirs_port)
        database = json.loads(theirs.get("/-/databases.json")[1])[0]["name"]
        print(f"file: {file} ({file.stat().st_size / 2**20:,.0f} MB){' — demonstration cycles' if demo else ''}")
        print(f"viennaplan: gunicorn 2 workers x 4 threads on :{ours_port};  {version} on :{theirs_port} (immutable)")
        for note in skipped:
            print(f"  note: {note}")
        figures = check(requests, ours, theirs, database)
        pages = min(options.rounds, options.page_rounds)
        print(f"\n{len(requests)} requests, {options.warm} warm-up rounds, then {options.rounds} rounds interleaved "
              f"(the side that goes first alternates; the pages in {pages} of them)")  # fmt: skip
        measure(requests, figures, ours, theirs, database, options.rounds, options.page_rounds, options.warm)
        memory = {"viennaplan (gunicorn)": resident_mb(server.pid), "Datasette": resident_mb(other.pid)}
        ours.close()
        theirs.close()
    except SystemExit:
        for label, log in (("gunicorn", ours_log), ("Datasette", theirs_log)):
            print(f"the end of {label}'s log:\n{log.read_text(errors='replace')[-2000:]}", file=sys.stderr)
        raise
    finally:
        for process in (server, other):
            process.terminate()
        for process in (server, other):
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    print(f"\nbare SQL: Python's sqlite3 {sqlite3.sqlite_version}, in-process, the file immutable, median of "
          f"{options.rounds} runs with fetchall")  # fmt: skip
    for request in requests:
        if not request.page:
            figures[request.name].bare = bare_ms(db, request.sql, request.params, options.rounds)

    print(f"\n{table(requests, figures, markdown=False)}")
    print("\nresponse sizes (viennaplan / Datasette) and where the SQL's answer is not exactly viennaplan's:")
    for request in requests:
        figure = figures[request.name]
        print(f"  {request.name:<40} {figure.sizes:<22} {request.note}")
    print("\nmemory (VmRSS) after the run:")
    for label, processes in memory.items():
        print(f"  {label}: " + ", ".join(f"pid {pid} {mb} MB" for pid, mb in processes))
    if options.markdown:
        print(f"\n{table(requests, figures, markdown=True)}")
    if options.profile is not None:
        profile(requests, [word for word in options.profile.split(",") if word])
    shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
