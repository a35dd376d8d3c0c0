"""The resources of technical assistance in the JSON API, under /api/assistance (issue 13): the twins
of the pages (views.py, the same queries), public.

    GET /api/assistance/funds                   every fund with its figures per currency
    GET /api/assistance/funds/{key}?page=&view=usd  a page of its ledger (the latest without ?page),
                                                totals over every line, and the optional USD view
    GET /api/assistance/donors                  the donor base per year (10(d)) and every donor
    GET /api/assistance/donors/{id}

Amounts are strings with two decimals ("1500.00") in their own currency: never floats, never
converted; the USD view is there only when asked for, and says it is at operator-entered rates.
"""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from viennaplan.api_shapes import INVALID, ErrorOut, Label
from viennaplan.knowledge.listing import PAGE_MAX

from . import queries
from .views import donor_or_404, fund_or_404, statement_or_404

router = Router()


class FundTotalsOut(Schema):
    currency: str = Field(..., description="ISO 4217")
    received: str
    disbursed: str
    balance: str = Field(..., description="received - disbursed")
    pledged: str
    outstanding: str = Field(..., description="pledged and not yet received against the pledges")


class FundRowOut(Schema):
    key: str
    name: str
    kind: str
    kind_label: Label
    chapter: str = Field(..., description="the chapter of the plan it is earmarked for ('' for none)")
    region: str
    provisions: list[str] = Field(..., description="the provisions that ask for it, as the plan cites them: 44(i)")
    totals: list[FundTotalsOut]
    url: str
    api_url: str


class LedgerLineOut(Schema):
    kind: str = Field(..., description="pledge, contribution or disbursement")
    date: str
    amount: str
    currency: str
    balance: str = Field(..., description="the balance in that currency after the line (a pledge changes nothing)")
    donor: int | None = None
    donor_name: str | None = None
    project: str | None = Field(None, description="the project's key, for a disbursement")


class ExchangeRateOut(Schema):
    currency: str
    rate: str = Field(..., description="US dollars for one unit")
    date: str | None = Field(..., description="the date it was entered for (null for USD itself)")


class UsdViewLineOut(Schema):
    currency: str
    balance: str
    usd: str
    rate: ExchangeRateOut


class UsdViewOut(Schema):
    label: str = Field(..., description="'USD at operator-entered rates of <date>'")
    as_of: str | None
    lines: list[UsdViewLineOut]
    total: str
    missing: list[str] = Field(..., description="currencies with no rate entered: not converted, not in the total")


class FundLedgerOut(FundRowOut):
    lines: list[LedgerLineOut] = Field(
        ..., description=f"one page of the ledger, {queries.LINES_PER_PAGE} lines at most"
    )
    count: int = Field(..., description="the ledger's lines on every page (pledges, contributions, disbursements)")
    page: int = Field(..., description="this page, from 1 (the earliest lines); without ?page, the latest")
    pages: int
    per_page: int
    opening: dict[str, str] = Field(
        ..., description="each currency's balance before this page's first line (empty on the first page)"
    )
    usd: UsdViewOut | None = Field(None, description="only with ?view=usd")


class FundLedgerIn(Schema):
    view: str | None = Field(None, description="usd: add the view in US dollars at operator-entered rates")
    page: int | None = Field(
        None, ge=1, le=PAGE_MAX, description="the page of the ledger, from 1 (the earliest lines); default the latest"
    )


class DonorYearOut(Schema):
    year: int
    donors: int
    new_donors: int
    contributions: int
    totals: dict[str, str] = Field(..., description="received per currency")


class DonorRowOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: Label
    state: str | None
    contributions: int
    totals: dict[str, str]
    url: str
    api_url: str


class DonorBaseOut(Schema):
    years: list[DonorYearOut]
    donors: list[DonorRowOut]


class DonorPledgeOut(Schema):
    fund: str
    date: str
    amount: str
    currency: str
    chapter: str
    region: str


class DonorContributionOut(Schema):
    fund: str
    date: str
    amount: str
    currency: str
    pledge: int | None


class DonorDetailOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: Label
    state: str | None
    totals: dict[str, str]
    years: list[DonorYearOut]
    pledges: list[DonorPledgeOut]
    contributions: list[DonorContributionOut]
    url: str


def text(amount: Decimal) -> str:
    return f"{amount}"


def totals_out(totals: list[queries.Totals]) -> list[dict]:
    return [
        {
            "currency": t.currency,
            "received": text(t.received),
            "disbursed": text(t.disbursed),
            "balance": text(t.balance),
            "pledged": text(t.pledged),
            "outstanding": text(t.outstanding),
        }
        for t in totals
    ]


def fund_out(fund, totals) -> dict:
    return {
        "key": fund.key,
        "name": fund.name,
        "kind": fund.kind,
        "kind_label": fund.get_kind_display(),
        "chapter": fund.chapter,
        "region": fund.region,
        "provisions": fund.citations,
        "totals": totals_out(totals),
        "url": f"/assistance/funds/{fund.key}",
        "api_url": f"/api/assistance/funds/{fund.key}",
    }


def year_out(year: queries.Year) -> dict:
    return {
        "year": year.year,
        "donors": year.donors,
        "new_donors": year.new_donors,
        "contributions": year.contributions,
        "totals": {currency: text(amount) for currency, amount in year.totals.items()},
    }


def usd_out(usd: queries.UsdView) -> dict:
    label = (
        _("USD at operator-entered rates of %(date)s") % {"date": usd.as_of.isoformat()}
        if usd.as_of
        else _("USD at operator-entered rates")
    )
    return {
        "label": label,
        "as_of": usd.as_of.isoformat() if usd.as_of else None,
        "lines": [
            {
                "currency": currency,
                "balance": text(amount),
                "usd": text(in_usd),
                "rate": {
                    "currency": rate.currency,
                    "rate": f"{rate.rate.normalize():f}",
                    "date": rate.date.isoformat() if rate.date else None,
                },
            }
            for currency, amount, in_usd, rate in usd.lines
        ],
        "total": text(usd.total),
        "missing": usd.missing,
    }


@router.get(
    "/funds",
    response={200: list[FundRowOut], **INVALID},
    operation_id="assistance_funds",
    summary="Every fund and programme with its figures per currency",
)
def list_funds(request: HttpRequest):
    return [fund_out(row.fund, row.totals) for row in queries.fund_balances()]


@router.get(
    "/funds/{key}",
    response={200: FundLedgerOut, 404: ErrorOut, **INVALID},
    operation_id="assistance_fund",
    summary="A fund's ledger, a page at a time: operations in date order with the running balance of their currency",
)
def get_fund(request: HttpRequest, key: str, given: Query[FundLedgerIn]):
    fund = fund_or_404(key)
    statement = statement_or_404(fund, given.page)
    body = fund_out(fund, statement.totals)
    body["lines"] = [
        {
            "kind": line.kind,
            "date": line.date.isoformat(),
            "amount": text(line.amount),
            "currency": line.currency,
            "balance": text(line.balance),
            "donor": line.donor.pk if line.donor else None,
            "donor_name": line.donor.name if line.donor else None,
            "project": line.project.key if line.project else None,
        }
        for line in statement.lines
    ]
    body |= {
        "count": statement.count,
        "page": statement.page,
        "pages": statement.pages,
        "per_page": statement.per_page,
        "opening": {currency: text(amount) for currency, amount in statement.opening.items()},
    }
    body["usd"] = usd_out(queries.usd_view(statement.balances())) if given.view == "usd" else None
    return body


def donor_out(row: queries.DonorRow) -> dict:
    return {
        "id": row.donor.pk,
        "name": row.donor.name,
        "kind": row.donor.kind,
        "kind_label": row.donor.get_kind_display(),
        "state": row.donor.state_id,
        "contributions": row.contributions,
        "totals": {currency: text(amount) for currency, amount in row.totals.items()},
        "url": f"/assistance/donors/{row.donor.pk}",
        "api_url": f"/api/assistance/donors/{row.donor.pk}",
    }


@router.get(
    "/donors",
    response={200: DonorBaseOut, **INVALID},
    operation_id="assistance_donors",
    summary="The donor base over time (10(d)) and every donor",
)
def list_donors(request: HttpRequest):
    return {
        "years": [year_out(year) for year in queries.donor_base()],
        "donors": [donor_out(row) for row in queries.donor_rows()],
    }


@router.get(
    "/donors/{donor_id}",
    response={200: DonorDetailOut, 404: ErrorOut, **INVALID},
    operation_id="assistance_donor",
    summary="One donor's pledges and contributions, per year",
)
def get_donor(request: HttpRequest, donor_id: int):
    summary = queries.donor_summary(donor_or_404(donor_id))
    donor = summary.donor
    return {
        "id": donor.pk,
        "name": donor.name,
        "kind": donor.kind,
        "kind_label": donor.get_kind_display(),
        "state": donor.state_id,
        "totals": {currency: text(amount) for currency, amount in summary.totals.items()},
        "years": [year_out(year) for year in summary.years],
        "pledges": [
            {
                "fund": p.fund.key,
                "date": p.date.isoformat(),
                "amount": text(p.amount),
                "currency": p.currency,
                "chapter": p.chapter,
                "region": p.region,
            }
            for p in summary.pledges
        ],
        "contributions": [
            {
                "fund": c.fund.key,
                "date": c.date.isoformat(),
                "amount": text(c.amount),
                "currency": c.currency,
                "pledge": c.pledge_id,
            }
            for c in summary.contributions
        ],
        "url": f"/assistance/donors/{donor.pk}",
    }
