"""The national firearms reports on the site: a focal point starts and edits its own State's report (draft
or returned) and submits it, a reviewer validates or returns it with a comment, the Secretariat publishes
it; the public sees published reports only, and a report one may not see answers 404 like one that does
not exist; the JSON twins read the same and move reports through the same rules."""

from __future__ import annotations

import re

import pytest

from viennaplan.knowledge.firearms.models import FirearmsReport

pytestmark = pytest.mark.django_db

REPORTS = "/knowledge/firearms/reports"
CHE_2003 = f"{REPORTS}/CHE/2003"
API = "/api/knowledge/firearms/reports"
FORM = {
    "offences": "12",
    "offenders": "9",
    "nature_of_offences": "Mostly trafficking of handguns.",
    "marking_offences": "2",
    "licensing_violations": "5",
    "investigations": "30",
    "enforcement_activity": "Joint operations of police and customs.",
    "firearms_confiscated": "40",
    "firearms_destroyed": "35",
    "firearms_otherwise_disposed": "",
    "disposal": "Destroyed by smelting.",
    "tracing_methods": "Serial numbers and the national register.",
    "licensing_regimes": "A licence for each import, export and transit.",
    "border_controls": "X-ray of freight at the borders.",
    "results": "Fewer seizures at the border.",
}


def listed(response) -> list[str]:
    assert response.status_code == 200, response.content[:500]
    return re.findall(r'<li id="report-([A-Z]{3}-\d{4})"', response.content.decode())


def test_a_focal_point_submits_the_report_and_a_reviewer_validates_it(client_as, focal_point_a, reviewer, secretariat):
    focal = client_as(focal_point_a)
    form = focal.get(f"{REPORTS}/new")
    assert form.status_code == 200 and 'value="CHE"' in form.content.decode()
    created = focal.post(f"{REPORTS}/new", {**FORM, "state": "CHE", "year": "2003"})
    assert created.status_code == 302 and created.headers["Location"] == CHE_2003
    report = FirearmsReport.objects.get(state="CHE", year=2003)
    assert (report.status, report.offences, report.firearms_otherwise_disposed) == ("draft", 12, None)
    assert report.history.get().history_user == focal_point_a
    page = focal.get(CHE_2003).content.decode()
    assert (
        'id="move-submit"' in page and 'id="edit-link"' in page and "Serial numbers and the national register." in page
    )
    assert focal.post(f"{CHE_2003}/move", {"transition": "submit"}).status_code == 302

    review = client_as(reviewer)
    assert listed(review.get(REPORTS)) == ["CHE-2003"]
    page = review.get(CHE_2003).content.decode()
    assert 'id="move-validate"' in page and 'id="move-return"' in page and 'id="edit-link"' not in page
    assert review.post(f"{CHE_2003}/move", {"transition": "validate", "comment": "Complete."}).status_code == 302
    assert FirearmsReport.objects.get(pk=report.pk).status == "validated"

    assert client_as(secretariat).post(f"{CHE_2003}/move", {"transition": "publish"}).status_code == 302
    public = client_as(None).get(CHE_2003).content.decode()
    assert 'data-status="published"' in public and "Destroyed by smelting." in public
    assert [t for t in re.findall(r'data-transition="(\w+)"', public)] == ["submit", "validate", "publish"]


def test_a_return_with_its_comment_and_the_resubmission(client_as, focal_point_a, reviewer, report_in):
    report_in("submitted")
    review = client_as(reviewer)
    refused = review.post(f"{CHE_2003}/move", {"transition": "return", "comment": ""})
    assert refused.status_code == 400 and "needs a comment" in refused.content.decode()
    review.post(f"{CHE_2003}/move", {"transition": "return", "comment": "Give the number destroyed."})
    focal = client_as(focal_point_a)
    page = focal.get(CHE_2003).content.decode()
    assert "Give the number destroyed." in page and 'id="move-resubmit"' in page
    assert focal.post(f"{CHE_2003}/edit", {**FORM, "firearms_destroyed": "38"}).status_code == 302
    assert focal.post(f"{CHE_2003}/move", {"transition": "resubmit"}).status_code == 302
    report = FirearmsReport.objects.get(state="CHE", year=2003)
    assert (report.status, report.firearms_destroyed) == ("submitted", 38)
    history = focal.get(CHE_2003).content.decode()
    assert "Confiscated firearms destroyed" in history  # the field the edit changed, in the history


@pytest.mark.parametrize(
    ("persona", "status", "seen"),
    [
        ("focal_point_a", "draft", True),
        ("focal_point_b", "draft", False),
        ("focal_point_b", "submitted", False),
        ("focal_point_b", "published", True),
        ("reviewer", "draft", False),
        ("reviewer", "submitted", True),
        ("reviewer", "returned", True),
        ("secretariat", "draft", True),
        ("contributor", "validated", False),
        ("anonymous", "validated", False),
        ("anonymous", "published", True),
    ],
)
def test_who_sees_a_report_and_the_rest_get_404_alike(request, client_as, report_in, persona, status, seen):
    client = client_as(request.getfixturevalue(persona))
    report_in(status)
    for url in (CHE_2003, f"{API}/CHE/2003"):
        response = client.get(url)
        assert response.status_code == (200 if seen else 404)
    assert listed(client.get(REPORTS)) == (["CHE-2003"] if seen else [])
    assert client.get(f"{API}").json()["count"] == (1 if seen else 0)
    assert client.get(f"{REPORTS}/CHE/1999").status_code == 404  # the same answer as a report not seen
    assert client.get(f"{API}/CHE/{10**20}").status_code == 404  # a year no report can have


@pytest.mark.parametrize(
    ("persona", "status", "code"),
    [
        ("focal_point_a", "draft", 200),
        ("focal_point_a", "returned", 200),
        ("focal_point_a", "submitted", 403),
        ("focal_point_a", "published", 403),
        ("focal_point_b", "draft", 404),
        ("reviewer", "submitted", 403),
        ("secretariat", "draft", 200),
        ("anonymous", "published", 403),
    ],
)
def test_only_the_own_focal_point_or_the_secretariat_edits_a_draft_or_returned_report(
    request, client_as, report_in, persona, status, code
):
    client = client_as(request.getfixturevalue(persona))
    report_in(status)
    assert client.get(f"{CHE_2003}/edit").status_code == code
    response = client.post(f"{CHE_2003}/edit", {**FORM, "offences": "99"})
    assert response.status_code == (302 if code == 200 else code)
    assert FirearmsReport.objects.get(state="CHE", year=2003).offences == (99 if code == 200 else 12)


def test_a_focal_point_may_not_move_another_state_s_report_or_make_a_reviewer_s_move(
    client_as, focal_point_a, focal_point_b, report_in
):
    report_in("draft")
    assert client_as(focal_point_b).post(f"{CHE_2003}/move", {"transition": "submit"}).status_code == 404
    report_in("submitted", state="FRA")
    assert client_as(focal_point_b).post(f"{REPORTS}/FRA/2003/move", {"transition": "validate"}).status_code == 403
    assert FirearmsReport.objects.get(state="FRA").status == "submitted"
    assert client_as(focal_point_a).get(f"{CHE_2003}/move").status_code == 405


def test_the_form_refuses_negative_counts_and_a_second_report_of_the_year(client_as, focal_point_a, report_in):
    focal = client_as(focal_point_a)
    refused = focal.post(f"{REPORTS}/new", {**FORM, "state": "CHE", "year": "2004", "offences": "-1"})
    assert refused.status_code == 400 and 'id="error-offences"' in refused.content.decode()
    assert "cannot be negative" in refused.content.decode()
    report_in("draft")
    again = focal.post(f"{REPORTS}/new", {**FORM, "state": "CHE", "year": "2003"})
    assert again.status_code == 400 and "CHE already has a report for 2003." in again.content.decode()
    other = focal.post(f"{REPORTS}/new", {**FORM, "state": "FRA", "year": "2005"})  # not a choice for CHE's focal point
    assert other.status_code == 400 and not FirearmsReport.objects.filter(state="FRA").exists()
    assert FirearmsReport.objects.count() == 1


def test_only_focal_points_and_the_secretariat_start_reports(client_as, reviewer, anonymous, secretariat):
    assert client_as(reviewer).get(f"{REPORTS}/new").status_code == 403
    assert client_as(anonymous).get(f"{REPORTS}/new").status_code == 403
    assert 'href="/knowledge/firearms/reports/new"' not in client_as(reviewer).get(REPORTS).content.decode()
    made = client_as(secretariat).post(f"{REPORTS}/new", {**FORM, "state": "FRA", "year": "2004"})
    assert made.status_code == 302 and FirearmsReport.objects.get().state_id == "FRA"


def test_the_list_filters_and_a_bad_filter(client_as, secretariat, report_in):
    report_in("draft")
    report_in("published", year=2004)
    report_in("submitted", state="FRA")
    client = client_as(secretariat)
    assert listed(client.get(f"{REPORTS}?status=published")) == ["CHE-2004"]
    assert listed(client.get(f"{REPORTS}?state=fra")) == ["FRA-2003"]
    assert listed(client.get(f"{REPORTS}?year=2003")) == ["CHE-2003", "FRA-2003"]
    assert client.get(f"{REPORTS}?status=approved").status_code == 400
    assert client.get(f"{API}?status=approved").status_code == 422


def test_the_json_twin_of_a_report_and_moves_through_the_api(client_as, focal_point_a, reviewer, report_in):
    report_in("draft")
    focal = client_as(focal_point_a)
    shown = focal.get(f"{API}/CHE/2003").json()
    assert shown["fields"]["offences"] == 12 and shown["fields"]["tracing_methods"] == "Serial numbers."
    assert shown["can_edit"] is True and shown["transitions"] == ["submit"] and shown["events"] == []
    moved = focal.post(f"{API}/CHE/2003/transitions/submit", {"comment": ""}, content_type="application/json")
    assert moved.status_code == 201 and moved.json()["to_status"] == "submitted"
    again = focal.post(f"{API}/CHE/2003/transitions/submit", {}, content_type="application/json")
    assert again.status_code == 409
    review = client_as(reviewer)
    assert review.post(f"{API}/CHE/2003/transitions/return", {}, content_type="application/json").status_code == 409
    returned = review.post(f"{API}/CHE/2003/transitions/return", {"comment": "More."}, content_type="application/json")
    assert returned.status_code == 201
    assert review.post(f"{API}/CHE/2003/transitions/resubmit", {}, content_type="application/json").status_code == 403
    assert (
        client_as(None).post(f"{API}/CHE/2003/transitions/resubmit", {}, content_type="application/json").status_code
        == 401
    )
    assert [e["transition"] for e in focal.get(f"{API}/CHE/2003").json()["events"]] == ["submit", "return"]
