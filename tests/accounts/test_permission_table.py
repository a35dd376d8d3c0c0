"""The permission table: every persona × action × State of the report × status of the report,
against the expected table written out here (independently of permissions.ACTIONS)."""

from __future__ import annotations

from itertools import product

import pytest
from accounts_fakes import FakeReport

from viennaplan.accounts.permissions import ACTIONS, REPORT_STATUSES, can

PERSONAS = ["secretariat", "focal_point_a", "focal_point_b", "reviewer", "contributor", "anonymous"]
PERSONA_STATE = {"focal_point_a": "CHE", "focal_point_b": "FRA"}
STATES = ["CHE", "FRA"]  # State A and State B
ALL = set(REPORT_STATUSES)


def own(*statuses: str) -> tuple[str, set[str]]:
    """Allowed on reports of the persona's own State in these statuses (all when none named)."""
    return ("own", set(statuses) or ALL)


def anywhere(*statuses: str) -> tuple[str, set[str]]:
    """Allowed on reports of any State in these statuses."""
    return ("any", set(statuses))


# action -> persona kind -> where it is allowed. "everyone" applies to every persona (signed in
# or not). The secretariat may do everything; what is not named is refused everywhere.
EXPECTED: dict[str, dict[str, tuple[str, set[str]]]] = {
    "report.view": {
        "focal_point": own(),
        "reviewer": anywhere("submitted", "returned", "validated", "published"),
        "everyone": anywhere("published"),
    },
    "report.edit": {"focal_point": own("draft", "returned")},
    "report.submit": {"focal_point": own("draft")},
    "report.resubmit": {"focal_point": own("returned")},
    "report.return": {"reviewer": anywhere("submitted")},
    "report.validate": {"reviewer": anywhere("submitted")},
    "report.publish": {},
    "report.comment": {"reviewer": anywhere("submitted", "returned", "validated")},
    "report.download_questionnaire": {"focal_point": own()},
    "report.upload_questionnaire": {"focal_point": own("draft", "returned")},
    "cycle.manage": {},
    "treaty.record": {},
    "international.record": {},
    "indicator.import": {},
    "contribution.submit": {"contributor": anywhere("published")},
    "contribution.moderate": {},
    "target.manage": {},
    # A report is not an invitation (it has no invitee role): see test_invitations for the table.
    "account.invite": {},
    # A report stands for its State here: a focal point asks assistance for their own State.
    "assistance.request": {"focal_point": own()},
    # A report stands for a request of its State here: a focal point reads its own State's requests.
    "assistance.view": {"focal_point": own()},
    "assistance.move": {},
    "project.manage": {},
    # Only on an authority (knowledge.authorities), never on a report: see test_authorities_permission.
    "authority.contacts": {},
}


def kind_of(persona: str) -> str:
    return "focal_point" if persona.startswith("focal_point") else persona


def expected(persona: str, action: str, state: str, status: str) -> bool:
    if persona == "secretariat":
        return True
    rules = [EXPECTED[action].get(kind) for kind in (kind_of(persona), "everyone")]
    for where, statuses in filter(None, rules):
        if (where == "any" or PERSONA_STATE.get(persona) == state) and status in statuses:
            return True
    return False


def test_the_expected_table_names_every_action_and_nothing_else():
    assert set(EXPECTED) == set(ACTIONS)


@pytest.mark.django_db
def test_every_persona_action_state_and_status_is_decided_as_the_table_says(request):
    users = {persona: request.getfixturevalue(persona) for persona in PERSONAS}
    wrong = []
    cases = list(product(PERSONAS, ACTIONS, STATES, REPORT_STATUSES))
    for persona, action, state, status in cases:
        answer = can(users[persona], action, FakeReport(state_id=state, status=status))
        if answer != expected(persona, action, state, status):
            wrong.append(f"{persona} {action} on a {status} report of {state}: got {answer}")
    assert len(cases) == 6 * 23 * 2 * 5
    assert wrong == []


@pytest.mark.django_db
def test_without_an_object_only_the_secretariat_is_allowed_anything(request):
    users = {persona: request.getfixturevalue(persona) for persona in PERSONAS}
    for persona, action in product(PERSONAS, ACTIONS):
        assert can(users[persona], action) is (persona == "secretariat"), (persona, action)


def test_a_focal_point_of_a_never_reads_or_changes_an_unpublished_report_of_b(focal_point_a):
    for status in ("draft", "submitted", "returned", "validated"):
        report = FakeReport("FRA", status)
        for action in [a for a in ACTIONS if a.startswith("report.")]:
            assert not can(focal_point_a, action, report), (action, status)


def test_a_focal_point_never_moves_a_report_through_a_reviewers_or_secretariats_transition(focal_point_a):
    for status, action in product(REPORT_STATUSES, ("report.return", "report.validate", "report.publish")):
        assert not can(focal_point_a, action, FakeReport("CHE", status))


def test_a_reviewer_never_edits_answers_nor_publishes(reviewer):
    for status, action in product(REPORT_STATUSES, ("report.edit", "report.upload_questionnaire", "report.publish")):
        assert not can(reviewer, action, FakeReport("CHE", status))
