"""The focal point's form of a national firearms report (the fields of `national_reports.FIELDS`)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import national_reports
from .models import FirearmsReport


class ReportForm(forms.ModelForm):
    """The fields of a report; counts are whole numbers from 0 (empty: not known)."""

    class Meta:
        model = FirearmsReport
        fields = national_reports.FIELD_NAMES
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in national_reports.TEXT_FIELDS}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in national_reports.COUNT_FIELDS:
            self.fields[name].widget.attrs.update({"min": 0, "step": 1})
            self.fields[name].error_messages["min_value"] = _(
                "a number of firearms, offences or people cannot be negative"
            )


class NewReportForm(ReportForm):
    """A report started: the year it covers (and, for the Secretariat, the State) before the fields."""

    year = forms.IntegerField(
        label=gettext_lazy("Year"),
        min_value=national_reports.YEAR_MIN,
        max_value=national_reports.YEAR_MAX,
        help_text=gettext_lazy("the year the report covers"),
    )
    state = forms.CharField(label=gettext_lazy("State"), max_length=3, help_text=gettext_lazy("alpha-3 code, e.g. CHE"))

    class Meta(ReportForm.Meta):
        fields = ("year", *national_reports.FIELD_NAMES)

    def __init__(self, *args, states: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"] = forms.ChoiceField(label=gettext_lazy("State"), choices=states)
        self.order_fields(["state", "year"])

    def clean(self) -> dict:
        cleaned = super().clean()
        state, year = cleaned.get("state"), cleaned.get("year")
        if state and year and FirearmsReport.objects.filter(state_id=state, year=year).exists():
            self.add_error("year", _("%(state)s already has a report for %(year)s.") % {"state": state, "year": year})
        return cleaned
