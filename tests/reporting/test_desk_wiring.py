"""The ways between the desk, the cycle page's reminders and the menu."""

from __future__ import annotations

import re


def test_the_secretariat_sends_reminders_from_the_cycle_page_the_board_leads_to(
    cycle, report_a, client_as, secretariat, focal_point_a, reviewer
):
    board = client_as(secretariat).get("/reporting/desk").content.decode()
    assert f'href="/reporting/{cycle.pk}/#reminders"' in board

    page = client_as(secretariat).get(f"/reporting/{cycle.pk}/").content.decode()
    panel = re.search(r'<section class="reminders-panel" id="reminders".*?</section>', page, re.S)
    assert panel and 'value="CHE"' in panel.group(0)  # CHE's draft is past the 2002 deadline
    for other in (focal_point_a, reviewer):
        assert 'id="reminders"' not in client_as(other).get(f"/reporting/{cycle.pk}/").content.decode()


def test_the_menu_and_the_account_page_lead_to_your_work(imported_plan, client_as, focal_point_a, client):
    account = client_as(focal_point_a).get("/accounts/").content.decode()
    menu = re.search(r"<nav.*?</nav>", account, re.S).group(0)
    assert 'href="/reporting/desk"' in menu
    assert 'id="account-desk"' in account
    assert 'href="/reporting/desk"' not in client.get("/").content.decode()
