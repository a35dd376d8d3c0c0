"""Statuses kept while the actions do not change (issue 14): a second request for the same statuses
on the same day, in the same language, is answered from what was computed; an action recorded, changed
or deleted is seen at once; nothing computed inside a transaction is kept (it may be rolled back)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import translation

from viennaplan.treaties.importer import import_status_list, record_action
from viennaplan.treaties.models import TreatyAction
from viennaplan.treaties.overview import statuses_of
from viennaplan.treaties.records import Action

pytestmark = pytest.mark.django_db(transaction=True)

SAMPLE = Path(__file__).parent / "data" / "synthetic_small.csv"
DAY = date(2010, 1, 1)


@pytest.fixture
def actions():
    import_status_list(SAMPLE.read_bytes(), source_name=SAMPLE.name)


def japan(status):
    return next((line for line in status.states if line.state == "JPN"), None)


def test_the_same_statuses_asked_again_are_the_ones_computed(actions):
    first = statuses_of(["UNTOC"], DAY)["UNTOC"]
    assert statuses_of(["UNTOC", "TIP"], DAY)["UNTOC"] is not first  # another set of instruments
    assert statuses_of(["UNTOC"], DAY)["UNTOC"] is first
    assert statuses_of(["UNTOC"], date(2011, 1, 1))["UNTOC"] is not first  # another day
    with translation.override("fr"):
        assert statuses_of(["UNTOC"], DAY)["UNTOC"] is not first  # the explanations are in the reader's language


def test_an_action_recorded_changed_or_deleted_is_seen_at_once(actions):
    assert japan(statuses_of(["UNTOC"], DAY)["UNTOC"]) is None
    row, _notes = record_action(Action(state="JPN", instrument="UNTOC", kind="signature", date=date(2002, 12, 9)))
    assert japan(statuses_of(["UNTOC"], DAY)["UNTOC"]).signature == date(2002, 12, 9)
    row = TreatyAction.objects.get(pk=row.pk)
    row.date = date(2002, 12, 10)
    row.save()
    assert japan(statuses_of(["UNTOC"], DAY)["UNTOC"]).signature == date(2002, 12, 10)
    row.delete()
    assert japan(statuses_of(["UNTOC"], DAY)["UNTOC"]) is None


def test_nothing_computed_inside_a_transaction_is_kept(actions):
    with transaction.atomic():
        record_action(Action(state="JPN", instrument="UNTOC", kind="signature", date=date(2002, 12, 9)))
        inside = statuses_of(["UNTOC"], DAY)["UNTOC"]
        assert japan(inside) is not None
        assert statuses_of(["UNTOC"], DAY)["UNTOC"] is not inside
        transaction.set_rollback(True)
    assert japan(statuses_of(["UNTOC"], DAY)["UNTOC"]) is None


def test_a_depositary_list_recorded_changes_the_warnings_at_once(actions):
    from viennaplan.treaties.models import DepositaryList
    from viennaplan.treaties.overview import listings

    first = listings(["UNTOC"], DAY)
    assert listings(["UNTOC"], DAY) == first and first["UNTOC"].listed_on is None
    DepositaryList.objects.create(
        instrument_id="UNTOC", listed_on=date(2009, 6, 30), source="synthetic list", complete=True
    )
    assert listings(["UNTOC"], DAY)["UNTOC"].listed_on == date(2009, 6, 30)
