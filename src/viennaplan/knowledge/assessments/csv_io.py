"""Corruption assessments in and out as CSV: `import_assessments` (all or nothing) and `write_csv`.

The file is UTF-8 text (`viennaplan.textfiles`), comma-separated, with a header row naming every
column of `rules.COLUMNS` (in any order; the export writes them in that order) and one assessment per
row; the row rules are in `rules.py`. An assessment is matched by its State and key: importing a file
creates the assessments it does not know (in bulk, with their history) and brings the others up to
it, so importing the same file twice changes nothing (no save, no history). Assessments stored but
absent from the file are left as they are.

All or nothing: a file with any bad row stores nothing, and every bad row is reported (row, column,
value, why; row 1 is the header). The search's entries are brought up to date in the same
transaction (`search.deferred` for the rows saved one by one, `search.reindex` for those created in
bulk). The export writes every assessment (drafts too: it is the Secretariat's file) in the import's
layout, each cell through `viennaplan.cells.safe_text` (and the import reads each through
`plain_text`), so export -> import -> export gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext

from viennaplan.knowledge import search
from viennaplan.rowerrors import FileRefused, RowError

from .. import bulk, csvfile
from . import rules
from .models import Assessment, AssessmentProvision, AssessmentSector, AssessmentType
from .rules import COLUMNS, AssessmentRecord, Known

KEY = "assessments"
# The columns stored as they are on the Assessment; the others identify it or are child rows.
LINKING_COLUMNS = ("state", "key", "sectors", "types", "provisions")
SCALAR_FIELDS = tuple(column for column in COLUMNS if column not in LINKING_COLUMNS)


class AssessmentsRefused(FileRefused):
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
        figures = {
            "file": self.source_name,
            "rows": self.rows,
            "created": self.created,
            "changed": self.changed,
            "unchanged": self.unchanged,
        }
        if self.dry_run:
            message = gettext(
                "%(file)s: %(rows)s assessments; %(created)s would be created, %(changed)s changed, "
                "%(unchanged)s unchanged (dry run: nothing was stored)"
            )
        elif not (self.created or self.changed):
            message = gettext("%(file)s: %(rows)s assessments; %(unchanged)s unchanged; nothing changed")
        else:
            message = gettext(
                "%(file)s: %(rows)s assessments; %(created)s created, %(changed)s changed, %(unchanged)s unchanged"
            )
        return message % figures


def known_now() -> Known:
    """The States of the country registry and the provisions' paths of the current plan."""
    from viennaplan.countries.models import Country
    from viennaplan.plan.models import PlanVersion, Provision

    current = PlanVersion.current()
    paths = Provision.objects.filter(version=current).values_list("path", flat=True) if current else []
    return Known(states=frozenset(Country.objects.values_list("alpha3", flat=True)), paths=frozenset(paths))


def read_rows(data: bytes) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    """The rows of the file as (row, cells by column), and what is wrong with the file itself."""
    return csvfile.read_rows(
        data,
        COLUMNS,
        expected=gettext("expected a CSV text file of corruption assessments"),
        not_a_column=gettext("not a column of the assessments file"),
    )


def check_file(data: bytes, known: Known) -> tuple[list[AssessmentRecord], list[RowError]]:
    """Every row checked, then a (State, key) given twice."""
    rows, errors = read_rows(data)
    records: list[AssessmentRecord] = []
    for number, cells in rows:
        parsed = rules.parse_row(number, cells, known)
        if isinstance(parsed, list):
            errors.extend(parsed)
        else:
            records.append(parsed)
    seen: dict[tuple[str, str], int] = {}
    for record in records:
        first = seen.setdefault((record.state, record.key), record.row)
        if first != record.row:
            errors.append(
                RowError(
                    record.row, "key", record.key, gettext("the same State and key as row %(row)s") % {"row": first}
                )
            )
    errors.sort(key=lambda error: error.row)
    return records, errors


def scalars(record: AssessmentRecord) -> dict:
    return {**{name: getattr(record, name) for name in SCALAR_FIELDS}, "year": record.year}


def import_assessments(data: bytes, *, source_name: str, dry_run: bool = False) -> Outcome:
    """Store the assessments of a CSV file, all or nothing; AssessmentsRefused listing every problem otherwise."""
    records, errors = check_file(data, known_now())
    if errors:
        raise AssessmentsRefused(source_name, errors)
    outcome = Outcome(source_name=source_name, rows=len(records), dry_run=dry_run)
    reason = f"import {source_name}"[:100]
    with transaction.atomic(), search.deferred():
        states = {record.state for record in records}
        stored = {
            (assessment.state_id, assessment.key): assessment
            for assessment in Assessment.objects.filter(state__in=states).prefetch_related(
                "sectors", "types", "provisions"
            )
        }
        new: list[tuple[Assessment, AssessmentRecord]] = []
        touched: list[int] = []
        for record in records:
            assessment = stored.get((record.state, record.key))
            if assessment is None:
                new.append((Assessment(state_id=record.state, key=record.key, **scalars(record)), record))
                continue
            changes = {name: value for name, value in scalars(record).items() if getattr(assessment, name) != value}
            changed = False
            if changes:
                for name, value in changes.items():
                    setattr(assessment, name, value)
                assessment._change_reason = reason
                assessment.save()
                changed = True
            if sync_children(assessment, record, reason):
                changed = True
            if changed:
                touched.append(assessment.pk)
        if new:
            created = bulk.create_with_history(Assessment, [assessment for assessment, _record in new], reason)
            for (assessment, _record), stored_row in zip(new, created, strict=True):
                assessment.pk = stored_row.pk
            for child, field, values in (
                (AssessmentSector, "sector", "sectors"),
                (AssessmentType, "type", "types"),
                (AssessmentProvision, "path", "provisions"),
            ):
                rows = [
                    child(assessment_id=assessment.pk, **{field: value})
                    for assessment, record in new
                    for value in getattr(record, values)
                ]
                bulk.create_with_history(child, rows, reason)
        outcome.created = len(new)
        outcome.changed = len(touched)
        outcome.unchanged = outcome.rows - outcome.created - outcome.changed
        if new:  # created in bulk: no save signal
            search.reindex(KEY, [assessment.pk for assessment, _record in new])
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def sync_children(assessment: Assessment, record: AssessmentRecord, reason: str) -> bool:
    """The assessment's sectors, types and provisions made those of the record; whether any changed."""
    changed = False
    for child, field, related, wanted in (
        (AssessmentSector, "sector", "sectors", record.sectors),
        (AssessmentType, "type", "types", record.types),
        (AssessmentProvision, "path", "provisions", record.provisions),
    ):
        have = {getattr(row, field): row for row in getattr(assessment, related).all()}
        for value in set(have) - set(wanted):
            have[value]._change_reason = reason
            have[value].delete()
            changed = True
        for value in [value for value in wanted if value not in have]:
            row = child(assessment=assessment, **{field: value})
            row._change_reason = reason
            row.save()
            changed = True
    return changed


def assessment_row(assessment: Assessment) -> list[str]:
    """The cells of one assessment, in the order of `COLUMNS`."""
    cells = {
        "state": assessment.state_id,
        "key": assessment.key,
        "title": assessment.title,
        "scope": assessment.scope,
        "sectors": rules.write_list(
            rules.in_list_order([row.sector for row in assessment.sectors.all()], rules.SECTORS)
        ),
        "types": rules.write_list(rules.in_list_order([row.type for row in assessment.types.all()], rules.TYPES)),
        "causes": assessment.causes,
        "effects": assessment.effects,
        "cost_amount": rules.write_amount(assessment.cost_amount),
        "cost_currency": assessment.cost_currency,
        "cost_year": str(assessment.cost_year) if assessment.cost_year else "",
        "method": assessment.method,
        "sample_size": str(assessment.sample_size) if assessment.sample_size else "",
        "sample_description": assessment.sample_description,
        "fieldwork_start": assessment.fieldwork_start.isoformat() if assessment.fieldwork_start else "",
        "fieldwork_end": assessment.fieldwork_end.isoformat() if assessment.fieldwork_end else "",
        "published_on": assessment.published_on.isoformat(),
        "publisher": assessment.publisher,
        "official_url": assessment.official_url,
        "provisions": rules.write_provisions([row.path for row in assessment.provisions.all()]),
        "published": rules.YES if assessment.published else rules.NO,
    }
    return [cells[name] for name in COLUMNS]


def write_csv(assessments: Iterable[Assessment] | None = None) -> str:
    """The assessments (every one when None) in the import's layout, ordered by State and key."""
    if assessments is None:
        assessments = Assessment.objects.prefetch_related("sectors", "types", "provisions")
    ordered = sorted(assessments, key=lambda a: (a.state_id, a.key))
    return csvfile.write_rows(COLUMNS, [assessment_row(assessment) for assessment in ordered])


def export_csv() -> str:
    return write_csv()
