"""Storage of the resources of technical assistance (issue 13, part 3): donors, the funds and global
programmes they give to, pledges, contributions received, disbursements to projects, and the exchange
rates an operator enters for the optional view in US dollars.

Amounts are Decimals with two decimals in an ISO 4217 currency; nothing is ever converted in storage.
Rows are written through `operations.py` only (the ledger refuses a bad operation with nothing written);
every change is kept in history (simple-history). The seeded funds (the global programmes against
corruption, trafficking in persons and money-laundering, the fund for victims, and unearmarked
contributions) come from the data migration 0002.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .currencies import CURRENCIES
from .ledger import CENT

KEY = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")
CHAPTER = re.compile(r"(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)")
PATH = re.compile(r"\d{1,3}(/[a-z]{1,2}(/[ivx]{1,6})?)?")
AMOUNT = {"max_digits": 18, "decimal_places": 2, "validators": [MinValueValidator(CENT)]}


def validate_currency(value: str) -> None:
    if value not in CURRENCIES:
        raise ValidationError(
            gettext("%(value)s is not the ISO 4217 code of a currency (e.g. USD, EUR, CHF)") % {"value": repr(value)}
        )


def validate_fund_key(value: str) -> None:
    if not KEY.fullmatch(value):
        raise ValidationError(gettext("lower-case letters, digits and dashes, e.g. gp-corruption"))


def validate_chapter(value: str) -> None:
    if value and not CHAPTER.fullmatch(value):
        raise ValidationError(gettext("a chapter of the plan by its Roman numeral, I to XII"))


def validate_paths(value: object) -> None:
    if not isinstance(value, list) or not all(isinstance(path, str) and PATH.fullmatch(path) for path in value):
        raise ValidationError(gettext('a list of provisions by their paths in the plan: ["44/i", "84/a"]'))


def citation(path: str) -> str:
    """A provision's path as the plan cites it: 65/g -> 65(g), 7/d/ii -> 7(d)(ii)."""
    number, *letters = path.split("/")
    return number + "".join(f"({letter})" for letter in letters)


class Donor(models.Model):
    STATE, INTERGOVERNMENTAL, PRIVATE, OTHER = "state", "intergovernmental", "private", "other"
    KINDS = [
        (STATE, _("State")),
        (INTERGOVERNMENTAL, _("intergovernmental organization")),
        (PRIVATE, _("private donor")),
        (OTHER, _("other")),
    ]

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS)
    state = models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="state",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="donors",
        verbose_name=_("State"),
        help_text=_("for a State donor: the State"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("donor")
        verbose_name_plural = _("donors")
        constraints = [
            models.UniqueConstraint(fields=["state"], name="one_donor_per_state"),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="state", state__isnull=False)
                    | (~models.Q(kind="state") & models.Q(state__isnull=True))
                ),
                name="donor_state_iff_state_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.kind == self.STATE and not self.state_id:
            raise ValidationError({"state": gettext("a State donor names its State")})
        if self.kind != self.STATE and self.state_id:
            raise ValidationError({"state": gettext("only a State donor names a State")})


class Fund(models.Model):
    """A global programme, the fund for victims (84(a)), a project's own account, or the unearmarked pool."""

    GLOBAL_PROGRAMME, VICTIMS, PROJECT, UNEARMARKED = "global_programme", "victims", "project", "unearmarked"
    KINDS = [
        (GLOBAL_PROGRAMME, _("global programme")),
        (VICTIMS, _("fund for victims (84(a))")),
        (PROJECT, _("project")),
        (UNEARMARKED, _("unearmarked")),
    ]

    key = models.CharField(_("key"), max_length=60, unique=True, validators=[validate_fund_key])
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS)
    chapter = models.CharField(
        _("area (chapter)"),
        max_length=5,
        blank=True,
        validators=[validate_chapter],
        help_text=_("the chapter of the plan it is earmarked for, by its Roman numeral (IV: corruption)"),
    )
    region = models.CharField(
        _("region"),
        max_length=60,
        blank=True,
        help_text=_("the region or sub-region it is earmarked for (UN M49), e.g. Western Africa"),
    )
    provisions = models.JSONField(
        _("provisions of the plan"),
        default=list,
        blank=True,
        validators=[validate_paths],
        help_text=_('the provisions that ask for it, by path: ["44/i"]'),
    )
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("fund or programme")
        verbose_name_plural = _("funds and programmes")

    def __str__(self) -> str:
        return self.name

    @property
    def citations(self) -> list[str]:
        return [citation(path) for path in self.provisions]


class Pledge(models.Model):
    """Money promised to a fund: not yet received, never in the balance."""

    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, related_name="pledges", verbose_name=_("donor"))
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="pledges", verbose_name=_("fund"))
    amount = models.DecimalField(_("amount"), **AMOUNT)
    currency = models.CharField(_("currency"), max_length=3, validators=[validate_currency])
    date = models.DateField(_("date pledged"))
    chapter = models.CharField(_("earmarked area (chapter)"), max_length=5, blank=True, validators=[validate_chapter])
    region = models.CharField(_("earmarked region"), max_length=60, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        indexes = [models.Index(fields=["fund", "date"])]

    def __str__(self) -> str:
        return f"{self.donor} → {self.fund}: {self.amount} {self.currency} ({self.date})"


class Contribution(models.Model):
    """Money received by a fund (+ to its balance in that currency)."""

    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, related_name="contributions", verbose_name=_("donor"))
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="contributions", verbose_name=_("fund"))
    pledge = models.ForeignKey(
        Pledge,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("pledge paid"),
    )
    amount = models.DecimalField(_("amount"), **AMOUNT)
    currency = models.CharField(_("currency"), max_length=3, validators=[validate_currency])
    date = models.DateField(_("date received"))
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        indexes = [models.Index(fields=["fund", "date"]), models.Index(fields=["donor", "date"])]

    def __str__(self) -> str:
        return f"{self.donor} → {self.fund}: {self.amount} {self.currency} ({self.date})"


class Disbursement(models.Model):
    """Money paid from a fund to a project (− from its balance in that currency)."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="disbursements", verbose_name=_("fund"))
    project = models.ForeignKey(
        "assistance.Project", on_delete=models.PROTECT, related_name="disbursements", verbose_name=_("project")
    )
    amount = models.DecimalField(_("amount"), **AMOUNT)
    currency = models.CharField(_("currency"), max_length=3, validators=[validate_currency])
    date = models.DateField(_("date paid"))
    purpose = models.TextField(_("purpose"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        indexes = [models.Index(fields=["fund", "date"]), models.Index(fields=["project", "date"])]

    def __str__(self) -> str:
        return f"{self.fund} → {self.project_id}: {self.amount} {self.currency} ({self.date})"


class ExchangeRate(models.Model):
    """What one unit of a currency was worth in US dollars on a date, as an operator entered it."""

    currency = models.CharField(_("currency"), max_length=3, validators=[validate_currency])
    rate = models.DecimalField(
        _("rate to USD"),
        max_digits=20,
        decimal_places=8,
        validators=[MinValueValidator(Decimal("0.00000001"))],
        help_text=_("US dollars for one unit of the currency"),
    )
    date = models.DateField(_("date"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["currency", "-date"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [models.UniqueConstraint(fields=["currency", "date"], name="one_rate_per_currency_and_date")]

    def __str__(self) -> str:
        return f"1 {self.currency} = {self.rate} USD ({self.date})"
