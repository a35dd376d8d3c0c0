"""What every collection's list and record pages share (issue 12): checking a filter's value, a page
of rows, who sees drafts, and the page or 400 that shows them. Each collection's views and API use
these with their own filters; a bad value is a `BadFilter` naming the parameter (400 on a page, 422
in the API, with the same message).

A record not published is a draft: only the Secretariat sees it; for anyone else it does not exist
(404 on its page, absent from lists and search), so that a refusal never reveals it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, Generic, TypeVar
from urllib.parse import urlencode

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, Expression, F, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from viennaplan.accounts.permissions import role_of
from viennaplan.accounts.roles import SECRETARIAT
from viennaplan.countries.models import Country
from viennaplan.countries.registry import reader_language
from viennaplan.treaties.models import Instrument
from viennaplan.treaties.rules import find_code

from .legislation import PATH

PER_PAGE = 50
Q_MAX = 200
PAGE_MAX = 1_000_000

# The words filter of a list (`q`): a record matches when the words are found, ignoring case, in one of
# the columns its table lists here. On PostgreSQL each of these tables stores its columns upper-cased
# and joined by U+001F in a generated column `folded` (knowledge 0007), and the filter is one LIKE on
# that column: UPPER() of every column of every row at each request cost 31 ms for 20,000 authorities,
# and the planner, with no statistics on UPPER(column), expected 7 rows of 18,000 and sorted them all on
# disk. On SQLite (whose LIKE already ignores the case of ASCII letters) it is LIKE on each column.
FOLDED = {
    "knowledge_law": ("title_original", "title_en"),
    "knowledge_lawarticle": ("extract",),
    "knowledge_patterns_patternrecord": ("title", "summary", "source"),
    "knowledge_assessments_assessment": ("title", "causes", "effects", "publisher", "sample_description"),
    "knowledge_trafficking_flow": ("key", "source", "authority"),
    "knowledge_firearms_regulationtopic": ("summary", "law_citation"),
    "knowledge_authorities_authority": ("name_en", "name_original", "description", "key"),
    "knowledge_practices_practice": ("title", "summary", "description", "organisation"),
    "knowledge_practices_evaluation": ("findings",),
}
FOLDED_SEPARATOR = "\x1f"

Row = TypeVar("Row")


class BadFilter(ValueError):
    """A filter whose value cannot be used: `parameter` names it, the message says why."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


def with_query(url: str, query: Mapping[str, str]) -> str:
    return f"{url}?{urlencode(query)}" if query else url


def value_of(given: Any, name: str) -> str:
    """One parameter of a query (a QueryDict or a dict), stripped; "" when absent."""
    raw = given.get(name)
    return "" if raw is None else str(raw).strip()


def checked_q(given: Any, name: str = "q") -> str:
    q = value_of(given, name)
    if len(q) > Q_MAX:
        raise BadFilter(name, _("longer than %(limit)s characters") % {"limit": Q_MAX})
    return q


class _FoldedLike(Expression):
    """PostgreSQL: the row's stored `folded` column LIKE an upper-cased pattern. It holds the row's id
    expression only to learn the table's alias, in a query or a subquery alike."""

    def __init__(self, pk: Any, pattern: str) -> None:
        super().__init__(output_field=BooleanField())
        self.pk = pk
        self.pattern = pattern

    def get_source_expressions(self) -> list[Any]:
        return [self.pk]

    def set_source_expressions(self, expressions: list[Any]) -> None:
        (self.pk,) = expressions

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        column, params = compiler.compile(self.pk)  # "alias"."id"
        return f"{column.rsplit('.', 1)[0]}.folded LIKE UPPER(%s)", [*params, self.pattern]


def words_in(model: Any, q: str) -> Q:
    """The records of `model` with `q` in one of its FOLDED columns, ignoring case (as `icontains`)."""
    columns = FOLDED[model._meta.db_table]
    if connection.vendor == "postgresql" and FOLDED_SEPARATOR not in q:
        return Q(_FoldedLike(F("pk"), f"%{connection.ops.prep_for_like_query(q)}%"))
    found = Q()
    for column in columns:
        found |= Q(**{f"{column}__icontains": q})
    return found


def checked_state(given: Any, name: str = "state") -> str:
    """An alpha-3 code of a State on file (upper-cased), or ""."""
    raw = value_of(given, name)
    state = raw.upper()
    if state and not Country.objects.filter(alpha3=state).exists():
        raise BadFilter(name, _("%(value)s is not the alpha-3 code of a State (e.g. AUT)") % {"value": repr(raw)})
    return state


def checked_instrument(given: Any, name: str = "instrument") -> str:
    """An instrument's code (as `treaties.rules` knows it, any spelling it accepts), or ""."""
    raw = value_of(given, name)
    if not raw:
        return ""
    code = find_code(raw)
    if code is None:
        codes = ", ".join(Instrument.objects.values_list("code", flat=True))
        raise BadFilter(
            name, _("%(value)s is not an instrument (known: %(codes)s)") % {"value": repr(raw), "codes": codes}
        )
    return code


def checked_provision(given: Any, name: str = "provision") -> str:
    """A provision's path such as 57/a (slashes around it dropped), or ""."""
    raw = value_of(given, name).strip("/")
    if raw and not PATH.fullmatch(raw):
        raise BadFilter(name, _("%(value)s is not a provision's path such as 57/a or 18/e") % {"value": repr(raw)})
    return raw


def checked_choice(given: Any, name: str, choices: Iterable[str]) -> str:
    """One of `choices` (codes), or ""."""
    raw = value_of(given, name)
    codes = list(choices)
    if raw and raw not in codes:
        raise BadFilter(name, _("%(value)s is not one of %(codes)s") % {"value": repr(raw), "codes": ", ".join(codes)})
    return raw


def checked_year(given: Any, name: str) -> int | None:
    raw = value_of(given, name)
    if not raw:
        return None
    if not raw.isdigit() or not 1900 <= int(raw) <= 2100:
        raise BadFilter(name, _("%(value)s is not a year between 1900 and 2100") % {"value": repr(raw)})
    return int(raw)


def checked_page(given: Any, name: str = "page") -> int:
    raw = value_of(given, name) or "1"
    if not raw.isdigit() or not 1 <= int(raw) <= PAGE_MAX:
        raise BadFilter(name, _("%(value)s is not a page number (1, 2, 3 …)") % {"value": repr(raw)})
    return int(raw)


def sees_drafts(user: Any) -> bool:
    """Only the Secretariat sees records not published."""
    return role_of(user) == SECRETARIAT


def visible(user: Any, records: QuerySet, field: str = "published") -> QuerySet:
    """The records `user` may see: all for the Secretariat, the published ones for anyone else."""
    return records if sees_drafts(user) else records.filter(**{field: True})


class ListFilters:
    """What a list page's filters share; mixed into a frozen dataclass whose fields are the filters in
    the order of their URL, then `page`: `query()` gives the filters set (with the page if asked and
    not the first) as strings, `any` whether one is set."""

    def query(self, page: bool = False) -> dict[str, str]:
        given = {f.name: str(getattr(self, f.name)) for f in fields(self) if f.name != "page" and getattr(self, f.name)}
        if page and self.page != 1:
            given["page"] = str(self.page)
        return given

    @property
    def any(self) -> bool:
        return bool(self.query())


@dataclass(frozen=True)
class Paged(Generic[Row]):
    """One page of a filtered list: its rows and how many there are in all."""

    rows: list[Row]
    count: int
    page: int
    pages: int


def paged(records: QuerySet, page: int, per_page: int | None = None) -> Paged:
    per_page = per_page or PER_PAGE
    count = records.count()
    start = (page - 1) * per_page
    rows = list(records[start : start + per_page]) if count > start else []
    return Paged(rows, count, page, max(1, -(-count // per_page)))


def neighbour_urls(url: str, query: Mapping[str, str], found: Paged) -> tuple[str, str]:
    """The previous and next pages' URLs ("" where there is none), keeping the filters."""
    previous = with_query(url, {**query, "page": str(found.page - 1)}) if found.page > 1 else ""
    following = with_query(url, {**query, "page": str(found.page + 1)}) if found.page < found.pages else ""
    return previous, following


@lru_cache(maxsize=64)
def _options(pairs: tuple[tuple[str, str], ...]) -> str:
    """The options of `pairs` (value, label), escaped, none selected: built once per process for each
    list of options (its key is the list itself, names in the reader's language included, so that a
    changed name, a new State or another language is another entry)."""
    return format_html_join("", '<option value="{}">{}</option>', pairs)


def options(pairs: Iterable[tuple[str, str]], selected: str = "") -> SafeString:
    """`<option>`s of a big select (the ~200 States) without the template engine's loop over them:
    each value and label escaped, `selected` (a value) marked as the template did."""
    html = _options(tuple((str(value), str(label)) for value, label in pairs))
    if selected:
        plain = format_html('<option value="{}">', selected)
        html = html.replace(plain, f"{plain[:-1]} selected>", 1)
    return mark_safe(html)  # noqa: S308 -- every value and label escaped by format_html_join above


_NEXT = "\x00viennaplan-next\x00"  # stands for the previous value while the next one's SQL is built


def distinct_values(rows: QuerySet, column: str) -> set[Any]:
    """The different values of `column` (not null) among `rows`: the options of a filter.

    PostgreSQL reads every row for a DISTINCT (20,000 flows: 15 ms a column); there the values are
    found by a loose index scan instead, one index probe per value (`WITH RECURSIVE`: the least value,
    then each time the least greater than the last), through the index that begins with the rows'
    conditions and `column`. Elsewhere (SQLite skips through the index by itself) a plain DISTINCT."""
    rows = rows.order_by().filter(**{f"{column}__isnull": False})
    if connection.vendor != "postgresql":
        return set(rows.values_list(column, flat=True).distinct())
    try:
        first_sql, first_params = rows.order_by(column).values_list(column)[:1].query.sql_with_params()
        following = rows.filter(**{f"{column}__gt": _NEXT}).order_by(column).values_list(column)[:1]
        next_sql, next_params = following.query.sql_with_params()
    except EmptyResultSet:  # rows that cannot exist (`.none()`, `id IN ()`)
        return set()
    at = list(next_params).index(_NEXT)
    pieces = next_sql.split("%s")
    next_sql = "%s".join(pieces[: at + 1]) + "d.v" + "%s".join(pieces[at + 1 :])
    next_params = [*next_params[:at], *next_params[at + 1 :]]
    sql = (
        f"WITH RECURSIVE d(v) AS (({first_sql}) UNION ALL SELECT ({next_sql}) FROM d WHERE d.v IS NOT NULL) "
        "SELECT v FROM d WHERE v IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*first_params, *next_params])
        return {value for (value,) in cursor.fetchall()}


def state_pairs(codes: Iterable[str] | QuerySet) -> list[tuple[str, str]]:
    """(alpha-3, name in the reader's language) of these States (codes, or a query of them), ordered by
    name: one query of two columns, no Country objects built."""
    rows = Country.objects.filter(alpha3__in=codes).order_by("name_en")
    rows = rows.values_list("alpha3", f"name_{reader_language()}")
    return sorted(((code, str(name)) for code, name in rows), key=lambda pair: pair[1])


def page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("nav", "knowledge")
    return render(request, template, context, status=status)


def bad_request(request: HttpRequest, error: BadFilter, back_url: str = "", back_label: str = "") -> HttpResponse:
    """The 400 page for a bad filter, naming the parameter, with a way back to the whole list."""
    context = {
        "message": str(error),
        "parameter": error.parameter,
        "here": _("Bad request"),
        "back_url": back_url,
        "back_label": back_label,
    }
    return page(request, "knowledge/bad_request.html", context, status=400)
