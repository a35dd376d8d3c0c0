"""The legislative guide as JSON, the twin of /knowledge/legislation/guide/<instrument>/<article>; mounted
under /api/knowledge:

GET /api/knowledge/legislation/guide/{instrument}/{article}?standing=&legislation=
    every State (by name in the request's language) with its treaty status and the laws recorded as
    implementing the article: published ones, drafts too (and counted) for the Secretariat.

Shape: `guide_views.guide_json`, the rows of the page in its order. 404 for an unknown instrument or a
malformed article, 422 for a filter that is not one.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from viennaplan.api_shapes import INVALID, ErrorOut

from .guide import BadFilter, NotAGuide
from .guide_views import guide_json, is_secretariat, legislative_guide

router = Router()


class GuideLawOut(Schema):
    key: str
    title_en: str
    title_original: str
    language: str
    status: str  # in_force | amended | repealed | draft
    published: bool
    article: str  # the article the law cites
    counted: bool  # not repealed: counts as implementing legislation
    url: str


class GuideStateOut(Schema):
    state: str
    name: str
    standing: str  # party | signatory | none
    in_force: str | None  # parties: the day the instrument entered into force for the State
    has_legislation: bool
    laws: list[GuideLawOut]


class GuideOut(Schema):
    instrument: str
    article: str
    as_of: str
    has_status_data: bool
    drafts_included: bool = Field(..., description="true for the Secretariat: laws not published are included")
    standing: str | None
    legislation: str | None
    counts: dict[str, int]  # states, with_legislation, parties, parties_without (before the filters)
    states: list[GuideStateOut]
    url: str


class GuideFilters(Schema):
    standing: str | None = Field(None, description="party, signatory or none (default: every State)")
    legislation: str | None = Field(None, description="with or without implementing legislation (default: both)")


@router.get(
    "/legislation/guide/{instrument}/{article}",
    response={200: GuideOut, 404: ErrorOut, **INVALID},
    operation_id="legislative_guide",
    summary="One article of an instrument: every State's treaty status and implementing legislation",
)
def legislative_guide_json(request: HttpRequest, instrument: str, article: str, filters: Query[GuideFilters]) -> Any:
    try:
        guide = legislative_guide(
            instrument,
            article,
            with_drafts=is_secretariat(request.user),
            standing=filters.standing or "",
            legislation=filters.legislation or "",
        )
    except NotAGuide as error:
        return Status(404, {"detail": str(error), "errors": []})
    except BadFilter as error:
        return Status(
            422, {"detail": _("The request is not valid: %(error)s") % {"error": str(error)}, "errors": [str(error)]}
        )
    return guide_json(guide)
