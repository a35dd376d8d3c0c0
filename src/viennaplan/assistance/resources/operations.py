"""The one place that stores pledges, contributions, disbursements and exchange rates (issue 13).

Each `record_*` function asks who may record (the Secretariat), locks the fund's row, loads its
ledger (`ledger.Ledger`), lets the ledger check the new operation, and writes the row in the same
transaction: a refused operation (`Refused`, whose message is the ledger's: a disbursement above the
fund's balance names fund, currency, balance and amount) writes nothing. The admin pages and any
other caller go through here.

    ledger_of(fund)             the fund's stored operations as a Ledger (date order)
    record_pledge(user, ...), record_contribution(user, ...), record_disbursement(user, ...),
    record_rate(user, ...)
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from viennaplan.accounts.permissions import role_of
from viennaplan.accounts.roles import SECRETARIAT

from .ledger import CONTRIBUTION, DISBURSEMENT, PLEDGE, Ledger, LedgerRefused, Operation, checked_currency, money
from .models import Contribution, Disbursement, Donor, ExchangeRate, Fund, Pledge


class Refused(ValueError):
    """An operation not stored, and why (nothing was written)."""


def may_record(user: Any) -> bool:
    """Recording money (pledges, contributions, disbursements, rates) is the Secretariat's."""
    return role_of(user) == SECRETARIAT


def require_recorder(user: Any) -> None:
    if not may_record(user):
        raise PermissionDenied(_("Only the Secretariat may record pledges, contributions, disbursements and rates."))


def operations_of(fund: Fund) -> list[Operation]:
    """The fund's stored operations, in date order (then the order they were recorded, by kind and id)."""
    rows: list[Operation] = []
    for pledge in Pledge.objects.filter(fund=fund).values("id", "amount", "currency", "date"):
        rows.append(_operation(PLEDGE, pledge, key=pledge_key(pledge["id"])))
    for contribution in Contribution.objects.filter(fund=fund).values("id", "amount", "currency", "date", "pledge_id"):
        rows.append(_operation(CONTRIBUTION, contribution, pledge=pledge_key(contribution["pledge_id"])))
    for disbursement in Disbursement.objects.filter(fund=fund).values("id", "amount", "currency", "date"):
        rows.append(_operation(DISBURSEMENT, disbursement))
    return sorted(rows, key=lambda operation: operation.order)


SEQUENCE_OF_KIND = {PLEDGE: 0, CONTRIBUTION: 1, DISBURSEMENT: 2}


def _operation(kind: str, row: dict, key: Any = None, pledge: Any = None) -> Operation:
    # On the same date: pledges, then contributions, then disbursements, each in the order recorded.
    sequence = SEQUENCE_OF_KIND[kind] * 10**12 + row["id"]
    return Operation(kind, row["amount"], row["currency"], row["date"], sequence, key, pledge)


def pledge_key(pk: int | None) -> str | None:
    """How the ledger and its messages name a stored pledge: #12."""
    return None if pk is None else f"#{pk}"


def ledger_of(fund: Fund) -> Ledger:
    """The fund's ledger from what is stored (stored rows went through the same checks)."""
    ledger = Ledger(fund.name)
    for operation in operations_of(fund):
        ledger.add(operation)
    return ledger


def _new(kind: str, amount: Any, currency: Any, on: Any, pledge: Any = None) -> Operation:
    if not isinstance(on, date):
        raise Refused(_("the date is missing or not a date"))
    return Operation(kind, amount, currency, on, SEQUENCE_OF_KIND[kind] * 10**12 + 10**11, None, pledge)


def _check(fund: Fund, operation: Operation) -> Operation:
    try:
        return ledger_of(fund).check(operation)
    except LedgerRefused as refusal:
        raise Refused(str(refusal)) from None


def _locked(fund: Fund) -> Fund:
    """The fund's row, locked until the transaction ends: two disbursements cannot both pass the check."""
    return Fund.objects.select_for_update().get(pk=fund.pk)


def _store(row: Any) -> Any:
    try:
        row.full_clean()
    except ValidationError as error:
        raise Refused(
            "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
        ) from None
    row.save()
    return row


def record_pledge(
    user: Any,
    *,
    donor: Donor,
    fund: Fund,
    amount: Any,
    currency: str,
    on: date,
    chapter: str = "",
    region: str = "",
    note: str = "",
) -> Pledge:
    require_recorder(user)
    with transaction.atomic():
        fund = _locked(fund)
        checked = _check(fund, _new(PLEDGE, amount, currency, on))
        return _store(
            Pledge(
                donor=donor,
                fund=fund,
                amount=checked.amount,
                currency=checked.currency,
                date=on,
                chapter=chapter,
                region=region,
                note=note,
                recorded_by=user,
            )
        )


def record_contribution(
    user: Any,
    *,
    donor: Donor,
    fund: Fund,
    amount: Any,
    currency: str,
    on: date,
    pledge: Pledge | None = None,
    note: str = "",
) -> Contribution:
    require_recorder(user)
    with transaction.atomic():
        fund = _locked(fund)
        if pledge is not None and (pledge.fund_id != fund.pk or pledge.donor_id != donor.pk):
            raise Refused(
                _("the pledge %(pledge)s is not %(donor)s's pledge to the fund %(fund)s")
                % {"pledge": pledge_key(pledge.pk), "donor": donor.name, "fund": fund.name}
            )
        checked = _check(
            fund, _new(CONTRIBUTION, amount, currency, on, pledge=pledge_key(pledge.pk) if pledge else None)
        )
        return _store(
            Contribution(
                donor=donor,
                fund=fund,
                pledge=pledge,
                amount=checked.amount,
                currency=checked.currency,
                date=on,
                note=note,
                recorded_by=user,
            )
        )


def record_disbursement(
    user: Any,
    *,
    fund: Fund,
    project: Any,
    amount: Any,
    currency: str,
    on: date,
    purpose: str = "",
) -> Disbursement:
    """Money paid from `fund` to `project` (an assistance.Project). The project's requests that were
    awaiting resources are funded by it: each moves by the `fund` transition, the user's event naming
    the disbursement (in the same transaction: refused, nothing is written)."""
    require_recorder(user)
    with transaction.atomic():
        fund = _locked(fund)
        checked = _check(fund, _new(DISBURSEMENT, amount, currency, on))
        disbursement = _store(
            Disbursement(
                fund=fund,
                amount=checked.amount,
                currency=checked.currency,
                date=on,
                purpose=purpose,
                project=project,
                recorded_by=user,
            )
        )
        if project is not None:
            _fund_waiting_requests(user, disbursement)
        return disbursement


def _fund_waiting_requests(user: Any, disbursement: Disbursement) -> None:
    from viennaplan.assistance.transitions import apply_transition  # the requests' only status change
    from viennaplan.assistance.workflow import AWAITING_RESOURCES

    comment = _("Funded by a disbursement of %(amount)s %(currency)s from %(fund)s to %(project)s on %(date)s.") % {
        "amount": money(disbursement.amount),
        "currency": disbursement.currency,
        "fund": disbursement.fund.key,
        "project": disbursement.project.key,
        "date": disbursement.date.isoformat(),
    }
    for request in disbursement.project.requests.filter(status=AWAITING_RESOURCES).order_by("key"):
        apply_transition(user, request, "fund", comment)


def record_rate(user: Any, *, currency: str, rate: Any, on: date) -> ExchangeRate:
    """An operator-entered rate: US dollars for one unit of `currency` on `on` (replaces that day's)."""
    require_recorder(user)
    try:
        checked = checked_currency(currency)
    except LedgerRefused as refusal:
        raise Refused(str(refusal)) from None
    try:
        value = Decimal(str(rate))
    except InvalidOperation:
        raise Refused(_("%(value)s is not a rate such as 1.0850") % {"value": repr(rate)}) from None
    if not value.is_finite() or value <= 0:
        raise Refused(_("a rate must be a positive number, not %(value)s") % {"value": rate})
    with transaction.atomic():
        existing = ExchangeRate.objects.filter(currency=checked, date=on).first()
        row = existing or ExchangeRate(currency=checked, date=on)
        row.rate = value
        row.entered_by = user
        return _store(row)


def preview(kind: str, *, fund: Fund, amount: Any, currency: Any, on: Any, pledge: Pledge | None = None) -> None:
    """Whether the ledger would take the operation now (Refused if not); nothing is locked or written.
    For forms, before `record_*` checks again under the fund's lock."""
    _check(fund, _new(kind, amount, currency, on, pledge=pledge_key(pledge.pk) if pledge else None))
