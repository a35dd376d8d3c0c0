"""The depositary's status lists as files: read a CSV into `records.Action`s, write CSV and JSON.

Plain Python, no Django. The format (docs/data-formats.md):

    state,instrument,action,date[,source][,note]

- `state`: an ISO 3166-1 alpha-3 code or a UN name in a form the depositary uses, current or
  historical ("Türkiye", "Turkey", "Serbia and Montenegro", "European Community"). Names are
  resolved by the callable the caller gives (`NameIndex.resolve`), on the action's date.
- `instrument`: a code (UNTOC, TIP, ...), case-insensitive.
- `action`: signature, ratification, acceptance, approval, accession, succession,
  formal confirmation or denunciation, case-insensitive; "consent" or blank lets the date's
  suffix say which consent it is, and a consent date without a suffix is a ratification (the
  depositary's convention: its consent column marks every kind but ratification).
- `date`: ISO (2005-09-15) or the depositary's style (15 Sep 2005), optionally followed by the
  depositary's suffix: `a` accession, `A` acceptance, `AA` approval, `d` succession, `c` formal
  confirmation (suffixes are case-sensitive: `a` is not `A`). A suffix must agree with the
  action column.

Rows are numbered as a spreadsheet or an editor shows them: the header is row 1. Lines that
start with `#` are comments (the synthetic test files say so there). Every bad row is reported,
each with its column and reason; a file with any error yields no actions.

A status list records actions already taken: a date after the list's date (today, unless the
caller says when the list was made) is refused. A row longer than `MAX_ROW_CHARS` is refused
before the csv module reads it (a quote never closed, or not a status list at all). Cells the
CSV export prefixed with an apostrophe to keep spreadsheets from running them as formulas
(`'=HYPERLINK(…)`, see `viennaplan.cells`) are read back without it: export then import is lossless.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from difflib import get_close_matches
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from viennaplan.cells import plain_text, safe_text
from viennaplan.dates import month_number, short_date
from viennaplan.rowerrors import RowError
from viennaplan.textfiles import BINARY, NotText, read_text

from .records import ACTION_KINDS, CONSENT_KINDS, DENUNCIATION, SIGNATURE, Action

REQUIRED_COLUMNS = ("state", "instrument", "action", "date")
OPTIONAL_COLUMNS = ("source", "note")
HEADER = "state,instrument,action,date[,source][,note]"
JSON_FORMAT = "viennaplan-treaty-actions"
MAX_ROW_CHARS = 20_000  # a row is a few hundred characters, a long note a few thousand
MAX_SOURCE_CHARS = 300  # what the database keeps of a source

SUFFIXES = {"a": "accession", "A": "acceptance", "AA": "approval", "d": "succession", "c": "formal_confirmation"}
SUFFIX_OF = {kind: suffix for suffix, kind in SUFFIXES.items()}
UNSPECIFIED_CONSENT = {"", "consent"}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(\S+))?$")
_DEPOSITARY = re.compile(r"^(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{4})(?:\s+(\S+))?$")

StateResolver = Callable[[str, "date | None"], str]


@dataclass
class ParsedFile:
    actions: list[Action] = field(default_factory=list)
    row_notes: dict[int, str] = field(default_factory=dict)  # the `note` column, by row
    notes: list[str] = field(default_factory=list)  # for the import report (e.g. a former State's name)
    rows: int = 0  # data rows read (comments and blank lines not counted)


@dataclass(frozen=True)
class Latest:
    """The last date an action of the list may have: the list's date, or today when none was given."""

    day: date
    stated: bool = False  # the list's date, as the caller stated it (not today)

    @classmethod
    def of(cls, list_date: date | None, today: date | None = None) -> Latest:
        return cls(list_date, True) if list_date else cls(today or date.today())

    def problem(self, day: date) -> str:
        if day <= self.day:
            return ""
        if self.stated:
            return _("after the list's date (%(day)s): a status list records actions already taken") % {
                "day": self.day.isoformat()
            }
        return _(
            "after today (%(day)s): a status list records actions already taken; if the list is dated later, give "
            "its date (treaties import FILE --list-date YYYY-MM-DD)"
        ) % {"day": self.day.isoformat()}


class SuffixMismatch(ValueError):
    """The date's suffix names another action than the action column (the error belongs to the date)."""


class DepositaryFormatError(ValueError):
    """The file cannot be read as a status list; `errors` lists every bad row."""

    def __init__(self, errors: list[RowError], source_name: str = "", parsed: ParsedFile | None = None) -> None:
        self.errors = errors
        self.source_name = source_name
        self.parsed = parsed  # the rows that were read well, so that they can be checked further
        where = f"{source_name}: " if source_name else ""
        super().__init__(f"{where}{len(errors)} error(s); first: {errors[0]}" if errors else where + "invalid")


# ---------------------------------------------------------------------------------------------
# reading


def decode(data: bytes | str) -> str:
    """The file's text; refuses binary and non-UTF-8 data with a RowError saying where."""
    if isinstance(data, str):
        return data
    try:  # an empty file is refused later, with the header a status list needs
        return read_text(data, expected="save as UTF-8", allow_empty=True)
    except NotText as error:
        message = (
            _("%(problem)s, expected a CSV text file") % {"problem": error.problem}
            if error.kind == BINARY
            else str(error)
        )
        raise DepositaryFormatError([RowError(0, "", "", message)]) from None


def parse(
    data: bytes | str,
    *,
    resolve_state: StateResolver,
    instruments: Collection[str],
    source_name: str = "",
    list_date: date | None = None,
    today: date | None = None,
    fmt: str | None = None,
) -> ParsedFile:
    """Read a status list; raise DepositaryFormatError listing every bad row, or return its actions.

    `fmt` is "csv" or "json" (a viennaplan export, see `to_json`, where "row" n is the nth
    action); by default JSON when the name ends in .json or the text starts with "{".
    `resolve_state(name_or_code, on)` returns an alpha-3 code or raises an exception whose
    message says why (with a suggestion); `instruments` are the known instrument codes. Dates
    after `list_date` (by default `today`, by default the system's) are refused.
    """
    try:
        text = decode(data)
        if fmt is None:
            fmt = "json" if source_name.lower().endswith(".json") or text.lstrip().startswith("{") else "csv"
        records = _json_records(text) if fmt == "json" else _csv_records(text)
        next(records)  # the file's own faults (empty, a wrong header, not JSON) are raised here
    except DepositaryFormatError as error:
        raise DepositaryFormatError(error.errors, source_name) from None
    errors: list[RowError] = []
    parsed = ParsedFile()
    known = {code.upper(): code for code in instruments}
    latest = Latest.of(list_date, today)
    for row, record in records:
        parsed.rows += 1
        if isinstance(record, RowError):
            errors.append(record)
            continue
        action = _read_record(row, record, resolve_state, known, source_name, errors, parsed.row_notes, latest)
        if action is not None:
            parsed.actions.append(action)
    if parsed.rows == 0:
        errors.append(RowError(0, "", "", "the file has a header but no rows of actions"))
    if errors:
        raise DepositaryFormatError(errors, source_name, parsed)
    return parsed


Records = Iterator["tuple[int, dict[str, Any] | RowError] | None"]  # None first: the file is readable


def _csv_records(text: str) -> Records:
    """None first (the header is read), then (row, record) or (row, why it cannot be read) per line."""
    lines = list(_numbered_lines(text))
    if not lines:
        raise DepositaryFormatError(
            [
                RowError(
                    0,
                    "",
                    "",
                    _("the file is empty; expected a header row %(header)s and one row per action")
                    % {"header": HEADER},
                )
            ]
        )
    header_row, header_line = lines[0]
    columns = _read_header(header_row, header_line)
    yield None
    for row, line in lines[1:]:
        cells: list[RowError] = []
        values = _cells(row, line, cells)
        if values is None:
            yield row, cells[0]
        elif len(values) > len(columns):
            message = _("%(values)s values for %(columns)s columns (a comma too many?)") % {
                "values": len(values),
                "columns": len(columns),
            }
            yield row, RowError(row, "", "", message)
        else:
            yield row, {name: plain_text(values[i]) if i < len(values) else "" for name, i in columns.items()}


def _json_records(text: str) -> Records:
    """None first (the document is read), then (n, the nth action) or (n, why it is not one)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise DepositaryFormatError(
            [
                RowError(
                    error.lineno,
                    "",
                    "",
                    _("not valid JSON (%(error)s, column %(column)s)") % {"error": error.msg, "column": error.colno},
                )
            ]
        ) from None
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise DepositaryFormatError(
            [
                RowError(
                    0,
                    "",
                    "",
                    _('not a viennaplan export of treaty actions (expected "format": "%(format)s")')
                    % {"format": JSON_FORMAT},
                )
            ]
        )
    items = document.get("actions")
    if not isinstance(items, list) or not items:
        raise DepositaryFormatError([RowError(0, "actions", "", _("no actions in the file"))])
    yield None
    for number, item in enumerate(items, start=1):
        yield number, item if isinstance(item, dict) else RowError(number, "", "", _("each action must be an object"))


def _cells(row: int, line: str, errors: list[RowError]) -> list[str] | None:
    """The cells of one line, or None after saying why it cannot be read (too long, not CSV)."""
    if len(line) > MAX_ROW_CHARS:
        message = _(
            "%(n)s characters, more than a row of a status list holds (at most %(most)s); is a closing quote "
            "missing, or is this not a status list?"
        ) % {"n": f"{len(line):,}", "most": f"{MAX_ROW_CHARS:,}"}
        errors.append(RowError(row, "", "", message))
        return None
    try:
        return next(csv.reader([line]))
    except csv.Error as error:
        errors.append(
            RowError(row, "", "", _("not readable as CSV (%(error)s); check the quotes of this row") % {"error": error})
        )
        return None


def _numbered_lines(text: str) -> Iterable[tuple[int, str]]:
    """(row, line) for each line that is neither blank nor a # comment; rows count from 1."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def _read_header(row: int, line: str) -> dict[str, int]:
    if line.lstrip().startswith(("{", "[")):
        raise DepositaryFormatError(
            [RowError(row, "", "", _("this looks like JSON, not CSV; expected %(header)s") % {"header": HEADER})]
        )
    errors: list[RowError] = []
    cells = _cells(row, line, errors)
    if cells is None:
        raise DepositaryFormatError(errors)
    names = [cell.strip().lower() for cell in cells]
    if len(names) > 3 * len(REQUIRED_COLUMNS + OPTIONAL_COLUMNS):
        message = _("%(n)s columns; the header must be %(header)s") % {"n": len(names), "header": HEADER}
        raise DepositaryFormatError([RowError(row, "", "", message)])
    if len(names) == 1:
        separated = {
            ";": _("columns are separated by semicolons; expected commas: %(header)s"),
            "\t": _("columns are separated by tabs; expected commas: %(header)s"),
        }
        for separator, message in separated.items():
            if separator in line:
                raise DepositaryFormatError([RowError(row, "", "", message % {"header": HEADER})])
        message = _("not a CSV header; expected %(header)s") % {"header": HEADER}
        raise DepositaryFormatError([RowError(row, "", line[:40], message)])
    if not set(names) & set(REQUIRED_COLUMNS + OPTIONAL_COLUMNS):
        message = _("the first row is not a header; the file must start with %(header)s") % {"header": HEADER}
        raise DepositaryFormatError([RowError(row, "", line[:40], message)])
    for position, name in enumerate(names, start=1):
        if name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
            hint = get_close_matches(name, REQUIRED_COLUMNS + OPTIONAL_COLUMNS, n=1)
            if hint:
                message = _("unknown column (did you mean %(hint)s?); the header must be %(header)s") % {
                    "hint": repr(hint[0]),
                    "header": HEADER,
                }
            else:
                message = _("unknown column; the header must be %(header)s") % {"header": HEADER}
            errors.append(RowError(row, f"#{position}", name, message))
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        message = ngettext(
            "missing column %(columns)s; the header must be %(header)s",
            "missing columns %(columns)s; the header must be %(header)s",
            len(missing),
        ) % {"columns": ", ".join(missing), "header": HEADER}
        errors.append(RowError(row, "", "", message))
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        message = ngettext(
            "column %(columns)s appears more than once",
            "columns %(columns)s appear more than once",
            len(repeated),
        ) % {"columns": ", ".join(repeated)}
        errors.append(RowError(row, "", "", message))
    if errors:
        raise DepositaryFormatError(errors)
    return {name: names.index(name) for name in names}


def _read_record(
    row: int,
    record: dict[str, str],
    resolve_state: StateResolver,
    instruments: dict[str, str],
    source_name: str,
    errors: list[RowError],
    notes: dict[int, str],
    latest: Latest,
) -> Action | None:
    """One action from one row's cells, or None after adding each thing wrong with it to `errors`."""

    def cell(name: str) -> str:
        return " ".join(str(record.get(name) or "").split())

    before = len(errors)
    for name in REQUIRED_COLUMNS:
        if name != "action" and not cell(name):
            errors.append(RowError(row, name, "", _("is empty")))
    raw_date, raw_action, raw_state, raw_instrument = cell("date"), cell("action"), cell("state"), cell("instrument")

    day, suffix = None, None
    if raw_date:
        try:
            day, suffix = parse_date(raw_date)
        except ValueError as error:
            errors.append(RowError(row, "date", raw_date, str(error)))
        if day is not None and (late := latest.problem(day)):
            errors.append(RowError(row, "date", raw_date, late))

    kind = None
    try:
        kind = action_kind(raw_action, suffix)
    except ValueError as error:
        column = "date" if isinstance(error, SuffixMismatch) else "action"
        errors.append(RowError(row, column, raw_date if column == "date" else raw_action, str(error)))

    instrument = instruments.get(raw_instrument.upper()) if raw_instrument else None
    if raw_instrument and instrument is None:
        hint = get_close_matches(raw_instrument.upper(), list(instruments), n=1)
        given = {"hint": hint[0] if hint else "", "known": ", ".join(instruments)}
        if hint:
            message = _("unknown instrument; did you mean %(hint)s? known: %(known)s") % given
        else:
            message = _("unknown instrument; known: %(known)s") % given
        errors.append(RowError(row, "instrument", raw_instrument, message))

    state = None
    if raw_state:
        try:
            state = resolve_state(raw_state, day)
        except (LookupError, ValueError) as error:
            errors.append(RowError(row, "state", raw_state, _reason(error)))

    if len(cell("source")) > MAX_SOURCE_CHARS:
        errors.append(
            RowError(
                row,
                "source",
                cell("source"),
                _("%(n)s characters; at most %(most)s") % {"n": len(cell("source")), "most": MAX_SOURCE_CHARS},
            )
        )

    if len(errors) > before or state is None or instrument is None or day is None or kind is None:
        return None
    source = cell("source") or (f"{source_name}, row {row}" if source_name else f"row {row}")
    if cell("note"):
        notes[row] = cell("note")
    return Action(state=state, instrument=instrument, kind=kind, date=day, source=source, row=row)


def _reason(error: Exception) -> str:
    """The message of the resolver's exception (a KeyError's str() would quote it)."""
    text = str(error.args[0]) if isinstance(error, KeyError) and error.args else str(error)
    return text.strip() or _("unknown State")


def parse_date(text: str) -> tuple[date, str | None]:
    """(date, suffix) from '2005-09-15', '15 Sep 2005', '15 September 2005 a', '2005-09-15 AA'."""
    text = " ".join(text.split())
    iso, depositary = _ISO.match(text), _DEPOSITARY.match(text)
    if iso:
        year, month, day, suffix = int(iso[1]), int(iso[2]), int(iso[3]), iso[4]
    elif depositary:
        month = month_number(depositary[2])
        if month is None:
            raise ValueError(
                _("unknown month %(month)s; write the date as 2005-09-15 or 15 Sep 2005")
                % {"month": repr(depositary[2])}
            )
        year, day, suffix = int(depositary[3]), int(depositary[1]), depositary[4]
    else:
        raise ValueError(_("not a date; write it as 2005-09-15 or 15 Sep 2005, with a suffix (a, A, AA, d, c) if any"))
    if suffix is not None and suffix not in SUFFIXES:
        known = ", ".join(f"{s} {k.replace('_', ' ')}" for s, k in SUFFIXES.items())
        raise ValueError(
            _("unknown suffix %(suffix)s; the depositary's suffixes are %(known)s (case matters)")
            % {"suffix": repr(suffix), "known": known}
        )
    try:
        return date(year, month, day), suffix
    except ValueError as error:
        raise ValueError(_("no such day (%(error)s)") % {"error": error}) from None


def action_kind(raw: str, suffix: str | None) -> str:
    """The kind of action from the action column and the date's suffix, which must agree."""
    word = " ".join(raw.lower().replace("_", " ").split())
    if word in UNSPECIFIED_CONSENT:
        return SUFFIXES[suffix] if suffix else "ratification"
    kind = word.replace(" ", "_")
    if kind not in ACTION_KINDS:
        hint = get_close_matches(kind, ACTION_KINDS, n=1)
        given = {
            "hint": repr(hint[0].replace("_", " ")) if hint else "",
            "words": ", ".join(k.replace("_", " ") for k in ACTION_KINDS),
        }
        if hint:
            raise ValueError(_("unknown action; did you mean %(hint)s? expected one of %(words)s, or consent") % given)
        raise ValueError(_("unknown action; expected one of %(words)s, or consent") % given)
    if suffix is not None and SUFFIXES[suffix] != kind:
        raise SuffixMismatch(
            _("suffix %(suffix)s means %(meant)s, but the action column says %(word)s")
            % {"suffix": repr(suffix), "meant": SUFFIXES[suffix].replace("_", " "), "word": word}
        )
    return kind


# ---------------------------------------------------------------------------------------------
# JSON (the export's own format, readable back)


# ---------------------------------------------------------------------------------------------
# writing


def action_word(kind: str) -> str:
    return kind.replace("_", " ")


def sorted_actions(actions: Iterable[Action]) -> list[Action]:
    order = {kind: position for position, kind in enumerate(ACTION_KINDS)}
    return sorted(actions, key=lambda a: (a.instrument, a.state, a.date, order.get(a.kind, 99)))


def write_csv(actions: Iterable[Action]) -> str:
    """The actions in the import format (ISO dates, action words, no suffixes): import(export) is the same.

    Every cell goes through `cells.safe_text`: a source such as `=HYPERLINK(…)` is written `'=HYPERLINK(…)`,
    text to a spreadsheet program, and `parse` takes the apostrophe off again. A carriage return in a
    cell is written as a line feed: with "\n" line ends the csv module would not quote it, and a program
    reading the file would start a new row there (whose first cell could be a formula)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["state", "instrument", "action", "date", "source"])
    for action in sorted_actions(actions):
        row = [action.state, action.instrument, action_word(action.kind), action.date.isoformat(), action.source]
        writer.writerow([safe_text(cell).replace("\r\n", "\n").replace("\r", "\n") for cell in row])
    return buffer.getvalue()


def to_json(actions: Iterable[Action], *, extra: dict[str, Any] | None = None) -> str:
    """The actions as JSON, sorted and indented: the same actions always give the same bytes."""
    document: dict[str, Any] = {
        "format": JSON_FORMAT,
        "version": 1,
        **(extra or {}),
        "actions": [
            {
                "state": action.state,
                "instrument": action.instrument,
                "action": action_word(action.kind),
                "date": action.date.isoformat(),
                "source": action.source,
            }
            for action in sorted_actions(actions)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def depositary_date(action: Action) -> str:
    """'15 Sep 2005 a': how the depositary prints a consent date."""
    text = short_date(action.date)
    suffix = SUFFIX_OF.get(action.kind)
    return f"{text} {suffix}" if suffix else text


__all__ = [
    "CONSENT_KINDS",
    "DENUNCIATION",
    "HEADER",
    "SIGNATURE",
    "DepositaryFormatError",
    "ParsedFile",
    "RowError",
    "action_kind",
    "decode",
    "depositary_date",
    "parse",
    "parse_date",
    "to_json",
    "write_csv",
]
