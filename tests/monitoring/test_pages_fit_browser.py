"""Pages that fit the screen (issue 10, part 6), measured in a real browser (headless Chromium):

- at 1280 x 900 the progress matrix (with "All States") and a State's report do not scroll sideways;
- at 390 x 844 (a phone) neither does, and the report's "JSON · History and changes" box does not
  cover its title (nor does the matrix's JSON link);
- signed in as the secretariat (the most menu items), the menu is one row at 1280 px, with room for
  two more short items.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FITS = "document.documentElement.scrollWidth <= window.innerWidth"
WIDTHS = "[document.documentElement.scrollWidth, window.innerWidth]"


def matrix_url(cycle) -> str:
    return f"/reporting/progress?cycle={cycle.pk}"


def report_url(cycle) -> str:
    return f"/reporting/{cycle.pk}/CHE/"


def box(page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not shown"
    return found


def overlaps(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("size", [(1280, 900), (390, 844)])
def test_the_matrix_and_the_report_do_not_scroll_sideways(sample, secretariat, browser_as, size):
    cycle, _reports = sample
    for user in (None, secretariat):
        page = browser_as(user, *size)
        for url in (matrix_url(cycle), report_url(cycle)):
            page.goto(url)
            assert page.evaluate(FITS), (url, size, page.evaluate(WIDTHS))
        page.goto(matrix_url(cycle))
        assert page.locator("table.matrix tbody tr").count() == 2  # chapters VIII and X
        if size[0] == 1280:  # every column, "All States" too, is inside the window: nothing to scroll to
            all_states = box(page, "table.matrix thead th.all")
            assert all_states["x"] + all_states["width"] <= size[0]
            table = box(page, "table.matrix")
            assert table["x"] + table["width"] <= size[0]


def test_on_a_phone_the_json_box_does_not_cover_the_title(sample, focal_point_a, browser_as):
    cycle, _reports = sample
    page = browser_as(focal_point_a, 390, 844)
    for url in (report_url(cycle), matrix_url(cycle), f"/reporting/{cycle.pk}/"):
        page.goto(url)
        link, title = box(page, ".page-head .json-link"), box(page, ".page-head h1")
        assert not overlaps(link, title), (url, link, title)


def test_the_signed_in_menu_is_one_row_at_1280_with_room_for_one_more_item(sample, secretariat, browser_as):
    page = browser_as(secretariat, 1280, 900)
    page.goto(matrix_url(sample[0]))
    tops = page.eval_on_selector_all(".site-nav ul > li", "items => items.map(i => i.getBoundingClientRect().top)")
    assert len(tops) >= 12 and len(set(tops)) == 1, tops
    names = page.eval_on_selector_all(".site-nav ul > li", "items => items.map(i => i.textContent.trim())")
    assert "Your work" in names and any(name.startswith("Notices") for name in names), names
    # room for one more short item (a language switcher is planned)
    page.evaluate(
        """() => { const list = document.querySelector('.site-nav ul');
        const item = document.createElement('li'); const link = document.createElement('a');
        link.href = '#'; link.textContent = 'English'; item.append(link); list.prepend(item); }"""
    )
    tops = page.eval_on_selector_all(".site-nav ul > li", "items => items.map(i => i.getBoundingClientRect().top)")
    assert len(set(tops)) == 1, tops
    assert page.evaluate(FITS), page.evaluate(WIDTHS)
