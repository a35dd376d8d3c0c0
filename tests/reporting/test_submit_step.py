"""The submit step /reporting/<cycle>/<A3>/submit: what is unanswered per chapter, a confirmation
when anything is, the cycle's "require all answers" refusal; and the Secretariat's option on the
cycle pages."""

from __future__ import annotations

import re

import pytest
from submit_fixtures import answer_all

from viennaplan.reporting.cycles import set_require_all_answers
from viennaplan.reporting.models import ReportingCycle


def submit_url(report) -> str:
    return f"/reporting/{report.cycle_id}/{report.state_id}/submit"


def test_the_step_lists_the_unanswered_questions_per_chapter_with_links(report_a, client_as, focal_point_a):
    left = answer_all(report_a, but=3)
    page = client_as(focal_point_a).get(submit_url(report_a))
    html = page.content.decode()
    assert page.status_code == 200 and "Draft" in html
    total = report_a.answers.count()
    assert f"{total - 3} of {total} questions" in html
    assert "I submit the report with 3 questions unanswered" in html
    for answer in left:
        link = re.search(rf'<a href="([^"]+)#question-{answer.question_id}">([^<]+)</a>', html)
        assert link and link.group(2) == answer.question.citation
        assert link.group(1).startswith(f"/reporting/{report_a.cycle_id}/CHE/")
    assert 'id="chapter-VI"' in html and 'id="chapter-VII"' in html


def test_without_the_confirmation_nothing_is_submitted(report_a, client_as, focal_point_a):
    answer_all(report_a, but=2)
    client = client_as(focal_point_a)
    refused = client.post(submit_url(report_a), {"comment": "Here it is."})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "not submitted: 2 of" in html and "I submit the report with 2 questions unanswered" in html
    assert "Here it is." in html  # the comment is kept in the form
    stale = client.post(submit_url(report_a), {"confirm_unanswered": "5"})  # confirmed another number
    assert stale.status_code == 400 and "changed to 2" in stale.content.decode()
    report_a.refresh_from_db()
    assert report_a.status == "draft" and not report_a.events.exists()


def test_with_the_confirmation_the_report_is_submitted_and_the_event_recorded(report_a, client_as, focal_point_a):
    answer_all(report_a, but=2)
    done = client_as(focal_point_a).post(submit_url(report_a), {"confirm_unanswered": "2", "comment": "Two later."})
    assert done.status_code == 302 and done["Location"] == report_a.get_absolute_url()
    report_a.refresh_from_db()
    event = report_a.events.get()
    assert report_a.status == "submitted"
    assert (event.transition, event.user, event.comment) == ("submit", focal_point_a, "Two later.")


def test_a_fully_answered_report_needs_no_confirmation(report_a, client_as, focal_point_a):
    answer_all(report_a)
    client = client_as(focal_point_a)
    assert "confirm_unanswered" not in client.get(submit_url(report_a)).content.decode()
    assert client.post(submit_url(report_a)).status_code == 302
    report_a.refresh_from_db()
    assert report_a.status == "submitted"


def test_a_returned_report_is_resubmitted_from_the_same_step(report_a, bring, client_as, focal_point_a):
    bring(report_a, "returned")
    client = client_as(focal_point_a)
    n = report_a.answers.filter(status="").count()
    assert "Resubmit the report" in client.get(submit_url(report_a)).content.decode()
    assert client.post(submit_url(report_a), {"confirm_unanswered": str(n)}).status_code == 302
    report_a.refresh_from_db()
    assert report_a.status == "submitted" and report_a.events.last().transition == "resubmit"


def test_a_cycle_that_requires_all_answers_refuses_with_the_list(report_a, secretariat, client_as, focal_point_a):
    set_require_all_answers(secretariat, report_a.cycle, True)
    left = answer_all(report_a, but=2)
    client = client_as(focal_point_a)
    html = client.get(submit_url(report_a)).content.decode()
    assert "requires every question to be answered" in html and "confirm_unanswered" not in html
    refused = client.post(submit_url(report_a), {"confirm_unanswered": "2"})
    assert refused.status_code == 409
    message = re.search(r'id="problem">([^<]+)<', refused.content.decode()).group(1)
    assert all(answer.question.citation in message for answer in left)
    report_a.refresh_from_db()
    assert report_a.status == "draft" and not report_a.events.exists()


@pytest.mark.parametrize(
    ("status", "persona", "code"),
    [
        ("draft", "focal_point_a", 200),
        ("draft", "secretariat", 200),
        ("draft", "focal_point_b", 404),
        ("draft", "reviewer", 404),
        ("draft", "anonymous", 404),
        ("returned", "focal_point_a", 200),
        ("returned", "reviewer", 403),  # sees the report, may not resubmit it
        ("returned", "focal_point_b", 404),
        ("submitted", "focal_point_a", 409),  # nothing to submit now
        ("published", "anonymous", 409),
    ],
)
def test_who_reaches_the_step(report_a, bring, clients, status, persona, code):
    bring(report_a, status)
    assert clients[persona].get(submit_url(report_a)).status_code == code
    posted = clients[persona].post(submit_url(report_a), {"confirm_unanswered": "999"})
    assert posted.status_code == (400 if code == 200 else code)
    report_a.refresh_from_db()
    assert report_a.status == status


def test_another_states_focal_point_cannot_submit(report_a, client_as, focal_point_b):
    answer_all(report_a)
    assert client_as(focal_point_b).post(submit_url(report_a)).status_code == 404
    report_a.refresh_from_db()
    assert report_a.status == "draft"


def test_the_secretariat_sets_and_unsets_the_option_on_the_cycle_page(cycle, client_as, secretariat):
    client = client_as(secretariat)
    url = f"/reporting/{cycle.pk}/options"
    assert "questions may be left unanswered" in client.get(cycle.get_absolute_url()).content.decode()
    assert client.post(url, {"require_all_answers": "on"}).status_code == 302
    cycle.refresh_from_db()
    assert cycle.require_all_answers is True
    page = client.get(cycle.get_absolute_url()).content.decode()
    assert "requires all answers" in page and 'value="off"' in page
    assert client.post(url, {"require_all_answers": "off"}).status_code == 302
    cycle.refresh_from_db()
    assert cycle.require_all_answers is False


def test_nobody_else_sets_the_option_and_bad_input_changes_nothing(cycle, client_as, secretariat, focal_point_a):
    url = f"/reporting/{cycle.pk}/options"
    assert client_as(focal_point_a).post(url, {"require_all_answers": "on"}).status_code == 403
    assert "cycle-options" not in client_as(focal_point_a).get(cycle.get_absolute_url()).content.decode()
    bad = client_as(secretariat).post(url, {"require_all_answers": "maybe"})
    assert bad.status_code == 400 and "“on” or “off”" in bad.content.decode()
    assert client_as(secretariat).get(url).status_code == 405
    cycle.refresh_from_db()
    assert cycle.require_all_answers is False


def test_the_open_cycle_form_may_require_all_answers(imported_plan, client_as, secretariat):
    form = client_as(secretariat).get("/reporting/").content.decode()
    assert 'name="require_all_answers"' in form
    data = {
        "name": "2002",
        "opens": "2002-01-01",
        "closes": "2002-12-31",
        "chapters": ["VI"],
        "require_all_answers": "on",
    }
    assert client_as(secretariat).post("/reporting/", data).status_code == 302
    assert ReportingCycle.objects.get().require_all_answers is True
