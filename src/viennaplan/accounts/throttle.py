"""Login throttling: after too many failed sign-ins for one account, or from one client
address, within a window, further attempts are refused for a while, even with the right password.

Defaults (settings.LOGIN_THROTTLE_*): 5 failures for one account within 15 minutes lock that
account for 15 minutes, from anywhere (guessing one person's password); 50 failures from one
address, whatever the accounts, lock that address (trying many accounts). The address limit is
higher because one address is often many people: an office, a ministry's network, or every
user at once when a proxy's address is taken for the client's (the proxy's own address is
never counted when it is configured as trusted, see viennaplan/proxy.py).
Failures are rows of FailedLogin (the database, so every server process sees the same
count); refused attempts during a lockout are not counted, so a lockout is never prolonged.
A successful sign-in or a password reset forgets the failures of that account (not those of
the address), so a locked-out user can always get back in by resetting the password.
The clock is injectable: `LoginThrottle(..., clock=fake_clock)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import FailedLogin

Clock = Callable[[], datetime]


def normalise_username(username: str) -> str:
    return username.strip().lower()


def locked_until(
    failures: Iterable[datetime], now: datetime, limit: int, window: timedelta, lockout: timedelta
) -> datetime | None:
    """When the lockout caused by these failure times ends, if it is still on at `now`.

    A lockout starts at any failure that is the `limit`-th within `window` and lasts `lockout`.
    """
    times = sorted(failures)
    until: datetime | None = None
    for last in range(limit - 1, len(times)):
        if times[last] - times[last - limit + 1] <= window:
            ends = times[last] + lockout
            if ends > now and (until is None or ends > until):
                until = ends
    return until


@dataclass(frozen=True)
class LoginThrottle:
    limit: int = 5  # failures for one account
    address_limit: int = 50  # failures from one address, whatever the account
    window: timedelta = timedelta(minutes=15)
    lockout: timedelta = timedelta(minutes=15)
    clock: Clock = timezone.now

    @classmethod
    def from_settings(cls, clock: Clock | None = None) -> LoginThrottle:
        return cls(
            limit=settings.LOGIN_THROTTLE_FAILURES,
            address_limit=settings.LOGIN_THROTTLE_ADDRESS_FAILURES,
            window=timedelta(minutes=settings.LOGIN_THROTTLE_WINDOW_MINUTES),
            lockout=timedelta(minutes=settings.LOGIN_THROTTLE_LOCKOUT_MINUTES),
            clock=clock or timezone.now,
        )

    def locked_until(self, username: str, ip: str) -> datetime | None:
        """The end of the lockout on this username or address, or None when sign-in is open."""
        now = self.clock()
        username = normalise_username(username)
        matching = Q(username=username) if username else Q(pk__in=[])
        if ip:
            matching |= Q(ip=ip)
        rows = FailedLogin.objects.filter(matching, at__gt=now - self.window - self.lockout, at__lte=now)
        by_user, by_ip = [], []
        for row_username, row_ip, at in rows.values_list("username", "ip", "at"):
            if username and row_username == username:
                by_user.append(at)
            if ip and row_ip == ip:
                by_ip.append(at)
        ends = [
            end
            for end in (self._until(by_user, now, self.limit), self._until(by_ip, now, self.address_limit))
            if end is not None
        ]
        return max(ends) if ends else None

    def _until(self, failures: list[datetime], now: datetime, limit: int) -> datetime | None:
        return locked_until(failures, now, limit, self.window, self.lockout)

    def record_failure(self, username: str, ip: str) -> datetime | None:
        """Count a failed attempt; returns the end of the lockout it causes, if any."""
        now = self.clock()
        FailedLogin.objects.filter(at__lte=now - self.window - self.lockout).delete()
        FailedLogin.objects.create(username=normalise_username(username)[:254], ip=ip[:45], at=now)
        return self.locked_until(username, ip)

    def record_success(self, username: str) -> None:
        FailedLogin.objects.filter(username=normalise_username(username)).delete()

    def minutes_left(self, until: datetime) -> int:
        seconds = (until - self.clock()).total_seconds()
        return max(1, -(-int(seconds) // 60))
