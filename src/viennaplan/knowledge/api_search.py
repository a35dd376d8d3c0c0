"""The knowledge databases' front page and the one search, as JSON (twins of search_views.py), under
/api/knowledge:

    GET /api/knowledge                    the collections, with the records the caller may see
    GET /api/knowledge/search?q=&collection=&state=&chapter=&instrument=&page=
                                          the records found (a page), the plan's provisions found,
                                          and each facet's values with their counts

422 with the API's error body for a filter that is not one, naming it.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from viennaplan.api_shapes import INVALID

from . import search
from .api_errors import refused
from .listing import BadFilter
from .search_views import PAGE_URL, collection_counts, facet_lines, parse_query, query_of, with_query

router = Router()


class CollectionOut(Schema):
    key: str = Field(..., description="the collection's key: the search's collection facet, the command's name")
    label: str
    citation: str = Field(..., description="the paragraphs of the plan that ask for it")
    url: str = Field(..., description="its list page")
    count: int = Field(..., description="records the caller may see (drafts only for the Secretariat)")


class KnowledgeSearchFilters(Schema):
    q: str | None = Field(None, max_length=200, description="words, all required; a word ending in * is a prefix")
    collection: str | None = Field(None, max_length=30, description="a collection's key, or plan")
    state: str | None = Field(None, max_length=3, description="a State's alpha-3 code")
    chapter: str | None = Field(None, max_length=5, description="a chapter of the plan: VI")
    instrument: str | None = Field(None, max_length=20, description="an instrument's code: FIREARMS")
    page: int | None = Field(None, ge=1, le=1_000_000, description=f"the page of {search.PER_PAGE} records, from 1")


class HitOut(Schema):
    collection: str
    record_id: int
    url: str
    title: str
    snippet: str = Field(..., description="HTML: the words found in <mark>, the rest escaped")
    published: bool
    year: int | None
    states: list[str]


class ProvisionHitOut(Schema):
    path: str
    citation: str
    url: str
    snippet: str = Field(..., description="HTML: the words found in <mark>, the rest escaped")


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    chosen: bool


class FacetOut(Schema):
    facet: str = Field(..., description="collection, chapter, state or instrument")
    title: str
    values: list[FacetValueOut]


class SearchOut(Schema):
    total: int = Field(..., description="records found, on every page (the plan's provisions not included)")
    page: int
    pages: int
    per_page: int
    hits: list[HitOut]
    provisions_total: int
    provisions: list[ProvisionHitOut]
    facets: list[FacetOut]
    url: str = Field(..., description="the page with the same search")


@router.get(
    "",
    response={200: list[CollectionOut], **INVALID},
    operation_id="knowledge_collections",
    summary="The knowledge databases' collections, with the number of records the caller may see",
)
def list_collections(request: HttpRequest) -> Any:
    return collection_counts(request.user)


@router.get(
    "/search",
    response={200: SearchOut, **INVALID},
    operation_id="knowledge_search",
    summary="One search over every collection and the plan's provisions, with facets",
)
def search_all(request: HttpRequest, filters: Query[KnowledgeSearchFilters]) -> Any:
    given = {name: value for name, value in filters.dict().items() if value is not None}
    try:
        query = parse_query(given)
    except BadFilter as error:
        return refused(error)
    found = search.search(query, request.user)
    return {
        "total": found.total,
        "page": found.page,
        "pages": found.pages,
        "per_page": search.PER_PAGE,
        "hits": [
            {**{name: getattr(hit, name) for name in HitOut.model_fields}, "snippet": str(hit.snippet)}
            for hit in found.hits
        ],
        "provisions_total": found.provisions_total,
        "provisions": [
            {
                "path": hit.provision.path,
                "citation": hit.provision.citation,
                "url": hit.provision.get_absolute_url(),
                "snippet": str(hit.snippet),
            }
            for hit in found.provisions
        ],
        "facets": [
            {
                "facet": line["facet"],
                "title": str(line["title"]),
                "values": [
                    {name: item[name] for name in ("value", "label", "count", "chosen")} for item in line["values"]
                ],
            }
            for line in facet_lines(query, found)
        ],
        "url": with_query(PAGE_URL, query_of(query)),
    }
