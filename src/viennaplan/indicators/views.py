"""The indicator pages: the catalogue, one indicator's values by State and year, and the
Secretariat's upload of observations. Each page has a JSON twin under /api/indicators with the
same filters; the pages answer GET and HEAD (the upload page POST too).

    /indicators/                      the catalogue by chapter of the plan
    /indicators/<code>?year_from=2003&year_to=2010&region=Europe&group=african&state=NGA&disaggregation=sex%3Dfemale
    /indicators/import                the upload page ("indicator.import": the Secretariat)
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from viennaplan.accounts.names import display_name
from viennaplan.accounts.permissions import why_not
from viennaplan.countries.registry import state_directory

from . import queries
from .importer import ImportRefused
from .models import ObservationImport
from .table_html import table_body
from .tables import ALL, FLAGS, BadFilter, build_table, with_query
from .uploads import TooLarge, max_upload_bytes, receive

API = "/api/indicators"
ACCEPTED = ".csv,text/csv,text/plain"


def page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("nav", "indicators")
    return render(request, template, context, status=status)


@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    chapters = queries.catalogue_chapters()
    return page(
        request,
        "indicators/catalogue.html",
        {
            "chapters": chapters,
            "indicators": sum(len(chapter.entries) for chapter in chapters),
            "json_url": API,
            "may_import": why_not(request.user, "indicator.import") is None,
        },
    )


@require_safe
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    found = queries.indicator_or_404(code)
    if found.code != code:
        return redirect(with_query(f"/indicators/{found.code}", request.GET.dict()), permanent=True)
    directory = state_directory()
    try:
        filters = queries.page_filters(found, request.GET, directory)
        if filters.disaggregation == ALL:
            raise BadFilter(
                _(
                    "the page shows one disaggregation at a time (disaggregation=all is for the JSON and the CSV): "
                    "choose one, or leave it out for the total"
                )
            )
    except BadFilter as error:
        context = {"message": str(error), "indicator": found, "here": found.code}
        return page(request, "indicators/bad_request.html", context, status=400)
    rows = queries.observation_rows(found, filters, directory)
    names = {code: info.name for code, info in directory.items()}
    table = build_table(rows, names)
    labels = queries.dimension_labels()
    query = filters.query()
    return page(
        request,
        "indicators/indicator.html",
        {
            "indicator": found,
            "here": found.code,
            "filters": filters,
            "filtered": bool(query),
            "table": table,
            "table_body": table_body(table),
            "disaggregations": queries.disaggregations_on_file(found),
            "dimensions": [(labels.get(name, name), values) for name, values in (found.dimensions or {}).items()],
            "provisions": queries.provisions_measured(found),
            "sources": queries.indicator_sources(found),
            "legend": [(mark, words) for *_kind, mark, words in FLAGS],
            "suppressed": any(row.suppressed_below is not None for row in rows),
            "states": [(code, info.name) for code, info in directory.items() if not info.is_organization],
            **queries.filter_choices(directory),
            "json_url": with_query(f"{API}/{found.code}/observations", query),
            "csv_url": with_query(f"{API}/{found.code}/observations", {**query, "format": "csv"}),
            "indicator_json_url": f"{API}/{found.code}",
        },
    )


# -- the upload page ----------------------------------------------------------------------------


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File of observations (tidy CSV or SDMX-CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED}),
    )


@require_http_methods(["GET", "HEAD", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    refusal = why_not(request.user, "indicator.import")
    if refusal is not None:
        return page(request, "indicators/refused.html", {"message": refusal, "here": _("Import")}, status=403)
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    context: dict[str, Any] = {
        "form": form,
        "here": _("Import"),
        "max_mb": max_upload_bytes() // 1048576,
        "errors": [],
        "recent": recent_imports,  # called as the page renders: after an import, it is listed
    }
    if request.method != "POST":
        return page(request, "indicators/import.html", context)
    if not form.is_valid():
        return page(request, "indicators/import.html", context, status=400)
    uploaded = form.cleaned_data["file"]
    dry_run = request.POST.get("action") == "check"
    context.update(dry_run=dry_run, file_name=uploaded.name)
    try:
        context["outcome"] = receive(uploaded, request.user, dry_run=dry_run)
    except TooLarge as error:
        context["errors"] = [str(error)]
        return page(request, "indicators/import.html", context, status=413)
    except ImportRefused as refused:
        context["errors"] = refused.errors
        return page(request, "indicators/import.html", context, status=422)
    context["uploader"] = display_name(request.user)
    return page(request, "indicators/import.html", context)


def recent_imports() -> list[tuple[ObservationImport, str]]:
    """The last ten imports and who made each."""
    batches = ObservationImport.objects.select_related("imported_by")[:10]
    return [(batch, display_name(batch.imported_by, nobody=_("the command line"))) for batch in batches]
