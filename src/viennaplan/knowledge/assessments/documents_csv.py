"""Documents with versions in and out as CSV: `import_documents` (all or nothing) and `write_csv`.

One row per version, the document's columns repeated (`document_rules.py` has the columns and the
rules of a row). A document is matched by its key and a version by its document and label: importing
a file creates what it does not know and brings the rest up to it, so importing the same file twice
changes nothing (no save, no history). Versions and provisions are made those of the file; versions
stored but absent from the file are left as they are (deleting a version is done in the admin).
All or nothing: a file with any bad row stores nothing, and every bad row is reported by row and
column. The export writes every document and version (drafts too) in the import's layout, so
export -> import -> export gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext

from viennaplan.knowledge import search
from viennaplan.rowerrors import FileRefused, RowError

from .. import csvfile
from . import document_rules, rules, versions
from .csv_io import known_now
from .document_rules import COLUMNS, DocumentRow
from .models import Document, DocumentProvision, DocumentVersion


class DocumentsRefused(FileRefused):
    """Nothing was imported; `errors` lists every problem (RowError), in the order of the file."""


@dataclass
class Outcome:
    source_name: str
    rows: int = 0
    created: int = 0  # documents and versions
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
                "%(file)s: %(rows)s rows; %(created)s documents or versions would be created, %(changed)s "
                "changed, %(unchanged)s unchanged (dry run: nothing was stored)"
            )
        elif not (self.created or self.changed):
            message = gettext("%(file)s: %(rows)s rows; nothing changed")
        else:
            message = gettext(
                "%(file)s: %(rows)s rows; %(created)s documents or versions created, %(changed)s changed, "
                "%(unchanged)s unchanged"
            )
        return message % figures


def check_file(data: bytes) -> tuple[list[DocumentRow], list[RowError]]:
    rows, errors = csvfile.read_rows(
        data,
        COLUMNS,
        expected=gettext("expected a CSV text file of documents and their versions"),
        not_a_column=gettext("not a column of the documents file"),
    )
    paths = known_now().paths
    parsed: list[DocumentRow] = []
    for number, cells in rows:
        row = document_rules.parse_row(number, cells, paths)
        if isinstance(row, list):
            errors.extend(row)
        else:
            parsed.append(row)
    errors += document_rules.check_rows(parsed)
    errors.sort(key=lambda error: error.row)
    return parsed, errors


def save(record, reason: str) -> None:
    record._change_reason = reason
    record.save()


def import_documents(data: bytes, *, source_name: str, dry_run: bool = False) -> Outcome:
    """Store the documents and versions of a CSV file, all or nothing; DocumentsRefused otherwise."""
    parsed, errors = check_file(data)
    if errors:
        raise DocumentsRefused(source_name, errors)
    outcome = Outcome(source_name=source_name, rows=len(parsed), dry_run=dry_run)
    reason = f"import {source_name}"[:100]
    with transaction.atomic(), search.deferred():
        stored = {
            document.key: document
            for document in Document.objects.filter(key__in={row.key for row in parsed}).prefetch_related(
                "versions", "provisions"
            )
        }
        done: set[str] = set()
        for row in parsed:
            touched = False
            if row.key not in done:  # the document, from its first row
                done.add(row.key)
                document, created, changed = sync_document(stored.get(row.key), row, reason)
                stored[row.key] = document
                outcome.created += created
                outcome.changed += changed
                touched = created or changed
            document = stored[row.key]
            if row.version:
                created, changed = sync_version(document, row, reason)
                outcome.created += created
                outcome.changed += changed
                touched = touched or created or changed
            outcome.unchanged += not touched
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def sync_document(document: Document | None, row: DocumentRow, reason: str) -> tuple[Document, bool, bool]:
    """The document made that of its first row: (document, created, changed)."""
    wanted = {"kind": row.kind, "title": row.title, "area": row.area, "published": row.published}
    if document is None:
        document = Document(key=row.key, **wanted)
        save(document, reason)
        sync_provisions(document, row.provisions, reason)
        return document, True, False
    changes = {name: value for name, value in wanted.items() if getattr(document, name) != value}
    for name, value in changes.items():
        setattr(document, name, value)
    if changes:
        save(document, reason)
    provisions_changed = sync_provisions(document, row.provisions, reason)
    return document, False, bool(changes) or provisions_changed


def sync_version(document: Document, row: DocumentRow, reason: str) -> tuple[bool, bool]:
    """The row's version created or brought up to it: (created, changed)."""
    wanted = {
        "date": row.date,
        "changes": row.changes,
        "official_url": row.official_url,
        "published": row.version_published,
        "text": row.text,
    }
    version = next((v for v in document.versions.all() if v.label == row.version), None)
    if version is None:
        save(DocumentVersion(document=document, label=row.version, **wanted), reason)
        return True, False
    changes = {name: value for name, value in wanted.items() if getattr(version, name) != value}
    for name, value in changes.items():
        setattr(version, name, value)
    if changes:
        save(version, reason)
    return False, bool(changes)


def sync_provisions(document: Document, paths: tuple[str, ...], reason: str) -> bool:
    have = {row.path: row for row in document.provisions.all()}
    changed = False
    for path in set(have) - set(paths):
        have[path]._change_reason = reason
        have[path].delete()
        changed = True
    for path in [path for path in paths if path not in have]:
        save(DocumentProvision(document=document, path=path), reason)
        changed = True
    return changed


def yes_no(flag: bool) -> str:
    return rules.YES if flag else rules.NO


def write_csv() -> str:
    """Every document and version, by key and from the first version to the latest."""
    rows: list[list[str]] = []
    for document in Document.objects.prefetch_related("versions", "provisions").order_by("key"):
        head = [
            document.key,
            document.kind,
            document.title,
            document.area,
            rules.write_provisions([row.path for row in document.provisions.all()]),
            yes_no(document.published),
        ]
        known = versions.in_order(list(document.versions.all()))
        if not known:
            rows.append([*head, "", "", "", "", "", ""])
        for version in known:
            rows.append(
                [
                    *head,
                    version.label,
                    version.date.isoformat(),
                    version.changes,
                    version.official_url,
                    yes_no(version.published),
                    version.text,
                ]
            )
    return csvfile.write_rows(COLUMNS, rows)
