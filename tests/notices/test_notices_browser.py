"""In a real browser: a report is submitted, the reviewer finds "Notices (1)" in the menu, opens
the notice and lands on the report; the count falls to 0. The e-mail is in Django's outbox."""

from __future__ import annotations

import re

import pytest

from viennaplan.reporting.transitions import apply_transition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_reviewer_is_told_of_a_submission_and_opens_the_report(
    report_che, focal_point_a, reviewer, mailoutbox, browser_as
):
    from playwright.sync_api import expect

    apply_transition(focal_point_a, report_che, "submit")  # committed at once: the notice is made
    (mail,) = mailoutbox
    assert mail.to == [reviewer.email] and f"/reporting/{report_che.cycle_id}/CHE/" in mail.body
    page = browser_as(reviewer)
    page.goto("/")
    page.get_by_role("link", name=re.compile(r"^Notices \(1\)")).click()
    expect(page).to_have_url(re.compile(r"/notices/$"))
    page.get_by_role("link", name=re.compile("Switzerland: report submitted for review")).click()
    expect(page).to_have_url(re.compile(rf"/reporting/{report_che.cycle_id}/CHE/$"))
    expect(page.get_by_role("link", name=re.compile(r"^Notices \(0\)"))).to_be_visible()
