"""National legislation (paragraph 18(e) of the plan): the rules of one row of the CSV file, in plain Python.

No Django but `django.utils.translation`: `parse_row` turns the cells of one row into a clean
`LawRecord`, or into the list of what is wrong with it, each a `RowError` (row, column, value, why).
What the rules must know of the database (the States, the provisions of the current plan) is handed
in as a `Known`; the importer (`legislation_csv.py`) builds it, checks what needs the other rows (a
key repeated, an amending law that is in neither the file nor the database) and stores the records.

The columns (`COLUMNS`, in this order; see `legislation_csv.py` for the file):

    state           ISO 3166-1 alpha-3 code of the State (upper case)
    key             the Secretariat's key for the law, unique per State: letters, digits, `.`, `_`, `-`
    title_original  the title in the original language (required)
    title_en        the title in English (required)
    kind            constitution, act, decree, regulation or other
    language        the language of the original, ISO 639-1 (two lower-case letters: es, fr, de …)
    adopted         date of adoption, YYYY-MM-DD (may be empty)
    in_force        date of entry into force, YYYY-MM-DD (may be empty; not before `adopted`)
    status          in_force, amended, repealed or draft
    amended_by      key of the law (same State) that amended it: required when `status` is amended
    repealed_by     key of the law (same State) that repealed it: required when `status` is repealed
    official_url    http(s) link to the official text (may be empty)
    articles        the articles implemented: `UNTOC art. 5; FIREARMS art. 8(1)` (codes of `treaties.rules`)
    provisions      the plan's provisions, as paths: `57/a; 18/e` (each in the current plan)
    published       yes or no (empty: no): a law not published is a draft the public does not see
    text            the text of the law (may be empty)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.rowerrors import RowError
from viennaplan.treaties.rules import INSTRUMENTS, find_code

COLUMNS = (
    "state",
    "key",
    "title_original",
    "title_en",
    "kind",
    "language",
    "adopted",
    "in_force",
    "status",
    "amended_by",
    "repealed_by",
    "official_url",
    "articles",
    "provisions",
    "published",
    "text",
)
REQUIRED = ("state", "key", "title_original", "title_en", "kind", "language", "status")

KIND_LABELS = {
    "constitution": gettext_lazy("constitution"),
    "act": gettext_lazy("act"),
    "decree": gettext_lazy("decree"),
    "regulation": gettext_lazy("regulation"),
    "other": gettext_lazy("other"),
}
IN_FORCE, AMENDED, REPEALED, DRAFT = "in_force", "amended", "repealed", "draft"
STATUS_LABELS = {
    IN_FORCE: gettext_lazy("in force"),
    AMENDED: gettext_lazy("amended"),
    REPEALED: gettext_lazy("repealed"),
    DRAFT: gettext_lazy("draft"),
}
YES, NO = "yes", "no"

KEY_MAX = 80
KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
LANGUAGE = re.compile(r"[a-z]{2}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
URL = re.compile(r"https?://[^\s]+")
# An article as treaties number them: 5, 5(1), 5(1)(a), 8(1)(ii).
ARTICLE = re.compile(r"[1-9]\d{0,2}(\((?:[1-9]\d{0,2}|[a-z]{1,4})\))*")
CITED_ARTICLE = re.compile(r"(?P<code>[A-Za-z0-9]+)\s+art\.\s*(?P<article>\S+)")
# A provision's path as the plan's URLs give it: 57, 57/a, 57/k/ii.
PATH = re.compile(r"[1-9]\d{0,2}(/[a-z]{1,5}){0,2}")
TITLE_MAX = 1000


@dataclass(frozen=True)
class Known:
    """What the rules need of the database: the States' codes and the paths of the current plan."""

    states: frozenset[str]
    paths: frozenset[str]


@dataclass(frozen=True)
class LawRecord:
    """One clean row: codes as stored, dates as dates, articles as (instrument, article) pairs."""

    row: int
    state: str
    key: str
    title_original: str
    title_en: str
    kind: str
    language: str
    adopted: date | None
    in_force: date | None
    status: str
    amended_by: str
    repealed_by: str
    official_url: str
    articles: tuple[tuple[str, str], ...] = field(default=())
    provisions: tuple[str, ...] = field(default=())
    published: bool = False
    text: str = ""


def is_article(article: str) -> bool:
    """Whether `article` is written as an article is: "5", "5(1)", "5(1)(a)"."""
    return bool(ARTICLE.fullmatch(article))


def article_order(article: str) -> tuple:
    """A sort key that puts 2 before 10 and 5 before 5(1)."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|[a-z]+", article))


def instrument_order(code: str) -> int:
    return list(INSTRUMENTS).index(code) if code in INSTRUMENTS else len(INSTRUMENTS)


def sorted_articles(articles: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """Articles in the order the file writes them: by instrument (as `treaties.rules` lists them), then number."""
    return sorted(articles, key=lambda pair: (instrument_order(pair[0]), pair[0], article_order(pair[1])))


def path_order(path: str) -> tuple:
    return article_order(path.replace("/", " "))


def write_articles(articles: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{code} art. {article}" for code, article in sorted_articles(articles))


def write_provisions(paths: list[str] | tuple[str, ...]) -> str:
    return "; ".join(sorted(paths, key=path_order))


def parse_date(value: str) -> date:
    """A YYYY-MM-DD date; ValueError (translated) otherwise."""
    if not DATE.fullmatch(value):
        raise ValueError(_("not a date written YYYY-MM-DD"))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("no such day")) from None


def parse_articles(value: str) -> tuple[list[tuple[str, str]], list[str]]:
    """('UNTOC art. 5; FIREARMS art. 8(1)') -> ([('UNTOC', '5'), ('FIREARMS', '8(1)')], problems)."""
    found: list[tuple[str, str]] = []
    problems: list[str] = []
    for part in (piece.strip() for piece in value.split(";")):
        if not part:
            continue
        match = CITED_ARTICLE.fullmatch(part)
        if not match:
            problems.append(_("%(part)s is not written CODE art. NUMBER (UNTOC art. 5)") % {"part": repr(part)})
            continue
        code = find_code(match["code"])
        if code is None:
            problems.append(
                _("%(code)s is not an instrument (known: %(codes)s)")
                % {"code": repr(match["code"]), "codes": ", ".join(INSTRUMENTS)}
            )
            continue
        if not is_article(match["article"]):
            problems.append(
                _("%(article)s is not an article number such as 5, 5(1) or 5(1)(a)")
                % {"article": repr(match["article"])}
            )
            continue
        if (code, match["article"]) in found:
            problems.append(_("%(code)s art. %(article)s is given twice") % {"code": code, "article": match["article"]})
            continue
        found.append((code, match["article"]))
    return found, problems


def parse_provisions(value: str, paths: frozenset[str]) -> tuple[list[str], list[str]]:
    """('57/a; 18/e') -> (['57/a', '18/e'], problems): each a path of the current plan."""
    found: list[str] = []
    problems: list[str] = []
    for part in (piece.strip() for piece in value.split(";")):
        if not part:
            continue
        if not PATH.fullmatch(part):
            problems.append(_("%(part)s is not a provision's path such as 57/a or 18/e") % {"part": repr(part)})
        elif part not in paths:
            problems.append(_("%(path)s is not a provision of the current plan") % {"path": part})
        elif part in found:
            problems.append(_("%(path)s is given twice") % {"path": part})
        else:
            found.append(part)
    return found, problems


def parse_row(row: int, cells: dict[str, str], known: Known) -> LawRecord | list[RowError]:
    """The clean record of one row (`cells` by column name, missing columns read as empty), or every problem."""
    errors: list[RowError] = []
    value = {name: (cells.get(name) or "").strip() for name in COLUMNS}
    value["text"] = (cells.get("text") or "").replace("\r\n", "\n").replace("\r", "\n")

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
    for name in ("title_original", "title_en"):
        if len(value[name]) > TITLE_MAX:
            wrong(name, _("longer than %(limit)s characters") % {"limit": TITLE_MAX})
    if value["kind"] and value["kind"] not in KIND_LABELS:
        wrong("kind", _("not one of %(codes)s") % {"codes": ", ".join(KIND_LABELS)})
    if value["language"] and not LANGUAGE.fullmatch(value["language"]):
        wrong("language", _("not an ISO 639-1 code (two lower-case letters, e.g. es)"))
    dates: dict[str, date | None] = {"adopted": None, "in_force": None}
    for name in dates:
        if value[name]:
            try:
                dates[name] = parse_date(value[name])
            except ValueError as error:
                wrong(name, str(error))
    if dates["adopted"] and dates["in_force"] and dates["in_force"] < dates["adopted"]:
        wrong("in_force", _("before the date of adoption (%(adopted)s)") % {"adopted": value["adopted"]})
    status = value["status"]
    if status and status not in STATUS_LABELS:
        wrong("status", _("not one of %(codes)s") % {"codes": ", ".join(STATUS_LABELS)})
    for name in ("amended_by", "repealed_by"):
        if value[name] and not KEY.fullmatch(value[name]):
            wrong(name, _("not a law's key"))
        elif value[name] and value[name] == value["key"]:
            wrong(name, _("a law cannot amend or repeal itself"))
    if status == AMENDED and not value["amended_by"]:
        wrong("amended_by", _("required when the status is amended: the key of the amending law"))
    if status == REPEALED and not value["repealed_by"]:
        wrong("repealed_by", _("required when the status is repealed: the key of the repealing law"))
    if value["amended_by"] and status not in (AMENDED, REPEALED, ""):
        wrong("amended_by", _("only a law amended (or amended, then repealed) has an amending law"))
    if value["repealed_by"] and status not in (REPEALED, ""):
        wrong("repealed_by", _("only a repealed law has a repealing law"))
    if value["official_url"] and not URL.fullmatch(value["official_url"]):
        wrong("official_url", _("not an http:// or https:// link"))
    articles, problems = parse_articles(value["articles"])
    for problem in problems:
        wrong("articles", problem)
    provisions, problems = parse_provisions(value["provisions"], known.paths)
    for problem in problems:
        wrong("provisions", problem)
    published = value["published"].lower()
    if published not in (YES, NO, ""):
        wrong("published", _("yes or no"))
    if errors:
        return errors
    return LawRecord(
        row=row,
        state=value["state"],
        key=value["key"],
        title_original=value["title_original"],
        title_en=value["title_en"],
        kind=value["kind"],
        language=value["language"],
        adopted=dates["adopted"],
        in_force=dates["in_force"],
        status=status,
        amended_by=value["amended_by"],
        repealed_by=value["repealed_by"],
        official_url=value["official_url"],
        articles=tuple(sorted_articles(articles)),
        provisions=tuple(sorted(provisions, key=path_order)),
        published=published == YES,
        text=value["text"],
    )
