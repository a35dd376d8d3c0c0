"""Trafficking flows in and out as CSV: `import_flows` (all or nothing) and `write_csv` — the
Secretariat's own file, with RAW counts.

Who gets which file: this import/export (registered as the collection's `import_csv`/`export_csv`,
used by `viennaplan knowledge import|export trafficking` and the admin) carries the counts as stored,
small ones included: it is the operator's, never served on the web. The public CSV download of the
list (`/knowledge/trafficking.csv`, `public_csv`) is another layout, every count through
`suppression.py`, and only published flows.

The file is UTF-8 text, comma-separated, with a header row naming every column of `rules.COLUMNS`
(any order; the export writes that order), one flow per row; the row rules are in `rules.py`. A flow
is matched by its key: importing a file creates the flows it does not know and brings the others up
to it, so importing the same file twice changes nothing (no save, no history). Flows stored but
absent from the file are left as they are.

All or nothing: a file with any bad row stores nothing, and every bad row is reported (row, column,
value, why; row 1 is the header). Each cell is written through `viennaplan.cells.safe_text` (and read
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

from .. import bulk, csvfile
from . import rules
from .models import Flow, FlowProvision
from .rules import CELLS, COLUMNS, FlowRecord, Known

SCALAR_FIELDS = (
    "origin_id",
    "destination_id",
    "transit_id",
    "year_from",
    "year_to",
    "form",
    *CELLS,
    "total",
    "source",
    "source_url",
    "authority",
    "published",
)


class TraffickingRefused(FileRefused):
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
            return (
                gettext(
                    "%(file)s: %(rows)s flows; %(created)s would be created, %(changed)s changed, "
                    "%(unchanged)s unchanged (dry run: nothing was stored)"
                )
                % figures
            )
        if self.created or self.changed:
            return (
                gettext("%(file)s: %(rows)s flows; %(created)s created, %(changed)s changed, %(unchanged)s unchanged")
                % figures
            )
        return gettext("%(file)s: %(rows)s flows; nothing changed") % figures


def known_now() -> Known:
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
        expected=gettext("expected a CSV text file of trafficking flows"),
        not_a_column=gettext("not a column of the trafficking file"),
    )


def check_file(data: bytes, known: Known) -> tuple[list[FlowRecord], list[RowError]]:
    rows, errors = read_rows(data)
    records: list[FlowRecord] = []
    for number, cells in rows:
        parsed = rules.parse_row(number, cells, known)
        if isinstance(parsed, list):
            errors.extend(parsed)
        else:
            records.append(parsed)
    seen: dict[str, int] = {}
    for number, cells in rows:  # every row with a key, good or bad: a key given twice is an error either way
        key = cells.get("key", "").strip()
        first = seen.setdefault(key, number) if key else number
        if first != number:
            errors.append(RowError(number, "key", key, gettext("the same key as row %(row)s") % {"row": first}))
    errors.sort(key=lambda error: error.row)
    return records, errors


def values_of(record: FlowRecord) -> dict:
    return {
        "origin_id": record.origin,
        "destination_id": record.destination,
        "transit_id": record.transit or None,
        "year_from": record.year_from,
        "year_to": record.year_to,
        "form": record.form,
        **dict(record.counts),
        "total": record.total,
        "source": record.source,
        "source_url": record.source_url,
        "authority": record.authority,
        "published": record.published,
    }


def import_flows(data: bytes, *, source_name: str, dry_run: bool = False) -> Outcome:
    """Store the flows of a CSV file, all or nothing; TraffickingRefused listing every problem otherwise."""
    from viennaplan.knowledge import search

    records, errors = check_file(data, known_now())
    if errors:
        raise TraffickingRefused(source_name, errors)
    outcome = Outcome(source_name=source_name, rows=len(records), dry_run=dry_run)
    reason = f"import {source_name}"[:100]
    with transaction.atomic(), search.deferred():
        stored = Flow.objects.in_bulk([record.key for record in records], field_name="key")
        paths: dict[int, set[str]] = {}
        for flow_id, path in FlowProvision.objects.filter(flow__in=list(stored.values())).values_list(
            "flow_id", "path"
        ):
            paths.setdefault(flow_id, set()).add(path)
        new: list[Flow] = []
        new_records: list[FlowRecord] = []
        for record in records:
            flow = stored.get(record.key)
            wanted = values_of(record)
            if flow is None:
                new.append(Flow(key=record.key, **wanted))
                new_records.append(record)
                continue
            changes = {name: value for name, value in wanted.items() if getattr(flow, name) != value}
            changed = False
            if changes:
                for name, value in changes.items():
                    setattr(flow, name, value)
                flow._change_reason = reason
                flow.save()
                changed = True
            have = paths.get(flow.pk, set())
            for path in have - set(record.provisions):
                link = FlowProvision.objects.get(flow=flow, path=path)
                link._change_reason = reason
                link.delete()
                changed = True
            for path in sorted(set(record.provisions) - have):
                link = FlowProvision(flow=flow, path=path)
                link._change_reason = reason
                link.save()
                changed = True
            outcome.changed += changed
        if new:
            created = bulk.create_with_history(Flow, new, reason)
            if created and created[0].pk is None:  # a backend that does not return ids
                ids = dict(Flow.objects.filter(key__in=[flow.key for flow in new]).values_list("key", "pk"))
                for flow in created:
                    flow.pk = flow.id = ids[flow.key]
            links = [
                FlowProvision(flow=flow, path=path)
                for flow, record in zip(created, new_records, strict=True)
                for path in record.provisions
            ]
            bulk.create_with_history(FlowProvision, links, reason)
            search.reindex("trafficking", [flow.pk for flow in created])
        outcome.created = len(new)
        outcome.unchanged = outcome.rows - outcome.created - outcome.changed
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def flow_row(flow: Flow, paths: Iterable[str]) -> list[str]:
    """The cells of one flow, in the order of `COLUMNS` (raw counts: the Secretariat's file)."""
    return [
        flow.key,
        flow.origin_id,
        flow.destination_id,
        flow.transit_id or "",
        str(flow.year_from),
        str(flow.year_to),
        flow.form,
        *(str(getattr(flow, cell)) for cell in CELLS),
        str(flow.total),
        flow.source,
        flow.source_url,
        flow.authority,
        rules.write_provisions(paths),
        rules.YES if flow.published else rules.NO,
    ]


def write_csv(flows: Iterable[Flow] | None = None) -> str:
    """Every flow (drafts too) in the import's layout, by key: RAW counts, for the Secretariat only."""
    if flows is None:
        flows = Flow.objects.all()
    flows = sorted(flows, key=lambda flow: flow.key)
    paths: dict[int, list[str]] = {}
    for flow_id, path in FlowProvision.objects.values_list("flow_id", "path"):
        paths.setdefault(flow_id, []).append(path)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for flow in flows:
        writer.writerow([safe_text(cell) for cell in flow_row(flow, paths.get(flow.pk, []))])
    return buffer.getvalue()
