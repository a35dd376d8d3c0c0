"""Fixtures of the overview's tests (board, State and area pages, matching, donors' needs): a small
world of requests, donors, money and a project, named ov_* so as not to shadow the other folders'.
All data here are SYNTHETIC."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from overview_needs import CONFIDENTIAL_NEED, SHARED_NEED


@pytest.fixture
def ov_world(ta_file, ta_bring, secretariat):
    """CHE: VI awaiting (1000 CHF, shareable), VI received, IV awaiting (500 USD, confidential);
    FRA: VI awaiting (200 EUR), VI declined; NGA: V awaiting (300 USD, no estimate on a second one).
    Donors: FRA (State) gave 2000 EUR to the trafficking programme (V), a foundation 100 USD
    unearmarked, CHE pledged 50 CHF to the corruption programme (IV) for Western Europe.
    Project PRJ-OV-1 (VI, Europe, active) serves CHE's VI request; 300 EUR disbursed to it."""
    from viennaplan.assistance.models import Project
    from viennaplan.assistance.resources import operations
    from viennaplan.assistance.resources.models import Donor, Fund

    def awaiting(state, **fields):
        return ta_bring(ta_file(state, **fields), "awaiting_resources")

    requests = {
        "che_vi": awaiting("CHE", estimated_cost=Decimal("1000"), currency="CHF", shareable=True, need=SHARED_NEED),
        "che_vi_new": ta_file("CHE"),
        "che_iv": awaiting(
            "CHE",
            chapter="IV",
            provisions=["20/d"],
            estimated_cost=Decimal("500"),
            currency="USD",
            need=CONFIDENTIAL_NEED,
        ),
        "fra_vi": awaiting("FRA", estimated_cost=Decimal("200"), currency="EUR"),
        "fra_declined": ta_bring(ta_file("FRA"), "declined"),
        "nga_v": awaiting("NGA", chapter="V", provisions=["44/i"], estimated_cost=Decimal("300"), currency="USD"),
        "nga_v_nocost": awaiting("NGA", chapter="V", provisions=["35/e"]),
    }
    donors = {
        "FRA": Donor.objects.create(name="France", kind=Donor.STATE, state_id="FRA"),
        "CHE": Donor.objects.create(name="Switzerland", kind=Donor.STATE, state_id="CHE"),
        "foundation": Donor.objects.create(name="Open Foundation", kind=Donor.PRIVATE),
    }
    trafficking = Fund.objects.get(key="gp-trafficking")
    operations.record_contribution(
        secretariat, donor=donors["FRA"], fund=trafficking, amount="2000", currency="EUR", on=date(2002, 3, 1)
    )
    operations.record_contribution(
        secretariat,
        donor=donors["foundation"],
        fund=Fund.objects.get(key="unearmarked"),
        amount="100",
        currency="USD",
        on=date(2002, 3, 2),
    )
    operations.record_pledge(
        secretariat,
        donor=donors["CHE"],
        fund=Fund.objects.get(key="gp-corruption"),
        amount="50",
        currency="CHF",
        on=date(2002, 3, 3),
        region="Western Europe",
    )
    project = Project.objects.create(
        key="PRJ-OV-1", title="Tracing in Europe", chapter="VI", region="Europe", status="active"
    )
    operations.record_disbursement(
        secretariat, fund=trafficking, project=project, amount="300", currency="EUR", on=date(2002, 4, 1)
    )
    project.requests.add(requests["che_vi"])  # after the money: a disbursement funds the requests served then
    return {"requests": requests, "donors": donors, "project": project}
