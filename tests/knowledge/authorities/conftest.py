"""Fixtures of the competent national authorities' tests."""

from __future__ import annotations

import pytest
from authorities_sample import AUTHORITIES


@pytest.fixture
def authorities_file() -> bytes:
    return AUTHORITIES.encode("utf-8")


@pytest.fixture
def authorities(imported_plan, authorities_file):
    """The sample imported: CHE's two published authorities, FRA's draft."""
    from viennaplan.knowledge.authorities.authorities_csv import import_authorities

    import_authorities(authorities_file, source_name="authorities.csv")
