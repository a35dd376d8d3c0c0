"""Fixtures of the monitoring tests: `sample`, the hand-made data set of test_monitoring_sample
(a cycle on chapters VIII and X with reports of six States in every status)."""

from __future__ import annotations

import pytest
from test_monitoring_sample import build_sample


@pytest.fixture
def sample(imported_plan, secretariat, reviewer):
    return build_sample(secretariat, reviewer)
