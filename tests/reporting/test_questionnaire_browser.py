"""The focal point's journey through the questionnaire in a real browser (headless Chromium):
sign in, the report, chapter VI, two answers saved in place (one by keyboard only), next
unanswered, and text typed but not saved restored after the page is closed."""

from __future__ import annotations

import re

import pytest

from viennaplan.reporting.models import Answer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def count_of(page, chapter: str) -> str:
    return page.locator(f'#contents [data-chapter="{chapter}"]').inner_text().split()[0]


def test_the_focal_point_works_through_a_chapter_in_place(report_a, focal_point_a, persona_password, browser_as):
    from playwright.sync_api import expect

    cycle_id = report_a.cycle_id
    answers = list(Answer.objects.filter(report=report_a).select_related("question").order_by("question__position"))
    chapter_vi = [a for a in answers if a.question.chapter == "VI"]
    total_vi = len(chapter_vi)
    first, second = chapter_vi[3], chapter_vi[4]  # far enough down the page to scroll to

    page = browser_as(None)
    page.goto(f"/accounts/login/?next=/reporting/{cycle_id}/CHE/")
    page.get_by_label("Email address").fill(focal_point_a.email)
    page.get_by_label("Password").fill(persona_password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(rf"/reporting/{cycle_id}/CHE/$"))
    expect(page.locator("#contents")).to_contain_text(f"0 of {len(answers)} answered")

    page.locator("#contents").get_by_role("link", name=re.compile(r"^VI\.")).click()
    section = f"/reporting/{cycle_id}/CHE/chapter/VI"
    expect(page).to_have_url(re.compile(rf"{section}$"))
    expect(page.locator('#contents a[aria-current="page"]')).to_contain_text("VI.")
    assert count_of(page, "VI") == f"0/{total_vi}"

    # 1. the first answer, saved in place with the mouse
    block = page.locator(f"#question-{first.question_id}")
    block.get_by_label("Implementation status").select_option("in_progress")
    block.get_by_label("What has been done").fill("A draft law is before Parliament.")
    block.get_by_role("button", name=re.compile("Save the answer")).scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    assert before > 0
    block.get_by_role("button", name=re.compile("Save the answer")).click()
    saved = page.locator(f"#question-{first.question_id} .saved")
    expect(saved).to_have_text(re.compile(r"Saved — version 2, \d\d:\d\d"))
    assert page.url.endswith(section)  # no reload, no jump to an anchor
    assert abs(page.evaluate("window.scrollY") - before) < 300
    expect(saved).to_be_focused()  # focus beside the answer (moved after the swap: wait for it)
    expect(page.locator('#contents [data-chapter="VI"]')).to_contain_text(f"1/{total_vi}")

    # 2. the second answer by keyboard only: type, Tab to the save button, Enter
    block = page.locator(f"#question-{second.question_id}")
    block.get_by_label("Implementation status").focus()
    page.keyboard.press("ArrowDown")  # the first status of the scale
    block.get_by_label("What assistance").focus()
    page.keyboard.type("Training of customs officers")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Save the answer to")
    page.keyboard.press("Enter")
    expect(page.locator(f"#question-{second.question_id} .saved")).to_contain_text("Saved — version 2")
    expect(page.locator('#contents [data-chapter="VI"]')).to_contain_text(f"2/{total_vi}")
    stored = Answer.objects.get(pk=second.pk)
    assert stored.version == 2 and stored.status and stored.assistance_description == "Training of customs officers"

    # 3. next unanswered, from the confirmation of the second answer
    page.locator(f"#question-{second.question_id} .saved").get_by_role("link", name="Next unanswered question").click()
    expected = chapter_vi[5].question_id
    expect(page).to_have_url(re.compile(rf"{section}#question-{expected}$"))

    # 4. typed but not saved: the page is closed, and a new page brings the text back
    unsaved = page.locator(f"#question-{expected}").get_by_label("What has been done")
    unsaved.click()
    page.keyboard.type("Typed before the connection dropped.")
    context = page.context
    page.close()
    again = context.new_page()
    again.goto(section)
    restored = again.locator(f"#question-{expected}")
    expect(restored.get_by_label("What has been done")).to_have_value("Typed before the connection dropped.")
    expect(restored.locator(".draft-notice")).to_contain_text("Restored text you typed on")
    expect(restored.locator(".draft-notice")).to_contain_text("that was not saved — save it or discard")
    assert Answer.objects.get(question_id=expected, report=report_a).narrative == ""
    # the other answers, saved, bring nothing back
    expect(again.locator(f"#question-{first.question_id} .draft-notice")).to_have_count(0)

    # discarding puts the saved answer back and forgets the draft
    restored.get_by_role("button", name="Discard the restored text").click()
    expect(restored.get_by_label("What has been done")).to_have_value("")
    expect(restored.locator(".draft-notice")).to_have_count(0)
    again.reload()
    expect(again.locator(".draft-notice")).to_have_count(0)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_scripts_words_are_the_readers_language(report_a, focal_point_a, browser_as, language):
    """The questionnaire script's notice and button come from the page (issue 11), so a French or
    Arabic page restores a draft in French or Arabic, never in English."""
    from django.utils import translation
    from playwright.sync_api import expect

    with translation.override(language):
        notice = translation.gettext("Restored text you typed on {when} that was not saved — save it or discard.")
        discard = translation.gettext("Discard the restored text")
    assert notice.startswith("Restored") is False and discard != "Discard the restored text", "no catalogue entry"
    before_when = notice.split("{when}")[0].strip()

    chapter_vi = [
        a
        for a in Answer.objects.filter(report=report_a).select_related("question").order_by("question__position")
        if a.question.chapter == "VI"
    ]
    target = chapter_vi[2].question_id
    section = f"/reporting/{report_a.cycle_id}/CHE/chapter/VI?lang={language}"
    page = browser_as(focal_point_a)
    page.goto(section)
    assert page.get_attribute("html", "lang") == language
    box = page.locator(f"#question-{target} textarea[name=narrative]")
    box.click()
    page.keyboard.type("Texte saisi, non enregistré.")
    context = page.context
    page.close()
    again = context.new_page()
    again.goto(section)
    restored = again.locator(f"#question-{target}")
    expect(restored.locator("textarea[name=narrative]")).to_have_value("Texte saisi, non enregistré.")
    expect(restored.locator(".draft-notice")).to_contain_text(before_when)
    expect(restored.locator(".draft-notice")).not_to_contain_text("Restored text")
    expect(restored.get_by_role("button", name=discard)).to_be_visible()
