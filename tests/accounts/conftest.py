"""Fixtures of the accounts tests (the personas are in tests/conftest.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from accounts_fakes import FakeClock

from viennaplan.accounts.views import LoginView


@pytest.fixture
def clock(monkeypatch) -> FakeClock:
    """The sign-in page's clock, frozen at 15 April 2002 09:00 UTC until advanced."""
    fake = FakeClock(datetime(2002, 4, 15, 9, 0, tzinfo=UTC))
    monkeypatch.setattr(LoginView, "throttle_clock", fake)
    return fake
