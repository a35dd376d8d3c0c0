"""Accounts: a Profile gives a Django user their role (and, for focal points, their State);
FailedLogin keeps the failed sign-in attempts that the login throttle counts.

Users are Django's own (`auth.User`), with the email address as username. A user without a
Profile has no role: they are the public (a superuser counts as secretariat). Profiles keep
their history (who changed a role or a State, and when).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from viennaplan.countries.models import Country

from .roles import FOCAL_POINT, ROLE_LABELS, SECRETARIAT

USER = settings.AUTH_USER_MODEL


class Profile(models.Model):
    """A user's role. Secretariat users are staff (they use the admin)."""

    ROLE_CHOICES = list(ROLE_LABELS.items())
    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(max_length=20, choices=ROLE_CHOICES, db_index=True)
    state = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="profiles",
        help_text=_("the State a national focal point acts for (required for focal points)"),
    )
    invited_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="invited_profiles"
    )
    organisation = models.CharField(max_length=200, blank=True, help_text=_("for civil-society contributors"))
    # The language the user last chose (the switcher, the account page): it applies in a browser
    # that has not chosen one yet (viennaplan/languages.py). Empty: none saved.
    language = models.CharField(
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        default="",
        help_text=_("the language of the pages the user chose"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["user__username"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role=FOCAL_POINT) | models.Q(state__isnull=False),
                name="accounts_focal_point_has_a_state",
                violation_error_message=_("A national focal point must be bound to a State."),
            )
        ]

    def __str__(self) -> str:
        where = f" of {self.state_id}" if self.state_id else ""
        return f"{self.user}: {ROLE_LABELS.get(self.role, self.role)}{where}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        staff = self.role == SECRETARIAT or self.user.is_superuser
        if self.user.is_staff != staff:
            self.user.is_staff = staff
            self.user.save(update_fields=["is_staff"])


class FailedLogin(models.Model):
    """One failed sign-in attempt (see throttle.py). Old rows are deleted as new ones come."""

    username = models.CharField(max_length=254, db_index=True)
    ip = models.CharField(_("IP address"), max_length=45, blank=True, db_index=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("failed sign-in attempt")
        verbose_name_plural = _("failed sign-in attempts")

    def __str__(self) -> str:
        return f"{self.username} from {self.ip or 'unknown address'} at {self.at:%Y-%m-%d %H:%M:%S}"
