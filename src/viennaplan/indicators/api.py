"""Indicators as open data: a JSON API under /api/indicators (OpenAPI at /api/docs).

    GET  /api/indicators                               the catalogue, each with its coverage
    GET  /api/indicators/{code}                        one indicator: definition, sources, disaggregations
    GET  /api/indicators/{code}/observations?…         its values, with the page's filters; ?format=csv downloads
                                                       the same rows in the tidy CSV the import reads
    POST /api/indicators/observations/import           multipart `file` (and `dry_run`): the Secretariat's upload

Reading is public. Importing is "indicator.import" in the permission table (the Secretariat) and
needs a session and its CSRF token; a refused file answers 422 with every bad row in `errors`.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import File, Form, Query, Router
from ninja.files import UploadedFile
from ninja.responses import Status
from ninja.security import django_auth

from viennaplan.accounts.names import display_name
from viennaplan.accounts.permissions import why_not
from viennaplan.api_shapes import INVALID, INVALID_BODY, ErrorOut, as_is
from viennaplan.countries.registry import StateInfo, state_directory

from . import queries
from .importer import ImportRefused
from .models import Indicator
from .schemas import (
    API_ROOT,
    IndicatorDetailOut,
    IndicatorOut,
    ObservationFilters,
    ObservationImportOut,
    ObservationListOut,
)
from .tables import BadFilter, Row, with_query, write_csv
from .uploads import TooLarge, receive

router = Router()
ERRORS = {404: ErrorOut, **INVALID}


def indicator_out(indicator: Indicator, coverage: queries.Coverage, links: list[queries.ProvisionLink]) -> dict:
    return {
        "code": indicator.code,
        "name": indicator.name,
        "unit": indicator.unit,
        "kind": indicator.kind,
        "chapter": indicator.chapter,
        "source": indicator.source,
        "measures": [{"citation": link.citation, "url": link.url, "in_current_plan": link.found} for link in links],
        "dimensions": indicator.dimensions or {},
        "coverage": {
            "states": coverage.states,
            "years": coverage.years,
            "first_year": coverage.first,
            "last_year": coverage.last,
            "values": coverage.values,
        },
        "url": f"/indicators/{indicator.code}",
        "api_url": f"{API_ROOT}/{indicator.code}",
    }


def observation_out(row: Row, directory: dict[str, StateInfo]) -> dict:
    split = dict(pair.split("=", 1) for pair in row.disaggregation.split(";") if pair)
    info = directory.get(row.state)
    return {
        "state": row.state,
        "name": info.name if info is not None else row.state,
        "year": row.year,
        "value": row.published,
        "number": None if row.suppressed_below is not None else float(row.published),
        "suppressed_below": row.suppressed_below,
        "disaggregation": split,
        "flags": row.flags,
        "source": row.source,
        "note": row.note,
    }


@router.get(
    "", response={200: list[IndicatorOut], **INVALID}, operation_id="indicators_list", summary="The indicator catalogue"
)
def list_indicators(request: HttpRequest):
    return [
        indicator_out(entry.indicator, entry.coverage, entry.provisions)
        for chapter in queries.catalogue_chapters()
        for entry in chapter.entries
    ]


@router.post(
    "/observations/import",
    auth=django_auth,
    response={
        200: ObservationImportOut,
        201: ObservationImportOut,
        401: ErrorOut,
        403: ErrorOut,
        413: ErrorOut,
        **INVALID_BODY,
    },
    operation_id="indicators_import_observations",
    summary="Import a file of observations (Secretariat): tidy CSV or SDMX-CSV, all or nothing",
)
def import_file(request: HttpRequest, file: File[UploadedFile], dry_run: Form[bool] = False):
    refusal = why_not(request.user, "indicator.import")
    if refusal is not None:
        return Status(403, {"detail": refusal, "errors": []})
    try:
        outcome = receive(file, request.user, dry_run=dry_run)
    except TooLarge as error:
        return Status(413, {"detail": str(error), "errors": []})
    except ImportRefused as refused:
        detail = ngettext(
            "%(file)s: %(count)s problem; nothing was stored.",
            "%(file)s: %(count)s problems; nothing was stored.",
            len(refused.errors),
        ) % {"file": refused.source_name, "count": len(refused.errors)}
        return Status(422, {"detail": detail, "errors": refused.errors})
    body = {
        "source_name": outcome.source_name,
        "format": outcome.format,
        "dry_run": dry_run,
        "rows": outcome.rows,
        "created": outcome.created,
        "on_file": outcome.on_file,
        "imported_by": None if dry_run else display_name(request.user),
        "import_id": outcome.batch.pk if outcome.batch else None,
    }
    return Status(200 if dry_run or not outcome.created else 201, body)


@router.get(
    "/{code}",
    response={200: IndicatorDetailOut, **ERRORS},
    operation_id="indicators_get",
    summary="One indicator: definition, unit, sources, disaggregations, the provisions it measures",
)
def get_indicator(request: HttpRequest, code: str):
    indicator = queries.indicator_or_404(code)
    return {
        **indicator_out(
            indicator, queries.coverage().get(indicator.pk, queries.Coverage()), queries.provisions_measured(indicator)
        ),
        "definition": indicator.definition,
        "sources": [
            {
                "source": line.source,
                "file": line.file,
                "values": line.values,
                "publisher": line.facts.publisher if line.facts else None,
                "years": line.facts.years if line.facts else None,
                "terms": line.facts.terms if line.facts else None,
            }
            for line in queries.indicator_sources(indicator)
        ],
        "disaggregations": [{"key": key, "label": label} for key, label in queries.disaggregations_on_file(indicator)],
    }


@router.get(
    "/{code}/observations",
    response={200: ObservationListOut, **ERRORS},
    operation_id="indicators_list_observations",
    summary="An indicator's observations, filtered as on its page (?format=csv: a download the import reads)",
    openapi_extra={"responses": {200: {"description": "JSON, or text/csv with ?format=csv"}}},
)
def list_observations(request: HttpRequest, code: str, filters: Query[ObservationFilters]):
    indicator = queries.indicator_or_404(code)
    directory = state_directory()
    words = {name: getattr(filters, name) or "" for name in ("region", "group", "state", "disaggregation")}
    try:
        checked = queries.checked_filters(
            indicator, directory, year_from=filters.year_from, year_to=filters.year_to, **words
        )
    except BadFilter as error:
        detail = _("The request is not valid: %(error)s.") % {"error": error}
        return Status(422, {"detail": detail, "errors": [_("query: %(error)s") % {"error": error}]})
    rows = queries.observation_rows(indicator, checked, directory)
    if filters.format == "csv":
        names = {code: info.name for code, info in directory.items()}
        dimensions = list(indicator.dimensions or {})
        body = write_csv(rows, indicator=indicator.code, unit=indicator.unit, dimensions=dimensions, names=names)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{indicator.code}.csv"'
        return response
    # sent as built, not checked again against ObservationListOut (tests/indicators: it is what the schema makes of it)
    return as_is(
        {
            "indicator": indicator.code,
            "year_from": checked.year_from,
            "year_to": checked.year_to,
            "region": checked.region,
            "group": checked.group,
            "state": checked.state,
            "disaggregation": checked.disaggregation,
            "count": len(rows),
            "observations": [observation_out(row, directory) for row in rows],
            "url": with_query(f"/indicators/{indicator.code}", checked.query()),
        }
    )
