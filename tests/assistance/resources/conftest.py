"""Fixtures of the resources' tests: donors, a project, and money recorded through operations.py.
All data here are SYNTHETIC."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest


@pytest.fixture
def donors(db):
    from viennaplan.assistance.resources.models import Donor

    return {
        "CHE": Donor.objects.create(name="Switzerland", kind=Donor.STATE, state_id="CHE"),
        "FRA": Donor.objects.create(name="France", kind=Donor.STATE, state_id="FRA"),
        "foundation": Donor.objects.create(name='=HYPERLINK("http://evil.example")', kind=Donor.PRIVATE),
    }


@pytest.fixture
def project(db):
    from viennaplan.assistance.models import Project

    return Project.objects.create(key="PRJ-2003-001", title="Firearms marking in Western Africa", chapter="VI")


@pytest.fixture
def fund(db):
    from viennaplan.assistance.resources.models import Fund

    return Fund.objects.get(key="gp-trafficking")


@pytest.fixture
def money(secretariat, donors, fund, project):
    """On the trafficking programme: CHE pledges 1000 CHF (pays 600), FRA gives 500 EUR and 300 USD,
    250 EUR disbursed to the project. Balances: CHF 600, EUR 250, USD 300."""
    from viennaplan.assistance.resources import operations

    pledge = operations.record_pledge(
        secretariat,
        donor=donors["CHE"],
        fund=fund,
        amount="1000",
        currency="CHF",
        on=date(2002, 1, 10),
        region="Africa",
    )
    operations.record_contribution(
        secretariat,
        donor=donors["CHE"],
        fund=fund,
        amount=Decimal("600"),
        currency="CHF",
        on=date(2002, 2, 1),
        pledge=pledge,
    )
    operations.record_contribution(
        secretariat, donor=donors["FRA"], fund=fund, amount="500.00", currency="EUR", on=date(2002, 3, 1)
    )
    operations.record_contribution(
        secretariat, donor=donors["foundation"], fund=fund, amount="300", currency="USD", on=date(2003, 5, 1)
    )
    operations.record_disbursement(
        secretariat,
        fund=fund,
        project=project,
        amount="250",
        currency="EUR",
        on=date(2002, 4, 1),
        purpose="-1+1 seminar",
    )
    return pledge
