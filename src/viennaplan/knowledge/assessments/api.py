"""The collection's JSON twins, mounted under /api/knowledge by the project's api.py.

    GET /api/knowledge/assessments?q=&state=&sector=&type=&method=&scope=&provision=&year_from=&year_to=&page=
    GET /api/knowledge/assessments/compare?…the same filters…   (the State x year table)
    GET /api/knowledge/assessments/{state}/{key}
    GET /api/knowledge/documents?q=&kind=&area=&provision=&page=
    GET /api/knowledge/documents/{key}?from=&to=                  (every version, and the diff)
    GET /api/knowledge/documents/{key}/{label}

The same filters, pages and rows as the pages (views.py, documents.py). Drafts (an assessment, a
document or a version not published) are the Secretariat's only: 404 or absent for anyone else. A
filter with a bad value answers 422 with the API's one error body, naming it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from viennaplan.api_shapes import INVALID, ErrorOut, Label
from viennaplan.knowledge.listing import PER_PAGE, BadFilter, with_query

from ..api_errors import refused
from . import documents, rules, versions, views
from .models import Assessment, Document, DocumentVersion

router = Router()


def given(filters: Schema) -> dict[str, Any]:
    return {name: value for name, value in filters.dict().items() if value is not None}


class AssessmentFiltersIn(Schema):
    q: str | None = Field(None, max_length=200, description="words in the title, causes, effects, sample or publisher")
    state: str | None = Field(None, max_length=3, description="one State, by alpha-3 code, e.g. KEN")
    sector: str | None = Field(None, max_length=30, description=f"a sector: {', '.join(rules.SECTORS)}")
    type: str | None = Field(None, max_length=30, description=f"a type of corruption: {', '.join(rules.TYPES)}")
    method: str | None = Field(None, max_length=30, description=f"a method: {', '.join(rules.METHODS)}")
    scope: str | None = Field(None, max_length=20, description=f"a scope: {', '.join(rules.SCOPES)}")
    provision: str | None = Field(None, max_length=40, description="a provision of the plan it serves: 33/a")
    year_from: str | None = Field(None, max_length=4, description="the year it speaks for, from (1900-2100)")
    year_to: str | None = Field(None, max_length=4, description="the year it speaks for, up to (1900-2100)")
    page: int | None = Field(None, ge=1, le=1_000_000, description=f"the page of {PER_PAGE} assessments, from 1")


class CodeLabelOut(Schema):
    code: str
    label: Label


class AssessmentProvisionOut(Schema):
    path: str = Field(..., description="the provision's path in the plan, e.g. 33/a")
    url: str


class CostOut(Schema):
    amount: Decimal
    currency: str = Field(..., description="ISO 4217")
    year: int = Field(..., description="the year the cost is priced in")


class AssessmentOut(Schema):
    state: str = Field(..., description="ISO 3166-1 alpha-3")
    state_name: str = Field(..., description="in the language of the request")
    key: str
    title: str
    scope: CodeLabelOut
    sectors: list[CodeLabelOut]
    types: list[CodeLabelOut] = Field(..., description="types of corruption covered")
    method: CodeLabelOut
    sample_size: int | None
    published_on: date
    year: int = Field(..., description="the year it speaks for: fieldwork's end, else its start, else publication")
    publisher: str
    published: bool = Field(..., description="false: a draft, which only the Secretariat sees")
    url: str = Field(..., description="the assessment's page")
    api_url: str


class AssessmentDetailOut(AssessmentOut):
    causes: str
    effects: str
    cost: CostOut | None = Field(..., description="the estimated cost of corruption (null: none given)")
    sample_description: str
    fieldwork_start: date | None
    fieldwork_end: date | None
    official_url: str
    provisions: list[AssessmentProvisionOut]


class AssessmentListOut(Schema):
    count: int = Field(..., description="assessments matching the filters, on every page")
    page: int
    pages: int
    per_page: int
    assessments: list[AssessmentOut]
    url: str = Field(..., description="the page with the same filters")


class ComparisonRowOut(Schema):
    state: str
    state_name: str
    counts: list[int] = Field(..., description="assessments of the State in each year of `years`, in order")


class ComparisonOut(Schema):
    sector: str | None
    type: str | None
    years: list[int]
    rows: list[ComparisonRowOut]
    states_per_year: list[int]
    total: int
    url: str = Field(..., description="the comparison's page with the same filters")


def coded(code: str, labels: dict) -> dict:
    return {"code": code, "label": labels.get(code, code)}


def assessment_out(assessment: Assessment) -> dict:
    return {
        "state": assessment.state_id,
        "state_name": assessment.state.name,
        "key": assessment.key,
        "title": assessment.title,
        "scope": coded(assessment.scope, rules.SCOPES),
        "sectors": [{"code": code, "label": label} for code, label in views.sector_labels(assessment)],
        "types": [{"code": code, "label": label} for code, label in views.type_labels(assessment)],
        "method": coded(assessment.method, rules.METHODS),
        "sample_size": assessment.sample_size,
        "published_on": assessment.published_on,
        "year": assessment.year,
        "publisher": assessment.publisher,
        "published": assessment.published,
        "url": views.assessment_url(assessment),
        "api_url": views.assessment_api_url(assessment),
    }


@router.get(
    "/assessments",
    response={200: AssessmentListOut, **INVALID},
    operation_id="assessments_list",
    summary="Corruption assessments (33(a), 30(a)), filtered as on their page, a page at a time",
)
def list_assessments(request: HttpRequest, filters: Query[AssessmentFiltersIn]):
    try:
        checked = views.parse_filters(given(filters))
    except BadFilter as error:
        return refused(error)
    found = views.assessment_page(request.user, checked)
    return {
        "count": found.count,
        "page": found.page,
        "pages": found.pages,
        "per_page": PER_PAGE,
        "assessments": [assessment_out(assessment) for assessment in found.rows],
        "url": with_query(views.PAGE_URL, checked.query(page=True)),
    }


@router.get(
    "/assessments/compare",
    response={200: ComparisonOut, **INVALID},
    operation_id="assessments_compare",
    summary="Which States' assessments cover a sector or a type of corruption, by year (a State x year table)",
)
def compare_assessments(request: HttpRequest, filters: Query[AssessmentFiltersIn]):
    try:
        checked = views.parse_filters(given(filters))
    except BadFilter as error:
        return refused(error)
    table = views.comparison_table(request.user, checked)
    return {
        "sector": checked.sector or None,
        "type": checked.type or None,
        "years": list(table.years),
        "rows": [{"state": row.state, "state_name": row.state_name, "counts": list(row.cells)} for row in table.rows],
        "states_per_year": list(table.states_per_year()),
        "total": table.total,
        "url": with_query(views.COMPARE_URL, checked.query()),
    }


@router.get(
    "/assessments/{state}/{key}",
    response={200: AssessmentDetailOut, 404: ErrorOut, **INVALID},
    operation_id="assessments_get",
    summary="One corruption assessment in the standardized format",
)
def get_assessment(request: HttpRequest, state: str, key: str):
    assessment = views.assessment_or_404(request.user, state.upper(), key)
    cost = None
    if assessment.cost_amount is not None:
        cost = {"amount": assessment.cost_amount, "currency": assessment.cost_currency, "year": assessment.cost_year}
    return {
        **assessment_out(assessment),
        "causes": assessment.causes,
        "effects": assessment.effects,
        "cost": cost,
        "sample_description": assessment.sample_description,
        "fieldwork_start": assessment.fieldwork_start,
        "fieldwork_end": assessment.fieldwork_end,
        "official_url": assessment.official_url,
        "provisions": [
            {"path": path, "url": views.provision_url(path)}
            for path in sorted((row.path for row in assessment.provisions.all()), key=rules.path_order)
        ],
    }


# -- documents with versions -------------------------------------------------------------------


class DocumentFiltersIn(Schema):
    q: str | None = Field(None, max_length=200, description="words in the title or a version's text or changes")
    kind: str | None = Field(None, max_length=30, description=f"the kind: {', '.join(versions.KINDS)}")
    area: str | None = Field(None, max_length=5, description="the chapter of the plan, a Roman numeral: IV")
    provision: str | None = Field(None, max_length=40, description="a provision of the plan it serves: 33/e")
    page: int | None = Field(None, ge=1, le=1_000_000, description=f"the page of {PER_PAGE} documents, from 1")


class CompareIn(Schema):
    from_: str | None = Field(None, alias="from", max_length=40, description="the older version's label")
    to: str | None = Field(None, max_length=40, description="the newer version's label (default: the latest)")


class DocumentVersionOut(Schema):
    label: str
    date: date
    changes: str = Field(..., description="the summary of changes")
    official_url: str
    published: bool
    current: bool = Field(..., description="the latest published version")
    url: str
    api_url: str


class VersionDetailOut(DocumentVersionOut):
    text: str


class DocumentOut(Schema):
    key: str
    kind: CodeLabelOut
    title: str
    area: str = Field(..., description="the chapter of the plan it serves, a Roman numeral")
    provisions: list[AssessmentProvisionOut]
    published: bool
    current_version: str | None = Field(..., description="the label of the latest published version")
    url: str
    api_url: str


class DiffLineOut(Schema):
    kind: str = Field(..., description="added, removed, kept, or gap (unchanged lines left out)")
    text: str
    old: int | None = Field(..., description="the line's number in the older text")
    new: int | None = Field(..., description="the line's number in the newer text")


class DocumentDetailOut(DocumentOut):
    versions: list[DocumentVersionOut] = Field(..., description="the latest first")
    current_text: str = Field(..., description="the text of the current version (empty: none)")
    compared_from: str | None
    compared_to: str | None
    diff: list[DiffLineOut]


class DocumentListOut(Schema):
    count: int
    page: int
    pages: int
    per_page: int
    documents: list[DocumentOut]
    url: str


def version_out(document: Document, version: DocumentVersion, current: DocumentVersion | None) -> dict:
    return {
        "label": version.label,
        "date": version.date,
        "changes": version.changes,
        "official_url": version.official_url,
        "published": version.published,
        "current": current is not None and current.pk == version.pk,
        "url": documents.version_url(document, version),
        "api_url": f"{documents.document_api_url(document)}/{version.label}",
    }


def document_out(document: Document, current: DocumentVersion | None) -> dict:
    return {
        "key": document.key,
        "kind": coded(document.kind, versions.KINDS),
        "title": document.title,
        "area": document.area,
        "provisions": [
            {"path": path, "url": views.provision_url(path)} for path in documents.provision_paths(document)
        ],
        "published": document.published,
        "current_version": current.label if current else None,
        "url": documents.document_url(document),
        "api_url": documents.document_api_url(document),
    }


@router.get(
    "/documents",
    response={200: DocumentListOut, **INVALID},
    operation_id="assessments_list_documents",
    summary="The toolkit, the manual and the other documents kept in versions (33(a),(e), 46(d))",
)
def list_documents(request: HttpRequest, filters: Query[DocumentFiltersIn]):
    try:
        checked = documents.parse_filters(given(filters))
    except BadFilter as error:
        return refused(error)
    found = documents.document_page(request.user, checked)
    return {
        "count": found.count,
        "page": found.page,
        "pages": found.pages,
        "per_page": PER_PAGE,
        "documents": [
            document_out(document, versions.current(list(document.versions.all()))) for document in found.rows
        ],
        "url": with_query(documents.PAGE_URL, checked.query(page=True)),
    }


@router.get(
    "/documents/{key}",
    response={200: DocumentDetailOut, 404: ErrorOut, **INVALID},
    operation_id="assessments_get_document",
    summary="One document: every version, the current one's text and what changed between two versions",
)
def get_document(request: HttpRequest, key: str, compare: Query[CompareIn]):
    document = documents.document_or_404(request.user, key)
    known = documents.visible_versions(request.user, document)
    labels = {name: value for name, value in (("from", compare.from_), ("to", compare.to)) if value}
    try:
        old, new, lines = documents.compared(known, labels)
    except BadFilter as error:
        return refused(error)
    current = versions.current(known)
    return {
        **document_out(document, current),
        "versions": [version_out(document, version, current) for version in reversed(known)],
        "current_text": current.text if current else "",
        "compared_from": old.label if old else None,
        "compared_to": new.label if new else None,
        "diff": [{"kind": line.kind, "text": line.text, "old": line.old, "new": line.new} for line in lines],
    }


@router.get(
    "/documents/{key}/{label}",
    response={200: VersionDetailOut, 404: ErrorOut, **INVALID},
    operation_id="assessments_get_document_version",
    summary="One version of a document, with its text",
)
def get_document_version(request: HttpRequest, key: str, label: str):
    document = documents.document_or_404(request.user, key)
    version = documents.version_or_404(request.user, document, label)
    current = versions.current(documents.visible_versions(request.user, document))
    return {**version_out(document, version, current), "text": version.text}
