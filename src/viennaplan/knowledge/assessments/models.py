"""Storage of the collection: national assessments of corruption in one standardized format (33(a),
30(a)), and documents with versions: the toolkit of best practices and the manual on practical
measures (33(a),(e)), tools to assess the effectiveness of measures (46(d)).

An `Assessment` of a State is keyed by the Secretariat's `key` (unique per State: the CSV import
matches on State and key); the sectors and types of corruption it covers, from the fixed lists of
`rules.py`, are child rows (`AssessmentSector`, `AssessmentType`), as are the provisions of the plan
it serves (`AssessmentProvision`, by path). A `Document` has `DocumentVersion`s; its current version
is the latest published one (`versions.current`). Every change is kept in history (simple-history).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import rules, versions


def validate_key(value: str) -> None:
    if not rules.KEY.fullmatch(value):
        raise ValidationError(gettext("letters, digits, dots, dashes or underscores, starting with a letter or digit"))


def validate_label(value: str) -> None:
    if not versions.LABEL.fullmatch(value):
        raise ValidationError(
            gettext("up to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit")
        )


def validate_path(value: str) -> None:
    if not rules.PATH.fullmatch(value):
        raise ValidationError(gettext("not a provision's path such as 33/a or 30/a"))


def validate_currency(value: str) -> None:
    if not rules.CURRENCY.fullmatch(value):
        raise ValidationError(gettext("not an ISO 4217 code (three capital letters, e.g. USD)"))


def check_in_current_plan(path: str) -> None:
    from viennaplan.plan.models import PlanVersion, Provision

    current = PlanVersion.current()
    if path and current and not Provision.objects.filter(version=current, path=path).exists():
        raise ValidationError({"path": gettext("not a provision of the current plan")})


YEARS = [MinValueValidator(rules.YEAR_MIN), MaxValueValidator(rules.YEAR_MAX)]


class Assessment(models.Model):
    """One national assessment of corruption, described in the standardized format."""

    state = models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="state",
        on_delete=models.PROTECT,
        related_name="corruption_assessments",
        verbose_name=_("State"),
    )
    key = models.CharField(
        _("key"),
        max_length=rules.KEY_MAX,
        validators=[validate_key],
        help_text=_("the Secretariat's key for the assessment, unique per State (letters, digits, dots, dashes)"),
    )
    title = models.TextField(_("title"))
    scope = models.CharField(_("scope"), max_length=20, choices=list(rules.SCOPES.items()))
    causes = models.TextField(_("causes of corruption"), blank=True)
    effects = models.TextField(_("effects and costs of corruption"), blank=True)
    cost_amount = models.DecimalField(
        _("estimated cost"), max_digits=17, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    cost_currency = models.CharField(
        _("currency of the cost"),
        max_length=3,
        blank=True,
        validators=[validate_currency],
        help_text=_("ISO 4217: USD, EUR …"),
    )
    cost_year = models.PositiveSmallIntegerField(_("cost priced in year"), null=True, blank=True, validators=YEARS)
    method = models.CharField(_("method"), max_length=30, choices=list(rules.METHODS.items()))
    sample_size = models.PositiveIntegerField(
        _("sample size"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(rules.SAMPLE_MAX)]
    )
    sample_description = models.TextField(_("sample"), blank=True, help_text=_("who or what was sampled"))
    fieldwork_start = models.DateField(_("fieldwork began"), null=True, blank=True)
    fieldwork_end = models.DateField(_("fieldwork ended"), null=True, blank=True)
    published_on = models.DateField(_("date of publication"))
    year = models.PositiveSmallIntegerField(
        _("year"),
        editable=False,
        db_index=True,
        help_text=_("the year it speaks for: the fieldwork's end, else its start, else the publication"),
    )
    publisher = models.CharField(_("publisher"), max_length=rules.TITLE_MAX)
    official_url = models.CharField(
        _("official link"), max_length=500, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("an assessment not published is a draft the public does not see")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state_id", "key"]
        verbose_name = _("corruption assessment")
        verbose_name_plural = _("corruption assessments")
        constraints = [models.UniqueConstraint(fields=["state", "key"], name="unique_assessment_key_per_state")]

    def __str__(self) -> str:
        return f"{self.state_id} {self.key}: {self.title[:80]}"

    def save(self, *args, **kwargs) -> None:
        self.year = rules.assessment_year(self.fieldwork_start, self.fieldwork_end, self.published_on)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.fieldwork_start and self.fieldwork_end and self.fieldwork_end < self.fieldwork_start:
            errors["fieldwork_end"] = gettext("before the fieldwork began")
        if self.published_on and self.fieldwork_start and self.published_on < self.fieldwork_start:
            errors["published_on"] = gettext("before the fieldwork began")
        if self.cost_amount is not None:
            if not self.cost_currency:
                errors["cost_currency"] = gettext("required with an estimated cost")
            if not self.cost_year:
                errors["cost_year"] = gettext("required with an estimated cost")
        else:
            if self.cost_currency:
                errors["cost_currency"] = gettext("only with an estimated cost")
            if self.cost_year:
                errors["cost_year"] = gettext("only with an estimated cost")
        if errors:
            raise ValidationError(errors)


class AssessmentSector(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="sectors", verbose_name=_("assessment")
    )
    sector = models.CharField(_("sector"), max_length=30, choices=list(rules.SECTORS.items()))
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "id"]
        verbose_name = _("sector covered")
        verbose_name_plural = _("sectors covered")
        constraints = [models.UniqueConstraint(fields=["assessment", "sector"], name="unique_assessment_sector")]
        indexes = [models.Index(fields=["sector"])]

    def __str__(self) -> str:
        return str(rules.SECTORS.get(self.sector, self.sector))


class AssessmentType(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="types", verbose_name=_("assessment")
    )
    type = models.CharField(_("type of corruption"), max_length=30, choices=list(rules.TYPES.items()))
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "id"]
        verbose_name = _("type of corruption covered")
        verbose_name_plural = _("types of corruption covered")
        constraints = [models.UniqueConstraint(fields=["assessment", "type"], name="unique_assessment_type")]
        indexes = [models.Index(fields=["type"])]

    def __str__(self) -> str:
        return str(rules.TYPES.get(self.type, self.type))


class AssessmentProvision(models.Model):
    """A provision of the plan the assessment serves, by its path (the same in every version of the plan)."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="provisions", verbose_name=_("assessment")
    )
    path = models.CharField(
        _("provision"),
        max_length=40,
        default=rules.DEFAULT_PROVISION,
        validators=[validate_path],
        help_text=_("the provision's path in the plan: 33/a, 30/a"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "path"]
        verbose_name = _("provision of the plan")
        verbose_name_plural = _("provisions of the plan")
        constraints = [models.UniqueConstraint(fields=["assessment", "path"], name="unique_assessment_provision")]
        indexes = [models.Index(fields=["path"])]

    def __str__(self) -> str:
        return self.path

    def clean(self) -> None:
        check_in_current_plan(self.path)


class Document(models.Model):
    """A document the Secretariat keeps in versions: a toolkit, a manual, an assessment tool."""

    key = models.CharField(
        _("key"),
        max_length=rules.KEY_MAX,
        unique=True,
        validators=[validate_key],
        help_text=_("the document's key in its address (letters, digits, dots, dashes)"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=list(versions.KINDS.items()))
    title = models.TextField(_("title"))
    area = models.CharField(
        _("chapter of the plan"),
        max_length=5,
        choices=[(number, number) for number in versions.CHAPTERS],
        help_text=_("the chapter of the plan it serves, as a Roman numeral (IV: corruption)"),
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("a document not published is a draft the public does not see")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["area", "key"]
        verbose_name = _("document with versions")
        verbose_name_plural = _("documents with versions")

    def __str__(self) -> str:
        return f"{self.key}: {self.title[:80]}"


class DocumentProvision(models.Model):
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="provisions", verbose_name=_("document")
    )
    path = models.CharField(
        _("provision"),
        max_length=40,
        validators=[validate_path],
        help_text=_("the provision's path in the plan: 33/a, 33/e, 46/d"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "path"]
        verbose_name = _("provision of the plan")
        verbose_name_plural = _("provisions of the plan")
        constraints = [models.UniqueConstraint(fields=["document", "path"], name="unique_document_provision")]
        indexes = [models.Index(fields=["path"])]

    def __str__(self) -> str:
        return self.path

    def clean(self) -> None:
        check_in_current_plan(self.path)


class DocumentVersion(models.Model):
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="versions", verbose_name=_("document")
    )
    label = models.CharField(
        _("version"), max_length=40, validators=[validate_label], help_text=_("1.0, 2, 2004-revision …")
    )
    date = models.DateField(_("date"))
    changes = models.TextField(_("summary of changes"), blank=True)
    text = models.TextField(_("text"), blank=True)
    official_url = models.CharField(
        _("official link"), max_length=500, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("a version not published is a draft the public does not see")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "date", "id"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        constraints = [models.UniqueConstraint(fields=["document", "label"], name="unique_document_version_label")]

    def __str__(self) -> str:
        return self.label
