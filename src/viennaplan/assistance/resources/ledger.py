"""A fund's or programme's ledger, in each currency: plain Python, no database (issue 13, part 3).

Three kinds of operation, each an amount in one currency on a date:

    pledge         promised, not yet money: counted apart, never in the balance
    contribution   money received (+); may pay (part of) a pledge in the same currency
    disbursement   money paid to a project (-)

    balance(C)     = contributions received in C - disbursements in C       (never converted)
    outstanding(C) = pledged in C - received in C against those pledges

The rules, checked by `Ledger.add` before anything changes (a refused operation changes nothing):

- an amount is a positive Decimal with at most two decimals; the currency an ISO 4217 code
  (`currencies.CURRENCIES`);
- a disbursement may not take a currency's balance below zero, on its date or at any later date
  of the ledger (operations are kept in date order, then in the order they were recorded): the
  refusal names the fund, the currency, the balance available and the amount;
- a contribution against a pledge is in the pledge's currency, not dated before it, and at most what is
  outstanding on it.

There is no conversion here: amounts in different currencies are never added up. A view in US
dollars at operator-entered rates is the pages' business, marked as such.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from .currencies import CURRENCIES

PLEDGE, CONTRIBUTION, DISBURSEMENT = "pledge", "contribution", "disbursement"
KINDS = (PLEDGE, CONTRIBUTION, DISBURSEMENT)
ZERO = Decimal("0.00")
CENT = Decimal("0.01")
AMOUNT_MAX = Decimal("9999999999999999.99")  # 18 digits, as the models store them


class LedgerRefused(ValueError):
    """An operation the ledger will not take; the message says which rule and with what figures."""


def checked_amount(value: Any) -> Decimal:
    """A positive amount with at most two decimals, as a Decimal; LedgerRefused otherwise."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise LedgerRefused(_("%(value)s is not an amount such as 1500.00") % {"value": repr(value)})
    try:
        amount = Decimal(str(value).strip()) if isinstance(value, str) else Decimal(value)
    except InvalidOperation:
        raise LedgerRefused(_("%(value)s is not an amount such as 1500.00") % {"value": repr(value)}) from None
    if not amount.is_finite():
        raise LedgerRefused(_("%(value)s is not an amount such as 1500.00") % {"value": repr(value)})
    if amount <= 0:
        raise LedgerRefused(_("the amount must be positive, not %(amount)s") % {"amount": amount})
    if amount > AMOUNT_MAX:
        raise LedgerRefused(
            _("the amount %(amount)s is larger than %(limit)s") % {"amount": amount, "limit": AMOUNT_MAX}
        )
    if amount != amount.quantize(CENT):
        raise LedgerRefused(_("the amount %(amount)s has more than two decimals") % {"amount": amount})
    return amount.quantize(CENT)


def checked_currency(value: Any) -> str:
    """An ISO 4217 code of a currency (upper case as given); LedgerRefused otherwise."""
    if not isinstance(value, str) or value not in CURRENCIES:
        raise LedgerRefused(
            _("%(value)s is not the ISO 4217 code of a currency (e.g. USD, EUR, CHF)") % {"value": repr(value)}
        )
    return value


def money(amount: Decimal) -> str:
    """An amount as the ledger writes it in its messages: two decimals, no grouping."""
    return f"{amount.quantize(CENT)}"


@dataclass(frozen=True)
class Operation:
    """One line of a ledger. `key` names it (a pledge's key is what a contribution's `pledge` gives);
    `sequence` orders operations of the same date (the order they were recorded)."""

    kind: str
    amount: Decimal
    currency: str
    date: date
    sequence: int = 0
    key: Hashable | None = None
    pledge: Hashable | None = None

    @property
    def order(self) -> tuple[date, int]:
        return (self.date, self.sequence)

    @property
    def effect(self) -> Decimal:
        """What it does to the balance in its currency."""
        if self.kind == CONTRIBUTION:
            return self.amount
        if self.kind == DISBURSEMENT:
            return -self.amount
        return ZERO


@dataclass(frozen=True)
class Line:
    """An operation of the statement with the balance in its currency after it."""

    operation: Operation
    balance: Decimal


@dataclass
class Ledger:
    """The operations of one fund, in date order, and what they add up to in each currency."""

    fund: str
    operations: list[Operation] = field(default_factory=list)
    received: dict[str, Decimal] = field(default_factory=dict)
    disbursed: dict[str, Decimal] = field(default_factory=dict)
    pledged: dict[str, Decimal] = field(default_factory=dict)
    paid_on_pledges: dict[str, Decimal] = field(default_factory=dict)
    pledges: dict[Hashable, Operation] = field(default_factory=dict)
    paid: dict[Hashable, Decimal] = field(default_factory=dict)

    @classmethod
    def of(cls, fund: str, operations: Iterable[Operation]) -> Ledger:
        """A ledger holding `operations` (each checked as `add` checks it, in the order given)."""
        ledger = cls(fund)
        for operation in operations:
            ledger.add(operation)
        return ledger

    # -- reading ------------------------------------------------------------------------------

    @property
    def currencies(self) -> list[str]:
        return sorted({operation.currency for operation in self.operations})

    def balance(self, currency: str) -> Decimal:
        return self.received.get(currency, ZERO) - self.disbursed.get(currency, ZERO)

    def balances(self) -> dict[str, Decimal]:
        return {currency: self.balance(currency) for currency in self.currencies}

    def outstanding(self, currency: str) -> Decimal:
        """Pledged in `currency` and not yet received against the pledges."""
        return self.pledged.get(currency, ZERO) - self.paid_on_pledges.get(currency, ZERO)

    def outstanding_on(self, pledge: Hashable) -> Decimal:
        return self.pledges[pledge].amount - self.paid.get(pledge, ZERO)

    def statement(self) -> Iterator[Line]:
        """Every operation in date order with the running balance of its currency after it."""
        running: dict[str, Decimal] = {}
        for operation in self.operations:
            running[operation.currency] = running.get(operation.currency, ZERO) + operation.effect
            yield Line(operation, running[operation.currency])

    # -- changing -----------------------------------------------------------------------------

    def check(self, operation: Operation) -> Operation:
        """`operation` with its amount normalised, if the ledger may take it; LedgerRefused if not."""
        if operation.kind not in KINDS:
            raise LedgerRefused(_("%(kind)s is not a kind of operation") % {"kind": repr(operation.kind)})
        amount = checked_amount(operation.amount)
        currency = checked_currency(operation.currency)
        if not isinstance(operation.date, date):
            raise LedgerRefused(_("the operation has no date"))
        checked = Operation(
            operation.kind, amount, currency, operation.date, operation.sequence, operation.key, operation.pledge
        )
        if checked.kind == PLEDGE and checked.key is not None and checked.key in self.pledges:
            raise LedgerRefused(_("the pledge %(pledge)s is already recorded") % {"pledge": checked.key})
        if checked.kind == CONTRIBUTION and checked.pledge is not None:
            self._check_payment(checked)
        if checked.kind == DISBURSEMENT:
            self._check_disbursement(checked)
        return checked

    def add(self, operation: Operation) -> Operation:
        """Take `operation` (checked first: LedgerRefused leaves the ledger as it was)."""
        checked = self.check(operation)
        if not self.operations or self.operations[-1].order <= checked.order:
            self.operations.append(checked)  # a replay in date order appends: no search
        else:
            bisect.insort(self.operations, checked, key=lambda o: o.order)
        totals = {PLEDGE: self.pledged, CONTRIBUTION: self.received, DISBURSEMENT: self.disbursed}[checked.kind]
        totals[checked.currency] = totals.get(checked.currency, ZERO) + checked.amount
        if checked.kind == PLEDGE and checked.key is not None:
            self.pledges[checked.key] = checked
        if checked.kind == CONTRIBUTION and checked.pledge is not None:
            self.paid[checked.pledge] = self.paid.get(checked.pledge, ZERO) + checked.amount
            self.paid_on_pledges[checked.currency] = self.paid_on_pledges.get(checked.currency, ZERO) + checked.amount
        return checked

    def _check_payment(self, contribution: Operation) -> None:
        pledge = self.pledges.get(contribution.pledge)
        if pledge is None:
            raise LedgerRefused(
                _("the pledge %(pledge)s is not a pledge to the fund %(fund)s")
                % {"pledge": contribution.pledge, "fund": self.fund}
            )
        if pledge.currency != contribution.currency:
            raise LedgerRefused(
                _("the pledge %(pledge)s is in %(pledged)s; a contribution against it must be too, not %(currency)s")
                % {"pledge": contribution.pledge, "pledged": pledge.currency, "currency": contribution.currency}
            )
        if contribution.order < pledge.order:
            raise LedgerRefused(
                _("a contribution against the pledge %(pledge)s cannot be dated before it (%(date)s)")
                % {"pledge": contribution.pledge, "date": pledge.date.isoformat()}
            )
        outstanding = self.outstanding_on(contribution.pledge)
        if contribution.amount > outstanding:
            raise LedgerRefused(
                _(
                    "%(amount)s %(currency)s is more than the %(outstanding)s %(currency)s outstanding on the pledge "
                    "%(pledge)s to the fund %(fund)s; record the rest as a contribution without a pledge"
                )
                % {
                    "amount": money(contribution.amount),
                    "currency": contribution.currency,
                    "outstanding": money(outstanding),
                    "pledge": contribution.pledge,
                    "fund": self.fund,
                }
            )

    def available(self, currency: str, on: date, sequence: int) -> Decimal:
        """What a disbursement in `currency` dated `on` (recorded as `sequence`) could take without the
        balance falling below zero then or at any later date of the ledger."""
        if not self.operations or self.operations[-1].order <= (on, sequence):
            return self.balance(currency)  # the last line: what the currency holds now (replays stay linear)
        before = ZERO
        lowest: Decimal | None = None
        running = ZERO
        for operation in self.operations:
            if operation.currency != currency:
                continue
            running += operation.effect
            if operation.order <= (on, sequence):
                before = running  # the balance on the new line's date, before it
            else:
                lowest = running if lowest is None else min(lowest, running)
        return before if lowest is None else min(before, lowest)

    def _check_disbursement(self, disbursement: Operation) -> None:
        available = self.available(disbursement.currency, disbursement.date, disbursement.sequence)
        if disbursement.amount > available:
            raise LedgerRefused(
                _(
                    "The fund %(fund)s cannot disburse %(amount)s %(currency)s on %(date)s: its balance in "
                    "%(currency)s is %(balance)s."
                )
                % {
                    "fund": self.fund,
                    "amount": money(disbursement.amount),
                    "currency": disbursement.currency,
                    "date": disbursement.date.isoformat(),
                    "balance": money(max(available, ZERO)),
                }
            )
