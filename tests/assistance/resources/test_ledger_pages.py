"""A fund's ledger a page at a time (issue 13): the page and its JSON twin show one page of lines in
date order (the latest page unless ?page asks), each with the balance of its currency over the WHOLE
ledger; the totals per currency are over every line, whatever the page, and always balance
(received - disbursed = balance); every page put together is the plain-Python ledger's statement.
SYNTHETIC data."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest

pytestmark = pytest.mark.django_db

FUND = "/assistance/funds/gp-trafficking"
API = "/api/assistance/funds/gp-trafficking"
PER_PAGE = 4

ROW = re.compile(
    r'<tr class="ledger-(\w+)" id="\w+-(\d+)">\s*<td class="num">([\d-]+)</td>.*?'
    r'<td class="num">[−+]?([\d.]+)</td>\s*<td><span class="iso">([A-Z]{3})</span></td>\s*'
    r'<td class="num">(?:<span class="muted">\()?([\d.-]+)',
    re.S,
)


@pytest.fixture
def small_pages(monkeypatch):
    from viennaplan.assistance.resources import queries

    monkeypatch.setattr(queries, "LINES_PER_PAGE", PER_PAGE)


@pytest.fixture
def paged_fund(secretariat, donors, fund, project, small_pages):
    """25 operations in three currencies, several on one date (pledge, contribution, disbursement of the
    same day straddle the pages' edges): 7 pages of 4, the last of 1 (a pledge)."""
    from viennaplan.assistance.resources import operations

    def give(donor, amount, currency, on, pledge=None):
        return operations.record_contribution(
            secretariat, donor=donors[donor], fund=fund, amount=amount, currency=currency, on=on, pledge=pledge
        )

    def pay(amount, currency, on):
        return operations.record_disbursement(
            secretariat, fund=fund, project=project, amount=amount, currency=currency, on=on, purpose="SYNTHETIC"
        )

    day = date(2002, 1, 1)
    pledge = operations.record_pledge(
        secretariat, donor=donors["CHE"], fund=fund, amount="5000", currency="CHF", on=day
    )
    give("CHE", "1000", "CHF", day, pledge)
    give("FRA", "800", "EUR", day)
    pay("300", "EUR", day)
    for n in range(1, 6):  # each later day: CHF in, EUR in, EUR and CHF out
        on = day + timedelta(days=7 * n)
        give("CHE", "500.50", "CHF", on, pledge)
        give("FRA", "200", "EUR", on)
        pay("250.25", "CHF", on)
        if n % 2:
            pay("100", "EUR", on)
        else:
            give("foundation", "75", "USD", on)
    operations.record_pledge(
        secretariat, donor=donors["foundation"], fund=fund, amount="100", currency="USD", on=date(2002, 3, 1)
    )
    return fund


def lines_of(html: str) -> list[tuple[str, str, str, str, str]]:
    ledger = re.search(r'<table class="contents data" id="ledger">.*?</table>', html, re.S)
    return [(kind, on, amount, currency, balance) for kind, _id, on, amount, currency, balance in ROW.findall(
        ledger.group(0) if ledger else ""
    )]  # fmt: skip


def totals_of(html: str) -> dict[str, list[Decimal]]:
    found = {}
    for currency, row in re.findall(r'<tr id="total-([A-Z]{3})">(.*?)</tr>', html, re.S):
        found[currency] = [Decimal(x) for x in re.findall(r'<td class="num[^"]*">([\d.-]+)</td>', row)]
    return found


def whole_statement(fund) -> list[tuple[str, str, str, str, str]]:
    """The oracle: the plain-Python ledger replayed over every stored operation."""
    from viennaplan.assistance.resources.operations import ledger_of

    return [
        (
            line.operation.kind,
            line.operation.date.isoformat(),
            f"{line.operation.amount}",
            line.operation.currency,
            f"{line.balance}",
        )
        for line in ledger_of(fund).statement()
    ]


def test_every_page_put_together_is_the_whole_ledger_with_its_running_balances(client, paged_fund):
    expected = whole_statement(paged_fund)
    assert len(expected) == 25
    seen = []
    for number in range(1, 8):
        response = client.get(f"{FUND}?page={number}")
        assert response.status_code == 200
        page = lines_of(response.content.decode())
        assert len(page) == (PER_PAGE if number < 7 else 1), number
        seen += page
    assert seen == expected
    api = [client.get(f"{API}?page={number}").json() for number in range(1, 8)]
    assert [
        (line["kind"], line["date"], line["amount"], line["currency"], line["balance"])
        for body in api
        for line in body["lines"]
    ] == expected


def test_without_a_page_the_latest_lines_show_and_the_pager_leads_back(client, paged_fund):
    html = client.get(FUND).content.decode()
    assert lines_of(html) == whole_statement(paged_fund)[-1:]
    assert re.search(r'id="ledger-count">Lines 25–25 of 25 · page 7 of 7<', html)
    pager = re.search(r'<nav class="pager".*?</nav>', html, re.S).group(0)
    assert f'href="{FUND}?page=6" rel="prev"' in pager and f'href="{FUND}?page=1"' in pager
    assert 'rel="next"' not in pager and "Latest lines" not in pager
    first = client.get(f"{FUND}?page=1").content.decode()
    pager = re.search(r'<nav class="pager".*?</nav>', first, re.S).group(0)
    assert f'href="{FUND}?page=2" rel="next"' in pager and f'href="{FUND}">Latest lines' in pager
    assert 'rel="prev"' not in pager and 'id="ledger-opening"' not in first
    assert 'href="/api/assistance/funds/gp-trafficking?page=1"' in first


def test_the_ledger_always_balances_in_each_currency_on_every_page(client, paged_fund):
    """Received - disbursed = balance for each currency, over EVERY line whatever the page shows; the
    balances brought forward plus the page's lines make each line's balance; the latest page ends on
    the totals' balances."""
    from viennaplan.assistance.resources.operations import ledger_of

    ledger = ledger_of(paged_fund)
    for number in range(1, 8):
        html = client.get(f"{FUND}?page={number}").content.decode()
        totals = totals_of(html)
        assert set(totals) == {"CHF", "EUR", "USD"}
        for currency, (received, disbursed, balance, pledged, outstanding) in totals.items():
            assert received - disbursed == balance, (number, currency)
            assert received == ledger.received.get(currency, 0) and disbursed == ledger.disbursed.get(currency, 0)
            assert pledged - outstanding == ledger.paid_on_pledges.get(currency, 0)
        running = {
            currency: Decimal(amount)
            for currency, amount in re.findall(
                r'<span class="balance" data-currency="([A-Z]{3})">([\d.-]+) ', html.split('id="ledger-opening"')[1]
            )
        } if 'id="ledger-opening"' in html else {}  # fmt: skip
        for kind, _on, amount, currency, balance in lines_of(html):
            effect = {"contribution": Decimal(amount), "disbursement": -Decimal(amount)}.get(kind, Decimal(0))
            running[currency] = running.get(currency, Decimal(0)) + effect
            assert running[currency] == Decimal(balance), (number, kind, currency)
    latest = lines_of(client.get(FUND).content.decode())
    closing = {currency: Decimal(balance) for _kind, _on, _amount, currency, balance in latest}
    assert closing == {"USD": totals["USD"][2]}  # the latest page's last line of a currency: its balance
    for currency in ("CHF", "EUR", "USD"):
        whole = [line for line in whole_statement(paged_fund) if line[3] == currency]
        assert Decimal(whole[-1][4]) == totals[currency][2] == ledger.balance(currency)
    body = client.get(f"{API}?page=3").json()
    for total in body["totals"]:
        assert Decimal(total["received"]) - Decimal(total["disbursed"]) == Decimal(total["balance"])
    opening = body["opening"]
    first = body["lines"][0]
    effect = {"contribution": Decimal(first["amount"]), "disbursement": -Decimal(first["amount"])}
    before = Decimal(opening.get(first["currency"], "0.00"))
    assert before + effect.get(first["kind"], Decimal(0)) == Decimal(first["balance"])


def test_the_json_twin_is_paged_the_same_and_keeps_its_fields(client, paged_fund):
    body = client.get(API).json()
    assert (body["count"], body["page"], body["pages"], body["per_page"]) == (25, 7, 7, PER_PAGE)
    assert {"key", "name", "totals", "lines", "usd", "url", "api_url", "opening"} <= set(body)
    assert body["usd"] is None and len(body["lines"]) == 1
    assert {"kind", "date", "amount", "currency", "balance", "donor", "donor_name", "project"} == set(body["lines"][0])
    assert client.get(f"{API}?page=1").json()["opening"] == {}
    page_two = client.get(f"{API}?page=2").json()
    assert page_two["page"] == 2 and page_two["opening"] and page_two["totals"] == body["totals"]
    for bad in ("0", "x", "-1"):
        response = client.get(f"{API}?page={bad}")
        assert response.status_code == 422, bad
        assert "page" in " ".join(response.json()["errors"])
    missing = client.get(f"{API}?page=8")
    assert missing.status_code == 404 and "last page is 7" in missing.json()["detail"]


def test_a_bad_or_missing_page_is_said_plainly(client, paged_fund):
    response = client.get(f"{FUND}?page=abc")
    assert response.status_code == 400
    assert 'data-parameter="page"' in response.content.decode()
    assert client.get(f"{FUND}?page=0").status_code == 400
    missing = client.get(f"{FUND}?page=8&view=usd")
    assert missing.status_code == 404


def test_the_usd_view_keeps_its_page_and_converts_the_whole_ledgers_balances(client, paged_fund, secretariat):
    from viennaplan.assistance.resources import operations

    operations.record_rate(secretariat, currency="EUR", rate="1.10", on=date(2004, 6, 30))
    html = client.get(f"{FUND}?view=usd&page=2").content.decode()
    assert "USD at operator-entered rates of 2004-06-30" in html
    usd = re.search(r'<section id="usd-view".*?</section>', html, re.S).group(0)
    totals = totals_of(html)
    in_usd = f"{totals['EUR'][2] * Decimal('1.10') + totals['USD'][2]:.2f}"  # of the whole ledger; CHF: no rate
    assert (totals["EUR"][2], totals["USD"][2]) == (Decimal("1200.00"), Decimal("150.00"))
    assert re.search(rf'id="usd-total">{in_usd}<', usd) and re.search(r'id="usd-missing">.*CHF', usd, re.S)
    assert f'href="{FUND}?page=2">Hide the USD view' in usd
    pager = re.search(r'<nav class="pager".*?</nav>', html, re.S).group(0)
    assert f'href="{FUND}?view=usd&amp;page=3" rel="next"' in pager
    assert f'href="{FUND}?view=usd&amp;page=1" rel="prev"' in pager
    assert f'href="{FUND}?view=usd">Latest lines' in pager
    assert 'href="/api/assistance/funds/gp-trafficking?view=usd&amp;page=2"' in html
    assert client.get(f"{API}?view=usd&page=2").json()["usd"]["total"] == in_usd


def test_a_fund_of_more_lines_than_a_page_reads_in_the_same_few_queries(
    client, fund, donors, project, django_assert_max_num_queries
):
    """At the real page size: 450 lines (stored in bulk, each disbursement within the balance) make
    three pages of 200, 200 and 50; the queries do not grow with the ledger."""
    from viennaplan.assistance.resources.models import Contribution, Disbursement
    from viennaplan.assistance.resources.queries import LINES_PER_PAGE

    assert LINES_PER_PAGE == 200
    day = date(2003, 1, 1)
    Contribution.objects.bulk_create(
        Contribution(donor=donors["FRA"], fund=fund, amount=Decimal(100), currency=c, date=day + timedelta(days=n))
        for n in range(150)
        for c in ("EUR", "JPY")
    )
    Disbursement.objects.bulk_create(
        Disbursement(fund=fund, project=project, amount=Decimal(60), currency="EUR", date=day + timedelta(days=n))
        for n in range(150)
    )
    with django_assert_max_num_queries(12):
        html = client.get(FUND).content.decode()
    assert len(lines_of(html)) == 50 and re.search(r"Lines 401–450 of 450 · page 3 of 3<", html)
    assert lines_of(html)[-1][3:] in {("EUR", "6000.00"), ("JPY", "15000.00")}
    assert totals_of(html)["EUR"][:3] == [Decimal("15000.00"), Decimal("9000.00"), Decimal("6000.00")]
    assert lines_of(html) == whole_statement(fund)[400:]
    first = client.get(f"{FUND}?page=1").content.decode()
    assert len(lines_of(first)) == 200 and lines_of(first) == whole_statement(fund)[:200]
    body = client.get(f"{API}?page=2").json()
    assert (body["count"], body["pages"], body["per_page"], len(body["lines"])) == (450, 3, 200, 200)
