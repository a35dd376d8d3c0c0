"""Behind a reverse proxy that terminates HTTPS (issue 7, defect 4): with the proxy's address
configured as trusted, the sign-in form passes Django's origin check and the throttle counts
each real client, not the proxy; from anybody else the forwarded headers count for nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from viennaplan.proxy import client_address, parse_networks

LOGIN = reverse("accounts:login")
HOST = "viennaplan.example.org"
PROXY = "10.0.0.5"
LOCKED = "Too many failed sign-in attempts"


@pytest.fixture
def behind_proxy(settings):
    """What VIENNAPLAN_TRUSTED_PROXIES=10.0.0.5 sets (the wiring itself: test_deploy_settings.py)."""
    settings.ALLOWED_HOSTS = [HOST]
    settings.TRUSTED_PROXIES = [PROXY]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    return settings


def through(client_ip: str, remote: str = PROXY) -> dict[str, str]:
    return {
        "HTTP_HOST": HOST,
        "HTTP_ORIGIN": f"https://{HOST}",
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_X_FORWARDED_FOR": client_ip,
        "REMOTE_ADDR": remote,
    }


def sign_in(client: Client, username: str, password: str, headers: dict[str, str]):
    client.get(LOGIN, **headers)  # the CSRF cookie, as a browser gets it
    token = client.cookies["csrftoken"].value
    return client.post(LOGIN, {"username": username, "password": password, "csrfmiddlewaretoken": token}, **headers)


def test_sign_in_works_through_an_https_proxy(db, behind_proxy, reviewer, persona_password):
    client = Client(enforce_csrf_checks=True)
    response = sign_in(client, reviewer.username, persona_password, through("203.0.113.9"))
    assert response.status_code == 302, response.content.decode()[:500]
    assert "_auth_user_id" in client.session


def test_a_client_that_only_claims_https_is_not_believed(db, behind_proxy, reviewer, persona_password):
    client = Client(enforce_csrf_checks=True)
    response = sign_in(client, reviewer.username, persona_password, through("203.0.113.9", remote="198.51.100.7"))
    assert response.status_code == 403  # http://viennaplan.example.org is not the https origin it claims


def test_the_throttle_counts_each_client_behind_the_proxy_not_the_proxy(db, behind_proxy, reviewer, persona_password):
    behind_proxy.LOGIN_THROTTLE_ADDRESS_FAILURES = 8  # each failure costs a password hash: fewer than 50 here
    attacker = Client(enforce_csrf_checks=True)
    for number in range(8):
        sign_in(attacker, f"guess{number}@example.org", "wrong", through("203.0.113.66"))
    assert LOCKED in sign_in(attacker, reviewer.username, persona_password, through("203.0.113.66")).content.decode()
    colleague = Client(enforce_csrf_checks=True)
    assert sign_in(colleague, reviewer.username, persona_password, through("203.0.113.9")).status_code == 302


def test_a_forged_forwarded_for_from_outside_does_not_change_the_address_counted(
    db, settings, reviewer, persona_password
):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.LOGIN_THROTTLE_ADDRESS_FAILURES = 3
    client = Client()
    for number in range(3):
        client.post(
            LOGIN,
            {"username": f"guess{number}@example.org", "password": "x"},
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    response = client.post(
        LOGIN, {"username": reviewer.username, "password": persona_password}, REMOTE_ADDR="198.51.100.7"
    )
    assert LOCKED in response.content.decode()


def test_a_locked_out_user_gets_back_in_by_resetting_the_password(client, reviewer, persona_password):
    import re

    from django.core import mail

    for _ in range(5):
        client.post(LOGIN, {"username": reviewer.username, "password": "wrong"}, REMOTE_ADDR="192.0.2.1")
    assert LOCKED in client.post(LOGIN, {"username": reviewer.username, "password": persona_password}).content.decode()
    client.post(reverse("accounts:password_reset"), {"email": reviewer.email})
    path = re.search(r"https?://testserver(/accounts/reset/\S+/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(path, follow=True)
    new = "Another-long-passphrase-2005"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    response = client.post(LOGIN, {"username": reviewer.username, "password": new})
    assert response.status_code == 302 and "_auth_user_id" in client.session


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("10.0.0.5", "203.0.113.9", "203.0.113.9"),
        ("10.0.0.5", "1.2.3.4, 203.0.113.9", "203.0.113.9"),  # the left-most is the client's own claim
        ("10.0.0.5", "203.0.113.9, 10.0.0.7", "203.0.113.9"),  # a chain of trusted proxies
        ("10.0.0.5", "", "10.0.0.5"),
        ("10.0.0.5", "not-an-address", "10.0.0.5"),
        ("198.51.100.7", "203.0.113.9", "198.51.100.7"),  # not a trusted proxy: its header means nothing
    ],
)
def test_the_client_address_is_the_right_most_untrusted_hop(remote, forwarded, expected):
    assert client_address(remote, forwarded, parse_networks(["10.0.0.0/29"])) == expected
