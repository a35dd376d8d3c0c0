"""The national legislation pages (18(e)): a searchable, filterable list and a page per law. Each has a
JSON twin under /api/knowledge/legislation with the same filters (api.py uses the queries below).

    /knowledge/legislation?q=&state=CHE&instrument=FIREARMS&article=5&provision=57/a&status=&kind=&page=
    /knowledge/legislation/CHE/SR-514.54

A law not published is a draft: only the Secretariat sees it; for everyone else it does not exist
(404 on its page, absent from the lists), so that a refusal never reveals it.
A filter with a bad value answers 400 naming the parameter and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.treaties.models import Instrument

from . import legislation
from .legislation_collection import citing_answers
from .listing import (
    BadFilter,
    Paged,
    bad_request,
    checked_choice,
    checked_instrument,
    checked_page,
    checked_provision,
    checked_q,
    checked_state,
    distinct_values,
    neighbour_urls,
    options,
    page,
    paged,
    sees_drafts,
    state_pairs,
    value_of,
    visible,
    with_query,
    words_in,
)
from .models import Law, LawArticle, LawProvision

PAGE_URL = "/knowledge/legislation"
API_URL = "/api/knowledge/legislation"
GUIDE_URL = "/knowledge/legislation/guide"
FILTERS = ("q", "state", "instrument", "article", "provision", "status", "kind")


@dataclass(frozen=True)
class LawFilters:
    q: str = ""
    state: str = ""
    instrument: str = ""
    article: str = ""
    provision: str = ""
    status: str = ""
    kind: str = ""
    page: int = 1

    def query(self, page: bool = False) -> dict[str, str]:
        """The filters given, as query parameters (the page number only when asked and not 1)."""
        given = {name: getattr(self, name) for name in FILTERS if getattr(self, name)}
        if page and self.page != 1:
            given["page"] = str(self.page)
        return given

    @property
    def any(self) -> bool:
        return bool(self.query())


def parse_filters(given: Any) -> LawFilters:
    """The filters of a query (a QueryDict or a dict of strings), checked; BadFilter on the first bad one."""

    article = value_of(given, "article")
    if article and not legislation.is_article(article):
        raise BadFilter(
            "article", _("%(value)s is not an article number such as 5, 5(1) or 5(1)(a)") % {"value": repr(article)}
        )
    return LawFilters(
        checked_q(given),
        checked_state(given),
        checked_instrument(given),
        article,
        checked_provision(given),
        checked_choice(given, "status", legislation.STATUS_LABELS),
        checked_choice(given, "kind", legislation.KIND_LABELS),
        checked_page(given),
    )


def visible_laws(user: Any) -> QuerySet[Law]:
    return visible(user, Law.objects.all())


def filtered_laws(user: Any, filters: LawFilters) -> QuerySet[Law]:
    laws = visible_laws(user)
    if filters.q:
        extract = LawArticle.objects.filter(words_in(LawArticle, filters.q), law=OuterRef("pk"))
        laws = laws.filter(words_in(Law, filters.q) | Q(Exists(extract)))
    if filters.state:
        laws = laws.filter(state_id=filters.state)
    # A filter on an article or a provision as `id IN (…)` read through that table's index, not an
    # EXISTS tried on every law (50,000 laws: 27 ms to count those of one article).
    if filters.instrument or filters.article:
        articles = LawArticle.objects.order_by()
        if filters.instrument:
            articles = articles.filter(instrument_id=filters.instrument)
        if filters.article:
            articles = articles.filter(article=filters.article)
        laws = laws.filter(pk__in=articles.values("law_id"))
    if filters.provision:
        laws = laws.filter(pk__in=LawProvision.objects.order_by().filter(path=filters.provision).values("law_id"))
    if filters.status:
        laws = laws.filter(status=filters.status)
    if filters.kind:
        laws = laws.filter(kind=filters.kind)
    return laws.order_by("state_id", "key")


def law_page(user: Any, filters: LawFilters) -> Paged[Law]:
    laws = filtered_laws(user, filters).select_related("state").prefetch_related("articles")
    return paged(laws, filters.page)


def law_or_404(user: Any, state: str, key: str) -> Law:
    law = (
        visible_laws(user).select_related("state", "amended_by", "repealed_by").filter(state_id=state, key=key).first()
    )
    if law is None:
        raise Http404(_("No law %(key)s of %(state)s is on file.") % {"key": key, "state": state})
    return law


def law_url(law: Law) -> str:
    return f"{PAGE_URL}/{law.state_id}/{law.key}"


def law_api_url(law: Law) -> str:
    return f"{API_URL}/{law.state_id}/{law.key}"


def guide_url(instrument: str, article: str) -> str:
    return f"{GUIDE_URL}/{instrument}/{article}"


def provision_url(path: str) -> str:
    return f"/plan/{path}"


def visible_act(user: Any, act: Law | None) -> Law | None:
    """The amending or repealing law if the user may see it (a draft stays hidden from the public)."""
    if act is None or (not act.published and not sees_drafts(user)):
        return None
    return act


def language_name(code: str) -> str:
    """The name of a language in the reader's language ("German" / "allemand"), else its code."""
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code


# -- the pages ----------------------------------------------------------------------------------


@require_safe
def legislation_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, PAGE_URL, _("Show all national legislation"))
    found = law_page(request.user, filters)
    query = filters.query()
    previous_url, next_url = neighbour_urls(PAGE_URL, query, found)
    states = state_pairs(distinct_values(visible_laws(request.user), "state_id"))
    return page(
        request,
        "knowledge/legislation_list.html",
        {
            "filters": filters,
            "found": found,
            "laws": [(law, law_url(law)) for law in found.rows],
            "state_options": options(states, filters.state),
            "instruments": Instrument.objects.values_list("code", "short_name"),
            "statuses": legislation.STATUS_LABELS.items(),
            "kinds": legislation.KIND_LABELS.items(),
            "previous_url": previous_url,
            "next_url": next_url,
            "drafts_shown": sees_drafts(request.user),
            "json_url": with_query(API_URL, filters.query(page=True)),
        },
    )


@require_safe
def law_detail(request: HttpRequest, state: str, key: str) -> HttpResponse:
    if state != state.upper():
        return redirect(f"{PAGE_URL}/{state.upper()}/{key}", permanent=True)
    law = law_or_404(request.user, state, key)
    articles = sorted(
        law.articles.select_related("instrument"),
        key=lambda a: (legislation.instrument_order(a.instrument_id), legislation.article_order(a.article)),
    )
    provisions = sorted((p.path for p in law.provisions.all()), key=legislation.path_order)
    return page(
        request,
        "knowledge/law.html",
        {
            "law": law,
            "here": law.key,
            "language": language_name(law.language),
            "amended_by": visible_act(request.user, law.amended_by),
            "repealed_by": visible_act(request.user, law.repealed_by),
            "articles": [(article, guide_url(article.instrument_id, article.article)) for article in articles],
            "provisions": [(path, provision_url(path)) for path in provisions],
            "json_url": law_api_url(law),
            "citing": [
                (
                    answer,
                    f"/reporting/{answer.report.cycle_id}/{answer.report.state_id}/chapter/{answer.question.chapter}"
                    f"#question-{answer.question_id}",
                )
                for answer in citing_answers(law, request.user)
            ],
        },
    )
