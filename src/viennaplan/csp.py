"""The Content-Security-Policy header on every response (issue 14: no inline script).

The policy lets a page load scripts, styles, fonts and images from the site itself only, never run a
script written in the page or in an attribute (`onclick=…`), never be framed, and never post a form
elsewhere. Styles written in the page are allowed: charts are SVG made by matplotlib, which styles
its elements with attributes, and a few pages carry their own <style> (docs/decisions.md). Images may
also be `data:` URIs (the printed figures). JSON in <script type="application/json"> is data, which a
policy does not block.

`settings.CONTENT_SECURITY_POLICY` is the header's value ("" sends none); a response that already
carries the header keeps its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # settings import POLICY: nothing of Django's is loaded with it
    from django.http import HttpRequest, HttpResponse

HEADER = "Content-Security-Policy"
POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings

        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", POLICY)
        if policy and HEADER not in response:
            response[HEADER] = policy
        return response
