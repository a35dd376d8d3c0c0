"""Fixtures of the best practices' tests: the sample file, imported over the official plan."""

from __future__ import annotations

import pytest
from practices_sample import PRACTICES


@pytest.fixture
def practices_file() -> bytes:
    return PRACTICES.encode("utf-8")


@pytest.fixture
def practices(imported_plan, practices_file):
    from viennaplan.knowledge.practices.csv_io import import_practices

    return import_practices(practices_file, source_name="practices.csv")
