"""The ledger's invariants over random sequences of operations, valid and invalid (hypothesis): in every
currency, received - disbursed = balance; the balance is never negative on any line of the statement,
in date order; what is outstanding on pledges is pledged - received against them and never negative;
a refused operation changes nothing. All data here are SYNTHETIC."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viennaplan.assistance.resources.ledger import (
    CONTRIBUTION,
    DISBURSEMENT,
    PLEDGE,
    ZERO,
    Ledger,
    LedgerRefused,
    Operation,
    checked_amount,
    checked_currency,
)

START = date(2001, 1, 1)
CURRENCIES = ("USD", "EUR", "CHF")
BAD_CURRENCIES = ("usd", "ABC", "XTS", "", "US")

good_amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("5000"), places=2)
bad_amounts = st.one_of(
    st.decimals(max_value=Decimal("0"), places=2, allow_nan=False, allow_infinity=False),
    st.integers(min_value=1, max_value=100_000).filter(lambda n: n % 10).map(lambda n: Decimal(n) / 1000),
    st.sampled_from([Decimal("NaN"), Decimal("Infinity"), "abc", 1.5, None]),
)

KIND = st.sampled_from((PLEDGE, CONTRIBUTION, CONTRIBUTION, DISBURSEMENT, DISBURSEMENT))
AMOUNT = st.one_of(good_amounts, good_amounts, good_amounts, bad_amounts)
CURRENCY = st.sampled_from(CURRENCIES * 3 + BAD_CURRENCIES)
DAY = st.integers(min_value=0, max_value=120)
AGAINST_PLEDGE = st.booleans()
LENGTH = st.integers(min_value=0, max_value=40)


@st.composite
def operations(draw) -> list[Operation]:
    rows = []
    pledge_keys: list[int] = []
    for sequence in range(draw(LENGTH)):
        kind = draw(KIND)
        amount = draw(AMOUNT)
        currency = draw(CURRENCY)
        when = START + timedelta(days=draw(DAY))
        key = pledge = None
        if kind == PLEDGE:
            key = sequence
            pledge_keys.append(sequence)
        elif kind == CONTRIBUTION and draw(AGAINST_PLEDGE):
            pledge = draw(st.sampled_from([*pledge_keys, 999])) if pledge_keys else 999
        rows.append(Operation(kind, amount, currency, when, sequence, key, pledge))
    return rows


def snapshot(ledger: Ledger) -> dict:
    """Everything the ledger holds (operations and Decimals are immutable: shallow copies suffice)."""
    return {name: copy.copy(value) for name, value in vars(ledger).items()}


def assert_balances(ledger: Ledger, accepted: list[Operation]) -> None:
    for currency in CURRENCIES:
        received = sum((o.amount for o in accepted if o.kind == CONTRIBUTION and o.currency == currency), ZERO)
        disbursed = sum((o.amount for o in accepted if o.kind == DISBURSEMENT and o.currency == currency), ZERO)
        pledged = sum((o.amount for o in accepted if o.kind == PLEDGE and o.currency == currency), ZERO)
        on_pledges = sum(
            (o.amount for o in accepted if o.kind == CONTRIBUTION and o.pledge is not None and o.currency == currency),
            ZERO,
        )
        assert ledger.balance(currency) == received - disbursed
        assert ledger.balance(currency) >= 0
        assert ledger.outstanding(currency) == pledged - on_pledges >= 0
    assert [line.operation for line in ledger.statement()] == sorted(ledger.operations, key=lambda o: o.order)
    for line in ledger.statement():
        assert line.balance >= 0, line
    finals = {}
    for line in ledger.statement():
        finals[line.operation.currency] = line.balance
    assert finals == {currency: ledger.balance(currency) for currency in finals}
    for key, pledge in ledger.pledges.items():
        assert 0 <= ledger.outstanding_on(key) <= pledge.amount


@settings(max_examples=120, deadline=None)
@given(operations())
def test_the_ledger_balances_in_each_currency_and_a_refused_operation_changes_nothing(rows):
    ledger = Ledger("synthetic fund")
    accepted: list[Operation] = []
    for row in rows:
        before = snapshot(ledger)
        try:
            accepted.append(ledger.add(row))
        except LedgerRefused as refusal:
            assert str(refusal)
            assert snapshot(ledger) == before
        assert_balances(ledger, accepted)
    # the same accepted operations, replayed in date order, make the same ledger
    replayed = Ledger.of("synthetic fund", sorted(accepted, key=lambda o: o.order))
    assert replayed.balances() == ledger.balances()
    assert list(replayed.statement()) == list(ledger.statement())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(good_amounts, st.integers(min_value=0, max_value=60)), max_size=15),
    good_amounts,
    st.integers(min_value=0, max_value=60),
)
def test_a_disbursement_is_refused_exactly_when_it_would_overdraw_some_date(contributions, amount, day):
    ledger = Ledger.of(
        "F", [Operation(CONTRIBUTION, a, "USD", START + timedelta(days=d), n) for n, (a, d) in enumerate(contributions)]
    )
    when = START + timedelta(days=day)
    before = sum((a for a, d in contributions if d <= day), ZERO)
    try:
        ledger.add(Operation(DISBURSEMENT, amount, "USD", when, 1000))
    except LedgerRefused:
        assert amount > before
    else:
        assert amount <= before


def test_the_refusal_names_fund_currency_balance_and_amount():
    ledger = Ledger.of(
        "Global programme against corruption", [Operation(CONTRIBUTION, Decimal("200.00"), "EUR", START)]
    )
    with pytest.raises(LedgerRefused) as refused:
        ledger.add(Operation(DISBURSEMENT, Decimal("500"), "EUR", START + timedelta(days=1), 1))
    assert str(refused.value) == (
        "The fund Global programme against corruption cannot disburse 500.00 EUR on 2001-01-02: "
        "its balance in EUR is 200.00."
    )
    assert ledger.balances() == {"EUR": Decimal("200.00")}


def test_a_disbursement_dated_before_the_money_came_is_refused():
    ledger = Ledger.of("F", [Operation(CONTRIBUTION, Decimal("100"), "USD", date(2002, 6, 1))])
    with pytest.raises(LedgerRefused, match="balance in USD is 0.00"):
        ledger.add(Operation(DISBURSEMENT, Decimal("50"), "USD", date(2002, 1, 1), 1))


def test_a_backdated_disbursement_may_not_overdraw_a_later_date():
    ledger = Ledger.of(
        "F",
        [
            Operation(CONTRIBUTION, Decimal("100"), "USD", date(2002, 1, 1), 1),
            Operation(DISBURSEMENT, Decimal("80"), "USD", date(2002, 6, 1), 2),
        ],
    )
    with pytest.raises(LedgerRefused, match="balance in USD is 20.00"):
        ledger.add(Operation(DISBURSEMENT, Decimal("30"), "USD", date(2002, 3, 1), 3))
    ledger.add(Operation(DISBURSEMENT, Decimal("20"), "USD", date(2002, 3, 1), 3))
    assert [line.balance for line in ledger.statement()] == [Decimal("100"), Decimal("80"), Decimal("0")]


def test_currencies_are_never_added_up():
    ledger = Ledger.of(
        "F",
        [
            Operation(CONTRIBUTION, Decimal("100"), "USD", START),
            Operation(CONTRIBUTION, Decimal("70"), "EUR", START, 1),
        ],
    )
    with pytest.raises(LedgerRefused, match="balance in CHF is 0.00"):
        ledger.add(Operation(DISBURSEMENT, Decimal("1"), "CHF", START, 2))
    with pytest.raises(LedgerRefused, match="balance in EUR is 70.00"):
        ledger.add(Operation(DISBURSEMENT, Decimal("150"), "EUR", START, 2))
    assert ledger.balances() == {"EUR": Decimal("70"), "USD": Decimal("100")}


def test_a_contribution_against_a_pledge_is_in_its_currency_and_at_most_what_is_outstanding():
    ledger = Ledger.of("F", [Operation(PLEDGE, Decimal("1000"), "CHF", START, 0, key="P1")])
    assert ledger.balances() == {"CHF": ZERO} and ledger.outstanding("CHF") == Decimal("1000")
    with pytest.raises(LedgerRefused, match="in CHF"):
        ledger.add(Operation(CONTRIBUTION, Decimal("10"), "EUR", START, 1, pledge="P1"))
    ledger.add(Operation(CONTRIBUTION, Decimal("600"), "CHF", START, 1, pledge="P1"))
    with pytest.raises(LedgerRefused, match="400.00 CHF outstanding"):
        ledger.add(Operation(CONTRIBUTION, Decimal("600"), "CHF", START, 2, pledge="P1"))
    with pytest.raises(LedgerRefused, match="not a pledge"):
        ledger.add(Operation(CONTRIBUTION, Decimal("1"), "CHF", START, 2, pledge="P2"))
    assert ledger.outstanding("CHF") == Decimal("400") and ledger.balance("CHF") == Decimal("600")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (Decimal("-5"), "must be positive"),
        ("0", "must be positive"),
        ("12.345", "more than two decimals"),
        ("ten", "not an amount"),
        (1.5, "not an amount"),
        (Decimal("NaN"), "not an amount"),
        ("1e30", "larger than"),
    ],
)
def test_bad_amounts_are_refused(value, message):
    with pytest.raises(LedgerRefused, match=message):
        checked_amount(value)


def test_amounts_are_kept_to_the_cent():
    assert checked_amount("12.5") == Decimal("12.50") and checked_amount(3) == Decimal("3.00")


@pytest.mark.parametrize("code", ["usd", "ABC", "XTS", "XXX", "", None, "DEM"])
def test_unknown_currencies_are_refused(code):
    with pytest.raises(LedgerRefused, match="ISO 4217"):
        checked_currency(code)


@pytest.mark.parametrize("code", ["USD", "EUR", "CHF", "JPY", "XOF", "ZWG"])
def test_active_currencies_are_known(code):
    assert checked_currency(code) == code
