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


# Assignments and updates of a report's status, also when a call spans several lines.
CALLS = r"(?:\s*\.\s*\w+\((?:[^()]|\([^()]*\))*\))*"  # .filter(...).exclude(...) ...
STATUS_SETTER = re.compile(
    r"report\w*\.status\s*=(?!=)"  # report.status = ...
    rf"|Report\.objects{CALLS}\s*\.\s*update\((?:[^()]|\([^()]*\))*\bstatus\s*="  # ....update(status=...)
    r"|Report(?:\.objects\.create)?\((?:[^()]|\([^()]*\))*\bstatus\s*=(?!\s*(?:workflow\.DRAFT|\"draft\"))"  # not draft
)


def status_setters(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for match in STATUS_SETTER.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(package).as_posix()}:{line}: {' '.join(match.group(0).split())}")
    return found


def test_the_status_scan_sees_a_setter_written_over_several_lines(tmp_path):
    (tmp_path / "elsewhere.py").write_text(
        "Report.objects.filter(\n    pk=1,\n).update(\n    status='published',\n)\n", encoding="utf-8"
    )
    assert status_setters(tmp_path) == ["elsewhere.py:1: Report.objects.filter( pk=1, ).update( status="]


def test_no_code_but_apply_transition_sets_a_reports_status():
    import viennaplan

    package = Path(viennaplan.__file__).resolve().parent
    assert len(list(package.rglob("*.py"))) > 100, f"the scan found almost no source under {package}"
    setters = status_setters(package)
    # The scan works: it finds the setters of transitions.py itself ...
    assert [s for s in setters if s.startswith("reporting/transitions.py:")], setters
    # ... and nowhere else (a national firearms report's status has its own one setter, its transitions)
    own = ("reporting/transitions.py:", "knowledge/firearms/transitions.py:")
    assert [s for s in setters if not s.startswith(own)] == []
