"""Sign-in throttling: 5 failures for one account, or 50 from one address, within 15 minutes
lock sign-in for 15 minutes, even with the right password. Time is a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from viennaplan.accounts.models import FailedLogin
from viennaplan.accounts.throttle import LoginThrottle, locked_until

LOGIN = reverse("accounts:login")
LOCKED = "Too many failed sign-in attempts"


def sign_in(client, username, password, ip="192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def signed_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.wsgi_request.session


def fail(client, username, times, ip="192.0.2.10"):
    for _ in range(times):
        response = sign_in(client, username, "wrong password", ip)
        assert response.status_code == 200
    return response


def test_four_failures_still_let_the_right_password_in(client, clock, focal_point_a, persona_password):
    fail(client, focal_point_a.username, 4)
    assert signed_in(sign_in(client, focal_point_a.username, persona_password))


def test_the_fifth_failure_locks_the_account_and_says_for_how_long(client, clock, focal_point_a):
    response = fail(client, focal_point_a.username, 5)
    text = response.content.decode()
    assert LOCKED in text and "try again in 15 minutes" in text
    assert 'role="alert"' in text


def test_during_the_lockout_even_the_right_password_is_refused(client, clock, focal_point_a, persona_password):
    fail(client, focal_point_a.username, 5)
    clock.advance(minutes=10)
    response = sign_in(client, focal_point_a.username, persona_password)
    assert not signed_in(response)
    assert response.status_code == 200 and "try again in 5 minutes" in response.content.decode()


def test_the_lockout_ends_after_15_minutes(client, clock, focal_point_a, persona_password):
    fail(client, focal_point_a.username, 5)
    clock.advance(minutes=14, seconds=59)
    assert not signed_in(sign_in(client, focal_point_a.username, persona_password))
    clock.advance(seconds=1)
    assert signed_in(sign_in(client, focal_point_a.username, persona_password))


def test_attempts_refused_during_the_lockout_do_not_prolong_it(client, clock, focal_point_a, persona_password):
    fail(client, focal_point_a.username, 5)
    for _ in range(14):
        clock.advance(minutes=1)
        assert LOCKED in sign_in(client, focal_point_a.username, "still wrong").content.decode()
    clock.advance(minutes=1)
    assert signed_in(sign_in(client, focal_point_a.username, persona_password))


def test_failures_further_apart_than_the_window_do_not_lock(client, clock, focal_point_a, persona_password):
    fail(client, focal_point_a.username, 4)
    clock.advance(minutes=16)
    fail(client, focal_point_a.username, 4)
    assert signed_in(sign_in(client, focal_point_a.username, persona_password))


def test_the_username_is_locked_whatever_the_address_and_its_case(client, clock, focal_point_a, persona_password):
    for number in range(5):
        sign_in(client, focal_point_a.username.upper(), "wrong", ip=f"198.51.100.{number}")
    response = sign_in(client, focal_point_a.username, persona_password, ip="203.0.113.7")
    assert not signed_in(response) and LOCKED in response.content.decode()


def test_five_failures_with_made_up_names_from_one_address_lock_nobody_out(
    client, clock, focal_point_a, reviewer, persona_password
):
    for number in range(5):
        sign_in(client, f"guess{number}@example.org", "wrong", ip="192.0.2.99")
    assert signed_in(sign_in(client, reviewer.username, persona_password, ip="192.0.2.99"))


def test_the_address_limit_is_fifty_failures_by_default():
    from viennaplan import settings as defaults

    assert defaults.LOGIN_THROTTLE_ADDRESS_FAILURES == 50 and defaults.LOGIN_THROTTLE_FAILURES == 5


def test_the_address_limit_locks_that_address_for_every_account(
    client, clock, settings, focal_point_a, reviewer, persona_password
):
    settings.LOGIN_THROTTLE_ADDRESS_FAILURES = 8  # each failure costs a password hash: fewer than 50 here
    for number in range(8):
        sign_in(client, f"guess{number}@example.org", "wrong", ip="192.0.2.99")
    assert LOCKED in sign_in(client, reviewer.username, persona_password, ip="192.0.2.99").content.decode()
    assert signed_in(sign_in(client, reviewer.username, persona_password, ip="192.0.2.100"))


def test_the_address_limit_is_a_setting(client, clock, settings, reviewer, persona_password):
    settings.LOGIN_THROTTLE_ADDRESS_FAILURES = 3
    for number in range(3):
        sign_in(client, f"guess{number}@example.org", "wrong", ip="192.0.2.99")
    assert LOCKED in sign_in(client, reviewer.username, persona_password, ip="192.0.2.99").content.decode()


def test_a_successful_sign_in_forgets_the_usernames_failures(client, clock, focal_point_a, persona_password):
    fail(client, focal_point_a.username, 4)
    assert signed_in(sign_in(client, focal_point_a.username, persona_password))
    client.logout()
    fail(client, focal_point_a.username, 4, ip="192.0.2.11")
    assert signed_in(sign_in(client, focal_point_a.username, persona_password, ip="192.0.2.11"))


def test_an_empty_password_is_a_form_error_not_a_failed_attempt(client, clock, focal_point_a):
    for _ in range(6):
        response = sign_in(client, focal_point_a.username, "")
        assert "This field is required." in response.content.decode()
    assert FailedLogin.objects.count() == 0


def test_old_failures_are_deleted_when_new_ones_come(db):
    now = datetime(2002, 4, 15, 9, 0, tzinfo=UTC)
    FailedLogin.objects.create(username="old@example.org", ip="192.0.2.1", at=now - timedelta(hours=1))
    LoginThrottle(clock=lambda: now).record_failure("new@example.org", "192.0.2.2")
    assert list(FailedLogin.objects.values_list("username", flat=True)) == ["new@example.org"]


@pytest.mark.parametrize(
    ("failure_minutes", "now_minutes", "locked_until_minute"),
    [
        ([0, 1, 2, 3], 4, None),  # four failures: open
        ([0, 1, 2, 3, 4], 5, 19),  # the fifth at 4 locks until 19
        ([0, 1, 2, 3, 4], 19, None),  # ... and not a moment longer
        ([0, 5, 10, 15, 20], 21, None),  # never five within 15 minutes
        ([0, 4, 8, 12, 15], 16, 30),  # exactly 15 minutes apart still counts
        ([0, 1, 2, 3, 4, 20, 21, 22, 23, 24], 25, 39),  # locked again by a second burst
    ],
)
def test_locked_until_follows_the_sliding_window(failure_minutes, now_minutes, locked_until_minute):
    start = datetime(2002, 4, 15, 9, 0, tzinfo=UTC)
    at = [start + timedelta(minutes=m) for m in failure_minutes]
    until = locked_until(at, start + timedelta(minutes=now_minutes), 5, timedelta(minutes=15), timedelta(minutes=15))
    assert until == (None if locked_until_minute is None else start + timedelta(minutes=locked_until_minute))
