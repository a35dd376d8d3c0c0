"""Comments from civil society on a State's published report: a contributor sends one, the
Secretariat approves or rejects it, and only approved ones show to everyone (pages and API)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from reporting_access_table import (
    API_CONTRIBUTE,
    API_LIST_CONTRIBUTIONS,
    API_MODERATE,
    READ_REPORT,
    WEB_CONTRIBUTE,
    WEB_MODERATE,
    WEB_MODERATION_PAGE,
    attempt,
)

from viennaplan.reporting.contributions import (
    ContributionNotNow,
    InvalidContribution,
    moderate_contribution,
    submit_contribution,
    visible_contributions,
)
from viennaplan.reporting.models import Contribution, Report

API = "/api/reporting"
TEXT = "The firearms law of 2001 is not yet applied in every canton."
THANKS = "Thank you: your comment will show once the Secretariat has reviewed it"
UNPUBLISHED = ["draft", "submitted", "returned", "validated"]


@pytest.fixture
def other_contributor(db):
    from viennaplan.accounts.invitations import create_account

    user = create_account(email="ngo@example.org", role="contributor", organisation="Another NGO")
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


@pytest.fixture
def published(report_a, bring) -> Report:
    return bring(report_a, "published")


@pytest.fixture
def pending(published, contributor) -> Contribution:
    return submit_contribution(contributor, published, TEXT)


def send(client: Any, url: str, body: dict) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def page_of(client: Any, report: Report) -> str:
    return client.get(report.get_absolute_url()).content.decode()


def api_list(report: Report) -> str:
    return f"{API}/reports/{report.cycle_id}/{report.state_id}/contributions"


# -- the story ------------------------------------------------------------------------------------


def test_a_contributor_comments_on_a_published_report_and_it_waits_for_review(
    published, client_as, contributor, anonymous
):
    client = client_as(contributor)
    assert "Your comment on this report" in page_of(client, published)
    response = client.post(f"{published.get_absolute_url()}contributions", {"text": TEXT})
    assert response.status_code == 302 and response["Location"].endswith("#contributions")
    saved = Contribution.objects.get()
    assert (saved.status, saved.author, saved.organisation, saved.report) == (
        "pending",
        contributor,
        "Penal Reform Watch",
        published,
    )
    own_page = client.get(response["Location"]).content.decode()
    assert THANKS in own_page and TEXT in own_page and "Waiting for review" in own_page
    public_page = page_of(client_as(anonymous), published)
    assert TEXT not in public_page and "No comment from civil society has been published" in public_page
    assert client_as(anonymous).get(api_list(published)).json() == []


@pytest.mark.parametrize("persona", ["anonymous", "reviewer", "focal_point_a", "focal_point_b", "other_contributor"])
def test_once_the_secretariat_approves_a_comment_everyone_sees_it(request, pending, client_as, secretariat, persona):
    queue = client_as(secretariat).get("/reporting/contributions/").content.decode()
    assert TEXT in queue and "Waiting for review (1)" in queue
    response = client_as(secretariat).post(f"/reporting/contributions/{pending.pk}/moderation", {"decision": "approve"})
    assert response.status_code == 302 and response["Location"] == "/reporting/contributions/"
    pending.refresh_from_db()
    assert (pending.status, pending.moderated_by) == ("approved", secretariat) and pending.moderated_at
    client = client_as(request.getfixturevalue(persona))
    page = page_of(client, pending.report)
    assert TEXT in page and "Penal Reform Watch" in page and "Waiting for review" not in page
    shown = client.get(api_list(pending.report)).json()
    assert [(c["text"], c["organisation"], c["status"]) for c in shown] == [(TEXT, "Penal Reform Watch", "approved")]
    assert shown[0]["author"] is None and shown[0]["moderation_note"] is None  # who wrote it is not public


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("contributor", True),
        ("secretariat", True),
        ("anonymous", False),
        ("reviewer", False),
        ("focal_point_a", False),
        ("other_contributor", False),
    ],
)
def test_a_rejected_comment_shows_only_to_its_author_and_the_secretariat(
    request, pending, client_as, secretariat, persona, sees
):
    moderate_contribution(secretariat, pending, "reject", note="It is about another State.")
    user = request.getfixturevalue(persona)
    client = client_as(user)
    page = page_of(client, pending.report)
    assert (TEXT in page, "It is about another State." in page) == (sees, sees)
    assert [c["status"] for c in client.get(api_list(pending.report)).json()] == (["rejected"] if sees else [])
    assert list(visible_contributions(user, pending.report)) == ([pending] if sees else [])


def test_a_pending_comment_is_hidden_from_other_contributors(pending, other_contributor, client_as):
    assert TEXT not in page_of(client_as(other_contributor), pending.report)
    assert not visible_contributions(other_contributor, pending.report).exists()


def test_the_cycles_page_links_the_moderation_page_for_the_secretariat_only(pending, clients):
    for persona, client in clients.items():
        page = client.get("/reporting/").content.decode()
        assert ('href="/reporting/contributions/"' in page) == (persona == "secretariat")
        if persona == "secretariat":
            assert "1 waiting for review" in page


def test_a_comments_text_is_shown_as_text_not_markup(published, contributor, secretariat, client_as, anonymous):
    contribution = submit_contribution(contributor, published, "<script>alert('x')</script>")
    moderate_contribution(secretariat, contribution, "approve")
    page = page_of(client_as(anonymous), published)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_contributions_keep_their_history(pending, secretariat, contributor):
    moderate_contribution(secretariat, pending, "approve", note="Thank you.")
    rows = list(pending.history.order_by("history_date").values_list("status", "history_user"))
    assert rows == [("pending", contributor.pk), ("approved", secretariat.pk)]


# -- who may: the access table ------------------------------------------------------------------


@pytest.mark.parametrize("status", list(WEB_CONTRIBUTE))
def test_commenting_as_civil_society_on_state_as_report_by_status(report_a, bring, clients, status):
    bring(report_a, status)
    url = f"/reporting/{report_a.cycle_id}/CHE/contributions"
    assert attempt(clients, lambda c: c.post(url, {"text": TEXT})) == WEB_CONTRIBUTE[status]
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("status", list(API_CONTRIBUTE))
def test_commenting_as_civil_society_through_the_api_by_status(report_a, bring, clients, status):
    bring(report_a, status)
    url = f"{API}/reports/{report_a.cycle_id}/CHE/contributions"
    assert attempt(clients, lambda c: send(c, url, {"text": TEXT})) == API_CONTRIBUTE[status]
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("status", list(READ_REPORT))
def test_reading_the_comments_of_state_as_report_through_the_api_by_status(report_a, bring, clients, status):
    bring(report_a, status)
    assert attempt(clients, lambda c: c.get(api_list(report_a))) == READ_REPORT[status]


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_contributors_cannot_comment_on_unpublished_reports(report_a, bring, client_as, contributor, status):
    bring(report_a, status)
    client = client_as(contributor)
    assert client.get(report_a.get_absolute_url()).status_code == 404  # they cannot see it
    assert client.post(f"{report_a.get_absolute_url()}contributions", {"text": TEXT}).status_code == 404
    assert send(client, api_list(report_a), {"text": TEXT}).status_code == 404
    with pytest.raises(PermissionDenied, match="only when its status is published"):
        submit_contribution(contributor, report_a, TEXT)
    assert not Contribution.objects.exists()


def test_the_secretariat_may_not_comment_on_an_unpublished_report_either(report_a, secretariat):
    with pytest.raises(ContributionNotNow, match="published reports only"):
        submit_contribution(secretariat, report_a, TEXT)


@pytest.mark.parametrize("persona", ["focal_point_a", "focal_point_b", "reviewer", "anonymous"])
def test_focal_points_reviewers_and_the_public_cannot_comment(request, published, persona):
    with pytest.raises(PermissionDenied, match="may not submit a contribution"):
        submit_contribution(request.getfixturevalue(persona), published, TEXT)
    assert not Contribution.objects.exists()


def test_the_moderation_page_is_for_the_secretariat_only(pending, clients):
    assert attempt(clients, lambda c: c.get("/reporting/contributions/")) == WEB_MODERATION_PAGE
    assert clients["anonymous"].get("/reporting/contributions/")["Location"].startswith("/accounts/login/")


def test_only_the_secretariat_moderates_on_the_web(pending, clients):
    url = f"/reporting/contributions/{pending.pk}/moderation"
    assert attempt(clients, lambda c: c.post(url, {"decision": "approve"})) == WEB_MODERATE
    assert Contribution.objects.get().status == "pending"


def test_only_the_secretariat_lists_and_moderates_through_the_api(pending, clients):
    assert attempt(clients, lambda c: c.get(f"{API}/contributions?status=pending")) == API_LIST_CONTRIBUTIONS
    url = f"{API}/contributions/{pending.pk}/moderation"
    assert attempt(clients, lambda c: send(c, url, {"decision": "approve"})) == API_MODERATE
    assert Contribution.objects.get().status == "pending"


@pytest.mark.parametrize("persona", ["focal_point_a", "reviewer", "contributor", "anonymous"])
def test_only_the_secretariat_moderates(request, pending, persona):
    with pytest.raises(PermissionDenied, match="may not moderate contributions"):
        moderate_contribution(request.getfixturevalue(persona), pending, "approve")
    assert Contribution.objects.get().status == "pending"


def test_the_api_writes_need_the_csrf_token_of_the_session(published, contributor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(contributor)
    assert send(client, api_list(published), {"text": TEXT}).status_code == 403
    assert not Contribution.objects.exists()


# -- the API's twins ------------------------------------------------------------------------------


def test_through_the_api_a_contributor_comments_and_the_secretariat_approves(
    published, client_as, contributor, secretariat, anonymous
):
    sent = send(client_as(contributor), api_list(published), {"text": TEXT})
    body = sent.json()
    assert sent.status_code == 201 and body["status"] == "pending" and body["author"] == "Cleo"
    assert client_as(anonymous).get(api_list(published)).json() == []
    queue = client_as(secretariat).get(f"{API}/contributions?status=pending").json()
    assert [c["id"] for c in queue] == [body["id"]] and queue[0]["state"] == "CHE"
    moderated = send(client_as(secretariat), f"{API}/contributions/{body['id']}/moderation", {"decision": "approve"})
    assert moderated.status_code == 200 and moderated.json()["status"] == "approved"
    assert [c["text"] for c in client_as(anonymous).get(api_list(published)).json()] == [TEXT]
    assert client_as(secretariat).get(f"{API}/contributions?status=pending").json() == []


def test_the_moderation_queue_puts_pending_comments_first(published, contributor, secretariat, client_as):
    first = submit_contribution(contributor, published, "First.")
    second = submit_contribution(contributor, published, "Second.")
    third = submit_contribution(contributor, published, "Third.")
    moderate_contribution(secretariat, first, "approve")
    ids = [c["id"] for c in client_as(secretariat).get(f"{API}/contributions").json()]
    assert ids == [second.pk, third.pk, first.pk]
    bad = client_as(secretariat).get(f"{API}/contributions?status=maybe")
    assert bad.status_code == 400 and "pending, approved, rejected" in bad.json()["detail"]


def test_a_comment_is_moderated_once(pending, secretariat, client_as):
    moderate_contribution(secretariat, pending, "approve")
    with pytest.raises(ContributionNotNow, match="already approved"):
        moderate_contribution(secretariat, pending, "reject")
    client = client_as(secretariat)
    web = client.post(f"/reporting/contributions/{pending.pk}/moderation", {"decision": "reject"})
    assert web.status_code == 409 and "already approved" in web.content.decode()
    api = send(client, f"{API}/contributions/{pending.pk}/moderation", {"decision": "reject"})
    assert api.status_code == 409 and "already approved" in api.json()["detail"]
    assert Contribution.objects.get().status == "approved"


def test_an_unknown_decision_is_refused(pending, secretariat, client_as):
    client = client_as(secretariat)
    web = client.post(f"/reporting/contributions/{pending.pk}/moderation", {"decision": "publish"})
    assert web.status_code == 400 and "the decisions are approve and reject" in web.content.decode()
    api = send(client, f"{API}/contributions/{pending.pk}/moderation", {"decision": "publish"})
    assert api.status_code == 422 and "the decisions are approve and reject" in api.json()["errors"][0]
    assert client.post("/reporting/contributions/999999/moderation", {"decision": "approve"}).status_code == 404
    assert Contribution.objects.get().status == "pending"


# -- wrong input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The comment is empty"),
        ("  \r\n  ", "The comment is empty"),
        ("x" * 5001, "The comment is 5,001 characters long; at most 5,000 are allowed"),
    ],
    ids=["empty", "blank", "too long"],
)
def test_empty_and_over_long_comments_are_refused_with_a_clear_message(
    published, contributor, client_as, text, message
):
    with pytest.raises(InvalidContribution, match=message):
        submit_contribution(contributor, published, text)
    client = client_as(contributor)
    web = client.post(f"{published.get_absolute_url()}contributions", {"text": text})
    assert web.status_code == 400 and message in web.content.decode()
    if text.strip():
        assert text in web.content.decode()  # the text comes back in the form, nothing is lost
    api = send(client, api_list(published), {"text": text})
    assert api.status_code == 422 and message in api.json()["errors"][0]
    assert not Contribution.objects.exists()


def test_five_thousand_characters_are_accepted_with_line_breaks_counted_once(published, contributor):
    text = ("y" * 99 + "\r\n") * 49 + "y" * 100  # 5,000 characters as a browser counts them, 5,049 as sent
    saved = submit_contribution(contributor, published, text)
    assert len(saved.text) == 5000 and "\r" not in saved.text
