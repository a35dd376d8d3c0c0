"""Shapes every part of the JSON API shares (viennaplan.api mounts the parts).

ErrorOut        the one error body: {"detail": "what went wrong", "errors": ["each problem", ...]}
INVALID         {422: ErrorOut}, for an operation whose parameters or body can be invalid
IsoDate         a date parameter or field that accepts exactly YYYY-MM-DD (no timestamps)
Label           a text field that may be given a lazy translation (`gettext_lazy`): sent as the text
                in the language of the request
StateRefOut     a State named by its alpha-3 code and its name
as_is           a large answer sent as built, not checked again against its schema
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from django.http import JsonResponse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ErrorOut(Schema):
    """Every refusal of the API: 4xx bodies all have this shape (a 409 edit conflict adds to it)."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    detail: str = Field(..., description="what went wrong, in a sentence")
    errors: list[str] = Field(
        default_factory=list, description="each problem with the input, 'where: what' (empty when there is none)"
    )


INVALID = {422: ErrorOut}
INVALID_BODY = {400: ErrorOut, **INVALID}


def iso_date_only(value: Any) -> Any:
    """Let a date, None or a YYYY-MM-DD string through; refuse numbers (read as timestamps) and other text."""
    if value is None or (isinstance(value, date) and not hasattr(value, "hour")):
        return value
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return value
    raise ValueError(_("expected a date as YYYY-MM-DD, e.g. 2002-12-31; got %(value)s") % {"value": repr(value)})


IsoDate = Annotated[date, BeforeValidator(iso_date_only)]
MaybeIsoDate = Annotated[date | None, BeforeValidator(iso_date_only)]


def text_of_label(value: Any) -> Any:
    """A lazy translation as its text in the active language; anything else unchanged."""
    return str(value) if isinstance(value, Promise) else value


Label = Annotated[str, BeforeValidator(text_of_label)]


class StateRefOut(Schema):
    state: str  # ISO 3166-1 alpha-3
    name: str


class AsOfFilter(Schema):
    as_of: MaybeIsoDate = Field(None, description="the date of the status, YYYY-MM-DD (default: today)")


def as_is(payload: Any) -> JsonResponse:
    """`payload` (plain JSON data: strings, numbers, lists, dicts) sent as it is, without django-ninja
    validating it against the operation's response schema, which the OpenAPI document still declares.
    For large answers built by one function whose output is tested against that schema: checking the
    1,959 States of an instrument's status took 60 ms of a 100 ms request at ten times UN scale."""
    return JsonResponse(payload, safe=False)
