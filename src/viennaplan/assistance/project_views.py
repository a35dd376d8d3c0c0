"""The pages of projects of technical assistance, and the CSV files of requests and projects (issue 13).
Each page has a JSON twin in project_api.py (the same queries).

    /assistance/projects?region=&chapter=VI&status=active&page=   every project, filtered, a page at a time
    /assistance/projects/<key>              a project: its fields, budget by year and currency (totals per
                                            currency, never converted), the requests it serves, milestones,
                                            outputs, and the money disbursed to it from the funds
    /assistance/projects/new                create a project (GET the form, POST it)
    /assistance/projects/<key>/requests     POST: attach requests (their keys)
    /assistance/projects/<key>/budget       POST: add a year's budget in a currency
    /assistance/projects/<key>/milestones   POST: add a milestone
    /assistance/projects/<key>/outputs      POST: record an output (its funded requests go into delivery)
    /assistance/projects/<key>/complete     POST: complete the project (its requests are delivered)
    /assistance/projects/import             the Secretariat's import of a projects file (all or nothing)
    /assistance/projects.csv                the projects file (project rows and budget rows), as imported
    /assistance/requests.csv                the requests the reader may read, with the list's filters

Who reads what. A project is not confidential: everyone, the public included, reads every project, its
budget, milestones, outputs and the money disbursed to it (the funds' ledgers are public already). The
requests a project serves obey the rules of requests (`assistance.view`): the Secretariat sees them all,
a focal point sees its own State's (key, status, need) and the others only counted; everyone else (the
public, reviewers, contributors) sees how many requests the project serves, never their keys or texts.
Changing a project (the forms, POST with the CSRF token, redirect after success) needs `project.manage`
(the Secretariat): the public is sent to sign in, anyone else is refused (403). Bad input shows the
page again (400) naming the field and why, with nothing written; a move the project's state does not
allow (an output on a completed project) answers 409. The requests' CSV follows the requests' list (the
Secretariat all, a focal point its own State's; the public is sent to sign in, other roles 403); the
projects' CSV and its import are the Secretariat's (the file names the requests each project serves).
A filter with a bad value answers 400 naming the parameter.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from viennaplan.accounts.permissions import can
from viennaplan.knowledge.listing import (
    BadFilter,
    ListFilters,
    Paged,
    checked_choice,
    checked_page,
    neighbour_urls,
    paged,
    value_of,
    with_query,
)

from . import projects_csv, rules, workflow
from .models import AssistanceRequest, Milestone, Project, ProjectBudget
from .project_files import REQUEST_COLUMNS, ProjectsRefused, import_projects, request_rows, write_csv
from .projects import MANAGE, attach_requests, complete_project, create_project, record_output
from .resources.models import Disbursement
from .resources.views import csv_response, csv_text
from .views import (
    bad_request,
    chapter_choices,
    checked_chapter,
    filtered_requests,
    page,
    parse_filters,
    signed_in_reader,
)

PAGE_URL = "/assistance/projects"
API_URL = "/api/assistance/projects"
VIEW = "assistance.view"
UPLOAD_MAX = 5 * 1024 * 1024
CENT = Decimal("0.01")


@dataclass(frozen=True)
class ProjectFilters(ListFilters):
    region: str = ""
    chapter: str = ""
    status: str = ""
    page: int = 1


def checked_region(given: Any, name: str = "region") -> str:
    region = value_of(given, name)
    if len(region) > projects_csv.REGION_MAX:
        raise BadFilter(name, _("longer than %(limit)s characters") % {"limit": projects_csv.REGION_MAX})
    if not region.isprintable():
        raise BadFilter(name, _("%(value)s holds a control character") % {"value": repr(region)})
    return region


def parse_project_filters(given: Any) -> ProjectFilters:
    """The filters of a query (a QueryDict or a dict of strings), checked; BadFilter on the first bad one."""
    return ProjectFilters(
        checked_region(given),
        checked_chapter(given),
        checked_choice(given, "status", rules.PROJECT_STATUS_LABELS),
        checked_page(given),
    )


def filtered_projects(filters: ProjectFilters) -> QuerySet[Project]:
    projects = Project.objects.all()
    if filters.region:
        projects = projects.filter(region__iexact=filters.region)
    if filters.chapter:
        projects = projects.filter(chapter=filters.chapter)
    if filters.status:
        projects = projects.filter(status=filters.status)
    return projects.order_by("key")


def project_page(filters: ProjectFilters) -> Paged[Project]:
    projects = filtered_projects(filters).annotate(
        served=Count("requests", distinct=True), output_count=Count("outputs", distinct=True)
    )
    return paged(projects, filters.page)


def project_or_404(key: str) -> Project:
    project = Project.objects.filter(key=key).first() if rules.KEY.fullmatch(key) else None
    if project is None:
        raise Http404(_("No project %(key)s is on file.") % {"key": key})
    return project


def project_url(project: Project) -> str:
    return f"{PAGE_URL}/{project.key}"


def may_manage(user: Any) -> bool:
    return can(user, MANAGE)


def regions_on_file() -> list[str]:
    return sorted(set(Project.objects.exclude(region="").values_list("region", flat=True)))


# -- what a project's page and its JSON twin show --------------------------------------------------


@dataclass(frozen=True)
class Served:
    """The requests a project serves that the reader may read, and how many others it serves."""

    shown: list[AssistanceRequest]
    hidden: int

    @property
    def count(self) -> int:
        return len(self.shown) + self.hidden


def served(user: Any, project: Project) -> Served:
    requests = list(project.requests.select_related("state").order_by("key"))
    shown = [request for request in requests if can(user, VIEW, request)]
    return Served(shown, len(requests) - len(shown))


def totals(rows) -> list[tuple[str, Decimal]]:
    """Amounts summed per currency (never converted), by currency code."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for row in rows:
        sums[row.currency] += row.amount
    return [(currency, amount.quantize(CENT)) for currency, amount in sorted(sums.items())]


@dataclass(frozen=True)
class ProjectView:
    project: Project
    served: Served
    budget: list[ProjectBudget]
    budget_totals: list[tuple[str, Decimal]]
    milestones: list[Milestone]
    outputs: list
    disbursements: list[Disbursement]
    disbursed_totals: list[tuple[str, Decimal]]


def project_view(user: Any, project: Project) -> ProjectView:
    budget = list(project.budgets.order_by("year", "currency"))
    disbursements = list(Disbursement.objects.filter(project=project).select_related("fund").order_by("date", "id"))
    return ProjectView(
        project=project,
        served=served(user, project),
        budget=budget,
        budget_totals=totals(budget),
        milestones=list(project.milestones.order_by("due", "id")),
        outputs=list(project.outputs.order_by("date", "id")),
        disbursements=disbursements,
        disbursed_totals=totals(disbursements),
    )


# -- the pages -------------------------------------------------------------------------------------


@require_safe
def project_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = parse_project_filters(request.GET)
    except BadFilter as error:
        return project_bad_request(request, error)
    found = project_page(filters)
    previous_url, next_url = neighbour_urls(PAGE_URL, filters.query(), found)
    manages = may_manage(request.user)
    return page(
        request,
        "assistance/project_list.html",
        {
            "filters": filters,
            "found": found,
            "projects": found.rows,
            "regions": regions_on_file(),
            "chapters": chapter_choices(),
            "statuses": list(rules.PROJECT_STATUS_LABELS.items()),
            "previous_url": previous_url,
            "next_url": next_url,
            "json_url": with_query(API_URL, filters.query(page=True)),
            "manages": manages,
            "csv_url": with_query(f"{PAGE_URL}.csv", filters.query()) if manages else "",
        },
    )


def project_bad_request(request: HttpRequest, error: BadFilter) -> HttpResponse:
    return page(
        request,
        "assistance/project_bad_request.html",
        {"message": str(error), "parameter": error.parameter, "back_url": PAGE_URL},
        status=400,
    )


FORM_DEFAULTS = {
    "requests": {"requests": ""},
    "budget": {"year": "", "currency": "", "amount": ""},
    "milestone": {"title": "", "due": "", "done": False},
    "output": {"kind": "", "quantity": "1", "date": "", "description": ""},
}


def render_project(
    request: HttpRequest,
    project: Project,
    *,
    form: str = "",
    values: dict[str, Any] | None = None,
    errors: dict[str, list[str]] | None = None,
    problem: str = "",
    status: int = 200,
) -> HttpResponse:
    manages = may_manage(request.user)
    forms = {name: dict(defaults) for name, defaults in FORM_DEFAULTS.items()}
    if form and values is not None:
        forms[form].update(values)
    return page(
        request,
        "assistance/project_detail.html",
        {
            "view": project_view(request.user, project),
            "project": project,
            "manages": manages and project.status != rules.COMPLETED,
            "completed": project.status == rules.COMPLETED,
            "forms": forms,
            "form": form,
            "errors": errors or {},
            "problem": problem,
            "output_kinds": list(rules.OUTPUT_KIND_LABELS.items()),
            "json_url": f"{API_URL}/{project.key}",
        },
        status=status,
    )


@require_safe
def project_detail(request: HttpRequest, key: str) -> HttpResponse:
    return render_project(request, project_or_404(key))


def manager(request: HttpRequest) -> HttpResponse | None:
    """None when the user may change projects; a sign-in redirect for the public; PermissionDenied otherwise."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not may_manage(request.user):
        raise PermissionDenied(_("Only the secretariat creates and changes projects of technical assistance."))
    return None


def field_errors(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {name: [str(m) for m in messages_] for name, messages_ in error.message_dict.items()}
    return {"__all__": [str(m) for m in error.messages]}


def checked(parse, value: str, name: str, errors: dict[str, list[str]]):
    """`parse(value)`, or None with the problem noted under `name`."""
    try:
        return parse(value)
    except ValueError as error:
        errors.setdefault(name, []).append(str(error))
        return None


@require_http_methods(["GET", "HEAD", "POST"])
def project_new(request: HttpRequest) -> HttpResponse:
    refused = manager(request)
    if refused is not None:
        return refused
    names = ("title", "region", "chapter", "executing_office", "partners", "start", "end")
    values = dict.fromkeys(names, "")
    errors: dict[str, list[str]] = {}
    chapters = chapter_choices()
    if request.method == "POST":
        values |= {name: request.POST.get(name, "").strip() for name in names}
        values["chapter"] = values["chapter"].upper()
        days = {
            name: checked(projects_csv.parse_date, values[name], name, errors) if values[name] else None
            for name in ("start", "end")
        }
        if values["chapter"] and chapters and values["chapter"] not in {number for number, _title in chapters}:
            errors["chapter"] = [_("%(value)s is not a chapter of the plan") % {"value": repr(values["chapter"])}]
        if not errors:
            fields = {name: values[name] for name in ("region", "chapter", "executing_office", "partners")}
            try:
                project = create_project(request.user, title=values["title"], **fields, **days)
            except ValidationError as error:
                errors = field_errors(error)
            else:
                messages.success(request, _("Project %(key)s was created: it is planned.") % {"key": project.key})
                return redirect(project_url(project))
    return page(
        request,
        "assistance/project_form.html",
        {"values": values, "errors": errors, "chapters": chapters},
        status=400 if errors else 200,
    )


def changing(request: HttpRequest, key: str) -> tuple[Project | None, HttpResponse | None]:
    refused = manager(request)
    if refused is not None:
        return None, refused
    return project_or_404(key), None


def completed_refusal(request: HttpRequest, project: Project, form: str, values: dict) -> HttpResponse | None:
    if project.status != rules.COMPLETED:
        return None
    return render_project(
        request,
        project,
        form=form,
        values=values,
        problem=_("The project is completed: it cannot be changed any more."),
        status=409,
    )


@require_POST
def project_requests(request: HttpRequest, key: str) -> HttpResponse:
    project, refused = changing(request, key)
    if refused is not None:
        return refused
    values = {"requests": request.POST.get("requests", "").strip()}
    conflict = completed_refusal(request, project, "requests", values)
    if conflict is not None:
        return conflict
    keys = projects_csv.split_keys(values["requests"])
    found = {r.key: r for r in AssistanceRequest.objects.filter(key__in=keys)}
    problems = [
        _("%(key)s is not the key of a request for technical assistance on file") % {"key": key}
        for key in keys
        if key not in found
    ]
    if not keys:
        problems = [_("required: the keys of the requests, separated by commas")]
    if problems:
        return render_project(
            request, project, form="requests", values=values, errors={"requests": problems}, status=400
        )
    attach_requests(request.user, project, found.values())
    messages.success(
        request,
        _("Project %(key)s now serves %(requests)s.") % {"key": project.key, "requests": ", ".join(sorted(found))},
    )
    return redirect(project_url(project))


@require_POST
def project_budget(request: HttpRequest, key: str) -> HttpResponse:
    project, refused = changing(request, key)
    if refused is not None:
        return refused
    values = {name: request.POST.get(name, "").strip() for name in ("year", "currency", "amount")}
    values["currency"] = values["currency"].upper()
    conflict = completed_refusal(request, project, "budget", values)
    if conflict is not None:
        return conflict
    errors: dict[str, list[str]] = {}
    parsed = {}
    for name, parse in (
        ("year", projects_csv.parse_year),
        ("currency", projects_csv.parse_currency),
        ("amount", projects_csv.parse_amount),
    ):
        if not values[name]:
            errors[name] = [_("required")]
        else:
            parsed[name] = checked(parse, values[name], name, errors)
    if not errors and project.budgets.filter(year=parsed["year"], currency=parsed["currency"]).exists():
        errors["currency"] = [
            _("the project has a budget for %(year)s in %(currency)s already") % parsed  # type: ignore[str-format]
        ]
    if errors:
        return render_project(request, project, form="budget", values=values, errors=errors, status=400)
    line = ProjectBudget(project=project, **parsed)
    line._history_user = request.user  # type: ignore[attr-defined]
    line.save()
    messages.success(
        request,
        _("The budget of %(key)s for %(year)s: %(amount)s %(currency)s.")
        % {
            "key": project.key,
            "year": line.year,
            "amount": projects_csv.write_amount(line.amount),
            "currency": line.currency,
        },
    )
    return redirect(project_url(project))


@require_POST
def project_milestone(request: HttpRequest, key: str) -> HttpResponse:
    project, refused = changing(request, key)
    if refused is not None:
        return refused
    values: dict[str, Any] = {name: request.POST.get(name, "").strip() for name in ("title", "due")}
    values["done"] = request.POST.get("done") == "on"
    conflict = completed_refusal(request, project, "milestone", values)
    if conflict is not None:
        return conflict
    errors: dict[str, list[str]] = {}
    due = checked(projects_csv.parse_date, values["due"], "due", errors) if values["due"] else None
    milestone = Milestone(project=project, title=values["title"], due=due, done=values["done"])
    try:
        milestone.full_clean()
    except ValidationError as error:
        for name, problems in field_errors(error).items():
            errors.setdefault(name, problems)
    if errors:
        return render_project(request, project, form="milestone", values=values, errors=errors, status=400)
    milestone._history_user = request.user  # type: ignore[attr-defined]
    milestone.save()
    messages.success(request, _("Milestone added to %(key)s.") % {"key": project.key})
    return redirect(project_url(project))


def parse_quantity(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 1_000_000:
        raise ValueError(_("not a whole number from %(lowest)s to %(highest)s") % {"lowest": 1, "highest": 1_000_000})
    return int(value)


@require_POST
def project_output(request: HttpRequest, key: str) -> HttpResponse:
    project, refused = changing(request, key)
    if refused is not None:
        return refused
    values = {name: request.POST.get(name, "").strip() for name in ("kind", "quantity", "date", "description")}
    conflict = completed_refusal(request, project, "output", values)
    if conflict is not None:
        return conflict
    errors: dict[str, list[str]] = {}
    if values["kind"] not in rules.OUTPUT_KIND_LABELS:
        errors["kind"] = [_("not one of %(codes)s") % {"codes": ", ".join(rules.OUTPUT_KIND_LABELS)}]
    quantity = checked(parse_quantity, values["quantity"] or "1", "quantity", errors)
    if not values["date"]:
        errors["date"] = [_("required")]
    day = checked(projects_csv.parse_date, values["date"], "date", errors) if values["date"] else None
    if errors:
        return render_project(request, project, form="output", values=values, errors=errors, status=400)
    before = set(project.requests.filter(status=workflow.FUNDED).values_list("key", flat=True))
    try:
        record_output(
            request.user, project, kind=values["kind"], date=day, quantity=quantity, description=values["description"]
        )
    except ValidationError as error:
        return render_project(request, project, form="output", values=values, errors=field_errors(error), status=400)
    except workflow.TransitionError as error:
        return render_project(request, project, form="output", values=values, problem=str(error), status=409)
    if before:
        message = _("Output recorded for %(key)s; these requests are now in delivery: %(requests)s.") % {
            "key": project.key,
            "requests": ", ".join(sorted(before)),
        }
    else:
        message = _("Output recorded for %(key)s.") % {"key": project.key}
    messages.success(request, message)
    return redirect(project_url(project))


@require_POST
def project_complete(request: HttpRequest, key: str) -> HttpResponse:
    project, refused = changing(request, key)
    if refused is not None:
        return refused
    conflict = completed_refusal(request, project, "", {})
    if conflict is not None:
        return conflict
    try:
        delivered = complete_project(request.user, project)
    except workflow.TransitionError as error:
        project.refresh_from_db()
        return render_project(request, project, problem=str(error), status=409)
    messages.success(
        request,
        _("Project %(key)s is completed; requests delivered: %(count)s.")
        % {"key": project.key, "count": len(delivered)},
    )
    return redirect(project_url(project))


# -- the files -------------------------------------------------------------------------------------


def secretariat_file(request: HttpRequest) -> HttpResponse | None:
    """The projects' file and its import are the Secretariat's: the public signs in, others are refused."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not may_manage(request.user):
        raise PermissionDenied(_("Only the secretariat downloads and imports the file of projects."))
    return None


@require_safe
def projects_file(request: HttpRequest) -> HttpResponse:
    refused = secretariat_file(request)
    if refused is not None:
        return refused
    try:
        filters = parse_project_filters(request.GET)
    except BadFilter as error:
        return project_bad_request(request, error)
    return csv_response(write_csv(filtered_projects(filters)), "projects.csv")


@require_safe
def requests_file(request: HttpRequest) -> HttpResponse:
    refused = signed_in_reader(request)
    if refused is not None:
        return refused
    try:
        filters = parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, error)
    rows = request_rows(filtered_requests(request.user, filters))
    return csv_response(csv_text(REQUEST_COLUMNS, rows), "requests.csv")


@require_http_methods(["GET", "HEAD", "POST"])
def projects_import(request: HttpRequest) -> HttpResponse:
    refused = secretariat_file(request)
    if refused is not None:
        return refused
    problems: list[str] = []
    refusal = None
    status = 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        dry_run = request.POST.get("dry_run") == "on"
        if upload is None:
            problems = [_("file: choose the CSV file of projects to import")]
        elif upload.size > UPLOAD_MAX:
            problems = [
                _("file: %(name)s is larger than %(limit)s MB") % {"name": upload.name, "limit": UPLOAD_MAX // 2**20}
            ]
        else:
            try:
                outcome = import_projects(upload.read(), user=request.user, source_name=upload.name, dry_run=dry_run)
            except ProjectsRefused as refused_file:
                refusal = refused_file
            else:
                messages.success(request, outcome.summary())
                return redirect(PAGE_URL)
        status = 400
    return page(
        request,
        "assistance/project_import.html",
        {"problems": problems, "refusal": refusal, "columns": projects_csv.COLUMNS},
        status=status,
    )
