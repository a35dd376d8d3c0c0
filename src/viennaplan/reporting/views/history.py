"""/reporting/<cycle>/<alpha3>/history: the report's events and answer versions, and a diff
between any two moments: `?a=<event id>&b=<event id>` ("start" and "now" are moments too).

Every saved version is listed, PER_PAGE a page (`?page=`), filtered by question (`?question=57/k`)
and by the person who saved it (`?by=<user id>`); a new report's empty first versions are folded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.accounts.names import display_name

from .. import workflow
from ..access import cycle_or_404, report_or_404
from ..answer_data import ANSWER_FIELDS
from ..diffs import created_moment, report_diff
from ..models import Answer, Report, ReportEvent
from .common import API, CYCLES, page

START, NOW = "start", "now"
User = get_user_model()


class BadMoment(ValueError):
    pass


def resolve_moment(report: Report, raw: str, default: str) -> tuple[str, datetime | ReportEvent | None, str]:
    """(key, moment, label) for `?a=` / `?b=`: an event id of this report, "start" or "now"."""
    raw = (raw or default).strip().lower()
    if raw == START:
        return START, created_moment(report), _("the report as started")
    if raw == NOW:
        return NOW, None, _("now")
    event = ReportEvent.objects.filter(report=report, pk=int(raw) if raw.isdigit() else 0).first()
    if event is None:
        raise BadMoment(
            _("%(moment)s is not an event of this report; pick a moment from the list (or start, now)")
            % {"moment": repr(raw)}
        )
    move = workflow.TRANSITIONS.get(event.transition)
    return (
        str(event.pk),
        event,
        _("%(move)s on %(day)s")
        % {"move": move.label if move else event.transition, "day": date_format(event.at, "DATETIME_FORMAT")},
    )


PER_PAGE = 100  # saved versions a page; every version is on some page, none is dropped


@dataclass
class VersionPage:
    """One page of a report's saved answer versions, newest first, with the filters that chose them."""

    rows: list[Any]  # answers' history rows (a version each) worth reading
    unanswered: list[Any]  # first versions with nothing in them (a new report's empty answers): folded
    number: int
    pages: int
    total: int
    question: str  # the question's path filtered on, "" for all
    person: str  # the saver's id filtered on, "" for all
    questions: list[tuple[str, str]]  # (path, citation) of the report's questions
    people: list[tuple[str, str]]  # (id, name) of those who saved versions

    def link(self, number: int) -> str:
        query = {"page": number, "question": self.question, "by": self.person}
        return "?" + urlencode({key: value for key, value in query.items() if value}) + "#versions"

    @property
    def pager(self) -> list[tuple[int, str]]:
        """(number, link) of every page."""
        return [(number, self.link(number)) for number in range(1, self.pages + 1)]

    @property
    def previous(self) -> str:
        return self.link(self.number - 1) if self.number > 1 else ""

    @property
    def next(self) -> str:
        return self.link(self.number + 1) if self.number < self.pages else ""


def _choice(raw: str | None, known: dict[str, str], parameter: str, among: str) -> str:
    value = (raw or "").strip()
    if value and value not in known:
        raise BadMoment(
            _("?%(parameter)s=%(value)s is not one of %(among)s; pick one from the list")
            % {"parameter": parameter, "value": repr(value), "among": among}
        )
    return value


def version_page(request: HttpRequest, report: Report) -> VersionPage:
    """The saved versions `?page=`, `?question=` (a path) and `?by=` (a user id) ask for."""
    history = Answer.history.model.objects.filter(report_id=report.pk)  # type: ignore[attr-defined]
    questions = dict(report.answers.order_by("question__position").values_list("question__path", "question__citation"))
    savers = {str(pk) for pk in history.exclude(history_user=None).values_list("history_user", flat=True).distinct()}
    people = {str(user.pk): display_name(user) for user in User.objects.filter(pk__in=savers)}
    question = _choice(request.GET.get("question"), questions, "question", _("this report's questions"))
    person = _choice(request.GET.get("by"), people, "by", _("the people who saved a version of this report"))
    if question:
        history = history.filter(question__path=question)
    if person:
        history = history.filter(history_user_id=int(person))
    total = history.count()
    pages = max(1, -(-total // PER_PAGE))
    raw = (request.GET.get("page") or "1").strip()
    if not raw.isdigit() or not 1 <= int(raw) <= pages:
        raise BadMoment(
            _("?page=%(page)s does not exist: the versions are on pages 1 to %(pages)s")
            % {"page": repr(raw), "pages": pages}
        )
    number = int(raw)
    chosen = list(
        history.select_related("history_user", "question").order_by("-history_date", "-history_id")[
            (number - 1) * PER_PAGE : number * PER_PAGE
        ]
    )
    empty = [v for v in chosen if v.version == 1 and is_empty(v)]
    return VersionPage(
        [v for v in chosen if not (v.version == 1 and is_empty(v))],
        empty,
        number,
        pages,
        total,
        question,
        person,
        list(questions.items()),
        sorted(people.items(), key=lambda item: item[1].casefold()),
    )


def is_empty(version: Any) -> bool:
    """Nothing answered in this version: no status, no text, no measure, no assistance."""
    return not any(getattr(version, name) for name in ANSWER_FIELDS)


@require_safe
def report_history(request: HttpRequest, cycle_id: int, alpha3: str) -> HttpResponse:
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    report = report_or_404(request.user, cycle, alpha3)
    events = list(report.events.select_related("user")) if report.pk else []
    answer_versions = None
    diff = []
    error = ""
    a_key = b_key = ""
    a_label = b_label = ""
    if report.pk is not None:
        try:
            a_key, at_a, a_label = resolve_moment(report, request.GET.get("a", ""), START)
            b_key, at_b, b_label = resolve_moment(report, request.GET.get("b", ""), NOW)
            diff = report_diff(report, at_a, at_b)
            answer_versions = version_page(request, report)
        except BadMoment as bad:
            error = str(bad)
    return page(
        request,
        "reporting/history.html",
        {
            "cycle": cycle,
            "report": report,
            "state": report.state,
            "status_label": workflow.STATUS_LABELS[report.status] if report.pk else _("Not started"),
            "events": events,
            "answer_versions": answer_versions,  # not "versions": the base template's plan versions
            "diff": diff,
            "a": a_key,
            "b": b_key,
            "a_label": a_label,
            "b_label": b_label,
            "error": error,
            "json_url": f"{API}/reports/{cycle.pk}/{report.state_id}/diff?a={a_key}&b={b_key}",
        },
        status=400 if error else 200,
    )
