"""Storage of the plan's meetings and seminars (issue 13, part 5).

An `Event` (a regional seminar of 10(c), a high-level seminar of 13(a) and 41, the global forum of
44(j) and 46(c), a world conference of 18(h), the Conference of the Parties of 18(g) and 59(h), the
meetings that prepared the instrument against corruption of 22-23, a training workshop …) is keyed by
the Secretariat's `key` (the CSV import matches on it), with the provisions of the plan it serves
(`EventProvision`, by path: the path stays the same from one version of the plan to the next), the
States that took part and how many people each sent (`Participation`), its documents
(`EventDocument`), what came out of it (`EventOutput`), the requests for technical assistance it
answers (`requests`, kept in history) and the project that delivered it (`project`, optional). The
kinds and the rules of a row are plain Python in `rules.py`. An event not published is a draft only
the Secretariat sees. Every change is kept in history (simple-history).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from viennaplan.knowledge.models import validate_key, validate_path

from . import rules

KIND_CHOICES = [(code, kind.label) for code, kind in rules.KINDS.items()]
DOCUMENT_KIND_CHOICES = list(rules.DOCUMENT_KINDS.items())
OUTPUT_KIND_CHOICES = list(rules.OUTPUT_KINDS.items())


class Event(models.Model):
    """A meeting or seminar the plan asks for, or one that serves it."""

    key = models.CharField(
        _("key"),
        max_length=rules.KEY_MAX,
        unique=True,
        validators=[validate_key],
        help_text=_("the Secretariat's key for the event (letters, digits, dots, dashes): its address"),
    )
    title = models.CharField(_("title"), max_length=rules.TITLE_MAX)
    kind = models.CharField(_("kind"), max_length=30, choices=KIND_CHOICES)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    city = models.CharField(_("city"), max_length=rules.NAME_MAX, blank=True)
    host = models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="host",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_events",
        verbose_name=_("host State"),
    )
    organizer = models.CharField(_("organizer"), max_length=rules.NAME_MAX, blank=True)
    description = models.TextField(_("description"), blank=True)
    published = models.BooleanField(
        _("published"), default=False, help_text=_("an event not published is a draft only the Secretariat sees")
    )
    requests = models.ManyToManyField(
        "assistance.AssistanceRequest",
        blank=True,
        related_name="meetings",
        verbose_name=_("requests it answers"),
        help_text=_("the requests for technical assistance this event answers"),
    )
    project = models.ForeignKey(
        "assistance.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("project"),
        help_text=_("the project of technical assistance that delivered it, if any"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[requests])

    class Meta:
        ordering = ["-start", "key"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["kind", "start"]), models.Index(fields=["start", "end"])]

    def __str__(self) -> str:
        return f"{self.key}: {self.title[:80]}"

    def get_absolute_url(self) -> str:
        return f"/assistance/events/{self.key}"

    @property
    def kind_label(self) -> str:
        return rules.kind_label(self.kind)

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": gettext("before the first day (%(day)s)") % {"day": self.start.isoformat()}})


class EventProvision(models.Model):
    """A provision of the plan the event serves, by its path."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="provisions", verbose_name=_("event"))
    path = models.CharField(
        _("provision"), max_length=40, validators=[validate_path], help_text=_("the provision's path in the plan: 10/c")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "path"]
        verbose_name = _("provision of the plan")
        verbose_name_plural = _("provisions of the plan")
        constraints = [models.UniqueConstraint(fields=["event", "path"], name="unique_event_provision")]
        indexes = [models.Index(fields=["path"])]

    def __str__(self) -> str:
        return self.path


class Participation(models.Model):
    """A State that took part in an event, and how many people it sent."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations", verbose_name=_("event"))
    state = models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="state",
        on_delete=models.PROTECT,
        related_name="event_participations",
        verbose_name=_("State"),
    )
    participants = models.PositiveIntegerField(_("participants"), validators=[MinValueValidator(1)])
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "state"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [models.UniqueConstraint(fields=["event", "state"], name="unique_event_participation")]

    def __str__(self) -> str:
        return f"{self.state_id}: {self.participants}"


class EventDocument(models.Model):
    """A document of an event: its report, programme, background papers …"""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="documents", verbose_name=_("event"))
    kind = models.CharField(_("kind"), max_length=30, choices=DOCUMENT_KIND_CHOICES)
    symbol = models.CharField(_("symbol"), max_length=rules.SYMBOL_MAX, blank=True, help_text=_("e.g. A/CONF.187/4"))
    title = models.CharField(_("title"), max_length=rules.TITLE_MAX)
    url = models.CharField(
        _("link"), max_length=rules.URL_MAX, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "symbol", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [models.UniqueConstraint(fields=["event", "symbol", "title"], name="unique_event_document")]

    def __str__(self) -> str:
        return self.symbol or self.title[:80]


class EventOutput(models.Model):
    """What came out of an event: recommendations adopted, officials trained, laws drafted …"""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="outputs", verbose_name=_("event"))
    kind = models.CharField(_("kind"), max_length=30, choices=OUTPUT_KIND_CHOICES)
    description = models.CharField(_("description"), max_length=rules.OUTPUT_MAX)
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True, help_text=_("how many, if counted"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "kind", "description"]
        verbose_name = _("output")
        verbose_name_plural = _("outputs")
        constraints = [models.UniqueConstraint(fields=["event", "kind", "description"], name="unique_event_output")]

    def __str__(self) -> str:
        return self.description[:80]
