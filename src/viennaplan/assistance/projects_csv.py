"""The rules of one row of the projects' CSV file, in plain Python (issue 13).

No Django but `django.utils.translation`. One file holds the projects and their budgets, one record a
row, told apart by the `record` column: a `project` row fills the project's columns; a `budget` row
names its project by `key` and gives one year's amount in one currency; every other column stays
empty. `parse_row` turns the cells of one row into a clean record or into every `RowError` (row,
column, value, why). What the rules must know of the database (the requests on file, the stored
projects and their statuses) is handed in as a `Known`; the importer (`project_files.py`) checks what
needs the other rows.

The columns (`COLUMNS`, in this order):

    record            project or budget
    key               the project's key (PRJ-2003-001: letters, digits, `.`, `_`, `-`); on a budget row, its project
    title             project: its title (required)
    region            project: the region it serves, as the M49 names it (Western Africa; may be empty)
    chapter           project: the area of the plan, a chapter by its Roman numeral (VI; may be empty)
    executing_office  project: who executes it (may be empty)
    partners          project: its partners (may be empty; may hold line breaks)
    status            project: planned, active or completed (empty: planned)
    start             project: its first day, YYYY-MM-DD (may be empty)
    end               project: its last day, YYYY-MM-DD (may be empty; not before start)
    requests          project: the requests it serves, by key: `TA-CHE-2003-001; TA-SEN-2003-002`
    year              budget: the year, 1900 to 2100 (required)
    currency          budget: an ISO 4217 code: USD, EUR … (required)
    amount            budget: the amount in that currency, 0 or more, at most two decimals: 120000.00 (required)

A project's status changes only on its page (recording an output starts the delivery of its requests,
completing it delivers them): a file may give a new project as planned or active, and a stored
project with the status it has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from viennaplan.assistance.resources.currencies import CURRENCIES
from viennaplan.rowerrors import RowError, record_kind

from . import rules

PROJECT, BUDGET = "project", "budget"
RECORDS = (PROJECT, BUDGET)
COLUMNS = (
    "record",
    "key",
    "title",
    "region",
    "chapter",
    "executing_office",
    "partners",
    "status",
    "start",
    "end",
    "requests",
    "year",
    "currency",
    "amount",
)
FILLS = {
    PROJECT: ("title", "region", "chapter", "executing_office", "partners", "status", "start", "end", "requests"),
    BUDGET: ("year", "currency", "amount"),
}
REQUIRED = {PROJECT: ("key", "title"), BUDGET: ("key", "year", "currency", "amount")}
MULTILINE = ("title", "partners")
RESERVED_KEYS = frozenset({"new", "import"})  # the words of /assistance/projects/new and /import

TITLE_MAX = 1000
REGION_MAX = 60
OFFICE_MAX = 300
PARTNERS_MAX = 5000
YEAR_MIN, YEAR_MAX = 1900, 2100
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
YEAR = re.compile(r"\d{4}")
AMOUNT = re.compile(r"\d{1,12}(\.\d{1,2})?")


@dataclass(frozen=True)
class Known:
    """What the rules need of the database: the keys of the requests on file, and each stored
    project's status by its key."""

    requests: frozenset[str] = frozenset()
    projects: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ProjectRecord:
    row: int
    key: str
    title: str
    region: str = ""
    chapter: str = ""
    executing_office: str = ""
    partners: str = ""
    status: str = rules.PLANNED
    start: date | None = None
    end: date | None = None
    requests: tuple[str, ...] = ()


@dataclass(frozen=True)
class BudgetRecord:
    row: int
    key: str
    year: int
    currency: str
    amount: Decimal

    @property
    def identity(self) -> tuple[int, str]:
        return (self.year, self.currency)


Record = ProjectRecord | BudgetRecord


def parse_date(value: str) -> date:
    """A YYYY-MM-DD date; ValueError (translated) otherwise."""
    if not DATE.fullmatch(value):
        raise ValueError(_("not a date written YYYY-MM-DD"))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("no such day")) from None


def parse_year(value: str) -> int:
    if not YEAR.fullmatch(value) or not YEAR_MIN <= int(value) <= YEAR_MAX:
        raise ValueError(_("not a year between %(lowest)s and %(highest)s") % {"lowest": YEAR_MIN, "highest": YEAR_MAX})
    return int(value)


def parse_amount(value: str) -> Decimal:
    """An amount such as 120000 or 120000.50 (no sign, no thousands separator); ValueError otherwise."""
    if not AMOUNT.fullmatch(value):
        raise ValueError(_("not an amount such as 120000.00 (0 or more, at most two decimals)"))
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern lets only numbers through
        raise ValueError(_("not an amount such as 120000.00 (0 or more, at most two decimals)")) from None


def parse_currency(value: str) -> str:
    if value not in CURRENCIES:
        raise ValueError(
            _("%(value)s is not the ISO 4217 code of a currency (e.g. USD, EUR, CHF)") % {"value": repr(value)}
        )
    return value


def split_keys(value: str) -> list[str]:
    """Keys separated by semicolons, commas, spaces or line breaks: 'TA-1; TA-2' -> ['TA-1', 'TA-2']."""
    return [part for part in re.split(r"[;,\s]+", value) if part]


def parse_keys(value: str, known: frozenset[str]) -> tuple[list[str], list[str]]:
    """The requests' keys of a cell, each on file and given once, and the problems."""
    found: list[str] = []
    problems: list[str] = []
    for key in split_keys(value):
        if key not in known:
            problems.append(_("%(key)s is not the key of a request for technical assistance on file") % {"key": key})
        elif key in found:
            problems.append(_("%(key)s is given twice") % {"key": key})
        else:
            found.append(key)
    return found, problems


def write_keys(keys) -> str:
    return "; ".join(sorted(keys))


def write_amount(amount: Decimal) -> str:
    return f"{amount.quantize(Decimal('0.01'))}"


def cleaned(cells: dict[str, str]) -> dict[str, str]:
    """Every column's cell stripped (missing: empty), line ends of the long texts made line feeds."""
    value = {name: (cells.get(name) or "").strip() for name in COLUMNS}
    for name in MULTILINE:
        value[name] = value[name].replace("\r\n", "\n").replace("\r", "\n")
    return value


def parse_row(row: int, cells: dict[str, str], known: Known) -> Record | list[RowError]:
    """The clean record of one row (`cells` by column name), or every problem with it."""
    value = cleaned(cells)
    errors: list[RowError] = []

    def wrong(column: str, message: str) -> None:
        errors.append(RowError(row, column, value[column], message))

    record = record_kind(value, RECORDS, REQUIRED, FILLS, wrong)
    if record is None:
        return errors
    if value["key"] and (not rules.KEY.fullmatch(value["key"]) or value["key"].lower() in RESERVED_KEYS):
        wrong(
            "key",
            _("a key is up to %(limit)s letters, digits, dots, dashes or underscores, starting with a letter or digit")
            % {"limit": rules.KEY_MAX},
        )
    result = project_row(row, value, known, wrong) if record == PROJECT else budget_row(row, value, wrong)
    if errors or result is None:
        return errors
    return result


def project_row(row: int, value: dict[str, str], known: Known, wrong) -> ProjectRecord | None:
    for name, limit in (
        ("title", TITLE_MAX),
        ("region", REGION_MAX),
        ("executing_office", OFFICE_MAX),
        ("partners", PARTNERS_MAX),
    ):
        if len(value[name]) > limit:
            wrong(name, _("longer than %(limit)s characters") % {"limit": limit})
    if value["chapter"] and not rules.CHAPTER.fullmatch(value["chapter"]):
        wrong("chapter", _("not a chapter of the plan such as VI (a Roman numeral)"))
    status = value["status"] or rules.PLANNED
    stored = known.projects.get(value["key"])
    if status not in rules.PROJECT_STATUS_LABELS:
        wrong("status", _("not one of %(codes)s") % {"codes": ", ".join(rules.PROJECT_STATUS_LABELS)})
    elif stored is not None and status != stored:
        wrong(
            "status",
            _(
                "the project is %(stored)s: its status changes only on its page (recording an output, "
                "completing it), not by a file"
            )
            % {"stored": stored},
        )
    elif stored is None and status == rules.COMPLETED:
        wrong(
            "status",
            _("a new project is planned or active: complete it on its page, which delivers the requests it serves"),
        )
    days: dict[str, date | None] = {"start": None, "end": None}
    for name in days:
        if value[name]:
            try:
                days[name] = parse_date(value[name])
            except ValueError as error:
                wrong(name, str(error))
    if days["start"] and days["end"] and days["end"] < days["start"]:
        wrong("end", _("before the first day (%(day)s)") % {"day": days["start"].isoformat()})
    requests, problems = parse_keys(value["requests"], known.requests)
    for problem in problems:
        wrong("requests", problem)
    return ProjectRecord(
        row=row,
        key=value["key"],
        title=value["title"],
        region=value["region"],
        chapter=value["chapter"],
        executing_office=value["executing_office"],
        partners=value["partners"],
        status=status,
        start=days["start"],
        end=days["end"],
        requests=tuple(sorted(requests)),
    )


def budget_row(row: int, value: dict[str, str], wrong) -> BudgetRecord | None:
    parsed: dict[str, object] = {}
    for name, parse in (("year", parse_year), ("currency", parse_currency), ("amount", parse_amount)):
        if value[name]:
            try:
                parsed[name] = parse(value[name])
            except ValueError as error:
                wrong(name, str(error))
    if len(parsed) < 3:
        return None
    return BudgetRecord(row=row, key=value["key"], **parsed)  # type: ignore[arg-type]
