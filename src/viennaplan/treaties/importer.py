"""Recording treaty actions: a whole status list at once (`import_status_list`), or one action
typed by a secretariat officer (`record_action`, used by the API and the admin).

An import is all-or-nothing: the file is parsed (every row, names resolved on the action's
date), the new actions are validated by the engine together with those already stored, and
only a file without a single error is written, in one transaction. A row identical to an action
already stored (same State, instrument, action and date) is skipped and counted, so an updated
status list can be imported over an older one and the same file twice changes nothing; a row
that contradicts what is stored (a second consent with another date) is an error.

An import may also say of which depositary lists the file is (`lists`: `ListOnFile`, e.g. the
whole list of UNTOC as listed on 27 January 2014); they are recorded with it (`DepositaryList`),
once each, and no action of a complete list may be dated after the list. With `defer_to_stored`
(the shipped lists, `treaties.shipped`) a row is left out, with a note, where the actions on file
already hold the same State's action of the same kind under the same instrument on another date,
every instrument of consent counting as one kind: what an operator recorded is never replaced.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from viennaplan.countries import registry

from . import depositary
from .models import DepositaryList, TreatyAction, TreatyImport
from .records import CONSENT_KINDS, EUROPEAN_UNION, Action, ActionError
from .rules import instrument_rules
from .store import load_actions


class ImportRefused(Exception):
    """The file was not imported; `errors` says why, one line per bad row."""

    def __init__(self, source_name: str, errors: list[str]) -> None:
        self.source_name = source_name
        self.errors = errors
        super().__init__(f"{source_name}: {len(errors)} error(s); nothing was imported")


class ActionRefused(Exception):
    """An action typed by hand that the engine's validation refuses."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("; ".join(errors))


@dataclass
class ImportOutcome:
    source_name: str
    rows: int
    created: int
    skipped: int  # rows already on file
    notes: list[str] = field(default_factory=list)
    batch: TreatyImport | None = None
    kept: list[str] = field(default_factory=list)  # rows left out: the action on file stands (defer_to_stored)
    lists: int = 0  # depositary lists recorded (new ones only)

    def summary(self) -> str:
        text = f"{self.source_name}: {self.rows} rows; {self.created} actions recorded"
        if self.skipped:
            text += f", {self.skipped} already on file (skipped)"
        if self.kept:
            text += f", {len(self.kept)} left out (the action on file stands)"
        if self.lists:
            text += f", {self.lists} depositary list(s) recorded"
        if not self.created and not self.lists:
            text += "; nothing changed"
        return text


@dataclass(frozen=True)
class ListOnFile:
    """A depositary list a file holds (see `DepositaryList`)."""

    instrument: str
    listed_on: date
    source: str
    complete: bool


ListsOf = Callable[[list[Action]], list[ListOnFile]]  # the lists a file's actions are of; ImportRefused if unclear


def whole_lists(source_name: str, list_date: date | None) -> ListsOf:
    """A file that is the depositary's whole list, as of `list_date` (today if not given), of each
    instrument it names (`treaties import --complete`)."""
    from django.utils import timezone

    def lists(actions: list[Action]) -> list[ListOnFile]:
        day = list_date or timezone.localdate()
        codes = dict.fromkeys(action.instrument for action in actions)
        return [ListOnFile(code, day, source_name, complete=True) for code in codes]

    return lists


# ---------------------------------------------------------------------------------------------
# context the validation needs


class Resolver:
    """NameIndex.resolve as the depositary reader wants it: (name, on) -> alpha-3 of a current State.

    A former State that another continues (Serbia and Montenegro -> Serbia, the USSR -> the Russian
    Federation) resolves to the continuing State, as the depositary lists its actions today; one
    that none continues (Czechoslovakia) is refused: its successors' own successions are recorded.

    A list names the same few hundred States over and over, so each name is looked up once: a name
    that stands for one code whatever the date is remembered with its code, an unknown name with
    its error. "Did you mean" suggestions cost milliseconds each (the name is compared with every
    known name), so they are made once per unknown name and for the first `SUGGESTED_NAMES` only:
    a file of 300,000 rows naming 300,000 unknown States is refused in seconds, every row listed.
    """

    SUGGESTED_NAMES = 100

    def __init__(self) -> None:
        self.index = registry.country_index()
        self.former = registry.continuing_states()
        self.continued: dict[str, tuple[str, str]] = {}  # name as written -> (former code, continuing code)
        self.known: dict[str, str] = {}  # name as written -> code, for names whose code does not depend on the date
        self.unknown: dict[str, tuple[str, tuple[str, ...]]] = {}  # name as written -> (why, suggestions)

    def __call__(self, name: str, on: date | None) -> str:
        code = self.known.get(name) or self._lookup(name, on)
        if code not in self.former:
            return code
        former_name, successor = self.former[code]
        if successor is None:
            raise LookupError(
                _(
                    "%(name)s (%(code)s) is a former State that no State continues; record the successor States' "
                    "own actions (successions) instead"
                )
                % {"name": former_name, "code": code}
            )
        self.continued[name] = (code, successor)
        return successor

    def _lookup(self, name: str, on: date | None) -> str:
        from viennaplan.countries.names import UnknownState

        if name in self.unknown:
            raise UnknownState(*self.unknown[name])  # a new exception each time: no traceback piles up
        entries = self.index.entries_for(name)
        upper = name.strip().upper()
        if not entries and upper not in self.index.codes and upper not in self.index.alpha2:
            self.unknown[name] = (_("unknown State or organization %(name)s") % {"name": repr(name.strip())}, ())
            if len(self.unknown) <= self.SUGGESTED_NAMES:
                try:
                    self.index.resolve(name, on=on)
                except UnknownState as error:  # what it always raises here, with suggestions
                    self.unknown[name] = (error.message, error.suggestions)
            raise UnknownState(*self.unknown[name])
        code = self.index.resolve(name, on=on)  # UnknownState (a LookupError) when ambiguous on the date
        if len({entry.code for entry in entries}) <= 1:
            self.known[name] = code  # a code, or a name that never meant another State
        return code

    def notes(self) -> list[str]:
        return [
            _("%(name)s (%(former)s) is recorded for %(successor)s, which continues its treaty relations")
            % {"name": repr(name), "former": former, "successor": successor}
            for name, (former, successor) in sorted(self.continued.items())
        ]


def resolver() -> Resolver:
    return Resolver()


def organization_members(organization: str, day: date) -> set[str]:
    if organization != EUROPEAN_UNION:
        return set()
    return set(registry.eu_members_on(day))


def validate_against(new: list[Action], existing: list[Action]) -> tuple[list[ActionError], list[str]]:
    """The engine's validation of `new` actions, with those on file, the known States and the EU's members."""
    from .validation import validate

    return validate(
        new,
        instrument_rules(),
        known_states=registry.state_codes(),
        organizations=organization_members,
        existing=existing,
    )


def stored_row(action: Action, *, note: str = "", batch: TreatyImport | None = None) -> TreatyAction:
    """The (unsaved) row of an action, its source cut to what the database keeps."""
    return TreatyAction(
        state_id=action.state,
        instrument_id=action.instrument,
        kind=action.kind,
        date=action.date,
        source=action.source[: depositary.MAX_SOURCE_CHARS],
        note=note,
        batch=batch,
    )


def _key(action: Action) -> tuple[str, str, str, date]:
    return action.state, action.instrument, action.kind, action.date


# ---------------------------------------------------------------------------------------------
# a whole status list


def read_status_list(
    data: bytes | str, *, source_name: str, instruments: list[str], list_date: date | None = None
) -> depositary.ParsedFile:
    """Parse CSV (or a JSON export, by its name or first character); DepositaryFormatError lists every bad row.

    An action dated after `list_date` (the list's date; today's, in the site's time zone, if not given) is a bad row."""
    from django.utils import timezone

    resolve = resolver()
    parsed = depositary.parse(
        data,
        resolve_state=resolve,
        instruments=instruments,
        source_name=source_name,
        list_date=list_date,
        today=timezone.localdate(),
    )
    parsed.notes = resolve.notes()
    return parsed


def import_status_list(
    data: bytes | str,
    *,
    source_name: str,
    list_date: date | None = None,
    lists: ListsOf | None = None,
    defer_to_stored: bool = False,
) -> ImportOutcome:
    """Check the whole file, then record it in one transaction; ImportRefused lists every bad row.

    `list_date`: the date the list was made, when later than today; no action may be dated after it.
    `lists`: which depositary lists the file is, recorded with it; `defer_to_stored`: see the module."""
    errors: list[tuple[int, str]] = []
    try:
        parsed = read_status_list(
            data, source_name=source_name, instruments=list(instrument_rules()), list_date=list_date
        )
    except depositary.DepositaryFormatError as error:
        if error.parsed is None:  # the file itself is wrong (empty, binary, header): nothing to check further
            raise ImportRefused(source_name, [str(e) for e in error.errors]) from None
        errors += [(e.row, str(e)) for e in error.errors]
        parsed = error.parsed  # check the rows that were read, so that every bad row is listed at once

    on_file = lists(parsed.actions) if lists is not None else []
    errors += _after_its_list(parsed.actions, on_file)
    with transaction.atomic():
        existing = load_actions()
        kept: list[str] = []
        if defer_to_stored:
            parsed.actions, kept = _defer_to_stored(parsed.actions, existing)
        new, skipped, repeats = _split_new(parsed.actions, existing)
        errors += repeats
        refused, notes = validate_against(new, existing)
        errors += [(e.row, str(e)) for e in refused]
        if errors:
            raise ImportRefused(source_name, [message for _row, message in sorted(errors, key=lambda e: e[0])])
        if not new:
            recorded = _record_lists(on_file, None)
            return ImportOutcome(
                source_name, parsed.rows, 0, skipped, [*parsed.notes, *notes], kept=kept, lists=recorded
            )
        batch = TreatyImport.objects.create(
            source_name=source_name,
            checksum=hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest(),
            rows=parsed.rows,
            created=len(new),
            skipped=skipped,
            notes=[*parsed.notes, *notes],
        )
        rows = [stored_row(a, note=parsed.row_notes.get(a.row, ""), batch=batch) for a in new]
        bulk_create_with_history(rows, TreatyAction, default_change_reason=f"import of {source_name}"[:100])
        recorded = _record_lists(on_file, batch)
    return ImportOutcome(
        source_name, parsed.rows, len(new), skipped, [*parsed.notes, *notes], batch, kept=kept, lists=recorded
    )


def _after_its_list(actions: list[Action], on_file: list[ListOnFile]) -> list[tuple[int, str]]:
    """Rows dated after the complete list they belong to: a list holds no action taken after it."""
    listed = {item.instrument: item.listed_on for item in on_file if item.complete}
    return [
        (
            a.row,
            _("row %(row)s: %(code)s %(kind)s %(date)s is dated after the list (%(listed)s)")
            % {"row": a.row, "code": a.instrument, "kind": a.kind, "date": a.date, "listed": listed[a.instrument]},
        )
        for a in actions
        if a.instrument in listed and a.date > listed[a.instrument]
    ]


def _record_lists(on_file: list[ListOnFile], batch: TreatyImport | None) -> int:
    """Record each list once (an instrument, a date, complete or not); returns how many were new."""
    created = 0
    for item in on_file:
        _row, new = DepositaryList.objects.get_or_create(
            instrument_id=item.instrument,
            listed_on=item.listed_on,
            complete=item.complete,
            defaults={"source": item.source[: depositary.MAX_SOURCE_CHARS], "batch": batch},
        )
        created += new
    return created


def _consent_or_kind(kind: str) -> str:
    return "consent" if kind in CONSENT_KINDS else kind


def _defer_to_stored(actions: list[Action], existing: list[Action]) -> tuple[list[Action], list[str]]:
    """(the rows to import, a note per row left out): a row is left out where an action on file has
    the same State, instrument and kind (any consent counting as one) on another date."""
    stored = {(a.state, a.instrument, _consent_or_kind(a.kind)): a for a in existing}
    identical = {_key(a) for a in existing}
    keep: list[Action] = []
    kept: list[str] = []
    for action in actions:
        on_file = stored.get((action.state, action.instrument, _consent_or_kind(action.kind)))
        if on_file is None or _key(action) in identical:
            keep.append(action)
            continue
        kept.append(
            _(
                "row %(row)s: %(state)s %(code)s %(kind)s %(date)s left out; the %(kind_on_file)s of "
                "%(date_on_file)s on file stands"
            )
            % {
                "row": action.row,
                "state": action.state,
                "code": action.instrument,
                "kind": action.kind,
                "date": action.date,
                "kind_on_file": on_file.kind,
                "date_on_file": on_file.date,
            }
        )
    return keep, kept


def _split_new(actions: list[Action], existing: list[Action]) -> tuple[list[Action], int, list[tuple[int, str]]]:
    """(actions not on file yet, how many rows are on file already, rows repeating an earlier row)."""
    stored = {_key(a) for a in existing}
    first_row: dict[tuple[str, str, str, date], int] = {}
    new: list[Action] = []
    skipped = 0
    repeats = []
    for action in actions:
        key = _key(action)
        if key in stored:
            skipped += 1
        elif key in first_row:
            repeats.append(
                (action.row, _("row %(row)s: repeats row %(first)s") % {"row": action.row, "first": first_row[key]})
            )
        else:
            first_row[key] = action.row
            new.append(action)
    return new, skipped, repeats


# ---------------------------------------------------------------------------------------------
# one action typed by hand


def check_action(action: Action, *, replacing: int | None = None) -> tuple[list[str], list[str]]:
    """(errors, notes) for recording `action`, with the stored actions (less the one it replaces)."""
    rows = TreatyAction.objects.all()
    if replacing is not None:
        rows = rows.exclude(pk=replacing)
    existing = [row.to_action() for row in rows]
    if any(_key(a) == _key(action) for a in existing):
        given = {"state": action.state, "code": action.instrument, "kind": action.kind, "date": action.date}
        return [_("%(state)s %(code)s: this %(kind)s on %(date)s is already on file") % given], []
    refused, notes = validate_against([action], existing)
    return [str(e) for e in refused], list(notes)


def record_action(action: Action, *, note: str = "") -> tuple[TreatyAction, list[str]]:
    """Validate and store one action; ActionRefused with the engine's reasons when it cannot be."""
    with transaction.atomic():
        errors, notes = check_action(action)
        if errors:
            raise ActionRefused(errors)
        row = stored_row(action, note=note)
        row.save()
    return row, notes
