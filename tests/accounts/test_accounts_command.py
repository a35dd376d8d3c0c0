"""`viennaplan accounts create|link`: accounts for the secretariat to bootstrap."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from viennaplan.accounts.permissions import role_of, state_of

User = get_user_model()
LINK = re.compile(r"^http://127\.0\.0\.1:8000(/accounts/activate/[^/\s]+/[^/\s]+/)$", re.MULTILINE)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("accounts", *args, stdout=out)
    return out.getvalue()


def test_create_makes_an_inactive_focal_point_and_prints_a_set_password_link(db):
    out = run("create", "--role", "focal_point", "--state", "che", "--email", "x@example.org", "--name", "Xavier Ye")
    assert out.startswith("Created national focal point of Switzerland (CHE): x@example.org (inactive")
    assert LINK.search(out)
    user = User.objects.get(username="x@example.org")
    assert not user.is_active and (user.first_name, user.last_name) == ("Xavier", "Ye")
    assert (user.profile.role, user.profile.state_id) == ("focal_point", "CHE")


def test_the_printed_link_activates_the_account(client, db):
    out = run("create", "--role", "secretariat", "--email", "boss@example.org")
    page = client.get(LINK.search(out).group(1), follow=True)
    password = "A-good-long-passphrase-2002"
    client.post(page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})
    user = User.objects.get(username="boss@example.org")
    assert user.is_active and user.is_staff and role_of(user) == "secretariat" and state_of(user) is None


def test_site_url_sets_the_start_of_the_link(db):
    out = run("create", "--role", "reviewer", "--email", "r@example.org", "--site-url", "https://viennaplan.example/")
    assert "\nhttps://viennaplan.example/accounts/activate/" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "focal_point", "--email", "x@example.org"], "acts for one State: say which"),
        (["--role", "focal_point", "--state", "XYZ", "--email", "x@example.org"], "no State with the code 'XYZ'"),
        (["--role", "reviewer", "--email", "not-an-address"], "'not-an-address' is not an email address"),
        (["--role", "reviewer", "--email", "secretariat@example.org"], "already has an account"),
    ],
)
def test_create_refuses_with_a_clear_message_and_creates_nothing(secretariat, args, message):
    before = User.objects.count()
    with pytest.raises(CommandError, match=message):
        run("create", *args)
    assert User.objects.count() == before


def test_link_prints_a_fresh_link_only_for_an_account_not_yet_active(db, focal_point_a):
    run("create", "--role", "reviewer", "--email", "r@example.org")
    assert LINK.search(run("link", "--email", "R@example.org"))
    with pytest.raises(CommandError, match="has a password already"):
        run("link", "--email", focal_point_a.email)
    with pytest.raises(CommandError, match="no such account"):
        run("link", "--email", "nobody@example.org")
