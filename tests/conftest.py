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
    from viennaplan.plan.store import import_plan_text

    version, _created = import_plan_text(plan_text, source_name=settings.PLAN_SOURCE_FILE.name)
    return version
