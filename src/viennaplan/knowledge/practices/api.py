"""Best practices as open data: the JSON twin of the pages (views.py), mounted under /api/knowledge.

    GET /api/knowledge/practices?q=&area=&provision=&state=&evaluated=&result=&organisation=&page=
    GET /api/knowledge/practices/{key}

The same filters, pages of the same size and the same rows as /knowledge/practices. A draft practice
answers 404 and is absent from the list for anyone but the Secretariat; a draft evaluation is left out
likewise. A filter with a bad value answers 422 with the API's one error body, naming it.
"""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from viennaplan.api_shapes import INVALID, ErrorOut, Label
from viennaplan.countries.registry import country_name
from viennaplan.knowledge.listing import PER_PAGE, BadFilter, with_query

from ..api_errors import refused
from . import rules
from .models import Practice
from .queries import (
    PAGE_URL,
    parse_filters,
    practice_api_url,
    practice_or_404,
    practice_page,
    practice_url,
    provision_url,
    provisions_of,
    states_of,
)

router = Router()


class PracticeFiltersIn(Schema):
    q: str | None = Field(None, max_length=200, description="words in a title, summary, description or finding")
    area: str | None = Field(None, max_length=5, description="the plan's chapter, by Roman numeral, e.g. IV")
    provision: str | None = Field(None, max_length=40, description="a provision it serves, or its items': 84/c, 84")
    state: str | None = Field(None, max_length=3, description="a State that applied it, by alpha-3 code, e.g. AUT")
    evaluated: str | None = Field(None, max_length=3, description="yes: with an evaluation; no: without")
    result: str | None = Field(
        None,
        max_length=20,
        description="an evaluation's result: effective, promising, mixed, not_effective, inconclusive",
    )
    organisation: str | None = Field(None, max_length=200, description="words in the implementing organisation")
    page: int | None = Field(None, ge=1, le=1_000_000, description=f"the page of {PER_PAGE} practices, from 1")


class StateOut(Schema):
    code: str = Field(..., description="ISO 3166-1 alpha-3")
    name: str = Field(..., description="in the language of the request")


class PracticeProvisionOut(Schema):
    path: str = Field(..., description="the provision's path in the plan, e.g. 84/c")
    url: str


class EvaluationOut(Schema):
    evaluator: str
    date: date
    method: str
    method_label: Label
    result: str
    result_label: Label
    findings: str
    url: str = Field(..., description="the link to the evaluation, if any")
    published: bool = Field(..., description="false: a draft, which only the Secretariat sees")


class PracticeOut(Schema):
    key: str
    title: str
    summary: str
    area: str = Field(..., description="the plan's chapter, by Roman numeral")
    provisions: list[PracticeProvisionOut]
    states: list[StateOut] = Field(..., description="the States that applied it (may be none)")
    organisation: str
    period_from: int | None
    period_to: int | None
    published: bool = Field(..., description="false: a draft, which only the Secretariat sees")
    evaluations: list[EvaluationOut] = Field(..., description="those the reader may see, by date")
    url: str = Field(..., description="the practice's page")
    api_url: str


class PracticeDetailOut(PracticeOut):
    description: str
    source_url: str = Field(..., description="the source or official link, if any")


class PracticeListOut(Schema):
    count: int = Field(..., description="practices matching the filters, on every page")
    page: int
    pages: int
    per_page: int
    practices: list[PracticeOut]
    url: str = Field(..., description="the page with the same filters")


def practice_out(practice: Practice) -> dict:
    return {
        "key": practice.key,
        "title": practice.title,
        "summary": practice.summary,
        "area": practice.area,
        "provisions": [{"path": path, "url": provision_url(path)} for path in provisions_of(practice)],
        "states": [{"code": code, "name": country_name(code)} for code in states_of(practice)],
        "organisation": practice.organisation,
        "period_from": practice.period_from,
        "period_to": practice.period_to,
        "published": practice.published,
        "evaluations": [
            {
                "evaluator": evaluation.evaluator,
                "date": evaluation.date,
                "method": evaluation.method,
                "method_label": rules.METHOD_LABELS.get(evaluation.method, evaluation.method),
                "result": evaluation.result,
                "result_label": rules.RESULT_LABELS.get(evaluation.result, evaluation.result),
                "findings": evaluation.findings,
                "url": evaluation.url,
                "published": evaluation.published,
            }
            for evaluation in practice.shown_evaluations
        ],
        "url": practice_url(practice.key),
        "api_url": practice_api_url(practice.key),
    }


@router.get(
    "/practices",
    response={200: PracticeListOut, **INVALID},
    operation_id="practices_list",
    summary="Best practices, filtered as on their page, a page at a time",
)
def list_practices(request: HttpRequest, filters: Query[PracticeFiltersIn]):
    given = {name: value for name, value in filters.dict().items() if value is not None}
    try:
        checked = parse_filters(given)
    except BadFilter as error:
        return refused(error)
    found = practice_page(request.user, checked)
    return {
        "count": found.count,
        "page": found.page,
        "pages": found.pages,
        "per_page": PER_PAGE,
        "practices": [practice_out(practice) for practice in found.rows],
        "url": with_query(PAGE_URL, checked.query(page=True)),
    }


@router.get(
    "/practices/{key}",
    response={200: PracticeDetailOut, 404: ErrorOut, **INVALID},
    operation_id="practices_get",
    summary="One best practice: its area, provisions, States, period and the evaluations the reader may see",
)
def get_practice(request: HttpRequest, key: str):
    practice = practice_or_404(request.user, key)
    return {**practice_out(practice), "description": practice.description, "source_url": practice.url}
