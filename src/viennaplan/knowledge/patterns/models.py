"""Storage of the collection: the patterns, trends and mapping of organized crime groups' activities
(18(c),(d)) and the links between terrorism and other crime (70, 71), one model for the three kinds.

A `PatternRecord` is keyed by the Secretariat's `key` (unique: the CSV import matches on it) and has
child rows for what it lists: its crime types, its States with their role (origin, transit,
destination), its M49 regions, the instruments and the provisions of the plan it concerns. The
period is kept as written (a year, a month or a day) with its years beside it for filters and the
time view. The rules of a row are plain Python in `rules.py`; every change is kept in history.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from viennaplan.knowledge.legislation import KEY_MAX
from viennaplan.knowledge.models import validate_key, validate_path

from . import rules


def validate_period(value: str) -> None:
    problem = rules.check_period(value)
    if problem:
        raise ValidationError(problem)


def validate_record_key(value: str) -> None:
    validate_key(value)
    if value.lower() in rules.RESERVED_KEYS:
        raise ValidationError(gettext("this word names a page of the collection; choose another key"))


def validate_m49(value: str) -> None:
    if not rules.M49.fullmatch(value):
        raise ValidationError(gettext("not a three-digit M49 code (e.g. 150)"))


class PatternRecord(models.Model):
    """One record of a pattern, a trend or a link between terrorism and other crime."""

    key = models.CharField(
        _("key"),
        max_length=KEY_MAX,
        unique=True,
        validators=[validate_record_key],
        help_text=_("the Secretariat's key for the record (letters, digits, dots, dashes)"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=list(rules.KIND_LABELS.items()), db_index=True)
    title = models.CharField(_("title"), max_length=rules.TITLE_MAX)
    summary = models.TextField(_("summary"))
    period_from = models.CharField(
        _("from"), max_length=10, validators=[validate_period], help_text=_("YYYY, YYYY-MM or YYYY-MM-DD")
    )
    period_to = models.CharField(
        _("to"),
        max_length=10,
        blank=True,
        validators=[validate_period],
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD; empty: still observed"),
    )
    year_from = models.PositiveSmallIntegerField(_("first year"), editable=False, db_index=True)
    year_to = models.PositiveSmallIntegerField(_("last year"), null=True, editable=False, db_index=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    source = models.TextField(_("source"), max_length=rules.SOURCE_MAX)
    source_url = models.CharField(
        _("link to the source"), max_length=500, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    confidence = models.CharField(_("confidence"), max_length=10, choices=list(rules.CONFIDENCE_LABELS.items()))
    published = models.BooleanField(
        _("published"), default=False, help_text=_("a record not published is a draft the public does not see")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year_from", "key"]
        verbose_name = _("organized-crime pattern or trend")
        verbose_name_plural = _("organized-crime patterns and trends")

    def __str__(self) -> str:
        return f"{self.key}: {self.title[:80]}"

    def save(self, *args, **kwargs) -> None:
        """The years of the period, kept beside it for the filters and the time view."""
        if self.period_from and rules.check_period(self.period_from) is None:
            self.year_from = rules.period_key(self.period_from)[0]
        good_end = self.period_to and rules.check_period(self.period_to) is None
        self.year_to = rules.period_key(self.period_to)[0] if good_end else None
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        good = [rules.check_period(value) is None for value in (self.period_from, self.period_to) if value]
        if self.period_from and self.period_to and all(good):
            if rules.ends_before(self.period_from, self.period_to):
                errors["period_to"] = gettext("before the start of the period")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = gettext(
                "a place needs both latitude and longitude"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def period(self) -> str:
        """ "2015–2019", "2015–" (still observed), "2019" (one year)."""
        if self.period_to == self.period_from:
            return self.period_from
        return f"{self.period_from}–{self.period_to}"


class PatternCrimeType(models.Model):
    record = models.ForeignKey(
        PatternRecord, on_delete=models.CASCADE, related_name="crime_types", verbose_name=_("record")
    )
    crime_type = models.CharField(_("crime type"), max_length=30, choices=list(rules.CRIME_TYPE_LABELS.items()))
    history = HistoricalRecords()

    class Meta:
        ordering = ["record", "id"]
        verbose_name = _("crime type")
        verbose_name_plural = _("crime types")
        constraints = [models.UniqueConstraint(fields=["record", "crime_type"], name="unique_pattern_crime_type")]
        indexes = [models.Index(fields=["crime_type"])]

    def __str__(self) -> str:
        return self.crime_type


class PatternState(models.Model):
    """A State the record concerns, as a State of origin, transit or destination."""

    record = models.ForeignKey(PatternRecord, on_delete=models.CASCADE, related_name="states", verbose_name=_("record"))
    state = models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="state",
        on_delete=models.PROTECT,
        related_name="crime_patterns",
        verbose_name=_("State"),
    )
    role = models.CharField(_("role"), max_length=20, choices=list(rules.ROLE_LABELS.items()))
    history = HistoricalRecords()

    class Meta:
        ordering = ["record", "role", "state_id"]
        verbose_name = _("State of origin, transit or destination")
        verbose_name_plural = _("States of origin, transit or destination")
        constraints = [models.UniqueConstraint(fields=["record", "state", "role"], name="unique_pattern_state_role")]
        indexes = [models.Index(fields=["state", "role"])]

    def __str__(self) -> str:
        return f"{self.state_id} ({self.role})"


class PatternRegion(models.Model):
    """An M49 region, sub-region or intermediate region the record concerns, by its code."""

    record = models.ForeignKey(
        PatternRecord, on_delete=models.CASCADE, related_name="regions", verbose_name=_("record")
    )
    m49 = models.CharField(_("M49 region"), max_length=3, validators=[validate_m49])
    history = HistoricalRecords()

    class Meta:
        ordering = ["record", "m49"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [models.UniqueConstraint(fields=["record", "m49"], name="unique_pattern_region")]
        indexes = [models.Index(fields=["m49"])]

    def __str__(self) -> str:
        return self.m49


class PatternInstrument(models.Model):
    record = models.ForeignKey(
        PatternRecord, on_delete=models.CASCADE, related_name="instruments", verbose_name=_("record")
    )
    instrument = models.ForeignKey(
        "treaties.Instrument",
        to_field="code",
        db_column="instrument",
        on_delete=models.PROTECT,
        related_name="crime_patterns",
        verbose_name=_("instrument"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["record", "instrument__position"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        constraints = [models.UniqueConstraint(fields=["record", "instrument"], name="unique_pattern_instrument")]

    def __str__(self) -> str:
        return self.instrument_id


class PatternProvision(models.Model):
    """A provision of the plan the record concerns, by its path (the same in every version)."""

    record = models.ForeignKey(
        PatternRecord, on_delete=models.CASCADE, related_name="provisions", verbose_name=_("record")
    )
    path = models.CharField(
        _("provision"), max_length=40, validators=[validate_path], help_text=_("the provision's path: 18/c")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["record", "path"]
        verbose_name = _("provision of the plan")
        verbose_name_plural = _("provisions of the plan")
        constraints = [models.UniqueConstraint(fields=["record", "path"], name="unique_pattern_provision")]
        indexes = [models.Index(fields=["path"])]

    def __str__(self) -> str:
        return self.path
