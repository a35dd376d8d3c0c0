"""Documents with versions (33(a),(e), 46(d)): the list, a page per document with every version and what
changed between two of them, and a page per version. JSON twins under /api/knowledge/documents.

    /knowledge/documents?q=&kind=&area=&provision=&page=
    /knowledge/documents/practical-measures?from=1.0&to=2.0   (the diff; by default the last change)
    /knowledge/documents/practical-measures/2.0

A document or a version not published is a draft: only the Secretariat sees it; for everyone else it
does not exist (404 on its page, absent from lists, never the current version, not a version to
compare: 400 like a label that does not exist).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.knowledge.listing import (
    BadFilter,
    Paged,
    bad_request,
    checked_choice,
    checked_page,
    checked_provision,
    checked_q,
    neighbour_urls,
    page,
    paged,
    sees_drafts,
    value_of,
    visible,
    with_query,
)

from . import rules, versions
from .models import Document, DocumentProvision, DocumentVersion

PAGE_URL = "/knowledge/documents"
API_URL = "/api/knowledge/documents"
FILTERS = ("q", "kind", "area", "provision")


@dataclass(frozen=True)
class DocumentFilters:
    q: str = ""
    kind: str = ""
    area: str = ""
    provision: str = ""
    page: int = 1

    def query(self, page: bool = False) -> dict[str, str]:
        given = {name: getattr(self, name) for name in FILTERS if getattr(self, name)}
        if page and self.page != 1:
            given["page"] = str(self.page)
        return given

    @property
    def any(self) -> bool:
        return bool(self.query())


def parse_filters(given: Any) -> DocumentFilters:
    return DocumentFilters(
        checked_q(given),
        checked_choice(given, "kind", versions.KINDS),
        checked_choice(given, "area", versions.CHAPTERS),
        checked_provision(given),
        checked_page(given),
    )


def visible_documents(user: Any) -> QuerySet[Document]:
    return visible(user, Document.objects.all())


def visible_versions(user: Any, document: Document) -> list[DocumentVersion]:
    """The document's versions the user may see, from the first to the latest."""
    return versions.in_order(list(visible(user, document.versions.all())))


def filtered_documents(user: Any, filters: DocumentFilters) -> QuerySet[Document]:
    documents = visible_documents(user)
    if filters.q:
        texts = visible(user, DocumentVersion.objects.filter(document=OuterRef("pk"))).filter(
            Q(text__icontains=filters.q) | Q(changes__icontains=filters.q)
        )
        documents = documents.filter(Q(title__icontains=filters.q) | Q(Exists(texts)))
    if filters.kind:
        documents = documents.filter(kind=filters.kind)
    if filters.area:
        documents = documents.filter(area=filters.area)
    if filters.provision:
        documents = documents.filter(
            Exists(DocumentProvision.objects.filter(document=OuterRef("pk"), path=filters.provision))
        )
    return documents.order_by("key")


def document_page(user: Any, filters: DocumentFilters) -> Paged[Document]:
    return paged(filtered_documents(user, filters).prefetch_related("versions", "provisions"), filters.page)


def document_or_404(user: Any, key: str) -> Document:
    document = visible_documents(user).filter(key=key).first()
    if document is None:
        raise Http404(_("No document %(key)s is on file.") % {"key": key})
    return document


def version_of(known: list[DocumentVersion], label: str) -> DocumentVersion | None:
    return next((version for version in known if version.label == label), None)


def version_or_404(user: Any, document: Document, label: str) -> DocumentVersion:
    version = version_of(visible_versions(user, document), label)
    if version is None:
        raise Http404(_("No version %(label)s of %(key)s is on file.") % {"label": label, "key": document.key})
    return version


def compared(
    known: list[DocumentVersion], given: Any
) -> tuple[DocumentVersion | None, DocumentVersion | None, list[versions.DiffLine]]:
    """The two versions to compare (`from`, `to`: labels; by default the one before the latest and the
    latest) and the diff between their texts; BadFilter when a label is not a version the user sees."""
    chosen: dict[str, DocumentVersion | None] = {}
    for name in ("from", "to"):
        label = value_of(given, name)
        if label:
            chosen[name] = version_of(known, label)
            if chosen[name] is None:
                raise BadFilter(name, _("%(value)s is not a version of this document") % {"value": repr(label)})
    newest = known[-1] if known else None
    if "to" not in chosen:
        chosen["to"] = newest
    if "from" not in chosen:
        target = chosen["to"]
        index = known.index(target) if target in known else -1
        chosen["from"] = known[index - 1] if index > 0 else None
    old, new = chosen["from"], chosen["to"]
    if old is None or new is None:
        return old, new, []
    return old, new, versions.diff(old.text, new.text)


def document_url(document: Document) -> str:
    return f"{PAGE_URL}/{document.key}"


def document_api_url(document: Document) -> str:
    return f"{API_URL}/{document.key}"


def version_url(document: Document, version: DocumentVersion) -> str:
    return f"{PAGE_URL}/{document.key}/{version.label}"


def provision_paths(document: Document) -> list[str]:
    return sorted((row.path for row in document.provisions.all()), key=rules.path_order)


# -- the pages ----------------------------------------------------------------------------------


@require_safe
def document_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, PAGE_URL, _("Show all documents"))
    found = document_page(request.user, filters)
    previous_url, next_url = neighbour_urls(PAGE_URL, filters.query(), found)
    return page(
        request,
        "knowledge_assessments/document_list.html",
        {
            "filters": filters,
            "found": found,
            "documents": [
                (document, document_url(document), versions.current(list(document.versions.all())))
                for document in found.rows
            ],
            "kinds": versions.KINDS.items(),
            "areas": versions.CHAPTERS,
            "drafts_shown": sees_drafts(request.user),
            "previous_url": previous_url,
            "next_url": next_url,
            "json_url": with_query(API_URL, filters.query(page=True)),
        },
    )


@require_safe
def document_detail(request: HttpRequest, key: str) -> HttpResponse:
    document = document_or_404(request.user, key)
    known = visible_versions(request.user, document)
    try:
        old, new, lines = compared(known, request.GET)
    except BadFilter as error:
        return bad_request(request, error, document_url(document), _("Show the document"))
    current = versions.current(known)
    query = {name: version.label for name, version in (("from", old), ("to", new)) if version}
    return page(
        request,
        "knowledge_assessments/document.html",
        {
            "document": document,
            "here": document.key,
            "versions": [(version, version_url(document, version)) for version in reversed(known)],
            "current": current,
            "old": old,
            "new": new,
            "lines": lines,
            "provisions": [(path, f"/plan/{path}") for path in provision_paths(document)],
            "json_url": with_query(document_api_url(document), query),
        },
    )


@require_safe
def version_detail(request: HttpRequest, key: str, label: str) -> HttpResponse:
    document = document_or_404(request.user, key)
    version = version_or_404(request.user, document, label)
    current = versions.current(visible_versions(request.user, document))
    return page(
        request,
        "knowledge_assessments/version.html",
        {
            "document": document,
            "version": version,
            "is_current": current is not None and current.pk == version.pk,
            "document_url": document_url(document),
            "here": version.label,
            "json_url": f"{document_api_url(document)}/{version.label}",
        },
    )
