"""What the resources' pages, JSON twins and CSV files read (issue 13): the same queries for all.

    fund_balances()        every fund with its balance per currency (and what is outstanding on pledges)
    fund_statement(fund, page)  a page of the ledger (LINES_PER_PAGE lines in date order, the latest page
                           unless asked) with the running balance of each line's currency over the
                           whole ledger, and the totals per currency over every line, all in SQL
    usd_view(balances)     balances at the latest operator-entered rates, marked as such
    donor_base()           the donor base over time (10(d)): donors, new donors and contributions per year
    donor_rows(), donor_summary(donor)

Nothing is converted unless the reader asks for the USD view; totals are per currency.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, IntegerField, Max, Min, Q, Sum, Value
from django.db.models.functions import ExtractYear

from .currencies import USD
from .ledger import CENT, CONTRIBUTION, DISBURSEMENT, PLEDGE, ZERO
from .models import Contribution, Disbursement, Donor, ExchangeRate, Fund, Pledge


def _sums(rows, key: str) -> dict[Any, dict[str, Decimal]]:
    found: dict[Any, dict[str, Decimal]] = defaultdict(dict)
    for row in rows.values(key, "currency").annotate(total=Sum("amount")).order_by():
        found[row[key]][row["currency"]] = row["total"].quantize(CENT)  # SQLite's sums lose the scale
    return found


@dataclass
class Totals:
    """One currency's figures in a fund (or a donor's giving)."""

    currency: str
    received: Decimal = ZERO
    disbursed: Decimal = ZERO
    pledged: Decimal = ZERO
    outstanding: Decimal = ZERO

    @property
    def balance(self) -> Decimal:
        return self.received - self.disbursed


@dataclass
class FundRow:
    fund: Fund
    totals: list[Totals] = field(default_factory=list)


def totals_of(received: dict, disbursed: dict, pledged: dict, paid: dict) -> list[Totals]:
    currencies = sorted(set(received) | set(disbursed) | set(pledged))
    return [
        Totals(
            currency,
            received.get(currency, ZERO),
            disbursed.get(currency, ZERO),
            pledged.get(currency, ZERO),
            pledged.get(currency, ZERO) - paid.get(currency, ZERO),
        )
        for currency in currencies
    ]


def fund_balances() -> list[FundRow]:
    """Every fund with its figures per currency, in four grouped queries."""
    received = _sums(Contribution.objects.all(), "fund")
    paid = _sums(Contribution.objects.filter(pledge__isnull=False), "fund")
    disbursed = _sums(Disbursement.objects.all(), "fund")
    pledged = _sums(Pledge.objects.all(), "fund")
    return [
        FundRow(
            fund,
            totals_of(
                received.get(fund.pk, {}),
                disbursed.get(fund.pk, {}),
                pledged.get(fund.pk, {}),
                paid.get(fund.pk, {}),
            ),
        )
        for fund in Fund.objects.order_by("kind", "name")
    ]


@dataclass(frozen=True)
class StatementLine:
    kind: str
    date: date
    amount: Decimal
    currency: str
    balance: Decimal
    donor: Donor | None = None
    project: Any = None
    pledge_id: int | None = None
    note: str = ""
    id: int = 0


@dataclass(frozen=True)
class Rate:
    """US dollars for one unit of `currency`, entered for `date` (None for the dollar itself)."""

    currency: str
    rate: Decimal
    date: date | None


@dataclass(frozen=True)
class UsdView:
    """Balances at operator-entered rates: `as_of` is the latest rate's date; `missing` the
    currencies with no rate entered (not converted, left out of the total)."""

    lines: list[tuple[str, Decimal, Decimal, Rate]]
    total: Decimal
    rates: list[Rate]
    missing: list[str]
    as_of: date | None


@dataclass(frozen=True)
class Statement:
    """One page of a fund's ledger: `lines` in date order, each with the balance of its currency after
    it, running over every line of the ledger (`opening`: the balances before the page's first line);
    `totals` over every line, not only the page's. Lines `first`..`last` of `count`."""

    fund: Fund
    lines: list[StatementLine]
    totals: list[Totals]
    count: int
    page: int
    pages: int
    per_page: int
    opening: dict[str, Decimal]

    @property
    def first(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.lines else 0

    @property
    def last(self) -> int:
        return (self.page - 1) * self.per_page + len(self.lines)

    def balances(self) -> dict[str, Decimal]:
        """Each currency's balance over the whole ledger (received - disbursed), never converted."""
        return {total.currency: total.balance for total in self.totals}


LINES_PER_PAGE = 200
KIND_ORDER = {PLEDGE: 0, CONTRIBUTION: 1, DISBURSEMENT: 2}  # on one date, as operations.operations_of orders


class PageNotFound(LookupError):
    """A page after the ledger's last one: `pages` says how many there are."""

    def __init__(self, pages: int) -> None:
        super().__init__(pages)
        self.pages = pages


def _summed(rows) -> tuple[dict[str, Decimal], int]:
    """Amounts per currency of `rows` and how many rows, in one grouped query."""
    totals, count = {}, 0
    for row in rows.values("currency").annotate(total=Sum("amount"), n=Count("id")).order_by():
        totals[row["currency"]] = row["total"].quantize(CENT)  # SQLite's sums lose the scale
        count += row["n"]
    return totals, count


def _keys(model, kind: str, fund: Fund):
    return (
        model.objects.filter(fund=fund)
        .annotate(k=Value(KIND_ORDER[kind], output_field=IntegerField()))
        .values("date", "k", "id")
        .order_by()
    )


def _before(model, kind: str, fund: Fund, first: dict) -> dict[str, Decimal]:
    """Amounts per currency of the fund's rows of `model` ordered before the line `first` (date, k, id)."""
    own = KIND_ORDER[kind]
    same_day = Q(date=first["date"], id__lt=first["id"]) if own == first["k"] else Q(date=first["date"])
    earlier = Q(date__lt=first["date"]) | same_day if own <= first["k"] else Q(date__lt=first["date"])
    return _summed(model.objects.filter(earlier, fund=fund))[0]


def fund_statement(fund: Fund, page: int | None = None, per_page: int | None = None) -> Statement:
    """Page `page` of the fund's ledger (None: the latest page), read in SQL whatever the ledger's size:
    the totals per currency and the number of lines by grouped queries over every line, one page of
    line keys in ledger order (date; pledges, contributions, disbursements; the order recorded), the
    balances before the page by grouped sums, the page's rows. PageNotFound after the last page."""
    received, contributions = _summed(Contribution.objects.filter(fund=fund))
    paid, _count = _summed(Contribution.objects.filter(fund=fund, pledge__isnull=False))
    disbursed, disbursements = _summed(Disbursement.objects.filter(fund=fund))
    pledged, pledges = _summed(Pledge.objects.filter(fund=fund))
    count = contributions + disbursements + pledges
    per_page = per_page or LINES_PER_PAGE
    pages = max(1, -(-count // per_page))
    page = pages if page is None else page
    if page > pages:
        raise PageNotFound(pages)
    start = (page - 1) * per_page
    keys = list(
        _keys(Pledge, PLEDGE, fund)
        .union(_keys(Contribution, CONTRIBUTION, fund), _keys(Disbursement, DISBURSEMENT, fund), all=True)
        .order_by("date", "k", "id")[start : start + per_page]
    )
    opening: dict[str, Decimal] = {}
    if keys and start:
        opening = dict(_before(Contribution, CONTRIBUTION, fund, keys[0]))
        for currency, amount in _before(Disbursement, DISBURSEMENT, fund, keys[0]).items():
            opening[currency] = opening.get(currency, ZERO) - amount
    ids: dict[int, list[int]] = defaultdict(list)
    for key in keys:
        ids[key["k"]].append(key["id"])
    rows = {
        KIND_ORDER[PLEDGE]: Pledge.objects.filter(pk__in=ids[0]).select_related("donor").in_bulk(),
        KIND_ORDER[CONTRIBUTION]: Contribution.objects.filter(pk__in=ids[1]).select_related("donor").in_bulk(),
        KIND_ORDER[DISBURSEMENT]: Disbursement.objects.filter(pk__in=ids[2]).select_related("project").in_bulk(),
    }
    running = dict(opening)
    lines = []
    for key in keys:
        row = rows[key["k"]][key["id"]]
        if key["k"] == KIND_ORDER[PLEDGE]:
            kind, effect, extra = PLEDGE, ZERO, {"donor": row.donor, "note": row.note}
        elif key["k"] == KIND_ORDER[CONTRIBUTION]:
            kind, effect = CONTRIBUTION, row.amount
            extra = {"donor": row.donor, "pledge_id": row.pledge_id, "note": row.note}
        else:
            kind, effect, extra = DISBURSEMENT, -row.amount, {"project": row.project, "note": row.purpose}
        running[row.currency] = running.get(row.currency, ZERO) + effect
        lines.append(StatementLine(kind, row.date, row.amount, row.currency, running[row.currency], id=row.pk, **extra))
    totals = totals_of(received, disbursed, pledged, paid)
    return Statement(fund, lines, totals, count, page, pages, per_page, opening)


def latest_rates() -> dict[str, Rate]:
    """The latest operator-entered rate of each currency."""
    rates: dict[str, Rate] = {USD: Rate(USD, Decimal(1), None)}
    for row in ExchangeRate.objects.order_by("currency", "-date").values("currency", "rate", "date"):
        rates.setdefault(row["currency"], Rate(row["currency"], row["rate"], row["date"]))
    return rates


def usd_view(balances: dict[str, Decimal]) -> UsdView:
    rates = latest_rates()
    lines, missing, used = [], [], []
    for currency, amount in sorted(balances.items()):
        rate = rates.get(currency)
        if rate is None:
            missing.append(currency)
            continue
        lines.append((currency, amount, (amount * rate.rate).quantize(CENT), rate))
        if currency != USD:
            used.append(rate)
    total = sum((usd for _currency, _amount, usd, _rate in lines), ZERO)
    as_of = max((rate.date for rate in used), default=None)
    return UsdView(lines, total, used, missing, as_of)


# -- the donor base (10(d)) -----------------------------------------------------------------------


@dataclass
class Year:
    year: int
    donors: int = 0
    new_donors: int = 0
    contributions: int = 0
    totals: dict[str, Decimal] = field(default_factory=dict)


def donor_base(contributions=None) -> list[Year]:
    """Per year of receipt: how many donors gave, how many gave for the first time, how many
    contributions, and the amounts per currency."""
    contributions = Contribution.objects.all() if contributions is None else contributions
    by_year = contributions.annotate(year=ExtractYear("date"))
    years: dict[int, Year] = {}
    for row in by_year.values("year").annotate(donors=Count("donor", distinct=True), n=Count("id")).order_by():
        years[row["year"]] = Year(row["year"], row["donors"], 0, row["n"])
    for row in by_year.values("year", "currency").annotate(total=Sum("amount")).order_by():
        years[row["year"]].totals[row["currency"]] = row["total"].quantize(CENT)
    for row in contributions.values("donor").annotate(first=Min("date")).order_by():
        years[row["first"].year].new_donors += 1
    for year in years.values():
        year.totals = dict(sorted(year.totals.items()))
    return [years[year] for year in sorted(years)]


@dataclass
class DonorRow:
    donor: Donor
    contributions: int
    totals: dict[str, Decimal]
    first: date | None
    last: date | None


def donor_rows() -> list[DonorRow]:
    counts = {
        row["donor"]: row
        for row in Contribution.objects.values("donor").annotate(n=Count("id"), first=Min("date")).order_by()
    }
    last = {
        row["donor"]: row["last"] for row in Contribution.objects.values("donor").annotate(last=Max("date")).order_by()
    }
    sums = _sums(Contribution.objects.all(), "donor")
    return [
        DonorRow(
            donor,
            counts.get(donor.pk, {}).get("n", 0),
            dict(sorted(sums.get(donor.pk, {}).items())),
            counts.get(donor.pk, {}).get("first"),
            last.get(donor.pk),
        )
        for donor in Donor.objects.select_related("state").order_by("name", "id")
    ]


@dataclass(frozen=True)
class DonorSummary:
    donor: Donor
    years: list[Year]
    pledges: list[Pledge]
    contributions: list[Contribution]
    totals: dict[str, Decimal]


def donor_summary(donor: Donor) -> DonorSummary:
    contributions = Contribution.objects.filter(donor=donor)
    totals: dict[str, Decimal] = {}
    for row in contributions.values("currency").annotate(total=Sum("amount")).order_by("currency"):
        totals[row["currency"]] = row["total"].quantize(CENT)
    return DonorSummary(
        donor,
        donor_base(contributions),
        list(Pledge.objects.filter(donor=donor).select_related("fund").order_by("date", "id")),
        list(contributions.select_related("fund").order_by("date", "id")),
        totals,
    )


# -- CSV rows -------------------------------------------------------------------------------------

CONTRIBUTION_COLUMNS = ("id", "date", "donor", "donor_kind", "state", "fund", "amount", "currency", "pledge")
DISBURSEMENT_COLUMNS = ("id", "date", "fund", "project", "amount", "currency", "purpose")


def contribution_rows():
    for row in Contribution.objects.select_related("donor", "fund").order_by("date", "id"):
        yield {
            "id": row.pk,
            "date": row.date.isoformat(),
            "donor": row.donor.name,
            "donor_kind": row.donor.kind,
            "state": row.donor.state_id or "",
            "fund": row.fund.key,
            "amount": f"{row.amount}",
            "currency": row.currency,
            "pledge": row.pledge_id or "",
        }


def disbursement_rows():
    for row in Disbursement.objects.select_related("fund", "project").order_by("date", "id"):
        yield {
            "id": row.pk,
            "date": row.date.isoformat(),
            "fund": row.fund.key,
            "project": row.project.key,
            "amount": f"{row.amount}",
            "currency": row.currency,
            "purpose": row.purpose,
        }
