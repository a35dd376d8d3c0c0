"""Shared fixtures.

`plan_text` / `plan_document`: the shipped official text and its parse, built once per session.
`imported_plan`: the plan imported into the test database (a PlanVersion).
"""

from __future__ import annotations

import pytest
from django.conf import settings


@pytest.fixture(scope="session")
def plan_text() -> str:
    return settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def plan_document(plan_text):
    from viennaplan.plan.parser import parse_plan

    return parse_plan(plan_text, source_name=settings.PLAN_SOURCE_FILE.name)


@pytest.fixture
def imported_plan(db, plan_text):
    from viennaplan.plan.saving import import_plan_text

    version, _created = import_plan_text(plan_text, source_name=settings.PLAN_SOURCE_FILE.name)
    return version


# -- Personas (accounts) ------------------------------------------------------------------------
# One user per role, with the known password PERSONA_PASSWORD. State A is CHE, State B is FRA.
# `client_as(user)` is a django.test.Client signed in as that user (anonymous: not signed in).

PERSONA_PASSWORD = "Vienna-2001-plans-of-action"


@pytest.fixture(scope="session")
def persona_password_hash() -> str:
    # Hashed once per session: Argon2 is slow on purpose.
    from django.contrib.auth.hashers import make_password

    return make_password(PERSONA_PASSWORD)


@pytest.fixture
def persona_password() -> str:
    return PERSONA_PASSWORD


def _persona(password_hash: str, email: str, role: str, state: str | None = None, **extra):
    from viennaplan.accounts.invitations import create_account

    user = create_account(email=email, role=role, state=state, **extra)
    user.password = password_hash
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    return user


@pytest.fixture
def secretariat(db, persona_password_hash):
    return _persona(
        persona_password_hash, "secretariat@example.org", "secretariat", first_name="Sara", last_name="Sekr"
    )


@pytest.fixture
def focal_point_a(db, persona_password_hash):
    return _persona(
        persona_password_hash, "focal.che@example.org", "focal_point", "CHE", first_name="Anna", last_name="Graf"
    )


@pytest.fixture
def focal_point_b(db, persona_password_hash):
    return _persona(
        persona_password_hash, "focal.fra@example.org", "focal_point", "FRA", first_name="Paul", last_name="Roy"
    )


@pytest.fixture
def reviewer(db, persona_password_hash):
    return _persona(persona_password_hash, "reviewer@example.org", "reviewer", first_name="Rita", last_name="Review")


@pytest.fixture
def contributor(db, persona_password_hash):
    return _persona(
        persona_password_hash,
        "contributor@example.org",
        "contributor",
        organisation="Penal Reform Watch",
        first_name="Cleo",
    )


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.fixture
def client_as(db):
    from django.test import Client

    def signed_in(user) -> Client:
        client = Client()
        if user is not None and user.is_authenticated:
            client.force_login(user)
        return client

    return signed_in
