"""Stand-ins for the accounts tests: reports (judged by `state_id` and `status` only; the
reporting models are not needed) and a clock that moves only when told."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class FakeReport:
    state_id: str
    status: str


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)
