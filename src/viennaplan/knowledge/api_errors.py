"""The API's answer to a filter of a knowledge database that is not one: 422 with the API's one error
body, naming the parameter (the pages answer 400 with the same message: `listing.bad_request`)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja.responses import Status

from .listing import BadFilter


def refused(error: BadFilter) -> Status:
    detail = _("The request is not valid: %(error)s.") % {"error": error}
    return Status(422, {"detail": detail, "errors": [f"query {error.parameter}: {error.message}"]})
