"""The access table of reporting, shared by the web and API tests: for every URL and operation,
the status code each persona gets. Persona columns, in order:

    secretariat, focal point of State A (CHE, whose report is asked about), focal point of
    State B (FRA), reviewer, contributor, anonymous

404 means "no such report as far as you can tell": a report the persona may not read is
answered like one that does not exist. 403: the persona sees the report but may not do this.
409: the workflow does not allow it now (wrong status). 401: the API needs a session first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

PERSONAS = ("secretariat", "focal_point_a", "focal_point_b", "reviewer", "contributor", "anonymous")


def attempt(clients: dict[str, Any], call: Callable[[Any], Any]) -> dict[str, int]:
    """Each persona's status code (`clients`: the conftest fixture); every attempt is rolled
    back, so each persona starts from the same state."""
    codes = {}
    for persona, client in clients.items():
        with transaction.atomic():
            codes[persona] = call(client).status_code
            transaction.set_rollback(True)
    return codes


def row(*codes: int) -> dict[str, int]:
    assert len(codes) == len(PERSONAS)
    return dict(zip(PERSONAS, codes, strict=True))


EVERYONE_200 = row(200, 200, 200, 200, 200, 200)

# Reading State A's report (page, history, and every API read of it), by the report's status.
READ_REPORT = {
    "draft": row(200, 200, 404, 404, 404, 404),
    "submitted": row(200, 200, 404, 200, 404, 404),
    "returned": row(200, 200, 404, 200, 404, 404),
    "validated": row(200, 200, 404, 200, 404, 404),
    "published": EVERYONE_200,
}

# Changing an answer of State A's report (web: 302 = saved and redirected), by status.
WEB_SAVE_ANSWER = {
    "draft": row(302, 302, 404, 404, 404, 404),
    "submitted": row(409, 403, 404, 403, 404, 404),
    "returned": row(302, 302, 404, 403, 404, 404),
    "validated": row(409, 403, 404, 403, 404, 404),
    "published": row(409, 403, 403, 403, 403, 403),
}
API_SAVE_ANSWER = {
    "draft": row(200, 200, 404, 404, 404, 401),
    "submitted": row(409, 403, 404, 403, 404, 401),
    "returned": row(200, 200, 404, 403, 404, 401),
    "validated": row(409, 403, 404, 403, 404, 401),
    "published": row(409, 403, 403, 403, 403, 401),
}

# Moving State A's report: (status, transition) -> codes (web: 302 = moved).
WEB_TRANSITIONS = {
    ("draft", "submit"): row(302, 302, 404, 404, 404, 404),
    ("submitted", "return"): row(302, 403, 404, 302, 404, 404),
    ("submitted", "validate"): row(302, 403, 404, 302, 404, 404),
    ("returned", "resubmit"): row(302, 302, 404, 403, 404, 404),
    ("validated", "publish"): row(302, 403, 404, 403, 404, 404),
    # moves the workflow does not allow: refused for everyone who can see the report
    ("draft", "validate"): row(409, 409, 404, 404, 404, 404),
    ("submitted", "publish"): row(409, 409, 404, 409, 404, 404),
    ("validated", "return"): row(409, 409, 404, 409, 404, 404),
    ("published", "return"): row(409, 409, 409, 409, 409, 409),
    ("draft", "approve"): row(409, 409, 404, 404, 404, 404),
}
API_TRANSITIONS = {
    key: {
        persona: {302: 201, 404: 401 if persona == "anonymous" else 404}.get(code, code)
        for persona, code in codes.items()
    }
    for key, codes in WEB_TRANSITIONS.items()
}
for _key, _codes in API_TRANSITIONS.items():
    _codes["anonymous"] = 401  # writing through the API needs a session first

# Review comments on State A's report, by status (web: 302 = added).
WEB_COMMENT = {
    "draft": row(302, 403, 404, 404, 404, 404),
    "submitted": row(302, 403, 404, 302, 404, 404),
    "validated": row(302, 403, 404, 302, 404, 404),
    "published": row(302, 403, 403, 403, 403, 403),
}
API_COMMENT = {
    status: {**{p: {302: 201}.get(c, c) for p, c in codes.items()}, "anonymous": 401}
    for status, codes in WEB_COMMENT.items()
}

# Opening a cycle, recording international progress: the Secretariat only.
WEB_SECRETARIAT_ONLY = row(302, 403, 403, 403, 403, 403)
API_OPEN_CYCLE = row(201, 403, 403, 403, 403, 401)
API_RECORD_PROGRESS = row(200, 403, 403, 403, 403, 401)

# Comments from civil society on State A's report, by status (web: 302 = sent, waiting for
# review). Reading them (GET .../contributions in the API) follows READ_REPORT; which ones each
# persona sees is in test_contributions. 409: comments are taken on published reports only (the
# Secretariat may do everything, but not that).
WEB_CONTRIBUTE = {
    "draft": row(409, 403, 404, 404, 404, 404),
    "submitted": row(409, 403, 404, 403, 404, 404),
    "returned": row(409, 403, 404, 403, 404, 404),
    "validated": row(409, 403, 404, 403, 404, 404),
    "published": row(302, 403, 403, 403, 302, 403),
}
API_CONTRIBUTE = {
    status: {**{p: {302: 201}.get(c, c) for p, c in codes.items()}, "anonymous": 401}
    for status, codes in WEB_CONTRIBUTE.items()
}

# Moderating comments from civil society: the Secretariat only. The moderation page sends the
# public to sign in (302 to the login page); its forms (302 = approved) refuse them like any form.
WEB_MODERATION_PAGE = row(200, 403, 403, 403, 403, 302)
WEB_MODERATE = row(302, 403, 403, 403, 403, 403)
API_LIST_CONTRIBUTIONS = row(200, 403, 403, 403, 403, 401)
API_MODERATE = row(200, 403, 403, 403, 403, 401)
