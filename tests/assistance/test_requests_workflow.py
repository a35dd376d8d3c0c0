"""The path of a request in plain Python: every legal move and every illegal one."""

from __future__ import annotations

from itertools import product

import pytest

from viennaplan.assistance import workflow

LEGAL = {
    ("received", "assess"): "assessed",
    ("assessed", "await"): "awaiting_resources",
    ("awaiting_resources", "fund"): "funded",
    ("funded", "deliver"): "in_delivery",
    ("in_delivery", "complete"): "delivered",
    ("delivered", "close"): "closed",
    ("received", "decline"): "declined",
    ("assessed", "decline"): "declined",
    ("awaiting_resources", "decline"): "declined",
}


def test_every_legal_move_reaches_its_status():
    for (status, name), target in LEGAL.items():
        assert workflow.transition(status, name, "a reason") == target


def test_every_other_move_is_refused_naming_the_moves_possible():
    for status, name in product(workflow.STATUSES, workflow.TRANSITIONS):
        if (status, name) in LEGAL:
            continue
        with pytest.raises(workflow.TransitionError) as refused:
            workflow.transition(status, name, "a reason")
        message = str(refused.value)
        possible = workflow.available_from(status)
        if possible:
            assert all(repr(t.name) in message for t in possible), message
        else:
            assert "final" in message


def test_closed_and_declined_are_final():
    assert workflow.available_from("closed") == [] and workflow.available_from("declined") == []


def test_a_decline_needs_a_reason():
    for status in ("received", "assessed", "awaiting_resources"):
        with pytest.raises(workflow.TransitionError, match="reason"):
            workflow.transition(status, "decline", "   ")


def test_unknown_status_and_transition_are_refused_naming_the_known_ones():
    with pytest.raises(workflow.TransitionError, match="assess, await"):
        workflow.transition("received", "approve")
    with pytest.raises(workflow.TransitionError, match="received, assessed"):
        workflow.transition("pending", "assess")


def test_every_transition_asks_for_assistance_move_and_has_a_label():
    for move in workflow.TRANSITIONS.values():
        assert workflow.permission_for(move.name) == "assistance.move"
        assert str(move.label)
