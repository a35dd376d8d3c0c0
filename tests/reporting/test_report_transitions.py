"""Moving a report: `apply_transition` checks the workflow and the permission, records a typed
event (who, when, from, to, comment) and is the only code that sets a report's status."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied

from viennaplan.reporting.models import ReportEvent
from viennaplan.reporting.signals import report_transitioned
from viennaplan.reporting.transitions import apply_transition
from viennaplan.reporting.workflow import TransitionError


def test_a_full_cycle_records_one_event_per_move_with_user_and_comment(report_a, focal_point_a, reviewer, secretariat):
    apply_transition(focal_point_a, report_a, "submit")
    apply_transition(reviewer, report_a, "return", "Say which law implements 57(k).")
    apply_transition(focal_point_a, report_a, "resubmit", "Added the law of 2001.")
    apply_transition(reviewer, report_a, "validate")
    apply_transition(secretariat, report_a, "publish")
    events = list(ReportEvent.objects.filter(report=report_a))
    assert [(e.transition, e.from_status, e.to_status, e.user) for e in events] == [
        ("submit", "draft", "submitted", focal_point_a),
        ("return", "submitted", "returned", reviewer),
        ("resubmit", "returned", "submitted", focal_point_a),
        ("validate", "submitted", "validated", reviewer),
        ("publish", "validated", "published", secretariat),
    ]
    assert events[1].comment == "Say which law implements 57(k)." and events[2].comment == "Added the law of 2001."
    assert [e.at for e in events] == sorted(e.at for e in events)
    report_a.refresh_from_db()
    assert report_a.status == "published"
    assert report_a.submitted_at == events[2].at and report_a.first_submitted_at == events[0].at
    assert report_a.validated_at == events[3].at and report_a.published_at == events[4].at


def test_every_state_change_is_kept_in_the_reports_history(report_a, bring):
    bring(report_a, "published")
    statuses = list(report_a.history.order_by("history_date", "history_id").values_list("status", flat=True))
    assert statuses == ["draft", "submitted", "validated", "published"]


def test_an_illegal_move_is_refused_and_records_nothing(report_a, reviewer):
    with pytest.raises(TransitionError, match="draft cannot be moved by 'validate'"):
        apply_transition(reviewer, report_a, "validate")
    report_a.refresh_from_db()
    assert report_a.status == "draft" and not report_a.events.exists()


def test_a_return_without_a_comment_is_refused(report_a, bring, reviewer):
    bring(report_a, "submitted")
    with pytest.raises(TransitionError, match="needs a comment"):
        apply_transition(reviewer, report_a, "return", "")
    assert report_a.events.count() == 1


@pytest.mark.parametrize(
    ("status", "name"), [("submitted", "validate"), ("submitted", "return"), ("validated", "publish")]
)
def test_focal_point_a_cannot_validate_return_or_publish_its_own_report(report_a, bring, focal_point_a, status, name):
    bring(report_a, status)
    with pytest.raises(PermissionDenied):
        apply_transition(focal_point_a, report_a, name, "looks fine")
    report_a.refresh_from_db()
    assert report_a.status == status


def test_focal_point_a_cannot_submit_the_report_of_state_b(report_b, focal_point_a):
    with pytest.raises(PermissionDenied, match="own State"):
        apply_transition(focal_point_a, report_b, "submit")
    report_b.refresh_from_db()
    assert report_b.status == "draft"


@pytest.mark.parametrize(
    ("persona", "status", "name"),
    [
        ("reviewer", "draft", "submit"),
        ("reviewer", "validated", "publish"),
        ("contributor", "submitted", "validate"),
        ("anonymous", "draft", "submit"),
        ("focal_point_b", "submitted", "validate"),
    ],
)
def test_nobody_moves_a_report_without_the_permission(report_a, bring, request, persona, status, name):
    bring(report_a, status)
    with pytest.raises(PermissionDenied):
        apply_transition(request.getfixturevalue(persona), report_a, name, "comment")


def test_a_move_based_on_a_stale_status_is_refused(report_a, focal_point_a, reviewer):
    stale = type(report_a).objects.get(pk=report_a.pk)
    apply_transition(focal_point_a, report_a, "submit")
    apply_transition(reviewer, report_a, "validate")
    stale.status = "submitted"  # what a second reviewer's page still shows
    with pytest.raises(TransitionError, match="moved to validated by someone else"):
        apply_transition(reviewer, stale, "return", "please fix")
    assert report_a.events.count() == 2


def test_a_typed_event_is_sent_after_each_committed_transition(
    report_a, focal_point_a, django_capture_on_commit_callbacks
):
    received = []

    def listen(sender, event, **kwargs):
        received.append(event)

    report_transitioned.connect(listen)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            event = apply_transition(focal_point_a, report_a, "submit")
    finally:
        report_transitioned.disconnect(listen)
    assert received == [event] and isinstance(received[0], ReportEvent)


def test_no_code_but_apply_transition_sets_a_reports_status():
    package = Path(__file__).resolve().parents[2] / "src" / "viennaplan"
    setter = re.compile(
        r"report\w*\.status\s*=(?!=)"  # report.status = ...
        r"|Report\.objects.*\.update\(.*\bstatus="  # Report.objects.filter(...).update(status=...)
        r"|Report(\.objects\.create)?\(.*\bstatus=(?!workflow\.DRAFT|\"draft\")"  # created in any status but draft
    )
    offenders = []
    for path in package.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if setter.search(line):
                offenders.append(f"{path.relative_to(package)}:{number}: {line.strip()}")
    allowed = {"reporting/transitions.py"}
    assert [o for o in offenders if o.split(":")[0] not in allowed] == []
