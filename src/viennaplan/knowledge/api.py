"""National legislation as open data: the JSON twin of the pages (views.py), under /api/knowledge.

    GET /api/knowledge/legislation?q=&state=&instrument=&article=&provision=&status=&kind=&page=
    GET /api/knowledge/legislation/{state}/{key}

The same filters, pages of the same size and the same rows as /knowledge/legislation. A law not
published is a draft: only the Secretariat sees it; for anyone else it answers 404 and is absent
from the list. A filter with a bad value answers 422 with the API's one error body, naming it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from types import SimpleNamespace
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from viennaplan.api_shapes import INVALID, ErrorOut, Label, as_is
from viennaplan.countries.registry import country_name

from . import legislation
from .api_errors import refused
from .listing import PER_PAGE, BadFilter, paged, with_query
from .models import Law, LawArticle
from .views import (
    filtered_laws,
    guide_url,
    law_api_url,
    law_or_404,
    law_url,
    parse_filters,
    provision_url,
    visible_act,
)

router = Router()


class LegislationFilters(Schema):
    q: str | None = Field(None, max_length=200, description="words in a title (original or English) or an extract")
    state: str | None = Field(None, max_length=3, description="one State, by alpha-3 code, e.g. CHE")
    instrument: str | None = Field(None, max_length=20, description="an instrument's code, e.g. FIREARMS")
    article: str | None = Field(None, max_length=40, description="an article it implements: 5, 5(1), 5(1)(a)")
    provision: str | None = Field(None, max_length=40, description="a provision of the plan it serves: 57/a")
    status: str | None = Field(None, max_length=20, description="in_force, amended, repealed or draft")
    kind: str | None = Field(None, max_length=20, description="constitution, act, decree, regulation or other")
    page: int | None = Field(None, ge=1, le=1_000_000, description=f"the page of {PER_PAGE} laws, from 1")


class LawRefOut(Schema):
    state: str
    key: str
    url: str = Field(..., description="its page")
    api_url: str


class LawArticleOut(Schema):
    instrument: str = Field(..., description="the instrument's code, e.g. FIREARMS")
    article: str = Field(..., description="5, 5(1) or 5(1)(a)")
    extract: str = Field(..., description="the text of the law that implements the article")
    guide_url: str = Field(..., description="the legislative guide's page of the article")


class LawProvisionOut(Schema):
    path: str = Field(..., description="the provision's path in the plan, e.g. 57/a")
    url: str


class LawOut(Schema):
    state: str = Field(..., description="ISO 3166-1 alpha-3")
    state_name: str = Field(..., description="in the language of the request")
    key: str
    title_original: str
    title_en: str
    kind: str
    kind_label: Label
    language: str = Field(..., description="ISO 639-1 code of the original")
    adopted: date | None
    in_force: date | None
    status: str
    status_label: Label
    published: bool = Field(..., description="false: a draft, which only the Secretariat sees")
    articles: list[LawArticleOut]
    url: str = Field(..., description="the law's page")
    api_url: str


class LawDetailOut(LawOut):
    amended_by: LawRefOut | None = Field(..., description="the amending law (null: none, or not published)")
    repealed_by: LawRefOut | None = Field(..., description="the repealing law (null: none, or not published)")
    official_url: str
    text: str
    provisions: list[LawProvisionOut]


class LawListOut(Schema):
    count: int = Field(..., description="laws matching the filters, on every page")
    page: int
    pages: int
    per_page: int
    laws: list[LawOut]
    url: str = Field(..., description="the page with the same filters")


def law_out(law: Law) -> dict:
    return law_shape(
        {column: getattr(law, column) for column in LAW_COLUMNS},
        [(article.instrument_id, article.article, article.extract) for article in law.articles.all()],
    )


# what a law's shape reads of its row (`laws_out` reads only these)
LAW_COLUMNS = (
    "state_id",
    "key",
    "title_original",
    "title_en",
    "kind",
    "language",
    "adopted",
    "in_force",
    "status",
    "published",
)


def law_shape(row: dict[str, Any], articles: list[tuple[str, str, str]]) -> dict:
    """A law's shape from its columns (`LAW_COLUMNS`) and its articles (instrument, article, extract)."""
    law = SimpleNamespace(**row)
    return {
        "state": law.state_id,
        "state_name": country_name(law.state_id),
        "key": law.key,
        "title_original": law.title_original,
        "title_en": law.title_en,
        "kind": law.kind,
        "kind_label": legislation.KIND_LABELS.get(law.kind, law.kind),
        "language": law.language,
        "adopted": law.adopted,
        "in_force": law.in_force,
        "status": law.status,
        "status_label": legislation.STATUS_LABELS.get(law.status, law.status),
        "published": law.published,
        "articles": [
            {
                "instrument": instrument,
                "article": article,
                "extract": extract,
                "guide_url": guide_url(instrument, article),
            }
            for instrument, article, extract in sorted(
                articles,
                key=lambda a: (legislation.instrument_order(a[0]), legislation.article_order(a[1])),
            )
        ],
        "url": law_url(law),
        "api_url": law_api_url(law),
    }


def laws_out(rows: list[dict[str, Any]]) -> list[dict]:
    """The shapes of a page of laws read as plain rows (`LAW_COLUMNS` and "id"), their articles in one query."""
    articles: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    found = LawArticle.objects.filter(law_id__in=[row["id"] for row in rows]).order_by("id")
    for law_id, *article in found.values_list("law_id", "instrument_id", "article", "extract"):
        articles[law_id].append(tuple(article))
    return [law_shape({column: row[column] for column in LAW_COLUMNS}, articles[row["id"]]) for row in rows]


def law_ref(law: Law | None) -> dict | None:
    if law is None:
        return None
    return {"state": law.state_id, "key": law.key, "url": law_url(law), "api_url": law_api_url(law)}


@router.get(
    "/legislation",
    response={200: LawListOut, **INVALID},
    operation_id="knowledge_list_legislation",
    summary="National legislation (18(e)), filtered as on its page, a page at a time",
)
def list_legislation(request: HttpRequest, filters: Query[LegislationFilters]):
    given = {name: value for name, value in filters.dict().items() if value is not None}
    try:
        checked = parse_filters(given)
    except BadFilter as error:
        return refused(error)
    found = paged(filtered_laws(request.user, checked).values("id", *LAW_COLUMNS), checked.page)
    # sent as built, not checked again against LawListOut (tests/knowledge: it is what the schema makes of it)
    return as_is(
        {
            "count": found.count,
            "page": found.page,
            "pages": found.pages,
            "per_page": PER_PAGE,
            "laws": laws_out(found.rows),
            "url": with_query("/knowledge/legislation", checked.query(page=True)),
        }
    )


@router.get(
    "/legislation/{state}/{key}",
    response={200: LawDetailOut, 404: ErrorOut, **INVALID},
    operation_id="knowledge_get_law",
    summary="One law: titles, dates, status, the articles it implements and the provisions it serves",
)
def get_law(request: HttpRequest, state: str, key: str):
    law = law_or_404(request.user, state.upper(), key)
    return {
        **law_out(law),
        "amended_by": law_ref(visible_act(request.user, law.amended_by)),
        "repealed_by": law_ref(visible_act(request.user, law.repealed_by)),
        "official_url": law.official_url,
        "text": law.text,
        "provisions": [
            {"path": path, "url": provision_url(path)}
            for path in sorted((p.path for p in law.provisions.all()), key=legislation.path_order)
        ],
    }
