"""Creating accounts and inviting people: the account starts inactive and without a password;
the person chooses one through a set-password link (sent by email; in development the email is
printed on the console) and the account becomes active then.

    create_account(email=..., role=..., state=None, ...) -> User      no permission check (CLI, fixtures)
    invite(inviter, email=..., role=..., state=None, ...) -> User     checks "account.invite", sends the link
    set_password_link(user, base_url) -> str
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from viennaplan.countries.models import Country

from .models import Profile
from .permissions import require
from .roles import CONTRIBUTOR, ROLE_LABELS, ROLES, STATE_BOUND_ROLES


class AccountError(ValueError):
    """An account that cannot be created as asked; the message says why."""


@dataclass(frozen=True)
class Invitation:
    """What the "account.invite" permission is asked about: the role and State of the invitee."""

    role: str
    state_id: str | None


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_state(code: str | None) -> Country | None:
    if not code:
        return None
    try:
        return Country.objects.get(alpha3=code.strip().upper())
    except Country.DoesNotExist:
        raise AccountError(
            _("There is no State with the code %(code)s; use an ISO alpha-3 code such as CHE.") % {"code": repr(code)}
        ) from None


def check_account(email: str, role: str, state: str | None) -> None:
    """Raise AccountError if an account with this email, role and State cannot be created."""
    if role not in ROLES:
        raise AccountError(
            _("%(role)s is not a role; the roles are %(roles)s.") % {"role": repr(role), "roles": ", ".join(ROLES)}
        )
    if role in STATE_BOUND_ROLES and not state:
        raise AccountError(
            _("A %(role)s acts for one State: say which (e.g. CHE).") % {"role": str(ROLE_LABELS[role]).lower()}
        )
    if "@" not in email:
        raise AccountError(_("%(email)s is not an email address.") % {"email": repr(email)})
    if get_user_model().objects.filter(username__iexact=email).exists():
        raise AccountError(_("%(email)s already has an account.") % {"email": email})


@transaction.atomic
def create_account(
    *,
    email: str,
    role: str,
    state: str | None = None,
    organisation: str = "",
    first_name: str = "",
    last_name: str = "",
    invited_by: Any = None,
    password: str | None = None,
) -> Any:
    """A user (username = email) with a Profile. Without `password` the account is inactive
    and has no usable password until its set-password link is followed."""
    email = normalise_email(email)
    check_account(email, role, state)
    country = find_state(state) if role in STATE_BOUND_ROLES else None
    user = get_user_model()(username=email, email=email, first_name=first_name, last_name=last_name)
    if password is None:
        user.set_unusable_password()
        user.is_active = False
    else:
        user.set_password(password)
    user.save()
    Profile.objects.create(
        user=user,
        role=role,
        state=country,
        invited_by=invited_by,
        organisation=organisation if role == CONTRIBUTOR else "",
    )
    return user


def awaiting_activation(user: Any) -> bool:
    """Invited or created but the set-password link not yet used."""
    return not user.is_active and not user.has_usable_password()


def set_password_link(user: Any, base_url: str) -> str:
    """An absolute link where `user` chooses a password (and is activated). Valid for
    settings.PASSWORD_RESET_TIMEOUT seconds, and only until a password is set."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accounts:activate", kwargs={"uidb64": uid, "token": token})
    return base_url.rstrip("/") + path


def send_set_password_link(user: Any, link: str, inviter: Any = None) -> None:
    context = {
        "user": user,
        "link": link,
        "inviter": inviter,
        "role": ROLE_LABELS.get(user.profile.role, ""),
        "state": user.profile.state,
        "valid_days": settings.PASSWORD_RESET_TIMEOUT // 86400,
    }
    subject = render_to_string("accounts/invitation_subject.txt", context).strip()
    body = render_to_string("accounts/invitation_email.txt", context)
    send_mail(subject, body, None, [user.email])


def invite(
    inviter: Any,
    *,
    email: str,
    role: str,
    state: str | None,
    base_url: str,
    first_name: str = "",
    last_name: str = "",
    organisation: str = "",
) -> Any:
    """Create an inactive account on behalf of `inviter` and email its set-password link.

    Raises PermissionDenied if the inviter may not invite this role for this State (a focal
    point invites only focal points of their own State), AccountError if the email is taken.
    Inviting again someone who has not yet activated their account sends a fresh link.
    """
    email = normalise_email(email)
    state = state.strip().upper() if state else None
    require(inviter, "account.invite", Invitation(role=role, state_id=state))
    existing = get_user_model().objects.filter(username__iexact=email).select_related("profile").first()
    profile = getattr(existing, "profile", None) if existing is not None else None
    if existing is not None and profile is not None and awaiting_activation(existing):
        require(inviter, "account.invite", Invitation(role=profile.role, state_id=profile.state_id))
        user = existing
    else:
        user = create_account(
            email=email,
            role=role,
            state=state,
            first_name=first_name,
            last_name=last_name,
            organisation=organisation,
            invited_by=inviter,
        )
    send_set_password_link(user, set_password_link(user, base_url), inviter=inviter)
    return user
