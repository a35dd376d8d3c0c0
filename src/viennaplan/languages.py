"""The language of the pages (issue 11): which of the six official languages a response is in,
and the switcher's view that changes it.

URLs carry no language prefix (they stay stable and citable). The language comes from, in order:

1. `?lang=<code>` on the request: for that response only (a download, a citation in a language);
   no cookie is set. An unknown code is ignored: the page comes in the otherwise chosen language.
2. the browser's choice: Django's language cookie, set by the switcher;
3. the signed-in user's saved preference (`Profile.language`), when the browser has no cookie yet:
   it applies in a new browser, and the cookie is set on that response;
4. the `Accept-Language` header (Django's LocaleMiddleware: fr-CH gives fr, zh-CN zh-hans);
5. English (`LANGUAGE_CODE`).

Steps 2, 4 and 5 are Django's LocaleMiddleware; `LanguageMiddleware`, placed after the
authentication middleware, adds 1 and 3. This module imports no app: it reads and saves the
preference through `user.profile.language` (accounts' Profile), and a user without a profile
simply has no saved preference.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

QUERY_PARAMETER = "lang"
# The browser's choice is remembered for a year (Django's default cookie ends with the session).
COOKIE_AGE = 365 * 24 * 60 * 60


def codes() -> list[str]:
    """The codes of the languages the site is in, as in settings.LANGUAGES (ar, zh-hans, en, …)."""
    return [code for code, _name in settings.LANGUAGES]


def known(code: str | None) -> str | None:
    """The language code `code` names (case and `_` forgiven: zh_Hans is zh-hans), or None."""
    if not code:
        return None
    wanted = code.strip().lower().replace("_", "-")
    return wanted if wanted in codes() else None


def saved_language(user) -> str | None:
    """The signed-in user's saved preference, or None (no profile, nothing saved)."""
    if not getattr(user, "is_authenticated", False):
        return None
    profile = getattr(user, "profile", None)
    return known(getattr(profile, "language", None))


def save_language(user, code: str) -> bool:
    """Save `code` as the signed-in user's preference; False when they have no profile to keep it."""
    profile = getattr(user, "profile", None) if getattr(user, "is_authenticated", False) else None
    if profile is None:
        return False
    if profile.language != code:
        profile.language = code
        profile.save(update_fields=["language"])
    return True


def set_cookie(response: HttpResponse, code: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE or COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE or settings.SESSION_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
    )


class LanguageMiddleware:
    """`?lang=` for one response, then the user's saved preference in a browser without a cookie.
    After LocaleMiddleware (cookie, Accept-Language, English) and AuthenticationMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = known(request.GET.get(QUERY_PARAMETER))
        remember = None
        if chosen is None and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            chosen = remember = saved_language(request.user)
        if chosen is not None:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        response = self.get_response(request)
        if remember is not None:
            set_cookie(response, remember)
        # The same URL answers in another language with another cookie or Accept-Language header.
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


def same_site_next(request: HttpRequest) -> str:
    """The page to go back to: `next` when it is on this site (without its `?lang=`), else /."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return "/"
    parts = urlsplit(target)
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key != QUERY_PARAMETER]
    return urlunsplit(parts._replace(query=urlencode(query))) or "/"


@require_POST
def switch(request: HttpRequest) -> HttpResponse:
    """POST /language (language, next): the browser's choice (cookie) and, for a signed-in user,
    their saved preference; then back to the same page. No sign-in needed; CSRF-protected."""
    code = known(request.POST.get("language"))
    if code is None:
        return HttpResponseBadRequest(
            _("Unknown language %(code)r in the field “language”: choose one of %(codes)s.")
            % {"code": request.POST.get("language", ""), "codes": ", ".join(codes())},
            content_type="text/plain; charset=utf-8",
        )
    save_language(request.user, code)
    translation.activate(code)
    response = HttpResponseRedirect(same_site_next(request))
    set_cookie(response, code)
    return response
