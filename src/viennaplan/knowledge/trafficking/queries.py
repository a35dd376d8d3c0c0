"""Reading trafficking flows for the pages, the API, the public CSV, search and panels: the filters,
the flows a reader may see, and every count as it may be shown (through `suppression.py` only).

    /knowledge/trafficking?origin=&destination=&region=&form=&year=&provision=&q=&page=

- `origin`, `destination`: a State (alpha-3); `region`: a UN region (Africa, Americas, Asia, Europe,
  Oceania) that the origin or the destination is in; `form`: a form of exploitation; `year`: flows
  whose period includes the year; `provision`: a provision of the plan they serve (46/b); `q`: words
  in the key, the source or the reporting authority.

Drafts (not published) are the Secretariat's only: absent from lists and sums, 404 on their page.
The counts the Secretariat sees on pages are suppressed too: a page is a page, and may be shown on a
screen or printed; the raw counts are in the Secretariat's CSV (`flows_csv`) and the admin.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from viennaplan.countries.models import Country

from . import rules, suppression
from .models import Flow, FlowProvision
from .suppression import Figure

PAGE_URL = "/knowledge/trafficking"
API_URL = "/api/knowledge/trafficking"
FILTERS = ("q", "state", "origin", "destination", "region", "form", "year", "provision")
DIMENSIONS = ("destination", "origin", "form", "period", "sex-age")


@dataclass(frozen=True)
class FlowFilters:
    q: str = ""
    state: str = ""  # as origin, transit or destination
    origin: str = ""
    destination: str = ""
    region: str = ""
    form: str = ""
    year: int | None = None
    provision: str = ""
    page: int = 1

    def query(self, page: bool = False) -> dict[str, str]:
        given = {name: str(getattr(self, name)) for name in FILTERS if getattr(self, name)}
        if page and self.page != 1:
            given["page"] = str(self.page)
        return given

    @property
    def any(self) -> bool:
        return bool(self.query())


def regions() -> list[str]:
    return sorted(set(Country.objects.exclude(region="").values_list("region", flat=True)))


def parse_filters(given: Any) -> FlowFilters:
    """The filters of a query (a QueryDict or a dict of strings), checked; BadFilter on the first bad one."""
    from viennaplan.knowledge.listing import (
        checked_choice,
        checked_page,
        checked_provision,
        checked_q,
        checked_state,
        checked_year,
    )

    return FlowFilters(
        q=checked_q(given),
        state=checked_state(given, "state"),
        origin=checked_state(given, "origin"),
        destination=checked_state(given, "destination"),
        region=checked_choice(given, "region", regions()),
        form=checked_choice(given, "form", rules.FORM_LABELS),
        year=checked_year(given, "year"),
        provision=checked_provision(given),
        page=checked_page(given),
    )


def visible_flows(user: Any) -> QuerySet[Flow]:
    from viennaplan.knowledge.listing import visible

    return visible(user, Flow.objects.all())


def filtered_flows(user: Any, filters: FlowFilters) -> QuerySet[Flow]:
    from viennaplan.knowledge.listing import words_in

    flows = visible_flows(user)
    if filters.q:
        flows = flows.filter(words_in(Flow, filters.q))
    if filters.state:
        flows = flows.filter(Q(origin_id=filters.state) | Q(destination_id=filters.state) | Q(transit_id=filters.state))
    if filters.origin:
        flows = flows.filter(origin_id=filters.origin)
    if filters.destination:
        flows = flows.filter(destination_id=filters.destination)
    if filters.region:
        flows = flows.filter(Q(origin__region=filters.region) | Q(destination__region=filters.region))
    if filters.form:
        flows = flows.filter(form=filters.form)
    if filters.year:
        flows = flows.filter(year_from__lte=filters.year, year_to__gte=filters.year)
    if filters.provision:
        flows = flows.filter(pk__in=FlowProvision.objects.filter(path=filters.provision).values("flow_id"))
    return flows.order_by("-year_to", "destination_id", "origin_id", "key")


def flow_or_404(user: Any, key: str) -> Flow:
    flow = visible_flows(user).select_related("origin", "destination", "transit").filter(key=key).first()
    if flow is None:
        raise Http404(_("No trafficking flow %(key)s is on file.") % {"key": key})
    return flow


def flow_url(flow: Flow) -> str:
    return f"{PAGE_URL}/{flow.key}"


def flow_api_url(flow: Flow) -> str:
    return f"{API_URL}/{flow.key}"


def aggregate_url(dimension: str) -> str:
    return f"{PAGE_URL}/by/{dimension}"


def provision_url(path: str) -> str:
    return f"/plan/{path}"


# -- counts as shown ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """A flow's counts as they may be shown: the nine cells by sex and age, and the total."""

    cells: dict[str, Figure]
    total: Figure

    def rows(self) -> list[tuple[str, str, list[Figure]]]:
        """(sex, its label, [the figure of each age group]) for a table."""
        return [
            (sex, str(label), [self.cells[f"{sex}_{age}"] for age in rules.AGE_LABELS])
            for sex, label in rules.SEX_LABELS.items()
        ]

    def as_json(self) -> dict:
        return {
            "by_sex_and_age": {
                sex: {age: self.cells[f"{sex}_{age}"].as_json() for age in rules.AGE_LABELS} for sex in rules.SEX_LABELS
            },
            "total": self.total.as_json(),
        }


def shown_counts(flow: Flow) -> Shown:
    cells, total = suppression.breakdown(flow.counts(), flow.total)
    return Shown(cells, total)


def flow_title(flow: Flow) -> str:
    return _("%(origin)s to %(destination)s, %(period)s: %(form)s") % {
        "origin": flow.origin.name,
        "destination": flow.destination.name,
        "period": flow.period,
        "form": rules.FORM_LABELS.get(flow.form, flow.form),
    }


# -- aggregates ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AggregateRow:
    key: str
    label: str
    flows: int
    victims: Figure


@dataclass(frozen=True)
class Aggregate:
    dimension: str
    rows: list[AggregateRow]
    total: Figure
    flows: int
    by_sex_and_age: Shown | None = None


COUNT_FIELDS = ("id", "origin_id", "destination_id", "form", "year_from", "year_to", "total", *rules.CELLS)


GROUP_INDEX = {"origin": 1, "destination": 2, "form": 3}  # positions in COUNT_FIELDS; period: computed


def group_key(row: tuple, dimension: str) -> str:
    return rules.period_label(row[4], row[5]) if dimension == "period" else row[GROUP_INDEX[dimension]]


def aggregate(user: Any, filters: FlowFilters, dimension: str) -> Aggregate:
    """Victims of the filtered flows summed by `dimension` (a row per destination, origin, form or
    period), or the one breakdown by sex and age ("sex-age"): every sum through `suppression`, each
    flow's part as the public sees it on the flow's own page.

    The total of the filtered flows is the same figure in every view of them: it is shown only if
    every view (each dimension and the breakdown by sex and age) may show it, since a total hidden in
    one view to protect a small count there could otherwise be read from another."""
    flows = list(filtered_flows(user, filters).values_list(*COUNT_FIELDS))
    parts: list[tuple[tuple, Shown]] = []
    for row in flows:
        counts = dict(zip(rules.CELLS, row[7:], strict=True))
        cells, total = suppression.breakdown(counts, row[6])
        parts.append((row, Shown(cells, total)))
    grand = suppression.sum_of([shown.total for _row, shown in parts])
    tables: dict[str, tuple[dict, Figure]] = {}
    groups: dict[str, dict[str, list[Figure]]] = {}
    for each in DIMENSIONS:
        if each == "sex-age":
            sums = {cell: suppression.sum_of([shown.cells[cell] for _row, shown in parts]) for cell in rules.CELLS}
        else:
            grouped: dict[str, list[Figure]] = {}
            for row, shown in parts:
                grouped.setdefault(group_key(row, each), []).append(shown.total)
            groups[each] = grouped
            sums = {key: suppression.sum_of(figures) for key, figures in grouped.items()}
        tables[each] = suppression.table(sums, grand)
    if any(total.suppressed for _rows, total in tables.values()) and not grand.suppressed:
        grand = suppression.withheld(grand.value)
    protected, total = suppression.table(tables[dimension][0], grand)
    if dimension == "sex-age":
        return Aggregate(dimension, [], total, len(flows), Shown(protected, total))
    names: dict[str, str] = {}
    if dimension in ("destination", "origin"):
        names = {country.alpha3: country.name for country in Country.objects.filter(alpha3__in=list(protected))}

    def label(key: str) -> str:
        if dimension == "form":
            return str(rules.FORM_LABELS.get(key, key))
        return names.get(key, key)

    rows = [AggregateRow(key, label(key), len(groups[dimension][key]), protected[key]) for key in protected]
    if dimension == "period":
        rows.sort(key=lambda row: row.key, reverse=True)
    else:
        rows.sort(key=lambda row: row.label)
    return Aggregate(dimension, rows, total, len(flows))


# -- the public CSV (suppressed) --------------------------------------------------------------------

PUBLIC_COLUMNS = (
    "key",
    "origin",
    "destination",
    "transit",
    "year_from",
    "year_to",
    "form",
    *rules.CELLS,
    "total",
    "source",
    "source_url",
    "authority",
    "provisions",
    "url",
)


def public_csv(flows: Iterable[Flow]) -> str:
    """The flows as the public may have them: every count as shown (a number, "fewer than 5" or "not
    shown"), drafts never (the caller passes visible flows), no column the import would read as raw."""
    from viennaplan.cells import safe_text

    flows = list(flows)
    paths: dict[int, list[str]] = {}
    for flow_id, path in FlowProvision.objects.filter(flow__in=[flow.pk for flow in flows]).values_list(
        "flow_id", "path"
    ):
        paths.setdefault(flow_id, []).append(path)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(PUBLIC_COLUMNS)
    for flow in flows:
        shown = shown_counts(flow)
        row = [
            flow.key,
            flow.origin_id,
            flow.destination_id,
            flow.transit_id or "",
            str(flow.year_from),
            str(flow.year_to),
            flow.form,
            *(shown.cells[cell].text for cell in rules.CELLS),
            shown.total.text,
            flow.source,
            flow.source_url,
            flow.authority,
            rules.write_provisions(paths.get(flow.pk, [])),
            flow_url(flow),
        ]
        writer.writerow([safe_text(cell) for cell in row])
    return buffer.getvalue()
