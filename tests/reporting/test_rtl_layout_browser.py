"""Right to left in a real browser (issue 11, part 4): in Arabic the layout mirrors, in English it does not.

Headless Chromium, the language chosen by Django's language cookie (`django_language=ar`). On the home
page, a provision page (/plan/57/k/ii) and a focal point's questionnaire section (chapter VI of CHE):
`<html dir="rtl">`, the site's name at the right of the header, the breadcrumbs starting at the right,
the questionnaire's contents on the right of the questions (on the left in English), and citations
such as 57(k)(ii) laid out left to right inside the Arabic page (their computed `direction` is ltr and
their first character is drawn left of their last). Screenshots go to the test's tmp_path.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 1280
NEAR = 48  # px: the page's side padding (1.25rem) and a little more

PROVISION = "/plan/57/k/ii"


def open_in(browser_as, live_server, language: str, user=None):
    page = browser_as(user, WIDTH, 900)
    host = urlsplit(live_server.url).hostname
    page.context.add_cookies([{"name": "django_language", "value": language, "domain": host, "path": "/"}])
    return page


def box(page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not shown"
    return found


def right(b: dict) -> float:
    return b["x"] + b["width"]


def direction(element) -> str:
    return element.evaluate("e => getComputedStyle(e).direction")


def drawn_left_to_right(element) -> bool:
    """True when the element's text is drawn in its own order, left to right: its first character left of
    the second, its last right of the one before (neighbours, so that it holds on a wrapped line too)."""
    return element.evaluate(
        """e => {
            const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
            const nodes = [];
            while (walker.nextNode()) if (walker.currentNode.data.trim().length > 1) nodes.push(walker.currentNode);
            const first = nodes[0], last = nodes[nodes.length - 1];
            const left = (node, i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                                        return r.getBoundingClientRect().left; };
            const start = first.data.search(/\\S/), end = last.data.trimEnd().length - 1;
            return left(first, start) < left(first, start + 1) && left(last, end - 1) < left(last, end);
        }"""
    )


def chart_label_starts_at_its_x(page) -> bool:
    """An inline SVG like the charts' (text placed by x, text-anchor start) added to the page's <main>."""
    return page.evaluate(
        """() => {
            const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40">'
                      + '<text x="100" y="20" style="text-anchor: start">Parties 2002</text></svg>';
            document.querySelector("main").insertAdjacentHTML("beforeend", svg);
            const box = document.querySelector("main > svg:last-child text").getBBox();
            return Math.abs(box.x - 100) < 1;
        }"""
    )


def check_header(page, language: str) -> None:
    site_name = box(page, ".site-name")
    if language == "ar":
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert right(site_name) >= WIDTH - NEAR, site_name
    else:
        assert page.locator("html").get_attribute("dir") == "ltr"
        assert site_name["x"] <= NEAR, site_name


def check_breadcrumbs(page, language: str) -> None:
    crumbs = page.locator(".breadcrumbs li")
    assert crumbs.count() >= 3
    first, second = crumbs.nth(0).bounding_box(), crumbs.nth(1).bounding_box()
    main = box(page, "main")
    if language == "ar":  # the first crumb at the right, the next one left of it
        assert right(first) >= right(main) - NEAR, (first, main)
        assert right(second) <= first["x"] + 1, (first, second)
    else:
        assert first["x"] <= main["x"] + NEAR, (first, main)
        assert second["x"] >= right(first) - 1, (first, second)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_home_page_and_a_provision_mirror_in_arabic(imported_plan, browser_as, live_server, language, tmp_path):
    page = open_in(browser_as, live_server, language)
    page.goto("/")
    check_header(page, language)
    citation = page.locator(".commitments .cite-link").filter(has_text="(").first
    assert direction(citation) == "ltr"
    assert drawn_left_to_right(citation), citation.inner_text()
    page.screenshot(path=str(tmp_path / f"home-{language}.png"), full_page=True)
    # a chart's label starts at its x, as drawn (in a right-to-left page "start" would be its right end)
    assert chart_label_starts_at_its_x(page)

    page.goto(PROVISION)
    check_header(page, language)
    check_breadcrumbs(page, language)
    # the plan's own text is English: it reads left to right, its item labels such as (ii) too
    assert direction(page.locator(".provision-text")) == "ltr"
    label = page.locator(".provision-text .item__label").first
    assert direction(label) == "ltr"
    assert drawn_left_to_right(label), label.inner_text()
    page.screenshot(path=str(tmp_path / f"provision-{language}.png"), full_page=True)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_questionnaire_contents_are_on_the_reading_side(
    report_a, focal_point_a, browser_as, live_server, language, tmp_path
):
    page = open_in(browser_as, live_server, language, focal_point_a)
    page.goto(f"/reporting/{report_a.cycle_id}/CHE/chapter/VI")
    check_header(page, language)
    check_breadcrumbs(page, language)
    contents, questions = box(page, "#contents"), box(page, ".questionnaire__main")
    if language == "ar":
        assert contents["x"] >= right(questions), (contents, questions)
    else:
        assert right(contents) <= questions["x"], (contents, questions)
    # a question's citation, e.g. 57(k)(ii), stays left to right inside the Arabic page
    citation = page.locator(".question > h4 > a").filter(has_text="(").first
    assert direction(citation) == "ltr"
    assert drawn_left_to_right(citation), citation.inner_text()
    # the objective above the questions is the plan's English text: its full stop ends it on the right
    objective = page.locator(".report-objective > .objective").first
    assert drawn_left_to_right(objective), objective.inner_text()
    page.screenshot(path=str(tmp_path / f"questionnaire-{language}.png"), full_page=True)
