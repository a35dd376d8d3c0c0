"""Countries as the UN names and groups them: States (and the European Union) with their codes,
names in the six official languages, regions, regional groups, LDC/LLDC/SIDS status over time,
the names the depositary has used, former States, and membership of the European Union.

All of it is loaded from the CSV files in `data/` by `viennaplan countries load` (and after every
`migrate`); edit the files, not the rows. Every `__str__` is the UN English name.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from .datafiles import GROUPS, KINDS, LANGUAGES, STATUS_LISTS

LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "ru": "Russian", "zh": "Chinese", "ar": "Arabic"}


class Country(models.Model):
    """A State, or the European Union (kind "organization"), keyed by ISO 3166-1 alpha-3."""

    KIND_CHOICES = list(KINDS.items())
    alpha3 = models.CharField(max_length=3, primary_key=True, help_text=_("ISO 3166-1 alpha-3; EUU for the EU"))
    # Empty (NULL, so that several can coexist under the unique constraint) only for an entity the data
    # files do not list: the synthetic reporting entities of the benchmarks' data set (bench/generate.py).
    alpha2 = models.CharField(max_length=2, unique=True, null=True, blank=True)
    m49 = models.CharField(_("M49"), max_length=3, blank=True, help_text=_("UN M49 numerical code, e.g. 756"))
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, db_index=True)
    un_member_since = models.DateField(_("UN Member since"), null=True, blank=True)
    region = models.CharField(max_length=60, blank=True, db_index=True)
    region_m49 = models.CharField(max_length=3, blank=True)
    subregion = models.CharField(max_length=60, blank=True)
    subregion_m49 = models.CharField(max_length=3, blank=True)
    intermediate_region = models.CharField(max_length=60, blank=True)
    intermediate_region_m49 = models.CharField(max_length=3, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_es = models.CharField(_("name (Spanish)"), max_length=120)
    name_ru = models.CharField(_("name (Russian)"), max_length=120)
    name_zh = models.CharField(_("name (Chinese)"), max_length=120)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120)
    formal_name_en = models.CharField(_("formal name (English)"), max_length=160, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"/countries/{self.alpha3}"

    @property
    def name(self) -> str:
        """The UN name in the reader's language (the active one; English outside the six)."""
        from .registry import reader_language

        return self.name_in(reader_language())

    @property
    def is_state(self) -> bool:
        return self.kind != "organization"

    def name_in(self, language: str) -> str:
        """The UN name in one of the six official languages ("en", "fr", "es", "ru", "zh", "ar")."""
        if language not in LANGUAGES:
            raise ValueError(f"{language!r} is not an official UN language ({', '.join(LANGUAGES)})")
        return str(getattr(self, f"name_{language}"))

    def names(self) -> list[tuple[str, str, str]]:
        """(language code, language name, UN name) in the six official languages."""
        return [(code, LANGUAGE_NAMES[code], self.name_in(code)) for code in LANGUAGES]


class RegionalGroupMembership(models.Model):
    """Membership of a UN regional group. `primary` marks the group a State is counted in for
    elections (Türkiye takes part in two groups and is counted in WEOG)."""

    GROUP_CHOICES = list(GROUPS.items())
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="regional_groups")
    group = models.CharField(max_length=30, choices=GROUP_CHOICES, db_index=True)
    primary = models.BooleanField(default=True)
    note = models.TextField(blank=True)
    source = models.TextField()

    class Meta:
        ordering = ["country__name_en", "-primary", "group"]
        constraints = [models.UniqueConstraint(fields=["country", "group"], name="unique_country_group")]

    def __str__(self) -> str:
        return f"{self.country.name_en}: {self.get_group_display()}"


class CountryStatus(models.Model):
    """A State on the list of least developed countries (ldc), landlocked developing countries
    (lldc) or small island developing States (sids), from `since` (empty: not recorded) until
    `until` (the day it left the list, e.g. its graduation; empty: still on it)."""

    LIST_CHOICES = list(STATUS_LISTS.items())
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="statuses")
    list = models.CharField(max_length=4, choices=LIST_CHOICES, db_index=True)
    since = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True, help_text=_("the day the State left the list (exclusive)"))
    source = models.TextField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["list", "country__name_en", "since"]
        verbose_name_plural = _("country statuses")

    def __str__(self) -> str:
        return f"{self.country.name_en}: {self.list.upper()}"

    def active_on(self, on: date) -> bool:
        return (self.since is None or self.since <= on) and (self.until is None or on < self.until)


class CountryName(models.Model):
    """A name the depositary has used, with the period it was used in (ends inclusive) and the
    code it resolves to: a current State or a former one (Predecessor)."""

    name = models.CharField(max_length=160)
    normalised = models.CharField(max_length=160, db_index=True)
    code = models.CharField(max_length=3, db_index=True, help_text=_("alpha-3 of a country or a former State"))
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["name", "valid_from"]

    def __str__(self) -> str:
        return self.name


class Predecessor(models.Model):
    """A former State whose name appears in historical lists: Yugoslavia, Serbia and Montenegro,
    Czechoslovakia, the USSR, the German Democratic Republic."""

    code = models.CharField(max_length=3, primary_key=True)
    name = models.CharField(max_length=120)
    m49 = models.CharField(_("M49"), max_length=3, blank=True)
    existed_from = models.DateField(null=True, blank=True)
    existed_to = models.DateField(help_text=_("its last day"))
    successors = models.JSONField(default=list, help_text=_("codes of the successor States (or former States)"))
    continued_by = models.CharField(max_length=3, blank=True, help_text=_("the successor continuing its personality"))
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganizationMembership(models.Model):
    """A State's membership of an organization (the European Union): `left` is its last day."""

    organization = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="members")
    member = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="organizations")
    joined = models.DateField()
    left = models.DateField(null=True, blank=True, help_text=_("the last day of membership"))
    source = models.TextField()

    class Meta:
        ordering = ["organization", "joined", "member__name_en"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "member", "joined"], name="unique_organization_membership")
        ]

    def __str__(self) -> str:
        return f"{self.member.name_en} in the {self.organization.name_en}"

    def active_on(self, on: date) -> bool:
        return self.joined <= on and (self.left is None or on <= self.left)
