"""Storing money goes through operations.py: the ledger refuses a bad operation (negative amount,
unknown currency, a disbursement above the fund's balance) with a clear message and nothing written;
only the Secretariat records; the seeded funds cite the plan; every row has history. SYNTHETIC data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from viennaplan.assistance.resources import operations
from viennaplan.assistance.resources.models import Contribution, Disbursement, Donor, ExchangeRate, Fund, Pledge

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return (
        Pledge.objects.count(),
        Contribution.objects.count(),
        Disbursement.objects.count(),
        Pledge.history.count(),
        Contribution.history.count(),
        Disbursement.history.count(),
    )


def test_the_funds_of_the_plan_are_seeded_with_their_paragraphs():
    funds = {fund.key: fund for fund in Fund.objects.all()}
    assert set(funds) >= {"gp-corruption", "gp-trafficking", "gp-money-laundering", "victims-fund", "unearmarked"}
    assert funds["gp-trafficking"].citations == ["35(e)", "44(i)", "46(a)", "51(a)"]
    assert "65(g)" in funds["gp-money-laundering"].citations and "65(h)" in funds["gp-money-laundering"].citations
    assert funds["victims-fund"].kind == Fund.VICTIMS and funds["victims-fund"].citations == ["84(a)"]
    assert funds["unearmarked"].citations == ["10(d)", "98(e)"] and funds["unearmarked"].chapter == ""
    assert funds["gp-corruption"].chapter == "IV"
    assert funds["gp-corruption"].history.count() == 1


def test_the_ledger_of_a_fund_balances_in_each_currency(money, fund):
    ledger = operations.ledger_of(fund)
    assert ledger.balances() == {"CHF": Decimal("600"), "EUR": Decimal("250"), "USD": Decimal("300")}
    assert ledger.outstanding("CHF") == Decimal("400")
    assert [line.balance for line in ledger.statement() if line.operation.currency == "EUR"] == [
        Decimal("500"),
        Decimal("250"),
    ]
    assert Contribution.history.count() == 3 and Disbursement.history.count() == 1


def test_a_disbursement_above_the_balance_is_refused_with_the_message_and_nothing_written(
    money, fund, project, secretariat
):
    before = counts()
    with pytest.raises(operations.Refused) as refused:
        operations.record_disbursement(
            secretariat, fund=fund, project=project, amount="300", currency="EUR", on=date(2004, 1, 1)
        )
    assert str(refused.value) == (
        "The fund Global programme against trafficking in persons cannot disburse 300.00 EUR on 2004-01-01: "
        "its balance in EUR is 250.00."
    )
    assert counts() == before
    assert operations.ledger_of(fund).balance("EUR") == Decimal("250")


def test_a_disbursement_in_a_currency_the_fund_does_not_hold_is_refused(money, fund, project, secretariat):
    before = counts()
    with pytest.raises(operations.Refused, match="balance in GBP is 0.00"):
        operations.record_disbursement(
            secretariat, fund=fund, project=project, amount="1", currency="GBP", on=date(2004, 1, 1)
        )
    assert counts() == before


@pytest.mark.parametrize(
    ("amount", "currency", "message"),
    [
        ("-100", "USD", "the amount must be positive"),
        ("0", "USD", "the amount must be positive"),
        ("10.001", "USD", "more than two decimals"),
        ("100", "usd", "is not the ISO 4217 code"),
        ("100", "ABC", "is not the ISO 4217 code"),
        ("100", "XXX", "is not the ISO 4217 code"),
    ],
)
def test_bad_amounts_and_unknown_currencies_are_refused_with_nothing_written(
    donors, fund, secretariat, amount, currency, message
):
    before = counts()
    with pytest.raises(operations.Refused, match=message):
        operations.record_contribution(
            secretariat, donor=donors["FRA"], fund=fund, amount=amount, currency=currency, on=date(2002, 1, 1)
        )
    with pytest.raises(operations.Refused, match=message):
        operations.record_pledge(
            secretariat, donor=donors["FRA"], fund=fund, amount=amount, currency=currency, on=date(2002, 1, 1)
        )
    assert counts() == before


def test_a_contribution_above_what_is_outstanding_on_its_pledge_is_refused(money, donors, fund, secretariat):
    before = counts()
    with pytest.raises(operations.Refused, match="400.00 CHF outstanding on the pledge"):
        operations.record_contribution(
            secretariat, donor=donors["CHE"], fund=fund, amount="401", currency="CHF", on=date(2003, 1, 1), pledge=money
        )
    with pytest.raises(operations.Refused, match="is not France's pledge"):
        operations.record_contribution(
            secretariat, donor=donors["FRA"], fund=fund, amount="1", currency="CHF", on=date(2003, 1, 1), pledge=money
        )
    assert counts() == before


@pytest.mark.parametrize("persona", ["anonymous", "focal_point_a", "reviewer", "contributor"])
def test_only_the_secretariat_records(request, persona, donors, fund, project):
    user = request.getfixturevalue(persona)
    before = counts()
    with pytest.raises(PermissionDenied, match="Only the Secretariat"):
        operations.record_contribution(
            user, donor=donors["FRA"], fund=fund, amount="1", currency="EUR", on=date(2002, 1, 1)
        )
    with pytest.raises(PermissionDenied):
        operations.record_rate(user, currency="EUR", rate="1.1", on=date(2002, 1, 1))
    assert counts() == before and not ExchangeRate.objects.exists()


def test_an_operator_entered_rate_replaces_that_days_rate(secretariat):
    operations.record_rate(secretariat, currency="EUR", rate="0.8900", on=date(2002, 1, 1))
    rate = operations.record_rate(secretariat, currency="EUR", rate="0.9000", on=date(2002, 1, 1))
    assert ExchangeRate.objects.count() == 1 and rate.rate == Decimal("0.9") and rate.entered_by == secretariat
    assert rate.history.count() == 2
    with pytest.raises(operations.Refused, match="ISO 4217"):
        operations.record_rate(secretariat, currency="DEM", rate="0.5", on=date(2002, 1, 1))
    with pytest.raises(operations.Refused, match="positive"):
        operations.record_rate(secretariat, currency="CHF", rate="-1", on=date(2002, 1, 1))


def test_a_state_donor_names_its_state_and_only_a_state_donor_does(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="names its State"):
        Donor(name="Somewhere", kind=Donor.STATE).full_clean()
    with pytest.raises(ValidationError, match="only a State donor"):
        Donor(name="A foundation", kind=Donor.PRIVATE, state_id="CHE").full_clean()
