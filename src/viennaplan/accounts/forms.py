"""Forms of the account pages. Labels and error links come from Django's field rendering
(`aria-describedby` points at each field's errors)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from viennaplan.countries.models import Country

from .roles import ROLE_LABELS, STATE_BOUND_ROLES
from .throttle import LoginThrottle


def client_ip(request: HttpRequest | None) -> str:
    """The client's address (REMOTE_ADDR, which viennaplan.proxy sets from a trusted proxy's
    X-Forwarded-For)."""
    return (request.META.get("REMOTE_ADDR") or "") if request is not None else ""


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, refusing attempts while the username or address is locked out."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The email address or the password is not right (the password is case-sensitive)."),
        "throttled": _(
            "Too many failed sign-in attempts for this account or from your address. "
            "Sign-in is paused: try again in %(minutes)s minutes. If you forgot your password, reset it."
        ),
    }

    def __init__(self, request: HttpRequest | None = None, *args: Any, throttle: LoginThrottle, **kwargs: Any):
        super().__init__(request, *args, **kwargs)
        self.throttle = throttle
        self.fields["username"].label = _("Email address")

    def clean_username(self) -> str:
        username = str(self.cleaned_data["username"]).strip()
        return username.lower() if "@" in username else username  # accounts use the email, in lower case

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        ip = client_ip(self.request)
        if username and self.cleaned_data.get("password"):
            until = self.throttle.locked_until(username, ip)
            if until is not None:
                raise self.throttled(until)
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code == "invalid_login":
                until = self.throttle.record_failure(username, ip)
                if until is not None:
                    raise self.throttled(until) from None
            raise

    def throttled(self, until: Any) -> forms.ValidationError:
        return forms.ValidationError(
            self.error_messages["throttled"],
            code="throttled",
            params={"minutes": self.throttle.minutes_left(until)},
        )


class InviteColleagueForm(forms.Form):
    """A focal point invites a colleague, who becomes a focal point of the same State."""

    email = forms.EmailField(label=_("Email address"), max_length=254)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)


class InviteAccountForm(InviteColleagueForm):
    """The secretariat invites anyone: any role, and a State for focal points."""

    role = forms.ChoiceField(label=_("Role"), choices=list(ROLE_LABELS.items()))
    state = forms.ModelChoiceField(
        label=_("State"),
        queryset=Country.objects.all(),
        required=False,
        help_text=_("Required for a national focal point."),
    )
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, required=False, help_text=_("For a civil-society contributor.")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("role") in STATE_BOUND_ROLES and not data.get("state"):
            self.add_error("state", _("A national focal point acts for one State: choose it."))
        return data
