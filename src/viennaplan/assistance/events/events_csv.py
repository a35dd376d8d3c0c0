"""The events in and out as CSV: `import_events` (all or nothing) and `write_csv`.

One file (see `rules.py` for the columns): each event's row, then the rows of its participations,
documents and outputs. An event is matched by its key: importing a file creates the events it does
not know and brings the others up to it. An event in the file is the whole of it: its provisions,
participations, documents and outputs become those of the file (a participation matched by its State,
a document by its symbol and title, an output by its kind and description), so importing the same file
twice changes nothing (no save, no history). Events stored but absent from the file are left as they
are; a participation, document or output row needs its event's row in the same file.

All or nothing: a file with any bad row stores nothing, and every bad row is reported (row, column,
value, why; row 1 is the header). The export writes every event (drafts too: it is the Secretariat's
file) in the import's layout, each cell through `viennaplan.cells.safe_text` (and the import reads each
through `plain_text`, `knowledge/csvfile.py`), so export -> import -> export gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext

from viennaplan.assistance.models import AssistanceRequest, Project
from viennaplan.knowledge import csvfile
from viennaplan.rowerrors import FileRefused, RowError

from . import rules
from .models import Event, EventDocument, EventOutput, EventProvision, Participation
from .rules import COLUMNS, DocumentRecord, EventRecord, Known, OutputRecord, ParticipationRecord

EVENT_FIELDS = ("kind", "title", "start", "end", "city", "organizer", "description", "published")


class EventsRefused(FileRefused):
    """Nothing was imported; `errors` lists every problem (RowError), in the order of the file."""


@dataclass
class Outcome:
    source_name: str
    events: int = 0
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        figures = {
            "file": self.source_name,
            "events": self.events,
            "created": self.created,
            "changed": self.changed,
            "unchanged": self.unchanged,
        }
        if self.dry_run:
            message = gettext(
                "%(file)s: %(events)s events; %(created)s would be created, %(changed)s changed, "
                "%(unchanged)s unchanged (dry run: nothing was stored)"
            )
        elif self.created or self.changed:
            message = gettext(
                "%(file)s: %(events)s events; %(created)s created, %(changed)s changed, %(unchanged)s unchanged"
            )
        else:
            message = gettext("%(file)s: %(events)s events; nothing changed")
        return message % figures


def known_now() -> Known:
    """The States of the country registry, the provisions' paths of the current plan, the keys of the
    requests for technical assistance and of the projects on file."""
    from viennaplan.countries.models import Country
    from viennaplan.plan.models import PlanVersion, Provision

    current = PlanVersion.current()
    paths = Provision.objects.filter(version=current).values_list("path", flat=True) if current else []
    return Known(
        states=frozenset(Country.objects.values_list("alpha3", flat=True)),
        paths=frozenset(paths),
        requests=frozenset(AssistanceRequest.objects.values_list("key", flat=True)),
        projects=frozenset(Project.objects.values_list("key", flat=True)),
    )


@dataclass
class Parts:
    """An event of the file and what belongs to it."""

    event: EventRecord
    participations: list[ParticipationRecord] = field(default_factory=list)
    documents: list[DocumentRecord] = field(default_factory=list)
    outputs: list[OutputRecord] = field(default_factory=list)


def read_rows(data: bytes) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    """The rows of the file as (row, cells by column), and what is wrong with the file itself."""
    return csvfile.read_rows(
        data,
        COLUMNS,
        expected=gettext("expected a CSV text file of events"),
        not_a_column=gettext("not a column of the events file"),
    )


def check_file(data: bytes, known: Known) -> tuple[list[Parts], list[RowError]]:
    """Every row checked, then what needs the other rows: a key given twice, a participation, document
    or output of an event not in the file, a State, document or output given twice for one event."""
    rows, errors = read_rows(data)
    records = []
    for number, cells in rows:
        parsed = rules.parse_row(number, cells, known)
        if isinstance(parsed, list):
            errors.extend(parsed)
        else:
            records.append(parsed)
    # An event's key given twice is found on the rows' cells, so that a bad row still claims its key.
    keys: dict[str, int] = {}
    for number, cells in rows:
        value = rules.cleaned(cells)
        if value["record"] == rules.EVENT and value["key"]:
            first = keys.setdefault(value["key"], number)
            if first != number:
                errors.append(
                    RowError(number, "key", value["key"], gettext("the same key as row %(row)s") % {"row": first})
                )
    for number, cells in rows:
        value = rules.cleaned(cells)
        if value["record"] in rules.RECORDS and value["record"] != rules.EVENT and value["key"]:
            if value["key"] not in keys:
                errors.append(RowError(number, "key", value["key"], gettext("no event with this key in the file")))
    events: dict[str, Parts] = {}
    for record in records:
        if isinstance(record, EventRecord) and keys.get(record.key) == record.row:
            events[record.key] = Parts(record)
    seen: dict[tuple, int] = {}
    for record in records:
        if isinstance(record, EventRecord) or record.key not in keys:
            continue
        if isinstance(record, ParticipationRecord):
            identity, column, value = ("participation", record.key, record.state), "state", record.state
            message = gettext("the same event and State as row %(row)s")
        elif isinstance(record, DocumentRecord):
            identity, column, value = ("document", record.key, *record.identity), "title", record.title
            message = gettext("the same event, symbol and title as row %(row)s")
        else:
            identity, column, value = ("output", record.key, *record.identity), "description", record.description
            message = gettext("the same event, kind and description as row %(row)s")
        first = seen.setdefault(identity, record.row)
        if first != record.row:
            errors.append(RowError(record.row, column, value, message % {"row": first}))
            continue
        parts = events.get(record.key)
        if parts is None:  # its event's row is bad: reported there
            continue
        if isinstance(record, ParticipationRecord):
            parts.participations.append(record)
        elif isinstance(record, DocumentRecord):
            parts.documents.append(record)
        else:
            parts.outputs.append(record)
    errors.sort(key=lambda error: error.row)
    return list(events.values()), errors


def import_events(data: bytes, *, source_name: str, dry_run: bool = False) -> Outcome:
    """Store the events of a CSV file, all or nothing; EventsRefused listing every problem otherwise."""
    events, errors = check_file(data, known_now())
    if errors:
        raise EventsRefused(source_name, errors)
    outcome = Outcome(source_name=source_name, events=len(events), dry_run=dry_run)
    reason = f"import {source_name}"[:100]
    with transaction.atomic():
        stored = {
            event.key: event
            for event in Event.objects.filter(key__in=[parts.event.key for parts in events])
            .select_related("project")
            .prefetch_related("provisions", "participations", "documents", "outputs", "requests")
        }
        keys = {key for parts in events for key in parts.event.requests}
        requests = dict(AssistanceRequest.objects.filter(key__in=keys).values_list("key", "pk")) if keys else {}
        wanted = {parts.event.project for parts in events} - {""}
        projects = dict(Project.objects.filter(key__in=wanted).values_list("key", "pk")) if wanted else {}
        for parts in events:
            event = stored.get(parts.event.key)
            if event is None:
                save_new(parts, reason, requests, projects)
                outcome.created += 1
            elif update_one(event, parts, reason, requests, projects):
                outcome.changed += 1
            else:
                outcome.unchanged += 1
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def saved(instance, reason: str) -> None:
    instance._change_reason = reason
    instance.save()


def deleted(instance, reason: str) -> None:
    instance._change_reason = reason
    instance.delete()


def save_new(parts: Parts, reason: str, requests: dict[str, int], projects: dict[str, int]) -> Event:
    record = parts.event
    event = Event(
        key=record.key,
        host_id=record.host or None,
        project_id=projects.get(record.project),
        **{name: getattr(record, name) for name in EVENT_FIELDS},
    )
    saved(event, reason)
    if record.requests:
        event.requests.set([requests[key] for key in record.requests])  # history: m2m_fields
    for path in record.provisions:
        saved(EventProvision(event=event, path=path), reason)
    for item in parts.participations:
        saved(Participation(event=event, state_id=item.state, participants=item.participants), reason)
    for item in parts.documents:
        saved(EventDocument(event=event, kind=item.kind, symbol=item.symbol, title=item.title, url=item.url), reason)
    for item in parts.outputs:
        saved(EventOutput(event=event, kind=item.kind, description=item.description, quantity=item.quantity), reason)
    return event


def update_one(event: Event, parts: Parts, reason: str, requests: dict[str, int], projects: dict[str, int]) -> bool:
    """A stored event brought up to the file (saved, with history, only where something differs)."""
    record = parts.event
    changes = {name: getattr(record, name) for name in EVENT_FIELDS if getattr(event, name) != getattr(record, name)}
    if (event.host_id or "") != record.host:
        changes["host_id"] = record.host or None
    if event.project_id != projects.get(record.project):
        changes["project_id"] = projects.get(record.project)
    if changes:
        for name, value in changes.items():
            setattr(event, name, value)
        saved(event, reason)
    changed = bool(changes)
    if sorted(r.key for r in event.requests.all()) != list(record.requests):
        event._change_reason = reason
        event.requests.set([requests[key] for key in record.requests])
        changed = True
    changed = (
        sync(
            {p.path: p for p in event.provisions.all()},
            {path: path for path in record.provisions},
            lambda path: EventProvision(event=event, path=path),
            (),
            reason,
        )
        | changed
    )
    changed = (
        sync(
            {p.state_id: p for p in event.participations.all()},
            {item.state: item for item in parts.participations},
            lambda item: Participation(event=event, state_id=item.state, participants=item.participants),
            ("participants",),
            reason,
        )
        | changed
    )
    changed = (
        sync(
            {(d.symbol, d.title): d for d in event.documents.all()},
            {item.identity: item for item in parts.documents},
            lambda item: EventDocument(event=event, kind=item.kind, symbol=item.symbol, title=item.title, url=item.url),
            ("kind", "url"),
            reason,
        )
        | changed
    )
    return (
        sync(
            {(o.kind, o.description): o for o in event.outputs.all()},
            {item.identity: item for item in parts.outputs},
            lambda item: EventOutput(event=event, kind=item.kind, description=item.description, quantity=item.quantity),
            ("quantity",),
            reason,
        )
        | changed
    )


def sync(stored: dict, wanted: dict, make, fields: tuple[str, ...], reason: str) -> bool:
    """The stored rows (by identity) made the wanted ones: removed, added, or their `fields` updated."""
    changed = False
    for identity in [identity for identity in stored if identity not in wanted]:
        deleted(stored[identity], reason)
        changed = True
    for identity, item in wanted.items():
        row = stored.get(identity)
        if row is None:
            saved(make(item), reason)
            changed = True
            continue
        differences = {name: getattr(item, name) for name in fields if getattr(row, name) != getattr(item, name)}
        if differences:
            for name, value in differences.items():
                setattr(row, name, value)
            saved(row, reason)
            changed = True
    return changed


def event_rows(event: Event) -> list[list[str]]:
    """The rows of an event (its own, then its participations by State, documents by symbol and title,
    outputs by kind and description), each in the order of `COLUMNS`."""

    def row(**cells: str) -> list[str]:
        filled = dict.fromkeys(COLUMNS, "")
        filled.update(cells)
        return [filled[name] for name in COLUMNS]

    rows = [
        row(
            record=rules.EVENT,
            key=event.key,
            kind=event.kind,
            title=event.title,
            start=event.start.isoformat(),
            end=event.end.isoformat(),
            city=event.city,
            host=event.host_id or "",
            organizer=event.organizer,
            provisions=rules.write_provisions([p.path for p in event.provisions.all()]),
            published=rules.YES if event.published else rules.NO,
            requests=rules.write_keys([r.key for r in event.requests.all()]),
            project=event.project.key if event.project_id else "",
            description=event.description,
        )
    ]
    for item in sorted(event.participations.all(), key=lambda p: p.state_id):
        rows.append(
            row(record=rules.PARTICIPATION, key=event.key, state=item.state_id, participants=str(item.participants))
        )
    for item in sorted(event.documents.all(), key=lambda d: (d.symbol, d.title)):
        rows.append(
            row(
                record=rules.DOCUMENT, key=event.key, kind=item.kind, title=item.title, symbol=item.symbol, url=item.url
            )
        )
    for item in sorted(event.outputs.all(), key=lambda o: (o.kind, o.description)):
        quantity = "" if item.quantity is None else str(item.quantity)
        rows.append(
            row(record=rules.OUTPUT, key=event.key, kind=item.kind, description=item.description, quantity=quantity)
        )
    return rows


def write_csv() -> str:
    """Every event (drafts too) by key, each followed by its participations, documents and outputs."""
    events = Event.objects.select_related("project").prefetch_related(
        "provisions", "participations", "documents", "outputs", "requests"
    )
    ordered = sorted(events, key=lambda event: event.key)  # the same order on SQLite and PostgreSQL
    return csvfile.write_rows(COLUMNS, [row for event in ordered for row in event_rows(event)])
