"""Loading the plan: a stored PlanVersion rebuilt as the plain `PlanDocument` it was saved from.

`load_document(version)` is what the exporters, the API's downloads and the reporting cycles
work from, so that export -> import -> export gives the same bytes. Saving is `saving.py`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import fields
from typing import Any, TypeVar

from . import document as doc_types
from .models import Chapter, Deadline, Objective, PlanVersion, Provision, Reference

__all__ = ["load_document", "report_from_json"]

Row = TypeVar("Row", doc_types.Reference, doc_types.Deadline)


def load_document(version: PlanVersion) -> doc_types.PlanDocument:
    """The plain document as stored: what the exporters and the round trip work from."""
    notes = {note.pk: note for note in version.notes.all()}
    chapter_rows = list(version.chapters.order_by("ordinal"))
    chapter_numbers = {chapter.pk: chapter.number for chapter in chapter_rows}

    chapter_notes = _links(Chapter.notes.through, {"chapter__version": version}, "chapter_id", "note__number")
    objective_notes = _links(
        Objective.notes.through, {"objective__chapter__version": version}, "objective_id", "note__number"
    )
    objectives_by_chapter: dict[int, list[doc_types.Objective]] = defaultdict(list)
    for objective in Objective.objects.filter(chapter__version=version).order_by("chapter__ordinal", "number"):
        objectives_by_chapter[objective.chapter_id].append(
            doc_types.Objective(
                chapter=chapter_numbers[objective.chapter_id],
                number=objective.number,
                text=objective.text,
                numbered=objective.numbered,
                note_refs=objective_notes.get(objective.pk, []),
            )
        )
    chapters = [
        doc_types.Chapter(
            number=chapter.number,
            title=chapter.title,
            first_paragraph=chapter.first_paragraph,
            last_paragraph=chapter.last_paragraph,
            page=chapter.page,
            objectives=objectives_by_chapter.get(chapter.pk, []),
            note_refs=chapter_notes.get(chapter.pk, []),
        )
        for chapter in chapter_rows
    ]
    return doc_types.PlanDocument(
        **{name: getattr(version, name) for name in PlanVersion.DOCUMENT_FIELDS},
        summary=list(version.summary),
        chapters=chapters,
        paragraphs=_load_paragraphs(version, chapter_numbers),
        notes=[
            doc_types.Note(number=note.number, text=note.text, marker=str(note.number))
            for note in sorted(notes.values(), key=lambda note: note.number)
        ],
        front_notes=[doc_types.Note(**note) for note in version.front_notes],
        report=report_from_json(version.report or {}),
    )


def _load_paragraphs(version: PlanVersion, chapter_numbers: dict[int, str]) -> list[doc_types.Provision]:
    where = {"provision__version": version}
    note_refs = _links(Provision.notes.through, where, "provision_id", "note__number")
    objective_refs = _links(Provision.objectives.through, where, "provision_id", "objective__number")
    partners = _links(Provision.partners.through, where, "provision_id", "actor__code")
    references = _per_provision(Reference, where, doc_types.Reference)
    deadlines = _per_provision(Deadline, where, doc_types.Deadline)

    built: dict[int, doc_types.Provision] = {}
    paragraphs: list[doc_types.Provision] = []
    for row in version.provisions.select_related("actor").order_by("position"):
        provision = doc_types.Provision(
            paragraph=row.paragraph,
            labels=tuple(row.path.split("/")[1:]),
            text=row.text,
            kind=row.kind,
            chapter=chapter_numbers[row.chapter_id],
            section=row.section or None,
            objectives=tuple(objective_refs.get(row.pk, [])),
            note_refs=note_refs.get(row.pk, []),
            references=references.get(row.pk, []),
            deadlines=deadlines.get(row.pk, []),
            actor=row.actor.code if row.actor else None,
            partners=tuple(partners.get(row.pk, [])),
            subject_to_resources=row.subject_to_resources,
            upon_request=row.upon_request,
            source_lines=(row.source_first_line, row.source_last_line),
        )
        built[row.pk] = provision
        if row.parent_id is None:
            paragraphs.append(provision)
        else:
            built[row.parent_id].children.append(provision)
    return paragraphs


def _per_provision(model: Any, where: dict[str, Any], plain: type[Row]) -> dict[int, list[Row]]:
    """The rows of `model` (Reference, Deadline) by provision id, in the order they were saved,
    each as its plain dataclass (whose fields the row holds, as `saving` stores them)."""
    names = [column.name for column in fields(plain)]
    rows: dict[int, list[Row]] = defaultdict(list)
    for values in model.objects.filter(**where).order_by("id").values("provision_id", *names):
        rows[values.pop("provision_id")].append(plain(**values))
    return rows


def _links(through: Any, where: dict[str, Any], key: str, value: str) -> dict[int, list[Any]]:
    """Many-to-many links in the order they were saved (the order of the document)."""
    links: dict[int, list[Any]] = defaultdict(list)
    for left, right in through.objects.filter(**where).order_by("id").values_list(key, value):
        links[left].append(right)
    return links


def report_from_json(data: dict[str, Any]) -> doc_types.ImportReport:
    return doc_types.ImportReport(
        repairs=[doc_types.Repair(**row) for row in data.get("repairs", [])],
        discarded=[doc_types.Discarded(**row) for row in data.get("discarded", [])],
        warnings=list(data.get("warnings", [])),
    )
