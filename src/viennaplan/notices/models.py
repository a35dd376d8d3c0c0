"""Storage of notices: each notice a person got in the site, the deadline reminders sent (so a
daily run does not repeat them), and whether a person wants notices by e-mail.

The rules of who is told what live in `rules`; `sending` makes and sends the notices.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from viennaplan.countries.models import Country
from viennaplan.reporting.models import ReportingCycle

from .rules import KINDS

USER = settings.AUTH_USER_MODEL


class Notice(models.Model):
    """One notice to one person: what happened, and the page to act on."""

    recipient = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=20, choices=list(KINDS.items()))
    subject = models.CharField(max_length=300)
    text = models.TextField()
    link = models.CharField(max_length=300, help_text=_("the site's path of the page to act on"))
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True, help_text=_("when the e-mail went out (none: not sent)"))

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notices_unread")]

    def __str__(self) -> str:
        return f"{self.subject} (to {self.recipient})"


class Reminder(models.Model):
    """A deadline reminder sent to one focal point about their State's report in a cycle:
    `viennaplan notices remind` sends one per (cycle, State, person), the Secretariat's button more."""

    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="+")
    state = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    recipient = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text=_("none: the daily command")
    )

    class Meta:
        ordering = ["cycle", "state", "-sent_at"]
        indexes = [models.Index(fields=["cycle", "state", "recipient"], name="notices_reminded")]

    def __str__(self) -> str:
        return f"Reminder to {self.recipient} about {self.state_id} in {self.cycle}"


class EmailChoice(models.Model):
    """A person's choice to get notices by e-mail; without a row, they do (the default)."""

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="notice_email")
    send_email = models.BooleanField(_("send me notices by e-mail"), default=True)

    def __str__(self) -> str:
        return f"{self.user}: {'e-mail' if self.send_email else 'no e-mail'}"
