"""Storage of the collection: best practices across the plan's areas (33(a),(c), 59(b), 65(d), 82(e),
84(c),(d), 90(b), 100(c), 18(d), 46(b)), tagged by area, provision and State, with evaluations.

A `Practice` is keyed by the Secretariat's `key` (unique: the CSV import matches on it), belongs to an
area (the plan's chapter, by Roman numeral), serves provisions of the plan (`PracticeProvision`, by path)
and was applied by zero or more States (`PracticeState`: a regional or international practice may name
none). Its `Evaluation`s are keyed by practice, evaluator and date. Each record has its own `published`
flag: a draft evaluation of a published practice is hidden from the public like a draft practice.
The rules of a row are plain Python in `rules.py`; every change is kept in history (simple-history).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from viennaplan.knowledge.models import validate_key, validate_path

from . import rules

METHOD_CHOICES = list(rules.METHOD_LABELS.items())
RESULT_CHOICES = list(rules.RESULT_LABELS.items())


def current_chapters() -> list[str]:
    """The Roman numerals of the current plan's chapters, in order."""
    from viennaplan.plan.models import Chapter, PlanVersion

    current = PlanVersion.current()
    return list(Chapter.objects.filter(version=current).values_list("number", flat=True)) if current else []


def validate_year(value: int) -> None:
    if not rules.YEAR_MIN <= value <= rules.YEAR_MAX:
        raise ValidationError(
            gettext("not a year between %(first)s and %(last)s") % {"first": rules.YEAR_MIN, "last": rules.YEAR_MAX}
        )


class Practice(models.Model):
    """One best practice, in an area of the plan."""

    key = models.CharField(
        _("key"),
        max_length=80,
        unique=True,
        validators=[validate_key],
        help_text=_("the Secretariat's key for the practice (letters, digits, dots, dashes)"),
    )
    title = models.CharField(_("title"), max_length=rules.TITLE_MAX)
    summary = models.TextField(_("summary"), max_length=rules.SUMMARY_MAX)
    description = models.TextField(_("description"), blank=True)
    area = models.CharField(
        _("area"), max_length=5, help_text=_("the chapter of the plan, by its Roman numeral: IV"), db_index=True
    )
    organisation = models.CharField(
        _("implementing organisation"), max_length=rules.NAME_MAX, blank=True, db_index=True
    )
    period_from = models.PositiveSmallIntegerField(_("from (year)"), null=True, blank=True, validators=[validate_year])
    period_to = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True, validators=[validate_year])
    url = models.CharField(
        _("source or official link"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("a practice not published is a draft the public does not see")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["key"]
        verbose_name = _("best practice")
        verbose_name_plural = _("best practices")

    def __str__(self) -> str:
        return f"{self.key}: {self.title[:80]}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        chapters = current_chapters()
        if self.area and chapters and self.area not in chapters:
            errors["area"] = gettext("not a chapter of the current plan, by its Roman numeral (%(chapters)s)") % {
                "chapters": ", ".join(chapters)
            }
        if self.period_from and self.period_to and self.period_to < self.period_from:
            errors["period_to"] = gettext("before the first year (%(year)s)") % {"year": self.period_from}
        if errors:
            raise ValidationError(errors)


class PracticeProvision(models.Model):
    """A provision of the plan the practice serves, by its path (the same in every version of the plan)."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="provisions", verbose_name=_("best practice")
    )
    path = models.CharField(
        _("provision"), max_length=40, validators=[validate_path], help_text=_("the provision's path: 84/c")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["practice", "path"]
        verbose_name = _("provision of the plan")
        verbose_name_plural = _("provisions of the plan")
        constraints = [models.UniqueConstraint(fields=["practice", "path"], name="unique_practice_provision")]
        indexes = [models.Index(fields=["path"])]

    def __str__(self) -> str:
        return self.path

    def clean(self) -> None:
        from viennaplan.plan.models import PlanVersion, Provision

        current = PlanVersion.current()
        if self.path and current and not Provision.objects.filter(version=current, path=self.path).exists():
            raise ValidationError({"path": gettext("not a provision of the current plan")})


class PracticeState(models.Model):
    """A State that applied the practice."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="states", verbose_name=_("best practice")
    )
    state = models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="state",
        on_delete=models.PROTECT,
        related_name="practices",
        verbose_name=_("State"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["practice", "state_id"]
        verbose_name = _("State that applied it")
        verbose_name_plural = _("States that applied it")
        constraints = [models.UniqueConstraint(fields=["practice", "state"], name="unique_practice_state")]

    def __str__(self) -> str:
        return self.state_id


class Evaluation(models.Model):
    """An evaluation of a practice: by whom, when, how, and with what result."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("best practice")
    )
    evaluator = models.CharField(_("evaluator"), max_length=rules.NAME_MAX)
    date = models.DateField(_("date"))
    method = models.CharField(_("method"), max_length=20, choices=METHOD_CHOICES)
    result = models.CharField(_("result"), max_length=20, choices=RESULT_CHOICES, db_index=True)
    findings = models.TextField(_("findings"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True, validators=[URLValidator(schemes=["http", "https"])])
    published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("an evaluation not published is a draft the public does not see, even of a published practice"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["practice", "date", "evaluator"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(fields=["practice", "evaluator", "date"], name="unique_practice_evaluation")
        ]

    def __str__(self) -> str:
        return f"{self.evaluator} ({self.date.isoformat() if self.date else ''})"
