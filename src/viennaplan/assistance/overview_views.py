"""The overview pages of technical assistance (issue 13), each with its JSON twin in overview_api.py;
the queries are overview.py's, the matching rules matching.py's.

    /assistance/board                  the secretariat's pipeline board: requests by area x status, ages,
                                       what waits on funds per currency; each cell links to the list
    /assistance/states/<ALPHA3>        a State's assistance
    /assistance/areas/<CHAPTER>        an area's requests by status, its funds' balances, the gaps
    /assistance/matching?chapter=&page=  requests awaiting resources with their matching donors and projects
    /assistance/donors/<id>/needs      what waits on voluntary contributions in the areas a donor funds

Who sees what:

- the board and matching: the secretariat only (`assistance.move`); the public is sent to sign in,
  anyone else is refused (403);
- a State's page: the secretariat and the State's own focal points (`assistance.view` on the State)
  see its requests with the text of each need, and the projects serving them by name. Everyone else
  (the public, reviewers, other States' focal points, contributors) sees counts only: its requests by
  area and status, the number of projects serving them, and the totals disbursed to those projects
  per currency (money paid from the funds is public on the funds' ledgers already);
- an area's page: public; counts by status, funds and balances and gaps are aggregates;
- a donor's needs: aggregates (counts and totals per currency by area and region) for everyone; the
  text of a need only to signed-in officials (secretariat, focal points, reviewers), and only for
  requests their State marked `shareable`. Donors are not user accounts.

A malformed State or chapter answers 400 saying what and where; one well-formed but unknown, 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.accounts.permissions import can, role_of
from viennaplan.accounts.roles import FOCAL_POINT, REVIEWER, SECRETARIAT
from viennaplan.countries.models import Country
from viennaplan.knowledge.listing import BadFilter, checked_page, neighbour_urls, value_of, with_query

from . import matching, overview, rules
from .resources.models import Donor

PAGE_URL = "/assistance"
API_URL = "/api/assistance"
MOVE = "assistance.move"
VIEW = "assistance.view"
OFFICIALS = (SECRETARIAT, FOCAL_POINT, REVIEWER)
PER_PAGE = 50


class BadInput(BadFilter):
    """A path or query value that cannot be used (400 on a page, 422 in the API)."""


def refuse_unless_secretariat(user: Any) -> None:
    if not can(user, MOVE):
        raise PermissionDenied(_("This page is the secretariat's: it shows every State's requests."))


def checked_state_code(code: str) -> Country:
    """The State of alpha-3 `code` (any case); BadInput for a malformed code, Http404 for an unknown one."""
    given = code.strip()
    if len(given) != 3 or not given.isascii() or not given.isalpha():
        raise BadInput(
            "state", _("%(value)s is not the alpha-3 code of a State (three letters, e.g. CHE)") % {"value": repr(code)}
        )
    state = Country.objects.filter(alpha3=given.upper()).first()
    if state is None:
        raise Http404(_("No State %(code)s is on file.") % {"code": given.upper()})
    return state


def checked_area(chapter: str, name: str = "chapter") -> str:
    """An area of the plan by its chapter's Roman numeral (any case); BadInput if malformed, Http404 if unknown."""
    given = chapter.strip().upper()
    if not rules.CHAPTER.fullmatch(given):
        raise BadInput(name, _("%(value)s is not a chapter of the plan such as VI") % {"value": repr(chapter)})
    if given not in overview.known_chapters():
        raise Http404(_("The plan has no chapter %(chapter)s.") % {"chapter": given})
    return given


def checked_matching_filters(given: Any) -> tuple[str, int]:
    """The matching list's filters: an area (a chapter of the plan) and a page; BadInput on a bad one."""
    chapter = value_of(given, "chapter")
    try:
        area = checked_area(chapter) if chapter else ""
    except Http404 as unknown:
        raise BadInput("chapter", str(unknown)) from None
    return area, checked_page(given)


def may_see_state(user: Any, state: Country) -> bool:
    return can(user, VIEW, state.alpha3)


def may_read_shareable(user: Any) -> bool:
    return role_of(user) in OFFICIALS


def page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("nav", "assistance")
    return render(request, template, context, status=status)


def bad_input(request: HttpRequest, error: BadFilter, back_url: str) -> HttpResponse:
    context = {"message": str(error), "parameter": error.parameter, "back_url": back_url}
    return page(request, "assistance/bad_request.html", context, status=400)


def signed_in_secretariat(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    refuse_unless_secretariat(request.user)
    return None


@require_safe
def board_page(request: HttpRequest) -> HttpResponse:
    refused = signed_in_secretariat(request)
    if refused is not None:
        return refused
    return page(
        request,
        "assistance/overview_board.html",
        {"board": overview.board(), "json_url": f"{API_URL}/board", "here": _("Pipeline board")},
    )


@require_safe
def state_page(request: HttpRequest, code: str) -> HttpResponse:
    try:
        state = checked_state_code(code)
    except BadInput as error:
        return bad_input(request, error, PAGE_URL + "/funds")
    found = overview.state_overview(state, may_see_state(request.user, state))
    return page(
        request,
        "assistance/overview_state.html",
        {
            "state": state,
            "found": found,
            "statuses": overview.board_statuses(),
            "json_url": f"{API_URL}/states/{state.alpha3}",
            "here": state.name,
        },
    )


@require_safe
def area_page(request: HttpRequest, chapter: str) -> HttpResponse:
    try:
        area = checked_area(chapter)
    except BadInput as error:
        return bad_input(request, error, PAGE_URL + "/funds")
    found = overview.area_overview(area)
    return page(
        request,
        "assistance/overview_area.html",
        {
            "found": found,
            "links": can(request.user, MOVE),
            "json_url": f"{API_URL}/areas/{area}",
            "here": _("Area %(chapter)s") % {"chapter": area},
        },
    )


def matching_page_rows(chapter: str, page_number: int) -> dict[str, Any]:
    """All requests awaiting resources matched, their summary, and one page of them (of one area)."""
    matches = overview.all_matches()
    shown = [m for m in matches if m.need.chapter == chapter] if chapter else matches
    pages = max(1, -(-len(shown) // PER_PAGE))
    rows = shown[(page_number - 1) * PER_PAGE : page_number * PER_PAGE]
    names = {c.alpha3: c.name for c in Country.objects.filter(alpha3__in={m.need.state for m in rows})}
    return {
        "count": len(matches),
        "with_donor": sum(1 for m in matches if m.donor_count),
        "with_project": sum(1 for m in matches if m.project_count),
        "without_either": sum(1 for m in matches if not m.donor_count and not m.project_count),
        "shown_count": len(shown),
        "rows": [(row, names.get(row.need.state, row.need.state)) for row in rows],
        "page": page_number,
        "pages": pages,
    }


@require_safe
def matching_page(request: HttpRequest) -> HttpResponse:
    refused = signed_in_secretariat(request)
    if refused is not None:
        return refused
    try:
        chapter, page_number = checked_matching_filters(request.GET)
    except BadFilter as error:
        return bad_input(request, error, PAGE_URL + "/matching")
    found = matching_page_rows(chapter, page_number)
    query = {"chapter": chapter} if chapter else {}
    previous_url, next_url = neighbour_urls(PAGE_URL + "/matching", query, _Pages(page_number, found["pages"]))
    return page(
        request,
        "assistance/overview_matching.html",
        {
            **found,
            "chapter": chapter,
            "chapters": overview.known_chapters_in_order(),
            "reasons": list(matching.REASON_LABELS.items()),
            "previous_url": previous_url,
            "next_url": next_url,
            "json_url": with_query(
                f"{API_URL}/matching", query | ({"page": str(page_number)} if page_number > 1 else {})
            ),
            "here": _("Matching"),
        },
    )


class _Pages:
    def __init__(self, page_number: int, pages: int) -> None:
        self.page, self.pages = page_number, pages


def donor_or_404(pk: int) -> Donor:
    donor = Donor.objects.select_related("state").filter(pk=pk).first()
    if donor is None:
        raise Http404(_("No donor %(id)s is on file.") % {"id": pk})
    return donor


@require_safe
def donor_needs_page(request: HttpRequest, pk: int) -> HttpResponse:
    donor = donor_or_404(pk)
    shareable = may_read_shareable(request.user)
    return page(
        request,
        "assistance/overview_needs.html",
        {
            "donor": donor,
            "found": overview.donor_needs(donor, shareable),
            "reads_shareable": shareable,
            "links": can(request.user, MOVE),
            "kind_labels": rules.KIND_LABELS,
            "json_url": f"{API_URL}/donors/{donor.pk}/needs",
            "here": _("Needs for %(donor)s") % {"donor": donor.name},
        },
    )
