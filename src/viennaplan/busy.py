"""When the database stays busy: an answer, never a server error.

On SQLite a writer waits for the write lock (settings: transaction_mode IMMEDIATE and
SQLITE_BUSY_TIMEOUT_SECONDS); if other writers hold it longer than that, the database says
"database is locked". That is not a fault of the page: the request is answered 503 (Service
Unavailable) with Retry-After, as JSON under /api/ and as a page elsewhere, and nothing was
saved (the transaction was rolled back). Views that took text from the user catch
`is_busy(error)` themselves to show the form again with what was typed (reporting's answer form).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy

RETRY_AFTER_SECONDS = 5
BUSY_MESSAGE = gettext_lazy(
    "The server is busy saving other people's work and could not save yours in time. "
    "Nothing was saved; please send it again in a few seconds."
)


def is_busy(error: BaseException) -> bool:
    """True for the database's "locked" or "busy" refusal (not for other database errors)."""
    text = str(error).lower()
    return isinstance(error, OperationalError) and ("database is locked" in text or "database is busy" in text)


def retry_later(response: HttpResponse) -> HttpResponse:
    """`response` marked 503 with Retry-After (for views that answer a busy database themselves)."""
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def busy_response(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):  # the API's one error body
        return retry_later(JsonResponse({"detail": BUSY_MESSAGE, "errors": []}))
    return retry_later(render(request, "503.html", {"message": BUSY_MESSAGE}))


class BusyDatabaseMiddleware:
    """Turns a busy database into 503 + Retry-After for any view that did not handle it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return self.get_response(request)
        except OperationalError as error:  # raised outside a view (middleware, session save)
            if is_busy(error):
                return busy_response(request)
            raise

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return busy_response(request) if is_busy(exception) else None
