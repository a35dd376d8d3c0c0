"""Moving requests: the workflow, the permission, the stale status, the event, the history; and the
delivery of a project moving the requests it serves."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from request_paths import PATH_TO

from viennaplan.assistance import workflow
from viennaplan.assistance.models import AssistanceRequest, RequestEvent
from viennaplan.assistance.projects import attach_requests, complete_project, create_project, record_output
from viennaplan.assistance.transitions import apply_transition, possible_moves


def test_the_secretariat_brings_a_request_to_every_status_with_an_event_per_move(ta_file, ta_bring, secretariat):
    for status, path in PATH_TO.items():
        request = ta_bring(ta_file(), status)
        request.refresh_from_db()
        assert request.status == status
        events = list(request.events.all())
        assert [e.transition for e in events] == list(path)
        assert all(e.user == secretariat for e in events)
        assert [e.to_status for e in events] == [workflow.transition(e.from_status, e.transition, "x") for e in events]


def test_a_decline_keeps_its_reason_on_the_request_and_in_the_event(ta_request, secretariat):
    event = apply_transition(secretariat, ta_request, "decline", "  Covered by the regional programme. ")
    ta_request.refresh_from_db()
    assert ta_request.status == "declined" and ta_request.decline_reason == "Covered by the regional programme."
    assert event.comment == "Covered by the regional programme."


@pytest.mark.parametrize("persona", ["focal_point_a", "focal_point_b", "reviewer", "contributor", "anonymous"])
def test_only_the_secretariat_moves_a_request(request, persona, ta_request):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        apply_transition(user, ta_request, "assess")
    ta_request.refresh_from_db()
    assert ta_request.status == "received" and not RequestEvent.objects.exists()
    assert possible_moves(user, ta_request) == []


def test_the_secretariat_sees_the_moves_possible_from_the_status(ta_request, secretariat):
    assert [t.name for t in possible_moves(secretariat, ta_request)] == ["assess", "decline"]


def test_an_illegal_move_is_refused_before_the_permission_and_writes_nothing(ta_request, focal_point_a):
    with pytest.raises(workflow.TransitionError, match="'assess' or 'decline'"):
        apply_transition(focal_point_a, ta_request, "fund")
    assert not RequestEvent.objects.exists()


def test_a_request_moved_meanwhile_is_refused(ta_request, secretariat):
    stale = AssistanceRequest.objects.get(pk=ta_request.pk)
    apply_transition(secretariat, ta_request, "assess")
    with pytest.raises(workflow.TransitionError, match="someone else"):
        apply_transition(secretariat, stale, "decline", "Too late.")
    stale.refresh_from_db()
    assert stale.status == "assessed" and RequestEvent.objects.count() == 1


def test_every_move_is_kept_in_history_with_its_user_and_transition(ta_request, ta_bring, secretariat):
    ta_bring(ta_request, "funded")
    rows = list(ta_request.history.order_by("history_date", "history_id"))
    assert [r.status for r in rows] == ["received", "assessed", "awaiting_resources", "funded"]
    assert [r.history_change_reason for r in rows[1:]] == ["assess", "await", "fund"]
    assert all(r.history_user == secretariat for r in rows)


# -- projects ---------------------------------------------------------------------------------


@pytest.fixture
def project(secretariat):
    return create_project(secretariat, title="Firearms marking in West Africa", region="Africa", chapter="VI")


def test_a_project_gets_a_key_and_only_the_secretariat_manages_projects(secretariat, focal_point_a, project):
    assert project.key.startswith("PRJ-") and project.status == "planned"
    second = create_project(secretariat, title="Second", start=date(2003, 2, 1))
    assert second.key == "PRJ-2003-001"
    with pytest.raises(PermissionDenied):
        create_project(focal_point_a, title="Mine")
    with pytest.raises(PermissionDenied):
        record_output(focal_point_a, project, kind="seminar_held", date=date(2003, 5, 6))
    with pytest.raises(ValidationError) as wrong:
        create_project(secretariat, title="Backwards", start=date(2003, 5, 1), end=date(2003, 1, 1))
    assert "end" in wrong.value.message_dict


def test_an_output_starts_the_delivery_of_funded_requests_and_completion_delivers_them(
    ta_file, ta_bring, secretariat, project
):
    funded = ta_bring(ta_file(), "funded")
    waiting = ta_bring(ta_file(), "awaiting_resources")
    other_funded = ta_bring(ta_file("FRA"), "funded")  # not served by the project
    attach_requests(secretariat, project, [funded, waiting])
    record_output(secretariat, project, kind="seminar_held", quantity=1, date=date(2003, 5, 6))
    statuses = dict(AssistanceRequest.objects.values_list("key", "status"))
    assert (statuses[funded.key], statuses[waiting.key], statuses[other_funded.key]) == (
        "in_delivery",
        "awaiting_resources",
        "funded",
    )
    event = funded.events.get(transition="deliver")
    assert event.user == secretariat and project.key in event.comment
    project.refresh_from_db()
    assert project.status == "active" and project.outputs.count() == 1

    late = ta_bring(ta_file(), "funded")
    attach_requests(secretariat, project, [late])
    delivered = complete_project(secretariat, project)
    assert {r.key for r in delivered} == {funded.key, late.key}
    statuses = dict(AssistanceRequest.objects.values_list("key", "status"))
    assert (statuses[funded.key], statuses[late.key], statuses[waiting.key]) == (
        "delivered",
        "delivered",
        "awaiting_resources",
    )
    assert [e.transition for e in late.events.all()][-2:] == ["deliver", "complete"]
    with pytest.raises(ValidationError, match="completed"):
        record_output(secretariat, project, kind="law_drafted", date=date(2003, 9, 1))


def test_a_projects_requests_are_kept_in_its_history(ta_request, secretariat, project):
    attach_requests(secretariat, project, [ta_request])
    assert list(ta_request.projects.all()) == [project]
    assert project.history.count() >= 2
