"""Best practices (33(a),(c), 59(b), 65(d), 82(e), 84(c),(d), 90(b), 100(c), 18(d), 46(b)): the rules of
one row of the CSV file, in plain Python.

No Django but `django.utils.translation`. One file holds practices and their evaluations, one record a
row, told apart by the `record` column: a `practice` row fills the practice's columns, an `evaluation`
row names its practice by `key` and fills the evaluation's columns; the columns of the other kind stay
empty. `parse_row` turns the cells of one row into a clean `PracticeRecord` or `EvaluationRecord`, or
into every `RowError` (row, column, value, why). What the rules must know of the database (the States,
the provisions and chapters of the current plan) is handed in as a `Known`; the importer (`csv_io.py`)
checks what needs the other rows (a key given twice, an evaluation of a practice neither in the file
nor stored).

The columns (`COLUMNS`, in this order):

    record        practice or evaluation
    key           the practice's key (letters, digits, `.`, `_`, `-`): on an evaluation row, the practice it evaluates
    title         practice: its title (required)
    summary       practice: a sentence or two (required)
    description   practice: the longer account (may be empty; may hold line breaks)
    area          practice: the plan's chapter it belongs to, by Roman numeral (IV), a chapter of the current plan
    provisions    practice: the provisions it serves, as paths: `33/a; 33/c` (each in the current plan)
    states        practice: the States that applied it, alpha-3: `AUT; CHE` (may be empty: a regional practice)
    organisation  practice: the implementing organisation (may be empty)
    period_from   practice: the first year it ran, YYYY (may be empty)
    period_to     practice: the last year it ran, YYYY (may be empty; not before period_from)
    url           the source or official link of the practice, or the link to the evaluation (http or https)
    evaluator     evaluation: who evaluated (required)
    date          evaluation: its date, YYYY-MM-DD (required)
    method        evaluation: independent, self_assessment, peer_review, academic or other
    result        evaluation: effective, promising, mixed, not_effective or inconclusive
    findings      evaluation: what it found (may be empty; may hold line breaks)
    published     yes or no (empty: no): a record not published is a draft the public does not see
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.knowledge.legislation import KEY, KEY_MAX, URL, parse_date, parse_provisions, path_order
from viennaplan.rowerrors import RowError

COLUMNS = (
    "record",
    "key",
    "title",
    "summary",
    "description",
    "area",
    "provisions",
    "states",
    "organisation",
    "period_from",
    "period_to",
    "url",
    "evaluator",
    "date",
    "method",
    "result",
    "findings",
    "published",
)
PRACTICE, EVALUATION = "practice", "evaluation"
RECORDS = (PRACTICE, EVALUATION)
PRACTICE_ONLY = (
    "title",
    "summary",
    "description",
    "area",
    "provisions",
    "states",
    "organisation",
    "period_from",
    "period_to",
)
EVALUATION_ONLY = ("evaluator", "date", "method", "result", "findings")
PRACTICE_REQUIRED = ("key", "title", "summary", "area")
EVALUATION_REQUIRED = ("key", "evaluator", "date", "method", "result")
MULTILINE = ("description", "findings")

METHOD_LABELS = {
    "independent": gettext_lazy("independent evaluation"),
    "self_assessment": gettext_lazy("self-assessment"),
    "peer_review": gettext_lazy("peer review"),
    "academic": gettext_lazy("academic study"),
    "other": gettext_lazy("other"),
}
RESULT_LABELS = {
    "effective": gettext_lazy("effective"),
    "promising": gettext_lazy("promising"),
    "mixed": gettext_lazy("mixed"),
    "not_effective": gettext_lazy("not effective"),
    "inconclusive": gettext_lazy("inconclusive"),
}
YES, NO = "yes", "no"

TITLE_MAX = 1000
SUMMARY_MAX = 2000
NAME_MAX = 300  # an organisation, an evaluator
ROMAN = re.compile(r"[IVXLC]{1,5}")
YEAR = re.compile(r"\d{4}")
YEAR_MIN, YEAR_MAX = 1900, 2100
STATE = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class Known:
    """What the rules need of the database: States' codes, the current plan's paths and chapters."""

    states: frozenset[str]
    paths: frozenset[str]
    chapters: frozenset[str]


@dataclass(frozen=True)
class PracticeRecord:
    row: int
    key: str
    title: str
    summary: str
    description: str
    area: str
    provisions: tuple[str, ...]
    states: tuple[str, ...]
    organisation: str
    period_from: int | None
    period_to: int | None
    url: str
    published: bool


@dataclass(frozen=True)
class EvaluationRecord:
    row: int
    key: str  # the practice's
    evaluator: str
    date: date
    method: str
    result: str
    findings: str
    url: str
    published: bool


def write_list(codes: list[str] | tuple[str, ...]) -> str:
    return "; ".join(codes)


def write_provisions(paths: list[str] | tuple[str, ...]) -> str:
    return "; ".join(sorted(paths, key=path_order))


def write_states(codes: list[str] | tuple[str, ...]) -> str:
    return "; ".join(sorted(codes))


def chapter_order(number: str) -> int:
    """I -> 1, XII -> 12: the Roman numeral's value (0 when it is not one)."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for index, letter in enumerate(number):
        value = values.get(letter, 0)
        following = values.get(number[index + 1], 0) if index + 1 < len(number) else 0
        total += -value if value < following else value
    return total


def parse_states(value: str, states: frozenset[str]) -> tuple[list[str], list[str]]:
    """('AUT; CHE') -> (['AUT', 'CHE'], problems): each a State in the country registry."""
    found: list[str] = []
    problems: list[str] = []
    for part in (piece.strip() for piece in value.split(";")):
        if not part:
            continue
        if not STATE.fullmatch(part) or part not in states:
            problems.append(
                _("%(part)s is not the alpha-3 code of a State in the country registry (e.g. AUT)")
                % {"part": repr(part)}
            )
        elif part in found:
            problems.append(_("%(state)s is given twice") % {"state": part})
        else:
            found.append(part)
    return found, problems


def parse_year(value: str) -> int:
    if not YEAR.fullmatch(value) or not YEAR_MIN <= int(value) <= YEAR_MAX:
        raise ValueError(_("not a year between %(first)s and %(last)s") % {"first": YEAR_MIN, "last": YEAR_MAX})
    return int(value)


def cleaned(cells: dict[str, str]) -> dict[str, str]:
    """Every column's cell stripped (missing: empty), line ends of the long texts made line feeds."""
    value = {name: (cells.get(name) or "").strip() for name in COLUMNS}
    for name in MULTILINE:
        value[name] = value[name].replace("\r\n", "\n").replace("\r", "\n")
    return value


def parse_row(row: int, cells: dict[str, str], known: Known) -> PracticeRecord | EvaluationRecord | list[RowError]:
    """The clean record of one row (`cells` by column name), or every problem with it."""
    value = cleaned(cells)
    errors: list[RowError] = []

    def wrong(column: str, message: str) -> None:
        errors.append(RowError(row, column, value[column], message))

    record = value["record"]
    if record not in RECORDS:
        wrong("record", _("required: practice or evaluation") if not record else _("not practice or evaluation"))
        return errors
    practice = record == PRACTICE
    for name in PRACTICE_REQUIRED if practice else EVALUATION_REQUIRED:
        if not value[name]:
            wrong(name, _("required"))
    for name in EVALUATION_ONLY if practice else PRACTICE_ONLY:
        if value[name]:
            if practice:
                wrong(name, _("a column of evaluations: empty on a practice's row"))
            else:
                wrong(name, _("a column of practices: empty on an evaluation's row"))
    if value["key"] and not KEY.fullmatch(value["key"]):
        wrong(
            "key",
            _("a key is up to %(limit)s letters, digits, dots, dashes or underscores, starting with a letter or digit")
            % {"limit": KEY_MAX},
        )
    if value["url"] and not URL.fullmatch(value["url"]):
        wrong("url", _("not an http:// or https:// link"))
    published = value["published"].lower()
    if published not in (YES, NO, ""):
        wrong("published", _("yes or no"))
    if practice:
        result = practice_row(row, value, known, wrong)
    else:
        result = evaluation_row(row, value, wrong)
    if errors or result is None:
        return errors
    return result


def practice_row(row: int, value: dict[str, str], known: Known, wrong) -> PracticeRecord | None:
    for name, limit in (("title", TITLE_MAX), ("summary", SUMMARY_MAX), ("organisation", NAME_MAX)):
        if len(value[name]) > limit:
            wrong(name, _("longer than %(limit)s characters") % {"limit": limit})
    if value["area"] and value["area"] not in known.chapters:
        wrong(
            "area",
            _("not a chapter of the current plan, by its Roman numeral (%(chapters)s)")
            % {"chapters": ", ".join(sorted(known.chapters, key=chapter_order))},
        )
    provisions, problems = parse_provisions(value["provisions"], known.paths)
    for problem in problems:
        wrong("provisions", problem)
    states, problems = parse_states(value["states"], known.states)
    for problem in problems:
        wrong("states", problem)
    years: dict[str, int | None] = {"period_from": None, "period_to": None}
    for name in years:
        if value[name]:
            try:
                years[name] = parse_year(value[name])
            except ValueError as error:
                wrong(name, str(error))
    if years["period_from"] and years["period_to"] and years["period_to"] < years["period_from"]:
        wrong("period_to", _("before the first year (%(year)s)") % {"year": years["period_from"]})
    return PracticeRecord(
        row=row,
        key=value["key"],
        title=value["title"],
        summary=value["summary"],
        description=value["description"],
        area=value["area"],
        provisions=tuple(sorted(provisions, key=path_order)),
        states=tuple(sorted(states)),
        organisation=value["organisation"],
        period_from=years["period_from"],
        period_to=years["period_to"],
        url=value["url"],
        published=value["published"].lower() == YES,
    )


def evaluation_row(row: int, value: dict[str, str], wrong) -> EvaluationRecord | None:
    if len(value["evaluator"]) > NAME_MAX:
        wrong("evaluator", _("longer than %(limit)s characters") % {"limit": NAME_MAX})
    when = None
    if value["date"]:
        try:
            when = parse_date(value["date"])
        except ValueError as error:
            wrong("date", str(error))
    if value["method"] and value["method"] not in METHOD_LABELS:
        wrong("method", _("not one of %(codes)s") % {"codes": ", ".join(METHOD_LABELS)})
    if value["result"] and value["result"] not in RESULT_LABELS:
        wrong("result", _("not one of %(codes)s") % {"codes": ", ".join(RESULT_LABELS)})
    if when is None:
        return None
    return EvaluationRecord(
        row=row,
        key=value["key"],
        evaluator=value["evaluator"],
        date=when,
        method=value["method"],
        result=value["result"],
        findings=value["findings"],
        url=value["url"],
        published=value["published"].lower() == YES,
    )
