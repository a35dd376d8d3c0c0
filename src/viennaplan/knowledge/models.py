"""Storage of the knowledge databases (issue 12). One app, a module of rules per collection.

National legislation (18(e)): a `Law` of a State, keyed by the Secretariat's `key` (unique per
State: the CSV import matches on State and key), with the articles of the instruments it implements
(`LawArticle`, each with its extract) and the provisions of the plan it serves (`LawProvision`, by
the provision's path, which stays the same from one version of the plan to the next). The rules of
a row are plain Python in `legislation.py`; every change is kept in history (simple-history).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import legislation

KIND_CHOICES = list(legislation.KIND_LABELS.items())
STATUS_CHOICES = list(legislation.STATUS_LABELS.items())


def validate_article(value: str) -> None:
    if not legislation.is_article(value):
        raise ValidationError(gettext("not an article number such as 5, 5(1) or 5(1)(a)"))


def validate_key(value: str) -> None:
    if not legislation.KEY.fullmatch(value):
        raise ValidationError(gettext("letters, digits, dots, dashes or underscores, starting with a letter or digit"))


def validate_language(value: str) -> None:
    if not legislation.LANGUAGE.fullmatch(value):
        raise ValidationError(gettext("not an ISO 639-1 code (two lower-case letters, e.g. es)"))


def validate_path(value: str) -> None:
    if not legislation.PATH.fullmatch(value):
        raise ValidationError(gettext("not a provision's path such as 57/a or 18/e"))


class Law(models.Model):
    """One piece of national legislation of a State."""

    state = models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="state",
        on_delete=models.PROTECT,
        related_name="laws",
        verbose_name=_("State"),
    )
    key = models.CharField(
        _("key"),
        max_length=legislation.KEY_MAX,
        validators=[validate_key],
        help_text=_("the Secretariat's key for the law, unique per State (letters, digits, dots, dashes)"),
    )
    title_original = models.TextField(_("title in the original language"))
    title_en = models.TextField(_("title in English"))
    kind = models.CharField(_("type"), max_length=20, choices=KIND_CHOICES)
    language = models.CharField(
        _("language"),
        max_length=2,
        validators=[validate_language],
        help_text=_("the language of the original text, ISO 639-1 (es, fr, de …)"),
    )
    adopted = models.DateField(_("adopted"), null=True, blank=True)
    in_force = models.DateField(_("in force since"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=STATUS_CHOICES, default=legislation.IN_FORCE)
    amended_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amends",
        verbose_name=_("amended by"),
    )
    repealed_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="repeals",
        verbose_name=_("repealed by"),
    )
    official_url = models.CharField(
        _("official link"), max_length=500, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    text = models.TextField(_("text"), blank=True)
    published = models.BooleanField(
        _("published"), default=False, help_text=_("a law not published is a draft the public does not see")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state_id", "key"]
        verbose_name = _("law")
        verbose_name_plural = _("laws")
        constraints = [models.UniqueConstraint(fields=["state", "key"], name="unique_law_key_per_state")]

    def __str__(self) -> str:
        return f"{self.state_id} {self.key}: {self.title_en[:80]}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.status == legislation.AMENDED and not self.amended_by_id:
            errors["amended_by"] = gettext("required when the status is amended: the amending law")
        if self.status == legislation.REPEALED and not self.repealed_by_id:
            errors["repealed_by"] = gettext("required when the status is repealed: the repealing law")
        for name in ("amended_by", "repealed_by"):
            other = getattr(self, name)
            if other is None:
                continue
            if self.pk and other.pk == self.pk:
                errors[name] = gettext("a law cannot amend or repeal itself")
            elif other.state_id != self.state_id:
                errors[name] = gettext("a law of the same State")
        if self.adopted and self.in_force and self.in_force < self.adopted:
            errors["in_force"] = gettext("before the date of adoption")
        if errors:
            raise ValidationError(errors)


class LawArticle(models.Model):
    """An article of an instrument that the law implements, with the extract that implements it."""

    law = models.ForeignKey(Law, on_delete=models.CASCADE, related_name="articles", verbose_name=_("law"))
    instrument = models.ForeignKey(
        "treaties.Instrument",
        to_field="code",
        db_column="instrument",
        on_delete=models.PROTECT,
        related_name="implementing_articles",
        verbose_name=_("instrument"),
    )
    article = models.CharField(
        _("article"), max_length=40, validators=[validate_article], help_text=_("5, 5(1) or 5(1)(a)")
    )
    extract = models.TextField(_("extract"), blank=True, help_text=_("the text of the law that implements the article"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["law", "instrument__position", "id"]
        verbose_name = _("article implemented")
        verbose_name_plural = _("articles implemented")
        constraints = [
            models.UniqueConstraint(fields=["law", "instrument", "article"], name="unique_law_article"),
        ]
        indexes = [models.Index(fields=["instrument", "article"])]

    def __str__(self) -> str:
        return f"{self.instrument_id} art. {self.article}"


class LawProvision(models.Model):
    """A provision of the plan the law serves, by its path (the same in every version of the plan)."""

    law = models.ForeignKey(Law, on_delete=models.CASCADE, related_name="provisions", verbose_name=_("law"))
    path = models.CharField(
        _("provision"),
        max_length=40,
        validators=[validate_path],
        help_text=_("the provision's path in the plan: 57/a, 18/e"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["law", "path"]
        verbose_name = _("provision of the plan")
        verbose_name_plural = _("provisions of the plan")
        constraints = [models.UniqueConstraint(fields=["law", "path"], name="unique_law_provision")]
        indexes = [models.Index(fields=["path"])]

    def __str__(self) -> str:
        return self.path

    def clean(self) -> None:
        from viennaplan.plan.models import PlanVersion, Provision

        current = PlanVersion.current()
        if self.path and current and not Provision.objects.filter(version=current, path=self.path).exists():
            raise ValidationError({"path": gettext("not a provision of the current plan")})


class SearchEntry(models.Model):
    """One record of a collection as the search over all collections knows it (`knowledge/search.py`).

    A copy kept by the search module from each collection's `documents` (collections.py): never
    edited by hand, rebuilt by `viennaplan knowledge reindex`. The words are indexed by SQLite FTS5
    (`knowledge_search_fts`, rowid = this id, with `tags` as its third column) or, on PostgreSQL, by
    the GIN index of a stored column `words` that the model does not declare (migration 0006): the
    title's words (weight A), the text's (B) and each tag as the lexeme "#tag".
    """

    collection = models.CharField(max_length=30)
    record_id = models.PositiveBigIntegerField()
    url = models.CharField(max_length=300)
    title = models.TextField()
    text = models.TextField(blank=True)
    published = models.BooleanField()
    year = models.PositiveSmallIntegerField(null=True)
    tags = models.TextField(blank=True, default="")  # the filters as words: zk<collection>, zdraft, zs<State>, …

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["collection", "record_id"], name="unique_search_entry"),
        ]
        indexes = [models.Index(fields=["published", "collection"])]

    def __str__(self) -> str:
        return f"{self.collection} {self.record_id}"


class SearchGeneration(models.Model):
    """One row (id 1): its number changes (to a new random one) at every re-index of the search, so that
    a process can tell whether the facet arrays and results it keeps (`knowledge/search_counts.py`,
    `knowledge/search_cache.py`) are still those of the index."""

    id = models.PositiveSmallIntegerField(primary_key=True)
    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"search generation {self.number}"


class SearchFacet(models.Model):
    """A facet value of a search entry: a State, a chapter or an instrument it concerns."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=12)  # state, chapter, instrument
    value = models.CharField(max_length=20)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "facet", "value"], name="unique_search_facet")]
        indexes = [models.Index(fields=["facet", "value", "entry"])]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"
