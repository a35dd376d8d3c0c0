"""The Content-Security-Policy header (viennaplan/csp.py) on every kind of response, and what it says."""

from __future__ import annotations

import pytest

from viennaplan.csp import HEADER, POLICY


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_the_policy_runs_no_script_but_the_sites_own_files():
    rules = directives(POLICY)
    assert rules["script-src"] == ["'self'"]
    assert rules["default-src"] == ["'self'"]
    assert rules["object-src"] == ["'none'"] and rules["frame-ancestors"] == ["'none'"]
    assert rules["form-action"] == ["'self'"] and rules["base-uri"] == ["'self'"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/plan/57/k/ii", "/api/plan/provisions/57/k/ii", "/no/such/page", "/admin/"])
def test_every_kind_of_response_carries_it(client, imported_plan, url):
    assert client.get(url)[HEADER] == POLICY


@pytest.mark.django_db
def test_the_setting_is_the_header_and_empty_sends_none(client, imported_plan, settings):
    settings.CONTENT_SECURITY_POLICY = ""
    assert HEADER not in client.get("/")
    settings.CONTENT_SECURITY_POLICY = "default-src 'none'"
    assert client.get("/")[HEADER] == "default-src 'none'"
