"""Progress on international actions: recorded per cycle by the Secretariat only."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from viennaplan.plan.models import Provision
from viennaplan.reporting.answer_data import AnswerDataError
from viennaplan.reporting.international import ProgressError, international_units, record_international_progress
from viennaplan.reporting.models import InternationalActionProgress

SEMINAR = {"kind": "seminar", "title": "Regional seminar on firearms marking", "date": "2002-05-10", "url": ""}
DATA = {"status": "ongoing", "resources": "awaiting_voluntary_contributions", "outputs": [SEMINAR], "narrative": "x"}


def provision(cycle, path):
    return Provision.objects.get(version=cycle.plan_version, path=path)


def test_the_units_are_the_international_actions_of_the_cycles_chapters(cycle):
    paths = [u.path for u in international_units(cycle)]
    assert paths == ["58", *(f"59/{x}" for x in "abcdefghi"), "60", "64", *(f"65/{x}" for x in "abcdefgh")]


def test_the_secretariat_records_progress_for_the_actions_entity(cycle, secretariat):
    record = record_international_progress(secretariat, cycle, provision(cycle, "59/a"), DATA)
    assert (record.entity, record.status, record.resources) == ("cicp", "ongoing", "awaiting_voluntary_contributions")
    assert record.outputs == [SEMINAR] and record.updated_by == secretariat and record.version == 1


def test_recording_again_updates_the_record_and_keeps_history(cycle, secretariat):
    record_international_progress(secretariat, cycle, provision(cycle, "59/a"), DATA)
    record = record_international_progress(
        secretariat, cycle, provision(cycle, "59/a"), {**DATA, "status": "completed", "resources": "secured"}
    )
    assert record.version == 2 and InternationalActionProgress.objects.count() == 1
    assert [h.status for h in record.history.order_by("history_date")] == ["ongoing", "completed"]


def test_a_stale_version_is_refused(cycle, secretariat):
    record_international_progress(secretariat, cycle, provision(cycle, "59/a"), DATA)
    record_international_progress(secretariat, cycle, provision(cycle, "59/a"), DATA, expected_version=1)
    with pytest.raises(ProgressError, match="version 2"):
        record_international_progress(secretariat, cycle, provision(cycle, "59/a"), DATA, expected_version=1)


@pytest.mark.parametrize("persona", ["focal_point_a", "reviewer", "contributor", "anonymous"])
def test_nobody_but_the_secretariat_records_progress(cycle, request, persona):
    with pytest.raises(PermissionDenied):
        record_international_progress(request.getfixturevalue(persona), cycle, provision(cycle, "59/a"), DATA)
    assert not InternationalActionProgress.objects.exists()


@pytest.mark.parametrize("path", ["57/k", "59", "13/a"])
def test_only_international_action_units_of_the_cycle_take_progress(cycle, secretariat, path):
    with pytest.raises(ProgressError, match="not an international action of the chapters"):
        record_international_progress(secretariat, cycle, provision(cycle, path), DATA)


def test_wrong_progress_data_is_refused_field_by_field(cycle, secretariat):
    with pytest.raises(AnswerDataError) as refused:
        record_international_progress(
            secretariat, cycle, provision(cycle, "59/a"), {"status": "stalled", "resources": "", "outputs": [{}]}
        )
    assert [e.split(":")[0] for e in refused.value.errors] == [
        "status",
        "resources",
        "outputs[1].kind",
        "outputs[1].title",
    ]
