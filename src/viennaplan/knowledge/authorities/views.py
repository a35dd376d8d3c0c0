"""The directory's pages: a searchable, filterable list of authorities per State and purpose, a page
per authority, and the Secretariat's CSV download. Each page has a JSON twin (api.py, same queries).

    /knowledge/authorities?q=&state=CHE&purpose=mla&instrument=UNTOC&provision=57/i&page=
    /knowledge/authorities/CHE/FOJ-central-authority
    /knowledge/authorities.csv            (the Secretariat's file, contact details included)

The public sees that an authority exists, not how to reach it: its contact details are shown only to
those allowed `authority.contacts` (the Secretariat, focal points of any State, reviewers); anyone
else reads, in their place, that they are available to signed-in officials of States. An authority
not published is a draft: only the Secretariat sees it (404 for everyone else, absent from lists).
A filter with a bad value answers 400 naming the parameter and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.accounts.permissions import can
from viennaplan.treaties.models import Instrument

from ..listing import (
    BadFilter,
    Paged,
    bad_request,
    checked_choice,
    checked_instrument,
    checked_page,
    checked_provision,
    checked_q,
    checked_state,
    neighbour_urls,
    options,
    page,
    paged,
    sees_drafts,
    state_pairs,
    visible,
    with_query,
    words_in,
)
from . import directory
from .authorities_csv import write_csv
from .models import Authority, AuthorityContact, AuthorityProvision

PAGE_URL = "/knowledge/authorities"
API_URL = "/api/knowledge/authorities"
CONTACTS = "authority.contacts"
FILTERS = ("q", "state", "purpose", "instrument", "provision")


@dataclass(frozen=True)
class AuthorityFilters:
    q: str = ""
    state: str = ""
    purpose: str = ""
    instrument: str = ""
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


def parse_filters(given: Any) -> AuthorityFilters:
    """The filters of a query (a QueryDict or a dict of strings), checked; BadFilter on the first bad one."""
    return AuthorityFilters(
        checked_q(given),
        checked_state(given),
        checked_choice(given, "purpose", directory.PURPOSES),
        checked_instrument(given),
        checked_provision(given),
        checked_page(given),
    )


def sees_contacts(user: Any, authority: Authority) -> bool:
    """Whether `user` may read how to reach `authority` (the permission table decides)."""
    return can(user, CONTACTS, authority)


def contact_of(user: Any, authority: Authority) -> AuthorityContact | None:
    """The authority's contact details if `user` may see them (and there are any), else None."""
    if not sees_contacts(user, authority):
        return None
    try:
        return authority.contact
    except AuthorityContact.DoesNotExist:
        return None


def visible_authorities(user: Any) -> QuerySet[Authority]:
    return visible(user, Authority.objects.all())


def filtered_authorities(user: Any, filters: AuthorityFilters) -> QuerySet[Authority]:
    """The filters never look at contact details: a search must not reveal them to anyone."""
    authorities = visible_authorities(user)
    if filters.q:
        authorities = authorities.filter(words_in(Authority, filters.q))
    if filters.state:
        authorities = authorities.filter(state_id=filters.state)
    if filters.purpose:
        authorities = authorities.filter(purpose=filters.purpose)
    if filters.instrument:
        authorities = authorities.filter(purpose__in=directory.purposes_of(filters.instrument))
    if filters.provision:
        authorities = authorities.filter(
            Exists(AuthorityProvision.objects.filter(authority=OuterRef("pk"), path=filters.provision))
        )
    return authorities.order_by("state_id", "purpose", "key")


def authority_page(user: Any, filters: AuthorityFilters) -> Paged[Authority]:
    authorities = filtered_authorities(user, filters).select_related("state", "contact")
    return paged(authorities.prefetch_related("provisions"), filters.page)


def authority_or_404(user: Any, state: str, key: str) -> Authority:
    authority = (
        visible_authorities(user)
        .select_related("state", "contact")
        .prefetch_related("provisions")
        .filter(state_id=state, key=key)
        .first()
    )
    if authority is None:
        raise Http404(_("No authority %(key)s of %(state)s is on file.") % {"key": key, "state": state})
    return authority


def authority_url(authority: Authority) -> str:
    return f"{PAGE_URL}/{authority.state_id}/{authority.key}"


def authority_api_url(authority: Authority) -> str:
    return f"{API_URL}/{authority.state_id}/{authority.key}"


def provision_url(path: str) -> str:
    return f"/plan/{path}"


def provisions_of(authority: Authority) -> list[str]:
    return sorted((p.path for p in authority.provisions.all()), key=directory.path_order)


def language_name(code: str) -> str:
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code


def purpose_label(code: str) -> str:
    purpose = directory.PURPOSES.get(code)
    return str(purpose.label) if purpose else code


def sign_in_url(request: HttpRequest) -> str:
    return with_query(reverse("accounts:login"), {"next": request.get_full_path()})


# -- the pages ----------------------------------------------------------------------------------


@require_safe
def authority_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error, PAGE_URL, _("Show every competent national authority"))
    found = authority_page(request.user, filters)
    query = filters.query()
    previous_url, next_url = neighbour_urls(PAGE_URL, query, found)
    states = visible_authorities(request.user).order_by().values("state_id")
    instruments = [code for code in dict.fromkeys(p.instrument for p in directory.PURPOSES.values()) if code]
    return page(
        request,
        "knowledge_authorities/authority_list.html",
        {
            "filters": filters,
            "found": found,
            "authorities": [(a, authority_url(a), purpose_label(a.purpose)) for a in found.rows],
            "state_options": options(state_pairs(states), filters.state),
            "purposes": [(code, purpose.label) for code, purpose in directory.PURPOSES.items()],
            "instruments": Instrument.objects.filter(code__in=instruments).values_list("code", "short_name"),
            "previous_url": previous_url,
            "next_url": next_url,
            "drafts_shown": sees_drafts(request.user),
            "json_url": with_query(API_URL, filters.query(page=True)),
            "csv_url": f"{PAGE_URL}.csv" if sees_drafts(request.user) else "",
            "signed_in": request.user.is_authenticated,
            "sign_in_url": sign_in_url(request),
        },
    )


@require_safe
def authority_detail(request: HttpRequest, state: str, key: str) -> HttpResponse:
    if state != state.upper():
        return redirect(f"{PAGE_URL}/{state.upper()}/{key}", permanent=True)
    authority = authority_or_404(request.user, state, key)
    purpose = directory.PURPOSES[authority.purpose]
    instrument = Instrument.objects.filter(code=purpose.instrument).first() if purpose.instrument else None
    return page(
        request,
        "knowledge_authorities/authority.html",
        {
            "authority": authority,
            "here": authority.key,
            "purpose": purpose,
            "instrument": instrument,
            "language": language_name(authority.language),
            "request_languages": [(code, language_name(code)) for code in authority.request_language_codes],
            "provisions": [(path, provision_url(path)) for path in provisions_of(authority)],
            "may_see_contacts": sees_contacts(request.user, authority),
            "contact": contact_of(request.user, authority),
            "signed_in": request.user.is_authenticated,
            "sign_in_url": sign_in_url(request),
            "json_url": authority_api_url(authority),
        },
    )


@require_safe
def authority_csv(request: HttpRequest) -> HttpResponse:
    """The Secretariat's file (drafts and contact details included); refused to everyone else."""
    if not sees_drafts(request.user):
        raise PermissionDenied(_("Only the Secretariat may download the file of competent national authorities."))
    response = HttpResponse(write_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="authorities.csv"'
    return response
