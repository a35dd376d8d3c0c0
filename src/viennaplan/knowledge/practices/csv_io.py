"""Best practices in and out as CSV: `import_practices` (all or nothing) and `write_csv`.

One file, practices and their evaluations (see `rules.py` for the columns): each practice's row, then
the rows of its evaluations. A practice is matched by its key, an evaluation by its practice's key, its
evaluator and its date: importing a file creates what it does not know and brings the rest up to it,
so importing the same file twice changes nothing (no save, no history). A practice's States and
provisions become those of its row. Practices and evaluations stored but absent from the file are left
as they are (an evaluation is removed in the admin); a file may hold evaluations only, of stored
practices.

All or nothing: a file with any bad row stores nothing, and every bad row is reported (row, column,
value, why; row 1 is the header). The export writes every record (drafts too: it is the Secretariat's
file) in the import's layout, each cell through `viennaplan.cells.safe_text` (and the import reads each
through `plain_text`), so export -> import -> export gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext

from viennaplan.cells import safe_text
from viennaplan.knowledge import search
from viennaplan.rowerrors import FileRefused, RowError

from .. import bulk, csvfile
from . import rules
from .models import Evaluation, Practice, PracticeProvision, PracticeState
from .rules import COLUMNS, EvaluationRecord, Known, PracticeRecord

PRACTICE_FIELDS = (
    "title",
    "summary",
    "description",
    "area",
    "organisation",
    "period_from",
    "period_to",
    "url",
    "published",
)
EVALUATION_FIELDS = ("method", "result", "findings", "url", "published")
KEY = "practices"  # the collection's key in the search
BATCH = 2000


class PracticesRefused(FileRefused):
    """Nothing was imported; `errors` lists every problem (RowError), in the order of the file."""


@dataclass
class Outcome:
    source_name: str
    practices: int = 0
    evaluations: int = 0
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        figures = {
            "file": self.source_name,
            "practices": self.practices,
            "evaluations": self.evaluations,
            "created": self.created,
            "changed": self.changed,
            "unchanged": self.unchanged,
        }
        if self.dry_run:
            message = gettext(
                "%(file)s: %(practices)s practices and %(evaluations)s evaluations; %(created)s would be created, "
                "%(changed)s changed, %(unchanged)s unchanged (dry run: nothing was stored)"
            )
        elif self.created or self.changed:
            message = gettext(
                "%(file)s: %(practices)s practices and %(evaluations)s evaluations; "
                "%(created)s created, %(changed)s changed, %(unchanged)s unchanged"
            )
        else:
            message = gettext("%(file)s: %(practices)s practices and %(evaluations)s evaluations; nothing changed")
        return message % figures


def known_now() -> Known:
    """The States of the country registry, the provisions' paths and chapters of the current plan."""
    from viennaplan.countries.models import Country
    from viennaplan.plan.models import Chapter, PlanVersion, Provision

    current = PlanVersion.current()
    paths = Provision.objects.filter(version=current).values_list("path", flat=True) if current else []
    chapters = Chapter.objects.filter(version=current).values_list("number", flat=True) if current else []
    return Known(
        states=frozenset(Country.objects.values_list("alpha3", flat=True)),
        paths=frozenset(paths),
        chapters=frozenset(chapters),
    )


def read_rows(data: bytes) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    """The rows of the file as (row, cells by column), and what is wrong with the file itself."""
    return csvfile.read_rows(
        data,
        COLUMNS,
        expected=gettext("expected a CSV text file of best practices"),
        not_a_column=gettext("not a column of the best practices file"),
    )


def check_file(data: bytes, known: Known) -> tuple[list[PracticeRecord], list[EvaluationRecord], list[RowError]]:
    """Every row checked, then what needs the other rows and the database: a key (or an evaluation's
    practice, evaluator and date) given twice, an evaluation of a practice neither in the file nor stored."""
    rows, errors = read_rows(data)
    practices: list[PracticeRecord] = []
    evaluations: list[EvaluationRecord] = []
    for number, cells in rows:
        parsed = rules.parse_row(number, cells, known)
        if isinstance(parsed, list):
            errors.extend(parsed)
        elif isinstance(parsed, PracticeRecord):
            practices.append(parsed)
        else:
            evaluations.append(parsed)
    # A key given twice is found on the rows' cells, so that a bad row still claims its key.
    seen: dict[str, int] = {}
    for number, cells in rows:
        value = rules.cleaned(cells)
        if value["record"] == rules.PRACTICE and value["key"]:
            first = seen.setdefault(value["key"], number)
            if first != number:
                errors.append(
                    RowError(number, "key", value["key"], gettext("the same key as row %(row)s") % {"row": first})
                )
    seen_evaluations: dict[tuple[str, str, object], int] = {}
    for record in evaluations:
        first = seen_evaluations.setdefault((record.key, record.evaluator, record.date), record.row)
        if first != record.row:
            errors.append(
                RowError(
                    record.row,
                    "date",
                    record.date.isoformat(),
                    gettext("the same practice, evaluator and date as row %(row)s") % {"row": first},
                )
            )
    wanted = {record.key for record in evaluations} - set(seen)
    stored = set(Practice.objects.filter(key__in=wanted).values_list("key", flat=True)) if wanted else set()
    for record in evaluations:
        if record.key not in seen and record.key not in stored:
            errors.append(
                RowError(record.row, "key", record.key, gettext("no practice with this key, in the file or stored"))
            )
    errors.sort(key=lambda error: error.row)
    return practices, evaluations, errors


def import_practices(data: bytes, *, source_name: str, dry_run: bool = False) -> Outcome:
    """Store the practices and evaluations of a CSV file, all or nothing; PracticesRefused otherwise."""
    practices, evaluations, errors = check_file(data, known_now())
    if errors:
        raise PracticesRefused(source_name, errors)
    outcome = Outcome(source_name=source_name, practices=len(practices), evaluations=len(evaluations), dry_run=dry_run)
    reason = f"import {source_name}"[:100]
    keys = sorted({record.key for record in practices} | {record.key for record in evaluations})
    with transaction.atomic(), search.deferred():  # saves re-index once, at the end
        stored = stored_practices(keys)
        new: list[tuple[Practice, PracticeRecord]] = []
        for record in practices:
            practice = stored.get(record.key)
            if practice is None:
                practice = Practice(key=record.key, **{name: getattr(record, name) for name in PRACTICE_FIELDS})
                stored[record.key] = practice
                new.append((practice, record))
                continue
            changes = {
                name: getattr(record, name)
                for name in PRACTICE_FIELDS
                if getattr(practice, name) != getattr(record, name)
            }
            changed = False
            if changes:
                for name, value in changes.items():
                    setattr(practice, name, value)
                practice._change_reason = reason
                practice.save()
                changed = True
            changed = sync_tags(practice, record, reason) or changed
            if changed:
                outcome.changed += 1
            else:
                outcome.unchanged += 1
        created_in_bulk = create_practices(new, reason)
        outcome.created += len(new)
        fresh = {practice.key for practice, _record in new}
        by_practice: dict[str, dict[tuple[str, object], Evaluation]] = {}
        added: list[Evaluation] = []
        for record in evaluations:
            practice = stored[record.key]
            known = by_practice.get(record.key)
            if known is None:
                known = {} if record.key in fresh else {(e.evaluator, e.date): e for e in practice.evaluations.all()}
                by_practice[record.key] = known
            evaluation = known.get((record.evaluator, record.date))
            if evaluation is None:
                evaluation = Evaluation(
                    practice_id=practice.pk,
                    evaluator=record.evaluator,
                    date=record.date,
                    **{name: getattr(record, name) for name in EVALUATION_FIELDS},
                )
                known[(record.evaluator, record.date)] = evaluation
                added.append(evaluation)
                outcome.created += 1
                continue
            changes = {
                name: getattr(record, name)
                for name in EVALUATION_FIELDS
                if getattr(evaluation, name) != getattr(record, name)
            }
            if changes:
                for name, value in changes.items():
                    setattr(evaluation, name, value)
                evaluation._change_reason = reason
                evaluation.save()
                outcome.changed += 1
            else:
                outcome.unchanged += 1
        bulk.create_with_history(Evaluation, added, reason)
        # Rows created in bulk send no signal: their practices are handed to the search here.
        in_bulk = created_in_bulk | {evaluation.practice_id for evaluation in added}
        if in_bulk:
            search.reindex(KEY, in_bulk)
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def stored_practices(keys: list[str]) -> dict[str, Practice]:
    """The stored practices with these keys (read in chunks: a bounded number of query parameters)."""
    found: dict[str, Practice] = {}
    for start in range(0, len(keys), BATCH):
        chunk = Practice.objects.filter(key__in=keys[start : start + BATCH])
        found.update(
            (practice.key, practice) for practice in chunk.prefetch_related("provisions", "states", "evaluations")
        )
    return found


def create_practices(new: list[tuple[Practice, PracticeRecord]], reason: str) -> set[int]:
    """The new practices, their provisions and States, stored in bulk with their history; their ids."""
    if not new:
        return set()
    created = bulk.create_with_history(Practice, [practice for practice, _record in new], reason)
    for (practice, _record), row in zip(new, created, strict=True):
        practice.pk = row.pk
        practice._state.adding = False
    provisions = [
        PracticeProvision(practice_id=practice.pk, path=path) for practice, record in new for path in record.provisions
    ]
    states = [
        PracticeState(practice_id=practice.pk, state_id=code) for practice, record in new for code in record.states
    ]
    bulk.create_with_history(PracticeProvision, provisions, reason)
    bulk.create_with_history(PracticeState, states, reason)
    return {practice.pk for practice, _record in new}


def sync_tags(practice: Practice, record: PracticeRecord, reason: str) -> bool:
    """A stored practice's provisions and States made those of the record; whether any changed."""
    provisions = {p.path: p for p in practice.provisions.all()}
    states = {s.state_id: s for s in practice.states.all()}
    changed = False
    for path in set(provisions) - set(record.provisions):
        provisions[path]._change_reason = reason
        provisions[path].delete()
        changed = True
    for path in sorted(set(record.provisions) - set(provisions)):
        link = PracticeProvision(practice=practice, path=path)
        link._change_reason = reason
        link.save()
        changed = True
    for code in set(states) - set(record.states):
        states[code]._change_reason = reason
        states[code].delete()
        changed = True
    for code in sorted(set(record.states) - set(states)):
        link = PracticeState(practice=practice, state_id=code)
        link._change_reason = reason
        link.save()
        changed = True
    return changed


def practice_row(practice: Practice) -> list[str]:
    """The cells of a practice's row, in the order of `COLUMNS`."""
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(
        record=rules.PRACTICE,
        key=practice.key,
        title=practice.title,
        summary=practice.summary,
        description=practice.description,
        area=practice.area,
        provisions=rules.write_provisions([p.path for p in practice.provisions.all()]),
        states=rules.write_states([s.state_id for s in practice.states.all()]),
        organisation=practice.organisation,
        period_from=str(practice.period_from) if practice.period_from else "",
        period_to=str(practice.period_to) if practice.period_to else "",
        url=practice.url,
        published=rules.YES if practice.published else rules.NO,
    )
    return [cells[name] for name in COLUMNS]


def evaluation_row(practice: Practice, evaluation: Evaluation) -> list[str]:
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(
        record=rules.EVALUATION,
        key=practice.key,
        evaluator=evaluation.evaluator,
        date=evaluation.date.isoformat(),
        method=evaluation.method,
        result=evaluation.result,
        findings=evaluation.findings,
        url=evaluation.url,
        published=rules.YES if evaluation.published else rules.NO,
    )
    return [cells[name] for name in COLUMNS]


def write_csv() -> str:
    """Every practice by key, each followed by its evaluations by date and evaluator, in the import's layout.

    A carriage return in a cell is written as a line feed: with "\\n" line ends the csv module would
    not quote it, and a program reading the file would start a new row there."""
    practices = Practice.objects.order_by("key").prefetch_related("provisions", "states", "evaluations")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for practice in practices:
        rows = [practice_row(practice)]
        for evaluation in sorted(practice.evaluations.all(), key=lambda e: (e.date, e.evaluator)):
            rows.append(evaluation_row(practice, evaluation))
        for row in rows:
            writer.writerow([safe_text(cell).replace("\r\n", "\n").replace("\r", "\n") for cell in row])
    return buffer.getvalue()
