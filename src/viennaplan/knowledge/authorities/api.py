"""The directory of competent national authorities as JSON: the twin of the pages (views.py), under
/api/knowledge.

    GET /api/knowledge/authorities?q=&state=&purpose=&instrument=&provision=&page=
    GET /api/knowledge/authorities/{state}/{key}

The same filters, pages of the same size and the same rows as /knowledge/authorities. `contacts` is
null for whoever may not see how to reach an authority (`authority.contacts`: the public, with or
without a session, and civil-society contributors); `contacts_visible` says which. A draft is a 404
for anyone but the Secretariat. A filter with a bad value answers 422 naming it.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from viennaplan.api_shapes import INVALID, ErrorOut, Label

from ..api_errors import refused
from ..listing import PER_PAGE, BadFilter, with_query
from . import directory
from .models import Authority
from .views import (
    authority_api_url,
    authority_or_404,
    authority_page,
    authority_url,
    contact_of,
    parse_filters,
    provision_url,
    provisions_of,
    sees_contacts,
)

router = Router()


class AuthorityFiltersIn(Schema):
    q: str | None = Field(None, max_length=200, description="words in a name (English or original) or description")
    state: str | None = Field(None, max_length=3, description="one State, by alpha-3 code, e.g. CHE")
    purpose: str | None = Field(None, max_length=30, description=", ".join(directory.PURPOSES))
    instrument: str | None = Field(None, max_length=20, description="an instrument's code, e.g. UNTOC")
    provision: str | None = Field(None, max_length=40, description="a provision of the plan it serves: 57/i")
    page: int | None = Field(None, ge=1, le=1_000_000, description=f"the page of {PER_PAGE} authorities, from 1")


class ContactOut(Schema):
    address: str
    telephone: str
    fax: str
    email: str
    hours: str
    time_zone: str = Field(..., description="IANA time zone, e.g. Europe/Zurich")
    contact_title: str = Field(..., description="the post to address (not a person's name)")


class AuthorityProvisionOut(Schema):
    path: str = Field(..., description="the provision's path in the plan, e.g. 57/i")
    url: str


class AuthorityOut(Schema):
    state: str = Field(..., description="ISO 3166-1 alpha-3")
    state_name: str = Field(..., description="in the language of the request")
    key: str
    purpose: str
    purpose_label: Label
    instrument: str = Field(..., description="the instrument whose article asks for it ('' for other)")
    article: str = Field(..., description="that article, e.g. 18(13)")
    name_en: str
    name_original: str
    language: str = Field(..., description="ISO 639-1 code of the original name")
    request_languages: list[str] = Field(..., description="ISO 639-1 codes of the languages accepted for requests")
    description: str
    provisions: list[AuthorityProvisionOut]
    published: bool = Field(..., description="false: a draft, which only the Secretariat sees")
    contacts_visible: bool = Field(..., description="whether the reader may see how to reach it (signed-in officials)")
    contacts: ContactOut | None = Field(..., description="null unless contacts_visible (and recorded)")
    url: str = Field(..., description="the authority's page")
    api_url: str


class AuthorityListOut(Schema):
    count: int = Field(..., description="authorities matching the filters, on every page")
    page: int
    pages: int
    per_page: int
    authorities: list[AuthorityOut]
    url: str = Field(..., description="the page with the same filters")


def authority_out(authority: Authority, user) -> dict:
    purpose = directory.PURPOSES[authority.purpose]
    contact = contact_of(user, authority)
    return {
        "state": authority.state_id,
        "state_name": authority.state.name,
        "key": authority.key,
        "purpose": authority.purpose,
        "purpose_label": purpose.label,
        "instrument": purpose.instrument,
        "article": purpose.article,
        "name_en": authority.name_en,
        "name_original": authority.name_original,
        "language": authority.language,
        "request_languages": authority.request_language_codes,
        "description": authority.description,
        "provisions": [{"path": path, "url": provision_url(path)} for path in provisions_of(authority)],
        "published": authority.published,
        "contacts_visible": sees_contacts(user, authority),
        "contacts": None if contact is None else {name: getattr(contact, name) for name in directory.CONTACT_COLUMNS},
        "url": authority_url(authority),
        "api_url": authority_api_url(authority),
    }


@router.get(
    "/authorities",
    response={200: AuthorityListOut, **INVALID},
    operation_id="authorities_list",
    summary="Competent national authorities per State and purpose, filtered as on their page, a page at a time",
)
def list_authorities(request: HttpRequest, filters: Query[AuthorityFiltersIn]):
    given = {name: value for name, value in filters.dict().items() if value is not None}
    try:
        checked = parse_filters(given)
    except BadFilter as error:
        return refused(error)
    found = authority_page(request.user, checked)
    return {
        "count": found.count,
        "page": found.page,
        "pages": found.pages,
        "per_page": PER_PAGE,
        "authorities": [authority_out(authority, request.user) for authority in found.rows],
        "url": with_query("/knowledge/authorities", checked.query(page=True)),
    }


@router.get(
    "/authorities/{state}/{key}",
    response={200: AuthorityOut, 404: ErrorOut, **INVALID},
    operation_id="authorities_get",
    summary="One competent national authority; how to reach it for signed-in officials of States only",
)
def get_authority(request: HttpRequest, state: str, key: str):
    return authority_out(authority_or_404(request.user, state.upper(), key), request.user)
