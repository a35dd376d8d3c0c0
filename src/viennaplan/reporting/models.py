"""Storage of national reporting: cycles and their questions, the States' reports and answers,
the events of the workflow, review comments, and progress on the international actions.

Rules live elsewhere: the workflow in `workflow`, the scales in `scale`, the questionnaire in
`questionnaire`; every change goes through a function that checks permission (`cycles`,
`answers`, `transitions`, `international`, `contributions`). In particular only
`transitions.apply_transition` sets `Report.status`.
Answers, reports, cycles, international progress and contributions keep their history
(django-simple-history).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

from viennaplan.countries.models import Country
from viennaplan.plan.models import PlanVersion, Provision

from . import workflow
from .scale import INTERNATIONAL_STATUSES, RESOURCES, STATUS_SCALE, choices

USER = settings.AUTH_USER_MODEL


class ReportingCycle(models.Model):
    """A round of national reporting on some chapters of the plan ("2002 review")."""

    name = models.CharField(max_length=120, unique=True)
    opens = models.DateField()
    closes = models.DateField(help_text=gettext_lazy("the deadline for submitting reports"))
    chapters = models.JSONField(
        default=list, help_text=gettext_lazy('Roman numerals of the chapters asked about: ["III", "IV"]')
    )
    plan_version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="reporting_cycles")
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(
        default=False, help_text=gettext_lazy("generated demonstration data, never real reports")
    )
    require_all_answers = models.BooleanField(
        default=False, help_text=gettext_lazy("a report is submitted only when every question is answered")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens", "-id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"/reporting/{self.pk}/"

    def is_open_on(self, day: date) -> bool:
        return self.opens <= day <= self.closes


class Question(models.Model):
    """One question of a cycle: a national-action paragraph without items, or one item.

    The text is a snapshot of the plan when the cycle opened; `path` keys the question across
    cycles (and plan versions) for carrying answers over."""

    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="questions")
    provision = models.ForeignKey(Provision, on_delete=models.PROTECT, related_name="questions")
    position = models.PositiveIntegerField()
    path = models.CharField(max_length=40)
    citation = models.CharField(max_length=40)
    chapter = models.CharField(max_length=5, help_text=gettext_lazy("Roman numeral"))
    objectives = models.JSONField(default=list, help_text=gettext_lazy("objective numbers within the chapter"))
    text = models.TextField()

    class Meta:
        ordering = ["cycle", "position"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "path"], name="unique_question_path"),
            models.UniqueConstraint(fields=["cycle", "position"], name="unique_question_position"),
        ]

    def __str__(self) -> str:
        return f"{self.cycle}: {self.citation}"


class Report(models.Model):
    """A State's report in a cycle. `state_id` is the alpha-3 code."""

    STATUS_CHOICES = [(s, workflow.STATUS_LABELS[s]) for s in workflow.STATUSES]
    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="reports")
    state = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="reports")
    status = models.CharField(max_length=12, choices=STATUS_CHOICES, default=workflow.DRAFT, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(
        null=True, blank=True, help_text=gettext_lazy("last submission (or resubmission)")
    )
    first_submitted_at = models.DateTimeField(null=True, blank=True, help_text=gettext_lazy("for late reports"))
    validated_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    carried_over_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=gettext_lazy("previous cycle's report"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "state__name_en"]
        constraints = [models.UniqueConstraint(fields=["cycle", "state"], name="unique_report_per_cycle_and_state")]

    def __str__(self) -> str:
        return f"{self.state_id} in {self.cycle}"

    def get_absolute_url(self) -> str:
        return f"/reporting/{self.cycle_id}/{self.state_id}/"

    @property
    def is_editable(self) -> bool:
        return workflow.is_editable(self.status)

    def is_late(self, today: date) -> bool:
        """Not submitted by the cycle's deadline (or first submitted after it): `workflow.is_late`."""
        first = timezone.localdate(self.first_submitted_at) if self.first_submitted_at else None
        return workflow.is_late(self.cycle.closes, today, first)


class Answer(models.Model):
    """A State's answer to one question. `version` goes up by one at every save (optimistic
    locking: a save based on an older version is refused, see answers.save_answer)."""

    STATUS_CHOICES = choices(STATUS_SCALE, blank=gettext_lazy("Not answered yet"))
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    status = models.CharField(max_length=24, choices=STATUS_CHOICES, blank=True, db_index=True)
    narrative = models.TextField(blank=True)
    measures = models.JSONField(default=list, blank=True, help_text=gettext_lazy("[{kind, title, url, date}]"))
    responsible_institution = models.CharField(max_length=300, blank=True)
    assistance_needed = models.BooleanField(default=False)
    assistance_description = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    carried_over_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=gettext_lazy("previous cycle's answer"),
    )
    updated_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "question__position"]
        constraints = [models.UniqueConstraint(fields=["report", "question"], name="unique_answer_per_question")]
        # the progress matrix counts a cycle's answers by question and status from this index alone
        indexes = [models.Index(fields=["report", "question", "status"], name="answer_report_question_status")]

    def __str__(self) -> str:
        return f"{self.report}: {self.question.citation}"


class ReportEvent(models.Model):
    """The record of one transition of a report: who moved it, when, from where to where, why."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    transition = models.CharField(max_length=20)
    from_status = models.CharField(max_length=12)
    to_status = models.CharField(max_length=12)
    user = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["report", "at", "id"]

    def __str__(self) -> str:
        return f"{self.report}: {self.transition} ({self.from_status} -> {self.to_status})"


class ReviewComment(models.Model):
    """A reviewer's (or the Secretariat's) comment on a report, or on one of its questions."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="comments")
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["report", "at", "id"]

    def __str__(self) -> str:
        where = self.question.citation if self.question_id and self.question else "the report"
        return f"Comment on {where}"


class Contribution(models.Model):
    """A civil-society contributor's comment on a State's published report. It shows to the
    public only once the Secretariat has approved it (see `contributions`)."""

    PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
    STATUS_CHOICES = [
        (PENDING, gettext_lazy("Waiting for review")),
        (APPROVED, gettext_lazy("Approved")),
        (REJECTED, gettext_lazy("Rejected")),
    ]
    MAX_LENGTH = 5000
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="contributions")
    author = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    organisation = models.CharField(max_length=200, blank=True, help_text=gettext_lazy("the author's, when submitted"))
    text = models.TextField(max_length=MAX_LENGTH)
    submitted_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=PENDING, db_index=True)
    moderated_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_note = models.TextField(blank=True, help_text=gettext_lazy("why, for the author (never public)"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "submitted_at", "id"]

    def __str__(self) -> str:
        return f"Contribution of {self.organisation or 'an individual'} on {self.report}"


class InternationalActionProgress(models.Model):
    """Progress of an entity on one international action (a paragraph without items, or an
    item) in a cycle, recorded by the Secretariat."""

    STATUS_CHOICES = choices(INTERNATIONAL_STATUSES)
    RESOURCES_CHOICES = choices(RESOURCES)
    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="international_progress")
    provision = models.ForeignKey(Provision, on_delete=models.PROTECT, related_name="international_progress")
    entity = models.CharField(max_length=40, help_text=gettext_lazy("actor code: cicp, odccp, tpb, ..."))
    status = models.CharField(max_length=24, choices=STATUS_CHOICES)
    outputs = models.JSONField(default=list, blank=True, help_text=gettext_lazy("[{kind, title, date, url}]"))
    resources = models.CharField(max_length=40, choices=RESOURCES_CHOICES)
    narrative = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "provision__position", "entity"]
        verbose_name_plural = gettext_lazy("international action progress")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "provision", "entity"], name="unique_progress_per_entity")
        ]

    def __str__(self) -> str:
        return f"{self.provision.citation} ({self.entity}) in {self.cycle}"
