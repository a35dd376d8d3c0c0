"""The monitoring pages, "where the plan stands": the reporting status of a cycle, the progress
matrix and its cells, the progress of each commitment and objective, and the plan's ratification
objectives (/treaties/targets, a treaty page: `targets`).

Every page reads through `queries` / `profiles`, which ask accounts.permissions what the user
may see; every page has a JSON twin under /api/reporting/progress (`api`) with the same filters
(`?cycle=ID`, `?by=region|group`, ...).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.countries.registry import country_name, is_country
from viennaplan.reporting import workflow
from viennaplan.reporting.models import ReportingCycle
from viennaplan.reporting.scale import status_label
from viennaplan.treaties import views as treaty_views

from . import queries
from .matrix import BY_CHOICES
from .queries import BadParameter
from .ratification import list_warnings, ratification_progress, with_names
from .shares import ANSWER_STATUSES, STATUS_SHORT, Shares, whole_percent
from .target_results import targets_by_chapter

API = "/api/reporting/progress"


def twin(path: str, **params: Any) -> str:
    """The URL of a page's JSON twin (or of a page), with the same filters."""
    query = urlencode({key: value for key, value in params.items() if value not in (None, "")})
    return f"{path}?{query}" if query else path


def bar_parts(shares: Shares) -> tuple[SafeString, SafeString]:
    """A stacked bar of the shares (SVG, hidden from screen readers) and the same numbers in text,
    apart: the matrix shows the bar and keeps the words in a cell's <details>.

    Built here rather than in a template: the matrix and the commitments draw a few hundred."""
    rects, words = [], []
    for s in shares.segments:
        css, label = f"st-{s.status or 'unanswered'}", escape(s.label)
        rects.append(
            f'<rect x="{s.offset:.3f}" y="0" width="{s.percent:.3f}" height="10" class="{css}">'
            f"<title>{label}: {whole_percent(s.percent)}%</title></rect>"
        )
        words.append(
            f'<span><span aria-hidden="true">{escape(s.short)}</span>'
            f'<span class="visually-hidden">{label}</span> {whole_percent(s.percent)}%</span>'
        )
    svg = (
        '<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">'
        + "".join(rects)
        + "</svg>"
    )
    no_answers = _("no answers")  # outside the f-string: xgettext does not read inside one
    text = "".join(words) or f'<span class="muted">{escape(no_answers)}</span>'
    return mark_safe(svg), mark_safe(f'<p class="shares">{text}</p>')  # noqa: S308  (numbers and escaped labels only)


def bar(shares: Shares) -> SafeString:
    """The bar and its numbers in text, one after the other (`bar_parts`)."""
    svg, words = bar_parts(shares)
    return mark_safe(f"{svg}\n{words}")  # noqa: S308  (bar_parts' own markup)


def counting_words(statuses: tuple[str, ...]) -> str:
    if workflow.VALIDATED in statuses:
        return _("published and validated reports (you may read validated reports)")
    return _("published reports")


def page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    statuses = queries.counted_statuses(request.user)
    context.update(
        nav="reporting",
        cycles=list(queries.shown_cycles()),
        by_choices=list(BY_CHOICES.items()),
        legend=[(s, status_label(s), STATUS_SHORT[s]) for s in ANSWER_STATUSES],
        counted=statuses,
        counting=counting_words(statuses),
    )
    return render(request, template, context, status=status)


def bad_request(request: HttpRequest, error: BadParameter) -> HttpResponse:
    return page(request, "monitoring/bad_request.html", {"message": str(error)}, status=400)


def no_cycle(request: HttpRequest, title: str) -> HttpResponse:
    return page(request, "monitoring/no_cycle.html", {"title": title})


def _cycle_and_by(request: HttpRequest) -> tuple[ReportingCycle | None, str]:
    return queries.pick_cycle(request.GET.get("cycle")), queries.pick_by(request.GET.get("by"))


@require_safe
def progress(request: HttpRequest) -> HttpResponse:
    """/progress: the way in to every view of where the plan stands (the menu's "Progress")."""
    example = {"alpha3": "CHE", "name": country_name("CHE")} if is_country("CHE") else None  # a profile to show
    return render(
        request, "monitoring/progress.html", {"nav": "progress", "cycle": queries.pick_cycle(None), "example": example}
    )


@require_safe
def status(request: HttpRequest) -> HttpResponse:
    try:
        cycle, by = _cycle_and_by(request)
    except BadParameter as error:
        return bad_request(request, error)
    if cycle is None:
        return no_cycle(request, _("Reporting status"))
    today = timezone.localdate()
    groups = queries.reporting_status(request.user, cycle, by, today)
    lines = [line for group in groups for line in group.lines]
    return page(
        request,
        "monitoring/status.html",
        {
            "cycle": cycle,
            "by": by,
            "groups": groups,
            "today": today,
            "closed": cycle.closes < today,
            "submitted": sum(1 for line in lines if line.submitted),
            "late": sum(1 for line in lines if line.late),
            "states": len(lines),
            "json_url": twin(f"{API}/status", cycle=cycle.pk, by=by),
        },
    )


@require_safe
def matrix(request: HttpRequest) -> HttpResponse:
    try:
        cycle, by = _cycle_and_by(request)
    except BadParameter as error:
        return bad_request(request, error)
    if cycle is None:
        return no_cycle(request, _("Progress matrix"))
    built = queries.matrix_for(request.user, cycle, by)
    titles = queries.chapter_titles(cycle)
    rows = [
        (
            chapter,
            titles.get(chapter, ""),
            [(cell, *bar_parts(cell.shares)) for cell in built.row(chapter)],
            (built.totals[chapter], *bar_parts(built.totals[chapter].shares)),
        )
        for chapter in built.chapters
    ]
    return page(
        request,
        "monitoring/matrix.html",
        {
            "cycle": cycle,
            "by": by,
            "matrix": built,
            "rows": rows,
            "json_url": twin(f"{API}/matrix", cycle=cycle.pk, by=by),
        },
    )


@require_safe
def cell(request: HttpRequest) -> HttpResponse:
    try:
        cycle, by = _cycle_and_by(request)
        if cycle is None:
            raise BadParameter(_("There is no reporting cycle yet."))
        chapter = queries.pick_chapter(cycle, request.GET.get("chapter"))
        area = queries.pick_area(by, request.GET.get("area"))
    except BadParameter as error:
        return bad_request(request, error)
    detail = queries.cell_detail(request.user, cycle, chapter, by, area)
    return page(
        request,
        "monitoring/cell.html",
        {
            "cycle": cycle,
            "by": by,
            "detail": detail,
            "detail_bar": bar(detail.shares),
            "rows": [(line, list(zip(detail.questions, line.statuses, strict=True))) for line in detail.states],
            "matrix_url": twin("/reporting/progress", cycle=cycle.pk, by=by),
            "json_url": twin(f"{API}/matrix/cell", cycle=cycle.pk, chapter=chapter, by=by, area=area),
        },
    )


@require_safe
def commitments(request: HttpRequest) -> HttpResponse:
    try:
        cycle = queries.pick_cycle(request.GET.get("cycle"))
    except BadParameter as error:
        return bad_request(request, error)
    if cycle is None:
        return no_cycle(request, _("Progress of the commitments"))
    reports, chapters = queries.commitments_for(request.user, cycle)
    targets = targets_by_chapter()
    return page(
        request,
        "monitoring/commitments.html",
        {
            "cycle": cycle,
            "reports": reports,
            "chapters": [
                (
                    chapter,
                    bar(chapter.shares),
                    [(o, bar(o.shares)) for o in chapter.objectives],
                    [(c, bar(c.shares)) for c in chapter.commitments],
                    targets.get(chapter.chapter, []),
                )
                for chapter in chapters
            ],
            "json_url": twin(f"{API}/commitments", cycle=cycle.pk),
        },
    )


@treaty_views.treaty_page
def targets(request: HttpRequest) -> HttpResponse:
    """The plan's ratification objectives, shown as a treaty page (`?as_of=`, the treaties' navigation)."""
    as_of = treaty_views.requested_as_of(request)
    progress = with_names(ratification_progress(as_of))
    return treaty_views.page(
        request,
        "monitoring/targets.html",
        as_of,
        treaty_views.twin("/ratification-targets", as_of=request.GET.get("as_of")),
        progress=progress,
        list_warnings=list_warnings(progress),
    )
