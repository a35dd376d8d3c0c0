"""The JSON twin of the Commission report, mounted under /api/reporting/commission-report: the same
report as the page (`report_views`), figure by figure with what each counts, as of when and the page
it comes from (`commission_report.as_json`). Public, and the same for every reader.

GET /api/reporting/commission-report?as_of=YYYY-MM-DD&cycle=ID
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router
from ninja.errors import HttpError

from viennaplan.api_shapes import INVALID, AsOfFilter, ErrorOut

from . import queries
from .commission_report import as_json
from .commission_report_data import build_report

router = Router()


class ReportFilter(AsOfFilter):
    cycle: str | None = None


@router.get(
    "",
    response={200: dict[str, Any], 400: ErrorOut, **INVALID},
    operation_id="commission_report",
    summary="The report to the Commission on the plan's implementation",
)
def commission_report(request: HttpRequest, filters: Query[ReportFilter]):
    today = timezone.localdate()
    try:
        cycle = queries.pick_cycle(filters.cycle)  # None: no cycle yet, the report without national reports
    except queries.BadParameter as error:
        raise HttpError(400, str(error)) from None
    return as_json(build_report(cycle, filters.as_of or today, today))
