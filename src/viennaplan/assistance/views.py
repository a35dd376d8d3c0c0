"""The pages of requests for technical assistance (each with its JSON twin in api.py):

    /assistance/requests?state=CHE&chapter=VI&status=received&kind=training&page=
    /assistance/requests/new                               file a request (GET the form, POST it)
    /assistance/requests/<key>                             one request: fields, provisions, events, moves
    /assistance/requests/<key>/transitions/<name>          POST: move it (with a comment)
    /assistance/answers/<answer id>/request                POST: file the request an answer asks for

A request is read by the focal points of its State and by the secretariat (`assistance.view`);
nobody else reads one: the public is sent to sign in, other signed-in users are refused (403),
and a request of another State is a 404, as if it did not exist. The public and donors see
aggregates only (elsewhere). A filter with a bad value answers 400 naming the parameter and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from viennaplan.accounts.permissions import can, queryset_filter, role_of, state_of
from viennaplan.accounts.roles import FOCAL_POINT, SECRETARIAT
from viennaplan.countries.models import Country
from viennaplan.knowledge.listing import (
    BadFilter,
    ListFilters,
    Paged,
    checked_choice,
    checked_page,
    checked_state,
    neighbour_urls,
    paged,
    value_of,
    with_query,
)
from viennaplan.plan.models import Chapter, PlanVersion, Provision
from viennaplan.reporting.models import Answer

from . import rules, workflow
from .filing import file_request, request_from_answer
from .models import AssistanceRequest
from .overview_views import MOVE as SEES_BOARD  # the pipeline board's own check
from .transitions import apply_transition, possible_moves

PAGE_URL = "/assistance/requests"
API_URL = "/api/assistance/requests"
VIEW = "assistance.view"
FILTERS = ("state", "chapter", "status", "kind")
READERS = (SECRETARIAT, FOCAL_POINT)


@dataclass(frozen=True)
class RequestFilters(ListFilters):
    state: str = ""
    chapter: str = ""
    status: str = ""
    kind: str = ""
    page: int = 1


def checked_chapter(given: Any, name: str = "chapter") -> str:
    raw = value_of(given, name)
    chapter = raw.upper()
    if chapter and not rules.CHAPTER.fullmatch(chapter):
        raise BadFilter(name, _("%(value)s is not a chapter of the plan such as VI") % {"value": repr(raw)})
    return chapter


def parse_filters(given: Any) -> RequestFilters:
    """The filters of a query (a QueryDict or a dict of strings), checked; BadFilter on the first bad one."""
    return RequestFilters(
        checked_state(given),
        checked_chapter(given),
        checked_choice(given, "status", workflow.STATUSES),
        checked_choice(given, "kind", rules.KIND_LABELS),
        checked_page(given),
    )


def require_reader(user: Any) -> None:
    """Only the secretariat and focal points read requests; PermissionDenied (saying so) for anyone else."""
    if role_of(user) not in READERS:
        raise PermissionDenied(
            _("Requests for technical assistance are read by the focal points of their State and the secretariat only.")
        )


def visible_requests(user: Any) -> QuerySet[AssistanceRequest]:
    """The requests `user` may read: its own State's for a focal point, all for the secretariat."""
    return AssistanceRequest.objects.filter(queryset_filter(user, VIEW))


def filtered_requests(user: Any, filters: RequestFilters) -> QuerySet[AssistanceRequest]:
    requests = visible_requests(user)
    for name in FILTERS:
        if getattr(filters, name):
            requests = requests.filter(**{f"{name}_id" if name == "state" else name: getattr(filters, name)})
    return requests.order_by("-created_at", "key")


def request_page(user: Any, filters: RequestFilters) -> Paged[AssistanceRequest]:
    requests = filtered_requests(user, filters).select_related("state")
    return paged(requests.prefetch_related("provisions", "articles", "projects"), filters.page)


def request_or_404(user: Any, key: str) -> AssistanceRequest:
    request = (
        visible_requests(user)
        .select_related("state", "created_by", "answer__report__cycle", "answer__question")
        .prefetch_related("provisions", "articles", "projects")
        .filter(key=key)
        .first()
    )
    if request is None:
        raise Http404(_("No request %(key)s is on file for you.") % {"key": key})
    return request


def request_url(request: AssistanceRequest) -> str:
    return f"{PAGE_URL}/{request.key}"


def page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("nav", "assistance")
    return render(request, template, context, status=status)


def bad_request(request: HttpRequest, error: BadFilter) -> HttpResponse:
    context = {"message": str(error), "parameter": error.parameter, "back_url": PAGE_URL}
    return page(request, "assistance/bad_request.html", context, status=400)


def signed_in_reader(request: HttpRequest) -> HttpResponse | None:
    """None when the user may read requests; a sign-in redirect for the public; PermissionDenied otherwise."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    require_reader(request.user)
    return None


def state_choices(user: Any) -> list[tuple[str, str]]:
    """The States a user may file for: its own for a focal point, every State for the secretariat."""
    countries = Country.objects.all() if role_of(user) == SECRETARIAT else Country.objects.filter(alpha3=state_of(user))
    return sorted(((c.alpha3, c.name) for c in countries), key=lambda pair: pair[1])


def chapter_choices() -> list[tuple[str, str]]:
    current = PlanVersion.current()
    if current is None:
        return []
    return list(Chapter.objects.filter(version=current).order_by("ordinal").values_list("number", "title"))


@require_safe
def assistance_home(request: HttpRequest) -> HttpResponse:
    """/assistance/: the ways into technical assistance, each shown to those who may open it; the
    areas of the plan whose chapters ask States to act."""
    user = request.user
    current = PlanVersion.current()
    areas = []
    if current is not None:
        acting = Provision.objects.filter(version=current, kind="national_action").values("chapter_id")
        areas = list(
            Chapter.objects.filter(version=current, pk__in=acting).order_by("ordinal").values_list("number", "title")
        )
    return render(
        request,
        "assistance/home.html",
        {
            "nav": "assistance",
            "may_read_requests": role_of(user) in READERS,
            "may_see_board": can(user, workflow.MOVE),
            "areas": areas,
        },
    )


@require_safe
def request_list(request: HttpRequest) -> HttpResponse:
    refused = signed_in_reader(request)
    if refused is not None:
        return refused
    try:
        filters = parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error)
    found = request_page(request.user, filters)
    previous_url, next_url = neighbour_urls(PAGE_URL, filters.query(), found)
    states = Country.objects.filter(assistance_requests__in=visible_requests(request.user)).distinct()
    return page(
        request,
        "assistance/request_list.html",
        {
            "filters": filters,
            "found": found,
            "requests": found.rows,
            "states": sorted(((state.alpha3, state.name) for state in states), key=lambda pair: pair[1]),
            "chapters": chapter_choices(),
            "statuses": list(workflow.STATUS_LABELS.items()),
            "kinds": list(rules.KIND_LABELS.items()),
            "kind_labels": rules.KIND_LABELS,
            "previous_url": previous_url,
            "next_url": next_url,
            "json_url": with_query(API_URL, filters.query(page=True)),
            "csv_url": with_query(f"{PAGE_URL}.csv", filters.query()),
            "may_file": bool(state_choices(request.user)),
            "board_url": "/assistance/board" if can(request.user, SEES_BOARD) else "",
        },
    )


def render_request(request: HttpRequest, item: AssistanceRequest, problem: str = "", status: int = 200) -> HttpResponse:
    return page(
        request,
        "assistance/request_detail.html",
        {
            "item": item,
            "kind_label": rules.KIND_LABELS.get(item.kind, item.kind),
            "urgency_label": rules.URGENCY_LABELS.get(item.urgency, item.urgency),
            "events": [
                (event, workflow.label(event.from_status), workflow.label(event.to_status))
                for event in item.events.select_related("user")
            ],
            "moves": possible_moves(request.user, item),
            "problem": problem,
            "json_url": f"{API_URL}/{item.key}",
        },
        status=status,
    )


@require_safe
def request_detail(request: HttpRequest, key: str) -> HttpResponse:
    refused = signed_in_reader(request)
    if refused is not None:
        return refused
    return render_request(request, request_or_404(request.user, key))


@require_POST
def request_transition(request: HttpRequest, key: str, name: str) -> HttpResponse:
    refused = signed_in_reader(request)
    if refused is not None:
        return refused
    item = request_or_404(request.user, key)
    try:
        event = apply_transition(request.user, item, name, request.POST.get("comment", ""))
    except workflow.TransitionError as error:
        return render_request(request, item, str(error), status=409)
    messages.success(request, _("The request is now %(status)s.") % {"status": workflow.label(event.to_status).lower()})
    return redirect(request_url(item))


FORM_FIELDS = (
    "state",
    "chapter",
    "provisions",
    "articles",
    "need",
    "kind",
    "urgency",
    "requesting_authority",
    "estimated_cost",
    "currency",
)


def split_provisions(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").replace("\n", ",").split(",") if part.strip()]


def split_articles(text: str) -> list[tuple[str, str]]:
    """Lines "FIREARMS 8(1)": an instrument's code and an article; a line without both is kept as wrong."""
    pairs = []
    for line in text.splitlines():
        parts = line.split()
        if parts:
            pairs.append((parts[0].upper(), " ".join(parts[1:])))
    return pairs


@require_http_methods(["GET", "HEAD", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    refused = signed_in_reader(request)
    if refused is not None:
        return refused
    states = state_choices(request.user)
    if not states:
        raise PermissionDenied(_("Only the focal points of a State and the secretariat file requests."))
    values = {name: "" for name in FORM_FIELDS} | {"state": states[0][0], "urgency": rules.MEDIUM, "shareable": False}
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        values |= {name: request.POST.get(name, "").strip() for name in FORM_FIELDS}
        values["shareable"] = request.POST.get("shareable") == "on"
        if role_of(request.user) != SECRETARIAT:
            values["state"] = states[0][0]
        cost = None
        if values["estimated_cost"]:
            try:
                cost = Decimal(values["estimated_cost"].replace(" ", ""))
            except InvalidOperation:
                errors["estimated_cost"] = [_("not an amount such as 25000.00")]
        if not errors:
            try:
                filed = file_request(
                    request.user,
                    values["state"],
                    chapter=values["chapter"],
                    need=values["need"],
                    kind=values["kind"],
                    urgency=values["urgency"],
                    provisions=split_provisions(values["provisions"]),
                    articles=split_articles(values["articles"]),
                    requesting_authority=values["requesting_authority"],
                    estimated_cost=cost,
                    currency=values["currency"],
                    shareable=values["shareable"],
                )
            except ValidationError as error:
                errors = error.message_dict
            else:
                messages.success(request, _("Request %(key)s was filed: it is received.") % {"key": filed.key})
                return redirect(request_url(filed))
    return page(
        request,
        "assistance/request_form.html",
        {
            "values": values,
            "errors": errors,
            "states": states,
            "state_fixed": role_of(request.user) != SECRETARIAT,
            "chapters": chapter_choices(),
            "kinds": list(rules.KIND_LABELS.items()),
            "urgencies": list(rules.URGENCY_LABELS.items()),
        },
        status=400 if errors else 200,
    )


@require_POST
def request_from_answer_view(request: HttpRequest, answer_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    answer = Answer.objects.select_related("report", "question").filter(pk=answer_id).first()
    if answer is None:
        raise Http404(_("There is no answer %(id)s.") % {"id": answer_id})
    try:
        filed = request_from_answer(request.user, answer)
    except ValidationError as error:
        return page(
            request,
            "assistance/bad_request.html",
            {"message": " ".join(error.messages), "parameter": "answer", "back_url": answer.report.get_absolute_url()},
            status=400,
        )
    messages.success(request, _("Request %(key)s is on file for this answer.") % {"key": filed.key})
    return redirect(request_url(filed))
