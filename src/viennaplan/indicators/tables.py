"""An indicator's values as a table of States by year, its filters, and its rows as tidy CSV. Plain Python.

    filters = check_filters(year_from=2003, year_to=2005, group="WEOG", groups=..., states=...)
    table = build_table(rows, directory)          -> Table(years=[2003, 2004, 2005], lines=[Line(...), ...])
    write_csv(rows, indicator="tip_persons_convicted", unit="persons", dimensions=["sex"], names=...)

The pages, the JSON API and the CSV download read one indicator's observations through the same
`Filters`: a year range, a region or sub-region, a UN regional group, one State, and one
disaggregation (`""` the total, the default; `"sex=female"`; `ALL` every one). A value is shown as
published: "<5" stays "<5" (a small count withheld), never a number. The CSV is the tidy format
`observations.parse` reads, so that a download imported again changes nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext, gettext_lazy

from viennaplan.cells import safe_text

ALL = "all"  # the disaggregation filter's word for "every disaggregation"
FIRST_YEAR, LAST_YEAR = 1900, 2100
# (field of an observation, the word of the import's `flags` column, the mark shown, the legend's words).
# The import's words and the marks are codes; the legend's words are shown in the reader's language.
FLAGS = (
    ("estimate", "estimate", "e", gettext_lazy("estimate")),
    ("provisional", "provisional", "p", gettext_lazy("provisional")),
    ("break_in_series", "break", "b", gettext_lazy("break in series")),
)
CSV_COLUMNS = ("country", "iso3", "year", "indicator", "value", "unit", "source", "note", "flags")


class BadFilter(ValueError):
    """A filter that cannot be applied; the message says which and what is expected."""


@dataclass(frozen=True)
class Filters:
    year_from: int | None = None
    year_to: int | None = None
    region: str = ""
    group: str = ""
    state: str = ""
    disaggregation: str = ""  # "" the total, "sex=female", or ALL

    def query(self) -> dict[str, object]:
        """The filters as query parameters (those set), for links to the twin, the CSV and pages."""
        params = {
            "year_from": self.year_from,
            "year_to": self.year_to,
            "region": self.region,
            "group": self.group,
            "state": self.state,
            "disaggregation": self.disaggregation or None,
        }
        return {key: value for key, value in params.items() if value not in (None, "")}


@dataclass(frozen=True)
class Row:
    """One stored observation, as pages, API and CSV show it."""

    state: str
    year: int
    published: str  # "81255", "22.67" or "<5"
    suppressed_below: int | None
    disaggregation: str  # key: "" or "sex=female"
    source: str
    note: str = ""
    estimate: bool = False
    provisional: bool = False
    break_in_series: bool = False

    @property
    def flags(self) -> list[str]:
        """The import's flag words: ["estimate", "break"]."""
        return [word for name, word, _, _ in FLAGS if getattr(self, name)]

    @property
    def marks(self) -> str:
        """The marks shown next to the value: "e", "pb"."""
        return "".join(mark for name, _, mark, _ in FLAGS if getattr(self, name))


@dataclass
class Line:
    state: str
    name: str
    cells: list[list[Row]]  # one per year of the table; [] where there is no value


@dataclass
class Table:
    years: list[int] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def values(self) -> int:
        return sum(len(cell) for line in self.lines for cell in line.cells)


def with_query(path: str, params: Mapping[str, object]) -> str:
    """`path` with the parameters that are set as its query string."""
    query = urlencode({key: value for key, value in params.items() if value not in (None, "")})
    return f"{path}?{query}" if query else path


def parse_year(name: str, raw: str | None) -> int | None:
    """A year parameter of a page: None when empty; BadFilter unless a year 1900-2100."""
    text = (raw or "").strip()
    if not text:
        return None
    if not text.isdigit() or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise BadFilter(
            gettext("%(name)s=%(text)s is not a year; write it as four digits between %(first)s and %(last)s")
            % {"name": name, "text": repr(text), "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return int(text)


def check_filters(
    *,
    year_from: int | None = None,
    year_to: int | None = None,
    region: str = "",
    group: str = "",
    state: str = "",
    disaggregation: str = "",
    regions: Iterable[str],
    groups: Iterable[str],
    states: Iterable[str],
    dimensions: Mapping[str, Sequence[str]],
) -> Filters:
    """The filters, checked against what exists; BadFilter says what is wrong with the first bad one."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise BadFilter(
            gettext("year_from %(year_from)s is after year_to %(year_to)s")
            % {"year_from": year_from, "year_to": year_to}
        )
    region, group, state = region.strip(), group.strip(), state.strip().upper()
    if region and region not in set(regions):
        raise BadFilter(
            gettext("region=%(region)s is no region or sub-region of the country registry, e.g. Europe")
            % {"region": repr(region)}
        )
    known_groups = list(groups)
    if group and group not in known_groups:
        raise BadFilter(
            gettext("group=%(group)s is no UN regional group; the groups are %(groups)s")
            % {"group": repr(group), "groups": ", ".join(known_groups)}
        )
    if state and state not in set(states):
        raise BadFilter(
            gettext("state=%(state)s is no State; name it by its ISO 3166-1 alpha-3 code, e.g. CHE")
            % {"state": repr(state)}
        )
    disaggregation = _disaggregation(disaggregation.strip(), dimensions)
    return Filters(year_from, year_to, region, group, state, disaggregation)


def _disaggregation(raw: str, dimensions: Mapping[str, Sequence[str]]) -> str:
    if raw.lower() in ("", "total"):
        return ""
    if raw.lower() == ALL:
        return ALL
    pairs = {}
    for part in raw.split(";"):
        name, _, value = part.partition("=")
        name, value = name.strip(), value.strip()
        if value not in dimensions.get(name, ()):
            known = "; ".join(f"{dim}={'|'.join(values)}" for dim, values in dimensions.items())
            if known:
                message = gettext(
                    "disaggregation=%(raw)s is not one of this indicator's: total, all, or dimension=value (%(known)s)"
                )
            else:
                message = gettext(
                    "disaggregation=%(raw)s is not one of this indicator's: total, all, or dimension=value (none)"
                )
            raise BadFilter(message % {"raw": repr(raw), "known": known})
        pairs[name] = value
    return ";".join(f"{name}={value}" for name, value in sorted(pairs.items()))


def disaggregation_label(key: str, labels: Mapping[str, str]) -> str:
    """'sex=female;age_group=child' -> 'Sex: female, Age group: child'; '' -> 'Total'."""
    if not key:
        return gettext("Total")
    pairs = (pair.partition("=") for pair in key.split(";"))
    return ", ".join(
        gettext("%(dimension)s: %(value)s") % {"dimension": labels.get(name, name), "value": value}
        for name, _, value in pairs
    )


def build_table(rows: Iterable[Row], names: Mapping[str, str]) -> Table:
    """States (by name) by years (those with a value), each cell the values of that State and year."""
    by_state: dict[str, dict[int, list[Row]]] = {}
    years: set[int] = set()
    for row in rows:
        by_state.setdefault(row.state, {}).setdefault(row.year, []).append(row)
        years.add(row.year)
    ordered = sorted(years)
    lines = [
        Line(state, names.get(state, state), [cells.get(year, []) for year in ordered])
        for state, cells in by_state.items()
    ]
    lines.sort(key=lambda line: line.name)
    return Table(ordered, lines)


def write_csv(
    rows: Iterable[Row], *, indicator: str, unit: str, dimensions: Sequence[str], names: Mapping[str, str]
) -> str:
    """The rows in the tidy CSV the import reads (one column per dimension), every cell spreadsheet-safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CSV_COLUMNS, *dimensions])
    for row in rows:
        split = dict(pair.split("=", 1) for pair in row.disaggregation.split(";") if pair)
        cells = [names.get(row.state, row.state), row.state, row.year, indicator, row.published, unit, row.source]
        cells += [row.note, " ".join(row.flags), *(split.get(name, "") for name in dimensions)]
        writer.writerow([safe_text(cell) for cell in cells])
    return out.getvalue()
