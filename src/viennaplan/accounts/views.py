"""Account pages: sign in (throttled), sign out (POST only), password reset and change, the
set-password page of invitations, and "my account" (with the invitation form)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import invitations
from .forms import InviteAccountForm, InviteColleagueForm, ThrottledAuthenticationForm
from .invitations import AccountError, Invitation
from .models import Profile
from .permissions import can, role_of, state_of
from .roles import FOCAL_POINT, SECRETARIAT, label
from .throttle import Clock, LoginThrottle

# Django's form views take PUT as POST, and the sign-in and set-password views answer before
# checking the method (a signed-in user is redirected, a link checked): like every page, they
# serve GET and POST only (405 otherwise).
FORMS_ONLY = method_decorator(require_http_methods(["GET", "HEAD", "POST"]), name="dispatch")


@FORMS_ONLY
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True
    # Tests set a fake clock here; None is the real time.
    throttle_clock: ClassVar[Clock | None] = None

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "throttle": LoginThrottle.from_settings(clock=type(self).throttle_clock)}

    def form_valid(self, form: ThrottledAuthenticationForm) -> HttpResponse:  # type: ignore[override]
        form.throttle.record_success(form.cleaned_data["username"])
        return super().form_valid(form)


class LogoutView(auth_views.LogoutView):
    """POST only (Django answers 405 to GET); back to the plan's home page."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You are signed out."))
        return response


@FORMS_ONLY
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


@FORMS_ONLY
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        # The user proved they hold the account's mailbox: a sign-in lockout of the account ends.
        LoginThrottle.from_settings().record_success(form.user.get_username())
        return super().form_valid(form)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@FORMS_ONLY
class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form: Any) -> HttpResponse:
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


@FORMS_ONLY
class ActivateAccountView(auth_views.PasswordResetConfirmView):
    """The set-password link of an invitation: choosing a password activates the account.
    A link is refused once the account has a password (it has been used)."""

    template_name = "accounts/activate.html"
    success_url = reverse_lazy("accounts:login")

    def get_user(self, uidb64: str) -> Any:
        user = super().get_user(uidb64)
        return user if user is not None and invitations.awaiting_activation(user) else None

    def form_valid(self, form: Any) -> HttpResponse:
        form.user.is_active = True
        messages.success(self.request, _("Your account is active. Sign in with your email address and new password."))
        return super().form_valid(form)


def invite_form_class(user: Any) -> type[InviteColleagueForm] | None:
    """The invitation form this user may use: any account (secretariat), colleagues (focal points)."""
    if role_of(user) == SECRETARIAT:
        return InviteAccountForm
    if can(user, "account.invite", Invitation(role=FOCAL_POINT, state_id=state_of(user))):
        return InviteColleagueForm
    return None


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def account(request: HttpRequest) -> HttpResponse:
    """My account: role, State, colleagues; the invitation form for those who may invite."""
    user = request.user
    form_class = invite_form_class(user)
    form = form_class() if form_class else None
    if request.method == "POST":
        if form_class is None:
            raise PermissionDenied(_("Not allowed: your role may not invite accounts."))
        form = form_class(request.POST)
        if form.is_valid():
            invited = _invite(request, form)
            if invited is not None:
                messages.success(
                    request,
                    _("%(email)s is invited: a link to choose a password has been sent to them.")
                    % {"email": invited.email},
                )
                return redirect("accounts:account")
    profile = Profile.objects.filter(user=user).select_related("state", "invited_by").first()
    state = state_of(user)
    colleagues = (
        Profile.objects.filter(role=FOCAL_POINT, state_id=state).exclude(user=user).select_related("user")
        if state and role_of(user) == FOCAL_POINT
        else Profile.objects.none()
    )
    context = {
        "profile": profile,
        "role_label": label(role_of(user)),
        "state": profile.state if profile else None,
        "colleagues": colleagues,
        "form": form,
        "is_focal_point": role_of(user) == FOCAL_POINT,
        "nav": "account",
    }
    return render(request, "accounts/account.html", context)


def _invite(request: HttpRequest, form: InviteColleagueForm) -> Any:
    data = form.cleaned_data
    if isinstance(form, InviteAccountForm):
        role, organisation = data["role"], data["organisation"]
        state = data["state"].alpha3 if data["state"] else None
    else:  # a focal point's colleague: always a focal point of the inviter's own State
        role, state, organisation = FOCAL_POINT, state_of(request.user), ""
    try:
        return invitations.invite(
            request.user,
            email=data["email"],
            role=role,
            state=state,
            base_url=request.build_absolute_uri("/"),
            first_name=data["first_name"],
            last_name=data["last_name"],
            organisation=organisation,
        )
    except AccountError as error:
        form.add_error("email", str(error))
        return None
