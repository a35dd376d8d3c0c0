"""The JSON API root: every app adds its router here. OpenAPI at /api/docs.

Every answer under /api/ is JSON, and every error has one shape (api_shapes.ErrorOut):
{"detail": "what went wrong", "errors": ["where: what", ...]}. That holds for refusals the
operations return, for HttpError and Http404 they raise, for parameters and bodies that do not
validate (422, one entry in `errors` per problem; text with a NUL character never validates),
for a body that is not JSON (400), for a method the path does not take (405) and for a path
that is no operation at all (404, `not_found`, mounted after the API in urls.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from viennaplan.assistance.api import router as assistance_router
from viennaplan.assistance.events.api import router as assistance_events_router
from viennaplan.assistance.overview_api import router as assistance_overview_router
from viennaplan.assistance.project_api import router as assistance_projects_router
from viennaplan.assistance.resources.api import router as assistance_resources_router
from viennaplan.countries.api import router as countries_router
from viennaplan.indicators.api import router as indicators_router
from viennaplan.knowledge.api import router as knowledge_router
from viennaplan.knowledge.api_guide import router as legislative_guide_router
from viennaplan.knowledge.api_search import router as knowledge_search_router
from viennaplan.knowledge.assessments.api import router as assessments_router
from viennaplan.knowledge.authorities.api import router as authorities_router
from viennaplan.knowledge.firearms.api import router as firearms_router
from viennaplan.knowledge.patterns.api import router as patterns_router
from viennaplan.knowledge.practices.api import router as practices_router
from viennaplan.knowledge.trafficking.api import router as trafficking_router
from viennaplan.monitoring.api import router as monitoring_router
from viennaplan.monitoring.api_deadlines import router as deadlines_router
from viennaplan.monitoring.api_indicator_targets import router as indicator_targets_router
from viennaplan.monitoring.api_maps import router as maps_router
from viennaplan.monitoring.api_report import router as commission_report_router
from viennaplan.monitoring.api_targets import router as ratification_targets_router
from viennaplan.plan.api import router as plan_router
from viennaplan.reporting.api import router as reporting_router
from viennaplan.reporting.api_contributions import router as reporting_contributions_router
from viennaplan.treaties.api import router as treaties_router

DOCS = "/api/docs"


def error_body(detail: str, errors: list[str] | None = None) -> dict[str, Any]:
    return {"detail": detail, "errors": list(errors or [])}


def json_error(status: int, detail: str, errors: list[str] | None = None) -> JsonResponse:
    return JsonResponse(error_body(detail, errors), status=status)


class ViennaplanAPI(NinjaAPI):
    """NinjaAPI whose every operation refuses text with a NUL character (422) and answers a
    method it does not take with a JSON 405, and whose root /api/ (kept: ninja reverses it)
    answers a JSON 404 rather than raising Django's."""

    def _get_urls(self) -> list:
        patterns = super()._get_urls()
        for pattern in patterns:
            if getattr(pattern, "name", None) == "api-root":
                pattern.callback = not_found
            elif getattr(pattern, "callback", None) is not None:
                pattern.callback = _guarded(pattern.callback)
        return patterns


def _guarded(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        problems = nul_characters(request)
        if problems:
            return json_error(
                422, _("The request is not valid: %(problems)s.") % {"problems": "; ".join(problems)}, problems
            )
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            allowed = response["Allow"]
            refused = json_error(
                405,
                _("%(path)s does not take %(method)s; it takes %(allowed)s.")
                % {"path": request.path, "method": request.method, "allowed": allowed},
            )
            refused["Allow"] = allowed
            return refused
        return response

    return wrapped


NUL = gettext_lazy("contains a NUL character (\\x00), which no text of the API may hold")


def nul_characters(request: HttpRequest) -> list[str]:
    """Where the request has a NUL character: PostgreSQL cannot compare or store one, so every
    text parameter and body refuses it (422) instead of failing in the database (500)."""
    problems = ["path: " + NUL] if "\x00" in request.path else []
    problems += [f"query {name}: {NUL}" for name, values in request.GET.lists() if "\x00" in name + "".join(values)]
    if request.method in {"POST", "PUT", "PATCH"} and request.content_type == "multipart/form-data":
        # an upload's fields are checked here; its files by their import (and never read whole into memory here)
        if any("\x00" in name + "".join(values) for name, values in request.POST.lists()):
            problems.append(f"body: {NUL}")
    elif request.method in {"POST", "PUT", "PATCH"} and (b"\x00" in request.body or b"\\u0000" in request.body):
        problems.append(f"body: {NUL}")
    return problems


api = ViennaplanAPI(
    title="viennaplan API",
    version="1",
    description="Open data of the Plans of Action for the implementation of the Vienna Declaration "
    "on Crime and Justice. Every page of the site has a JSON twin here with the same filters. "
    'Every error answers {"detail": "what went wrong", "errors": ["where: what", ...]}.',
    urls_namespace="api",
)
api.add_router("/plan", plan_router, tags=["plan"])
api.add_router("/countries", countries_router, tags=["countries"])
api.add_router("/treaties", ratification_targets_router, tags=["treaties"])  # before the treaties' /{code}
api.add_router("/treaties", treaties_router, tags=["treaties"])
api.add_router("/indicators", indicators_router, tags=["indicators"])
api.add_router("/knowledge", knowledge_search_router, tags=["knowledge"])
api.add_router("/knowledge", legislative_guide_router, tags=["knowledge"])
api.add_router("/knowledge", knowledge_router, tags=["knowledge"])
api.add_router("/knowledge", patterns_router, tags=["knowledge"])
api.add_router("/knowledge", assessments_router, tags=["knowledge"])
api.add_router("/knowledge", trafficking_router, tags=["knowledge"])
api.add_router("/knowledge", firearms_router, tags=["knowledge"])
api.add_router("/knowledge", authorities_router, tags=["knowledge"])
api.add_router("/knowledge", practices_router, tags=["knowledge"])
api.add_router("/assistance", assistance_router, tags=["assistance"])
api.add_router("/assistance", assistance_resources_router, tags=["assistance"])
api.add_router("/assistance", assistance_events_router, tags=["assistance"])
api.add_router("/assistance", assistance_projects_router, tags=["assistance"])
api.add_router("/assistance", assistance_overview_router, tags=["assistance"])
api.add_router("/reporting/progress", monitoring_router, tags=["reporting progress"])
api.add_router("/reporting/commission-report", commission_report_router, tags=["commission report"])
api.add_router("/maps", maps_router, tags=["maps"])
api.add_router("/targets/deadlines", deadlines_router, tags=["plan deadlines"])  # before /targets' /{id}
api.add_router("/targets", indicator_targets_router, tags=["indicator targets"])
api.add_router("/reporting", reporting_router, tags=["reporting"])
api.add_router("/reporting", reporting_contributions_router, tags=["reporting contributions"])


# -- errors -------------------------------------------------------------------------------------


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    if isinstance(error.__cause__, ValueError):  # ninja could not read the body: not JSON, or not UTF-8
        problem = _("body: not JSON (%(error)s)") % {"error": error.__cause__}
        detail = _("The request is not valid: %(problems)s.") % {"problems": problem}
        return api.create_response(request, error_body(detail, [problem]), status=400)
    return api.create_response(request, error_body(str(error)), status=error.status_code)


@api.exception_handler(AuthenticationError)
def not_signed_in(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    detail = _("Sign in first: this operation needs a session (the sessionid cookie) and the CSRF token.")
    return api.create_response(request, error_body(detail), status=401)


@api.exception_handler(Http404)
def http_404(request: HttpRequest, error: Http404) -> HttpResponse:
    return api.create_response(request, error_body(str(error) or _("Not found.")), status=404)


@api.exception_handler(ValidationError)
def invalid_input(request: HttpRequest, error: ValidationError) -> HttpResponse:
    problems = [validation_problem(item) for item in error.errors]
    detail = _("The request is not valid: %(problems)s.") % {"problems": "; ".join(problems)}
    return api.create_response(request, error_body(detail, problems), status=422)


def validation_problem(item: dict[str, Any]) -> str:
    """'query as_of: expected a date as YYYY-MM-DD …' from one pydantic error as ninja reports it."""
    location = [str(part) for part in item.get("loc", ())]
    source = location[0] if location else "request"
    fields = [part for part in location[1:] if part not in {"payload", "filters", "query"}]
    where = f"{source} {'.'.join(fields)}" if fields else source
    message = str(item.get("msg", "is not valid")).removeprefix("Value error, ")
    return f"{where}: {message}"


def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """Any path under /api/ that is no operation (urls.py mounts this after the API)."""
    return json_error(
        404,
        _("There is no API operation at %(path)s; %(docs)s lists them.") % {"path": repr(request.path), "docs": DOCS},
    )
