"""National legislation in and out as CSV: `import_legislation` (all or nothing) and `write_csv`.

The file is UTF-8 text (`viennaplan.textfiles`), comma-separated, with a header row naming every
column of `legislation.COLUMNS` (in any order; the export writes them in that order) and one law per
row; the row rules are in `legislation.py`. A law is matched by its State and key: importing a file
creates the laws it does not know and brings the others up to it, so importing the same file twice
changes nothing (no save, no history). A law's `amended_by` and `repealed_by` name the key of another
law of the same State, in the file or already stored. The `articles` cell lists the articles the law
implements; the extract of each is written in the admin, and an import keeps the extracts of the
articles it still lists. Laws stored but absent from the file are left as they are.

All or nothing: a file with any bad row stores nothing, and every bad row is reported (row, column,
value, why; row 1 is the header). The export writes every law (drafts too: it is the Secretariat's
file) in the import's layout, each cell through `viennaplan.cells.safe_text` (and the import reads
each through `plain_text`), so export -> import -> export gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import operator
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext

from viennaplan.cells import safe_text
from viennaplan.rowerrors import FileRefused, RowError

from . import bulk, csvfile, legislation, search
from .legislation import COLUMNS, Known, LawRecord
from .models import Law, LawArticle, LawProvision

# The columns stored as they are on the Law; the others name other rows (the State, the
# amending or repealing act, the articles, the provisions) or identify the law (its key).
LINKING_COLUMNS = ("state", "key", "amended_by", "repealed_by", "articles", "provisions")
SCALAR_FIELDS = tuple(column for column in COLUMNS if column not in LINKING_COLUMNS)


class LegislationRefused(FileRefused):
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
        text = (
            f"{self.source_name}: {self.rows} laws; {self.created} created, {self.changed} changed, "
            f"{self.unchanged} unchanged"
        )
        if self.dry_run:
            text += " (dry run: nothing was stored)"
        elif not (self.created or self.changed):
            text += "; nothing changed"
        return text


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
        expected=gettext("expected a CSV text file of laws"),
        not_a_column=gettext("not a column of the legislation file"),
    )


def check_file(data: bytes, known: Known) -> tuple[list[LawRecord], list[RowError]]:
    """Every row checked, then what needs the other rows and the database: a (State, key) given twice,
    an amending or repealing law found neither in the file nor among the State's stored laws."""
    rows, errors = read_rows(data)
    records: list[LawRecord] = []
    for number, cells in rows:
        parsed = legislation.parse_row(number, cells, known)
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
    in_file = set(seen)
    wanted = {(record.state, key) for record in records for key in (record.amended_by, record.repealed_by) if key}
    stored = set()
    if wanted - in_file:
        states = {state for state, _key in wanted - in_file}
        stored = set(Law.objects.filter(state__in=states).values_list("state_id", "key"))
    for record in records:
        for name in ("amended_by", "repealed_by"):
            key = getattr(record, name)
            if key and (record.state, key) not in in_file | stored:
                errors.append(
                    RowError(
                        record.row,
                        name,
                        key,
                        gettext("no law of %(state)s with this key, in the file or stored") % {"state": record.state},
                    )
                )
    errors.sort(key=lambda error: error.row)
    return records, errors


def import_legislation(data: bytes, *, source_name: str, dry_run: bool = False) -> Outcome:
    """Store the laws of a CSV file, all or nothing; LegislationRefused listing every problem otherwise.

    Laws new to the database are written in bulk (with their articles, provisions and history rows);
    laws on file are compared field by field and saved only where something changed.
    """
    records, errors = check_file(data, known_now())
    if errors:
        raise LegislationRefused(source_name, errors)
    outcome = Outcome(source_name=source_name, rows=len(records), dry_run=dry_run)
    reason = f"import {source_name}"[:100]
    with transaction.atomic(), search.deferred():
        states = {record.state for record in records}
        laws = {
            (law.state_id, law.key): law
            for law in Law.objects.filter(state__in=states).prefetch_related("articles", "provisions")
        }
        touched: set[tuple[str, str]] = set()
        created = create_laws([record for record in records if (record.state, record.key) not in laws], reason)
        outcome.created = len(created)
        for record in records:
            if (record.state, record.key) in created:
                continue
            law = laws[(record.state, record.key)]
            changes = {
                name: getattr(record, name) for name in SCALAR_FIELDS if getattr(law, name) != getattr(record, name)
            }
            if changes:
                for name, value in changes.items():
                    setattr(law, name, value)
                law._change_reason = reason
                law.save()
                touched.add((record.state, record.key))
        # A new law is written without its links; one that has any is then saved with them (a "changed"
        # history row), as a law on file whose links change.
        linked = [
            created[(record.state, record.key)]
            for record in records
            if (record.state, record.key) in created and (record.amended_by or record.repealed_by)
        ]
        laws.update({(law.state_id, law.key): law for law in Law.objects.in_bulk(linked).values()})
        for record in records:
            if (record.state, record.key) in created and not (record.amended_by or record.repealed_by):
                continue
            law = laws[(record.state, record.key)]
            amended_by = law_id(laws, created, record.state, record.amended_by)
            repealed_by = law_id(laws, created, record.state, record.repealed_by)
            if law.amended_by_id != amended_by or law.repealed_by_id != repealed_by:
                law.amended_by_id, law.repealed_by_id = amended_by, repealed_by
                law._change_reason = reason
                law.save()
                touched.add((record.state, record.key))
            if (record.state, record.key) not in created and sync_links(law, record, reason):
                touched.add((record.state, record.key))
        outcome.changed = len(touched - set(created))
        outcome.unchanged = outcome.rows - outcome.created - outcome.changed
        search.note("legislation", created.values())
        if dry_run:
            transaction.set_rollback(True)
    return outcome


LAW_COLUMNS = ("state_id", "key", *SCALAR_FIELDS)


def create_laws(records: list[LawRecord], reason: str) -> dict[tuple[str, str], int]:
    """The laws of `records` (none on file) with their articles, provisions and history rows, written as
    plain rows (`bulk.create_rows`: no model object), without their links (amended or repealed by: set
    afterwards by the caller); their ids by (State, key)."""
    if not records:
        return {}
    values = operator.attrgetter(*LAW_COLUMNS[2:])
    ids = bulk.create_rows(
        Law, LAW_COLUMNS, [(record.state, record.key, *values(record)) for record in records], reason
    )
    pairs = list(zip(ids, records, strict=True))
    articles = [(pk, code, article) for pk, record in pairs for code, article in record.articles]
    bulk.create_rows(LawArticle, ("law_id", "instrument_id", "article"), articles, reason)
    bulk.create_rows(
        LawProvision, ("law_id", "path"), [(pk, path) for pk, record in pairs for path in record.provisions], reason
    )
    return {(record.state, record.key): pk for pk, record in pairs}


def law_id(laws: dict[tuple[str, str], Law], created: dict[tuple[str, str], int], state: str, key: str) -> int | None:
    """The id of the State's law `key` (empty: None): created by this import, in the file or stored."""
    if not key:
        return None
    if (state, key) in created:
        return created[(state, key)]
    if (state, key) not in laws:  # stored, not in the file (check_file found it)
        laws[(state, key)] = Law.objects.get(state_id=state, key=key)
    return laws[(state, key)].pk


def sync_links(law: Law, record: LawRecord, reason: str) -> bool:
    """The law's articles and provisions made those of the record (extracts of articles kept); whether any changed."""
    articles = {(a.instrument_id, a.article): a for a in law.articles.all()} if law.pk else {}
    provisions = {p.path: p for p in law.provisions.all()} if law.pk else {}
    changed = False
    for pair in set(articles) - set(record.articles):
        articles[pair]._change_reason = reason
        articles[pair].delete()
        changed = True
    for code, article in set(record.articles) - set(articles):
        link = LawArticle(law=law, instrument_id=code, article=article)
        link._change_reason = reason
        link.save()
        changed = True
    for path in set(provisions) - set(record.provisions):
        provisions[path]._change_reason = reason
        provisions[path].delete()
        changed = True
    for path in set(record.provisions) - set(provisions):
        link = LawProvision(law=law, path=path)
        link._change_reason = reason
        link.save()
        changed = True
    return changed


def law_row(law: Law) -> list[str]:
    """The cells of one law, in the order of `COLUMNS`."""
    return [
        law.state_id,
        law.key,
        law.title_original,
        law.title_en,
        law.kind,
        law.language,
        law.adopted.isoformat() if law.adopted else "",
        law.in_force.isoformat() if law.in_force else "",
        law.status,
        law.amended_by.key if law.amended_by else "",
        law.repealed_by.key if law.repealed_by else "",
        law.official_url,
        legislation.write_articles([(a.instrument_id, a.article) for a in law.articles.all()]),
        legislation.write_provisions([p.path for p in law.provisions.all()]),
        legislation.YES if law.published else legislation.NO,
        law.text,
    ]


def write_csv(laws: Iterable[Law] | None = None) -> str:
    """The laws (every one when None) in the import's layout, ordered by State and key.

    A carriage return in a cell is written as a line feed: with "\\n" line ends the csv module would
    not quote it, and a program reading the file would start a new row there."""
    if laws is None:
        laws = Law.objects.select_related("amended_by", "repealed_by").prefetch_related("articles", "provisions")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for law in sorted(laws, key=lambda law: (law.state_id, law.key)):
        writer.writerow([safe_text(cell).replace("\r\n", "\n").replace("\r", "\n") for cell in law_row(law)])
    return buffer.getvalue()
