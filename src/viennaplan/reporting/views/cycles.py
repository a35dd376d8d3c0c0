"""/reporting/ (the cycles; the Secretariat opens one here), /reporting/<cycle>/ (its reports) and
/reporting/<cycle>/options (POST: the Secretariat sets whether the cycle requires all answers)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from viennaplan.accounts.permissions import can, role_of, state_of
from viennaplan.accounts.roles import FOCAL_POINT, REVIEWER, SECRETARIAT
from viennaplan.countries import registry
from viennaplan.plan.models import PlanVersion

from .. import desk
from ..access import cycle_or_404, visible_reports
from ..cycles import CycleError, open_cycle, reporting_chapters, set_require_all_answers
from ..models import Contribution, Report, ReportingCycle
from .common import API, CYCLES, page
from .desk import local_day


class OpenCycleForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=120, help_text=gettext_lazy("e.g. 2002 review"))
    opens = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    closes = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}), help_text=gettext_lazy("deadline for reports")
    )
    chapters = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)
    require_all_answers = forms.BooleanField(
        required=False,
        label=gettext_lazy("Require all answers"),
        help_text=gettext_lazy("a report is submitted only when every question is answered (can be changed later)"),
    )

    def __init__(self, *args: object, chapter_choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["chapters"].choices = chapter_choices


def chapter_choices(version: PlanVersion | None) -> list[tuple[str, str]]:
    if version is None:
        return []
    titles = dict(version.chapters.values_list("number", "title"))
    return [(number, f"{number}. {titles[number]}") for number in reporting_chapters(version)]


def own_statuses(user: Any, cycles: list[ReportingCycle]) -> dict[str, Any] | None:
    """For a focal point: their State and its report's status in each cycle (on each cycle as
    `own_status`, `own_label`); None for everyone else."""
    alpha3 = state_of(user)
    if role_of(user) != FOCAL_POINT or not alpha3:
        return None
    statuses = dict(Report.objects.filter(state_id=alpha3).values_list("cycle_id", "status"))
    for cycle in cycles:
        cycle.own_status = desk.status_key(statuses.get(cycle.pk))
        cycle.own_label = desk.BOARD_LABELS[cycle.own_status]
    return {"alpha3": alpha3, "name": registry.country_name(alpha3)}


@require_http_methods(["GET", "POST"])
def cycle_list(request: HttpRequest) -> HttpResponse:
    may_open = can(request.user, "cycle.manage")
    version = PlanVersion.current()
    form = None
    status = 200
    if request.method == "POST":
        if not may_open:
            raise PermissionDenied(_("Only the Secretariat opens reporting cycles."))
        form = OpenCycleForm(request.POST, chapter_choices=chapter_choices(version))
        if form.is_valid():
            data = form.cleaned_data
            try:
                cycle = open_cycle(
                    request.user,
                    data["name"],
                    data["opens"],
                    data["closes"],
                    data["chapters"],
                    require_all_answers=data["require_all_answers"],
                )
            except CycleError as error:
                form.add_error(None, str(error))
            else:
                return redirect(cycle.get_absolute_url())
        status = 400
    elif may_open:
        form = OpenCycleForm(chapter_choices=chapter_choices(version))
    cycles = list(ReportingCycle.objects.all())
    mine = own_statuses(request.user, cycles)
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
            "own": mine,
            "desk": role_of(request.user) in (FOCAL_POINT, REVIEWER, SECRETARIAT),
        },
        status=status,
    )


@require_safe
def cycle_detail(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    rows = []
    today = timezone.localdate()
    for state, report in visible_reports(request.user, cycle):
        status = desk.status_key(report.status if report.pk else None)
        rows.append(
            {
                "state": state,
                "report": report,
                "started": report.pk is not None,
                "status": status,
                "status_label": desk.BOARD_LABELS[status],
                "late": desk.is_late(cycle.closes, today, local_day(report.first_submitted_at)),  # no query per row
            }
        )
    rows.sort(key=lambda row: not row["started"])  # started reports first, each part by State name
    counts = {s: 0 for s in desk.BOARD_STATUSES}
    for row in rows:
        counts[row["status"]] += 1
    wanted, problem = request.GET.get("status", ""), ""
    if wanted and wanted not in desk.BOARD_STATUSES:
        problem = (
            f"status: there is no status “{wanted}”; the statuses are {', '.join(desk.BOARD_STATUSES)}. "
            "Every report is shown."
        )
        wanted = ""
    return page(
        request,
        "reporting/cycle.html",
        {
            "cycle": cycle,
            "rows": [row for row in rows if row["status"] == wanted] if wanted else rows,
            "counts": [(s, desk.BOARD_LABELS[s], n) for s, n in counts.items() if n],
            "status": wanted,
            "status_label": desk.BOARD_LABELS.get(wanted, ""),
            "problem": problem,
            "question_count": cycle.questions.count(),
            "is_open": cycle.is_open_on(today),
            "may_manage": can(request.user, "cycle.manage"),
            "today": today,
            "json_url": f"{API}/cycles/{cycle.pk}",
        },
        status=400 if problem else 200,
    )


@require_POST
def cycle_options(request: HttpRequest, cycle_id: int) -> HttpResponse:
    """The Secretariat sets whether reports of the cycle are submitted only when fully answered
    (`require_all_answers`: "on" or "off")."""
    cycle = cycle_or_404(cycle_id, listed_at=CYCLES)
    if not can(request.user, "cycle.manage"):
        raise PermissionDenied(_("Only the Secretariat changes a reporting cycle."))
    sent = request.POST.get("require_all_answers", "")
    if sent not in ("on", "off"):
        message = f"require_all_answers: send “on” or “off”, not “{sent}”; nothing was changed."
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    value = sent == "on"
    set_require_all_answers(request.user, cycle, value)
    if value:
        messages.success(request, _("Reports of this cycle are now submitted only when every question is answered."))
    else:
        messages.success(request, _("Reports of this cycle may now be submitted with questions unanswered."))
    return redirect(cycle.get_absolute_url())
