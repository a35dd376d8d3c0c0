"""Fixtures of the firearms collection's tests: the sample file, a law it cites, reports in each status."""

from __future__ import annotations

import pytest
from firearms_sample import REGULATIONS


@pytest.fixture
def regulations_file() -> bytes:
    return REGULATIONS.encode("utf-8")


@pytest.fixture
def weapons_act(db):
    """The law the sample's 57/a entries of CHE rest on, published in the legislation database."""
    from viennaplan.knowledge.models import Law

    return Law.objects.create(
        state_id="CHE",
        key="SR-514.54",
        title_original="Bundesgesetz über Waffen, Waffenzubehör und Munition",
        title_en="Federal Act on Weapons, Weapon Equipment and Ammunition",
        kind="act",
        language="de",
        status="in_force",
        published=True,
    )


@pytest.fixture
def regulations_on_file(weapons_act, regulations_file):
    from viennaplan.knowledge.firearms.regulations_csv import import_regulations

    return import_regulations(regulations_file, source_name="firearms.csv")


@pytest.fixture
def report_in(db):
    """report_in(status, state="CHE", year=2003): a national firearms report, put in `status` directly."""
    from viennaplan.knowledge.firearms.models import FirearmsReport

    def make(status: str, state: str = "CHE", year: int = 2003) -> FirearmsReport:
        return FirearmsReport.objects.create(
            state_id=state,
            year=year,
            status=status,
            offences=12,
            firearms_confiscated=40,
            tracing_methods="Serial numbers.",
        )

    return make
