"""/reporting/ (the cycles; the Secretariat opens one here) and /reporting/<cycle>/ (its reports)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from viennaplan.accounts.permissions import can
from viennaplan.plan.models import PlanVersion

from .. import workflow
from ..access import cycle_or_404, visible_reports
from ..cycles import CycleError, open_cycle, reporting_chapters
from ..models import Contribution, ReportingCycle
from .common import API, CYCLES, page


class OpenCycleForm(forms.Form):
    name = forms.CharField(max_length=120, help_text="e.g. 2002 review")
    opens = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    closes = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), help_text="deadline for reports")
    chapters = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: object, chapter_choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["chapters"].choices = chapter_choices


def chapter_choices(version: PlanVersion | None) -> list[tuple[str, str]]:
    if version is None:
        return []
    titles = dict(version.chapters.values_list("number", "title"))
    return [(number, f"{number}. {titles[number]}") for number in reporting_chapters(version)]


@require_http_methods(["GET", "POST"])
def cycle_list(request: HttpRequest) -> HttpResponse:
    may_open = can(request.user, "cycle.manage")
    version = PlanVersion.current()
    form = None
    status = 200
    if request.method == "POST":
        if not may_open:
            raise PermissionDenied("Only the Secretariat opens reporting cycles.")
        form = OpenCycleForm(request.POST, chapter_choices=chapter_choices(version))
        if form.is_valid():
            data = form.cleaned_data
            try:
                cycle = open_cycle(request.user, data["name"], data["opens"], data["closes"], data["chapters"])
            except CycleError as error:
                form.add_error(None, str(error))
            else:
                return redirect(cycle.get_absolute_url())
        status = 400
    elif may_open:
        form = OpenCycleForm(chapter_choices=chapter_choices(version))
    cycles = ReportingCycle.objects.all()
    pending = None  # comments from civil society waiting for review, for the Secretariat
    if can(request.user, "contribution.moderate"):
        pending = Contribution.objects.filter(status=Contribution.PENDING).count()
    return page(
        request,
        "reporting/cycles.html",
        {
            "cycles": cycles,
            "form": form,
            "json_url": f"{API}/cycles",
            "today": timezone.localdate(),
            "pending_contributions": pending,
        },
        status=status,
    )


@require_safe
def cycle_detail(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    rows = []
    today = timezone.localdate()
    for state, report in visible_reports(request.user, cycle):
        rows.append(
            {
                "state": state,
                "report": report,
                "started": report.pk is not None,
                "status_label": workflow.STATUS_LABELS[report.status] if report.pk else "Not started",
                "late": report.is_late(today) if report.pk else today > cycle.closes,
            }
        )
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["status_label"]] = counts.get(row["status_label"], 0) + 1
    return page(
        request,
        "reporting/cycle.html",
        {
            "cycle": cycle,
            "rows": rows,
            "counts": sorted(counts.items()),
            "question_count": cycle.questions.count(),
            "is_open": cycle.is_open_on(today),
            "today": today,
            "json_url": f"{API}/cycles/{cycle.pk}",
        },
    )
