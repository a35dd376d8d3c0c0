"""Reading a file of observations and checking every row. Plain Python: of Django only
`django.utils.translation` (the errors are worded in the language of whoever imports).

Two formats, told apart by the header (an `OBS_VALUE` column is SDMX-CSV):

- **Tidy CSV**, the shipped files' format: `country, iso3, year, indicator, value[, unit][, source]`
  and optionally `note`, `flags` (words among `estimate`, `provisional`, `break`, separated by
  spaces, commas or semicolons) and one column per disaggregation dimension of the catalogue
  (`sex`, `age_group`, `citizenship`, `form_of_exploitation`; blank or `total` is the total).
  `iso3` or `country` (or both) names the State: the code decides where there is one.
- **SDMX-CSV** (version 1 with `DATAFLOW`, or 2 with `STRUCTURE, STRUCTURE_ID, ACTION`):
  `REF_AREA`, `TIME_PERIOD` (a year), `OBS_VALUE`, the indicator in `INDICATOR`, `SERIES` or
  `MEASURE`, and optionally `SEX` (F, M, _T), `AGE` (Y_LT18 child, Y_GE18 adult, _T), `OBS_STATUS`
  (A normal, E estimate, P provisional, B break), `OBS_COMMENT`, `UNIT_MEASURE`, `FREQ` (A only),
  `UNIT_MULT` (0 only). Headers and codes "with labels" (`REF_AREA: Reference area`,
  `AUT: Austria`) are read by their code. The dataflow names the source.

A value is a number as the publisher states it, or `<5` ("fewer than five": a small count the
publisher withheld), kept as such and never turned into a number. Rows count as an editor shows
them (the header is row 1); every bad row is listed with its column, and a file with one error
yields nothing (the caller stores all or nothing).

Checks: the State (by `match_state`, which raises LookupError saying why), the indicator (a
catalogue code or an alias), the year, the disaggregation against the indicator's dimensions, the
value against the indicator's kind (`catalogue.IndicatorSpec.value_problem`), the flags, a row
repeating an earlier one (same indicator, State, year, disaggregation and source), and a value
that differs from the one stored under the same key (`stored`). A row equal to a stored one is
counted as already on file, so importing the same file twice changes nothing.

With `skip_unmatched` (the shipped files only), a row whose State cannot be matched is not an
error: it is left out and counted in `unmatched` by the code and name it gives, for the caller
to report. With `skip_repeats` (the shipped files too), rows that share one key are all left
out and listed in `repeated` instead of refused: which of them the publisher meant is not ours
to guess. An operator's import sets neither.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from difflib import get_close_matches

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from viennaplan.cells import plain_text
from viennaplan.rowerrors import RowError
from viennaplan.textfiles import NotText, read_text

from .catalogue import Disaggregation, IndicatorSpec, disaggregation_key

TIDY_REQUIRED = ("year", "indicator", "value")
TIDY_STATE = ("country", "iso3")
TIDY_OPTIONAL = ("unit", "source", "note", "flags")
TIDY_HEADER = "country,iso3,year,indicator,value[,unit][,source][,note][,flags][,sex][,age_group]…"
SDMX_INDICATOR = ("INDICATOR", "SERIES", "MEASURE")
SDMX_IGNORED = ("STRUCTURE", "UNIT_MEASURE", "DECIMALS")
SDMX_DIMENSIONS = {"SEX": "sex", "AGE": "age_group"}
SDMX_CODES = {
    "sex": {"F": "female", "M": "male", "_T": ""},
    "age_group": {"Y_LT18": "child", "Y_GE18": "adult", "_T": ""},
}
FLAG_WORDS = {"estimate": "estimate", "provisional": "provisional", "break": "break_in_series"}
OBS_STATUS = {"A": None, "": None, "E": "estimate", "P": "provisional", "B": "break_in_series"}
TOTAL_WORDS = {"", "total", "_t", "all"}
MAX_SOURCE_CHARS = 300
MAX_NOTE_CHARS = 2000
MAX_VALUE_CHARS = 40  # what the database keeps of a value as published
SUPPRESSED = re.compile(r"^<\s*(\d{1,4})$")
YEAR = re.compile(r"^(\d{4})(?:-A1?)?$")

StateMatcher = Callable[[str, str, int], str]  # (code, name, year) -> alpha-3; LookupError says why not
Key = tuple[str, str, int, str, str]  # indicator, State, year, disaggregation key, source


class ObservationFileError(ValueError):
    """The file cannot be imported; `errors` lists every bad row (the file's own fault alone, if that)."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        super().__init__(ngettext("%(count)s error", "%(count)s errors", len(errors)) % {"count": len(errors)})


@dataclass
class Record:
    """One observation read from a row."""

    row: int
    indicator: str
    state: str
    year: int
    value: Decimal | None  # None when suppressed
    suppressed_below: int | None
    disaggregation: Disaggregation
    source: str
    note: str = ""
    estimate: bool = False
    provisional: bool = False
    break_in_series: bool = False

    @property
    def key(self) -> Key:
        return (self.indicator, self.state, self.year, disaggregation_key(self.disaggregation), self.source)

    @property
    def value_text(self) -> str:
        return published_text(self.value, self.suppressed_below)


@dataclass
class ParsedFile:
    format: str = "csv"
    rows: int = 0
    records: list[Record] = field(default_factory=list)  # new observations
    on_file: int = 0  # rows equal to a stored observation
    unmatched: dict[tuple[str, str], int] = field(default_factory=dict)  # (code, name) -> rows left out
    repeated: list[tuple[list[int], Key]] = field(default_factory=list)  # rows of one key, all left out (skip_repeats)


def published_text(value: Decimal | None, suppressed_below: int | None) -> str:
    """The value as compared and shown: '<5', or the number without exponent or trailing zeros."""
    if suppressed_below is not None:
        return f"<{suppressed_below}"
    assert value is not None
    text = format(value.normalize(), "f")
    return "0" if text in {"-0", "0"} else text


def read_value(text: str) -> tuple[Decimal | None, int | None]:
    """(number, None) or (None, N) for "<N"; ValueError saying why it is neither."""
    text = text.strip()
    if not text:
        raise ValueError(_("is empty; a value not published is no observation: leave the row out"))
    suppressed = SUPPRESSED.match(text)
    if suppressed:
        return None, int(suppressed[1])
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        raise ValueError(_("is not a number as written: write it without thousands separators (1234.5)"))
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("is not a number (nor <5, a suppressed small count)")) from None
    if not number.is_finite():
        raise ValueError(_("is not a number (nor <5, a suppressed small count)"))
    if abs(number) >= Decimal("1e17") or len(published_text(number, None)) > MAX_VALUE_CHARS:
        raise ValueError(
            _("is too large or too long for an observation (at most %(limit)s characters)") % {"limit": MAX_VALUE_CHARS}
        )
    return number, None


def parse(
    data: bytes | str,
    *,
    indicators: Mapping[str, IndicatorSpec],
    match_state: StateMatcher,
    source_name: str = "",
    stored: Mapping[Key, str] | None = None,
    current_year: int = 9999,
    skip_unmatched: bool = False,
    skip_repeats: bool = False,
) -> ParsedFile:
    """Read and check a whole file; ObservationFileError lists every bad row, else the new records."""
    text = _decode(data)
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        message = _("the file is empty; expected a header %(header)s") % {"header": TIDY_HEADER}
        raise ObservationFileError([RowError(0, "", "", message)])
    header_row, header_line = lines[0]
    cells = _cells(header_row, header_line)
    if isinstance(cells, RowError):
        raise ObservationFileError([cells])
    dimensions = sorted({name for spec in indicators.values() for name in spec.dimensions})
    sdmx = any(_code_of(cell).upper() == "OBS_VALUE" for cell in cells)
    columns = _sdmx_columns(header_row, cells) if sdmx else _tidy_columns(header_row, cells, dimensions)
    reader = _RowReader(indicators, match_state, source_name, current_year, skip_unmatched, sdmx, columns)
    parsed = ParsedFile(format="sdmx-csv" if sdmx else "csv")
    errors: list[RowError] = []
    first: dict[Key, int] = {}
    repeated: dict[Key, list[int]] = {}
    candidates: list[Record] = []
    for row, line in lines[1:]:
        parsed.rows += 1
        values = _cells(row, line)
        if isinstance(values, RowError):
            errors.append(values)
            continue
        if len(values) > len(cells):
            message = _("%(values)s values for %(columns)s columns (a comma too many?)") % {
                "values": len(values),
                "columns": len(cells),
            }
            errors.append(RowError(row, "", "", message))
            continue
        record = reader.read(row, {name: values[i] if i < len(values) else "" for name, i in columns.items()}, errors)
        if record is None:
            continue
        key = record.key
        if key not in first:
            first[key] = row
            candidates.append(record)
        elif skip_repeats:
            repeated.setdefault(key, [first[key]]).append(row)
        else:
            message = _("repeats row %(row)s (same indicator, State, year, disaggregation and source)") % {
                "row": first[key]
            }
            errors.append(RowError(row, "", "", message))
    stored = stored or {}
    for record in candidates:
        key = record.key
        if key in repeated:
            continue
        if key not in stored:
            parsed.records.append(record)
        elif stored[key] == record.value_text:
            parsed.on_file += 1
        else:
            message = _("conflicts with the stored value %(value)s") % {"value": stored[key]}
            errors.append(RowError(record.row, reader.value_column, record.value_text, message))
    errors.sort(key=lambda error: error.row)
    parsed.repeated = sorted((rows, key) for key, rows in repeated.items())
    parsed.unmatched = reader.unmatched
    if parsed.rows == 0:
        errors.append(RowError(0, "", "", _("the file has a header but no rows of observations")))
    if errors:
        raise ObservationFileError(errors)
    return parsed


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    try:
        return read_text(data, expected=_("expected a CSV text file of observations"))
    except NotText as error:
        raise ObservationFileError([RowError(0, "", "", str(error))]) from None


def _cells(row: int, line: str) -> list[str] | RowError:
    try:
        return [plain_text(cell) for cell in next(csv.reader([line]))]
    except csv.Error as error:
        message = _("not readable as CSV (%(error)s); check the quotes of this row") % {"error": error}
        return RowError(row, "", "", message)


def _code_of(cell: str) -> str:
    """'REF_AREA: Reference area' -> 'REF_AREA' (SDMX-CSV with labels: code, colon and space, label);
    a colon without a space stays ('UNODC:DF_TIP(1.0)')."""
    return cell.split(": ", 1)[0].strip()


def _tidy_columns(row: int, cells: list[str], dimensions: list[str]) -> dict[str, int]:
    names = [cell.strip().lower() for cell in cells]
    known = (*TIDY_STATE, *TIDY_REQUIRED, *TIDY_OPTIONAL, *dimensions)
    errors = []
    if len(names) == 1 and (";" in cells[0] or "\t" in cells[0]):
        message = _("columns must be separated by commas: %(header)s") % {"header": TIDY_HEADER}
        raise ObservationFileError([RowError(row, "", "", message)])
    for position, name in enumerate(names, start=1):
        if name not in known:
            hint = get_close_matches(name, known, n=1)
            if hint:
                message = _("unknown column; did you mean %(hint)s? the header is %(header)s") % {
                    "hint": repr(hint[0]),
                    "header": TIDY_HEADER,
                }
            else:
                message = _("unknown column; the header is %(header)s") % {"header": TIDY_HEADER}
            errors.append(RowError(row, _("column %(position)s") % {"position": position}, name, message))
    missing = [name for name in TIDY_REQUIRED if name not in names]
    if not set(TIDY_STATE) & set(names):
        missing.append(_("country or iso3"))
    if missing:
        message = ngettext(
            "missing column %(columns)s; the header is %(header)s",
            "missing columns %(columns)s; the header is %(header)s",
            len(missing),
        ) % {"columns": ", ".join(missing), "header": TIDY_HEADER}
        errors.append(RowError(row, "", "", message))
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        message = ngettext(
            "column %(columns)s appears more than once", "columns %(columns)s appear more than once", len(repeated)
        ) % {"columns": ", ".join(repeated)}
        errors.append(RowError(row, "", "", message))
    if errors:
        raise ObservationFileError(errors)
    return {name: position for position, name in enumerate(names)}


def _sdmx_columns(row: int, cells: list[str]) -> dict[str, int]:
    names = [_code_of(cell).upper() for cell in cells]
    known = ("DATAFLOW", "STRUCTURE_ID", "ACTION", "REF_AREA", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "OBS_COMMENT",
             "FREQ", "UNIT_MULT", *SDMX_INDICATOR, *SDMX_DIMENSIONS, *SDMX_IGNORED)  # fmt: skip
    errors = []
    for position, name in enumerate(names, start=1):
        if name not in known:
            message = _("a column this import does not read; known: %(known)s") % {"known": ", ".join(known)}
            errors.append(RowError(row, _("column %(position)s") % {"position": position}, name, message))
    indicator = [name for name in names if name in SDMX_INDICATOR]
    missing = [name for name in ("REF_AREA", "TIME_PERIOD", "OBS_VALUE") if name not in names]
    if len(indicator) != 1:
        missing.append(_("one of INDICATOR, SERIES or MEASURE"))
    if missing:
        message = ngettext(
            "missing column %(columns)s for SDMX-CSV", "missing columns %(columns)s for SDMX-CSV", len(missing)
        ) % {"columns": ", ".join(missing)}
        errors.append(RowError(row, "", "", message))
    if errors:
        raise ObservationFileError(errors)
    columns = {name: position for position, name in enumerate(names)}
    columns["INDICATOR"] = columns[indicator[0]]
    return columns


class _RowReader:
    """Reads one row's cells into a Record, adding each fault of the row to `errors`."""

    def __init__(
        self,
        indicators: Mapping[str, IndicatorSpec],
        match_state: StateMatcher,
        source_name: str,
        current_year: int,
        skip_unmatched: bool,
        sdmx: bool,
        columns: Mapping[str, int],
    ) -> None:
        self.indicators = indicators
        self.aliases = {alias: (spec, fixed) for spec in indicators.values() for alias, fixed in spec.aliases.items()}
        self.match_state = match_state
        self.source_name = source_name
        self.current_year = current_year
        self.skip_unmatched = skip_unmatched
        self.sdmx = sdmx
        self.columns = columns
        self.value_column = "OBS_VALUE" if sdmx else "value"
        self.unmatched: dict[tuple[str, str], int] = {}
        self.states: dict[tuple[str, str, int], str | LookupError] = {}

    def cell(self, record: Mapping[str, str], name: str) -> str:
        value = " ".join((record.get(name) or "").split())
        return _code_of(value) if self.sdmx and name not in ("OBS_COMMENT", "OBS_VALUE") else value

    def read(self, row: int, record: Mapping[str, str], errors: list[RowError]) -> Record | None:
        before = len(errors)
        get = self.cell
        if self.sdmx:
            year_col, indicator_col, value_col = "TIME_PERIOD", "INDICATOR", "OBS_VALUE"
            code, name, code_col = get(record, "REF_AREA"), "", "REF_AREA"
            self._sdmx_row_checks(row, record, errors)
        else:
            year_col, indicator_col, value_col = "year", "indicator", "value"
            code, name = get(record, "iso3"), get(record, "country")
            code_col = "iso3" if code else "country"

        year = self._year(row, year_col, get(record, year_col), errors)
        spec, fixed = self._indicator(row, indicator_col, get(record, indicator_col), errors)
        value, suppressed = None, None
        raw_value = get(record, value_col)
        try:
            value, suppressed = read_value(raw_value)
        except ValueError as error:
            errors.append(RowError(row, value_col, raw_value, str(error)))
        if spec is not None:
            if value is not None and (problem := spec.value_problem(value)):
                message = _("impossible value for %(indicator)s: %(problem)s") % {
                    "indicator": spec.code,
                    "problem": problem,
                }
                errors.append(RowError(row, value_col, raw_value, message))
            if suppressed is not None and not spec.may_be_suppressed():
                message = _("only a count may be published as <N; %(indicator)s is a %(kind)s") % {
                    "indicator": spec.code,
                    "kind": spec.kind,
                }
                errors.append(RowError(row, value_col, raw_value, message))
        disaggregation = self._disaggregation(row, record, spec, fixed, errors)
        flags = self._flags(row, record, errors)
        source = get(record, "source") or self._default_source(record)
        if len(source) > MAX_SOURCE_CHARS:
            message = _("%(length)s characters; at most %(limit)s") % {"length": len(source), "limit": MAX_SOURCE_CHARS}
            errors.append(RowError(row, "source", source, message))
        note = get(record, "OBS_COMMENT" if self.sdmx else "note")
        if len(note) > MAX_NOTE_CHARS:
            message = _("%(length)s characters; at most %(limit)s") % {"length": len(note), "limit": MAX_NOTE_CHARS}
            errors.append(RowError(row, "note", note, message))

        state = None
        if not code and not name:
            errors.append(RowError(row, code_col, "", _("is empty: the State is not named")))
        elif year is not None:
            state = self._state(row, code_col, code, name, year, errors)
        if len(errors) > before or state is None or spec is None or year is None or disaggregation is None:
            return None
        return Record(row, spec.code, state, year, value, suppressed, disaggregation, source, note, **flags)

    def _default_source(self, record: Mapping[str, str]) -> str:
        if self.sdmx:
            flow = self.cell(record, "DATAFLOW") or self.cell(record, "STRUCTURE_ID")
            if flow:
                return f"SDMX dataflow {flow}"
        return self.source_name or "unnamed file"

    def _sdmx_row_checks(self, row: int, record: Mapping[str, str], errors: list[RowError]) -> None:
        action = self.cell(record, "ACTION").upper()
        if action not in {"", "I", "A", "R"}:
            message = _("only observations to add (I, A or R) are imported, never deletions")
            errors.append(RowError(row, "ACTION", action, message))
        freq = self.cell(record, "FREQ").upper()
        if freq not in {"", "A"}:
            errors.append(RowError(row, "FREQ", freq, _("only annual observations (A) are imported")))
        mult = self.cell(record, "UNIT_MULT")
        if mult not in {"", "0"}:
            message = _("values in multiples are not converted; give them in units (UNIT_MULT 0)")
            errors.append(RowError(row, "UNIT_MULT", mult, message))

    def _year(self, row: int, column: str, text: str, errors: list[RowError]) -> int | None:
        match = YEAR.match(text)
        if not match:
            errors.append(RowError(row, column, text, _("is not a year (such as 2005)")))
            return None
        year = int(match[1])
        if not 1900 <= year <= self.current_year:
            message = _("is not a year of observations (1900 to %(year)s)") % {"year": self.current_year}
            errors.append(RowError(row, column, text, message))
            return None
        return year

    def _indicator(
        self, row: int, column: str, code: str, errors: list[RowError]
    ) -> tuple[IndicatorSpec | None, Disaggregation]:
        key = code.strip().lower()
        if key in self.indicators:
            return self.indicators[key], ()
        if key in self.aliases:
            return self.aliases[key]
        if not key:
            errors.append(RowError(row, column, "", _("is empty")))
        else:
            hint = get_close_matches(key, [*self.indicators, *self.aliases], n=1)
            if hint:
                message = _("unknown indicator; did you mean %(hint)s?") % {"hint": hint[0]}
            else:
                message = _("unknown indicator; the catalogue is at /indicators/")
            errors.append(RowError(row, column, code, message))
        return None, ()

    def _disaggregation(
        self,
        row: int,
        record: Mapping[str, str],
        spec: IndicatorSpec | None,
        fixed: Disaggregation,
        errors: list[RowError],
    ) -> Disaggregation | None:
        found = dict(fixed)
        columns = SDMX_DIMENSIONS.items() if self.sdmx else ((name, name) for name in self._dimension_columns())
        ok = True
        for column, dimension in columns:
            raw = self.cell(record, column)
            word = SDMX_CODES.get(dimension, {}).get(raw.upper(), raw) if self.sdmx else raw
            word = word.strip().lower()
            if word in TOTAL_WORDS:
                continue
            if spec is None:
                continue
            allowed = spec.dimensions.get(dimension)
            if allowed is None:
                message = _("%(indicator)s is not disaggregated by %(dimension)s") % {
                    "indicator": spec.code,
                    "dimension": dimension,
                }
                errors.append(RowError(row, column, raw, message))
                ok = False
            elif word not in allowed:
                message = _("unknown %(dimension)s for %(indicator)s; known: %(known)s") % {
                    "dimension": dimension,
                    "indicator": spec.code,
                    "known": ", ".join(allowed),
                }
                errors.append(RowError(row, column, raw, message))
                ok = False
            elif dimension in found and found[dimension] != word:
                message = _("the indicator code already says %(dimension)s=%(value)s") % {
                    "dimension": dimension,
                    "value": found[dimension],
                }
                errors.append(RowError(row, column, raw, message))
                ok = False
            else:
                found[dimension] = word
        return tuple(sorted(found.items())) if ok else None

    def _dimension_columns(self) -> Iterable[str]:
        fixed = {*TIDY_STATE, *TIDY_REQUIRED, *TIDY_OPTIONAL}
        return [name for name in self.columns if name not in fixed]

    def _flags(self, row: int, record: Mapping[str, str], errors: list[RowError]) -> dict[str, bool]:
        flags = {"estimate": False, "provisional": False, "break_in_series": False}
        if self.sdmx:
            status = self.cell(record, "OBS_STATUS").upper()
            if status not in OBS_STATUS:
                message = _(
                    "an observation status this import does not read; known: A, E estimate, P provisional, B break"
                )
                errors.append(RowError(row, "OBS_STATUS", status, message))
            elif OBS_STATUS[status]:
                flags[OBS_STATUS[status]] = True
            return flags
        for word in re.split(r"[\s,;]+", self.cell(record, "flags").lower()):
            if not word:
                continue
            if word not in FLAG_WORDS:
                message = _("unknown flag; known: %(known)s") % {"known": ", ".join(FLAG_WORDS)}
                errors.append(RowError(row, "flags", word, message))
            else:
                flags[FLAG_WORDS[word]] = True
        return flags

    def _state(self, row: int, column: str, code: str, name: str, year: int, errors: list[RowError]) -> str | None:
        key = (code, name if not code else "", year)
        found = self.states.get(key)
        if found is None:
            try:
                found = self.match_state(code, name, year)
            except LookupError as error:
                found = error
            self.states[key] = found
        if isinstance(found, str):
            return found
        if self.skip_unmatched:
            self.unmatched[(code, name)] = self.unmatched.get((code, name), 0) + 1
        else:
            errors.append(RowError(row, column, code or name, str(found.args[0]) if found.args else _("unknown State")))
        return None
