"""From the text of the Plans of Action (as extracted from the PDF) to the structured plan.

Plain Python, no Django. `parse_plan(text)` returns a `PlanDocument` or raises
`PlanFormatError` with a message that says what was expected.

The text is damaged by its extraction; the parser mends it without anyone editing the
source, and records every repair in the document's `ImportReport`:

- items run together on one line (`(d) …; (e) …`) and a paragraph number in the middle of a
  line (`… such offences. 81. Restorative justice …`) are split where the *expected next*
  label or number stands after a sentence mark;
- `(1)` printed for `(l)` is read as `(l)` where `(l)` is the next item expected;
- a label or paragraph number displaced into the middle of its first sentence
  (`The plan for action (c) against`, `the Tenth United Nations 1. Congress`) is moved back;
- a block of text that starts in lower case continues the provision before it (a sentence
  split across a page break); a capitalised block without a label continues it too;
- page furniture (job numbers, running heads, page numbers) is discarded, each line with its
  reason, so that every line of the body ends up in exactly one provision or in that list;
- note markers are turned into links (see `markers`), `*emphasis*` markup is removed, and a
  Greek `Χ` standing for the Roman X in the contents is read as X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import (
    ROMAN,
    Chapter,
    ImportReport,
    Note,
    Objective,
    PlanDocument,
    Provision,
)
from .frontmatter import (
    ROMAN_LOOKALIKES,
    Line,
    PlanFormatError,
    join_text,
    read_front_matter,
    read_lines,
    read_notes,
)
from .integrity import check_plan, normalise_text, plan_checksum
from .markers import strip_emphasis, take_note_markers
from .sequences import next_letter, next_roman
from .shuffle import phrase_index, run_counts, unshuffle

CHAPTER_HEADING = re.compile(r"^([IVXΧ]{1,4})\.\s+(\S.*)$")
SECTION_HEADING = re.compile(r"^([A-D])\.\s+(Commitments|Background|Objectives)\s*$")
SUBSECTION_HEADING = re.compile(r"^([1-3])\.\s+(National actions|International actions|Expected impact)\s*$")
OBJECTIVE = re.compile(r"^(?:[-•]\s+)?\*?Objective(?:\s+(\d+))?\.\*?\s+(\S.*)$")
NUMBERED = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
LABELLED = re.compile(r"^\(([a-z]{1,4}|\d)\)\s+(\S.*)$")
SUSPECT_SENTENCE_BREAK = re.compile(r"\b([a-z]{3,})\. ([a-z]+)\b")

SUBSECTION_KIND = {
    "National actions": "national_action",
    "International actions": "international_action",
    "Expected impact": "expected_impact",
}
ABBREVIATIONS_BEFORE_NUMBERS = {"para", "paras", "No", "Nos", "art", "arts", "p", "pp", "resolution"}


@dataclass
class _Cursor:
    """Where in the document the parser stands."""

    chapter: Chapter | None = None
    section: str | None = None
    objectives: tuple[int, ...] = ()
    last_was_objective: bool = False
    kind: str = "background"
    paragraph: Provision | None = None
    item: Provision | None = None
    subitem: Provision | None = None
    last_paragraph_number: int = 0
    next_note: int = 1

    @property
    def current(self) -> Provision | None:
        return self.subitem or self.item or self.paragraph


@dataclass
class _Parser:
    text: str
    source_name: str = ""
    report: ImportReport = field(default_factory=ImportReport)

    def __post_init__(self) -> None:
        self.cursor = _Cursor()
        self.chapters: list[Chapter] = []
        self.paragraphs: list[Provision] = []
        self.notes: list[Note] = []

    # ---------------------------------------------------------------- entry point
    def parse(self) -> PlanDocument:
        lines = read_lines(self.text, self.report)
        front, body_start = read_front_matter(lines, self.report)
        self.contents = front.contents
        notes_start = next((i for i, ln in enumerate(lines) if ln.text == "Notes" and i > body_start), len(lines))
        for line in lines[body_start:notes_start]:
            self._body_line(line)
        self._close_chapter()
        self.notes = read_notes(lines[notes_start + 1 :], self.report)
        document = PlanDocument(
            title=front.title,
            date=front.date,
            body=front.body,
            symbol="",
            session=front.session,
            agenda_item=front.agenda_item,
            original_language=front.original_language,
            summary=front.summary,
            checksum="",
            chapters=self.chapters,
            paragraphs=self.paragraphs,
            notes=self.notes,
            front_notes=front.front_notes,
            report=self.report,
        )
        check_plan(document)  # the same checks as a JSON import
        self._warn_about_notes()
        self._mend_shuffled_words()
        from .enrich import enrich  # references, deadlines, actors, flags

        enrich(document)
        document.checksum = plan_checksum(document)
        return document

    # ---------------------------------------------------------------- body
    def _body_line(self, line: Line) -> None:
        text = line.text
        cursor = self.cursor
        if self._chapter_heading(line):
            return
        if cursor.chapter is None:
            self.report.discard(line.number, text, "text before the first chapter heading")
            return
        if match := SECTION_HEADING.match(text):
            cursor.section = match.group(2).lower()
            cursor.kind = {"commitments": "commitments", "background": "background"}.get(cursor.section, "objective")
            cursor.objectives = ()
            self._end_paragraph()
            return
        if match := SUBSECTION_HEADING.match(text):
            cursor.kind = SUBSECTION_KIND[match.group(2)]
            cursor.last_was_objective = False
            self._end_paragraph()
            return
        if match := OBJECTIVE.match(text):
            self._objective(line, match)
            return
        cursor.last_was_objective = False
        self._block(line, text)

    def _chapter_heading(self, line: Line) -> bool:
        match = CHAPTER_HEADING.match(line.text)
        if not match:
            return False
        number = match.group(1).translate(ROMAN_LOOKALIKES)
        expected = ROMAN[len(self.chapters)] if len(self.chapters) < len(ROMAN) else None
        if number != expected:
            return False
        self._close_chapter()
        marked = take_note_markers(match.group(2), next_note=self.cursor.next_note)
        self._advance_notes(marked.note_refs)
        title, _ = strip_emphasis(marked.text.strip())
        contents_title, first, last, page = self.contents[number]
        if _normal(contents_title) != _normal(title):
            self.report.warnings.append(
                f"line {line.number}: chapter {number} is titled '{title}' in the body but '{contents_title}' "
                "in the contents; the body's title is used"
            )
        chapter = Chapter(number=number, title=title, page=page, note_refs=marked.note_refs)
        chapter.first_paragraph, chapter.last_paragraph = first, last  # replaced by the body's in _close_chapter
        self.chapters.append(chapter)
        cursor = self.cursor
        cursor.chapter = chapter
        cursor.section = None
        cursor.objectives = ()
        cursor.kind = "summary" if number == "II" else "background"
        self._end_paragraph()
        return True

    def _close_chapter(self) -> None:
        chapter = self.cursor.chapter
        if chapter is None:
            return
        numbers = [p.paragraph for p in self.paragraphs if p.chapter == chapter.number]
        if not numbers:
            return  # refused by `check_plan`, which says which chapter
        listed = (chapter.first_paragraph, chapter.last_paragraph)
        chapter.first_paragraph, chapter.last_paragraph = min(numbers), max(numbers)
        if listed != (chapter.first_paragraph, chapter.last_paragraph):
            self.report.warnings.append(
                f"chapter {chapter.number}: the contents give paragraphs {listed[0]}–{listed[1]}, the body has "
                f"{chapter.first_paragraph}–{chapter.last_paragraph}; the body's numbers are used"
            )

    def _objective(self, line: Line, match: re.Match[str]) -> None:
        cursor = self.cursor
        assert cursor.chapter is not None
        numbered = match.group(1) is not None
        number = int(match.group(1)) if numbered else 1
        text, emphasis = strip_emphasis(match.group(2))
        marked = take_note_markers(text, next_note=cursor.next_note)
        self._advance_notes(marked.note_refs)
        if emphasis or line.text.startswith(("-", "•")):
            self.report.repair("list-markup", line.number, f"list or emphasis markup removed around objective {number}")
        cursor.chapter.objectives.append(
            Objective(cursor.chapter.number, number, marked.text.strip(), numbered, marked.note_refs)
        )
        cursor.objectives = (*cursor.objectives, number) if cursor.last_was_objective else (number,)
        cursor.last_was_objective = True
        cursor.kind = "objective"
        self._end_paragraph()

    def _end_paragraph(self) -> None:
        self.cursor.paragraph = self.cursor.item = self.cursor.subitem = None

    # ---------------------------------------------------------------- blocks of text
    def _block(self, line: Line, text: str) -> None:
        """One line of body text: it may open a paragraph or item, or continue the current one,
        and may hold further paragraphs or items run together with it."""
        cursor = self.cursor
        head = self._head(line, text)
        if head is None:
            if cursor.current is None:
                self.report.discard(line.number, text, "unnumbered text outside any paragraph")
                return
            if text[0].islower():
                self.report.repair(
                    "page-break-join",
                    line.number,
                    f"'{_clip(text)}' continues {cursor.current.citation} (sentence split by a page break)",
                )
            else:
                self.report.repair(
                    "unnumbered-block",
                    line.number,
                    f"unnumbered block '{_clip(text)}' belongs to {cursor.current.citation}",
                )
            self._append(cursor.current, text, line)
            return
        kind, label, rest = head
        self._open(kind, label, line)
        self._fill(rest, line)

    def _head(self, line: Line, text: str) -> tuple[str, str, str] | None:
        """Say whether the block opens a paragraph or item; repair a displaced number or label."""
        cursor = self.cursor
        expected_number = cursor.last_paragraph_number + 1
        if (match := NUMBERED.match(text)) and int(match.group(1)) == expected_number:
            return "paragraph", match.group(1), match.group(2)
        if match := LABELLED.match(text):
            resolved = self._resolve_label(match.group(1), line)
            if resolved:
                return resolved[0], resolved[1], match.group(2)
        if not text[0].isupper():
            return None
        # A paragraph number or item label displaced into the first sentence of its text.
        if cursor.current is None:
            displaced = re.search(rf"(?<=[a-z]) {expected_number}\. (?=[A-Z])", text)
            if displaced:
                what = f"paragraph number {expected_number}"
                return "paragraph", str(expected_number), self._move_back("displaced-number", what, line, displaced)
        elif cursor.paragraph is not None and cursor.item is not None:
            letter = next_letter(cursor.item.labels[0])
            displaced = re.search(rf"(?<=[a-z]) \({letter}\) (?=[a-z])", text)
            if displaced:
                what = f"item label ({letter}) of paragraph {cursor.paragraph.paragraph}"
                return "item", letter, self._move_back("displaced-label", what, line, displaced)
        return None

    def _move_back(self, kind: str, what: str, line: Line, displaced: re.Match[str]) -> str:
        """The text without the number or label found inside its first sentence; the repair is recorded."""
        text = displaced.string
        self.report.repair(
            kind,
            line.number,
            f"{what} found inside its first sentence ('{_clip(text[: displaced.end() + 12], 60)}') "
            "and moved to its start",
        )
        return text[: displaced.start()] + " " + text[displaced.end() :]

    def _resolve_label(self, raw: str, line: Line) -> tuple[str, str] | None:
        """Which provision a label opens, given where we stand; None when it is not expected."""
        cursor = self.cursor
        if cursor.paragraph is None:
            return None
        expected_letter = next_letter(cursor.item.labels[0]) if cursor.item else "a"
        if cursor.subitem is not None and raw == next_roman(cursor.subitem.labels[1]):
            return "subitem", raw
        if (
            cursor.item is not None
            and cursor.subitem is None
            and raw == "i"
            and cursor.item.text.rstrip().endswith(":")
        ):
            return "subitem", raw
        if raw == expected_letter:
            return "item", raw
        if raw == "1" and expected_letter == "l":
            self.report.repair(
                "digit-for-letter", line.number, f"'(1)' read as item (l) of paragraph {cursor.paragraph.paragraph}"
            )
            return "item", "l"
        return None

    def _open(self, kind: str, label: str, line: Line) -> None:
        cursor = self.cursor
        assert cursor.chapter is not None
        if kind == "paragraph":
            number = int(label)
            provision = Provision(
                paragraph=number,
                labels=(),
                text="",
                kind=cursor.kind,
                chapter=cursor.chapter.number,
                section=cursor.section,
                objectives=cursor.objectives,
                source_lines=(line.number, line.number),
            )
            self.paragraphs.append(provision)
            cursor.paragraph, cursor.item, cursor.subitem = provision, None, None
            cursor.last_paragraph_number = number
            return
        assert cursor.paragraph is not None
        parent = cursor.paragraph if kind == "item" else cursor.item
        assert parent is not None
        provision = Provision(
            paragraph=parent.paragraph,
            labels=(*parent.labels, label),
            text="",
            kind=parent.kind,
            chapter=parent.chapter,
            section=parent.section,
            objectives=parent.objectives,
            source_lines=(line.number, line.number),
        )
        parent.children.append(provision)
        if kind == "item":
            cursor.item, cursor.subitem = provision, None
        else:
            cursor.subitem = provision

    def _fill(self, text: str, line: Line) -> None:
        """Give `text` to the provision just opened, splitting off run-together paragraphs and items."""
        while True:
            split = self._run_on(text)
            if split is None:
                assert self.cursor.current is not None
                self._append(self.cursor.current, text, line)
                return
            at, kind, label, resume, printed = split
            assert self.cursor.current is not None
            if printed != label:
                self.report.repair("digit-for-letter", line.number, f"'({printed})' read as item ({label})")
            self._append(self.cursor.current, text[:at].rstrip(), line)
            what = f"paragraph {label}" if kind == "paragraph" else f"({label})"
            self.report.repair(
                "run-on",
                line.number,
                f"{what} ran on from {self.cursor.current.citation} on the same line: "
                f"split at '{_clip(text[at:], 30)}'",
            )
            self._open(kind, label, line)
            text = text[resume:]

    def _run_on(self, text: str) -> tuple[int, str, str, int, str] | None:
        """Find the first expected paragraph number or item label after a sentence mark in `text`."""
        cursor = self.cursor
        candidates: list[tuple[int, str, str, int, str]] = []
        number = cursor.last_paragraph_number + 1
        for match in re.finditer(rf"(?<=[.;:])\s+({number})\.\s+(?=[A-Z])", text):
            if _word_before(text, match.start()) not in ABBREVIATIONS_BEFORE_NUMBERS:
                candidates.append((match.start(), "paragraph", str(number), match.end(), str(number)))
                break
        labels: list[tuple[str, str, str]] = []  # (as printed, kind, label)
        letter = next_letter(cursor.item.labels[0]) if cursor.item else "a"
        labels.append((letter, "item", letter))
        if letter == "l":
            labels.append(("1", "item", "l"))
        if cursor.subitem is not None:
            roman = next_roman(cursor.subitem.labels[1])
            labels.append((roman, "subitem", roman))
        for printed, kind, label in labels:
            match = re.search(rf"(?<=[;:.])\s+\({re.escape(printed)}\)\s+(?=[A-Z])", text)
            if match:
                candidates.append((match.start(), kind, label, match.end(), printed))
        return min(candidates) if candidates else None

    def _append(self, provision: Provision, text: str, line: Line) -> None:
        text, emphasis = strip_emphasis(text)
        if emphasis:
            self.report.repair("emphasis-markup", line.number, f"emphasis markup removed in {provision.citation}")
        marked = take_note_markers(text, next_note=self.cursor.next_note)
        for kind, message in marked.repairs:
            self.report.repair(kind, line.number, f"{provision.citation}: {message}")
        self._advance_notes(marked.note_refs)
        provision.note_refs.extend(n for n in marked.note_refs if n not in provision.note_refs)
        provision.text = join_text(provision.text, marked.text.strip())
        provision.source_lines = (provision.source_lines[0] or line.number, line.number)

    def _advance_notes(self, refs: list[int]) -> None:
        if refs:
            self.cursor.next_note = max(self.cursor.next_note, max(refs) + 1)

    def _mend_shuffled_words(self) -> None:
        """Put shuffled runs of names back in order (see `shuffle`); flag other suspect spots."""
        provisions = [p for paragraph in self.paragraphs for p in paragraph.walk()]
        holders: list[Provision | Note] = [*provisions, *self.notes]
        counts = run_counts([h.text for h in holders])
        index = phrase_index(counts)
        for holder in holders:
            holder.text, changes = unshuffle(holder.text, index, counts)
            where = holder.citation if isinstance(holder, Provision) else f"note {holder.number}"
            line = holder.source_lines[0] if isinstance(holder, Provision) else 0
            for change in changes:
                self.report.repair("shuffled-words", line, f"{where}: {change}")
            for match in SUSPECT_SENTENCE_BREAK.finditer(holder.text):
                if match.group(1) not in ABBREVIATIONS_BEFORE_NUMBERS | {"e.g", "i.e", "op", "cit", "vol"}:
                    self.report.warnings.append(
                        f"{where}: '{match.group(0)}' — a sentence that starts in lower case; "
                        "words may have been shuffled across a page break"
                    )

    # ---------------------------------------------------------------- checks
    def _warn_about_notes(self) -> None:
        note_numbers = {n.number for n in self.notes}
        referred = {n for p in self.paragraphs for prov in p.walk() for n in prov.note_refs}
        referred |= {n for c in self.chapters for n in c.note_refs}
        referred |= {n for c in self.chapters for o in c.objectives for n in o.note_refs}
        for number in sorted(referred - note_numbers):
            self.report.warnings.append(f"note {number} is referred to but not in the notes")
        for number in sorted(note_numbers - referred):
            self.report.warnings.append(f"note {number} is never referred to in the body")


def _normal(title: str) -> str:
    return re.sub(r"\W+", " ", title).strip().lower()


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _word_before(text: str, position: int) -> str:
    match = re.search(r"(\w+)\W*$", text[:position])
    return match.group(1) if match else ""


def check_text(text: str) -> None:
    """Refuse, before any other work, a text that cannot be the plan: empty, or binary."""
    if not text or not text.strip():
        raise PlanFormatError("the text is empty: expected the text of the Plans of Action")
    if "\x00" in text:
        raise PlanFormatError("the text is binary (it contains NUL characters): expected a UTF-8 text file")


def parse_plan(text: str, *, source_name: str = "") -> PlanDocument:
    """Parse the text of the Plans of Action into a `PlanDocument` (see the module docstring)."""
    check_text(text)
    return _Parser(normalise_text(text), source_name).parse()


__all__ = ["PlanFormatError", "parse_plan", "check_text"]
