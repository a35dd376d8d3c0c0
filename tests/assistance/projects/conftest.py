"""Fixtures of the projects' tests: a project serving a funded request of CHE and one of FRA, with a
budget in two currencies, a milestone and a disbursement from a fund, built with a few ORM calls (the
requests filed and moved by the secretariat through the real path; no plan imported, which keeps these
tests fast). Named prj_* so as not to shadow the other assistance fixtures. All data are SYNTHETIC."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest


@pytest.fixture
def prj_requests(ta_file, ta_bring):
    """CHE's and FRA's requests, both funded."""
    che = ta_bring(ta_file("CHE", kind="training"), "funded")
    fra = ta_bring(ta_file("FRA", kind="equipment", need="Zqx-Need of FRA"), "funded")
    return che, fra


@pytest.fixture
def prj_project(prj_requests):
    """PRJ-2003-001 (Western Africa, VI, planned) serving both requests; budget 2003 USD 1000.50 and EUR
    500, 2004 USD 2000; a milestone; 250 EUR disbursed to it from the trafficking programme."""
    from viennaplan.assistance.models import Milestone, Project, ProjectBudget
    from viennaplan.assistance.resources.models import Disbursement, Fund

    project = Project.objects.create(
        key="PRJ-2003-001",
        title="Firearms marking in Western Africa",
        region="Western Africa",
        chapter="VI",
        executing_office="UNODC Dakar",
        start=date(2003, 1, 1),
        end=date(2004, 12, 31),
    )
    project.requests.set(prj_requests)
    ProjectBudget.objects.bulk_create(
        [
            ProjectBudget(project=project, year=2003, currency="USD", amount=Decimal("1000.50")),
            ProjectBudget(project=project, year=2003, currency="EUR", amount=Decimal("500.00")),
            ProjectBudget(project=project, year=2004, currency="USD", amount=Decimal("2000.00")),
        ]
    )
    Milestone.objects.create(project=project, title="Inception workshop", due=date(2003, 3, 1))
    Disbursement.objects.create(
        fund=Fund.objects.get(key="gp-trafficking"),
        project=project,
        amount=Decimal("250.00"),
        currency="EUR",
        date=date(2003, 2, 1),
        purpose="First tranche",
    )
    return project


@pytest.fixture
def prj_other(db):
    """PRJ-2002-001: another project, active, in Asia on chapter IV, serving nothing."""
    from viennaplan.assistance.models import Project

    return Project.objects.create(
        key="PRJ-2002-001", title="Anti-corruption training", region="Asia", chapter="IV", status="active"
    )
