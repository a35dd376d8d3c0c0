"""The Content-Security-Policy (viennaplan/csp.py) in a real browser (headless Chromium): the pages
people use most, with what they do there (typing in the plan's search, saving an answer in place,
the admin's forms), run with the policy on and break none of its rules: no script or style refused,
no script error. A refused resource shows in the browser's console; the test collects every message
that names the policy."""

from __future__ import annotations

import re

import pytest

from viennaplan.csp import HEADER, POLICY

pytestmark = [pytest.mark.browser, pytest.mark.engine_independent, pytest.mark.django_db(transaction=True)]

PUBLIC = [
    "/",
    "/plan/chapter/VI",
    "/plan/57/k/ii",
    "/treaties/UNTOC",
    "/treaties/states/CHE",
    "/countries/CHE",
    "/indicators/",
    "/progress",
    "/reporting/progress",
    "/reporting/states/CHE",
    "/knowledge/",
    "/knowledge/search?q=firearms",
    "/knowledge/legislation",
    "/accounts/login/",
]


def watched(page) -> list[str]:
    """Every console message that names the policy, and every script error, as they come."""
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text) if "Content Security Policy" in message.text else None)
    page.on("pageerror", lambda error: seen.append(f"script error: {error}"))
    return seen


def test_the_pages_and_what_people_do_on_them_break_no_rule_of_the_policy(
    report_a, focal_point_a, secretariat, browser_as
):
    from playwright.sync_api import expect

    page = browser_as(None)
    seen = watched(page)
    for url in PUBLIC:
        response = page.goto(url)
        assert response.status == 200, url
        assert response.headers[HEADER.lower()] == POLICY, url
    page.goto("/plan/search")
    page.get_by_role("searchbox").first.fill("markings")  # htmx swaps the results in as one types
    expect(page.locator("mark").first).to_be_visible()

    page = browser_as(focal_point_a)
    seen += watched(page)
    answer = report_a.answers.select_related("question").filter(question__chapter="VI").first()
    page.goto(f"/reporting/{report_a.cycle_id}/CHE/chapter/VI")
    block = page.locator(f"#question-{answer.question_id}")
    block.get_by_label("Implementation status").select_option("in_progress")
    block.get_by_role("button", name=re.compile("Save the answer")).click()
    expect(page.locator(f"#question-{answer.question_id} .saved")).to_have_text(re.compile("Saved"))

    page = browser_as(secretariat)
    seen += watched(page)
    for url in ("/admin/", "/admin/knowledge/law/", "/admin/knowledge/law/add/"):
        assert page.goto(url).status == 200, url
    assert seen == []


def test_the_policy_refuses_what_it_must(report_a, browser_as, live_server):
    """The check can fail: an inline script on a page served with the policy is refused, and said so."""
    page = browser_as(None)
    seen = watched(page)
    page.goto("/")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
        " document.body.appendChild(s); }"
    )
    assert page.evaluate("window.ran === undefined")
    assert any("script-src 'self'" in message for message in seen), seen
