"""The resources' pages and their JSON twins, public (money given, not States' needs), read the same by
anonymous visitors and the Secretariat: funds with balances per currency, a fund's ledger in date order
with running balances and totals, the USD view at operator-entered rates marked as such, the donor
base per year (10(d)); CSV exports whose cells never become formulas. SYNTHETIC data."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest

pytestmark = pytest.mark.django_db

FUND = "/assistance/funds/gp-trafficking"


@pytest.fixture(params=["anonymous", "secretariat"])
def reader(request, client_as):
    return client_as(request.getfixturevalue(request.param)), request.param


def test_the_funds_show_each_balance_per_currency(reader, money):
    client, who = reader
    response = client.get("/assistance/funds")
    assert response.status_code == 200
    html = response.content.decode()
    row = re.search(r'<tr id="fund-gp-trafficking">.*?</tr>', html, re.S).group(0)
    balances = dict(
        (currency, amount)
        for amount, currency in re.findall(r'data-currency="[A-Z]{3}">([\d.]+) <span class="iso">([A-Z]{3})', row)
    )
    assert balances == {"CHF": "600.00", "EUR": "250.00", "USD": "300.00"}
    assert "44(i)" in row and 'href="/assistance/funds/gp-trafficking"' in row
    assert 'id="fund-victims-fund"' in html and "nothing received yet" in html
    assert 'href="/api/assistance/funds"' in html
    assert ("/admin/assistance_resources/" in html) == (who == "secretariat")


def test_a_funds_ledger_lists_every_operation_in_date_order_with_running_balances(reader, money):
    client, _who = reader
    html = client.get(FUND).content.decode()
    ledger = re.search(r'<table class="contents data" id="ledger">.*?</table>', html, re.S).group(0)
    rows = re.findall(
        r'<tr class="ledger-(\w+)".*?<td class="num">([\d-]+)</td>.*?<td class="num">[−+]?([\d.]+)</td>.*?'
        r'<span class="iso">([A-Z]{3})</span>.*?<td class="num">(?:<span class="muted">\()?([\d.]+)',
        ledger,
        re.S,
    )
    assert rows == [
        ("pledge", "2002-01-10", "1000.00", "CHF", "0.00"),
        ("contribution", "2002-02-01", "600.00", "CHF", "600.00"),
        ("contribution", "2002-03-01", "500.00", "EUR", "500.00"),
        ("disbursement", "2002-04-01", "250.00", "EUR", "250.00"),
        ("contribution", "2003-05-01", "300.00", "USD", "300.00"),
    ]
    totals = re.search(r'<tr id="total-CHF">.*?</tr>', html, re.S).group(0)
    assert re.findall(r'<td class="num[^"]*">([\d.]+)</td>', totals) == [
        "600.00",
        "0.00",
        "600.00",
        "1000.00",
        "400.00",
    ]
    assert "PRJ-2003-001" in ledger
    assert "USD at operator-entered rates of" not in html


def test_the_usd_view_uses_the_latest_operator_entered_rates_and_says_so(client, money, secretariat):
    from viennaplan.assistance.resources import operations

    operations.record_rate(secretariat, currency="EUR", rate="0.90", on=date(2002, 1, 1))
    operations.record_rate(secretariat, currency="EUR", rate="1.10", on=date(2004, 6, 30))
    html = client.get(FUND + "?view=usd").content.decode()
    assert "USD at operator-entered rates of 2004-06-30" in html
    assert re.search(r'id="usd-total">575.00<', html)  # 250 EUR x 1.10 + 300 USD; CHF has no rate
    assert re.search(r'id="usd-missing">.*CHF', html, re.S)
    body = client.get("/api/assistance/funds/gp-trafficking?view=usd").json()
    assert body["usd"]["label"] == "USD at operator-entered rates of 2004-06-30"
    assert body["usd"]["total"] == "575.00" and body["usd"]["missing"] == ["CHF"]
    assert [(line["currency"], line["usd"], line["rate"]["date"]) for line in body["usd"]["lines"]] == [
        ("EUR", "275.00", "2004-06-30"),
        ("USD", "300.00", None),
    ]


def test_the_json_twin_of_a_ledger(reader, money):
    client, _who = reader
    body = client.get("/api/assistance/funds/gp-trafficking").json()
    assert body["provisions"] == ["35(e)", "44(i)", "46(a)", "51(a)"]
    assert [(t["currency"], t["balance"], t["outstanding"]) for t in body["totals"]] == [
        ("CHF", "600.00", "400.00"),
        ("EUR", "250.00", "0.00"),
        ("USD", "300.00", "0.00"),
    ]
    assert [(line["kind"], line["balance"]) for line in body["lines"]] == [
        ("pledge", "0.00"),
        ("contribution", "600.00"),
        ("contribution", "500.00"),
        ("disbursement", "250.00"),
        ("contribution", "300.00"),
    ]
    assert body["lines"][3]["project"] == "PRJ-2003-001" and body["usd"] is None
    funds = {fund["key"]: fund for fund in client.get("/api/assistance/funds").json()}
    assert [t["balance"] for t in funds["gp-trafficking"]["totals"]] == ["600.00", "250.00", "300.00"]
    assert funds["victims-fund"]["totals"] == [] and funds["victims-fund"]["provisions"] == ["84(a)"]


def test_an_unknown_fund_or_donor_is_a_404(client, db):
    assert client.get("/assistance/funds/no-such-fund").status_code == 404
    assert client.get("/api/assistance/funds/no-such-fund").status_code == 404
    assert client.get("/assistance/donors/999999").status_code == 404
    assert client.get("/api/assistance/donors/999999").status_code == 404


def test_the_donor_base_over_time(reader, money, donors):
    client, _who = reader
    html = client.get("/assistance/donors").content.decode()
    year_2002 = re.search(r'<tr id="year-2002">.*?</tr>', html, re.S).group(0)
    assert re.findall(r'<td class="num">(\d+)</td>', year_2002) == ["2", "2", "2"]  # donors, new, contributions
    year_2003 = re.search(r'<tr id="year-2003">.*?</tr>', html, re.S).group(0)
    assert re.findall(r'<td class="num">(\d+)</td>', year_2003) == ["1", "1", "1"]
    assert f'href="/assistance/donors/{donors["CHE"].pk}"' in html
    body = client.get("/api/assistance/donors").json()
    assert [(y["year"], y["donors"], y["new_donors"], y["contributions"]) for y in body["years"]] == [
        (2002, 2, 2, 2),
        (2003, 1, 1, 1),
    ]
    assert body["years"][0]["totals"] == {"CHF": "600.00", "EUR": "500.00"}
    che = next(d for d in body["donors"] if d["state"] == "CHE")
    assert che["contributions"] == 1 and che["totals"] == {"CHF": "600.00"}


def test_a_donors_page_and_its_twin(reader, money, donors):
    client, _who = reader
    che = donors["CHE"]
    html = client.get(f"/assistance/donors/{che.pk}").content.decode()
    assert "Switzerland" in html and "600.00" in html and "1000.00" in html and 'id="year-2002"' in html
    body = client.get(f"/api/assistance/donors/{che.pk}").json()
    assert body["totals"] == {"CHF": "600.00"}
    assert body["pledges"] == [
        {
            "fund": "gp-trafficking",
            "date": "2002-01-10",
            "amount": "1000.00",
            "currency": "CHF",
            "chapter": "",
            "region": "Africa",
        }
    ]
    assert body["contributions"][0]["pledge"] == money.pk


def read_csv(response) -> list[dict]:
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_the_csv_exports_and_no_cell_becomes_a_formula(reader, money):
    client, _who = reader
    contributions = read_csv(client.get("/assistance/contributions.csv"))
    assert [(row["date"], row["fund"], row["amount"], row["currency"]) for row in contributions] == [
        ("2002-02-01", "gp-trafficking", "600.00", "CHF"),
        ("2002-03-01", "gp-trafficking", "500.00", "EUR"),
        ("2003-05-01", "gp-trafficking", "300.00", "USD"),
    ]
    assert contributions[0]["pledge"] == str(money.pk) and contributions[0]["state"] == "CHE"
    assert contributions[2]["donor"] == '\'=HYPERLINK("http://evil.example")'
    disbursements = read_csv(client.get("/assistance/disbursements.csv"))
    assert [(row["project"], row["amount"], row["currency"], row["purpose"]) for row in disbursements] == [
        ("PRJ-2003-001", "250.00", "EUR", "'-1+1 seminar")
    ]
