"""National assessments of corruption in one standardized format (33(a), 30(a)): the fixed schema and
the rules of one CSV row, in plain Python (no Django but `django.utils.translation`).

Because every assessment is described with the same fixed lists, assessments compare across States
and over time (`comparison.py` builds the State x year table). The lists, fixed in code:

- SCOPES, what the assessment covers: national, subnational (a region, a city), sectoral (one or a
  few sectors of the whole country);
- SECTORS, where corruption was assessed: judiciary, prosecution, police, customs, tax, public
  procurement, public administration, local government, legislature, political parties and
  elections, health, education, extractive industries, private sector, other;
- TYPES of corruption, after the offences of the United Nations Convention against Corruption and
  the practices the plan names: bribery (arts. 15, 16, 21), embezzlement (arts. 17, 22), trading in
  influence (art. 18), abuse of functions (art. 19), illicit enrichment (art. 20), laundering of
  proceeds (art. 23), obstruction of justice (art. 25), extortion, nepotism and favouritism, conflict
  of interest, other;
- METHODS: population survey, business survey, survey of public officials, expert assessment, case
  review, administrative data, mixed methods, other.

The columns of the CSV file (`COLUMNS`, in this order; see `csv_io.py` for the file):

    state               ISO 3166-1 alpha-3 code of the State (upper case)
    key                 the Secretariat's key for the assessment, unique per State: letters, digits, `.`, `_`, `-`
    title               the title (required)
    scope               national, subnational or sectoral
    sectors             codes of SECTORS separated by `;` (at least one): `judiciary; police`
    types               codes of TYPES separated by `;` (at least one): `bribery; embezzlement`
    causes              the causes of corruption the assessment found (text)
    effects             its effects and costs (text)
    cost_amount         an estimated cost, a number (may be empty; with cost_currency and cost_year)
    cost_currency       ISO 4217 code of the cost's currency (three upper-case letters: USD, EUR)
    cost_year           the year the cost is priced in
    method              a code of METHODS
    sample_size         how many respondents, experts or cases (a whole number; may be empty)
    sample_description  who or what was sampled (text)
    fieldwork_start     the fieldwork's first day, YYYY-MM-DD (may be empty)
    fieldwork_end       its last day, YYYY-MM-DD (may be empty; not before fieldwork_start)
    published_on        the date of publication, YYYY-MM-DD (required)
    publisher           who published it (required)
    official_url        http(s) link to the assessment (may be empty)
    provisions          the plan's provisions, as paths: `33/a; 30/a` (empty: 33/a)
    published           yes or no (empty: no): an assessment not published is a draft the public does not see

The year an assessment speaks for (its column in the comparison) is the year its fieldwork ended,
else the year it began, else the year of publication (`assessment_year`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.rowerrors import RowError

COLUMNS = (
    "state",
    "key",
    "title",
    "scope",
    "sectors",
    "types",
    "causes",
    "effects",
    "cost_amount",
    "cost_currency",
    "cost_year",
    "method",
    "sample_size",
    "sample_description",
    "fieldwork_start",
    "fieldwork_end",
    "published_on",
    "publisher",
    "official_url",
    "provisions",
    "published",
)
REQUIRED = ("state", "key", "title", "scope", "sectors", "types", "method", "published_on", "publisher")
DEFAULT_PROVISION = "33/a"

SCOPES = {
    "national": gettext_lazy("national"),
    "subnational": gettext_lazy("sub-national"),
    "sectoral": gettext_lazy("sectoral"),
}
SECTORS = {
    "judiciary": gettext_lazy("judiciary"),
    "prosecution": gettext_lazy("prosecution"),
    "police": gettext_lazy("police"),
    "customs": gettext_lazy("customs"),
    "tax": gettext_lazy("tax administration"),
    "procurement": gettext_lazy("public procurement"),
    "administration": gettext_lazy("public administration"),
    "local_government": gettext_lazy("local government"),
    "legislature": gettext_lazy("legislature"),
    "political_parties": gettext_lazy("political parties and elections"),
    "health": gettext_lazy("health"),
    "education": gettext_lazy("education"),
    "extractive": gettext_lazy("extractive industries"),
    "private_sector": gettext_lazy("private sector"),
    "other": gettext_lazy("other sector"),
}
TYPES = {
    "bribery": gettext_lazy("bribery"),
    "embezzlement": gettext_lazy("embezzlement"),
    "trading_in_influence": gettext_lazy("trading in influence"),
    "abuse_of_functions": gettext_lazy("abuse of functions"),
    "illicit_enrichment": gettext_lazy("illicit enrichment"),
    "laundering": gettext_lazy("laundering of proceeds of corruption"),
    "obstruction_of_justice": gettext_lazy("obstruction of justice"),
    "extortion": gettext_lazy("extortion"),
    "nepotism": gettext_lazy("nepotism and favouritism"),
    "conflict_of_interest": gettext_lazy("conflict of interest"),
    "other": gettext_lazy("other type"),
}
METHODS = {
    "population_survey": gettext_lazy("population survey"),
    "business_survey": gettext_lazy("business survey"),
    "officials_survey": gettext_lazy("survey of public officials"),
    "expert_assessment": gettext_lazy("expert assessment"),
    "case_review": gettext_lazy("case review"),
    "administrative_data": gettext_lazy("administrative data"),
    "mixed": gettext_lazy("mixed methods"),
    "other": gettext_lazy("other method"),
}
YES, NO = "yes", "no"

KEY_MAX = 80
KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
CURRENCY = re.compile(r"[A-Z]{3}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
URL = re.compile(r"https?://[^\s]+")
AMOUNT = re.compile(r"\d{1,15}(\.\d{1,2})?")
PATH = re.compile(r"[1-9]\d{0,2}(/[a-z]{1,5}){0,2}")
TITLE_MAX = 1000
SAMPLE_MAX = 100_000_000
YEAR_MIN, YEAR_MAX = 1900, 2100


@dataclass(frozen=True)
class Known:
    """What the rules need of the database: the States' codes and the paths of the current plan."""

    states: frozenset[str]
    paths: frozenset[str]


@dataclass(frozen=True)
class AssessmentRecord:
    """One clean row: codes as stored, dates as dates, lists in the fixed lists' order."""

    row: int
    state: str
    key: str
    title: str
    scope: str
    sectors: tuple[str, ...]
    types: tuple[str, ...]
    causes: str
    effects: str
    cost_amount: Decimal | None
    cost_currency: str
    cost_year: int | None
    method: str
    sample_size: int | None
    sample_description: str
    fieldwork_start: date | None
    fieldwork_end: date | None
    published_on: date
    publisher: str
    official_url: str
    provisions: tuple[str, ...]
    published: bool

    @property
    def year(self) -> int:
        return assessment_year(self.fieldwork_start, self.fieldwork_end, self.published_on)


def assessment_year(fieldwork_start: date | None, fieldwork_end: date | None, published_on: date | None) -> int | None:
    """The year an assessment speaks for: its fieldwork's end, else its start, else its publication."""
    for day in (fieldwork_end, fieldwork_start, published_on):
        if day is not None:
            return day.year
    return None


def path_order(path: str) -> tuple:
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|[a-z]+", path))


def in_list_order(codes: list[str] | tuple[str, ...] | set[str], known: dict) -> tuple[str, ...]:
    """Codes in the order of their fixed list (the order the file and the pages use)."""
    order = list(known)
    return tuple(sorted(codes, key=order.index))


def write_list(codes: list[str] | tuple[str, ...]) -> str:
    return "; ".join(codes)


def write_provisions(paths: list[str] | tuple[str, ...]) -> str:
    return "; ".join(sorted(paths, key=path_order))


def write_amount(amount: Decimal | None) -> str:
    """An amount as the file writes it: no exponent, no trailing zeros after the point (1500, 1500.5)."""
    if amount is None:
        return ""
    text = f"{amount:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_date(value: str) -> date:
    """A YYYY-MM-DD date; ValueError (translated) otherwise."""
    if not DATE.fullmatch(value):
        raise ValueError(_("not a date written YYYY-MM-DD"))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("no such day")) from None


def parse_codes(value: str, known: dict) -> tuple[list[str], list[str]]:
    """('judiciary; police', SECTORS) -> (['judiciary', 'police'], problems)."""
    found: list[str] = []
    problems: list[str] = []
    for part in (piece.strip() for piece in value.split(";")):
        if not part:
            continue
        if part not in known:
            problems.append(_("%(part)s is not one of %(codes)s") % {"part": repr(part), "codes": ", ".join(known)})
        elif part in found:
            problems.append(_("%(part)s is given twice") % {"part": part})
        else:
            found.append(part)
    return found, problems


def parse_provisions(value: str, paths: frozenset[str]) -> tuple[list[str], list[str]]:
    """('33/a; 30/a') -> (['33/a', '30/a'], problems): each a path of the current plan."""
    found: list[str] = []
    problems: list[str] = []
    for part in (piece.strip() for piece in value.split(";")):
        if not part:
            continue
        if not PATH.fullmatch(part):
            problems.append(_("%(part)s is not a provision's path such as 33/a or 30/a") % {"part": repr(part)})
        elif part not in paths:
            problems.append(_("%(path)s is not a provision of the current plan") % {"path": part})
        elif part in found:
            problems.append(_("%(path)s is given twice") % {"path": part})
        else:
            found.append(part)
    return found, problems


def parse_year(value: str) -> int:
    if not value.isdigit() or not YEAR_MIN <= int(value) <= YEAR_MAX:
        raise ValueError(_("not a year between %(first)s and %(last)s") % {"first": YEAR_MIN, "last": YEAR_MAX})
    return int(value)


def parse_row(row: int, cells: dict[str, str], known: Known) -> AssessmentRecord | list[RowError]:
    """The clean record of one row (`cells` by column name, missing columns read as empty), or every problem."""
    errors: list[RowError] = []
    value = {name: (cells.get(name) or "").strip() for name in COLUMNS}
    for name in ("causes", "effects", "sample_description"):
        value[name] = (cells.get(name) or "").replace("\r\n", "\n").replace("\r", "\n")

    def wrong(column: str, message: str) -> None:
        errors.append(RowError(row, column, value[column], message))

    for name in REQUIRED:
        if not value[name]:
            wrong(name, _("required"))
    if value["state"] and value["state"] not in known.states:
        wrong("state", _("not the alpha-3 code of a State in the country registry (e.g. AUT)"))
    if value["key"] and not KEY.fullmatch(value["key"]):
        wrong(
            "key", _("a key is up to 80 letters, digits, dots, dashes or underscores, starting with a letter or digit")
        )
    for name in ("title", "publisher"):
        if len(value[name]) > TITLE_MAX:
            wrong(name, _("longer than %(limit)s characters") % {"limit": TITLE_MAX})
    if value["scope"] and value["scope"] not in SCOPES:
        wrong("scope", _("not one of %(codes)s") % {"codes": ", ".join(SCOPES)})
    if value["method"] and value["method"] not in METHODS:
        wrong("method", _("not one of %(codes)s") % {"codes": ", ".join(METHODS)})
    sectors, problems = parse_codes(value["sectors"], SECTORS)
    for problem in problems:
        wrong("sectors", problem)
    types, problems = parse_codes(value["types"], TYPES)
    for problem in problems:
        wrong("types", problem)

    amount: Decimal | None = None
    if value["cost_amount"]:
        if AMOUNT.fullmatch(value["cost_amount"]):
            try:
                amount = Decimal(value["cost_amount"])
            except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
                wrong("cost_amount", _("not an amount such as 1500000 or 1500000.50"))
        else:
            wrong("cost_amount", _("not an amount such as 1500000 or 1500000.50"))
    if value["cost_currency"] and not CURRENCY.fullmatch(value["cost_currency"]):
        wrong("cost_currency", _("not an ISO 4217 code (three capital letters, e.g. USD)"))
    cost_year: int | None = None
    if value["cost_year"]:
        try:
            cost_year = parse_year(value["cost_year"])
        except ValueError as error:
            wrong("cost_year", str(error))
    if value["cost_amount"] and not value["cost_currency"]:
        wrong("cost_currency", _("required with an estimated cost"))
    if value["cost_amount"] and not value["cost_year"]:
        wrong("cost_year", _("required with an estimated cost"))
    if not value["cost_amount"]:
        for name in ("cost_currency", "cost_year"):
            if value[name]:
                wrong(name, _("only with an estimated cost (cost_amount)"))

    sample_size: int | None = None
    if value["sample_size"]:
        if value["sample_size"].isdigit() and 0 < int(value["sample_size"]) <= SAMPLE_MAX:
            sample_size = int(value["sample_size"])
        else:
            wrong("sample_size", _("not a whole number from 1 to %(limit)s") % {"limit": SAMPLE_MAX})

    dates: dict[str, date | None] = {"fieldwork_start": None, "fieldwork_end": None, "published_on": None}
    for name in dates:
        if value[name]:
            try:
                dates[name] = parse_date(value[name])
            except ValueError as error:
                wrong(name, str(error))
    if dates["fieldwork_start"] and dates["fieldwork_end"] and dates["fieldwork_end"] < dates["fieldwork_start"]:
        wrong("fieldwork_end", _("before the fieldwork began (%(start)s)") % {"start": value["fieldwork_start"]})
    if dates["published_on"] and dates["fieldwork_start"] and dates["published_on"] < dates["fieldwork_start"]:
        wrong("published_on", _("before the fieldwork began (%(start)s)") % {"start": value["fieldwork_start"]})
    if value["official_url"] and not URL.fullmatch(value["official_url"]):
        wrong("official_url", _("not an http:// or https:// link"))
    provisions, problems = parse_provisions(value["provisions"], known.paths)
    for problem in problems:
        wrong("provisions", problem)
    if not value["provisions"]:
        provisions = [DEFAULT_PROVISION]
    published = value["published"].lower()
    if published not in (YES, NO, ""):
        wrong("published", _("yes or no"))
    if errors:
        return sorted(errors, key=lambda error: COLUMNS.index(error.column))  # in the order of the columns
    assert dates["published_on"] is not None
    return AssessmentRecord(
        row=row,
        state=value["state"],
        key=value["key"],
        title=value["title"],
        scope=value["scope"],
        sectors=in_list_order(sectors, SECTORS),
        types=in_list_order(types, TYPES),
        causes=value["causes"],
        effects=value["effects"],
        cost_amount=amount,
        cost_currency=value["cost_currency"],
        cost_year=cost_year,
        method=value["method"],
        sample_size=sample_size,
        sample_description=value["sample_description"],
        fieldwork_start=dates["fieldwork_start"],
        fieldwork_end=dates["fieldwork_end"],
        published_on=dates["published_on"],
        publisher=value["publisher"],
        official_url=value["official_url"],
        provisions=tuple(sorted(provisions, key=path_order)),
        published=published == YES,
    )
