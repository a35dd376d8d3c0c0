"""/reporting/<cycle>/international/: progress on each international action of the cycle's
chapters; the Secretariat records it here (POST with the unit's path)."""

from __future__ import annotations

from itertools import zip_longest
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from viennaplan.accounts.permissions import can, require
from viennaplan.plan.models import Provision

from ..access import cycle_or_404
from ..answer_data import AnswerDataError
from ..international import ProgressError, international_units, record_international_progress
from ..models import InternationalActionProgress
from ..scale import INTERNATIONAL_STATUSES, OUTPUT_KINDS, RESOURCES
from .common import API, CYCLES, page

BLANK_OUTPUT = {"kind": "", "title": "", "url": "", "date": ""}


def outputs_from(post: Any) -> list[dict[str, str]]:
    columns = [post.getlist(f"output_{name}") for name in ("kind", "title", "url", "date")]
    return [
        {"kind": kind, "title": title, "url": url, "date": day}
        for kind, title, url, day in zip_longest(*columns, fillvalue="")
        if any(value.strip() for value in (kind, title, url, day))
    ]


@require_http_methods(["GET", "POST"])
def international_progress(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    may_record = can(request.user, "international.record", cycle)
    problem: dict[str, Any] = {}
    if request.method == "POST":
        require(request.user, "international.record", cycle)
        path = request.POST.get("path", "")
        provision = Provision.objects.filter(version=cycle.plan_version_id, path=path).first()
        data = {
            "status": request.POST.get("status", ""),
            "resources": request.POST.get("resources", ""),
            "outputs": outputs_from(request.POST),
            "narrative": request.POST.get("narrative", ""),
        }
        raw_version = request.POST.get("version", "")
        try:
            if provision is None:
                raise ProgressError(f"{path!r} is not a provision of the plan this cycle asks about")
            record = record_international_progress(
                request.user,
                cycle,
                provision,
                data,
                entity=request.POST.get("entity", ""),
                expected_version=int(raw_version) if raw_version.isdigit() else None,
            )
        except (AnswerDataError, ProgressError) as error:
            problem = {"path": path, "message": str(error), "values": data}
        else:
            messages.success(
                request, _("Saved the progress on %(citation)s.") % {"citation": record.provision.citation}
            )
            return redirect(f"{cycle.get_absolute_url()}international/#unit-{record.provision.path.replace('/', '-')}")
    records: dict[str, list[InternationalActionProgress]] = {}
    for record in InternationalActionProgress.objects.filter(cycle=cycle).select_related("provision", "updated_by"):
        records.setdefault(record.provision.path, []).append(record)
    units = [
        {
            "unit": unit,
            "anchor": unit.path.replace("/", "-"),
            "records": records.get(unit.path, []),
            "problem": problem if problem.get("path") == unit.path else None,
        }
        for unit in international_units(cycle)
    ]
    return page(
        request,
        "reporting/international.html",
        {
            "cycle": cycle,
            "units": units,
            "may_record": may_record,
            "statuses": INTERNATIONAL_STATUSES,
            "resources": RESOURCES,
            "output_kinds": OUTPUT_KINDS,
            "blank_output": BLANK_OUTPUT,
            "json_url": f"{API}/cycles/{cycle.pk}/international",
        },
        status=400 if problem else 200,
    )
