"""Organized-crime patterns and trends (paragraph 18(c) and (d) of the plan), and the links between
terrorism and other crime (70, 71): the rules of one row of the CSV file, in plain Python.

No Django but `django.utils.translation`: `parse_row` turns the cells of one row into a clean
`PatternRecord`, or into every `RowError` (row, column, value, why). What the rules must know of the
database (the States, the M49 regions, the provisions of the current plan) comes in as a `Known`.

One collection, three kinds of record (`KIND_LABELS`): a *pattern* (how groups operate: routes,
markets, methods), a *trend* (a change over a period) and a *terrorism link* (a link between
terrorism and another crime; it names terrorism and at least one other crime type).

The crime types are a fixed list (`CRIME_TYPE_LABELS`): the crimes of the Convention against
Transnational Organized Crime, its three Protocols and the Convention against Corruption (trafficking
in persons, smuggling of migrants, firearms trafficking, money-laundering, corruption), drug
trafficking (the 1988 Convention), terrorism (the universal instruments), and cybercrime, extortion
and fraud, which the reports of the Commission name as organized groups' markets; anything else is
"other" and is said in the summary.

The columns (`COLUMNS`, in this order):

    key          the Secretariat's key, unique: letters, digits, `.`, `_`, `-` (not `map`, `years`)
    kind         pattern, trend or terrorism_link
    title        a title in English (required)
    summary      what was observed (required; may run over lines)
    period_from  the first year or day observed: YYYY, YYYY-MM or YYYY-MM-DD (required)
    period_to    the last: the same forms (empty: still observed); not before period_from
    crime_types  `drug_trafficking; money_laundering` (at least one; the codes of CRIME_TYPE_LABELS)
    origin       States of origin, by alpha-3 code: `COL; PER`
    transit      States of transit
    destination  States of destination
    regions      M49 regions, sub-regions or intermediate regions by code: `419; 150`
    latitude     decimal degrees, -90 to 90 (may be empty; with longitude or not at all)
    longitude    decimal degrees, -180 to 180
    source       where it is from (required): a report, a study, a national reply
    source_url   http(s) link to the source (may be empty)
    confidence   low, medium or high
    instruments  instruments' codes (`treaties.rules`): `UNTOC; TIP`
    provisions   the plan's provisions, as paths: `18/c; 18/d`
    published    yes or no (empty: no): a record not published is a draft the public does not see
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.knowledge.legislation import KEY, KEY_MAX, URL, parse_provisions, path_order
from viennaplan.rowerrors import RowError
from viennaplan.treaties.rules import INSTRUMENTS, find_code

COLUMNS = (
    "key",
    "kind",
    "title",
    "summary",
    "period_from",
    "period_to",
    "crime_types",
    "origin",
    "transit",
    "destination",
    "regions",
    "latitude",
    "longitude",
    "source",
    "source_url",
    "confidence",
    "instruments",
    "provisions",
    "published",
)
REQUIRED = ("key", "kind", "title", "summary", "period_from", "crime_types", "source", "confidence")

PATTERN, TREND, TERRORISM_LINK = "pattern", "trend", "terrorism_link"
KIND_LABELS = {
    PATTERN: gettext_lazy("pattern"),
    TREND: gettext_lazy("trend"),
    TERRORISM_LINK: gettext_lazy("link between terrorism and other crime"),
}
TERRORISM = "terrorism"
CRIME_TYPE_LABELS = {
    "drug_trafficking": gettext_lazy("drug trafficking"),
    "trafficking_in_persons": gettext_lazy("trafficking in persons"),
    "smuggling_of_migrants": gettext_lazy("smuggling of migrants"),
    "firearms_trafficking": gettext_lazy("firearms trafficking"),
    "money_laundering": gettext_lazy("money-laundering"),
    "corruption": gettext_lazy("corruption"),
    "cybercrime": gettext_lazy("cybercrime"),
    TERRORISM: gettext_lazy("terrorism"),
    "extortion": gettext_lazy("extortion"),
    "fraud": gettext_lazy("fraud"),
    "other": gettext_lazy("other"),
}
ORIGIN, TRANSIT, DESTINATION = "origin", "transit", "destination"
ROLE_LABELS = {
    ORIGIN: gettext_lazy("origin"),
    TRANSIT: gettext_lazy("transit"),
    DESTINATION: gettext_lazy("destination"),
}
ROLES = tuple(ROLE_LABELS)
CONFIDENCE_LABELS = {
    "low": gettext_lazy("low"),
    "medium": gettext_lazy("medium"),
    "high": gettext_lazy("high"),
}
YES, NO = "yes", "no"
# Words of the collection's own pages under /knowledge/patterns/: not a record's key.
RESERVED_KEYS = frozenset({"map", "map.svg", "years"})

TITLE_MAX = 500
SOURCE_MAX = 1000
PERIOD = re.compile(r"(?P<year>\d{4})(-(?P<month>\d{2})(-(?P<day>\d{2}))?)?")
M49 = re.compile(r"\d{3}")
COORDINATE = re.compile(r"-?\d{1,3}(\.\d{1,6})?")
FIRST_YEAR, LAST_YEAR = 1900, 2100


@dataclass(frozen=True)
class Known:
    """What the rules need of the database: States' codes, M49 regions' codes, the current plan's paths."""

    states: frozenset[str]
    regions: frozenset[str]
    paths: frozenset[str]


@dataclass(frozen=True)
class PatternRecord:
    """One clean row: codes as stored, lists sorted (the order the export writes them)."""

    row: int
    key: str
    kind: str
    title: str
    summary: str
    period_from: str
    period_to: str
    year_from: int
    year_to: int | None
    crime_types: tuple[str, ...]
    states: tuple[tuple[str, str], ...]  # (role, alpha-3), by role then code
    regions: tuple[str, ...]
    latitude: Decimal | None
    longitude: Decimal | None
    source: str
    source_url: str
    confidence: str
    instruments: tuple[str, ...]
    provisions: tuple[str, ...]
    published: bool


def period_key(value: str) -> tuple[int, int, int]:
    """(year, month, day) of a period's bound, a missing month or day as 0."""
    match = PERIOD.fullmatch(value)
    if not match:
        raise ValueError(value)
    return (int(match["year"]), int(match["month"] or 0), int(match["day"] or 0))


def check_period(value: str) -> str | None:
    """Why `value` is not a period's bound (YYYY, YYYY-MM or YYYY-MM-DD, a real day), or None."""
    from datetime import date

    match = PERIOD.fullmatch(value)
    if not match:
        return _("not a year or a date written YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match["year"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return _("not a year between %(first)s and %(last)s") % {"first": FIRST_YEAR, "last": LAST_YEAR}
    try:
        date(year, int(match["month"] or 1), int(match["day"] or 1))
    except ValueError:
        return _("no such month or day")
    return None


def ends_before(start: str, end: str) -> bool:
    """Whether the period ending `end` ends before it starts (compared at the precision both give)."""
    first, last = period_key(start), period_key(end)
    precision = min(sum(1 for part in first if part), sum(1 for part in last if part))
    return last[:precision] < first[:precision]


def write_list(values: tuple[str, ...] | list[str]) -> str:
    return "; ".join(values)


def write_coordinate(value: Decimal | None) -> str:
    """12.500000 -> '12.5'; None -> ''."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def crime_order(code: str) -> int:
    return list(CRIME_TYPE_LABELS).index(code) if code in CRIME_TYPE_LABELS else len(CRIME_TYPE_LABELS)


def instrument_order(code: str) -> int:
    return list(INSTRUMENTS).index(code) if code in INSTRUMENTS else len(INSTRUMENTS)


def _codes(value: str, column: str, wrong, *, known, normalise, unknown: str, order=None) -> list[str]:
    """The codes of a `;` list, each checked (`unknown` says why one is not known), none twice."""
    found: list[str] = []
    for part in split(value):
        code = normalise(part)
        if code is None or code not in known:
            wrong(column, unknown % {"value": repr(part), "codes": ", ".join(known)})
        elif code in found:
            wrong(column, _("%(value)s is given twice") % {"value": code})
        else:
            found.append(code)
    return sorted(found, key=order) if order else sorted(found)


def parse_coordinate(value: str, limit: int) -> Decimal:
    """A coordinate in decimal degrees within ±`limit`; ValueError (translated) otherwise."""
    if not COORDINATE.fullmatch(value):
        raise ValueError(_("not decimal degrees such as 12.5 or -4.25 (at most six decimals)"))
    try:
        number = Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern lets only numbers through
        raise ValueError(_("not a number")) from None
    if not -limit <= number <= limit:
        raise ValueError(_("not between -%(limit)s and %(limit)s") % {"limit": limit})
    return number


def parse_row(row: int, cells: dict[str, str], known: Known) -> PatternRecord | list[RowError]:
    """The clean record of one row (`cells` by column name, missing read as empty), or every problem."""
    errors: list[RowError] = []
    value = {name: (cells.get(name) or "").strip() for name in COLUMNS}
    value["summary"] = value["summary"].replace("\r\n", "\n").replace("\r", "\n")

    def wrong(column: str, message: str) -> None:
        errors.append(RowError(row, column, value[column], message))

    for name in REQUIRED:
        if not value[name]:
            wrong(name, _("required"))
    if value["key"] and not KEY.fullmatch(value["key"]):
        wrong(
            "key",
            _("a key is up to %(limit)s letters, digits, dots, dashes or underscores, starting with a letter or digit")
            % {"limit": KEY_MAX},
        )
    elif value["key"].lower() in RESERVED_KEYS:
        wrong("key", _("this word names a page of the collection; choose another key"))
    if value["kind"] and value["kind"] not in KIND_LABELS:
        wrong("kind", _("not one of %(codes)s") % {"codes": ", ".join(KIND_LABELS)})
    if len(value["title"]) > TITLE_MAX:
        wrong("title", _("longer than %(limit)s characters") % {"limit": TITLE_MAX})
    if len(value["source"]) > SOURCE_MAX:
        wrong("source", _("longer than %(limit)s characters") % {"limit": SOURCE_MAX})
    periods_ok = True
    for name in ("period_from", "period_to"):
        if value[name]:
            problem = check_period(value[name])
            if problem:
                wrong(name, problem)
                periods_ok = False
    if periods_ok and value["period_from"] and value["period_to"]:
        if ends_before(value["period_from"], value["period_to"]):
            wrong("period_to", _("before the start of the period (%(start)s)") % {"start": value["period_from"]})
    crime_types = _codes(
        value["crime_types"],
        "crime_types",
        wrong,
        known=CRIME_TYPE_LABELS,
        normalise=str.lower,
        unknown=_("%(value)s is not a crime type (known: %(codes)s)"),
        order=crime_order,
    )
    if value["kind"] == TERRORISM_LINK and value["crime_types"]:
        if TERRORISM not in crime_types or len(crime_types) < 2:
            wrong("crime_types", _("a link between terrorism and other crime names terrorism and at least one other"))
    states: list[tuple[str, str]] = []
    for role in ROLES:
        codes = _codes(
            value[role],
            role,
            wrong,
            known=known.states,
            normalise=str.upper,
            unknown=_("%(value)s is not the alpha-3 code of a State in the country registry (e.g. AUT)"),
        )
        states += [(role, code) for code in codes]
    regions = _codes(
        value["regions"],
        "regions",
        wrong,
        known=known.regions,
        normalise=lambda part: part if M49.fullmatch(part) else None,
        unknown=_("%(value)s is not the three-digit M49 code of a region (e.g. 150 Europe, 419 Latin America)"),
    )
    coordinates: dict[str, Decimal | None] = {"latitude": None, "longitude": None}
    for name, limit in (("latitude", 90), ("longitude", 180)):
        if value[name]:
            try:
                coordinates[name] = parse_coordinate(value[name], limit)
            except ValueError as error:
                wrong(name, str(error))
    if bool(value["latitude"]) != bool(value["longitude"]):
        missing = "longitude" if value["latitude"] else "latitude"
        wrong(missing, _("a place needs both latitude and longitude"))
    if value["source_url"] and not URL.fullmatch(value["source_url"]):
        wrong("source_url", _("not an http:// or https:// link"))
    if value["confidence"] and value["confidence"] not in CONFIDENCE_LABELS:
        wrong("confidence", _("not one of %(codes)s") % {"codes": ", ".join(CONFIDENCE_LABELS)})
    instruments = _codes(
        value["instruments"],
        "instruments",
        wrong,
        known=INSTRUMENTS,
        normalise=find_code,
        unknown=_("%(value)s is not an instrument (known: %(codes)s)"),
        order=instrument_order,
    )
    provisions, problems = parse_provisions(value["provisions"], known.paths)
    for problem in problems:
        wrong("provisions", problem)
    published = value["published"].lower()
    if published not in (YES, NO, ""):
        wrong("published", _("yes or no"))
    if errors:
        return errors
    return PatternRecord(
        row=row,
        key=value["key"],
        kind=value["kind"],
        title=value["title"],
        summary=value["summary"],
        period_from=value["period_from"],
        period_to=value["period_to"],
        year_from=period_key(value["period_from"])[0],
        year_to=period_key(value["period_to"])[0] if value["period_to"] else None,
        crime_types=tuple(crime_types),
        states=tuple(states),
        regions=tuple(regions),
        latitude=coordinates["latitude"],
        longitude=coordinates["longitude"],
        source=value["source"],
        source_url=value["source_url"],
        confidence=value["confidence"],
        instruments=tuple(instruments),
        provisions=tuple(sorted(provisions, key=path_order)),
        published=published == YES,
    )


def years_covered(year_from: int, year_to: int | None, until: int) -> range:
    """The years a record's period covers; an open period runs to `until` (this year)."""
    return range(year_from, max(year_from, year_to if year_to is not None else until) + 1)
