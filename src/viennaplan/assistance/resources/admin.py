"""The Secretariat's entry of resources: donors and funds, and pledges, contributions, disbursements
and exchange rates through operations.py (the ledger checks each; a refusal is shown on the form and
nothing is written). Money once recorded is not edited or deleted here: the history of every row is
on its History page (SimpleHistoryAdmin); a correction is a new operation.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from . import operations
from .ledger import CONTRIBUTION, DISBURSEMENT, PLEDGE
from .models import Contribution, Disbursement, Donor, ExchangeRate, Fund, Pledge


class SecretariatOnly:
    """The table of who may record decides, not the staff flag."""

    def has_module_permission(self, request) -> bool:
        return operations.may_record(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return operations.may_record(request.user)

    def has_add_permission(self, request, obj=None) -> bool:
        return operations.may_record(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return operations.may_record(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class MoneyAdmin(SecretariatOnly, SimpleHistoryAdmin):
    """Added through operations.py; read-only once recorded."""

    kind = ""

    def has_change_permission(self, request, obj=None) -> bool:
        return obj is None and operations.may_record(request.user)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        kind = self.kind

        class Checked(form):
            def clean(self):
                data = super().clean()
                fund = data.get("fund")
                if fund is not None and data.get("amount") is not None and data.get("date"):
                    try:
                        operations.preview(
                            kind,
                            fund=fund,
                            amount=data["amount"],
                            currency=data.get("currency"),
                            on=data["date"],
                            pledge=data.get("pledge"),
                        )
                    except operations.Refused as refusal:
                        raise ValidationError(str(refusal)) from None
                return data

        return Checked

    def save_model(self, request, obj, form, change) -> None:
        stored = self.record(request.user, form.cleaned_data)
        obj.pk = stored.pk


@admin.register(Donor)
class DonorAdmin(SecretariatOnly, SimpleHistoryAdmin):
    list_display = ("name", "kind", "state")
    list_filter = ("kind",)
    search_fields = ("name", "state__alpha3")
    raw_id_fields = ("state",)


@admin.register(Fund)
class FundAdmin(SecretariatOnly, SimpleHistoryAdmin):
    list_display = ("key", "name", "kind", "chapter", "region")
    list_filter = ("kind",)
    search_fields = ("key", "name")


@admin.register(Pledge)
class PledgeAdmin(MoneyAdmin):
    kind = PLEDGE
    list_display = ("date", "donor", "fund", "amount", "currency", "chapter", "region")
    list_filter = ("fund", "currency")
    fields = ("donor", "fund", "amount", "currency", "date", "chapter", "region", "note")

    def record(self, user, data):
        return operations.record_pledge(
            user,
            donor=data["donor"],
            fund=data["fund"],
            amount=data["amount"],
            currency=data["currency"],
            on=data["date"],
            chapter=data.get("chapter", ""),
            region=data.get("region", ""),
            note=data.get("note", ""),
        )


@admin.register(Contribution)
class ContributionAdmin(MoneyAdmin):
    kind = CONTRIBUTION
    list_display = ("date", "donor", "fund", "amount", "currency", "pledge")
    list_filter = ("fund", "currency")
    fields = ("donor", "fund", "pledge", "amount", "currency", "date", "note")
    raw_id_fields = ("pledge",)

    def record(self, user, data):
        return operations.record_contribution(
            user,
            donor=data["donor"],
            fund=data["fund"],
            amount=data["amount"],
            currency=data["currency"],
            on=data["date"],
            pledge=data.get("pledge"),
            note=data.get("note", ""),
        )


@admin.register(Disbursement)
class DisbursementAdmin(MoneyAdmin):
    kind = DISBURSEMENT
    list_display = ("date", "fund", "project", "amount", "currency")
    list_filter = ("fund", "currency")
    fields = ("fund", "project", "amount", "currency", "date", "purpose")
    raw_id_fields = ("project",)

    def record(self, user, data):
        return operations.record_disbursement(
            user,
            fund=data["fund"],
            project=data["project"],
            amount=data["amount"],
            currency=data["currency"],
            on=data["date"],
            purpose=data.get("purpose", ""),
        )


class RateForm(forms.ModelForm):
    class Meta:
        model = ExchangeRate
        fields = ("currency", "rate", "date")


@admin.register(ExchangeRate)
class ExchangeRateAdmin(SecretariatOnly, SimpleHistoryAdmin):
    form = RateForm
    list_display = ("currency", "rate", "date", "entered_by")
    list_filter = ("currency",)
    readonly_fields = ("entered_by",)

    def save_model(self, request, obj, form, change) -> None:
        stored = operations.record_rate(request.user, currency=obj.currency, rate=obj.rate, on=obj.date)
        obj.pk = stored.pk
