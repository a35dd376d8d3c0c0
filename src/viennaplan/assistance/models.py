"""Storage of technical assistance (issue 13): the requests of States and the projects that deliver them.

An `AssistanceRequest` is one State's request for help on an area (chapter) of the plan, with the
provisions (`RequestProvision`, by path) and the articles of instruments (`RequestArticle`) it is
about. Its status moves only through `transitions.apply_transition` (the workflow in `workflow`),
each move recorded as a `RequestEvent`. A `Project` serves one or more requests, with its budget by
year (`ProjectBudget`), `Milestone`s and `ProjectOutput`s. Every change is kept in history.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import rules, workflow

USER = settings.AUTH_USER_MODEL


def validate_key(value: str) -> None:
    if not rules.KEY.fullmatch(value):
        raise ValidationError(gettext("letters, digits, dots, dashes or underscores, starting with a letter or digit"))


def validate_currency(value: str) -> None:
    if not rules.CURRENCY.fullmatch(value):
        raise ValidationError(gettext("not an ISO 4217 code (three capital letters, e.g. USD)"))


def validate_chapter(value: str) -> None:
    if not rules.CHAPTER.fullmatch(value):
        raise ValidationError(gettext("not a chapter of the plan such as VI (a Roman numeral)"))


def validate_path(value: str) -> None:
    if not rules.PATH.fullmatch(value):
        raise ValidationError(gettext("not a provision's path such as 57/f or 18/e"))


def validate_article(value: str) -> None:
    if not rules.ARTICLE.fullmatch(value):
        raise ValidationError(gettext("not an article number such as 5, 5(1) or 5(1)(a)"))


class AssistanceRequest(models.Model):
    """A State's request for technical assistance on an area of the plan."""

    STATUS_CHOICES = [(s, workflow.STATUS_LABELS[s]) for s in workflow.STATUSES]

    key = models.CharField(
        _("key"), max_length=rules.KEY_MAX, unique=True, validators=[validate_key], help_text=_("TA-CHE-2003-001")
    )
    state = models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="state",
        on_delete=models.PROTECT,
        related_name="assistance_requests",
        verbose_name=_("State"),
    )
    chapter = models.CharField(
        _("area of the plan"), max_length=5, validators=[validate_chapter], help_text=_("the chapter: VI")
    )
    need = models.TextField(_("need"), help_text=_("what help is asked for, and why"))
    kind = models.CharField(_("kind of help"), max_length=30, choices=list(rules.KIND_LABELS.items()))
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=list(rules.URGENCY_LABELS.items()), default=rules.MEDIUM
    )
    requesting_authority = models.CharField(_("requesting authority"), max_length=300, blank=True)
    estimated_cost = models.DecimalField(_("estimated cost"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, validators=[validate_currency], help_text=_("ISO 4217: USD, EUR …")
    )
    shareable = models.BooleanField(
        _("shareable with donors"), default=False, help_text=_("the State lets donors read the text of the need")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=STATUS_CHOICES, default=workflow.RECEIVED, db_index=True
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    answer = models.OneToOneField(
        "reporting.Answer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assistance_request",
        verbose_name=_("answer of the national report"),
    )
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("filed by")
    )
    created_at = models.DateTimeField(_("filed"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "key"]
        verbose_name = _("request for technical assistance")
        verbose_name_plural = _("requests for technical assistance")
        indexes = [
            models.Index(fields=["state", "status"]),
            # the pipeline board reads each area's open requests by status in order of age
            models.Index(fields=["chapter", "status", "created_at"], name="assistance_req_chapter_age"),
        ]

    def __str__(self) -> str:
        return self.key

    def get_absolute_url(self) -> str:
        return f"/assistance/requests/{self.key}"

    @property
    def status_label(self) -> str:
        return workflow.label(self.status)

    def clean(self) -> None:
        if self.estimated_cost is not None:
            if self.estimated_cost < 0:
                raise ValidationError({"estimated_cost": gettext("a cost cannot be negative")})
            if not self.currency:
                raise ValidationError({"currency": gettext("required with an estimated cost")})


class RequestProvision(models.Model):
    """A provision of the plan the request is about, by its path."""

    request = models.ForeignKey(
        AssistanceRequest, on_delete=models.CASCADE, related_name="provisions", verbose_name=_("request")
    )
    path = models.CharField(
        _("provision"), max_length=40, validators=[validate_path], help_text=_("the provision's path in the plan: 57/f")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["request", "path"]
        verbose_name = _("provision of the plan")
        verbose_name_plural = _("provisions of the plan")
        constraints = [models.UniqueConstraint(fields=["request", "path"], name="unique_request_provision")]
        indexes = [models.Index(fields=["path"])]

    def __str__(self) -> str:
        return self.path


class RequestArticle(models.Model):
    """An article of an instrument the request is about."""

    request = models.ForeignKey(
        AssistanceRequest, on_delete=models.CASCADE, related_name="articles", verbose_name=_("request")
    )
    instrument = models.ForeignKey(
        "treaties.Instrument",
        to_field="code",
        db_column="instrument",
        on_delete=models.PROTECT,
        related_name="assistance_articles",
        verbose_name=_("instrument"),
    )
    article = models.CharField(
        _("article"), max_length=40, validators=[validate_article], help_text=_("5, 5(1) or 5(1)(a)")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["request", "instrument__position", "id"]
        verbose_name = _("article concerned")
        verbose_name_plural = _("articles concerned")
        constraints = [
            models.UniqueConstraint(fields=["request", "instrument", "article"], name="unique_request_article"),
        ]

    def __str__(self) -> str:
        return f"{self.instrument_id} art. {self.article}"


class RequestEvent(models.Model):
    """The record of one transition of a request: who moved it, when, from where to where, why."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, related_name="events")
    transition = models.CharField(max_length=20)
    from_status = models.CharField(max_length=20)
    to_status = models.CharField(max_length=20)
    user = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    comment = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["request", "at", "id"]
        verbose_name = _("event of a request")
        verbose_name_plural = _("events of requests")

    def __str__(self) -> str:
        return f"{self.request}: {self.transition} ({self.from_status} -> {self.to_status})"


class Project(models.Model):
    """A project of technical assistance that serves one or more requests."""

    key = models.CharField(
        _("key"), max_length=rules.KEY_MAX, unique=True, validators=[validate_key], help_text=_("PRJ-2003-001")
    )
    title = models.TextField(_("title"))
    region = models.CharField(
        _("region"), max_length=60, blank=True, db_index=True, help_text=_("the M49 region: Africa, Americas …")
    )
    chapter = models.CharField(
        _("area of the plan"), max_length=5, blank=True, validators=[validate_chapter], help_text=_("the chapter: VI")
    )
    executing_office = models.CharField(_("executing office"), max_length=300, blank=True)
    partners = models.TextField(_("partners"), blank=True)
    requests = models.ManyToManyField(
        AssistanceRequest, blank=True, related_name="projects", verbose_name=_("requests served")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=list(rules.PROJECT_STATUS_LABELS.items()),
        default=rules.PLANNED,
        db_index=True,
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[requests])

    class Meta:
        ordering = ["key"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return f"{self.key}: {self.title[:80]}"

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": gettext("before the start")})


class ProjectBudget(models.Model):
    """A project's budget for one year in one currency."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budgets", verbose_name=_("project"))
    year = models.PositiveSmallIntegerField(_("year"))
    currency = models.CharField(
        _("currency"), max_length=3, validators=[validate_currency], help_text=_("ISO 4217: USD, EUR …")
    )
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "year", "currency"]
        verbose_name = _("budget for a year")
        verbose_name_plural = _("budget by year")
        constraints = [
            models.UniqueConstraint(fields=["project", "year", "currency"], name="unique_project_budget_line"),
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.year}: {self.amount} {self.currency}"

    def clean(self) -> None:
        if self.amount is not None and self.amount < 0:
            raise ValidationError({"amount": gettext("an amount cannot be negative")})


class Milestone(models.Model):
    """A step of a project with its date."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("project"))
    title = models.CharField(_("title"), max_length=300)
    due = models.DateField(_("due"))
    done = models.BooleanField(_("done"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "due", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return f"{self.project_id} {self.due}: {self.title}"


class ProjectOutput(models.Model):
    """Something a project delivered: a seminar held, a law drafted, officials trained."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="outputs", verbose_name=_("project"))
    kind = models.CharField(_("kind of output"), max_length=30, choices=list(rules.OUTPUT_KIND_LABELS.items()))
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    date = models.DateField(_("date"))
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "date", "id"]
        verbose_name = _("output")
        verbose_name_plural = _("outputs")

    def __str__(self) -> str:
        return f"{self.project_id} {self.date}: {self.kind} x{self.quantity}"
