"""Organized-crime patterns and trends in and out as CSV: `import_patterns` (all or nothing) and `write_csv`.

The file is UTF-8 text (`viennaplan.textfiles`), comma-separated, with a header row naming every column
of `rules.COLUMNS` (in any order; the export writes them in that order) and one record per row; the row
rules are in `rules.py`. A record is matched by its key: importing a file creates the records it does
not know and brings the others up to it, so importing the same file twice changes nothing (no save, no
history). Records stored but absent from the file are left as they are.

All or nothing: a file with any bad row stores nothing, and every bad row is reported (row, column,
value, why; row 1 is the header). New records and their rows are written in bulk with their history;
changed ones are saved one by one (history with the import's name as the reason). The search over the
collections (`knowledge.search`) re-indexes every record written once, at the end, in the same
transaction (`search.deferred`). The export writes
every record (drafts too: it is the Secretariat's file) in the import's layout, each cell through
`viennaplan.cells.safe_text` (the import reads each through `plain_text`), so export -> import -> export
gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext

from viennaplan.cells import safe_text
from viennaplan.knowledge import search
from viennaplan.rowerrors import FileRefused, RowError

from .. import bulk, csvfile
from . import rules
from .models import (
    PatternCrimeType,
    PatternInstrument,
    PatternProvision,
    PatternRecord,
    PatternRegion,
    PatternState,
)
from .rules import COLUMNS, Known

SCALAR_FIELDS = (
    "kind",
    "title",
    "summary",
    "period_from",
    "period_to",
    "year_from",
    "year_to",
    "latitude",
    "longitude",
    "source",
    "source_url",
    "confidence",
    "published",
)
BATCH = 2000
KEY = "patterns"  # the collection's key in the search index


class PatternsRefused(FileRefused):
    """Nothing was imported; `errors` lists every problem (RowError), in the order of the file."""


@dataclass
class Outcome:
    source_name: str
    rows: int = 0
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        text = gettext(
            "%(file)s: %(rows)s records; %(created)s created, %(changed)s changed, %(unchanged)s unchanged"
        ) % {
            "file": self.source_name,
            "rows": self.rows,
            "created": self.created,
            "changed": self.changed,
            "unchanged": self.unchanged,
        }
        if self.dry_run:
            return gettext("%(summary)s (dry run: nothing was stored)") % {"summary": text}
        if not (self.created or self.changed):
            return gettext("%(summary)s; nothing changed") % {"summary": text}
        return text


def known_regions() -> dict[str, str]:
    """M49 code -> English name of every region, sub-region and intermediate region of the registry."""
    from viennaplan.countries.models import Country

    found: dict[str, str] = {}
    levels = ("region", "subregion", "intermediate_region")
    for row in Country.objects.values(*levels, *(f"{level}_m49" for level in levels)):
        for level in levels:
            if row[f"{level}_m49"]:
                found[row[f"{level}_m49"]] = row[level]
    return dict(sorted(found.items()))


def known_now() -> Known:
    """The States of the country registry, its M49 regions and the provisions' paths of the current plan."""
    from viennaplan.countries.models import Country
    from viennaplan.plan.models import PlanVersion, Provision

    current = PlanVersion.current()
    paths = Provision.objects.filter(version=current).values_list("path", flat=True) if current else []
    return Known(
        states=frozenset(Country.objects.values_list("alpha3", flat=True)),
        regions=frozenset(known_regions()),
        paths=frozenset(paths),
    )


def read_rows(data: bytes) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    """The rows of the file as (row, cells by column), and what is wrong with the file itself."""
    return csvfile.read_rows(
        data,
        COLUMNS,
        expected=gettext("expected a CSV text file of organized-crime patterns and trends"),
        not_a_column=gettext("not a column of the patterns and trends file"),
    )


def check_file(data: bytes, known: Known) -> tuple[list[rules.PatternRecord], list[RowError]]:
    """Every row checked, then a key given twice in the file."""
    rows, errors = read_rows(data)
    records: list[rules.PatternRecord] = []
    for number, cells in rows:
        parsed = rules.parse_row(number, cells, known)
        if isinstance(parsed, list):
            errors.extend(parsed)
        else:
            records.append(parsed)
    seen: dict[str, int] = {}
    for record in records:
        first = seen.setdefault(record.key, record.row)
        if first != record.row:
            errors.append(
                RowError(record.row, "key", record.key, gettext("the same key as row %(row)s") % {"row": first})
            )
    errors.sort(key=lambda error: error.row)
    return records, errors


# What each record lists, as stored: (child model, the record's tuple -> the child's values)
def _wanted(record: rules.PatternRecord) -> dict[type, set[tuple]]:
    return {
        PatternCrimeType: {(code,) for code in record.crime_types},
        PatternState: set(record.states),
        PatternRegion: {(code,) for code in record.regions},
        PatternInstrument: {(code,) for code in record.instruments},
        PatternProvision: {(path,) for path in record.provisions},
    }


CHILD_FIELDS: dict[type, tuple[str, ...]] = {
    PatternCrimeType: ("crime_type",),
    PatternState: ("role", "state_id"),
    PatternRegion: ("m49",),
    PatternInstrument: ("instrument_id",),
    PatternProvision: ("path",),
}
RELATED = {
    PatternCrimeType: "crime_types",
    PatternState: "states",
    PatternRegion: "regions",
    PatternInstrument: "instruments",
    PatternProvision: "provisions",
}


def _child(model: type, record: PatternRecord, values: tuple) -> object:
    return model(record=record, **dict(zip(CHILD_FIELDS[model], values, strict=True)))


def _stored(record: PatternRecord) -> dict[type, dict[tuple, object]]:
    return {
        model: {
            tuple(getattr(row, name) for name in CHILD_FIELDS[model]): row for row in getattr(record, related).all()
        }
        for model, related in RELATED.items()
    }


def import_patterns(data: bytes, *, source_name: str, dry_run: bool = False) -> Outcome:
    """Store the records of a CSV file, all or nothing; PatternsRefused listing every problem otherwise."""
    records, errors = check_file(data, known_now())
    if errors:
        raise PatternsRefused(source_name, errors)
    outcome = Outcome(source_name=source_name, rows=len(records), dry_run=dry_run)
    reason = f"import {source_name}"[:100]
    with transaction.atomic(), search.deferred():
        stored: dict[str, PatternRecord] = {}
        keys = [record.key for record in records]
        for start in range(0, len(keys), BATCH):
            found = PatternRecord.objects.filter(key__in=keys[start : start + BATCH]).prefetch_related(
                *RELATED.values()
            )
            stored.update((row.key, row) for row in found)
        new = [record for record in records if record.key not in stored]
        if new:
            created = bulk.create_with_history(
                PatternRecord,
                [PatternRecord(key=r.key, **{name: getattr(r, name) for name in SCALAR_FIELDS}) for r in new],
                reason,
            )
            by_key = {row.key: row for row in created}
            for model in CHILD_FIELDS:
                children = [_child(model, by_key[r.key], values) for r in new for values in sorted(_wanted(r)[model])]
                if children:
                    bulk.create_with_history(model, children, reason)
            search.note(KEY, [row.pk for row in created])  # written without save(): no signal
            outcome.created = len(created)
        for record in records:
            row = stored.get(record.key)
            if row is None:
                continue
            changed = False
            changes = {
                name: getattr(record, name) for name in SCALAR_FIELDS if getattr(row, name) != getattr(record, name)
            }
            if changes:
                for name, value in changes.items():
                    setattr(row, name, value)
                row._change_reason = reason
                row.save()
                changed = True
            have = _stored(row)
            for model, wanted in _wanted(record).items():
                for values in set(have[model]) - wanted:
                    child = have[model][values]
                    child._change_reason = reason
                    child.delete()
                    changed = True
                for values in sorted(wanted - set(have[model])):
                    child = _child(model, row, values)
                    child._change_reason = reason
                    child.save()
                    changed = True
            if changed:
                outcome.changed += 1
        outcome.unchanged = outcome.rows - outcome.created - outcome.changed
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def record_row(record: PatternRecord) -> list[str]:
    """The cells of one record, in the order of `COLUMNS` (its child rows prefetched)."""
    states = {role: sorted(s.state_id for s in record.states.all() if s.role == role) for role in rules.ROLES}
    return [
        record.key,
        record.kind,
        record.title,
        record.summary,
        record.period_from,
        record.period_to,
        rules.write_list(sorted((c.crime_type for c in record.crime_types.all()), key=rules.crime_order)),
        rules.write_list(states[rules.ORIGIN]),
        rules.write_list(states[rules.TRANSIT]),
        rules.write_list(states[rules.DESTINATION]),
        rules.write_list(sorted(r.m49 for r in record.regions.all())),
        rules.write_coordinate(record.latitude),
        rules.write_coordinate(record.longitude),
        record.source,
        record.source_url,
        record.confidence,
        rules.write_list(sorted((i.instrument_id for i in record.instruments.all()), key=rules.instrument_order)),
        rules.write_list(sorted((p.path for p in record.provisions.all()), key=rules.path_order)),
        rules.YES if record.published else rules.NO,
    ]


def write_csv(records: Iterable[PatternRecord] | None = None) -> str:
    """The records (every one when None) in the import's layout, ordered by key. A carriage return in a
    cell is written as a line feed (see legislation_csv.write_csv)."""
    if records is None:
        records = PatternRecord.objects.prefetch_related(*RELATED.values())
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in sorted(records, key=lambda record: record.key):
        writer.writerow([safe_text(cell).replace("\r\n", "\n").replace("\r", "\n") for cell in record_row(record)])
    return buffer.getvalue()
