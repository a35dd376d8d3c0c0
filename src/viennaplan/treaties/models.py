"""Storage of treaty status: the instruments (their rules as data), the dated actions of States,
and their declarations and reservations.

The engine (`treaties.engine`) works on plain records (`treaties.records`); the converters
here (`Instrument.to_rules`, `TreatyAction.to_action`) turn rows into those records. The
Instrument table mirrors `treaties.rules.INSTRUMENTS`: it is brought up to date after every
`migrate` (see `apps.py`), so a rule changed in code reaches the database without a migration.
Every change to an action, declaration or reservation is kept in history (simple-history).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models
from simple_history.models import HistoricalRecords

from .records import ACTION_KINDS, InstrumentRules, SignatureWindow
from .records import Action as ActionRecord

ACTION_CHOICES = [(kind, kind.replace("_", " ")) for kind in ACTION_KINDS]


class Instrument(models.Model):
    """One treaty: its final clauses as data (a mirror of `records.InstrumentRules`)."""

    code = models.CharField(max_length=20, unique=True)
    name = models.TextField()
    short_name = models.CharField(max_length=120)
    position = models.PositiveSmallIntegerField(default=0, help_text="order in lists")
    adopted = models.DateField()
    adopted_by = models.CharField(max_length=200, blank=True)
    threshold = models.PositiveSmallIntegerField(help_text="instruments needed for the general entry into force")
    general_delay_days = models.PositiveSmallIntegerField()
    later_delay_days = models.PositiveSmallIntegerField()
    later_whichever_is_later = models.BooleanField(default=False)
    consent_kinds = models.JSONField(default=list)
    parent = models.ForeignKey(
        "self", to_field="code", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    counts_organizations = models.BooleanField(default=False)
    organizations_may_join = models.BooleanField(default=True)
    signature_windows = models.JSONField(default=list, blank=True, help_text='[{"opens", "closes", "place"}]')
    denunciation_delay_months = models.PositiveSmallIntegerField(null=True, blank=True)
    denunciation_delay_days = models.PositiveSmallIntegerField(null=True, blank=True)
    denunciation_cascades_to_children = models.BooleanField(default=False)
    official_entry_into_force = models.DateField(null=True, blank=True)
    articles = models.JSONField(default=dict, blank=True)
    interpretations = models.JSONField(default=list, blank=True)
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.short_name}"

    def get_absolute_url(self) -> str:
        return f"/treaties/{self.code}"

    def to_rules(self) -> InstrumentRules:
        return InstrumentRules(
            code=self.code,
            name=self.name,
            short_name=self.short_name,
            adopted=self.adopted,
            adopted_by=self.adopted_by,
            threshold=self.threshold,
            general_delay_days=self.general_delay_days,
            later_delay_days=self.later_delay_days,
            later_whichever_is_later=self.later_whichever_is_later,
            consent_kinds=tuple(self.consent_kinds),
            parent=self.parent_id,
            counts_organizations=self.counts_organizations,
            organizations_may_join=self.organizations_may_join,
            signature_windows=tuple(
                SignatureWindow(date.fromisoformat(w["opens"]), date.fromisoformat(w["closes"]), w.get("place", ""))
                for w in self.signature_windows
            ),
            denunciation_delay_months=self.denunciation_delay_months,
            denunciation_delay_days=self.denunciation_delay_days,
            denunciation_cascades_to_children=self.denunciation_cascades_to_children,
            official_entry_into_force=self.official_entry_into_force,
            articles=dict(self.articles),
            interpretations=tuple(self.interpretations),
            source=self.source,
        )

    @staticmethod
    def fields_from_rules(rules: InstrumentRules) -> dict[str, Any]:
        """The row's fields for `rules` (parent as its code)."""
        return {
            "name": rules.name,
            "short_name": rules.short_name,
            "adopted": rules.adopted,
            "adopted_by": rules.adopted_by,
            "threshold": rules.threshold,
            "general_delay_days": rules.general_delay_days,
            "later_delay_days": rules.later_delay_days,
            "later_whichever_is_later": rules.later_whichever_is_later,
            "consent_kinds": list(rules.consent_kinds),
            "parent_id": rules.parent,
            "counts_organizations": rules.counts_organizations,
            "organizations_may_join": rules.organizations_may_join,
            "signature_windows": [
                {"opens": w.opens.isoformat(), "closes": w.closes.isoformat(), "place": w.place}
                for w in rules.signature_windows
            ],
            "denunciation_delay_months": rules.denunciation_delay_months,
            "denunciation_delay_days": rules.denunciation_delay_days,
            "denunciation_cascades_to_children": rules.denunciation_cascades_to_children,
            "official_entry_into_force": rules.official_entry_into_force,
            "articles": dict(rules.articles),
            "interpretations": list(rules.interpretations),
            "source": rules.source,
        }


class TreatyImport(models.Model):
    """One imported status list: where it came from and what the import reported."""

    source_name = models.CharField(max_length=300)
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the file")
    rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0, help_text="actions added")
    skipped = models.PositiveIntegerField(default=0, help_text="rows already on file")
    notes = models.JSONField(default=list, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source_name} ({self.imported_at:%Y-%m-%d %H:%M})"


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
    source = models.CharField(max_length=300, blank=True, help_text="depositary notification, or file and row")
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

    KIND_CHOICES = [("declaration", "declaration"), ("reservation", "reservation"), ("objection", "objection")]
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
