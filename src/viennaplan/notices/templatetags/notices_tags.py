"""Notices in other apps' templates (templates may load these; no app imports notices):

{% notices_menu_item %}        base.html's "Notices (N)" link for a signed-in user (one count query)
{% reminders_panel cycle %}    the Secretariat's panel of States due a deadline reminder, with the form
{% email_choice_form %}        the account page's "send me notices by e-mail"
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from viennaplan.accounts.permissions import can

from ..models import EmailChoice, Notice
from ..sending import due_states

register = template.Library()


def signed_in(context: template.Context) -> Any:
    user = context.get("user")
    return user if user is not None and user.is_authenticated else None


@register.inclusion_tag("notices/_menu_item.html", takes_context=True)
def notices_menu_item(context: template.Context) -> dict[str, Any]:
    user = signed_in(context)
    if user is None:
        return {"show": False}
    unread = Notice.objects.filter(recipient=user, read_at__isnull=True).count()
    return {"show": True, "unread": unread, "current": context.get("nav") == "notices"}


@register.inclusion_tag("notices/_reminders_panel.html", takes_context=True)
def reminders_panel(context: template.Context, cycle: Any) -> dict[str, Any]:
    """Only for those who manage cycles (the Secretariat); nothing for anyone else."""
    user = signed_in(context)
    if user is None or not can(user, "cycle.manage"):
        return {"show": False}
    today = timezone.localdate()
    return {
        "show": True,
        "cycle": cycle,
        "due": due_states(cycle, today),
        "today": today,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "messages": context.get("messages"),
    }


@register.inclusion_tag("notices/_email_choice.html", takes_context=True)
def email_choice_form(context: template.Context) -> dict[str, Any]:
    user = signed_in(context)
    if user is None:
        return {"show": False}
    choice = EmailChoice.objects.filter(user=user).values_list("send_email", flat=True).first()
    return {"show": True, "send_email": choice is not False, "csrf_token": context.get("csrf_token"), "user": user}
