"""Every kind of page checked for accessibility in a real browser (issue 14): axe-core (vendored in
tests/vendor/axe-core, see its README) runs in each page of the six-languages sweep, as the person
the sweep shows it to, in English, and in Arabic (right to left) for a sample; no violation of
serious or critical impact may remain. The same data as the sweep (test_pages_six_languages)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pages_six_languages import PAGES, build_data

pytestmark = [
    pytest.mark.browser,
    pytest.mark.engine_independent(anywhere=True),
    pytest.mark.django_db(transaction=True),
]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
IN_ARABIC = {"home", "provision", "search", "instrument", "state profile", "questionnaire section", "legislation"}
RUN = """async () => {
    const result = await axe.run(document, {resultTypes: ["violations"]});
    return result.violations.map(v => ({
        rule: v.id, impact: v.impact, help: v.help,
        where: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
    }));
}"""


def violations(page, url: str, source: str) -> list[dict]:
    page.goto(url)
    page.evaluate(source)  # by the browser's own evaluation, which the page's script policy does not govern
    return [found for found in page.evaluate(RUN) if found["impact"] in BLOCKING]


def test_no_page_has_a_serious_accessibility_violation(browser_as):
    cycle, people, keys = build_data()
    source = AXE.read_text(encoding="utf-8")
    pages = {who: browser_as(None if who == "public" else people[who]) for who in ("public", "focal", "secretariat")}
    found = {}
    checked = 0
    for sweep in PAGES:
        url = sweep.url.format(cycle=cycle.pk, **keys)
        for language in ("en", "ar") if sweep.name in IN_ARABIC else ("en",):
            problems = violations(pages[sweep.who], f"{url}{'&' if '?' in url else '?'}lang={language}", source)
            checked += 1
            if problems:
                found[f"{sweep.name} ({language}, {sweep.who}) {url}"] = problems
    assert checked > len(PAGES)
    assert found == {}, "\n".join(
        f"{where}: {problem['impact']} {problem['rule']} ({problem['help']}) at {problem['where']}"
        for where, problems in found.items()
        for problem in problems
    )


def test_the_check_finds_a_violation_where_there_is_one(imported_plan, browser_as):
    """The check can fail: an image without a text alternative and an empty link are reported."""
    page = browser_as(None)
    page.goto("/")
    page.evaluate(
        "() => { const i = document.createElement('img'); i.src = '/static/none.png'; document.body.append(i);"
        " const a = document.createElement('a'); a.href = '/'; document.body.append(a); }"
    )
    page.evaluate(AXE.read_text(encoding="utf-8"))
    rules = {found["rule"] for found in page.evaluate(RUN) if found["impact"] in BLOCKING}
    assert {"image-alt", "link-name"} <= rules
