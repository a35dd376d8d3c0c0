"""The resources' pages under /assistance/ (issue 13), public: they are about money given, not about
States' needs. Each has a JSON twin under /api/assistance (api.py, the same queries).

    /assistance/funds                 every fund and programme with its balance per currency
    /assistance/funds/<key>           its ledger, a page of 200 lines at a time (?page=N; without it,
                                      the latest lines), each operation in date order with the running
                                      balance of its currency, totals over every line; ?view=usd adds the
                                      view in US dollars at the latest operator-entered rates, marked as such
    /assistance/donors                the donor base over time (10(d)) and every donor
    /assistance/donors/<id>           one donor's pledges and contributions, per year
    /assistance/contributions.csv     every contribution; /assistance/disbursements.csv every disbursement

Recording money is the Secretariat's (the admin, through operations.py); these pages only read.
"""

from __future__ import annotations

import csv
import io

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.cells import safe_text
from viennaplan.knowledge.listing import BadFilter, checked_page, value_of, with_query

from . import queries
from .models import Donor, Fund
from .operations import may_record

PAGE_URL = "/assistance"
API_URL = "/api/assistance"


def fund_or_404(key: str) -> Fund:
    fund = Fund.objects.filter(key=key).first()
    if fund is None:
        raise Http404(_("No fund or programme %(key)s is on file.") % {"key": key})
    return fund


def donor_or_404(pk: int) -> Donor:
    donor = Donor.objects.select_related("state").filter(pk=pk).first()
    if donor is None:
        raise Http404(_("No donor %(id)s is on file.") % {"id": pk})
    return donor


def wants_usd(request: HttpRequest) -> bool:
    return request.GET.get("view") == "usd"


@require_safe
def fund_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "assistance_resources/funds.html",
        {
            "rows": queries.fund_balances(),
            "json_url": f"{API_URL}/funds",
            "records": may_record(request.user),
        },
    )


def ledger_page(given) -> int | None:
    """The page of a ledger asked for in `given` (None: the latest); BadFilter for a malformed one."""
    return checked_page(given) if value_of(given, "page") else None


def fund_url(fund: Fund, *, usd: bool = False, page: int | None = None, base: str = PAGE_URL) -> str:
    query = {"view": "usd"} if usd else {}
    return with_query(f"{base}/funds/{fund.key}", query | ({"page": str(page)} if page else {}))


def statement_or_404(fund: Fund, page: int | None) -> queries.Statement:
    try:
        return queries.fund_statement(fund, page)
    except queries.PageNotFound as missing:
        raise Http404(
            _("The ledger of %(fund)s has no page %(page)s; its last page is %(pages)s.")
            % {"fund": fund.name, "page": page, "pages": missing.pages}
        ) from None


@require_safe
def fund_detail(request: HttpRequest, key: str) -> HttpResponse:
    fund = fund_or_404(key)
    usd_asked = wants_usd(request)
    try:
        page = ledger_page(request.GET)
    except BadFilter as error:
        context = {"message": str(error), "parameter": error.parameter, "back_url": fund_url(fund, usd=usd_asked)}
        return render(request, "assistance/bad_request.html", context, status=400)
    statement = statement_or_404(fund, page)
    usd = queries.usd_view(statement.balances()) if usd_asked else None
    number, pages = statement.page, statement.pages
    return render(
        request,
        "assistance_resources/fund.html",
        {
            "fund": fund,
            "here": fund.key,
            "statement": statement,
            "usd": usd,
            "usd_url": fund_url(fund, usd=True, page=page),
            "plain_url": fund_url(fund, page=page),
            "pager": {
                "first": fund_url(fund, usd=usd_asked, page=1) if number > 1 else "",
                "previous": fund_url(fund, usd=usd_asked, page=number - 1) if number > 1 else "",
                "next": fund_url(fund, usd=usd_asked, page=number + 1) if number < pages else "",
                "latest": fund_url(fund, usd=usd_asked) if number < pages else "",
            },
            "json_url": fund_url(fund, usd=usd_asked, page=page, base=API_URL),
            "records": may_record(request.user),
        },
    )


@require_safe
def donor_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "assistance_resources/donors.html",
        {"years": queries.donor_base(), "rows": queries.donor_rows(), "json_url": f"{API_URL}/donors"},
    )


@require_safe
def donor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    donor = donor_or_404(pk)
    return render(
        request,
        "assistance_resources/donor.html",
        {
            "summary": queries.donor_summary(donor),
            "donor": donor,
            "here": donor.name,
            "json_url": f"{API_URL}/donors/{donor.pk}",
        },
    )


def csv_text(columns: tuple[str, ...], rows) -> str:
    """A CSV file whose every cell is safe in a spreadsheet (`cells.safe_text`: no formula)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_text(str(row[column])) for column in columns])
    return out.getvalue()


def csv_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def contributions_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(csv_text(queries.CONTRIBUTION_COLUMNS, queries.contribution_rows()), "contributions.csv")


@require_safe
def disbursements_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(csv_text(queries.DISBURSEMENT_COLUMNS, queries.disbursement_rows()), "disbursements.csv")
