"""What makes a document the whole plan, and what makes two imports the same plan.

Plain Python: of Django only `django.utils.translation` (the refusals are shown to the person
importing, in their language). One definition for both ways in, the text (`parser.parse_plan`) and a
JSON export (`saving.import_plan_json`), so that neither can store a plan the other would refuse:

- `check_plan(document)`: the twelve chapters I to XII in order, each with its numbered
  paragraphs; paragraphs 1, 2, 3, … without gaps, each chapter's first and last paragraph as
  stated; items (a), (b), … and sub-items (i), (ii), … in sequence, in their paragraph's
  chapter; objectives 1, 2, … in chapters III to XII; notes 1, 2, 3, ….
- `check_links(document)`: every note, objective and chapter the text refers to exists.
- `normalise_text(text)`: the text as the importer reads it (no BOM, LF line ends).
- `plan_checksum(document)`: the identity of a plan, computed from its content, never taken
  from a file's claim about itself (see the function).

Both checks raise `InconsistentPlanError` (a `PlanFormatError`) saying where the plan is wrong.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from django.utils.translation import gettext as _

from .document import ROMAN, PlanDocument, Provision
from .frontmatter import PlanFormatError
from .sequences import ROMAN_NUMERALS, next_letter, next_roman

FIRST_CHAPTER_WITH_OBJECTIVES = "III"  # chapters I (background) and II (summary) state none


class InconsistentPlanError(PlanFormatError):
    """The document is not the whole plan, or refers to something it does not contain."""


def normalise_text(text: str) -> str:
    """The text with a leading byte-order mark removed and every line ending (CRLF, CR) made LF:
    a copy saved on another system is the same text."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def plan_checksum(document: PlanDocument) -> str:
    """SHA-256 of the plan's content: its JSON export with the `checksum` field left empty.

    Two imports are the same plan when everything the database stores of them is the same,
    which is exactly what the JSON export holds. A file's own `checksum` is not part of it.
    """
    from .exports.json_format import dumps

    return hashlib.sha256(dumps(replace(document, checksum="")).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------------------------
# the whole plan


def check_plan(document: PlanDocument) -> None:
    """Refuse a document that is not the whole plan (see the module docstring)."""
    _check_chapters(document)
    _check_paragraphs(document)
    _check_objectives(document)
    _check_notes(document)


def _check_chapters(document: PlanDocument) -> None:
    found = [chapter.number for chapter in document.chapters]
    if found == list(ROMAN):
        return
    missing = [number for number in ROMAN if number not in found]
    if not missing:
        raise InconsistentPlanError(
            _("expected the 12 chapters I to XII in order, found %(found)s") % {"found": ", ".join(found)}
        )
    if found != list(ROMAN[: len(found)]):
        raise InconsistentPlanError(
            _("expected the 12 chapters I to XII in order; chapter(s) %(missing)s not found")
            % {"missing": ", ".join(missing)}
        )
    last = document.paragraphs[-1].paragraph if document.paragraphs else 0
    raise InconsistentPlanError(
        _(
            "expected the 12 chapters I to XII in order; chapter(s) %(missing)s not found "
            "(the text stops after paragraph %(last)s: is it truncated?)"
        )
        % {"missing": ", ".join(missing), "last": last}
    )


def _check_paragraphs(document: PlanDocument) -> None:
    if not document.paragraphs:
        raise InconsistentPlanError(_("the plan has no numbered paragraphs"))
    expected = 1
    for paragraph in document.paragraphs:
        if paragraph.paragraph != expected:
            values = {"number": paragraph.paragraph, "previous": expected - 1}
            if expected > 1:
                message = _(
                    "paragraph %(number)s follows paragraph %(previous)s: "
                    "the numbered paragraphs must be 1, 2, 3, … without gaps"
                )
            else:
                message = _("paragraph %(number)s comes first: the numbered paragraphs must be 1, 2, 3, … without gaps")
            raise InconsistentPlanError(message % values)
        _check_items(paragraph)
        expected += 1
    by_chapter = {number: [p.paragraph for p in document.paragraphs if p.chapter == number] for number in ROMAN}
    previous = 0
    for chapter in document.chapters:
        numbers = by_chapter[chapter.number]
        if not numbers:
            raise InconsistentPlanError(
                _("chapter %(number)s ('%(title)s') has no numbered paragraph")
                % {"number": chapter.number, "title": chapter.title}
            )
        if numbers[0] != previous + 1 or numbers != list(range(numbers[0], numbers[-1] + 1)):
            raise InconsistentPlanError(
                _("chapter %(number)s: its paragraphs %(paragraphs)s do not follow chapter by chapter")
                % {"number": chapter.number, "paragraphs": _ranges(numbers)}
            )
        if (chapter.first_paragraph, chapter.last_paragraph) != (numbers[0], numbers[-1]):
            raise InconsistentPlanError(
                _(
                    "chapter %(number)s states paragraphs %(first)s–%(last)s "
                    "but holds paragraphs %(held_first)s–%(held_last)s"
                )
                % {
                    "number": chapter.number,
                    "first": chapter.first_paragraph,
                    "last": chapter.last_paragraph,
                    "held_first": numbers[0],
                    "held_last": numbers[-1],
                }
            )
        previous = numbers[-1]


def _ranges(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers[:6]) + (", …" if len(numbers) > 6 else "")


def _check_items(provision: Provision) -> None:
    """Items (a), (b), … under a paragraph; sub-items (i), (ii), … under an item; nothing deeper."""
    if not provision.children:
        return
    if len(provision.labels) >= 2:
        raise InconsistentPlanError(
            _("%(citation)s has items: only paragraphs and items have items") % {"citation": provision.citation}
        )
    label: str | None = "a" if not provision.labels else "i"
    for child in provision.children:
        if child.labels[-1] != label:
            if label:
                message = _(
                    "%(citation)s stands where %(expected)s is expected: "
                    "items must be (a), (b), (c), … and sub-items (i), (ii), (iii), …"
                )
            else:
                message = _(
                    "%(citation)s stands where no further sub-item is expected: "
                    "items must be (a), (b), (c), … and sub-items (i), (ii), (iii), …"
                )
            raise InconsistentPlanError(
                message % {"citation": child.citation, "expected": f"{provision.citation}({label})"}
            )
        if child.chapter != provision.chapter:
            raise InconsistentPlanError(
                _("%(citation)s is in chapter %(chapter)s, its paragraph in chapter %(paragraph_chapter)s")
                % {"citation": child.citation, "chapter": child.chapter, "paragraph_chapter": provision.chapter}
            )
        _check_items(child)
        label = _next_label(child.labels[-1], sub_item=bool(provision.labels))


def _next_label(label: str, *, sub_item: bool) -> str | None:
    if not sub_item:
        return next_letter(label)
    return next_roman(label) if label != ROMAN_NUMERALS[-1] else None


def _check_objectives(document: PlanDocument) -> None:
    start = ROMAN.index(FIRST_CHAPTER_WITH_OBJECTIVES)
    for chapter in document.chapters[start:]:
        if not chapter.objectives:
            raise InconsistentPlanError(_("chapter %(number)s states no objective") % {"number": chapter.number})
    for chapter in document.chapters:
        numbers = [objective.number for objective in chapter.objectives]
        if numbers != list(range(1, len(numbers) + 1)):
            raise InconsistentPlanError(
                _("chapter %(number)s: objectives %(objectives)s are not numbered 1, 2, 3, … without gaps")
                % {"number": chapter.number, "objectives": numbers}
            )


def _check_notes(document: PlanDocument) -> None:
    for expected, note in enumerate(document.notes, start=1):
        if note.number != expected:
            values = {"number": note.number, "previous": expected - 1}
            if expected > 1:
                message = _("note %(number)s follows note %(previous)s; notes must be numbered 1, 2, 3, …")
            else:
                message = _("note %(number)s comes first; notes must be numbered 1, 2, 3, …")
            raise InconsistentPlanError(message % values)


# ---------------------------------------------------------------------------------------------
# links


def check_links(document: PlanDocument) -> None:
    """Refuse a document whose links point at nothing: notes, objectives, chapters."""
    note_numbers = {note.number for note in document.notes}
    chapters = {chapter.number: chapter for chapter in document.chapters}
    if not document.checksum:
        raise InconsistentPlanError(_("the document has no checksum"))
    for chapter in document.chapters:
        missing = set(chapter.note_refs) - note_numbers
        for objective in chapter.objectives:
            missing |= set(objective.note_refs) - note_numbers
        if missing:
            raise InconsistentPlanError(
                _("chapter %(number)s cites notes %(notes)s that do not exist")
                % {"number": chapter.number, "notes": sorted(missing)}
            )
    for provision in document.provisions():
        chapter = chapters.get(provision.chapter)
        if chapter is None:
            raise InconsistentPlanError(
                _("%(citation)s stands in chapter %(chapter)s, which does not exist")
                % {"citation": provision.citation, "chapter": provision.chapter}
            )
        if missing := set(provision.note_refs) - note_numbers:
            raise InconsistentPlanError(
                _("%(citation)s cites notes %(notes)s that do not exist")
                % {"citation": provision.citation, "notes": sorted(missing)}
            )
        objective_numbers = {objective.number for objective in chapter.objectives}
        if missing := set(provision.objectives) - objective_numbers:
            raise InconsistentPlanError(
                _("%(citation)s serves objectives %(objectives)s that chapter %(number)s does not state")
                % {"citation": provision.citation, "objectives": sorted(missing), "number": chapter.number}
            )
