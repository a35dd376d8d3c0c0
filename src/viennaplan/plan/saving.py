"""Saving the plan: a parsed `PlanDocument` (from the text or a JSON export) becomes a PlanVersion.

- `import_plan_text(text)` parses (plain Python, before any database write), then saves the
  whole document in one transaction with bulk inserts. A text already stored (line endings
  and byte-order mark aside) is recognised before parsing, and changes nothing.
- `import_plan_json(data)` does the same for a JSON export (see `exports.json_format`), after
  the same checks as the text (`integrity.check_plan`).
- A version's checksum is computed here from the plan's content (`integrity.plan_checksum`),
  never read from the file: the same plan imported again, from the text or from a JSON export
  whatever its `checksum` field says, returns the version that holds it and changes nothing.

Reading a stored version back is `loading.load_document`; what changed in a provision between
versions is `changes.provision_changes`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import asdict
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from . import document as doc_types
from .integrity import InconsistentPlanError, check_links, check_plan, normalise_text, plan_checksum
from .loading import load_document
from .models import Actor, Chapter, Deadline, Note, Objective, PlanVersion, Provision, Reference

__all__ = [
    "InconsistentPlanError",
    "ensure_actors",
    "find_same_plan",
    "import_plan_document",
    "import_plan_json",
    "import_plan_text",
    "report_to_json",
    "save_document",
]


def import_plan_text(text: str, *, source_name: str = "", symbol: str = "") -> tuple[PlanVersion, bool]:
    """Parse `text` and store it as a new version; (existing, False) if this plan is stored already.

    Raises `parser.PlanFormatError` when the text is not the plan; nothing is written then.
    A text already stored is recognised before any parsing (`make run` imports the shipped
    text at every start); a CRLF copy, or one with a byte-order mark, is the same text.
    """
    from .parser import check_text, parse_plan

    text = normalise_text(text)
    check_text(text)  # before the text goes into a query (PostgreSQL refuses NUL characters)
    existing = PlanVersion.objects.filter(source_text=text).exclude(source_text="").first()
    if existing is not None:
        return existing, False
    document = parse_plan(text, source_name=source_name)
    if symbol:
        document.symbol = symbol
        document.checksum = plan_checksum(document)
    return import_plan_document(document, source_name=source_name, source_text=text)


def import_plan_json(data: Any, *, source_name: str = "") -> tuple[PlanVersion, bool]:
    """Store a JSON export of the plan (as loaded by `json_format.parse_json`); idempotent by content.

    The export must be the whole plan (`integrity.check_plan`, as for the text). Its own
    `plan.checksum` decides nothing: the checksum is computed from the content.
    """
    from .exports.json_format import document_from_json

    document = document_from_json(data)
    check_plan(document)
    document.checksum = plan_checksum(document)
    return import_plan_document(document, source_name=source_name)


def import_plan_document(
    document: doc_types.PlanDocument, *, source_name: str = "", source_text: str = ""
) -> tuple[PlanVersion, bool]:
    """Store a document; (existing, False) when the same plan is stored already (`find_same_plan`)."""
    existing = find_same_plan(document)
    if existing is not None:
        return existing, False
    check_links(document)
    try:
        return save_document(document, source_name=source_name, source_text=source_text), True
    except IntegrityError:  # the same plan imported at the same moment by another process
        existing = PlanVersion.objects.filter(checksum=document.checksum).first()
        if existing is None:
            raise
        return existing, False


def find_same_plan(document: doc_types.PlanDocument) -> PlanVersion | None:
    """The stored version that holds this plan: by checksum, else by comparing the content of each
    version (one stored before checksums were computed from the content, or edited in the admin)."""
    existing = PlanVersion.objects.filter(checksum=document.checksum).first()
    if existing is not None:
        return existing
    checksum = plan_checksum(document)
    for version in PlanVersion.objects.order_by("-imported_at", "-id"):
        if plan_checksum(load_document(version)) == checksum:
            return version
    return None


@transaction.atomic
def save_document(document: doc_types.PlanDocument, *, source_name: str = "", source_text: str = "") -> PlanVersion:
    """Save the whole document as a new PlanVersion, in one transaction, with bulk inserts."""
    version = PlanVersion.objects.create(
        **{name: getattr(document, name) for name in PlanVersion.DOCUMENT_FIELDS},
        summary=list(document.summary),
        front_notes=[asdict(note) for note in document.front_notes],
        source_name=source_name,
        source_text=source_text,
        report=report_to_json(document.report),
    )
    reason = f"import of plan version {version.pk}"
    notes = bulk_create_with_history(
        [Note(version=version, number=note.number, text=note.text) for note in document.notes],
        Note,
        default_change_reason=reason,
    )
    note_ids = {note.number: note.pk for note in notes}

    chapters = Chapter.objects.bulk_create(
        [
            Chapter(
                version=version,
                number=chapter.number,
                ordinal=chapter.ordinal,
                title=chapter.title,
                first_paragraph=chapter.first_paragraph,
                last_paragraph=chapter.last_paragraph,
                page=chapter.page,
            )
            for chapter in document.chapters
        ]
    )
    chapter_ids = {chapter.number: chapter.pk for chapter in chapters}
    _link(
        Chapter.notes.through,
        ("chapter_id", "note_id"),
        note_ids,
        [(chapter_ids[chapter.number], chapter.note_refs) for chapter in document.chapters],
    )

    objective_rows = [(chapter, objective) for chapter in document.chapters for objective in chapter.objectives]
    objectives = Objective.objects.bulk_create(
        [
            Objective(
                chapter_id=chapter_ids[chapter.number],
                number=objective.number,
                numbered=objective.numbered,
                text=objective.text,
            )
            for chapter, objective in objective_rows
        ]
    )
    objective_ids = {
        (chapter.number, objective.number): row.pk
        for (chapter, objective), row in zip(objective_rows, objectives, strict=True)
    }
    _link(
        Objective.notes.through,
        ("objective_id", "note_id"),
        note_ids,
        [
            (objective_ids[(chapter.number, objective.number)], objective.note_refs)
            for chapter, objective in objective_rows
        ],
    )

    actor_ids = ensure_actors(_actor_codes(document))
    provision_ids = _save_provisions(version, document, chapter_ids, actor_ids, reason)

    pairs = [(provision, provision_ids[id(provision)]) for provision in document.provisions()]
    _link(Provision.notes.through, ("provision_id", "note_id"), note_ids, [(pk, p.note_refs) for p, pk in pairs])
    _link(
        Provision.objectives.through,
        ("provision_id", "objective_id"),
        objective_ids,
        [(pk, [(p.chapter, number) for number in p.objectives]) for p, pk in pairs],
    )
    _link(Provision.partners.through, ("provision_id", "actor_id"), actor_ids, [(pk, p.partners) for p, pk in pairs])
    # A Reference or Deadline row holds the fields of its plain dataclass, and its provision.
    Reference.objects.bulk_create([Reference(provision_id=pk, **asdict(r)) for p, pk in pairs for r in p.references])
    Deadline.objects.bulk_create([Deadline(provision_id=pk, **asdict(d)) for p, pk in pairs for d in p.deadlines])

    from .search import index_version

    index_version(version)
    return version


def _save_provisions(
    version: PlanVersion,
    document: doc_types.PlanDocument,
    chapter_ids: dict[str, int],
    actor_ids: dict[str, int],
    reason: str,
) -> dict[int, int]:
    """Insert the provision tree level by level (parents first); returns id(dataclass) -> pk."""
    levels: dict[int, list[tuple[doc_types.Provision, doc_types.Provision | None]]] = defaultdict(list)
    position = 0
    positions: dict[int, int] = {}

    def visit(provision: doc_types.Provision, parent: doc_types.Provision | None) -> None:
        nonlocal position
        position += 1
        positions[id(provision)] = position
        levels[len(provision.labels)].append((provision, parent))
        for child in provision.children:
            visit(child, provision)

    for paragraph in document.paragraphs:
        visit(paragraph, None)

    pks: dict[int, int] = {}
    for depth in sorted(levels):
        rows = [
            Provision(
                version=version,
                chapter_id=chapter_ids[provision.chapter],
                parent_id=pks[id(parent)] if parent is not None else None,
                paragraph=provision.paragraph,
                path=provision.path,
                citation=provision.citation,
                label=provision.labels[-1] if provision.labels else "",
                depth=depth,
                position=positions[id(provision)],
                kind=provision.kind,
                section=provision.section or "",
                text=provision.text,
                full_text=provision.full_text(),
                actor_id=actor_ids[provision.actor] if provision.actor else None,
                subject_to_resources=provision.subject_to_resources,
                upon_request=provision.upon_request,
                source_first_line=provision.source_lines[0],
                source_last_line=provision.source_lines[1],
            )
            for provision, parent in levels[depth]
        ]
        saved = bulk_create_with_history(rows, Provision, default_change_reason=reason)
        for (provision, _parent), row in zip(levels[depth], saved, strict=True):
            pks[id(provision)] = row.pk
    return pks


def _link(
    through: Any, columns: tuple[str, str], ids: dict[Any, int], rows: Iterable[tuple[int, Iterable[Hashable]]]
) -> None:
    """Insert many-to-many links in the order of the document: for each (pk, keys) of `rows`, one
    link from pk to `ids[key]` for each key (a key named twice is linked once)."""
    left, right = columns
    through.objects.bulk_create([through(**{left: pk, right: ids[key]}) for pk, keys in rows for key in _unique(keys)])


def _unique(values: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def _actor_codes(document: doc_types.PlanDocument) -> list[str]:
    codes: list[str] = []
    for provision in document.provisions():
        if provision.actor:
            codes.append(provision.actor)
        codes.extend(provision.partners)
    return _unique(codes)


def ensure_actors(codes: Iterable[str]) -> dict[str, int]:
    """Actor ids by code, creating the missing ones from `actors.ACTORS`."""
    codes = _unique(codes)
    existing = dict(Actor.objects.filter(code__in=codes).values_list("code", "pk"))
    missing = [code for code in codes if code not in existing]
    if not missing:
        return existing
    from .actors import ACTORS

    unknown = [code for code in missing if code not in ACTORS]
    if unknown:
        raise InconsistentPlanError(_("actor codes %(codes)s are not in actors.ACTORS") % {"codes": unknown})
    with translation.override("en"):  # the database keeps the English name; pages translate it by code
        new = [Actor(code=code, name=str(ACTORS[code][0]), kind=ACTORS[code][1]) for code in missing]
    for actor in Actor.objects.bulk_create(new):
        existing[actor.code] = actor.pk
    return existing


def report_to_json(report: doc_types.ImportReport) -> dict[str, Any]:
    return asdict(report)
