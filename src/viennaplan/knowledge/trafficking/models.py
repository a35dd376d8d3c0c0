"""Storage of the collection: the nature and extent of trafficking in persons (46(b),(d)) as aggregates
only, counts under 5 suppressed in every output.

A `Flow` is victims detected on one route in one period for one form of exploitation, as nine counts
by sex and age group (columns, one per cell of `rules.CELLS`) and their total; it has no field about a
person and its texts (source, authority) are checked by `rules.identifying_problem`. The provisions of
the plan it serves are child rows (`FlowProvision`, by path, 46/b by default). Every change is kept in
history (simple-history). The counts stored here are raw: every output but the Secretariat's own CSV
goes through `suppression.py`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import rules

FORM_CHOICES = list(rules.FORM_LABELS.items())


def validate_key(value: str) -> None:
    if not rules.KEY.fullmatch(value):
        raise ValidationError(gettext("letters, digits, dots, dashes or underscores, starting with a letter or digit"))


def validate_not_identifying(value: str) -> None:
    problem = rules.identifying_problem(value)
    if problem:
        raise ValidationError(problem)


def validate_path(value: str) -> None:
    if not rules.PATH.fullmatch(value):
        raise ValidationError(gettext("not a provision's path such as 46/b"))


def count_field(label):
    return models.PositiveIntegerField(label, default=0)


YEARS = [MinValueValidator(rules.FIRST_YEAR), MaxValueValidator(rules.LAST_YEAR)]


class Flow(models.Model):
    """Victims of trafficking detected on one route, in one period, for one form of exploitation."""

    key = models.CharField(
        _("key"),
        max_length=rules.KEY_MAX,
        unique=True,
        validators=[validate_key],
        help_text=_("the Secretariat's key for the flow (letters, digits, dots, dashes)"),
    )
    origin = models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="origin",
        on_delete=models.PROTECT,
        related_name="trafficking_from",
        verbose_name=_("State of origin"),
    )
    destination = models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="destination",
        on_delete=models.PROTECT,
        related_name="trafficking_to",
        verbose_name=_("State of destination"),
    )
    transit = models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="transit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trafficking_through",
        verbose_name=_("State of transit"),
    )
    year_from = models.PositiveSmallIntegerField(_("from the year"), validators=YEARS)
    year_to = models.PositiveSmallIntegerField(_("to the year"), validators=YEARS)
    form = models.CharField(_("form of exploitation"), max_length=30, choices=FORM_CHOICES)
    female_child = count_field(_("girls"))
    female_adult = count_field(_("women"))
    female_unknown = count_field(_("females, age unknown"))
    male_child = count_field(_("boys"))
    male_adult = count_field(_("men"))
    male_unknown = count_field(_("males, age unknown"))
    unknown_child = count_field(_("children, sex unknown"))
    unknown_adult = count_field(_("adults, sex unknown"))
    unknown_unknown = count_field(_("sex and age unknown"))
    total = models.PositiveIntegerField(
        _("detected victims"), help_text=_("the sum of the counts by sex and age group")
    )
    source = models.CharField(
        _("source"),
        max_length=rules.TEXT_MAX,
        validators=[validate_not_identifying],
        help_text=_("the publication or data set; never anything about a person"),
    )
    source_url = models.CharField(
        _("link to the source"), max_length=500, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    authority = models.CharField(
        _("reporting authority"),
        max_length=rules.TEXT_MAX,
        validators=[validate_not_identifying],
        help_text=_("the national authority that reported the figures"),
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("a flow not published is a draft the public does not see")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year_to", "destination_id", "origin_id", "key"]
        verbose_name = _("trafficking flow")
        verbose_name_plural = _("trafficking flows")
        indexes = [
            models.Index(fields=["origin", "year_to"]),
            models.Index(fields=["destination", "year_to"]),
            models.Index(fields=["form"]),
            models.Index(fields=["published", "origin"]),  # the list's choices of States
            models.Index(fields=["published", "destination"]),
        ]

    def __str__(self) -> str:  # counts never appear here: the admin and logs show this
        return f"{self.key}: {self.origin_id} → {self.destination_id}, {self.period}"

    @property
    def period(self) -> str:
        return rules.period_label(self.year_from, self.year_to)

    def counts(self) -> dict[str, int]:
        """The nine raw counts by cell. Raw: only `suppression` may turn them into something shown."""
        return {cell: getattr(self, cell) for cell in rules.CELLS}

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.year_from and self.year_to and self.year_to < self.year_from:
            errors["year_to"] = gettext("before the first year")
        if self.total is not None and self.total != sum(self.counts().values()):
            errors["total"] = gettext("not the sum of the counts by sex and age group (%(sum)s)") % {
                "sum": sum(self.counts().values())
            }
        if errors:
            raise ValidationError(errors)


class FlowProvision(models.Model):
    """A provision of the plan the flow serves, by its path (46/b, 46/d)."""

    flow = models.ForeignKey(Flow, on_delete=models.CASCADE, related_name="provisions", verbose_name=_("flow"))
    path = models.CharField(
        _("provision"), max_length=40, validators=[validate_path], help_text=_("the provision's path: 46/b")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["flow", "path"]
        verbose_name = _("provision of the plan")
        verbose_name_plural = _("provisions of the plan")
        constraints = [models.UniqueConstraint(fields=["flow", "path"], name="unique_trafficking_flow_provision")]
        indexes = [models.Index(fields=["path"])]

    def __str__(self) -> str:
        return self.path

    def clean(self) -> None:
        from viennaplan.plan.models import PlanVersion, Provision

        current = PlanVersion.current()
        if self.path and current and not Provision.objects.filter(version=current, path=self.path).exists():
            raise ValidationError({"path": gettext("not a provision of the current plan")})
