"""Storage of indicators: the catalogue (`Indicator`) and the values of States by year (`Observation`).

An indicator names the plan provisions it measures by citation (`measures`, ["35(a)", "47"]):
citations outlive plan versions, and the pages look each one up in the current version. A value
is a number (`value`, and `published`, the text it was compared and shown as) or a small count
withheld by its publisher (`suppressed_below` = 5 for "<5", `value` null): never a number
standing for it. One observation per indicator, State, year, disaggregation and source. Every
change to either is kept in history (simple-history).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .catalogue import KINDS

KIND_CHOICES = [(kind, kind) for kind in KINDS]


class Indicator(models.Model):
    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=120, blank=True)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, help_text=_("which values are possible"))
    minimum = models.DecimalField(max_digits=28, decimal_places=10, null=True, blank=True)
    maximum = models.DecimalField(max_digits=28, decimal_places=10, null=True, blank=True)
    source = models.CharField(max_length=300, blank=True, help_text=_("the publisher of the series"))
    chapter = models.CharField(max_length=5, blank=True, help_text=_("the plan's chapter (Roman numeral)"))
    measures = models.JSONField(default=list, blank=True, help_text=_('citations of the plan, e.g. ["35(a)", "47"]'))
    dimensions = models.JSONField(
        default=dict, blank=True, help_text=_('dimension -> allowed values, e.g. {"sex": ["female", "male"]}')
    )
    aliases = models.JSONField(
        default=dict,
        blank=True,
        help_text=_('other codes in data files -> fixed disaggregation, e.g. {"x_female": {"sex": "female"}}'),
    )
    seeded = models.BooleanField(default=False, help_text=_("from the shipped catalogue"))
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.name}"

    def get_absolute_url(self) -> str:
        return f"/indicators/{self.code}"


class ObservationImport(models.Model):
    """One imported file: where it came from and what the import reported."""

    source_name = models.CharField(max_length=300)
    checksum = models.CharField(max_length=64, help_text=_("SHA-256 of the file"))
    format = models.CharField(max_length=20)
    rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    on_file = models.PositiveIntegerField(default=0, help_text=_("rows already stored (skipped)"))
    notes = models.JSONField(default=list, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("who uploaded the file; empty for the command line and the shipped files"),
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source_name} ({self.imported_at:%Y-%m-%d %H:%M})"


class Observation(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="observations")
    state = models.ForeignKey(
        "countries.Country", to_field="alpha3", db_column="state", on_delete=models.PROTECT, related_name="observations"
    )
    year = models.PositiveSmallIntegerField()
    value = models.DecimalField(max_digits=28, decimal_places=10, null=True, blank=True)
    suppressed_below = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_('published as "<N": a small count withheld, not a number')
    )
    published = models.CharField(max_length=40, help_text=_('the value as published: "81255", "22.67" or "<5"'))
    disaggregation = models.JSONField(default=dict, blank=True, help_text=_('{"sex": "female"}; {} for the total'))
    disaggregation_key = models.CharField(max_length=200, blank=True, help_text=_("sorted dimension=value pairs"))
    source = models.CharField(max_length=300)
    note = models.TextField(blank=True)
    estimate = models.BooleanField(default=False)
    provisional = models.BooleanField(default=False)
    break_in_series = models.BooleanField(default=False)
    batch = models.ForeignKey(
        ObservationImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="observations"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "state", "year", "disaggregation_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "state", "year", "disaggregation_key", "source"], name="unique_observation"
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=False, suppressed_below__isnull=True)
                | models.Q(value__isnull=True, suppressed_below__isnull=False),
                name="observation_value_or_suppressed",
            ),
        ]
        indexes = [models.Index(fields=["indicator", "year"])]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.state_id} {self.year}: {self.published}"
