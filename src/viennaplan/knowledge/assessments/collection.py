"""What the collection offers the rest through the registry (`knowledge.collections`): the search's
documents, the lines on the provision pages and the State profile, the CSV import and export.

Two collections live in this app: "assessments" (the corruption assessments, 33(a), 30(a)) and
"documents" (the toolkit, the manual and the other documents kept in versions, 33(a),(e), 46(d)).
Registered by `apps.KnowledgeAssessmentsConfig.ready()`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.knowledge import bulk
from viennaplan.knowledge.collections import Collection, Document, Line, Lines, first_lines
from viennaplan.knowledge.listing import sees_drafts, visible

from . import csv_io, document_rules, documents, documents_csv, rules, versions, views
from .models import (
    Assessment,
    AssessmentProvision,
    AssessmentSector,
    AssessmentType,
    DocumentProvision,
    DocumentVersion,
)
from .models import Document as VersionedDocument


def assessment_documents(ids: Iterable[int] | None = None) -> Iterable[Document]:
    assessments = Assessment.objects.prefetch_related("sectors", "types", "provisions").order_by("pk")
    if ids is not None:
        assessments = assessments.filter(bulk.ids_in("pk", ids))
    for assessment in assessments.iterator(chunk_size=2000):
        words = [
            assessment.publisher,
            assessment.causes,
            assessment.effects,
            assessment.sample_description,
            *(str(label) for _code, label in views.sector_labels(assessment)),
            *(str(label) for _code, label in views.type_labels(assessment)),
        ]
        yield Document(
            record_id=assessment.pk,
            url=views.assessment_url(assessment),
            title=assessment.title,
            text="\n".join(word for word in words if word),
            published=assessment.published,
            states=(assessment.state_id,),
            provisions=tuple(sorted((row.path for row in assessment.provisions.all()), key=rules.path_order)),
            year=assessment.year,
        )


def assessment_line(assessment: Assessment, user: Any) -> Line:
    note = str(assessment.year)
    if not assessment.published:
        note = _("%(year)s, draft") % {"year": assessment.year}
    return Line(title=assessment.title, url=views.assessment_url(assessment), state=assessment.state_id, note=note)


def assessments_for_provisions(paths: Sequence[str], user: Any, limit: int | None = None) -> Lines:
    citing = AssessmentProvision.objects.filter(assessment=OuterRef("pk"), path__in=list(paths))
    found = visible(user, Assessment.objects.filter(Exists(citing))).order_by("state_id", "-year", "key")
    return first_lines(found, limit, lambda chosen: [assessment_line(assessment, user) for assessment in chosen])


def assessments_for_state(alpha3: str, user: Any, limit: int | None = None) -> Lines:
    found = visible(user, Assessment.objects.filter(state_id=alpha3)).order_by("-year", "key")
    return first_lines(found, limit, lambda chosen: [assessment_line(assessment, user) for assessment in chosen])


def document_documents(ids: Iterable[int] | None = None) -> Iterable[Document]:
    found = VersionedDocument.objects.prefetch_related("versions", "provisions").order_by("pk")
    if ids is not None:
        found = found.filter(bulk.ids_in("pk", ids))
    for document in found:
        current = versions.current(list(document.versions.all()))
        yield Document(
            record_id=document.pk,
            url=documents.document_url(document),
            title=document.title,
            text="\n".join(part for part in (current.changes, current.text) if part) if current else "",
            published=document.published,
            provisions=tuple(documents.provision_paths(document)),
            year=current.date.year if current else None,
        )


def documents_for_provisions(paths: Sequence[str], user: Any, limit: int | None = None) -> Lines:
    citing = DocumentProvision.objects.filter(document=OuterRef("pk"), path__in=list(paths))
    found = visible(user, VersionedDocument.objects.filter(Exists(citing))).prefetch_related("versions")
    return first_lines(found.order_by("key"), limit, lambda chosen: document_lines(chosen, user))


def document_lines(found: Any, user: Any) -> list[Line]:
    lines = []
    for document in found:
        current = versions.current(list(document.versions.all()))
        if current is not None:
            note = _("version %(label)s") % {"label": current.label}
        else:
            note = _("no version published yet")
        if not document.published and sees_drafts(user):
            note = _("%(note)s, draft") % {"note": note}
        lines.append(Line(title=document.title, url=documents.document_url(document), note=note))
    return lines


ASSESSMENTS = Collection(
    key="assessments",
    label=gettext_lazy("Corruption assessments"),
    citation="33(a), 30(a)",
    list_url=views.PAGE_URL,
    model=Assessment,
    documents=assessment_documents,
    children={
        AssessmentSector: lambda row: row.assessment_id,
        AssessmentType: lambda row: row.assessment_id,
        AssessmentProvision: lambda row: row.assessment_id,
    },
    for_provisions=assessments_for_provisions,
    for_state=assessments_for_state,
    import_csv=csv_io.import_assessments,
    export_csv=csv_io.export_csv,
    columns=rules.COLUMNS,
    position=30,
)

DOCUMENTS = Collection(
    key="documents",
    label=gettext_lazy("Toolkits and manuals"),
    citation="33(a), 33(e), 46(d)",
    list_url=documents.PAGE_URL,
    model=VersionedDocument,
    documents=document_documents,
    children={
        DocumentVersion: lambda row: row.document_id,
        DocumentProvision: lambda row: row.document_id,
    },
    for_provisions=documents_for_provisions,
    import_csv=documents_csv.import_documents,
    export_csv=documents_csv.write_csv,
    columns=document_rules.COLUMNS,
    position=31,
)


def register() -> None:
    from viennaplan.knowledge.collections import register as add

    add(ASSESSMENTS)
    add(DOCUMENTS)
