"""One way to name a person (accounts.names), on pages, in the API and in messages alike."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.template import Context, Template
from django.urls import reverse

from viennaplan.accounts.names import display_name


def test_a_person_is_named_by_full_name_else_username_and_nobody_by_a_dash():
    named = User(username="anna@example.org", email="anna@example.org", first_name="Anna", last_name="Graf")
    unnamed = User(username="ben@example.org", email="other@example.org")
    assert display_name(named) == "Anna Graf"
    assert display_name(unnamed) == "ben@example.org"
    assert display_name(None) == "—"
    assert display_name(None, nobody="someone") == "someone"


def test_templates_name_people_with_the_same_function():
    template = Template("{% load accounts_tags %}{{ a|person }}/{{ b|person }}/{{ c|person }}")
    named = User(username="anna@example.org", first_name="Anna", last_name="Graf")
    assert template.render(Context({"a": named, "b": User(username="ben@example.org"), "c": None})) == (
        "Anna Graf/ben@example.org/—"
    )


def test_the_account_page_names_colleagues_and_the_inviter(client_as, focal_point_a):
    from viennaplan.accounts.invitations import create_account

    colleague = create_account(
        email="che2@example.org",
        role="focal_point",
        state="CHE",
        first_name="Carla",
        invited_by=focal_point_a,
        password="a long enough password 1",
    )
    mine = client_as(focal_point_a).get(reverse("accounts:account")).content.decode()
    assert "<li>Carla <span" in mine
    theirs = client_as(colleague).get(reverse("accounts:account")).content.decode()
    assert f"<dd>{display_name(focal_point_a)}</dd>" in theirs and display_name(focal_point_a) == "Anna Graf"
