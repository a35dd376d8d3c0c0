"""A national firearms report moves through the national reports' workflow and rights, and only through
`transitions.apply_transition`: every move by every persona (the focal point of the report's State and of
another State, the reviewer, the Secretariat, the public), the full path to publication, a return and a
resubmission, each move recorded as an event and in history."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from viennaplan.knowledge.firearms.models import FirearmsReport
from viennaplan.knowledge.firearms.transitions import apply_transition
from viennaplan.reporting.workflow import TransitionError

pytestmark = pytest.mark.django_db

PERSONAS = ("focal_point_a", "focal_point_b", "reviewer", "secretariat", "contributor", "anonymous")
# (move, the status it starts from) -> the personas who may make it on CHE's report
ALLOWED = {
    ("submit", "draft"): {"focal_point_a", "secretariat"},
    ("resubmit", "returned"): {"focal_point_a", "secretariat"},
    ("return", "submitted"): {"reviewer", "secretariat"},
    ("validate", "submitted"): {"reviewer", "secretariat"},
    ("publish", "validated"): {"secretariat"},
}
TARGET = {
    "submit": "submitted",
    "resubmit": "submitted",
    "return": "returned",
    "validate": "validated",
    "publish": "published",
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("move", "source"), list(ALLOWED))
def test_who_may_make_each_move(request, report_in, persona, move, source):
    user = request.getfixturevalue(persona)
    report = report_in(source)
    if persona in ALLOWED[(move, source)]:
        event = apply_transition(user, report, move, comment="Please give the number destroyed.")
        assert FirearmsReport.objects.get(pk=report.pk).status == TARGET[move]
        assert (event.transition, event.from_status, event.to_status, event.user) == (move, source, TARGET[move], user)
    else:
        with pytest.raises(PermissionDenied):
            apply_transition(user, report, move, comment="Please give the number destroyed.")
        assert FirearmsReport.objects.get(pk=report.pk).status == source
        assert not report.events.exists()


@pytest.mark.parametrize(
    ("move", "source"),
    [
        ("submit", "submitted"),
        ("validate", "draft"),
        ("publish", "submitted"),
        ("resubmit", "draft"),
        ("return", "published"),
    ],
)
def test_a_move_that_does_not_start_from_the_status_is_refused_whoever_asks(secretariat, report_in, move, source):
    report = report_in(source)
    with pytest.raises(TransitionError, match="cannot be moved by"):
        apply_transition(secretariat, report, move, comment="x")
    assert FirearmsReport.objects.get(pk=report.pk).status == source


def test_a_return_needs_a_comment(reviewer, report_in):
    report = report_in("submitted")
    with pytest.raises(TransitionError, match="needs a comment"):
        apply_transition(reviewer, report, "return", comment="  ")
    assert FirearmsReport.objects.get(pk=report.pk).status == "submitted"


def test_an_unknown_move_is_named(secretariat, report_in):
    with pytest.raises(TransitionError, match="There is no transition 'approve'"):
        apply_transition(secretariat, report_in("submitted"), "approve")


def test_a_report_moved_meanwhile_is_not_moved_again(reviewer, report_in):
    report = report_in("submitted")
    stale = FirearmsReport.objects.get(pk=report.pk)
    apply_transition(reviewer, report, "validate")
    with pytest.raises(TransitionError, match="by someone else meanwhile"):
        apply_transition(reviewer, stale, "return", comment="Too late.")
    assert FirearmsReport.objects.get(pk=report.pk).status == "validated"


def test_the_full_path_create_submit_validate_publish(focal_point_a, reviewer, secretariat, report_in):
    report = report_in("draft")
    apply_transition(focal_point_a, report, "submit")
    apply_transition(reviewer, report, "validate", comment="Complete.")
    apply_transition(secretariat, report, "publish")
    report.refresh_from_db()
    assert report.status == "published"
    assert report.submitted_at and report.validated_at and report.published_at
    assert [(e.transition, e.user) for e in report.events.all()] == [
        ("submit", focal_point_a),
        ("validate", reviewer),
        ("publish", secretariat),
    ]
    assert [(h.status, h.history_change_reason, h.history_user) for h in report.history.order_by("history_id")] == [
        ("draft", None, None),
        ("submitted", "submit", focal_point_a),
        ("validated", "validate", reviewer),
        ("published", "publish", secretariat),
    ]


def test_a_returned_report_is_resubmitted_then_validated(focal_point_a, reviewer, report_in):
    report = report_in("draft")
    apply_transition(focal_point_a, report, "submit")
    apply_transition(reviewer, report, "return", comment="  Give the number of firearms destroyed.  ")
    assert report.status == "returned" and report.is_editable
    assert report.events.last().comment == "Give the number of firearms destroyed."
    apply_transition(focal_point_a, report, "resubmit")
    apply_transition(reviewer, report, "validate")
    assert [e.transition for e in report.events.all()] == ["submit", "return", "resubmit", "validate"]
    assert FirearmsReport.objects.get(pk=report.pk).status == "validated"
