"""Fixtures of the tests of organized-crime patterns and trends."""

from __future__ import annotations

import pytest
from patterns_sample import PATTERNS


@pytest.fixture
def patterns_file() -> bytes:
    return PATTERNS.encode("utf-8")


@pytest.fixture
def patterns(imported_plan, patterns_file):
    """The sample's four records imported: three published, CYBER-DRAFT a draft."""
    from viennaplan.knowledge.patterns.csvio import import_patterns

    return import_patterns(patterns_file, source_name="patterns.csv")
