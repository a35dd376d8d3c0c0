"""/reporting/desk ("Your work") for each role, the cycle page's status filter and counts, the
Reporting page's "your report" column, and signing in landing on the desk."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from viennaplan.countries import registry
from viennaplan.reporting.cycles import open_cycle, report_for
from viennaplan.reporting.models import Answer, Report

DESK = "/reporting/desk"


def text_of(client, url: str = DESK) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def squeezed(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def open_round(imported_plan, secretariat):
    """A cycle open today, its deadline 20 days away."""
    today = timezone.localdate()
    return open_cycle(secretariat, "Current round", today - timedelta(days=10), today + timedelta(days=20), ["VI"])


def answer_some(report: Report, n: int) -> None:
    ids = list(report.answers.order_by("question__position").values_list("pk", flat=True)[:n])
    Answer.objects.filter(pk__in=ids).update(status="implemented")


def test_the_public_is_sent_to_sign_in(client, db):
    response = client.get(DESK)
    assert response.status_code == 302 and response["Location"] == f"{reverse('accounts:login')}?next={DESK}"


def test_the_desk_answers_only_get_and_head(client_as, reviewer):
    assert client_as(reviewer).post(DESK).status_code == 405


def test_a_focal_point_who_has_not_started_is_told_to_start(open_round, client_as, focal_point_a):
    total = open_round.questions.count()
    html = text_of(client_as(focal_point_a))
    page = squeezed(html)
    assert "Report of Switzerland: Current round" in page and "Not started" in page
    assert f"0 of {total}" in page and "(20 days left)" in page
    assert 'data-next="start"' in html and f'action="/reporting/{open_round.pk}/CHE/start"' in html
    assert not Report.objects.exists()  # reading never writes


def test_a_focal_point_with_a_draft_continues_with_the_next_unanswered_question(open_round, client_as, focal_point_a):
    report = report_for(open_round, "CHE")
    answer_some(report, 2)
    html = text_of(client_as(focal_point_a))
    assert f"2 of {open_round.questions.count()}" in html and 'data-next="continue"' in html
    assert "continue with the next unanswered question" in html
    assert f'href="/reporting/{open_round.pk}/CHE/' in html


def test_a_focal_point_whose_draft_is_complete_is_told_to_submit(open_round, client_as, focal_point_a):
    report = report_for(open_round, "CHE")
    answer_some(report, open_round.questions.count())
    html = text_of(client_as(focal_point_a))
    assert 'data-next="submit"' in html and "Every question is answered" in html and "submit the report" in html


@pytest.mark.parametrize(
    ("status", "step", "words"),
    [
        ("returned", "fix", "Please describe the measures taken."),  # the reviewer's comment (move fixture)
        ("submitted", "await_review", "waiting for review"),
        ("validated", "await_publication", "waiting for publication by the Secretariat"),
        ("published", "published", "Read the published report"),
    ],
)
def test_a_focal_point_sees_the_next_step_of_each_status(
    open_round, bring, client_as, focal_point_a, status, step, words
):
    bring(report_for(open_round, "CHE"), status)
    html = text_of(client_as(focal_point_a))
    assert f'data-next="{step}"' in html and words in html


def test_a_focal_point_of_fra_never_sees_the_draft_of_che(report_a, report_b, client_as, focal_point_b):
    answer_some(report_a, 3)
    html = text_of(client_as(focal_point_b))
    assert "Report of France" in html and f"/reporting/{report_a.cycle_id}/FRA/" in html
    assert "Switzerland" not in html and "/CHE/" not in html


def test_the_reviewer_queue_lists_submitted_reports_oldest_first_with_their_age(
    cycle, report_a, report_b, move, client_as, reviewer
):
    deu = report_for(cycle, "DEU")
    answer_some(report_a, 5)
    for report in (report_a, report_b):
        move(report, "submit")
    now = timezone.now()
    Report.objects.filter(pk=report_a.pk).update(submitted_at=now - timedelta(days=9))
    Report.objects.filter(pk=report_b.pk).update(submitted_at=now - timedelta(days=2))
    html = text_of(client_as(reviewer))
    assert re.findall(r'class="desk-queue__item" data-state="(\w+)"', html) == ["CHE", "FRA"]  # not by name
    page = squeezed(html)
    total = cycle.questions.count()
    assert "Switzerland CHE 2002 review" in page and f"waiting 9 days 5 of {total}" in page
    assert f"waiting 2 days 0 of {total}" in page
    assert "DEU" not in html and deu.status == "draft"  # a draft is never shown to a reviewer


def test_the_reviewer_sees_recent_returns_and_validations(cycle, report_a, report_b, bring, client_as, reviewer):
    bring(report_a, "returned")
    bring(report_b, "validated")
    html = text_of(client_as(reviewer))
    assert "Recently returned or validated" in html
    assert "Switzerland, 2002 review</a>: returned" in html and "France, 2002 review</a>: validated" in html


def test_the_secretariat_board_counts_reports_by_status_with_late_and_reminders(
    cycle, report_a, report_b, bring, client_as, secretariat
):
    bring(report_a, "validated")
    states = len(
        [1 for code in registry.country_names() if registry.is_country(code) and not registry.is_organization(code)]
    )
    html = text_of(client_as(secretariat))
    counts = dict(
        re.findall(r'href="/reporting/\d+/\?status=(\w+)" data-status="\w+">[^<]*<strong>(\d+)</strong>', html)
    )
    assert counts == {
        "not_started": str(states - 2),
        "draft": "1",
        "submitted": "0",
        "returned": "0",
        "validated": "1",
        "published": "0",
    }
    # the 2002 deadline has passed: every State that has not submitted is late and due a reminder
    assert f'<span class="desk-late-count">{states - 1}</span>' in html
    assert f'<span class="desk-reminder-count">{states - 1}</span>' in html
    reminders = html[html.index('class="desk-reminders__list"') :].split("</dl>")[0]
    assert "<dt>Draft (1)</dt><dd>France</dd>" in reminders and f"<dt>Not started ({states - 2})</dt>" in reminders
    assert (
        "Switzerland" not in reminders
        and "Switzerland" not in html.split('class="desk-late"')[1].split("</details>")[0]
    )
    assert '<span class="desk-publish-count">1</span>' in html
    assert f'<p class="desk-to-publish">Switzerland · <a href="/reporting/{cycle.pk}/?status=validated">' in html


def test_before_the_reminder_window_the_board_lists_no_reminders(open_round, client_as, secretariat):
    html = text_of(client_as(secretariat))
    assert '<span class="desk-reminder-count">0</span>' in html and "No State is due a reminder." in html
    assert '<span class="desk-late-count">0</span>' in html and "(20 days left)" in html


def test_a_contributor_and_a_user_without_a_role_are_pointed_to_the_published_reports(
    cycle, report_a, client_as, contributor, django_user_model
):
    nobody = django_user_model.objects.create_user("nobody@example.org", password="x")
    for user in (contributor, nobody):
        html = text_of(client_as(user))
        assert "Nothing waits for you here" in html and 'href="/progress"' in html and "/CHE/" not in html


def test_the_cycle_page_filters_by_status_and_counts_each(cycle, report_a, report_b, bring, client_as, secretariat):
    bring(report_a, "submitted")
    client = client_as(secretariat)
    everything = text_of(client, f"/reporting/{cycle.pk}/")
    assert 'href="?status=submitted" data-status="submitted">Submitted: 1' in everything
    assert 'data-status="draft">Draft: 1' in everything
    rows = re.findall(r'<tr class="report-(\w+)">', everything)
    assert rows[:2] == ["draft", "submitted"] or rows[:2] == ["submitted", "draft"]  # started first
    assert set(rows[2:]) == {"not_started"}
    submitted = text_of(client, f"/reporting/{cycle.pk}/?status=submitted")
    assert re.findall(r'<tr class="report-(\w+)">', submitted) == ["submitted"] and "/CHE/" in submitted
    assert "Showing the reports that are: Submitted." in submitted
    not_started = text_of(client, f"/reporting/{cycle.pk}/?status=not_started")
    table = re.search(r'<table class="contents data">.*?</table>', not_started, re.S).group(0)  # not the reminders
    assert "/CHE/" not in table and "/FRA/" not in table and "/DEU/" in table


def test_an_unknown_status_filter_says_what_is_wrong(cycle, client_as, secretariat):
    response = client_as(secretariat).get(f"/reporting/{cycle.pk}/?status=lost")
    text = response.content.decode()
    assert response.status_code == 400
    assert "status: there is no status “lost”; the statuses are not_started, draft, submitted" in text


def test_the_reporting_page_shows_a_focal_point_their_report_in_each_cycle(
    cycle, open_round, report_a, client_as, focal_point_a, reviewer
):
    html = text_of(client_as(focal_point_a), "/reporting/")
    assert "Report of Switzerland</th>" in html
    assert f'<td class="own-report own-report--draft"><a href="/reporting/{cycle.pk}/CHE/">Draft</a></td>' in html
    assert f'<a href="/reporting/{open_round.pk}/CHE/">Not started</a>' in html
    assert 'id="your-work"><a href="/reporting/desk">' in html
    reviewing = text_of(client_as(reviewer), "/reporting/")
    assert "Your work: the reports awaiting review" in reviewing and "own-report" not in reviewing


def test_signing_in_lands_on_the_desk_unless_next_says_otherwise(client, focal_point_a, persona_password, cycle):
    login = reverse("accounts:login")
    response = client.post(login, {"username": focal_point_a.username, "password": persona_password}, follow=True)
    assert response.redirect_chain[-1][0] == DESK and "Report of Switzerland" in response.content.decode()
    client.logout()
    response = client.post(
        f"{login}?next=/reporting/", {"username": focal_point_a.username, "password": persona_password}
    )
    assert response["Location"] == "/reporting/"


def test_the_cycle_page_flags_reports_not_submitted_by_the_deadline(
    cycle, open_round, report_a, bring, client_as, secretariat
):
    bring(report_a, "submitted")  # now: long after the 2002 deadline
    client = client_as(secretariat)
    past = text_of(client, f"/reporting/{cycle.pk}/?status=submitted")
    assert 'Submitted <span class="flag flag--late">late</span>' in past
    assert "flag--late" in text_of(client, f"/reporting/{cycle.pk}/?status=not_started")
    assert "flag--late" not in text_of(client, f"/reporting/{open_round.pk}/")
