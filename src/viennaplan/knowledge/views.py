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
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.accounts.permissions import role_of
from viennaplan.accounts.roles import SECRETARIAT
from viennaplan.countries.models import Country
from viennaplan.treaties.models import Instrument
from viennaplan.treaties.rules import find_code

from . import legislation
from .models import Law, LawArticle, LawProvision

PAGE_URL = "/knowledge/legislation"
API_URL = "/api/knowledge/legislation"
GUIDE_URL = "/knowledge/legislation/guide"
PER_PAGE = 50
Q_MAX = 200
FILTERS = ("q", "state", "instrument", "article", "provision", "status", "kind")


class BadFilter(ValueError):
    """A filter whose value cannot be used: `parameter` names it, the message says why."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


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


def with_query(url: str, query: dict[str, str]) -> str:
    return f"{url}?{urlencode(query)}" if query else url


def parse_filters(given: Any) -> LawFilters:
    """The filters of a query (a QueryDict or a dict of strings), checked; BadFilter on the first bad one."""

    def value(name: str) -> str:
        raw = given.get(name)
        return "" if raw is None else str(raw).strip()

    q = value("q")
    if len(q) > Q_MAX:
        raise BadFilter("q", _("longer than %(limit)s characters") % {"limit": Q_MAX})
    state = value("state").upper()
    if state and not Country.objects.filter(alpha3=state).exists():
        raise BadFilter(
            "state", _("%(value)s is not the alpha-3 code of a State (e.g. AUT)") % {"value": repr(value("state"))}
        )
    instrument = value("instrument")
    if instrument:
        code = find_code(instrument)
        if code is None:
            codes = ", ".join(Instrument.objects.values_list("code", flat=True))
            raise BadFilter(
                "instrument",
                _("%(value)s is not an instrument (known: %(codes)s)") % {"value": repr(instrument), "codes": codes},
            )
        instrument = code
    article = value("article")
    if article and not legislation.is_article(article):
        raise BadFilter(
            "article", _("%(value)s is not an article number such as 5, 5(1) or 5(1)(a)") % {"value": repr(article)}
        )
    provision = value("provision").strip("/")
    if provision and not legislation.PATH.fullmatch(provision):
        raise BadFilter(
            "provision", _("%(value)s is not a provision's path such as 57/a or 18/e") % {"value": repr(provision)}
        )
    status = value("status")
    if status and status not in legislation.STATUS_LABELS:
        raise BadFilter(
            "status",
            _("%(value)s is not one of %(codes)s")
            % {"value": repr(status), "codes": ", ".join(legislation.STATUS_LABELS)},
        )
    kind = value("kind")
    if kind and kind not in legislation.KIND_LABELS:
        raise BadFilter(
            "kind",
            _("%(value)s is not one of %(codes)s") % {"value": repr(kind), "codes": ", ".join(legislation.KIND_LABELS)},
        )
    page_text = value("page") or "1"
    if not page_text.isdigit() or not 1 <= int(page_text) <= 1_000_000:
        raise BadFilter("page", _("%(value)s is not a page number (1, 2, 3 …)") % {"value": repr(page_text)})
    return LawFilters(q, state, instrument, article, provision, status, kind, int(page_text))


def sees_drafts(user: Any) -> bool:
    """Only the Secretariat sees laws not published."""
    return role_of(user) == SECRETARIAT


def visible_laws(user: Any) -> QuerySet[Law]:
    laws = Law.objects.all()
    return laws if sees_drafts(user) else laws.filter(published=True)


def filtered_laws(user: Any, filters: LawFilters) -> QuerySet[Law]:
    laws = visible_laws(user)
    if filters.q:
        extract = LawArticle.objects.filter(law=OuterRef("pk"), extract__icontains=filters.q)
        laws = laws.filter(
            Q(title_original__icontains=filters.q) | Q(title_en__icontains=filters.q) | Q(Exists(extract))
        )
    if filters.state:
        laws = laws.filter(state_id=filters.state)
    if filters.instrument or filters.article:
        articles = LawArticle.objects.filter(law=OuterRef("pk"))
        if filters.instrument:
            articles = articles.filter(instrument_id=filters.instrument)
        if filters.article:
            articles = articles.filter(article=filters.article)
        laws = laws.filter(Exists(articles))
    if filters.provision:
        laws = laws.filter(Exists(LawProvision.objects.filter(law=OuterRef("pk"), path=filters.provision)))
    if filters.status:
        laws = laws.filter(status=filters.status)
    if filters.kind:
        laws = laws.filter(kind=filters.kind)
    return laws.order_by("state_id", "key")


@dataclass(frozen=True)
class LawPage:
    """One page of the filtered list: the laws on it and how many there are in all."""

    laws: list[Law]
    count: int
    page: int
    pages: int


def law_page(user: Any, filters: LawFilters) -> LawPage:
    laws = filtered_laws(user, filters)
    count = laws.count()
    start = (filters.page - 1) * PER_PAGE
    rows = list(laws.select_related("state").prefetch_related("articles")[start : start + PER_PAGE]) if count else []
    return LawPage(rows, count, filters.page, max(1, -(-count // PER_PAGE)))


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


def page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("nav", "knowledge")
    return render(request, template, context, status=status)


@require_safe
def legislation_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = parse_filters(request.GET)
    except BadFilter as error:
        context = {"message": str(error), "parameter": error.parameter, "here": _("Bad request")}
        return page(request, "knowledge/bad_request.html", context, status=400)
    found = law_page(request.user, filters)
    query = filters.query()
    states = Country.objects.filter(laws__in=visible_laws(request.user)).distinct()
    return page(
        request,
        "knowledge/legislation_list.html",
        {
            "filters": filters,
            "found": found,
            "laws": [(law, law_url(law)) for law in found.laws],
            "states": sorted(((state.alpha3, state.name) for state in states), key=lambda pair: pair[1]),
            "instruments": Instrument.objects.values_list("code", "short_name"),
            "statuses": legislation.STATUS_LABELS.items(),
            "kinds": legislation.KIND_LABELS.items(),
            "previous_url": with_query(PAGE_URL, {**query, "page": str(found.page - 1)}) if found.page > 1 else "",
            "next_url": with_query(PAGE_URL, {**query, "page": str(found.page + 1)})
            if found.page < found.pages
            else "",
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
        },
    )
