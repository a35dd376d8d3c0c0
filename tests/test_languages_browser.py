"""The language switcher in a real browser (headless Chromium): on the header's top line beside the
site's name (the menu keeps its one row at 1280 px), usable with the keyboard alone, and back on the
same page in the chosen language."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BUTTONS = ".language-switch button"


def top(page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["y"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_switcher_is_on_the_top_line_and_the_menu_stays_one_row(imported_plan, secretariat, browser_as, lang):
    page = browser_as(secretariat, 1280, 900)
    page.goto(f"/plan/57/k/ii?lang={lang}")
    switch, name, nav = (page.locator(s).first.bounding_box() for s in (".language-switch", ".site-name", ".site-nav"))
    assert switch["y"] < nav["y"] and switch["y"] + switch["height"] <= nav["y"] + 1  # above the menu
    assert switch["y"] < name["y"] + name["height"]  # beside the site's name, not under it
    assert len(set(page.eval_on_selector_all(BUTTONS, "bs => bs.map(b => b.getBoundingClientRect().top)"))) == 1
    tops = page.eval_on_selector_all(".site-nav ul > li", "items => items.map(i => i.getBoundingClientRect().top)")
    assert len(set(tops)) == 1, tops
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_keyboard_alone_switches_and_the_page_stays_the_same(imported_plan, browser_as):
    page = browser_as(None, 1280, 900)
    page.goto("/plan/57/k/ii")
    page.locator("a.site-name").focus()
    page.keyboard.press("Tab")  # the next stop after the site's name is the first language
    assert page.evaluate("document.activeElement.textContent") == "العربية"
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('lang')") == "fr"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/plan/57/k/ii")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator(f"{BUTTONS}[aria-current='true']").inner_text() == "Français"
    page.goto("/")  # remembered by the browser
    assert page.locator("html").get_attribute("lang") == "fr"
    with page.expect_navigation():
        page.locator(f"{BUTTONS}[value='ar']").press("Enter")
    assert page.locator("html").get_attribute("dir") == "rtl"
