"""The record of firearms regulations in and out as CSV: `import_regulations` (all or nothing) and `write_csv`.

The file is UTF-8 text, comma-separated, with a header row naming every column of
`regulations.COLUMNS` (in any order; the export writes them in that order) and one row per State, round
and topic; the row rules are in `regulations.py`. A State's round is matched by State and year, a topic
by its path: importing a file creates what it does not know and brings the rest up to it, so importing
the same file twice changes nothing (no save, no history). The rows of a State's round in the file are
the whole of that round: a topic stored for it but absent from the file is removed. Rounds absent from
the file are left as they are. `law` names the key of a law of the same State in the national
legislation database; `published` must be the same on every row of a round.

All or nothing: a file with any bad row stores nothing, and every bad row is reported (row, column,
value, why; row 1 is the header). The export writes every round (drafts too: it is the Secretariat's
file) in the import's layout, each cell through `viennaplan.cells.safe_text` (the import reads each
through `plain_text`), so export -> import -> export gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext

from viennaplan.cells import safe_text
from viennaplan.rowerrors import FileRefused, RowError

from .. import bulk, csvfile, search
from . import regulations
from .models import Regulation, RegulationTopic
from .regulations import COLUMNS, TopicRecord

COMPARED = ("summary", "law_citation", "official_url")


class RegulationsRefused(FileRefused):
    """Nothing was imported; `errors` lists every problem (RowError), in the order of the file."""


@dataclass
class Outcome:
    source_name: str
    rows: int = 0
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        text = gettext(
            "%(file)s: %(rows)s topics; %(created)s created, %(changed)s changed, %(unchanged)s unchanged, "
            "%(removed)s removed"
        ) % {
            "file": self.source_name,
            "rows": self.rows,
            "created": self.created,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "removed": self.removed,
        }
        if self.dry_run:
            return gettext("%(summary)s (dry run: nothing was stored)") % {"summary": text}
        if not (self.created or self.changed or self.removed):
            return gettext("%(summary)s; nothing changed") % {"summary": text}
        return text


def read_rows(data: bytes) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    """The rows of the file as (row, cells by column), and what is wrong with the file itself."""
    return csvfile.read_rows(
        data,
        COLUMNS,
        expected=gettext("expected a CSV text file of firearms regulations"),
        not_a_column=gettext("not a column of the firearms regulations file"),
    )


def check_file(data: bytes) -> tuple[list[TopicRecord], dict[tuple[str, str], int], list[RowError]]:
    """Every row checked, then what needs the other rows and the database: a State, round and topic
    given twice, a round published on one row and not on another, a law the State does not have.
    Also answers the laws named, by (State, key) -> id."""
    from viennaplan.countries.models import Country
    from viennaplan.knowledge.models import Law

    rows, errors = read_rows(data)
    states = frozenset(Country.objects.values_list("alpha3", flat=True))
    records: list[TopicRecord] = []
    for number, cells in rows:
        parsed = regulations.parse_row(number, cells, states)
        if isinstance(parsed, list):
            errors.extend(parsed)
        else:
            records.append(parsed)
    seen: dict[tuple[str, int, str], int] = {}
    published: dict[tuple[str, int], tuple[bool, int]] = {}
    for record in records:
        first = seen.setdefault((record.state, record.round, record.topic), record.row)
        if first != record.row:
            errors.append(
                RowError(
                    record.row,
                    "topic",
                    record.topic,
                    gettext("the same State, round and topic as row %(row)s") % {"row": first},
                )
            )
        flag, row = published.setdefault((record.state, record.round), (record.published, record.row))
        if flag != record.published:
            errors.append(
                RowError(
                    record.row,
                    "published",
                    regulations.YES if record.published else regulations.NO,
                    gettext("row %(row)s of the same State and round says otherwise: a round is published as a whole")
                    % {"row": row},
                )
            )
    wanted = {(record.state, record.law) for record in records if record.law}
    laws: dict[tuple[str, str], int] = {}
    if wanted:
        for pk, state, key in Law.objects.filter(
            state__in={state for state, _key in wanted}, key__in={key for _state, key in wanted}
        ).values_list("pk", "state_id", "key"):
            laws[(state, key)] = pk
    for record in records:
        if record.law and (record.state, record.law) not in laws:
            errors.append(
                RowError(
                    record.row,
                    "law",
                    record.law,
                    gettext("no law of %(state)s with this key in the national legislation database")
                    % {"state": record.state},
                )
            )
    errors.sort(key=lambda error: error.row)
    return records, laws, errors


def import_regulations(data: bytes, *, source_name: str, dry_run: bool = False) -> Outcome:
    """Store the topics of a CSV file, all or nothing; RegulationsRefused listing every problem otherwise."""
    records, laws, errors = check_file(data)
    if errors:
        raise RegulationsRefused(source_name, errors)
    outcome = Outcome(source_name=source_name, rows=len(records), dry_run=dry_run)
    reason = f"import {source_name}"[:100]
    rounds: dict[tuple[str, int], list[TopicRecord]] = {}
    for record in records:
        rounds.setdefault((record.state, record.round), []).append(record)
    # saves and deletes re-index their round once at the end (deferred); bulk-created rows are re-indexed here
    with transaction.atomic(), search.deferred():
        stored = {
            (regulation.state_id, regulation.round): regulation
            for regulation in Regulation.objects.filter(state__in={state for state, _round in rounds})
        }
        new = [
            Regulation(state_id=state, round=year, published=rows[0].published)
            for (state, year), rows in rounds.items()
            if (state, year) not in stored
        ]
        if new:
            bulk.create_with_history(Regulation, new, reason)
            for regulation in Regulation.objects.filter(
                state__in={r.state_id for r in new}, round__in={r.round for r in new}
            ):
                stored.setdefault((regulation.state_id, regulation.round), regulation)
        reindexed: set[int] = {stored[(r.state_id, r.round)].pk for r in new}
        for key, rows in rounds.items():
            regulation = stored[key]
            if regulation.published != rows[0].published:
                regulation.published = rows[0].published
                regulation._change_reason = reason
                regulation.save()
        existing: dict[tuple[int, str], RegulationTopic] = {
            (topic.regulation_id, topic.topic): topic
            for topic in RegulationTopic.objects.filter(regulation__in=[r.pk for r in stored.values()])
        }
        in_file: set[tuple[int, str]] = set()
        created: list[RegulationTopic] = []
        for record in records:
            regulation = stored[(record.state, record.round)]
            in_file.add((regulation.pk, record.topic))
            law_id = laws.get((record.state, record.law)) if record.law else None
            topic = existing.get((regulation.pk, record.topic))
            if topic is None:
                created.append(
                    RegulationTopic(
                        regulation=regulation,
                        topic=record.topic,
                        summary=record.summary,
                        law_id=law_id,
                        law_citation=record.law_citation,
                        official_url=record.official_url,
                    )
                )
                continue
            changes = {
                name: getattr(record, name) for name in COMPARED if getattr(topic, name) != getattr(record, name)
            }
            if topic.law_id != law_id:
                changes["law_id"] = law_id
            if changes:
                for name, value in changes.items():
                    setattr(topic, name, value)
                topic._change_reason = reason
                topic.save()
                outcome.changed += 1
            else:
                outcome.unchanged += 1
        if created:
            bulk.create_with_history(RegulationTopic, created, reason)
            outcome.created = len(created)
            reindexed.update(topic.regulation_id for topic in created)
        file_rounds = {stored[key].pk for key in rounds}
        for (regulation_id, path), topic in existing.items():
            if regulation_id in file_rounds and (regulation_id, path) not in in_file:
                topic._change_reason = reason
                topic.delete()
                outcome.removed += 1
        if reindexed and not dry_run:
            search.reindex("firearms", reindexed)
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def topic_row(topic: RegulationTopic) -> list[str]:
    """The cells of one topic, in the order of `COLUMNS`."""
    regulation = topic.regulation
    return [
        regulation.state_id,
        str(regulation.round),
        topic.topic,
        topic.summary,
        topic.law.key if topic.law else "",
        topic.law_citation,
        topic.official_url,
        regulations.YES if regulation.published else regulations.NO,
    ]


def write_csv(topics: Iterable[RegulationTopic] | None = None) -> str:
    """The topics (every one when None) in the import's layout, by State, round and topic.

    A carriage return in a cell is written as a line feed (as the legislation export does)."""
    if topics is None:
        topics = RegulationTopic.objects.select_related("regulation", "law")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for topic in sorted(
        topics,
        key=lambda t: (t.regulation.state_id, t.regulation.round, regulations.topic_order(t.topic), t.topic),
    ):
        writer.writerow([safe_text(cell).replace("\r\n", "\n").replace("\r", "\n") for cell in topic_row(topic)])
    return buffer.getvalue()
