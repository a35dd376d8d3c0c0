"""The structured plan as plain data: what the parser produces and the exporters consume.

No Django here. A `PlanDocument` is the whole text of one version of the Plans of Action:
its front matter, chapters with their objectives, the numbered paragraphs (each a tree of
lettered items and sub-items), the notes, and the import report that says what was repaired
or discarded on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Kinds of numbered paragraph, by the part of the document they stand in.
PARAGRAPH_KINDS = (
    "background",  # chapter I, and the "B. Background" sections
    "summary",  # chapter II
    "commitments",  # "A. Commitments"
    "objective",  # text standing under an objective before its actions (para. 25)
    "national_action",
    "international_action",
    "expected_impact",
)

SECTION_CODES = ("commitments", "background", "objectives")


@dataclass
class Reference:
    """Something the text points at: a Declaration paragraph, a resolution, an instrument, a document."""

    kind: str  # declaration | resolution | instrument | document
    text: str  # the words as they stand in the text
    target: str  # normalised: "VD 7(d)", "A/RES/55/25", "UNTOC", "E/CN.15/2001/4"
    start: int = 0  # character offsets in the provision's own text
    end: int = 0


@dataclass
class Deadline:
    """A date or period the text commits to, normalised where it can be."""

    text: str  # the phrase as it stands: "before the end of 2002"
    start: date | None  # first day of the period (None for "by X" with no start)
    end: date | None  # last day: the deadline itself
    precision: str  # day | month | year | early-year | session | period
    note: str = ""  # how the phrase was read, e.g. "General Assembly 56th session"


@dataclass
class Provision:
    """A numbered paragraph, a lettered item or a sub-item: one node of the plan's tree."""

    paragraph: int
    labels: tuple[str, ...]  # () for the paragraph, ("k",) for an item, ("k", "ii") for a sub-item
    text: str  # the provision's own words (its children excluded), note markers removed
    kind: str
    chapter: str  # Roman numeral, "I" to "XII"
    section: str | None = None  # commitments | background | objectives
    objectives: tuple[int, ...] = ()  # objective numbers within the chapter it serves
    children: list[Provision] = field(default_factory=list)
    note_refs: list[int] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    actor: str | None = None  # actor code, see actors.ACTORS
    partners: tuple[str, ...] = ()  # actors acting with the main one
    subject_to_resources: bool = False
    upon_request: bool = False
    source_lines: tuple[int, int] = (0, 0)  # first and last line of the text file it came from

    @property
    def citation(self) -> str:
        """As the document cites it: 57, 57(k), 57(k)(ii)."""
        return str(self.paragraph) + "".join(f"({label})" for label in self.labels)

    @property
    def path(self) -> str:
        """The stable URL path under /plan/: 57, 57/k, 57/k/ii."""
        return "/".join([str(self.paragraph), *self.labels])

    def walk(self):
        """This provision and every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def full_text(self) -> str:
        """The provision with its items, as one text (for search and display)."""
        return text_with_items(self.text, [(child.labels[-1], child.full_text()) for child in self.children])


def text_with_items(text: str, items: list[tuple[str, str]]) -> str:
    """A provision's words followed by its items as "(label) full text": the one rule for
    `Provision.full_text`, here and for the rows stored in the database."""
    return " ".join(part for part in [text, *(f"({label}) {item}" for label, item in items)] if part)


@dataclass
class Objective:
    chapter: str
    number: int  # 1 where the chapter states a single unnumbered "Objective."
    text: str
    numbered: bool = True  # False for a chapter's single "Objective."
    note_refs: list[int] = field(default_factory=list)


@dataclass
class Chapter:
    number: str  # Roman numeral
    title: str
    first_paragraph: int = 0
    last_paragraph: int = 0
    page: int | None = None  # page in the printed document, from the contents
    objectives: list[Objective] = field(default_factory=list)
    note_refs: list[int] = field(default_factory=list)

    @property
    def ordinal(self) -> int:
        return ROMAN.index(self.number) + 1


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class Note:
    number: int
    text: str
    marker: str = ""  # "*" for the front-matter footnote, else the number as text


@dataclass
class Repair:
    """A damage of the extracted text that the importer mended."""

    kind: str  # run-on-item, displaced-label, digit-for-letter, page-break-join, ...
    line: int
    message: str


@dataclass
class Discarded:
    """Text of the file that is not part of the plan (page furniture), with the reason."""

    line: int
    text: str
    reason: str


@dataclass
class ImportReport:
    repairs: list[Repair] = field(default_factory=list)
    discarded: list[Discarded] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def repair(self, kind: str, line: int, message: str) -> None:
        self.repairs.append(Repair(kind, line, message))

    def discard(self, line: int, text: str, reason: str) -> None:
        self.discarded.append(Discarded(line, text, reason))


@dataclass
class PlanDocument:
    title: str
    date: date | None
    body: str  # "Economic and Social Council"
    symbol: str  # official symbol where known, else ""
    session: str  # "Commission on Crime Prevention and Criminal Justice, Tenth session, Vienna, 8-17 May 2001"
    agenda_item: str
    original_language: str
    summary: list[str]  # the front-matter summary, paragraph by paragraph
    checksum: str  # SHA-256 of the plan's content, computed by `integrity.plan_checksum`
    chapters: list[Chapter]
    paragraphs: list[Provision]
    notes: list[Note]
    front_notes: list[Note] = field(default_factory=list)  # the "*" footnote of the cover page
    report: ImportReport = field(default_factory=ImportReport)

    def provisions(self):
        """Every provision (paragraphs, items, sub-items) in document order."""
        for paragraph in self.paragraphs:
            yield from paragraph.walk()

    def chapter(self, number: str) -> Chapter:
        for chapter in self.chapters:
            if chapter.number == number:
                return chapter
        raise KeyError(number)
