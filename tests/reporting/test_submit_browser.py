"""The submit confirmation in a real browser: the focal point opens the submit step, sees what is
unanswered, cannot submit without ticking the confirmation, ticks it, submits and sees the new status."""

from __future__ import annotations

import re

import pytest
from submit_fixtures import answer_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_focal_point_confirms_the_unanswered_questions_and_submits(report_a, focal_point_a, browser_as):
    from playwright.sync_api import expect

    left = answer_all(report_a, but=2)
    page = browser_as(focal_point_a)
    page.goto(f"/reporting/{report_a.cycle_id}/CHE/submit")
    unanswered = page.locator("#unanswered")
    for answer in left:
        expect(unanswered.get_by_role("link", name=answer.question.citation, exact=True)).to_be_visible()
    button = page.get_by_role("button", name="Submit the report")
    confirmation = page.get_by_label("I submit the report with 2 questions unanswered")
    button.click()  # not ticked: the browser keeps the form and sends nothing
    assert confirmation.evaluate("box => box.validity.valueMissing") is True
    expect(page.locator("#problem")).to_have_count(0)  # the server was not asked (it would answer 400)
    report_a.refresh_from_db()
    assert report_a.status == "draft"
    confirmation.check()
    page.get_by_label("Comment (optional)").fill("Two questions follow in the next round.")
    button.click()
    expect(page).to_have_url(re.compile(rf"/reporting/{report_a.cycle_id}/CHE/$"))
    expect(page.get_by_role("status")).to_contain_text("The report is now submitted")
    expect(page.locator(".report-status").first).to_contain_text("Submitted")
    report_a.refresh_from_db()
    assert report_a.status == "submitted"
    assert report_a.events.get().comment == "Two questions follow in the next round."
