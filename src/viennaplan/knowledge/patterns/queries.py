"""What the pages and the API of the collection read: the filters of the list, the records they
select, the counts by State (the map), by region and by year (the time view), and the table of every
State's adherence to the instruments against terrorism. Pages (`views.py`) and their JSON twins
(`api.py`) call the same functions, so they show the same rows.

    /knowledge/patterns?q=&state=COL&role=origin&region=419&crime_type=drug_trafficking&kind=trend
                       &year=2015&provision=18/c&confidence=high&page=
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from viennaplan.countries import registry
from viennaplan.countries.datafiles import REGION_LABELS
from viennaplan.knowledge.listing import (
    Paged,
    checked_choice,
    checked_page,
    checked_provision,
    checked_q,
    checked_state,
    checked_year,
    paged,
    visible,
    words_in,
)

from . import rules
from .csvio import known_regions
from .models import PatternCrimeType, PatternProvision, PatternRecord, PatternRegion, PatternState

PAGE_URL = "/knowledge/patterns"
API_URL = "/api/knowledge/patterns"
MAP_URL = "/knowledge/patterns/map"
YEARS_URL = "/knowledge/patterns/years"
TERRORISM_URL = "/knowledge/terrorism"
FILTERS = ("q", "state", "role", "region", "crime_type", "kind", "year", "provision", "confidence")
TOP_REGIONS = ("002", "019", "142", "150", "009")  # Africa, Americas, Asia, Europe, Oceania (M49)


@dataclass(frozen=True)
class PatternFilters:
    q: str = ""
    state: str = ""
    role: str = ""
    region: str = ""
    crime_type: str = ""
    kind: str = ""
    year: int | None = None
    provision: str = ""
    confidence: str = ""
    page: int = 1

    def query(self, page: bool = False) -> dict[str, str]:
        """The filters given, as query parameters (the page number only when asked and not 1)."""
        given = {name: str(getattr(self, name)) for name in FILTERS if getattr(self, name)}
        if page and self.page != 1:
            given["page"] = str(self.page)
        return given

    @property
    def any(self) -> bool:
        return bool(self.query())


def parse_filters(given: Any) -> PatternFilters:
    """The filters of a query (a QueryDict or a dict of strings), checked; BadFilter on the first bad one."""
    return PatternFilters(
        q=checked_q(given),
        state=checked_state(given),
        role=checked_choice(given, "role", rules.ROLE_LABELS),
        region=checked_choice(given, "region", known_regions()),
        crime_type=checked_choice(given, "crime_type", rules.CRIME_TYPE_LABELS),
        kind=checked_choice(given, "kind", rules.KIND_LABELS),
        year=checked_year(given, "year"),
        provision=checked_provision(given),
        confidence=checked_choice(given, "confidence", rules.CONFIDENCE_LABELS),
        page=checked_page(given),
    )


def in_region(m49: str, prefix: str = "") -> Q:
    """States (of a `prefix`ed relation to Country) in the M49 region, sub-region or intermediate region."""
    return (
        Q(**{f"{prefix}region_m49": m49})
        | Q(**{f"{prefix}subregion_m49": m49})
        | Q(**{f"{prefix}intermediate_region_m49": m49})
    )


def visible_records(user: Any) -> QuerySet[PatternRecord]:
    return visible(user, PatternRecord.objects.all())


def filtered_records(user: Any, filters: PatternFilters) -> QuerySet[PatternRecord]:
    records = visible_records(user)
    if filters.q:
        records = records.filter(words_in(PatternRecord, filters.q))
    # A filter on a child row is `id IN (the child rows' record ids)`, read through the child's index on
    # the column (state, crime type, path), not a correlated EXISTS probed for every record (issue 12).
    if filters.state or filters.role:
        states = PatternState.objects.order_by()
        if filters.state:
            states = states.filter(state_id=filters.state)
        if filters.role:
            states = states.filter(role=filters.role)
        records = records.filter(pk__in=states.values("record_id"))
    if filters.region:
        named = PatternRegion.objects.filter(record=OuterRef("pk"), m49=filters.region)
        states = PatternState.objects.filter(Q(record=OuterRef("pk")) & in_region(filters.region, "state__"))
        records = records.filter(Exists(named) | Exists(states))
    if filters.crime_type:
        crimes = PatternCrimeType.objects.order_by().filter(crime_type=filters.crime_type)
        records = records.filter(pk__in=crimes.values("record_id"))
    if filters.kind:
        records = records.filter(kind=filters.kind)
    if filters.confidence:
        records = records.filter(confidence=filters.confidence)
    if filters.year is not None:
        records = records.filter(year_from__lte=filters.year).filter(
            Q(year_to__isnull=True) | Q(year_to__gte=filters.year)
        )
    if filters.provision:
        provisions = PatternProvision.objects.order_by().filter(path=filters.provision)
        records = records.filter(pk__in=provisions.values("record_id"))
    return records.order_by("-year_from", "key")


def record_page(user: Any, filters: PatternFilters) -> Paged[PatternRecord]:
    """One page of the records, with their crime types and States: the child rows are read unordered (their
    models order by the record's ordering, a join the page does not need: `crime_types_of` and
    `states_by_role` sort them)."""
    records = filtered_records(user, filters).prefetch_related(
        Prefetch("crime_types", queryset=PatternCrimeType.objects.order_by()),
        Prefetch("states", queryset=PatternState.objects.order_by()),
    )
    return paged(records, filters.page)


def record_or_404(user: Any, key: str) -> PatternRecord:
    record = (
        visible_records(user)
        .prefetch_related("crime_types", "states__state", "regions", "instruments__instrument", "provisions")
        .filter(key=key)
        .first()
    )
    if record is None:
        raise Http404(_("No record %(key)s is on file.") % {"key": key})
    return record


def record_url(record: PatternRecord) -> str:
    return f"{PAGE_URL}/{record.key}"


def record_api_url(record: PatternRecord) -> str:
    return f"{API_URL}/{record.key}"


def region_label(m49: str, names: dict[str, str] | None = None) -> str:
    """The five regions in the reader's language; sub-regions as the M49 files write them (English)."""
    names = names if names is not None else known_regions()
    name = names.get(m49, m49)
    return str(REGION_LABELS.get(name, name))


def crime_types_of(record: PatternRecord) -> list[str]:
    return sorted((c.crime_type for c in record.crime_types.all()), key=rules.crime_order)


def states_by_role(record: PatternRecord) -> dict[str, list[str]]:
    """role -> the alpha-3 codes of the record's States in that role (child rows prefetched)."""
    found: dict[str, list[str]] = {role: [] for role in rules.ROLES}
    for row in record.states.all():
        found.setdefault(row.role, []).append(row.state_id)
    return {role: sorted(codes) for role, codes in found.items()}


# -- the map: records per State ----------------------------------------------------------------


def counts_by_state(records: QuerySet[PatternRecord], role: str = "") -> dict[str, int]:
    """alpha-3 -> the number of `records` naming the State (in `role`, or in any role), counted in the database."""
    rows = PatternState.objects.filter(record__in=records.order_by().values("pk"))
    if role:
        rows = rows.filter(role=role)
    counted = rows.order_by().values("state_id").annotate(n=Count("record_id", distinct=True))
    return {row["state_id"]: row["n"] for row in counted}


@dataclass
class RegionRow:
    m49: str
    label: str
    counts: dict[str, int] = field(default_factory=dict)  # role -> records naming a State of the region in it
    named: int = 0  # records naming the region (or one of its sub-regions) itself
    total: int = 0  # records concerning the region either way


def region_table(records: QuerySet[PatternRecord]) -> list[RegionRow]:
    """For each of the five M49 regions: the records naming a State of it as origin, transit and destination,
    the records naming the region itself (or a sub-region of it), and the records concerning it in any way
    (counted in the database: a few grouped queries, whatever the number of records)."""
    from viennaplan.countries.models import Country

    codes_of: dict[str, set[str]] = defaultdict(set)  # region -> its own code and those of its sub-regions
    for row in Country.objects.exclude(region_m49="").values("region_m49", "subregion_m49", "intermediate_region_m49"):
        codes_of[row["region_m49"]].update(code for code in row.values() if code)
    ids = records.order_by().values("pk")
    by_role = {
        (row["state__region_m49"], row["role"]): row["n"]
        for row in PatternState.objects.filter(record__in=ids)
        .order_by()
        .values("state__region_m49", "role")
        .annotate(n=Count("record_id", distinct=True))
    }
    names = known_regions()
    table = []
    for m49 in TOP_REGIONS:
        named = Exists(PatternRegion.objects.filter(record=OuterRef("pk"), m49__in=codes_of[m49]))
        of_states = Exists(PatternState.objects.filter(record=OuterRef("pk"), state__region_m49=m49))
        table.append(
            RegionRow(
                m49,
                region_label(m49, names),
                {role: by_role.get((m49, role), 0) for role in rules.ROLES},
                records.filter(named).count(),
                records.filter(named | of_states).count(),
            )
        )
    return table


# -- the time view: records per year by crime type ----------------------------------------------


@dataclass
class YearRow:
    year: int
    counts: dict[str, int]  # crime type -> records whose period covers the year
    total: int  # records whose period covers the year (a record of two crime types counts once)


def years_table(records: QuerySet[PatternRecord], until: int | None = None) -> tuple[list[str], list[YearRow]]:
    """The crime types that occur, and for each year from the first observed to the last (an open period
    runs to this year): how many records of each crime type cover it, oldest year first. The records are
    counted in the database by period (first and last year), then spread over the years of each period."""
    until = until or timezone.localdate().year
    periods = records.order_by().values("year_from", "year_to").annotate(n=Count("pk"))
    if not periods:
        return [], []
    totals: Counter = Counter()
    for row in periods:
        for year in rules.years_covered(row["year_from"], row["year_to"], until):
            totals[year] += row["n"]
    counts: dict[int, Counter] = defaultdict(Counter)
    by_period = (
        PatternCrimeType.objects.filter(record__in=records.order_by().values("pk"))
        .order_by()
        .values("record__year_from", "record__year_to", "crime_type")
        .annotate(n=Count("record_id"))
    )
    shown: set[str] = set()
    for row in by_period:
        shown.add(row["crime_type"])
        for year in rules.years_covered(row["record__year_from"], row["record__year_to"], until):
            counts[year][row["crime_type"]] += row["n"]
    crimes = sorted(shown, key=rules.crime_order)
    first, last = min(totals), max(totals)
    return crimes, [
        YearRow(year, {crime: counts[year][crime] for crime in crimes}, totals[year]) for year in range(first, last + 1)
    ]


# -- adherence to the instruments against terrorism ---------------------------------------------


@dataclass
class AdherenceRow:
    alpha3: str
    name: str
    region: str
    cells: list[str]  # one category per instrument: party, deposited, signatory, none
    parties: int  # instruments the State is a party to


@dataclass
class Adherence:
    as_of: date
    codes: list[str]
    short_names: dict[str, str]
    rows: list[AdherenceRow]
    parties: dict[str, int]  # instrument -> States party

    @property
    def instruments(self) -> list[tuple[str, str, int]]:
        return [(code, self.short_names[code], self.parties[code]) for code in self.codes]


def adherence(as_of: date) -> Adherence:
    """Every State's standing under each universal instrument against terrorism on `as_of`: one call into
    the treaty engine for all of them (`statuses_of`), then a look-up per cell."""
    from viennaplan.monitoring.map_data import treaty_category
    from viennaplan.treaties.overview import statuses_of
    from viennaplan.treaties.terrorism_rules import TERRORISM_INSTRUMENTS

    codes = list(TERRORISM_INSTRUMENTS)
    statuses = statuses_of(codes, as_of)
    rows = []
    parties: Counter = Counter()
    for info in registry.states():
        cells = [treaty_category(statuses[code].by_state.get(info.alpha3), as_of) for code in codes]
        for code, cell in zip(codes, cells, strict=True):
            if cell == "party":
                parties[code] += 1
        rows.append(AdherenceRow(info.alpha3, info.name, info.region, cells, cells.count("party")))
    short = {code: TERRORISM_INSTRUMENTS[code].short_name for code in codes}
    return Adherence(as_of, codes, short, rows, {code: parties[code] for code in codes})
