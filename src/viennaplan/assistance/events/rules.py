"""The plan's meetings and seminars (issue 13, part 5): the kinds of event and the rules of one row of
the events' CSV file, in plain Python.

No Django but `django.utils.translation`. One file holds events and what belongs to them, one record a
row, told apart by the `record` column: an `event` row fills the event's columns; a `participation`,
`document` or `output` row names its event by `key` and fills its own columns; every other column stays
empty. `parse_row` turns the cells of one row into a clean record or into every `RowError` (row,
column, value, why). What the rules must know of the database (the States, the provisions of the
current plan, the keys of the requests and projects) is handed in as a `Known`; the importer (`events_csv.py`)
checks what needs the other rows.

The columns (`COLUMNS`, in this order):

    record        event, participation, document or output
    key           the event's key (letters, digits, `.`, `_`, `-`); on the other rows, the event they belong to
    kind          event: one of `KINDS`; document: one of `DOCUMENT_KINDS`; output: one of `OUTPUT_KINDS`
    title         event: its title (required); document: its title (required)
    start         event: its first day, YYYY-MM-DD (required)
    end           event: its last day, YYYY-MM-DD (required; not before start)
    city          event: where it was held (may be empty)
    host          event: the host State, alpha-3 (may be empty)
    organizer     event: who organized it (may be empty)
    provisions    event: the provisions of the plan it serves, as paths: `10/c; 13/a` (each in the current plan)
    published     event: yes or no (empty: no): an event not published is a draft only the Secretariat sees
    requests      event: the requests for technical assistance it answers, by key: `TA-CHE-2003-001; TA-SEN-2003-002`
    project       event: the project of technical assistance that delivered it, by key (may be empty)
    state         participation: the participating State, alpha-3 (required)
    participants  participation: how many took part for that State, a whole number from 1 (required)
    symbol        document: the document's symbol, e.g. A/CONF.187/4 (may be empty)
    url           document: where to read it, http or https (may be empty)
    quantity      output: how many (officials trained, laws drafted …), a whole number from 0 (may be empty)
    description   event: what it was about (may hold line breaks); output: what came out of it (required)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.knowledge.legislation import (
    KEY,
    KEY_MAX,
    NO,
    PATH,
    URL,
    YES,
    parse_date,
    parse_provisions,
    path_order,
    write_provisions,
)
from viennaplan.rowerrors import RowError, record_kind

__all__ = ["KEY", "KEY_MAX", "NO", "PATH", "YES", "path_order", "write_provisions"]


@dataclass(frozen=True)
class Known:
    """What the rules need of the database: States' codes, the current plan's paths, the keys of the
    requests for technical assistance and of the projects."""

    states: frozenset[str]
    paths: frozenset[str]
    requests: frozenset[str] = frozenset()
    projects: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Kind:
    """A kind of event and the provisions of the plan that ask for it (paths; none for the last two)."""

    label: object  # lazy text
    provisions: tuple[str, ...]


KINDS: dict[str, Kind] = {
    "regional_seminar": Kind(gettext_lazy("regional seminar"), ("10/c",)),
    "high_level_seminar": Kind(gettext_lazy("high-level seminar"), ("13/a", "41")),
    "global_forum": Kind(gettext_lazy("global forum"), ("44/j", "46/c")),
    "world_conference": Kind(gettext_lazy("world conference or congress"), ("18/h",)),
    "conference_of_parties": Kind(gettext_lazy("Conference of the Parties"), ("18/g", "59/h")),
    "corruption_preparatory": Kind(
        gettext_lazy("preparatory meeting of the instrument against corruption"), ("22", "23")
    ),
    "training_workshop": Kind(gettext_lazy("training workshop"), ()),
    "other": Kind(gettext_lazy("other"), ()),
}
DOCUMENT_KINDS = {
    "report": gettext_lazy("report"),
    "programme": gettext_lazy("programme or agenda"),
    "background": gettext_lazy("background paper"),
    "recommendations": gettext_lazy("recommendations or conclusions"),
    "declaration": gettext_lazy("declaration"),
    "participants": gettext_lazy("list of participants"),
    "other": gettext_lazy("other"),
}
OUTPUT_KINDS = {
    "recommendations": gettext_lazy("recommendations adopted"),
    "declaration": gettext_lazy("declaration adopted"),
    "officials_trained": gettext_lazy("officials trained"),
    "laws_drafted": gettext_lazy("laws drafted or reviewed"),
    "publication": gettext_lazy("manual, guide or publication"),
    "action_plan": gettext_lazy("plan of action"),
    "network": gettext_lazy("network or contact list established"),
    "other": gettext_lazy("other"),
}

COLUMNS = (
    "record",
    "key",
    "kind",
    "title",
    "start",
    "end",
    "city",
    "host",
    "organizer",
    "provisions",
    "published",
    "requests",
    "project",
    "state",
    "participants",
    "symbol",
    "url",
    "quantity",
    "description",
)
EVENT, PARTICIPATION, DOCUMENT, OUTPUT = "event", "participation", "document", "output"
RECORDS = (EVENT, PARTICIPATION, DOCUMENT, OUTPUT)
# The columns each record fills (record and key always); the others must stay empty.
FILLS = {
    EVENT: (
        "kind",
        "title",
        "start",
        "end",
        "city",
        "host",
        "organizer",
        "provisions",
        "published",
        "requests",
        "project",
        "description",
    ),
    PARTICIPATION: ("state", "participants"),
    DOCUMENT: ("kind", "title", "symbol", "url"),
    OUTPUT: ("kind", "quantity", "description"),
}
REQUIRED = {
    EVENT: ("key", "kind", "title", "start", "end"),
    PARTICIPATION: ("key", "state", "participants"),
    DOCUMENT: ("key", "kind", "title"),
    OUTPUT: ("key", "kind", "description"),
}
MULTILINE = ("description",)

TITLE_MAX = 1000
NAME_MAX = 300  # a city, an organizer
SYMBOL_MAX = 100
URL_MAX = 1000
OUTPUT_MAX = 1000  # an output's description
DESCRIPTION_MAX = 5000
COUNT_MAX = 1_000_000
STATE = re.compile(r"[A-Z]{3}")
NUMBER = re.compile(r"\d{1,7}")


@dataclass(frozen=True)
class EventRecord:
    row: int
    key: str
    kind: str
    title: str
    start: date
    end: date
    city: str = ""
    host: str = ""  # alpha-3, or ""
    organizer: str = ""
    provisions: tuple[str, ...] = field(default=())
    published: bool = False
    requests: tuple[str, ...] = field(default=())
    project: str = ""
    description: str = ""


@dataclass(frozen=True)
class ParticipationRecord:
    row: int
    key: str
    state: str
    participants: int


@dataclass(frozen=True)
class DocumentRecord:
    row: int
    key: str
    kind: str
    title: str
    symbol: str = ""
    url: str = ""

    @property
    def identity(self) -> tuple[str, str]:
        return (self.symbol, self.title)


@dataclass(frozen=True)
class OutputRecord:
    row: int
    key: str
    kind: str
    description: str
    quantity: int | None = None

    @property
    def identity(self) -> tuple[str, str]:
        return (self.kind, self.description)


Record = EventRecord | ParticipationRecord | DocumentRecord | OutputRecord


def kind_label(code: str) -> str:
    kind = KINDS.get(code)
    return str(kind.label) if kind else code


def citation(path: str) -> str:
    """'57/k/ii' -> '57(k)(ii)': a provision's path as the plan cites it."""
    number, *labels = path.split("/")
    return number + "".join(f"({label})" for label in labels)


def parse_keys(value: str, known: frozenset[str], unknown: str) -> tuple[list[str], list[str]]:
    """('TA-1; TA-2') -> (['TA-1', 'TA-2'], problems): each a key on file (`unknown` says what is not)."""
    found: list[str] = []
    problems: list[str] = []
    for part in (piece.strip() for piece in value.split(";")):
        if not part:
            continue
        if part not in known:
            problems.append(unknown % {"key": part})
        elif part in found:
            problems.append(_("%(key)s is given twice") % {"key": part})
        else:
            found.append(part)
    return found, problems


def write_keys(keys: list[str] | tuple[str, ...]) -> str:
    return "; ".join(sorted(keys))


def cleaned(cells: dict[str, str]) -> dict[str, str]:
    """Every column's cell stripped (missing: empty), line ends of the long texts made line feeds."""
    value = {name: (cells.get(name) or "").strip() for name in COLUMNS}
    for name in MULTILINE:
        value[name] = value[name].replace("\r\n", "\n").replace("\r", "\n")
    return value


def parse_count(value: str, lowest: int) -> int:
    if not NUMBER.fullmatch(value) or not lowest <= int(value) <= COUNT_MAX:
        raise ValueError(
            _("not a whole number from %(lowest)s to %(highest)s") % {"lowest": lowest, "highest": COUNT_MAX}
        )
    return int(value)


def parse_row(row: int, cells: dict[str, str], known: Known) -> Record | list[RowError]:
    """The clean record of one row (`cells` by column name), or every problem with it."""
    value = cleaned(cells)
    errors: list[RowError] = []

    def wrong(column: str, message: str) -> None:
        errors.append(RowError(row, column, value[column], message))

    record = record_kind(value, RECORDS, REQUIRED, FILLS, wrong)
    if record is None:
        return errors
    if value["key"] and not KEY.fullmatch(value["key"]):
        wrong(
            "key",
            _("a key is up to %(limit)s letters, digits, dots, dashes or underscores, starting with a letter or digit")
            % {"limit": KEY_MAX},
        )
    parsers = {EVENT: event_row, PARTICIPATION: participation_row, DOCUMENT: document_row, OUTPUT: output_row}
    result = parsers[record](row, value, known, wrong)
    if errors or result is None:
        return errors
    return result


def check_choice(value: dict[str, str], choices: dict, wrong) -> None:
    if value["kind"] and value["kind"] not in choices:
        wrong("kind", _("not one of %(codes)s") % {"codes": ", ".join(choices)})


def check_length(value: dict[str, str], wrong, limits: tuple[tuple[str, int], ...]) -> None:
    for name, limit in limits:
        if len(value[name]) > limit:
            wrong(name, _("longer than %(limit)s characters") % {"limit": limit})


def event_row(row: int, value: dict[str, str], known: Known, wrong) -> EventRecord | None:
    check_choice(value, KINDS, wrong)
    check_length(
        value,
        wrong,
        (("title", TITLE_MAX), ("city", NAME_MAX), ("organizer", NAME_MAX), ("description", DESCRIPTION_MAX)),
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
    if value["host"] and value["host"] not in known.states:
        wrong("host", _("not the alpha-3 code of a State in the country registry (e.g. AUT)"))
    provisions, problems = parse_provisions(value["provisions"], known.paths)
    for problem in problems:
        wrong("provisions", problem)
    if value["published"].lower() not in (YES, NO, ""):
        wrong("published", _("yes or no"))
    requests, problems = parse_keys(
        value["requests"], known.requests, _("%(key)s is not the key of a request for technical assistance on file")
    )
    for problem in problems:
        wrong("requests", problem)
    if value["project"] and value["project"] not in known.projects:
        wrong("project", _("not the key of a project on file"))
    if days["start"] is None or days["end"] is None:
        return None
    return EventRecord(
        row=row,
        key=value["key"],
        kind=value["kind"],
        title=value["title"],
        start=days["start"],
        end=days["end"],
        city=value["city"],
        host=value["host"],
        organizer=value["organizer"],
        provisions=tuple(sorted(provisions, key=path_order)),
        published=value["published"].lower() == YES,
        requests=tuple(sorted(requests)),
        project=value["project"],
        description=value["description"],
    )


def participation_row(row: int, value: dict[str, str], known: Known, wrong) -> ParticipationRecord | None:
    if value["state"] and (not STATE.fullmatch(value["state"]) or value["state"] not in known.states):
        wrong("state", _("not the alpha-3 code of a State in the country registry (e.g. AUT)"))
    count = None
    if value["participants"]:
        try:
            count = parse_count(value["participants"], 1)
        except ValueError as error:
            wrong("participants", str(error))
    if count is None:
        return None
    return ParticipationRecord(row=row, key=value["key"], state=value["state"], participants=count)


def document_row(row: int, value: dict[str, str], known: Known, wrong) -> DocumentRecord:
    check_choice(value, DOCUMENT_KINDS, wrong)
    check_length(value, wrong, (("title", TITLE_MAX), ("symbol", SYMBOL_MAX), ("url", URL_MAX)))
    if value["url"] and not URL.fullmatch(value["url"]):
        wrong("url", _("not an http:// or https:// link"))
    return DocumentRecord(
        row=row, key=value["key"], kind=value["kind"], title=value["title"], symbol=value["symbol"], url=value["url"]
    )


def output_row(row: int, value: dict[str, str], known: Known, wrong) -> OutputRecord:
    check_choice(value, OUTPUT_KINDS, wrong)
    check_length(value, wrong, (("description", OUTPUT_MAX),))
    quantity = None
    if value["quantity"]:
        try:
            quantity = parse_count(value["quantity"], 0)
        except ValueError as error:
            wrong("quantity", str(error))
    return OutputRecord(
        row=row, key=value["key"], kind=value["kind"], description=value["description"], quantity=quantity
    )
