"""The country data files (`data/*.csv`) read and checked, as plain data. No Django here.

`read_country_data(directory)` reads the six files and returns a `CountryData`, or raises
`DataFileError` listing every problem with its file, row and column (rows are numbered as a
spreadsheet shows them: the header is row 1). Nothing is half-read: either every file is
good or nothing is returned.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from viennaplan.textfiles import NotText, read_text

from .names import LANGUAGES, NameEntry, NameIndex, build_index, normalise_name, un_names

DATA_DIR = Path(__file__).resolve().parent / "data"

KINDS = {
    "member_state": _("Member State"),
    "observer_state": _("non-member observer State"),
    "non_member_state": _("non-member State"),
    "organization": _("regional economic integration organization"),
}
# The five M49 regions, as the data files spell them (codes), and their names for readers. The
# sub-regions stay as the files write them (English), marked so on the pages.
REGION_LABELS = {
    "Africa": _("Africa"),
    "Americas": _("Americas"),
    "Asia": _("Asia"),
    "Europe": _("Europe"),
    "Oceania": _("Oceania"),
}
GROUPS = {
    "african": _("African States"),
    "asia_pacific": _("Asia-Pacific States"),
    "eastern_european": _("Eastern European States"),
    "latin_american_caribbean": _("Latin American and Caribbean States"),
    "western_european_others": _("Western European and other States"),
}
STATUS_LISTS = {
    "ldc": _("least developed country"),
    "lldc": _("landlocked developing country"),
    "sids": _("small island developing State"),
}
EUROPEAN_UNION = "EUU"

COLUMNS = {
    "countries.csv": (
        "alpha3 alpha2 m49 kind un_member_since region region_m49 subregion subregion_m49 intermediate_region "
        "intermediate_region_m49 name_en name_fr name_es name_ru name_zh name_ar formal_name_en note"
    ).split(),
    "predecessors.csv": "code name m49 from to successors continued_by note".split(),
    "names.csv": "name resolves_to valid_from valid_to note".split(),
    "regional_groups.csv": "state group primary note source".split(),
    "country_status.csv": "state list since until source note".split(),
    "eu_members.csv": "state joined left source".split(),
}
FILES = tuple(COLUMNS)

_ALPHA3 = re.compile(r"[A-Z]{3}")
_ALPHA2 = re.compile(r"[A-Z]{2}")
_M49 = re.compile(r"\d{3}")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int  # 0: the file as a whole; 1: the header
    column: str
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.message}"


class DataFileError(ValueError):
    """One or more problems in the data files; `problems` lists each with its place."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n  ".join(str(problem) for problem in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s) in the country data files:\n  {shown}{more}")


@dataclass(frozen=True)
class CountryRow:
    alpha3: str
    alpha2: str
    m49: str
    kind: str
    un_member_since: date | None
    region: str
    region_m49: str
    subregion: str
    subregion_m49: str
    intermediate_region: str
    intermediate_region_m49: str
    name_en: str
    name_fr: str
    name_es: str
    name_ru: str
    name_zh: str
    name_ar: str
    formal_name_en: str
    note: str
    row: int = 0

    def names(self) -> list[str]:
        return un_names(self)


@dataclass(frozen=True)
class PredecessorRow:
    code: str
    name: str
    m49: str
    existed_from: date | None
    existed_to: date | None
    successors: tuple[str, ...]
    continued_by: str
    note: str
    row: int = 0


@dataclass(frozen=True)
class NameRow:
    name: str
    resolves_to: str
    valid_from: date | None
    valid_to: date | None
    note: str
    row: int = 0


@dataclass(frozen=True)
class GroupRow:
    state: str
    group: str
    primary: bool
    note: str
    source: str
    row: int = 0


@dataclass(frozen=True)
class StatusRow:
    state: str
    list: str
    since: date | None
    until: date | None  # the day the State left the list (graduation takes effect that day)
    source: str
    note: str
    row: int = 0


@dataclass(frozen=True)
class MembershipRow:
    state: str
    joined: date
    left: date | None  # the last day of membership
    source: str
    organization: str = EUROPEAN_UNION
    row: int = 0


@dataclass
class CountryData:
    countries: list[CountryRow] = field(default_factory=list)
    predecessors: list[PredecessorRow] = field(default_factory=list)
    names: list[NameRow] = field(default_factory=list)
    groups: list[GroupRow] = field(default_factory=list)
    statuses: list[StatusRow] = field(default_factory=list)
    eu_members: list[MembershipRow] = field(default_factory=list)

    def name_index(self) -> NameIndex:
        """Every name: the UN names in six languages and formal names, predecessors, then names.csv."""
        extra = [NameEntry(n.name, n.resolves_to, n.valid_from, n.valid_to, n.note) for n in self.names]
        return build_index(self.countries, self.predecessors, extra)


class _Sheet:
    """One CSV file being read: its rows, and the problems found in them."""

    def __init__(self, directory: Path, name: str, problems: list[Problem]) -> None:
        self.name = name
        self.problems = problems
        self.rows: list[tuple[int, dict[str, str]]] = []
        path = directory / name
        if not path.is_file():
            self.fail(0, "", f"no such file in {directory}")
            return
        try:
            text = read_text(path.read_bytes(), expected="", allow_empty=True)
        except NotText as error:
            self.fail(0, "", error.problem)
            return
        reader = csv.DictReader(io.StringIO(text, newline=""))
        missing = [column for column in COLUMNS[name] if column not in (reader.fieldnames or [])]
        if missing:
            self.fail(1, ", ".join(missing), "missing column(s) in the header row")
            return
        for number, record in enumerate(reader, start=2):
            if None in record:
                self.fail(number, "", f"more cells than the {len(reader.fieldnames or [])} columns of the header")
                continue
            self.rows.append((number, {key: (value or "").strip() for key, value in record.items()}))

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        return iter(self.rows)

    def fail(self, row: int, column: str, message: str) -> None:
        self.problems.append(Problem(self.name, row, column, message))

    def required(self, row: int, record: dict[str, str], column: str) -> str:
        value = record[column]
        if not value:
            self.fail(row, column, "is empty")
        return value

    def pattern(self, row: int, record: dict[str, str], column: str, regex: re.Pattern[str], what: str) -> str:
        value = record[column]
        if value and not regex.fullmatch(value):
            self.fail(row, column, f"{value!r} is not {what}")
        return value

    def date(self, row: int, record: dict[str, str], column: str, required: bool = False) -> date | None:
        value = record[column]
        if not value:
            if required:
                self.fail(row, column, "is empty (expected a date, YYYY-MM-DD)")
            return None
        try:
            return date.fromisoformat(value) if len(value) == 10 else _not_a_date(value)
        except ValueError:
            self.fail(row, column, f"{value!r} is not a date (expected YYYY-MM-DD)")
            return None

    def choice(self, row: int, record: dict[str, str], column: str, choices: dict[str, str] | tuple[str, ...]) -> str:
        value = record[column]
        if value not in choices:
            self.fail(row, column, f"{value!r} is not one of {', '.join(choices)}")
        return value

    def period(self, row: int, start: date | None, end: date | None, columns: tuple[str, str]) -> None:
        if start and end and end < start:
            self.fail(row, columns[1], f"{end.isoformat()} is before {columns[0]} {start.isoformat()}")


def _not_a_date(value: str) -> date:
    raise ValueError(value)


def _overlap(a: tuple[date | None, date | None], b: tuple[date | None, date | None]) -> bool:
    low, high = date.min, date.max
    return (a[0] or low) <= (b[1] or high) and (b[0] or low) <= (a[1] or high)


def read_country_data(directory: Path = DATA_DIR) -> CountryData:
    """Read and check every data file; raise `DataFileError` listing all problems found."""
    problems: list[Problem] = []
    data = CountryData()
    sheets = {name: _Sheet(Path(directory), name, problems) for name in FILES}
    _read_countries(sheets["countries.csv"], data)
    states = {c.alpha3 for c in data.countries if c.kind != "organization"}
    _read_predecessors(sheets["predecessors.csv"], data)
    _read_names(sheets["names.csv"], data)
    _read_groups(sheets["regional_groups.csv"], data, states)
    _read_statuses(sheets["country_status.csv"], data, states)
    _read_eu_members(sheets["eu_members.csv"], data, states)
    if problems:
        raise DataFileError(problems)
    return data


def _read_countries(sheet: _Sheet, data: CountryData) -> None:
    seen: dict[str, dict[str, int]] = {"alpha3": {}, "alpha2": {}, "m49": {}}
    for row, record in sheet:
        sheet.pattern(row, record, "alpha3", _ALPHA3, "an ISO 3166-1 alpha-3 code (three capitals)")
        sheet.required(row, record, "alpha3")
        sheet.pattern(row, record, "alpha2", _ALPHA2, "an ISO 3166-1 alpha-2 code (two capitals)")
        kind = sheet.choice(row, record, "kind", KINDS)
        for column in ("m49", "region_m49", "subregion_m49", "intermediate_region_m49"):
            sheet.pattern(row, record, column, _M49, "an M49 code (three digits)")
        if kind != "organization":
            for column in ("m49", "region", "region_m49", "subregion", "subregion_m49"):
                sheet.required(row, record, column)
        for language in LANGUAGES:
            sheet.required(row, record, f"name_{language}")
        since = sheet.date(row, record, "un_member_since")
        if since and kind != "member_state":
            sheet.fail(row, "un_member_since", f"only Member States have a date of admission, not a {kind}")
        for column, values in seen.items():
            value = record[column]
            if value and value in values:
                sheet.fail(row, column, f"{value!r} is already used in row {values[value]}")
            values.setdefault(value, row)
        fields = {name: record[name] for name in COLUMNS["countries.csv"] if name != "un_member_since"}
        data.countries.append(CountryRow(**fields, un_member_since=since, row=row))
    names: dict[str, tuple[str, int]] = {}
    for country in data.countries:
        for name in country.names():
            key = normalise_name(name)
            if key and names.get(key, (country.alpha3, 0))[0] != country.alpha3:
                other, other_row = names[key]
                sheet.fail(country.row, "name", f"duplicate name {name!r}: row {other_row} ({other}) has it too")
            names.setdefault(key, (country.alpha3, country.row))


def _read_predecessors(sheet: _Sheet, data: CountryData) -> None:
    countries = {c.alpha3 for c in data.countries}
    codes = countries | {record["code"] for _row, record in sheet}
    seen: dict[str, int] = {}
    for row, record in sheet:
        code = sheet.pattern(row, record, "code", _ALPHA3, "a code of three capitals")
        if code in countries:
            sheet.fail(row, "code", f"{code!r} is a current code in countries.csv")
        if code in seen:
            sheet.fail(row, "code", f"{code!r} is already used in row {seen[code]}")
        seen.setdefault(code, row)
        sheet.required(row, record, "name")
        sheet.pattern(row, record, "m49", _M49, "an M49 code (three digits)")
        start, end = sheet.date(row, record, "from"), sheet.date(row, record, "to", required=True)
        sheet.period(row, start, end, ("from", "to"))
        successors = tuple(part.strip() for part in record["successors"].split(";") if part.strip())
        if not successors:
            sheet.fail(row, "successors", "is empty (expected codes separated by ';')")
        for successor in successors:
            if successor not in codes:
                sheet.fail(row, "successors", f"unknown code {successor!r}")
        continued_by = record["continued_by"]
        if continued_by and continued_by not in successors:
            sheet.fail(row, "continued_by", f"{continued_by!r} is not among the successors")
        data.predecessors.append(
            PredecessorRow(
                code, record["name"], record["m49"], start, end, successors, continued_by, record["note"], row
            )
        )


def _read_names(sheet: _Sheet, data: CountryData) -> None:
    codes = {c.alpha3 for c in data.countries} | {p.code for p in data.predecessors}
    country_names = {normalise_name(name): c.alpha3 for c in data.countries for name in c.names() if name}
    seen: dict[str, list[NameRow]] = {}
    for row, record in sheet:
        name = sheet.required(row, record, "name")
        code = sheet.required(row, record, "resolves_to")
        if code and code not in codes:
            sheet.fail(row, "resolves_to", f"unknown code {code!r} (not in countries.csv or predecessors.csv)")
        start, end = sheet.date(row, record, "valid_from"), sheet.date(row, record, "valid_to")
        sheet.period(row, start, end, ("valid_from", "valid_to"))
        entry = NameRow(name, code, start, end, record["note"], row)
        key = normalise_name(name)
        if key in country_names and country_names[key] != code:
            sheet.fail(row, "name", f"{name!r} is the UN name of {country_names[key]} in countries.csv")
        for other in seen.get(key, []):
            if _overlap((start, end), (other.valid_from, other.valid_to)):
                sheet.fail(row, "name", f"duplicate name {name!r}: row {other.row} has it for an overlapping period")
        seen.setdefault(key, []).append(entry)
        data.names.append(entry)


def _read_groups(sheet: _Sheet, data: CountryData, states: set[str]) -> None:
    seen: dict[tuple[str, str], int] = {}
    primary: dict[str, int] = {}
    for row, record in sheet:
        state = record["state"]
        if state not in states:
            sheet.fail(row, "state", f"unknown State {state!r} (not a State in countries.csv)")
        group = sheet.choice(row, record, "group", GROUPS)
        is_primary = sheet.choice(row, record, "primary", ("yes", "no")) == "yes"
        if (state, group) in seen:
            sheet.fail(row, "group", f"{state} is already in {group} in row {seen[state, group]}")
        seen.setdefault((state, group), row)
        if is_primary and state in primary:
            sheet.fail(row, "primary", f"{state} already has its primary group in row {primary[state]}")
        if is_primary:
            primary.setdefault(state, row)
        sheet.required(row, record, "source")
        data.groups.append(GroupRow(state, group, is_primary, record["note"], record["source"], row))


def _read_statuses(sheet: _Sheet, data: CountryData, states: set[str]) -> None:
    seen: dict[tuple[str, str], list[StatusRow]] = {}
    for row, record in sheet:
        state = record["state"]
        if state not in states:
            sheet.fail(row, "state", f"unknown State {state!r} (not a State in countries.csv)")
        kind = sheet.choice(row, record, "list", STATUS_LISTS)
        since, until = sheet.date(row, record, "since"), sheet.date(row, record, "until")
        if since and until and until <= since:
            sheet.fail(row, "until", f"{until.isoformat()} is not after since {since.isoformat()}")
        sheet.required(row, record, "source")
        status = StatusRow(state, kind, since, until, record["source"], record["note"], row)
        for other in seen.get((state, kind), []):
            if _overlap((since, until), (other.since, other.until)):
                sheet.fail(row, "since", f"{state} is already on the {kind} list for this period in row {other.row}")
        seen.setdefault((state, kind), []).append(status)
        data.statuses.append(status)


def _read_eu_members(sheet: _Sheet, data: CountryData, states: set[str]) -> None:
    seen: dict[str, list[MembershipRow]] = {}
    for row, record in sheet:
        state = record["state"]
        if state not in states:
            sheet.fail(row, "state", f"unknown State {state!r} (not a State in countries.csv)")
        joined, left = sheet.date(row, record, "joined", required=True), sheet.date(row, record, "left")
        sheet.period(row, joined, left, ("joined", "left"))
        sheet.required(row, record, "source")
        if joined is None:
            continue
        membership = MembershipRow(state, joined, left, record["source"], row=row)
        for other in seen.get(state, []):
            if _overlap((joined, left), (other.joined, other.left)):
                sheet.fail(row, "joined", f"{state} is already a member for this period in row {other.row}")
        seen.setdefault(state, []).append(membership)
        data.eu_members.append(membership)
