"""Storage of the collection: the directory of competent national authorities per State and purpose
(57(i), mutual legal assistance, extradition, trafficking, asset recovery); contact details for
signed-in officials only.

An `Authority` is a body of a State designated for one purpose (`directory.PURPOSES`, each with the
instrument and article that ask for it), keyed by the Secretariat's `key` (unique per State: the CSV
import matches on State and key), with the provisions of the plan it serves (`AuthorityProvision`,
by path). How to reach it is a separate `AuthorityContact`, so that nothing shown to the public
reads it by accident: only those allowed `authority.contacts` (accounts.permissions) see it. Every
change is kept in history (simple-history), the contacts' too.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..models import validate_key, validate_language, validate_path
from . import directory

PURPOSE_CHOICES = [(code, purpose.label) for code, purpose in directory.PURPOSES.items()]


def validate_languages(value: str) -> None:
    codes, problems = directory.split_languages(value)
    if problems or not codes:
        raise ValidationError("; ".join(problems) or gettext("at least one language, e.g. en; fr"))


def validate_telephone(value: str) -> None:
    if not directory.TELEPHONE.fullmatch(value):
        raise ValidationError(gettext("not a telephone number such as +41 58 462 11 11"))


def validate_email(value: str) -> None:
    if not directory.EMAIL.fullmatch(value):
        raise ValidationError(gettext("not one e-mail address such as central.authority@example.org"))


def validate_time_zone(value: str) -> None:
    if not directory.is_time_zone(value):
        raise ValidationError(gettext("not an IANA time zone such as Europe/Vienna or America/New_York"))


class Authority(models.Model):
    """A body of a State designated for one purpose; the public sees that it exists."""

    # What accounts.permissions' rule for authority.contacts looks for on the object it is given.
    record_type = "authority"

    state = models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="state",
        on_delete=models.PROTECT,
        related_name="authorities",
        verbose_name=_("State"),
    )
    key = models.CharField(
        _("key"),
        max_length=directory.KEY_MAX,
        validators=[validate_key],
        help_text=_("the Secretariat's key for the authority, unique per State (letters, digits, dots, dashes)"),
    )
    purpose = models.CharField(_("purpose"), max_length=30, choices=PURPOSE_CHOICES)
    name_en = models.TextField(_("name in English"))
    name_original = models.TextField(_("name in the original language"))
    language = models.CharField(
        _("language"),
        max_length=2,
        validators=[validate_language],
        help_text=_("the language of the original name, ISO 639-1 (es, fr, de …)"),
    )
    request_languages = models.CharField(
        _("languages accepted for requests"),
        max_length=200,
        validators=[validate_languages],
        help_text=_("ISO 639-1 codes separated by semicolons: en; fr"),
    )
    description = models.TextField(_("description"), blank=True, help_text=_("what it does (required for other)"))
    published = models.BooleanField(
        _("published"), default=False, help_text=_("an authority not published is a draft the public does not see")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state_id", "purpose", "key"]
        verbose_name = _("competent national authority")
        verbose_name_plural = _("competent national authorities")
        constraints = [models.UniqueConstraint(fields=["state", "key"], name="unique_authority_key_per_state")]
        indexes = [models.Index(fields=["purpose", "state"])]

    def __str__(self) -> str:
        return f"{self.state_id} {self.key}: {self.name_en[:80]}"

    @property
    def instrument(self) -> str:
        return directory.PURPOSES[self.purpose].instrument if self.purpose in directory.PURPOSES else ""

    @property
    def article(self) -> str:
        return directory.PURPOSES[self.purpose].article if self.purpose in directory.PURPOSES else ""

    @property
    def request_language_codes(self) -> list[str]:
        return directory.split_languages(self.request_languages)[0]

    def clean(self) -> None:
        if self.purpose == directory.OTHER and not self.description.strip():
            raise ValidationError({"description": gettext("required when the purpose is other")})


class AuthorityProvision(models.Model):
    """A provision of the plan the authority serves, by its path."""

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="provisions", verbose_name=_("authority")
    )
    path = models.CharField(
        _("provision"), max_length=40, validators=[validate_path], help_text=_("the provision's path in the plan: 57/i")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["authority", "path"]
        verbose_name = _("provision of the plan")
        verbose_name_plural = _("provisions of the plan")
        constraints = [models.UniqueConstraint(fields=["authority", "path"], name="unique_authority_provision")]
        indexes = [models.Index(fields=["path"])]

    def __str__(self) -> str:
        return self.path


class AuthorityContact(models.Model):
    """How to reach an authority: for those allowed authority.contacts only. A post, not a person."""

    authority = models.OneToOneField(
        Authority, on_delete=models.CASCADE, related_name="contact", verbose_name=_("authority")
    )
    address = models.TextField(_("address"), blank=True)
    telephone = models.CharField(_("telephone"), max_length=60, blank=True, validators=[validate_telephone])
    fax = models.CharField(_("fax"), max_length=60, blank=True, validators=[validate_telephone])
    email = models.CharField(_("e-mail"), max_length=254, blank=True, validators=[validate_email])
    hours = models.CharField(_("office hours"), max_length=directory.LINE_MAX, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=60, blank=True, validators=[validate_time_zone])
    contact_title = models.CharField(
        _("title of the contact"),
        max_length=directory.LINE_MAX,
        blank=True,
        help_text=_("the post to address (Head of the Central Authority Unit), not a person's name"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contact details")
        verbose_name_plural = _("contact details")

    def __str__(self) -> str:
        return gettext("contact details of %(authority)s") % {"authority": self.authority_id}
