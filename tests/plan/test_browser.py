"""A reader in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright
against pytest-django's live server, on the real imported plan.

Browsers cannot be downloaded here, so Playwright never installs one: it launches the system's
(the `chromium` fixture of tests/conftest.py, skipped where /usr/bin/chromium is absent).
"""

from __future__ import annotations

import re

import pytest

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is missing (pip install playwright==1.65.2)"
)
expect = sync_api.expect

pytestmark = pytest.mark.browser


@pytest.fixture
def browser(imported_plan, chromium):
    """Chromium (tests/conftest.py), started after the plan is in the database."""
    return chromium


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_a_reader_browses_from_the_home_page_down_to_57_k_ii_and_its_note(page, live_server):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Draft Plans of Action")

    page.get_by_role("link", name=re.compile(r"^VI\. Action against the illicit manufacturing")).first.click()
    expect(page).to_have_url(live_server.url + "/plan/chapter/VI")
    expect(page.get_by_role("heading", name="1. National actions")).to_be_visible()

    page.get_by_role("link", name="Paragraph 57", exact=True).click()
    expect(page).to_have_url(live_server.url + "/plan/57")

    page.get_by_role("link", name="57(k)(ii)", exact=True).click()
    expect(page).to_have_url(live_server.url + "/plan/57/k/ii")
    expect(page.locator(".provision-text")).to_contain_text("tampering with firearm markings")
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("Objectives 1–2")
    expect(page.locator(".cite")).to_contain_text(f"para. 57(k)(ii). {live_server.url}/plan/57/k/ii")

    page.get_by_role("link", name="Note 30", exact=True).click()
    expect(page).to_have_url(live_server.url + "/plan/notes#note-30")
    note = page.locator("#note-30")
    expect(note).to_be_in_viewport()
    expect(note.get_by_role("link", name="chapter VI")).to_be_visible()


def test_typing_in_the_search_box_shows_57_k_ii_highlighted_without_reloading(page, live_server):
    page.goto(live_server.url + "/plan/search")
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Words to find").press_sequentially("markings", delay=30)

    result = page.locator(".result", has=page.get_by_role("link", name="para. 57(k)(ii)"))
    expect(result).to_be_visible()
    expect(result.locator("mark")).to_have_text("markings")
    assert page.evaluate("window.notReloaded") is True  # htmx swapped the results in
    expect(page.locator("#search-status")).to_contain_text("for “markings”")  # read out by screen readers
    expect(page).to_have_url(re.compile(r"/plan/search\?q=markings"))

    page.get_by_label("International actions only").check()
    expect(page.get_by_role("link", name="para. 57(k)(ii)")).to_have_count(0)
    expect(page.get_by_role("link", name="para. 59(f)")).to_be_visible()


def test_the_search_form_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/plan/search")
    page.get_by_label("Words to find").fill("markings")
    page.get_by_label("Chapter").select_option("VI")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/plan/search\?q=markings&chapter=VI"))
    # PostgreSQL stems ("marked" matches too), so look for the word itself among the highlights.
    expect(page.locator(".result mark", has_text="markings").first).to_be_visible()
    expect(page.get_by_role("link", name="para. 57(k)(ii)")).to_be_visible()
    context.close()
