"""Shapes of the plan's JSON API (plan/api.py): query parameters, responses, and how a model
becomes its response. Field names are the API's contract."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Field, Schema

from viennaplan.dates import long_date

from .models import Note, Objective, PlanVersion, Provision


class VersionOut(Schema):
    id: int
    title: str
    symbol: str
    date: date | None
    body: str
    session: str
    agenda_item: str
    original_language: str
    checksum: str
    source_name: str
    imported_at: datetime
    current: bool


class CountsOut(Schema):
    chapters: int
    objectives: int
    paragraphs: int
    provisions: int
    notes: int
    deadlines: int


class PlanOut(Schema):
    version: VersionOut
    summary: list[str]
    counts: CountsOut
    versions: list[VersionOut]


class ChapterHeading(Schema):
    """What names a chapter and where it stands; the chapter list and a chapter's page add to it."""

    number: str
    ordinal: int
    title: str
    first_paragraph: int
    last_paragraph: int
    page: int | None


class ChapterOut(ChapterHeading):
    objectives: int
    api_url: str
    url: str


class ObjectiveOut(Schema):
    chapter: str
    number: int
    numbered: bool
    text: str
    notes: list[int]


class ProvisionRef(Schema):
    """Enough to name and link a provision."""

    path: str
    citation: str
    api_url: str
    url: str


class ProvisionSummary(ProvisionRef):
    paragraph: int
    label: str
    depth: int
    chapter: str
    kind: str
    section: str | None
    actor: str | None
    text: str


class ChapterDetailOut(ChapterHeading):
    notes: list[int]
    objectives: list[ObjectiveOut]
    paragraphs: list[ProvisionSummary]
    url: str


class NoteOut(Schema):
    number: int
    text: str
    api_url: str
    url: str


class NoteDetailOut(NoteOut):
    provisions: list[ProvisionRef]
    chapters: list[str]
    objectives: list[str]  # "VI objective 1"


class ReferenceOut(Schema):
    kind: str
    text: str
    target: str
    start: int
    end: int


class DeadlineOut(Schema):
    text: str
    start: date | None
    end: date | None
    precision: str
    note: str


class DatedProvisionOut(DeadlineOut):
    provision: ProvisionRef
    chapter: str
    kind: str


class ActorOut(Schema):
    code: str
    name: str
    kind: str


class CrumbOut(Schema):
    label: str
    url: str


class ProvisionDetailOut(ProvisionSummary):
    version: int
    full_text: str
    chapter_title: str
    parent: ProvisionRef | None
    children: list[ProvisionSummary]
    breadcrumbs: list[CrumbOut]
    cite: str
    notes: list[NoteOut]
    references: list[ReferenceOut]
    deadlines: list[DeadlineOut]
    actor_detail: ActorOut | None
    partners: list[ActorOut]
    objectives: list[ObjectiveOut]
    subject_to_resources: bool
    upon_request: bool
    source_lines: list[int]


class SearchHitOut(Schema):
    path: str
    citation: str
    chapter: str
    kind: str
    snippet: str  # HTML: matched words in <mark>, everything else escaped
    rank: float
    api_url: str
    url: str


# ---------------------------------------------------------------------------------------------
# query parameters and builders

API_ROOT = "/api/plan"
Kind = Literal[
    "background",
    "summary",
    "commitments",
    "objective",
    "national_action",
    "international_action",
    "expected_impact",
]
Scope = Literal["national", "international"]
CHAPTER_PATTERN = r"^[IVXivx]{1,5}$"
VERSION_DESCRIPTION = "plan version id (default: the current version); see GET /api/plan"


class VersionFilter(Schema):
    version: int | None = Field(None, ge=1, description=VERSION_DESCRIPTION)


class ProvisionFilters(VersionFilter):
    chapter: str | None = Field(None, pattern=CHAPTER_PATTERN, description="chapter number, e.g. VI")
    kind: Kind | None = Field(None, description="kind of provision")
    actor: str | None = Field(None, max_length=40, description="actor code, e.g. member-states")
    scope: Scope | None = Field(None, description="national or international actions")
    paragraph: int | None = Field(None, ge=1, description="paragraph number: the paragraph and its items")


class SearchFilters(VersionFilter):
    q: str = Field("", max_length=300, description="words to find (all required; word* for a prefix)")
    chapter: str | None = Field(None, pattern=CHAPTER_PATTERN)
    scope: Scope | None = None
    actor: str | None = Field(None, max_length=40)
    limit: int = Field(50, ge=1, le=200)


class Links:
    """Site and API URLs for one request, keeping ?version= when the client gave it."""

    def __init__(self, version: PlanVersion, pinned: bool) -> None:
        self.suffix = f"?version={version.pk}" if pinned else ""

    def api(self, path: str) -> str:
        return f"{API_ROOT}/{path}{self.suffix}"

    def site(self, path: str) -> str:
        return f"{path}{self.suffix}"

    def provision_ref(self, provision: Provision) -> ProvisionRef:
        return ProvisionRef(
            path=provision.path,
            citation=provision.citation,
            api_url=self.api(f"provisions/{provision.path}"),
            url=self.site(provision.get_absolute_url()),
        )

    def provision_summary(self, provision: Provision) -> ProvisionSummary:
        return ProvisionSummary(
            **self.provision_ref(provision).model_dump(),
            paragraph=provision.paragraph,
            label=provision.label,
            depth=provision.depth,
            chapter=provision.chapter.number,
            kind=provision.kind,
            section=provision.section or None,
            actor=provision.actor.code if provision.actor else None,
            text=provision.text,
        )

    def note(self, note: Note) -> NoteOut:
        return NoteOut(
            number=note.number,
            text=note.text,
            api_url=self.api(f"notes/{note.number}"),
            url=self.site(f"/plan/notes/{note.number}"),
        )


def version_out(version: PlanVersion, current: PlanVersion | None) -> VersionOut:
    return VersionOut(
        id=version.pk,
        title=version.title,
        symbol=version.symbol,
        date=version.date,
        body=version.body,
        session=version.session,
        agenda_item=version.agenda_item,
        original_language=version.original_language,
        checksum=version.checksum,
        source_name=version.source_name,
        imported_at=version.imported_at,
        current=current is not None and version.pk == current.pk,
    )


def objective_out(objective: Objective) -> ObjectiveOut:
    return ObjectiveOut(
        chapter=objective.chapter.number,
        number=objective.number,
        numbered=objective.numbered,
        text=objective.text,
        notes=sorted(note.number for note in objective.notes.all()),
    )


def canonical_path(raw: str) -> str:
    """57/k/ii from 57/k/ii, 57(k)(ii) or 57/K/II/."""
    text = re.sub(r"\(([^()/]*)\)", r"/\1", raw.strip().strip("/")).lower()
    return "/".join(part.strip() for part in text.split("/") if part.strip())


def cite_line(provision: Provision) -> str:
    """How to cite the provision: title (date), symbol, para. 57(k)(ii)."""
    version = provision.version
    title = version.title.split(":")[0].strip() or "Plans of Action"
    when = f" ({long_date(version.date)})" if version.date else ""  # the date in the reader's language
    symbol = f", {version.symbol}" if version.symbol else ""
    return _("%(document)s, para. %(citation)s") % {
        "document": f"{title}{when}{symbol}",
        "citation": provision.citation,
    }
