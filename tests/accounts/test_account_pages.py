"""The account pages render for every persona, sign-out needs POST, the header shows sign-in
or sign-out, refusals render the 403 page with their reason, and the admin is the secretariat's."""

from __future__ import annotations

import re

import pytest
from accounts_fakes import FakeReport
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import permission_denied

from viennaplan.accounts.permissions import require

PUBLIC_PAGES = [
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_complete",
]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_account_pages_render_with_the_site_layout(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert 'class="site-header"' in response.content.decode()


def test_the_sign_in_form_labels_its_fields_and_links_the_password_reset(client, db):
    text = client.get(reverse("accounts:login")).content.decode()
    assert '<label for="id_username">Email address' in text and '<label for="id_password">Password' in text
    assert 'autocomplete="username"' in text and 'autocomplete="current-password"' in text
    assert reverse("accounts:password_reset") in text


def test_a_wrong_password_is_reported_in_an_alert_and_the_user_stays_signed_out(client, clock, focal_point_a):
    response = client.post(reverse("accounts:login"), {"username": focal_point_a.username, "password": "nope"})
    text = response.content.decode()
    assert 'role="alert"' in text and "The email address or the password is not right" in text
    assert "_auth_user_id" not in client.session


def test_signing_in_leads_to_your_work(client, clock, focal_point_a, persona_password):
    response = client.post(
        reverse("accounts:login"), {"username": "Focal.CHE@example.org", "password": persona_password}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("reporting:desk")
    assert "Your work" in response.content.decode() and "Switzerland" in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "shows"),
    [
        ("secretariat", ["Secretariat", "Invite someone", 'name="role"', "Administration"]),
        ("focal_point_a", ["National focal point", "Switzerland", "Invite a colleague", "Focal points of Switzerland"]),
        ("focal_point_b", ["National focal point", "France", "Invite a colleague"]),
        ("reviewer", ["Reviewer"]),
        ("contributor", ["Civil-society contributor", "Penal Reform Watch"]),
    ],
)
def test_my_account_shows_role_and_state(request, client_as, persona, shows):
    text = client_as(request.getfixturevalue(persona)).get(reverse("accounts:account")).content.decode()
    for words in shows:
        assert words in text, words


def test_a_focal_point_sees_the_colleagues_of_the_same_state_only(client_as, focal_point_a, focal_point_b):
    from viennaplan.accounts.invitations import create_account

    create_account(email="che2@example.org", role="focal_point", state="CHE")
    text = client_as(focal_point_a).get(reverse("accounts:account")).content.decode()
    assert "che2@example.org" in text and "invited, not yet active" in text
    assert focal_point_b.email not in text


def test_my_account_asks_the_public_to_sign_in(client, db):
    response = client.get(reverse("accounts:account"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login") + "?next=")


def test_signing_out_needs_post(client_as, focal_point_a):
    client = client_as(focal_point_a)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post(reverse("accounts:logout"), follow=True)
    assert "_auth_user_id" not in client.session
    assert response.redirect_chain[-1][0] == reverse("accounts:login")
    assert "You are signed out." in response.content.decode()


def test_the_header_offers_sign_in_to_the_public_and_sign_out_by_post_to_users(client, client_as, reviewer):
    public = client.get(reverse("countries:list")).content.decode()
    assert f'href="{reverse("accounts:login")}?next=/countries/"' in public and "Sign out" not in public
    signed_in = client_as(reviewer).get(reverse("countries:list")).content.decode()
    assert f'<form class="site-nav__signout" method="post" action="{reverse("accounts:logout")}">' in signed_in
    signout = re.search(r'<form class="site-nav__signout".*?</form>', signed_in, re.S).group(0)
    assert "My account" in signed_in and "csrfmiddlewaretoken" in signout


def test_password_change_page_renders_for_a_signed_in_user(client_as, reviewer):
    assert client_as(reviewer).get(reverse("accounts:password_change")).status_code == 200


def test_an_invalid_activation_link_says_so(client, db):
    response = client.get(reverse("accounts:activate", kwargs={"uidb64": "MQ", "token": "bad-token"}))
    assert response.status_code == 200 and "This link is not valid" in response.content.decode()


def test_a_refusal_renders_the_403_page_with_its_reason(focal_point_a):
    def guarded_view(request):
        require(request.user, "report.edit", FakeReport("FRA", "draft"))

    request = RequestFactory().get("/somewhere")
    request.user = focal_point_a
    with pytest.raises(PermissionDenied) as refused:
        guarded_view(request)
    response = permission_denied(request, refused.value)
    text = response.content.decode()
    assert response.status_code == 403 and "Not allowed" in text
    assert "focal points act only for their own State (CHE)" in text


def test_the_secretariat_uses_the_admin_and_focal_points_do_not(client_as, secretariat, focal_point_a):
    admin = client_as(secretariat)
    for url in ("/admin/", "/admin/accounts/profile/", "/admin/auth/user/", "/admin/accounts/failedlogin/"):
        assert admin.get(url).status_code == 200, url
    assert admin.get(f"/admin/auth/user/{focal_point_a.pk}/change/").status_code == 200
    response = client_as(focal_point_a).get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
