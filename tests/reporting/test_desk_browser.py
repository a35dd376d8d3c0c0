"""The reviewer's queue in a real browser (headless Chromium): a focal point submits, the reviewer
opens "Your work", finds the report at the top of the queue and clicks through to it."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_reviewer_finds_a_just_submitted_report_at_the_top_of_the_queue_and_opens_it(
    cycle, report_a, report_b, bring, move, reviewer, browser_as
):
    bring(report_b, "validated")  # reviewed already: not in the queue
    move(report_a, "submit")  # just now
    page = browser_as(reviewer)
    page.goto("/reporting/desk")
    assert page.locator("h1").inner_text() == "Your work"
    top = page.locator(".desk-queue__item").first
    assert top.get_attribute("data-state") == "CHE" and "waiting since today" in top.inner_text()
    assert page.locator(".desk-queue__item").count() == 1
    top.get_by_role("link", name="Switzerland").click()
    page.wait_for_url(f"**/reporting/{cycle.pk}/CHE/")
    assert "Report of Switzerland" in page.locator("h1").inner_text()
    assert page.get_by_role("button", name="Validate the report").is_visible()
