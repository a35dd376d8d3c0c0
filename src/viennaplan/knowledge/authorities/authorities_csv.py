"""The directory of competent national authorities in and out as CSV: `import_authorities` (all or
nothing) and `write_csv`.

The file is UTF-8 text, comma-separated, with a header row naming every column of
`directory.COLUMNS` (in any order; the export writes them in that order) and one authority per row;
the row rules are in `directory.py`. An authority is matched by its State and key: importing a file
creates those it does not know and brings the others up to it, so importing the same file twice
changes nothing (no save, no history). Authorities stored but absent from the file are left as they
are.

The file carries the contact details: it is the Secretariat's file (the `viennaplan knowledge export
authorities` command, and the download on the web, which only the Secretariat may take). All or
nothing: a file with any bad row stores nothing, and every bad row is reported (row, column, value,
why; row 1 is the header). Export -> import -> export gives the same bytes (cells through
`viennaplan.cells.safe_text` out and `plain_text` in).
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
from ..legislation_csv import known_now
from . import directory
from .directory import COLUMNS, CONTACT_COLUMNS, AuthorityRecord, Known
from .models import Authority, AuthorityContact, AuthorityProvision

SCALAR_FIELDS = ("purpose", "name_en", "name_original", "language", "request_languages", "description", "published")


class AuthoritiesRefused(FileRefused):
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
            f"{self.source_name}: {self.rows} authorities; {self.created} created, {self.changed} changed, "
            f"{self.unchanged} unchanged"
        )
        if self.dry_run:
            text += " (dry run: nothing was stored)"
        elif not (self.created or self.changed):
            text += "; nothing changed"
        return text


def read_rows(data: bytes) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    """The rows of the file as (row, cells by column), and what is wrong with the file itself."""
    return csvfile.read_rows(
        data,
        COLUMNS,
        expected=gettext("expected a CSV text file of authorities"),
        not_a_column=gettext("not a column of the authorities file"),
    )


def check_file(data: bytes, known: Known) -> tuple[list[AuthorityRecord], list[RowError]]:
    """Every row checked, then a (State, key) given twice."""
    rows, errors = read_rows(data)
    records: list[AuthorityRecord] = []
    for number, cells in rows:
        parsed = directory.parse_row(number, cells, known)
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


def import_authorities(data: bytes, *, source_name: str, dry_run: bool = False) -> Outcome:
    """Store the authorities of a CSV file, all or nothing; AuthoritiesRefused listing every problem otherwise."""
    records, errors = check_file(data, known_now())
    if errors:
        raise AuthoritiesRefused(source_name, errors)
    outcome = Outcome(source_name=source_name, rows=len(records), dry_run=dry_run)
    reason = f"import {source_name}"[:100]
    with transaction.atomic(), search.deferred():
        states = {record.state for record in records}
        stored = {
            (authority.state_id, authority.key): authority
            for authority in Authority.objects.filter(state__in=states)
            .select_related("contact")
            .prefetch_related("provisions")
        }
        new = [record for record in records if (record.state, record.key) not in stored]
        created_ids = create_all(new, reason)
        outcome.created = len(new)
        changed = 0
        for record in records:
            authority = stored.get((record.state, record.key))
            if authority is not None and update_one(authority, record, reason):
                changed += 1
        outcome.changed = changed
        outcome.unchanged = outcome.rows - outcome.created - changed
        if created_ids and not dry_run:
            search.reindex("authorities", created_ids)  # bulk creation sends no signal
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def create_all(records: list[AuthorityRecord], reason: str) -> list[int]:
    """The authorities of the file not yet stored, with their provisions and contact details, in bulk
    (each with its first history row, the import named as the reason); their ids."""
    if not records:
        return []
    authorities = [
        Authority(state_id=record.state, key=record.key, **{name: getattr(record, name) for name in SCALAR_FIELDS})
        for record in records
    ]
    bulk.create_with_history(Authority, authorities, reason)
    stored = Authority.objects.filter(state__in={record.state for record in records})
    ids = {(state, key): pk for state, key, pk in stored.values_list("state_id", "key", "pk").iterator(chunk_size=5000)}
    by_record = [ids[(record.state, record.key)] for record in records]
    provisions = [
        AuthorityProvision(authority_id=pk, path=path)
        for record, pk in zip(records, by_record, strict=True)
        for path in record.provisions
    ]
    contacts = [
        AuthorityContact(authority_id=pk, **{name: getattr(record.contact, name) for name in CONTACT_COLUMNS})
        for record, pk in zip(records, by_record, strict=True)
        if not record.contact.empty
    ]
    bulk.create_with_history(AuthorityProvision, provisions, reason)
    bulk.create_with_history(AuthorityContact, contacts, reason)
    return by_record


def update_one(authority: Authority, record: AuthorityRecord, reason: str) -> bool:
    """A stored authority brought up to its row (saved, with history, only where something differs)."""
    changes = {
        name: getattr(record, name) for name in SCALAR_FIELDS if getattr(authority, name) != getattr(record, name)
    }
    changed = False
    if changes:
        for name, value in changes.items():
            setattr(authority, name, value)
        authority._change_reason = reason
        authority.save()
        changed = True
    changed = sync_provisions(authority, record, reason, False) | changed
    return sync_contact(authority, record, reason, False) | changed


def sync_provisions(authority: Authority, record: AuthorityRecord, reason: str, created: bool) -> bool:
    provisions = {} if created else {p.path: p for p in authority.provisions.all()}
    changed = False
    for path in set(provisions) - set(record.provisions):
        provisions[path]._change_reason = reason
        provisions[path].delete()
        changed = True
    for path in sorted(set(record.provisions) - set(provisions)):
        link = AuthorityProvision(authority=authority, path=path)
        link._change_reason = reason
        link.save()
        changed = True
    return changed


def sync_contact(authority: Authority, record: AuthorityRecord, reason: str, created: bool) -> bool:
    """The contact details made those of the record (none stored while every cell is empty)."""
    contact = None if created else getattr(authority, "contact", None)
    if contact is None:
        if record.contact.empty:
            return False
        contact = AuthorityContact(authority=authority)
    changes = {
        name: getattr(record.contact, name)
        for name in CONTACT_COLUMNS
        if contact.pk is None or getattr(contact, name) != getattr(record.contact, name)
    }
    if not changes:
        return False
    for name, value in changes.items():
        setattr(contact, name, value)
    contact._change_reason = reason
    contact.save()
    return True


def contact_cells(authority: Authority) -> list[str]:
    try:
        contact = authority.contact
    except AuthorityContact.DoesNotExist:
        return [""] * len(CONTACT_COLUMNS)
    return [getattr(contact, name) for name in CONTACT_COLUMNS]


def authority_row(authority: Authority) -> list[str]:
    """The cells of one authority, in the order of `COLUMNS` (contact details included)."""
    return [
        authority.state_id,
        authority.key,
        authority.purpose,
        authority.name_en,
        authority.name_original,
        authority.language,
        authority.request_languages,
        directory.write_provisions([p.path for p in authority.provisions.all()]),
        directory.YES if authority.published else directory.NO,
        authority.description,
        *contact_cells(authority),
    ]


def write_csv(authorities: Iterable[Authority] | None = None) -> str:
    """The authorities (every one, drafts too, when None) in the import's layout, by State and key."""
    if authorities is None:
        authorities = Authority.objects.select_related("contact").prefetch_related("provisions")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for authority in sorted(authorities, key=lambda a: (a.state_id, a.key)):
        writer.writerow(
            [safe_text(cell).replace("\r\n", "\n").replace("\r", "\n") for cell in authority_row(authority)]
        )
    return buffer.getvalue()
