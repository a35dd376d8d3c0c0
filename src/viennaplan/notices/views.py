"""Notice pages: one's own notices (newest first, unread marked), opening one (marks it read),
"mark all read", the e-mail choice of the account page, and the Secretariat's deadline reminders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from viennaplan.accounts.permissions import require
from viennaplan.countries.models import Country
from viennaplan.reporting.models import ReportingCycle

from .models import EmailChoice, Notice
from .sending import due_states, remind

PER_PAGE = 25


@require_GET
@login_required
def notice_list(request: HttpRequest) -> HttpResponse:
    notices = Notice.objects.filter(recipient=request.user)
    page = Paginator(notices, PER_PAGE).get_page(request.GET.get("page"))
    unread = notices.filter(read_at__isnull=True).count()
    return render(request, "notices/list.html", {"page": page, "unread": unread, "nav": "notices"})


@require_GET
@login_required
def open_notice(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one's own notice read and go to its page (another person's notice: 404). The one page
    whose GET writes: it changes only when its reader read it, so that following the link is enough."""
    notice = get_object_or_404(Notice, pk=pk, recipient=request.user)
    if notice.read_at is None:
        Notice.objects.filter(pk=notice.pk, read_at__isnull=True).update(read_at=timezone.now())
    return redirect(notice.link if notice.link.startswith("/") else "notices:list")


@require_POST
@login_required
def read_all(request: HttpRequest) -> HttpResponse:
    marked = Notice.objects.filter(recipient=request.user, read_at__isnull=True).update(read_at=timezone.now())
    messages.success(
        request, ngettext("%(count)s notice marked read.", "%(count)s notices marked read.", marked) % {"count": marked}
    )
    return redirect("notices:list")


@require_POST
@login_required
def email_choice(request: HttpRequest) -> HttpResponse:
    """The account page's "send me notices by e-mail" (`send_email`: "on" or "off")."""
    sent = request.POST.get("send_email", "")
    if sent not in ("on", "off"):
        return bad_request(_("send_email: send “on” or “off”, not “%(sent)s”; nothing was changed.") % {"sent": sent})
    EmailChoice.objects.update_or_create(user=request.user, defaults={"send_email": sent == "on"})
    if sent == "on":
        messages.success(request, _("Notices are sent to you by e-mail too."))
    else:
        messages.success(request, _("Notices are no longer sent to you by e-mail; they stay listed under Notices."))
    return redirect("accounts:account")


@require_POST
@login_required
def remind_states(request: HttpRequest) -> HttpResponse:
    """The Secretariat reminds the focal points of States due a reminder in a cycle: `cycle` (its
    id) and optional repeated `state` (alpha-3; none: every State due). Back to the cycle page."""
    require(request.user, "cycle.manage")
    given = request.POST.get("cycle", "").strip()
    if not given.isdigit():
        return bad_request(
            _("cycle: send the number of a reporting cycle, not “%(given)s”; nobody was reminded.") % {"given": given}
        )
    cycle = ReportingCycle.objects.filter(pk=int(given)).first()
    if cycle is None:
        return bad_request(_("cycle: there is no reporting cycle %(given)s; nobody was reminded.") % {"given": given})
    wanted = [code.strip().upper() for code in request.POST.getlist("state") if code.strip()]
    known = set(Country.objects.filter(alpha3__in=wanted).values_list("alpha3", flat=True))
    unknown = [code for code in wanted if code not in known]
    if unknown:
        return bad_request(
            _("state: %(codes)s is not the alpha-3 code of a State; nobody was reminded.")
            % {"codes": ", ".join(unknown)}
        )
    today = timezone.localdate()
    due = {d.alpha3 for d in due_states(cycle, today)}
    not_due = [code for code in wanted if code not in due]
    if not_due:
        return bad_request(
            _(
                "state: %(codes)s is not due a reminder in “%(cycle)s” (its report is submitted, or the "
                "deadline is more than a week away, or it has no active focal point); nobody was reminded."
            )
            % {"codes": ", ".join(not_due), "cycle": cycle}
        )
    told = remind(cycle, today, states=wanted or None, once=False, by=request.user)
    states = sorted({due.alpha3 for due, _notice in told})
    if told:
        messages.success(
            request,
            _("%(people)s of %(states)s reminded (%(codes)s).")
            % {
                "people": ngettext("%(count)s focal point", "%(count)s focal points", len(told)) % {"count": len(told)},
                "states": ngettext("%(count)s State", "%(count)s States", len(states)) % {"count": len(states)},
                "codes": ", ".join(states),
            },
            extra_tags="reminders",
        )
    else:
        messages.info(
            request, _("Nobody was reminded: no State is due a reminder in this cycle."), extra_tags="reminders"
        )
    return redirect(cycle.get_absolute_url() + "#reminders")


def bad_request(message: str) -> HttpResponse:
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
