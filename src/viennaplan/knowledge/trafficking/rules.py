"""Trafficking in persons (46(b),(d)): the rules of one flow, in plain Python (and `django.utils.translation`).

A flow is an aggregate, never a person: victims detected on one route (origin State -> destination
State, through a transit State if known) in a period, for one form of exploitation, as counts by sex
and age group. Nothing in a flow may identify anyone: the only texts are the source, the reporting
authority and a link, each checked by `identifying_problem` (no names with a title, dates of birth,
ages of someone, contact details, document numbers, counts of people written in words).

The CSV columns (`COLUMNS`, in this order; `flows_csv.py` reads and writes the file):

    key             the Secretariat's key for the flow, unique: letters, digits, `.`, `_`, `-`
    origin          alpha-3 code of the State of origin
    destination     alpha-3 code of the State of destination (the same as origin: domestic trafficking)
    transit         alpha-3 code of a State of transit (may be empty)
    year_from       first year of the period (YYYY)
    year_to         last year of the period (empty: the same year)
    form            sexual_exploitation, forced_labour, servitude, organ_removal, forced_criminality,
                    forced_marriage or other
    female_child … unknown_unknown   the nine counts of detected victims by sex (female, male,
                    unknown) and age group (child, adult, unknown); whole numbers, empty is 0
    total           the number of detected victims: the sum of the nine counts
    source          the publication or data set (required)
    source_url      http(s) link to it (may be empty)
    authority       the reporting authority (required)
    provisions      the plan's provisions, as paths: `46/b; 46/d` (empty: 46/b)
    published       yes or no (empty: no): a flow not published is a draft the public does not see
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.rowerrors import RowError

FORM_LABELS = {
    "sexual_exploitation": gettext_lazy("sexual exploitation"),
    "forced_labour": gettext_lazy("forced labour"),
    "servitude": gettext_lazy("servitude"),
    "organ_removal": gettext_lazy("removal of organs"),
    "forced_criminality": gettext_lazy("forced criminality"),
    "forced_marriage": gettext_lazy("forced marriage"),
    "other": gettext_lazy("other forms of exploitation"),
}
SEX_LABELS = {"female": gettext_lazy("female"), "male": gettext_lazy("male"), "unknown": gettext_lazy("sex unknown")}
AGE_LABELS = {
    "child": gettext_lazy("children"),
    "adult": gettext_lazy("adults"),
    "unknown": gettext_lazy("age unknown"),
}
CELLS = tuple(f"{sex}_{age}" for sex in SEX_LABELS for age in AGE_LABELS)
DEFAULT_PROVISIONS = ("46/b",)
PROVISIONS_OF_COLLECTION = ("46/b", "46/d")

COLUMNS = (
    "key",
    "origin",
    "destination",
    "transit",
    "year_from",
    "year_to",
    "form",
    *CELLS,
    "total",
    "source",
    "source_url",
    "authority",
    "provisions",
    "published",
)
REQUIRED = ("key", "origin", "destination", "year_from", "form", "total", "source", "authority")
YES, NO = "yes", "no"

KEY_MAX = 80
KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
YEAR = re.compile(r"\d{4}")
FIRST_YEAR, LAST_YEAR = 1900, 2100
COUNT = re.compile(r"\d{1,7}")
URL = re.compile(r"https?://[^\s]+")
PATH = re.compile(r"[1-9]\d{0,2}(/[a-z]{1,5}){0,2}")
TEXT_MAX = 300

# What would make a text about one person, or leak a count of people: any of these refuses the text.
IDENTIFYING = (
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"), gettext_lazy("an e-mail address")),
    (re.compile(r"\+\d[\d ()-]{6,}\d|\b\d{8,}\b"), gettext_lazy("a telephone or document number")),
    (
        re.compile(r"\b(mr|mrs|ms|miss|mme|mlle|sr|sra|srta|herr|frau|dr)\.?\s+\w", re.IGNORECASE),
        gettext_lazy("a person's name with a title"),
    ),
    (
        re.compile(r"\b(born|n[ée]e?|date of birth|dob|birth ?date)\b", re.IGNORECASE),
        gettext_lazy("a date of birth"),
    ),
    (
        re.compile(r"\b(aged \d+|\d+[ -]years?[ -]old|age \d+)\b", re.IGNORECASE),
        gettext_lazy("a person's age"),
    ),
    (
        re.compile(r"\b(passport|identity card|id card|id number|case (no|number)|file (no|number))\b", re.IGNORECASE),
        gettext_lazy("a document or case number"),
    ),
    (
        re.compile(
            r"\b\d+\s+(victims?|persons?|people|individuals?|women|men|girls|boys|children|minors|adults|survivors?)\b",
            re.IGNORECASE,
        ),
        gettext_lazy("a number of people (counts belong in the count columns)"),
    ),
    (
        re.compile(r"\b(victim|survivor|person|woman|man|girl|boy|child) (named|called)\b", re.IGNORECASE),
        gettext_lazy("a person's name"),
    ),
)


@dataclass(frozen=True)
class Known:
    """What the rules need of the database: the States' codes and the paths of the current plan."""

    states: frozenset[str]
    paths: frozenset[str]


@dataclass(frozen=True)
class FlowRecord:
    row: int
    key: str
    origin: str
    destination: str
    transit: str
    year_from: int
    year_to: int
    form: str
    counts: tuple[tuple[str, int], ...]  # (cell, count) in the order of CELLS
    total: int
    source: str
    source_url: str
    authority: str
    provisions: tuple[str, ...]
    published: bool

    def count(self, cell: str) -> int:
        return dict(self.counts)[cell]


def identifying_problem(text: str) -> str | None:
    """Why `text` may identify a person (or tell a count of people), or None when it does not."""
    for pattern, what in IDENTIFYING:
        if pattern.search(text):
            return _("must not identify a person: it contains %(what)s") % {"what": what}
    return None


def period_label(year_from: int, year_to: int) -> str:
    return str(year_from) if year_from == year_to else f"{year_from}–{year_to}"


def path_order(path: str) -> tuple:
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|[a-z]+", path))


def write_provisions(paths) -> str:
    return "; ".join(sorted(paths, key=path_order))


def parse_provisions(value: str, paths: frozenset[str]) -> tuple[list[str], list[str]]:
    found: list[str] = []
    problems: list[str] = []
    for part in (piece.strip() for piece in value.split(";")):
        if not part:
            continue
        if not PATH.fullmatch(part):
            problems.append(_("%(part)s is not a provision's path such as 46/b") % {"part": repr(part)})
        elif part not in paths:
            problems.append(_("%(path)s is not a provision of the current plan") % {"path": part})
        elif part in found:
            problems.append(_("%(path)s is given twice") % {"path": part})
        else:
            found.append(part)
    if not found and not problems:
        found = [path for path in DEFAULT_PROVISIONS if path in paths] or list(DEFAULT_PROVISIONS)
        if DEFAULT_PROVISIONS[0] not in paths:
            problems.append(_("%(path)s is not a provision of the current plan") % {"path": DEFAULT_PROVISIONS[0]})
    return found, problems


def parse_row(row: int, cells: dict[str, str], known: Known) -> FlowRecord | list[RowError]:
    """One row of the file (cells by column, stripped) -> a FlowRecord, or every problem with it."""
    errors: list[RowError] = []
    value = {column: (cells.get(column) or "").strip() for column in COLUMNS}

    def wrong(column: str, message: str) -> None:
        errors.append(RowError(row, column, value[column], message))

    for column in REQUIRED:
        if not value[column]:
            wrong(column, _("required"))
    if value["key"] and not KEY.fullmatch(value["key"]):
        wrong("key", _("letters, digits, dots, dashes or underscores, starting with a letter or digit"))
    for column in ("origin", "destination", "transit"):
        if value[column] and value[column] not in known.states:
            wrong(column, _("not the alpha-3 code of a State on file (upper case, e.g. AUT)"))
    years: dict[str, int] = {}
    for column in ("year_from", "year_to"):
        if not value[column]:
            continue
        if not YEAR.fullmatch(value[column]) or not FIRST_YEAR <= int(value[column]) <= LAST_YEAR:
            wrong(column, _("not a year between %(first)s and %(last)s") % {"first": FIRST_YEAR, "last": LAST_YEAR})
        else:
            years[column] = int(value[column])
    if "year_from" in years and "year_to" in years and years["year_to"] < years["year_from"]:
        wrong("year_to", _("before year_from"))
    if value["form"] and value["form"] not in FORM_LABELS:
        wrong("form", _("one of %(codes)s") % {"codes": ", ".join(FORM_LABELS)})
    counts: list[tuple[str, int]] = []
    for column in (*CELLS, "total"):
        if value[column] and not COUNT.fullmatch(value[column]):
            wrong(column, _("not a whole number of victims (0 or more, digits only)"))
        elif column != "total":
            counts.append((column, int(value[column] or "0")))
    total_ok = bool(value["total"]) and bool(COUNT.fullmatch(value["total"]))
    if total_ok and len(counts) == len(CELLS) and sum(n for _cell, n in counts) != int(value["total"]):
        wrong(
            "total",
            _(
                "not the sum of the counts by sex and age (%(sum)s); count victims of unknown sex and age "
                "in unknown_unknown"
            )
            % {"sum": sum(n for _cell, n in counts)},
        )
    for column in ("source", "authority"):
        if len(value[column]) > TEXT_MAX:
            wrong(column, _("longer than %(limit)s characters") % {"limit": TEXT_MAX})
        elif value[column] and (problem := identifying_problem(value[column])):
            wrong(column, problem)
    if value["source_url"] and not URL.fullmatch(value["source_url"]):
        wrong("source_url", _("not an http:// or https:// link"))
    elif "@" in value["source_url"]:
        wrong("source_url", _("must not identify a person: a link, not an e-mail address"))
    provisions, problems = parse_provisions(value["provisions"], known.paths)
    for problem in problems:
        wrong("provisions", problem)
    published = value["published"].lower()
    if published not in (YES, NO, ""):
        wrong("published", _("yes or no"))
    if errors:
        return errors
    return FlowRecord(
        row=row,
        key=value["key"],
        origin=value["origin"],
        destination=value["destination"],
        transit=value["transit"],
        year_from=years["year_from"],
        year_to=years.get("year_to", years["year_from"]),
        form=value["form"],
        counts=tuple(counts),
        total=int(value["total"]),
        source=value["source"],
        source_url=value["source_url"],
        authority=value["authority"],
        provisions=tuple(sorted(provisions, key=path_order)),
        published=published == YES,
    )
