"""Storage of the plan: one PlanVersion per imported text, and its tree of provisions.

The structure mirrors `plan.document` (the parser's plain data); `plan.saving` and
`plan.loading` convert between the two. A new text (say, the plans as finally adopted) becomes a new version next
to the old ones; the newest is the current one that the site shows by default.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .document import PARAGRAPH_KINDS, SECTION_CODES

# The label of each kind of provision (a KeyError below: a kind added to PARAGRAPH_KINDS without its label).
PROVISION_KIND_LABELS = {
    "background": _("background"),
    "summary": _("summary"),
    "commitments": _("commitments"),
    "objective": _("objective"),
    "national_action": _("national action"),
    "international_action": _("international action"),
    "expected_impact": _("expected impact"),
}


class PlanVersion(models.Model):
    title = models.TextField()
    symbol = models.CharField(max_length=60, blank=True)
    date = models.DateField(null=True, blank=True)
    body = models.CharField(max_length=200, blank=True)
    session = models.TextField(blank=True)
    agenda_item = models.TextField(blank=True)
    original_language = models.CharField(max_length=40, blank=True)
    summary = models.JSONField(default=list, blank=True)
    front_notes = models.JSONField(default=list, blank=True)
    checksum = models.CharField(
        max_length=64,
        unique=True,
        help_text=_("SHA-256 of the plan's content: its JSON export with the checksum left empty"),
    )
    source_name = models.CharField(max_length=300, blank=True)
    source_text = models.TextField(blank=True)
    report = models.JSONField(default=dict, blank=True, help_text=_("repairs and discarded page furniture"))
    imported_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    # The fields of a `document.PlanDocument` that a version stores as they are (saving and loading copy them).
    DOCUMENT_FIELDS = ("title", "symbol", "date", "body", "session", "agenda_item", "original_language", "checksum")

    class Meta:
        ordering = ["-imported_at", "-id"]
        get_latest_by = "imported_at"

    def __str__(self) -> str:
        label = self.symbol or (self.date.isoformat() if self.date else f"#{self.pk}")
        return f"{self.title[:60]} ({label})"

    @classmethod
    def current(cls) -> PlanVersion | None:
        """The version the site shows by default: the most recently imported."""
        return cls.objects.order_by("-imported_at", "-id").first()


class Actor(models.Model):
    """Who is to carry out an action: Member States, the Centre, the Office, ..."""

    KIND_CHOICES = [("states", _("States")), ("un", _("United Nations entity")), ("other", _("Other"))]
    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=KIND_CHOICES, default="other")
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The name in the reader's language (`name` keeps the English one, as the plan's data)."""
        from .actors import actor_name

        return actor_name(self.code, self.name)


class Note(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="notes")
    number = models.PositiveIntegerField()
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "number"]
        constraints = [models.UniqueConstraint(fields=["version", "number"], name="unique_note_number")]

    def __str__(self) -> str:
        return f"Note {self.number}"


class Chapter(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="chapters")
    number = models.CharField(max_length=5)  # Roman numeral
    ordinal = models.PositiveSmallIntegerField()
    title = models.TextField()
    first_paragraph = models.PositiveIntegerField()
    last_paragraph = models.PositiveIntegerField()
    page = models.PositiveIntegerField(null=True, blank=True)
    notes = models.ManyToManyField(Note, blank=True, related_name="chapters")

    class Meta:
        ordering = ["version", "ordinal"]
        constraints = [models.UniqueConstraint(fields=["version", "number"], name="unique_chapter_number")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Objective(models.Model):
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField()
    numbered = models.BooleanField(default=True)
    text = models.TextField()
    notes = models.ManyToManyField(Note, blank=True, related_name="objectives")

    class Meta:
        ordering = ["chapter", "number"]
        constraints = [models.UniqueConstraint(fields=["chapter", "number"], name="unique_objective_number")]

    def __str__(self) -> str:
        return f"{self.chapter.number} objective {self.number}"


class Provision(models.Model):
    """A numbered paragraph, or one of its lettered items or sub-items."""

    KIND_CHOICES = [(kind, PROVISION_KIND_LABELS[kind]) for kind in PARAGRAPH_KINDS]
    SECTION_CHOICES = [(code, code) for code in SECTION_CODES]

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="provisions")
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="provisions")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    paragraph = models.PositiveIntegerField(db_index=True)
    path = models.CharField(max_length=40, help_text=_("57, 57/k or 57/k/ii: the URL under /plan/"))
    citation = models.CharField(max_length=40, help_text=_("as the document cites it: 57(k)(ii)"))
    label = models.CharField(max_length=10, blank=True, help_text=_("k or ii; empty for a paragraph"))
    depth = models.PositiveSmallIntegerField(default=0)
    position = models.PositiveIntegerField(help_text=_("order in the document"))
    kind = models.CharField(max_length=30, choices=KIND_CHOICES)
    section = models.CharField(max_length=20, choices=SECTION_CHOICES, blank=True)
    text = models.TextField()
    full_text = models.TextField(help_text=_("the provision with its items, for search"))
    objectives = models.ManyToManyField(Objective, blank=True, related_name="provisions")
    notes = models.ManyToManyField(Note, blank=True, related_name="provisions")
    actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="provisions")
    partners = models.ManyToManyField(Actor, blank=True, related_name="partner_provisions")
    subject_to_resources = models.BooleanField(default=False)
    upon_request = models.BooleanField(default=False)
    source_first_line = models.PositiveIntegerField(default=0)
    source_last_line = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["full_text"])

    class Meta:
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "path"], name="unique_provision_path")]
        indexes = [models.Index(fields=["version", "kind"]), models.Index(fields=["version", "paragraph"])]

    def __str__(self) -> str:
        return self.citation

    def get_absolute_url(self) -> str:
        return f"/plan/{self.path}"

    @property
    def is_action(self) -> bool:
        return self.kind in {"national_action", "international_action"}


class Reference(models.Model):
    KIND_CHOICES = [
        ("declaration", _("Vienna Declaration paragraph")),
        ("resolution", _("resolution")),
        ("instrument", _("instrument")),
        ("document", _("document")),
    ]
    provision = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="references")
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    text = models.TextField()
    target = models.CharField(max_length=100, db_index=True)
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["provision", "start", "id"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.target}"


class Deadline(models.Model):
    PRECISION_CHOICES = [(p, p) for p in ("day", "month", "year", "early-year", "session", "period")]
    provision = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="deadlines")
    text = models.CharField(max_length=200)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=12, choices=PRECISION_CHOICES)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["end", "provision__position"]

    def __str__(self) -> str:
        return f"{self.provision.citation}: {self.text}"


class PlanStamp(models.Model):
    """One row (id 1) whose number is drawn anew, in the writer's transaction, by every change to the
    plan's tables (`plan.kept`: the models' signals, and `saving.save_document` for its bulk inserts),
    so that a process can tell whether the API answers it keeps are still those of the plan on file."""

    id = models.PositiveSmallIntegerField(primary_key=True)
    number = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"plan stamp {self.number}"
