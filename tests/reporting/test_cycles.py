"""Opening a reporting cycle: the Secretariat only, with clear refusals that save nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from viennaplan.reporting.cycles import CycleError, open_cycle
from viennaplan.reporting.models import ReportingCycle


def test_the_secretariat_opens_a_cycle_with_its_dates_chapters_and_plan(imported_plan, secretariat):
    cycle = open_cycle(secretariat, " 2002 review ", date(2002, 1, 1), date(2002, 12, 31), ["vii", "VI"])
    assert (cycle.name, cycle.chapters, cycle.plan_version, cycle.created_by) == (
        "2002 review",
        ["VI", "VII"],
        imported_plan,
        secretariat,
    )
    assert cycle.is_demo is False and cycle.history.count() == 1


@pytest.mark.parametrize("persona", ["focal_point_a", "reviewer", "contributor", "anonymous"])
def test_nobody_else_opens_a_cycle(imported_plan, persona, request):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        open_cycle(user, "2002 review", date(2002, 1, 1), date(2002, 12, 31), ["VI"])
    assert not ReportingCycle.objects.exists()


@pytest.mark.parametrize(
    ("name", "opens", "closes", "chapters", "message"),
    [
        ("", date(2002, 1, 1), date(2002, 12, 31), ["VI"], "name the cycle"),
        ("x", date(2002, 12, 31), date(2002, 1, 1), ["VI"], r"closes \(2002-01-01\) before it opens"),
        ("x", date(2002, 1, 1), date(2002, 12, 31), ["XX"], "chapters XX are not in the plan"),
    ],
)
def test_a_bad_cycle_is_refused_saying_what_to_change(
    imported_plan, secretariat, name, opens, closes, chapters, message
):
    with pytest.raises(CycleError, match=message):
        open_cycle(secretariat, name, opens, closes, chapters)
    assert not ReportingCycle.objects.exists()


def test_two_cycles_cannot_share_a_name(cycle, secretariat):
    with pytest.raises(CycleError, match="already a cycle named"):
        open_cycle(secretariat, "2002 review", date(2003, 1, 1), date(2003, 12, 31), ["VI"])


def test_without_an_imported_plan_no_cycle_can_be_opened(without_plan, secretariat):
    with pytest.raises(CycleError, match="no plan has been imported"):
        open_cycle(secretariat, "2002 review", date(2002, 1, 1), date(2002, 12, 31), ["VI"])


def test_opening_a_cycle_sends_cycle_opened_after_the_commit(
    imported_plan, secretariat, django_capture_on_commit_callbacks
):
    from viennaplan.reporting.signals import cycle_opened

    heard = []

    def listener(sender, cycle, user, **kwargs):
        heard.append((cycle.name, cycle.questions.count() > 0, user))

    cycle_opened.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            open_cycle(secretariat, "Signal review", date(2002, 1, 1), date(2002, 12, 31), ["VI"])
    finally:
        cycle_opened.disconnect(listener)
    assert heard == [("Signal review", True, secretariat)]
