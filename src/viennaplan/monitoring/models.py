"""Storage of monitoring: the indicator targets the Secretariat sets (`IndicatorTarget`).

A target binds an indicator (and a disaggregation, {} for the total) to the plan provision it
measures, by citation ("35(a)", looked up in the current plan version as indicators' `measures`
are), with a baseline year, a target year, a rule, a threshold and a window. The rules themselves
are plain Python in `indicator_targets.py`; the plan's ratification objectives are not stored
(`targets.py`). Only the Secretariat sets or changes a target (`target.manage`); anyone reads it
and its results. Every change is kept in history.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

from viennaplan.indicators.catalogue import disaggregation_key, provision_path
from viennaplan.indicators.models import Indicator

from .indicator_targets import DEFAULT_THRESHOLD, DEFAULT_WINDOW, REDUCTION, RULES, TargetRule


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="targets")
    provision = models.CharField(max_length=40, help_text=gettext_lazy('the commitment it measures, as cited: "35(a)"'))
    baseline_year = models.PositiveSmallIntegerField()
    target_year = models.PositiveSmallIntegerField()
    rule = models.CharField(max_length=20, choices=list(RULES.items()), default=REDUCTION)
    threshold = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=DEFAULT_THRESHOLD,
        help_text=gettext_lazy("the fall required, in per cent"),
    )
    window = models.PositiveSmallIntegerField(
        default=DEFAULT_WINDOW,
        help_text=gettext_lazy("years either side of the baseline and target year a value may come from"),
    )
    disaggregation = models.JSONField(
        default=dict, blank=True, help_text=gettext_lazy('{"sex": "female"}; {} for the total')
    )
    disaggregation_key = models.CharField(max_length=200, blank=True, editable=False)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["provision", "indicator", "id"]

    def __str__(self) -> str:
        return f"{self.provision}: {self.indicator_id} {self.baseline_year}-{self.target_year}"

    def save(self, *args, **kwargs) -> None:
        self.provision = self.provision.strip()
        self.disaggregation_key = disaggregation_key(self.disaggregation or {})
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"/targets/{self.pk}"

    @property
    def provision_path(self) -> str | None:
        return provision_path(self.provision)

    def as_rule(self) -> TargetRule:
        return TargetRule(self.rule, self.baseline_year, self.target_year, self.threshold, self.window)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if provision_path(self.provision or "") is None:
            errors["provision"] = _('Cite a provision of the plan as the plan does, e.g. "35(a)".')
        if self.baseline_year and self.target_year and self.threshold is not None:
            problem = self.as_rule().problem()
            if problem:
                rule = self.as_rule()
                checked = rule.rule in RULES and rule.target_year > rule.baseline_year  # what `problem` checks first
                field = "threshold" if checked and not 0 < rule.threshold <= 100 else "target_year"
                errors[field] = problem[0].upper() + problem[1:] + "."
        if not isinstance(self.disaggregation, dict):
            errors["disaggregation"] = _('An object such as {"sex": "female"}, or {} for the total.')
        elif self.indicator_id:
            allowed = self.indicator.dimensions or {}
            for dimension, value in self.disaggregation.items():
                if value not in allowed.get(dimension, []):
                    errors["disaggregation"] = _("%(code)s has no %(dimension)s = %(value)s.") % {
                        "code": self.indicator.code,
                        "dimension": dimension,
                        "value": value,
                    }
        if errors:
            raise ValidationError(errors)
