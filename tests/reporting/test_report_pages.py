"""The reporting pages as people use them, without JavaScript: forms, buttons, messages."""

from __future__ import annotations

import re

from viennaplan.reporting.answers import save_answer
from viennaplan.reporting.models import Answer, Report, ReportingCycle, ReviewComment
from viennaplan.reporting.transitions import apply_transition


def answer(report, path="57/k") -> Answer:
    return Answer.objects.select_related("report").get(report=report, question__path=path)


def test_the_secretariat_opens_a_cycle_through_the_form(imported_plan, client_as, secretariat):
    client = client_as(secretariat)
    page = client.get("/reporting/").content.decode()
    assert "Open a cycle" in page and 'value="VI"' in page
    response = client.post(
        "/reporting/", {"name": "2002 review", "opens": "2002-01-01", "closes": "2002-12-31", "chapters": ["VI", "VII"]}
    )
    cycle = ReportingCycle.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reporting/{cycle.pk}/"
    assert cycle.chapters == ["VI", "VII"] and cycle.questions.count() > 0


def test_a_bad_cycle_form_says_what_is_wrong(imported_plan, client_as, secretariat):
    response = client_as(secretariat).post(
        "/reporting/", {"name": "x", "opens": "2002-12-31", "closes": "2002-01-01", "chapters": ["VI"]}
    )
    assert response.status_code == 400 and "before it opens" in response.content.decode()
    assert not ReportingCycle.objects.exists()


def test_others_do_not_see_the_open_a_cycle_form(imported_plan, client_as, reviewer):
    assert "Open a cycle" not in client_as(reviewer).get("/reporting/").content.decode()


def test_the_focal_point_starts_the_report_and_answers_it_chapter_by_chapter(cycle, client_as, focal_point_a):
    client = client_as(focal_point_a)
    first = client.get(f"/reporting/{cycle.pk}/CHE/").content.decode()
    assert "Start the report" in first and not Report.objects.filter(cycle=cycle, state_id="CHE").exists()
    response = client.post(f"/reporting/{cycle.pk}/CHE/start")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    report = Report.objects.get(cycle=cycle, state_id="CHE")
    assert report.status == "draft" and report.answers.count() == cycle.questions.count()
    assert "Submit the report" in page and "Validate the report" not in page
    assert 'class="answer-form"' not in page  # the home: the forms are in the chapter sections
    forms = sum(
        client.get(f"/reporting/{cycle.pk}/CHE/chapter/{c}").content.decode().count('class="answer-form"')
        for c in ("VI", "VII")
    )
    assert forms == cycle.questions.count()


def test_questions_are_grouped_by_chapter_and_objective(report_a, client_as, focal_point_a):
    page = client_as(focal_point_a).get(f"/reporting/{report_a.cycle_id}/CHE/?view=all").content.decode()
    assert re.search(r'<h2 id="chapter-VI">VI\. Action against the illicit manufacturing', page)
    assert page.index('id="chapter-VI"') < page.index('href="/plan/57/k"') < page.index('id="chapter-VII"')
    assert "Objective 1 and 2" in page


def test_a_saved_answer_redirects_back_with_a_message(report_a, client_as, focal_point_a):
    client = client_as(focal_point_a)
    a = answer(report_a)
    form = {
        "status": "implemented",
        "narrative": "Marking required since 2001.",
        "measure_kind": ["law", ""],
        "measure_title": ["Firearms Act", ""],
        "measure_url": ["https://example.org/act", ""],
        "measure_date": ["2001-06-01", ""],
        "responsible_institution": "Federal Police",
        "assistance_needed": "on",
        "assistance_description": "Tracing software",
        "version": "1",
    }
    response = client.post(f"/reporting/{report_a.cycle_id}/CHE/answers/{a.pk}", form)
    assert response.status_code == 302 and response["Location"].endswith(f"#answer-{a.pk}")
    saved = answer(report_a)
    assert saved.version == 2 and saved.measures == [
        {"kind": "law", "title": "Firearms Act", "url": "https://example.org/act", "date": "2001-06-01"}
    ]
    assert saved.assistance_needed and saved.responsible_institution == "Federal Police"
    page = client.get(response["Location"]).content.decode()
    assert "Saved your answer to 57(k) (version 2)." in page


def test_a_concurrent_edit_shows_both_versions_and_keeps_the_first(report_a, client_as, focal_point_a, secretariat):
    a = answer(report_a)
    save_answer(secretariat, a, {"narrative": "Saved first by the Secretariat."}, 1)
    response = client_as(focal_point_a).post(
        f"/reporting/{report_a.cycle_id}/CHE/answers/{a.pk}", {"narrative": "Typed by the focal point.", "version": "1"}
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Your changes to 57(k) were not saved: Sara Sekr saved this answer on" in page
    assert "Saved version 2" in page and "Your version (not saved)" in page
    assert "Saved first by the Secretariat." in page and "Typed by the focal point." in page
    assert 'name="version" value="2"' in page  # saving again from here is a deliberate overwrite
    assert answer(report_a).narrative == "Saved first by the Secretariat."


def test_wrong_input_is_shown_next_to_the_answer_and_kept_in_the_form(report_a, client_as, focal_point_a):
    a = answer(report_a)
    response = client_as(focal_point_a).post(
        f"/reporting/{report_a.cycle_id}/CHE/answers/{a.pk}",
        {"narrative": "Kept.", "measure_kind": ["law"], "measure_title": [""], "version": "1"},
    )
    page = response.content.decode()
    assert response.status_code == 400 and "measures[1].title: say what it is" in page and "Kept." in page
    assert answer(report_a).version == 1


def test_the_reviewer_returns_with_a_comment_and_the_focal_point_sees_it(
    report_a, bring, client_as, reviewer, focal_point_a
):
    bring(report_a, "submitted")
    client = client_as(reviewer)
    page = client.get(f"/reporting/{report_a.cycle_id}/CHE/").content.decode()
    assert "Return to the focal point" in page and "Validate the report" in page and "answer-form" not in page
    client.post(f"/reporting/{report_a.cycle_id}/CHE/transitions/return", {"comment": "Which law for 57(k)?"})
    focal = client_as(focal_point_a)
    page = focal.get(f"/reporting/{report_a.cycle_id}/CHE/").content.decode()
    assert "Which law for 57(k)?" in page and "Resubmit the report" in page
    assert "answer-form" in focal.get(f"/reporting/{report_a.cycle_id}/CHE/chapter/VI").content.decode()


def test_a_return_without_comment_is_refused_on_the_page(report_a, bring, client_as, reviewer):
    bring(report_a, "submitted")
    response = client_as(reviewer).post(f"/reporting/{report_a.cycle_id}/CHE/transitions/return", {"comment": ""})
    assert response.status_code == 409 and "needs a comment" in response.content.decode()
    assert Report.objects.get(pk=report_a.pk).status == "submitted"


def test_a_reviewer_comments_on_a_question(report_a, bring, client_as, reviewer, focal_point_a):
    bring(report_a, "submitted")
    question = report_a.cycle.questions.get(path="57/k")
    response = client_as(reviewer).post(
        f"/reporting/{report_a.cycle_id}/CHE/comments", {"text": "Add the date of the law.", "question": question.pk}
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#question-{question.pk}")
    assert ReviewComment.objects.get().question == question
    assert (
        "Add the date of the law."
        in client_as(focal_point_a).get(f"/reporting/{report_a.cycle_id}/CHE/").content.decode()
    )


def test_the_secretariat_publishes_and_the_public_reads_the_report(report_a, bring, client_as, secretariat, anonymous):
    save_answer(secretariat, answer(report_a), {"narrative": "Public narrative."}, 1)
    bring(report_a, "validated")
    client_as(secretariat).post(f"/reporting/{report_a.cycle_id}/CHE/transitions/publish")
    page = client_as(anonymous).get(f"/reporting/{report_a.cycle_id}/CHE/").content.decode()
    assert "Published" in page and "Public narrative." in page
    assert "answer-form" not in page and "transition-form" not in page and "comment-form" not in page


def test_the_history_page_lists_events_and_diffs_two_of_them(report_a, client_as, focal_point_a, reviewer):
    save_answer(focal_point_a, answer(report_a), {"status": "in_progress"}, 1)
    first = apply_transition(focal_point_a, report_a, "submit")
    apply_transition(reviewer, report_a, "return", "More please.")
    save_answer(focal_point_a, answer(report_a), {"status": "implemented"}, 2)
    second = apply_transition(focal_point_a, report_a, "resubmit")
    client = client_as(reviewer)
    page = client.get(f"/reporting/{report_a.cycle_id}/CHE/history?a={first.pk}&b={second.pk}").content.decode()
    assert "More please." in page and 'id="diff-57k"' in page
    assert "In progress" in page and "Implemented" in page and "version 2 → 3" in page
    bad = client.get(f"/reporting/{report_a.cycle_id}/CHE/history?a=999999")
    assert bad.status_code == 400 and "is not an event of this report" in bad.content.decode()


def test_an_event_of_another_report_cannot_be_used_in_a_diff(report_a, report_b, client_as, secretariat, focal_point_b):
    other = apply_transition(focal_point_b, report_b, "submit")
    response = client_as(secretariat).get(f"/reporting/{report_a.cycle_id}/CHE/history?a={other.pk}")
    assert response.status_code == 400


def test_the_secretariat_records_international_progress_through_the_form(cycle, client_as, secretariat):
    client = client_as(secretariat)
    form = {
        "path": "59/a",
        "status": "ongoing",
        "resources": "awaiting_voluntary_contributions",
        "output_kind": ["seminar"],
        "output_title": ["Regional seminar"],
        "output_url": [""],
        "output_date": ["2002-05-10"],
        "narrative": "Funds pledged.",
    }
    response = client.post(f"/reporting/{cycle.pk}/international/", form)
    assert response.status_code == 302 and response["Location"].endswith("#unit-59-a")
    page = client.get(f"/reporting/{cycle.pk}/international/").content.decode()
    assert "Regional seminar" in page and "Awaiting voluntary contributions" in page


def test_the_cycle_overview_counts_the_reports_by_status(report_a, report_b, bring, client_as, secretariat):
    bring(report_a, "submitted")
    page = client_as(secretariat).get(f"/reporting/{report_a.cycle_id}/").content.decode()
    assert "Submitted: 1" in page and "Draft: 1" in page and "Not started:" in page


def test_the_secretariat_sees_reports_in_the_admin_with_a_read_only_status(report_a, client_as, secretariat):
    client = client_as(secretariat)
    assert client.get("/admin/reporting/report/").status_code == 200
    page = client.get(f"/admin/reporting/report/{report_a.pk}/change/").content.decode()
    assert 'name="status"' not in page and "Draft" in page
    assert client.get("/admin/reporting/reportevent/add/").status_code == 403


def test_events_of_a_deleted_account_still_show(report_a, bring, client_as, focal_point_a, reviewer):
    bring(report_a, "returned")
    reviewer.delete()
    for page in ("", "history"):
        response = client_as(focal_point_a).get(f"/reporting/{report_a.cycle_id}/CHE/{page}")
        assert response.status_code == 200 and "Please describe the measures taken." in response.content.decode()
