"""The report workflow as plain data: every legal move, every illegal one, and the reasons."""

from __future__ import annotations

import itertools

import pytest

from viennaplan.reporting import workflow
from viennaplan.reporting.workflow import TransitionError, transition

LEGAL = {
    ("draft", "submit"): "submitted",
    ("submitted", "return"): "returned",
    ("returned", "resubmit"): "submitted",
    ("submitted", "validate"): "validated",
    ("validated", "publish"): "published",
}
ILLEGAL = [pair for pair in itertools.product(workflow.STATUSES, workflow.TRANSITIONS) if pair not in LEGAL]


@pytest.mark.parametrize(("status", "name"), list(LEGAL))
def test_every_legal_move_reaches_its_status(status, name):
    comment = "fix 57(k)" if name == "return" else ""
    assert transition(status, name, comment) == LEGAL[(status, name)]


@pytest.mark.parametrize(("status", "name"), ILLEGAL)
def test_every_other_move_is_refused_with_a_message_naming_status_and_move(status, name):
    with pytest.raises(TransitionError) as refused:
        transition(status, name, "a comment")
    message = str(refused.value)
    assert status in message and repr(name) in message


def test_there_are_exactly_five_legal_moves_among_twenty_five_pairs():
    assert len(LEGAL) == 5 and len(ILLEGAL) == 20


def test_a_refusal_says_which_moves_are_possible_instead():
    with pytest.raises(TransitionError, match="can only 'return' or 'validate'"):
        transition("submitted", "publish")


def test_a_published_report_is_final():
    with pytest.raises(TransitionError, match="final"):
        transition("published", "return", "too late")
    assert workflow.available_from("published") == []


def test_returning_a_report_needs_a_comment():
    with pytest.raises(TransitionError, match="needs a comment"):
        transition("submitted", "return", "   ")


def test_an_unknown_transition_is_refused_naming_the_known_ones():
    with pytest.raises(TransitionError, match="submit, return, resubmit, validate, publish"):
        transition("draft", "approve")


def test_an_unknown_status_is_refused():
    with pytest.raises(TransitionError, match="not a report status"):
        transition("lost", "submit")


def test_each_transition_asks_for_its_own_permission():
    assert {name: workflow.permission_for(name) for name in workflow.TRANSITIONS} == {
        "submit": "report.submit",
        "return": "report.return",
        "resubmit": "report.resubmit",
        "validate": "report.validate",
        "publish": "report.publish",
    }


def test_answers_can_be_changed_only_in_draft_and_returned():
    assert [s for s in workflow.STATUSES if workflow.is_editable(s)] == ["draft", "returned"]


def test_every_status_is_reachable_from_draft():
    reached = {"draft"}
    for _ in workflow.STATUSES:
        reached |= {t.target for t in workflow.TRANSITIONS.values() if t.source in reached}
    assert reached == set(workflow.STATUSES)


def test_the_permission_table_and_the_workflow_name_the_same_statuses():
    from viennaplan.accounts import permissions
    from viennaplan.reporting import workflow

    assert permissions.REPORT_STATUSES == workflow.STATUSES
    assert permissions.EDITABLE["status"] == workflow.EDITABLE_STATUSES
