"""Storage of treaty status: the dated actions of States, their declarations and reservations,
and the registry of instruments they point at.

The instruments' rules are code (`treaties.rules.INSTRUMENTS`), read from there by the engine,
the pages, the API and the importer. The Instrument table is only the registry that the actions'
foreign key and the admin need (code, names, display order): it is brought up to date from the
code after every `migrate` (see `apps.py`). `to_action` turns a stored action into the engine's
plain record. Every change to an action, declaration or reservation is kept in history
(simple-history).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .records import ACTION_KINDS, InstrumentRules
from .records import Action as ActionRecord

# The label of each kind of action (a KeyError here: a kind added to ACTION_KINDS without its label).
ACTION_LABELS = {
    "signature": _("signature"),
    "ratification": _("ratification"),
    "acceptance": _("acceptance"),
    "approval": _("approval"),
    "accession": _("accession"),
    "succession": _("succession"),
    "formal_confirmation": _("formal confirmation"),
    "denunciation": _("denunciation"),
}
ACTION_CHOICES = [(kind, ACTION_LABELS[kind]) for kind in ACTION_KINDS]


class Instrument(models.Model):
    """One treaty in the registry; its rules are `rules` (read from `treaties.rules`)."""

    code = models.CharField(max_length=20, unique=True)
    name = models.TextField()
    short_name = models.CharField(max_length=120)
    position = models.PositiveSmallIntegerField(default=0, help_text=_("order in lists"))

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.short_name}"

    def get_absolute_url(self) -> str:
        return f"/treaties/{self.code}"

    @property
    def rules(self) -> InstrumentRules | None:
        """The instrument's rules as declared in code; None for a row the code no longer declares."""
        from .rules import INSTRUMENTS

        return INSTRUMENTS.get(self.code)


class TreatyImport(models.Model):
    """One imported status list: where it came from and what the import reported."""

    source_name = models.CharField(max_length=300)
    checksum = models.CharField(max_length=64, help_text=_("SHA-256 of the file"))
    rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0, help_text=_("actions added"))
    skipped = models.PositiveIntegerField(default=0, help_text=_("rows already on file"))
    notes = models.JSONField(default=list, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source_name} ({self.imported_at:%Y-%m-%d %H:%M})"


class DepositaryList(models.Model):
    """A depositary status list of one instrument on file: the date the depositary listed it, where
    it was read, and whether it is the whole list (every action up to `listed_on`) or a few later
    actions only. Status is "as listed by the depositary on" the latest complete list's date
    (`treaties.listing`); recorded by `viennaplan treaties load-shipped` and by `treaties import
    --complete`."""

    instrument = models.ForeignKey(
        Instrument, to_field="code", db_column="instrument", on_delete=models.PROTECT, related_name="lists"
    )
    listed_on = models.DateField(help_text=_("the date of the depositary's list (of its latest action, if partial)"))
    source = models.CharField(max_length=300)
    complete = models.BooleanField(help_text=_("every action up to listed_on, not only some later ones"))
    batch = models.ForeignKey(
        TreatyImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="lists", editable=False
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["instrument__position", "-listed_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "listed_on", "complete"], name="unique_depositary_list")
        ]

    def __str__(self) -> str:
        whole = "complete" if self.complete else "partial"
        return f"{self.instrument_id} as listed on {self.listed_on} ({whole})"


class TreatyAction(models.Model):
    """One dated act of a State or organization toward an instrument, as the depositary records it."""

    state = models.ForeignKey(
        "countries.Country",
        to_field="alpha3",
        db_column="state",
        on_delete=models.PROTECT,
        related_name="treaty_actions",
    )
    instrument = models.ForeignKey(
        Instrument, to_field="code", db_column="instrument", on_delete=models.PROTECT, related_name="actions"
    )
    kind = models.CharField(max_length=20, choices=ACTION_CHOICES)
    date = models.DateField()
    source = models.CharField(max_length=300, blank=True, help_text=_("depositary notification, or file and row"))
    note = models.TextField(blank=True)
    batch = models.ForeignKey(
        TreatyImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions", editable=False
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["instrument__position", "state", "date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["state", "instrument", "kind", "date"], name="unique_treaty_action")
        ]
        indexes = [models.Index(fields=["instrument", "date"])]

    def __str__(self) -> str:
        return f"{self.state_id} {self.instrument_id} {self.get_kind_display()} {self.date}"

    def to_action(self) -> ActionRecord:
        return to_action(self)


def to_action(row: TreatyAction) -> ActionRecord:
    """The engine's record of a stored action."""
    return ActionRecord(
        state=row.state_id, instrument=row.instrument_id, kind=row.kind, date=row.date, source=row.source
    )


class Declaration(models.Model):
    """A declaration, reservation or objection made by a State under an instrument."""

    KIND_CHOICES = [("declaration", _("declaration")), ("reservation", _("reservation")), ("objection", _("objection"))]
    state = models.ForeignKey(
        "countries.Country", to_field="alpha3", db_column="state", on_delete=models.PROTECT, related_name="declarations"
    )
    instrument = models.ForeignKey(
        Instrument, to_field="code", db_column="instrument", on_delete=models.PROTECT, related_name="declarations"
    )
    kind = models.CharField(max_length=12, choices=KIND_CHOICES)
    text = models.TextField()
    date = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["instrument__position", "state", "date", "id"]

    def __str__(self) -> str:
        return f"{self.state_id} {self.instrument_id} {self.kind}"
