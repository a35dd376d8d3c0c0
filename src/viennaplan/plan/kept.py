"""The plan API's answers kept per process while the plan on file does not change (issue 14).

Every answer of `/api/plan/…` is a function of the plan's tables, the reader's language and the
request's path and query, and of nothing else (the plan is public; no answer depends on who asks).
Building one costs its queries and django-ninja's checking of the objects (6 ms for one provision,
26 ms for the export at ten times UN scale); sending kept bytes costs a look-up.

What changes the plan draws a new `PlanStamp.number` in its own transaction: every save or delete of
a plan model and every change to their many-to-many links (signals, connected by `connect_signals`
from the app's `ready()`; a version imported is created by `save`, so its bulk inserts are covered).
A process keeps the answers of one stamp at a time: a request that reads another stamp drops them all,
so an answer is never served once a change is committed. Nothing is kept or served inside a
transaction, whose own changes may be rolled back. Bounded in count and in bytes.
"""

from __future__ import annotations

import functools
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

ANSWERS_KEPT = 512
BYTES_KEPT = 64 * 1024 * 1024


def current() -> int:
    """The plan's stamp now (0 before anything was ever written)."""
    from .models import PlanStamp

    return PlanStamp.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def renew(**_signal: Any) -> None:
    """A new stamp, written in the caller's transaction: whatever is kept is for another plan."""
    from .models import PlanStamp

    PlanStamp.objects.update_or_create(pk=1, defaults={"number": secrets.randbits(62) + 1})


def connect_signals() -> None:
    """Renew the stamp on every change to a model of the plan app and to its many-to-many links."""
    from .models import PlanStamp

    for model in apps.get_app_config("plan").get_models():
        if model is PlanStamp or model.__name__.startswith("Historical"):
            continue
        uid = f"plan-stamp-{model.__name__}"
        post_save.connect(renew, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(renew, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(renew, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}")


Answer = tuple[bytes, list[tuple[str, str]]]  # a 200 answer's body and headers


class _Kept:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stamp: tuple[str, int] | None = None
        self._answers: OrderedDict[tuple[str, str], Answer] = OrderedDict()
        self._bytes = 0

    def _for(self, stamp: tuple[str, int]) -> None:
        if self._stamp != stamp:
            self._answers.clear()
            self._bytes = 0
            self._stamp = stamp

    def get(self, stamp: tuple[str, int], key: tuple[str, str]) -> Answer | None:
        with self._lock:
            self._for(stamp)
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
            return found

    def put(self, stamp: tuple[str, int], key: tuple[str, str], answer: Answer) -> None:
        size = len(answer[0])
        if size > BYTES_KEPT // 4:
            return
        with self._lock:
            self._for(stamp)
            if key in self._answers:
                return
            self._answers[key] = answer
            self._bytes += size
            while len(self._answers) > ANSWERS_KEPT or self._bytes > BYTES_KEPT:
                _key, oldest = self._answers.popitem(last=False)
                self._bytes -= len(oldest[0])

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()
            self._bytes = 0
            self._stamp = None


KEPT = _Kept()


def _rebuilt(answer: Answer) -> HttpResponse:
    content, headers = answer
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


def kept_answers(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A django-ninja operation's `run` (applied by `ninja.decorators.decorate_view`): its successful
    GET answers kept while the plan's stamp holds, by language, path and query."""

    @functools.wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or connection.in_atomic_block:
            return run(request, *args, **kwargs)
        stamp = (connection.settings_dict.get("NAME", ""), current())
        key = (get_language() or "", request.get_full_path())
        found = KEPT.get(stamp, key)
        if found is not None:
            return _rebuilt(found)
        response = run(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            KEPT.put(stamp, key, (response.content, list(response.items())))
        return response

    return wrapper
