"""Fixtures of the knowledge databases' tests."""

from __future__ import annotations

import pytest
from legislation_sample import LAWS


@pytest.fixture
def laws_file() -> bytes:
    return LAWS.encode("utf-8")
