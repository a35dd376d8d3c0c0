"""Invitations: a focal point invites colleagues of their own State only; the secretariat
invites anyone. The invitee is inactive until they choose a password through the link."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse

from viennaplan.accounts.invitations import AccountError, Invitation, create_account, invite
from viennaplan.accounts.models import Profile
from viennaplan.accounts.permissions import can, role_of, state_of

ACCOUNT = reverse("accounts:account")
ACTIVATION_LINK = re.compile(r"https?://testserver(/accounts/activate/[^/\s]+/[^/\s]+/)")
User = get_user_model()


def activate(client, email_body: str, password: str = "A-good-long-passphrase-2002"):
    path = ACTIVATION_LINK.search(email_body).group(1)
    page = client.get(path, follow=True)
    assert "Choose your password" in page.content.decode()
    return client.post(page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})


def test_a_focal_point_invites_a_colleague_who_becomes_a_focal_point_of_the_same_state(client_as, focal_point_a):
    response = client_as(focal_point_a).post(ACCOUNT, {"email": "Colleague@Example.org", "first_name": "Lea"})
    assert response.status_code == 302
    colleague = User.objects.get(username="colleague@example.org")
    assert not colleague.is_active and not colleague.has_usable_password()
    assert (colleague.profile.role, colleague.profile.state_id) == ("focal_point", "CHE")
    assert colleague.profile.invited_by == focal_point_a
    (email,) = mail.outbox
    assert email.to == ["colleague@example.org"]
    assert "Anna Graf has invited you" in email.body and "National focal point (Switzerland, CHE)" in email.body


def test_the_invited_colleague_activates_the_account_by_choosing_a_password(client, client_as, focal_point_a):
    client_as(focal_point_a).post(ACCOUNT, {"email": "colleague@example.org"})
    done = activate(client, mail.outbox[0].body)
    assert done.status_code == 302 and done["Location"] == reverse("accounts:login")
    colleague = User.objects.get(username="colleague@example.org")
    assert colleague.is_active and role_of(colleague) == "focal_point" and state_of(colleague) == "CHE"
    assert client.login(username="colleague@example.org", password="A-good-long-passphrase-2002")


def test_an_activation_link_works_only_once(client, client_as, focal_point_a):
    client_as(focal_point_a).post(ACCOUNT, {"email": "colleague@example.org"})
    activate(client, mail.outbox[0].body)
    path = ACTIVATION_LINK.search(mail.outbox[0].body).group(1)
    assert "This link is not valid" in client.get(path, follow=True).content.decode()


def test_a_focal_point_cannot_choose_another_state_or_role_for_the_colleague(client_as, focal_point_a):
    client_as(focal_point_a).post(ACCOUNT, {"email": "colleague@example.org", "state": "FRA", "role": "secretariat"})
    profile = Profile.objects.get(user__username="colleague@example.org")
    assert (profile.role, profile.state_id) == ("focal_point", "CHE")
    assert not profile.user.is_staff


def test_a_focal_point_cannot_invite_for_another_state_or_to_another_role(focal_point_a):
    with pytest.raises(PermissionDenied, match="focal points act only for their own State"):
        invite(focal_point_a, email="x@example.org", role="focal_point", state="FRA", base_url="http://testserver")
    with pytest.raises(PermissionDenied, match="only when its role is focal_point"):
        invite(focal_point_a, email="x@example.org", role="reviewer", state="CHE", base_url="http://testserver")
    assert not User.objects.filter(username="x@example.org").exists() and mail.outbox == []


def test_who_may_invite_whom(secretariat, focal_point_a, focal_point_b, reviewer, contributor, anonymous):
    che, fra = Invitation("focal_point", "CHE"), Invitation("focal_point", "FRA")
    assert [can(focal_point_a, "account.invite", i) for i in (che, fra)] == [True, False]
    assert [can(focal_point_b, "account.invite", i) for i in (che, fra)] == [False, True]
    assert not can(focal_point_a, "account.invite", Invitation("reviewer", "CHE"))
    for other in (reviewer, contributor, anonymous):
        assert not any(can(other, "account.invite", i) for i in (che, fra, Invitation("reviewer", None)))
    assert all(can(secretariat, "account.invite", Invitation(role, None)) for role in ("reviewer", "secretariat"))


def test_the_secretariat_invites_a_reviewer_through_the_page(client_as, secretariat):
    response = client_as(secretariat).post(ACCOUNT, {"email": "rev2@example.org", "role": "reviewer", "state": ""})
    assert response.status_code == 302
    assert role_of_profile("rev2@example.org") == ("reviewer", None)


def test_the_secretariat_must_name_the_state_of_a_focal_point(client_as, secretariat):
    response = client_as(secretariat).post(ACCOUNT, {"email": "fp@example.org", "role": "focal_point", "state": ""})
    assert response.status_code == 200
    assert "A national focal point acts for one State: choose it." in response.content.decode()
    assert not User.objects.filter(username="fp@example.org").exists()


def role_of_profile(email: str) -> tuple[str, str | None]:
    profile = Profile.objects.get(user__username=email)
    return profile.role, profile.state_id


def test_reviewers_contributors_and_the_public_cannot_invite(client_as, reviewer, contributor, anonymous):
    for user in (reviewer, contributor):
        client = client_as(user)
        assert 'name="email"' not in client.get(ACCOUNT).content.decode()
        assert client.post(ACCOUNT, {"email": "x@example.org"}).status_code == 403
    response = client_as(anonymous).post(ACCOUNT, {"email": "x@example.org"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert not User.objects.filter(username="x@example.org").exists()


def test_an_address_that_has_an_account_is_refused_with_a_message_on_the_field(client_as, focal_point_a, reviewer):
    response = client_as(focal_point_a).post(ACCOUNT, {"email": reviewer.email})
    text = response.content.decode()
    assert response.status_code == 200
    assert "reviewer@example.org already has an account." in text
    assert 'aria-invalid="true"' in text and 'aria-describedby="id_email_error"' in text
    assert 'href="#id_email"' in text  # the error summary links to the field
    assert role_of(User.objects.get(username=reviewer.username)) == "reviewer"


def test_inviting_again_a_colleague_who_has_not_activated_sends_a_fresh_link(client_as, focal_point_a):
    client = client_as(focal_point_a)
    client.post(ACCOUNT, {"email": "colleague@example.org"})
    client.post(ACCOUNT, {"email": "colleague@example.org"})
    assert len(mail.outbox) == 2 and User.objects.filter(username="colleague@example.org").count() == 1


def test_a_focal_point_cannot_resend_the_invitation_of_another_states_invitee(focal_point_a, focal_point_b):
    invite(focal_point_b, email="b2@example.org", role="focal_point", state="FRA", base_url="http://testserver")
    with pytest.raises(PermissionDenied):
        invite(focal_point_a, email="b2@example.org", role="focal_point", state="CHE", base_url="http://testserver")
    assert role_of_profile("b2@example.org") == ("focal_point", "FRA")


def test_a_focal_point_account_needs_a_state_in_code_and_in_the_database(db):
    with pytest.raises(AccountError, match="acts for one State"):
        create_account(email="x@example.org", role="focal_point")
    with pytest.raises(AccountError, match="no State with the code 'XYZ'"):
        create_account(email="x@example.org", role="focal_point", state="XYZ")
    user = User.objects.create_user("y@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        Profile.objects.create(user=user, role="focal_point", state=None)


def test_secretariat_accounts_are_staff_and_others_are_not(secretariat, focal_point_a):
    assert secretariat.is_staff and not focal_point_a.is_staff
    profile = focal_point_a.profile
    profile.role, profile.state = "secretariat", None
    profile.save()
    focal_point_a.refresh_from_db()
    assert focal_point_a.is_staff


def test_a_change_of_role_is_kept_in_history(focal_point_a):
    profile = focal_point_a.profile
    profile.role, profile.state = "reviewer", None
    profile.save()
    assert [h.role for h in profile.history.order_by("history_id")] == ["focal_point", "reviewer"]
