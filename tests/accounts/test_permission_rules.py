"""The behaviour of accounts.permissions beyond the table: roles and States of users, unknown
actions, the messages of refusals, objects of other shapes, and the queryset filter."""

from __future__ import annotations

import logging
from itertools import product

import pytest
from accounts_fakes import FakeReport
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from viennaplan.accounts.permissions import (
    ACTIONS,
    REPORT_STATUSES,
    can,
    queryset_filter,
    require,
    role_of,
    state_of,
    why_not,
)
from viennaplan.countries.models import Country


def test_each_persona_has_its_role_and_only_focal_points_have_a_state(
    secretariat, focal_point_a, focal_point_b, reviewer, contributor, anonymous
):
    assert [role_of(u) for u in (secretariat, focal_point_a, reviewer, contributor, anonymous)] == [
        "secretariat",
        "focal_point",
        "reviewer",
        "contributor",
        None,
    ]
    assert (state_of(focal_point_a), state_of(focal_point_b)) == ("CHE", "FRA")
    assert state_of(secretariat) is state_of(reviewer) is state_of(anonymous) is None


def test_a_superuser_without_a_profile_counts_as_secretariat(db):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", None)
    assert role_of(admin) == "secretariat"
    assert can(admin, "report.publish", FakeReport("CHE", "validated"))


def test_a_user_without_a_profile_is_the_public(db):
    nobody = get_user_model().objects.create_user("nobody@example.org")
    assert role_of(nobody) is None
    assert can(nobody, "report.view", FakeReport("CHE", "published"))
    assert not can(nobody, "report.view", FakeReport("CHE", "draft"))


def test_a_deactivated_focal_point_loses_every_right_but_the_publics(focal_point_a):
    focal_point_a.is_active = False
    assert role_of(focal_point_a) is None and state_of(focal_point_a) is None
    assert not can(focal_point_a, "report.edit", FakeReport("CHE", "draft"))
    assert can(focal_point_a, "report.view", FakeReport("CHE", "published"))


def test_an_unknown_action_is_refused_and_logged(secretariat, caplog):
    with caplog.at_level(logging.WARNING, logger="viennaplan.accounts.permissions"):
        assert can(secretariat, "report.destroy") is False
    assert "unknown action 'report.destroy'" in caplog.text
    with pytest.raises(PermissionDenied, match="'report.destroy' is not a known action; the actions are report.view"):
        require(secretariat, "report.destroy")


def test_can_never_raises_and_refuses_a_focal_point_anything_on_an_object_of_another_shape(focal_point_a):
    # Neither a report of CHE nor anything with a status: nothing is allowed, and nothing raises.
    for obj in (None, object(), 42, "", FakeReport("", ""), {"state_id": "CHE"}):
        assert {action: can(focal_point_a, action, obj) for action in ACTIONS} == dict.fromkeys(ACTIONS, False)


def test_require_passes_silently_when_allowed(focal_point_a):
    assert require(focal_point_a, "report.edit", FakeReport("CHE", "draft")) is None


def test_a_refusal_says_who_may_not_do_what_on_which_report_and_why(focal_point_a, reviewer, anonymous):
    with pytest.raises(PermissionDenied) as other_state:
        require(focal_point_a, "report.edit", FakeReport("FRA", "draft"))
    assert str(other_state.value) == (
        "Not allowed: the national focal point of CHE may not edit the answers of a report (FRA, draft); "
        "focal points act only for their own State (CHE)."
    )
    with pytest.raises(PermissionDenied) as wrong_status:
        require(focal_point_a, "report.edit", FakeReport("CHE", "submitted"))
    assert str(wrong_status.value).endswith("(CHE, submitted); only when its status is draft or returned.")
    with pytest.raises(PermissionDenied) as never:
        require(reviewer, "report.publish", FakeReport("CHE", "validated"))
    assert str(never.value) == "Not allowed: a reviewer may not publish a report (CHE, validated)."
    assert why_not(anonymous, "report.view", FakeReport("CHE", "draft")) == (
        "Not allowed: the public (not signed in) may not view a report (CHE, draft). Sign in first."
    )


def test_asked_without_the_object_a_conditional_right_is_refused_and_the_message_says_so(focal_point_a):
    assert why_not(focal_point_a, "report.edit") == (
        "Not allowed: the national focal point of CHE may not edit the answers of a report: "
        "that depends on which one, and none was named."
    )


def test_a_focal_point_requests_assistance_for_their_own_state_only_by_country_code_or_row(focal_point_a):
    che, fra = Country.objects.get(alpha3="CHE"), Country.objects.get(alpha3="FRA")
    assert can(focal_point_a, "assistance.request", che)
    assert can(focal_point_a, "assistance.request", "che")
    assert not can(focal_point_a, "assistance.request", fra)
    assert not can(focal_point_a, "assistance.request", "FRA")


def matches(q: Q, obj: FakeReport) -> bool:
    """Evaluate the simple Q objects queryset_filter builds (AND/OR of exact and __in lookups)."""
    results = []
    for child in q.children:
        if isinstance(child, Q):
            results.append(matches(child, obj))
        else:
            lookup, value = child
            if lookup == "pk__in":
                results.append(False)
            elif lookup.endswith("__in"):
                results.append(getattr(obj, lookup[: -len("__in")], None) in value)
            else:
                results.append(getattr(obj, lookup) == value)
    outcome = (any(results) if q.connector == Q.OR else all(results)) if results else True
    return not outcome if q.negated else outcome


def test_the_queryset_filter_selects_exactly_the_reports_can_allows(
    secretariat, focal_point_a, focal_point_b, reviewer, contributor, anonymous
):
    reports = [FakeReport(state, status) for state, status in product(("CHE", "FRA"), REPORT_STATUSES)]
    for user, action in product((secretariat, focal_point_a, focal_point_b, reviewer, contributor, anonymous), ACTIONS):
        q = queryset_filter(user, action)
        for report in reports:
            assert matches(q, report) == can(user, action, report), (user, action, report)


def test_the_queryset_filter_of_an_unknown_action_selects_nothing(secretariat):
    assert queryset_filter(secretariat, "report.destroy") == Q(pk__in=[])
