"""Storage of the collection: the record of firearms regulations per State (59(a), on the topics of
57(a)-(h)) and the periodic national firearms reports (57(k)-(l)) through the reporting roles and
review workflow.

- `Regulation`: a State's record in one round (the year it was gathered), published or a draft, with one
  `RegulationTopic` per topic of 57(a)-(h) (the provision's path), its summary, the law it rests on
  (optionally a law of the national legislation database) and the official link.
- `FirearmsReport`: a State's national report of one year, with the typed fields of
  `national_reports.FIELDS`, a status of `reporting.workflow` changed only by `transitions.py`, and its
  `FirearmsReportEvent`s (who, when, which move, the comment).

Every change is kept in history (simple-history).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from viennaplan.reporting import workflow

from . import national_reports, regulations

TOPIC_CHOICES = list(regulations.TOPICS.items())
STATUS_CHOICES = list(workflow.STATUS_LABELS.items())


def _state(related_name: str) -> models.ForeignKey:
    return models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="state",
        on_delete=models.PROTECT,
        related_name=related_name,
        verbose_name=_("State"),
    )


class Regulation(models.Model):
    """A State's firearms regulations as recorded in one round."""

    state = _state("firearms_regulations")
    round = models.PositiveSmallIntegerField(
        _("round"),
        validators=[MinValueValidator(regulations.ROUND_MIN), MaxValueValidator(regulations.ROUND_MAX)],
        help_text=_("the year of the round in which the record was gathered"),
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("a round not published is a draft the public does not see")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state_id", "-round"]
        verbose_name = _("firearms regulations of a round")
        verbose_name_plural = _("firearms regulations")
        constraints = [models.UniqueConstraint(fields=["state", "round"], name="unique_firearms_round_per_state")]

    def __str__(self) -> str:
        return f"{self.state_id} {self.round}"


class RegulationTopic(models.Model):
    """What a State's regulations say on one topic of 57(a)-(h) in one round."""

    regulation = models.ForeignKey(
        Regulation, on_delete=models.CASCADE, related_name="topics", verbose_name=_("regulations")
    )
    topic = models.CharField(_("topic"), max_length=8, choices=TOPIC_CHOICES)
    summary = models.TextField(_("summary"), max_length=regulations.SUMMARY_MAX)
    law = models.ForeignKey(
        "knowledge.Law",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="firearms_topics",
        verbose_name=_("law in the legislation database"),
    )
    law_citation = models.CharField(
        _("law it rests on"), max_length=regulations.CITATION_MAX, blank=True, help_text=_("the law, in words")
    )
    official_url = models.CharField(
        _("official link"), max_length=500, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["regulation", "topic"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [models.UniqueConstraint(fields=["regulation", "topic"], name="unique_firearms_topic")]
        indexes = [models.Index(fields=["topic"])]

    def __str__(self) -> str:
        return f"{self.regulation} {self.topic}"

    def entry(self) -> regulations.Entry:
        return regulations.Entry(self.summary, self.law.key if self.law else "", self.law_citation, self.official_url)


def _count(name: str) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(
        national_reports.LABELS[name],
        null=True,
        blank=True,
        validators=[MaxValueValidator(national_reports.COUNT_MAX)],
        help_text=_("a whole number from 0; empty when not known"),
    )


def _text(name: str) -> models.TextField:
    return models.TextField(national_reports.LABELS[name], blank=True)


class FirearmsReport(models.Model):
    """A State's periodic national report on firearms (57(k)-(l)) for one year."""

    state = _state("firearms_reports")
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(national_reports.YEAR_MIN), MaxValueValidator(national_reports.YEAR_MAX)],
        help_text=_("the year the report covers"),
    )
    status = models.CharField(_("status"), max_length=12, choices=STATUS_CHOICES, default=workflow.DRAFT)
    offences = _count("offences")
    offenders = _count("offenders")
    nature_of_offences = _text("nature_of_offences")
    marking_offences = _count("marking_offences")
    licensing_violations = _count("licensing_violations")
    investigations = _count("investigations")
    enforcement_activity = _text("enforcement_activity")
    firearms_confiscated = _count("firearms_confiscated")
    firearms_destroyed = _count("firearms_destroyed")
    firearms_otherwise_disposed = _count("firearms_otherwise_disposed")
    disposal = _text("disposal")
    tracing_methods = _text("tracing_methods")
    licensing_regimes = _text("licensing_regimes")
    border_controls = _text("border_controls")
    results = _text("results")
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    validated_at = models.DateTimeField(_("validated"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state_id", "-year"]
        verbose_name = _("national firearms report")
        verbose_name_plural = _("national firearms reports")
        constraints = [models.UniqueConstraint(fields=["state", "year"], name="unique_firearms_report_per_year")]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.state_id} {self.year} ({self.status})"

    @property
    def is_editable(self) -> bool:
        return workflow.is_editable(self.status)

    @property
    def status_label(self) -> str:
        return workflow.STATUS_LABELS.get(self.status, self.status)


class FirearmsReportEvent(models.Model):
    """One move of a firearms report: who moved it, when, from where to where, why."""

    report = models.ForeignKey(FirearmsReport, on_delete=models.CASCADE, related_name="events")
    transition = models.CharField(_("transition"), max_length=20)
    from_status = models.CharField(_("from"), max_length=12)
    to_status = models.CharField(_("to"), max_length=12)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["report", "at", "id"]
        verbose_name = _("move of a firearms report")
        verbose_name_plural = _("moves of firearms reports")

    def __str__(self) -> str:
        return f"{self.report}: {self.transition} ({self.from_status} -> {self.to_status})"
