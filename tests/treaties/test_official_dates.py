"""The engine reproduces the official general entry-into-force dates: the seven instruments of the
depositary lists shipped with viennaplan (src/viennaplan/treaties/data/, read from the project's own
path), and the five of the plan from deposit sequences whose threshold-th instrument falls on the real
trigger date, where the other deposits are SYNTHETIC (real alpha-3 codes, invented days; see
synthetic_deposits.py)."""

from __future__ import annotations

from datetime import date

import pytest
from synthetic_deposits import SYNTHETIC_STATES, deposits

from viennaplan.treaties.engine import all_statuses, instrument_status
from viennaplan.treaties.records import EUROPEAN_UNION, Action
from viennaplan.treaties.rules import INSTRUMENTS
from viennaplan.treaties.validation import validate

UNTOC_40TH = date(2003, 7, 1)


def palermo_sequences() -> list[Action]:
    return [
        *deposits("UNTOC", 40, UNTOC_40TH),
        *deposits("TIP", 40, date(2003, 9, 26)),
        *deposits("SOM", 40, date(2003, 10, 30)),
        *deposits("FIREARMS", 40, date(2005, 4, 4)),
    ]


def test_untoc_fortieth_instrument_on_1_july_2003_gives_29_september_2003():
    status = instrument_status(INSTRUMENTS["UNTOC"], palermo_sequences())
    assert status.entry_into_force == date(2003, 9, 29) == INSTRUMENTS["UNTOC"].official_entry_into_force
    assert status.triggered_by is not None and status.triggered_by.date == UNTOC_40TH
    assert not [note for note in status.notes if "discrepancy" in note]


def test_the_three_protocols_reproduce_their_official_dates():
    statuses = all_statuses(INSTRUMENTS, palermo_sequences())
    assert statuses["TIP"].entry_into_force == date(2003, 12, 25)
    assert statuses["SOM"].entry_into_force == date(2004, 1, 28)
    assert statuses["FIREARMS"].entry_into_force == date(2005, 7, 3)
    for code in ("UNTOC", "TIP", "SOM", "FIREARMS"):
        assert statuses[code].entry_into_force == INSTRUMENTS[code].official_entry_into_force
        assert not [note for note in statuses[code].notes if "discrepancy" in note]


def test_uncac_thirtieth_instrument_by_ecuador_on_15_september_2005_gives_14_december_2005():
    status = instrument_status(INSTRUMENTS["UNCAC"], deposits("UNCAC", 30, date(2005, 9, 15), last_state="ECU"))
    assert status.entry_into_force == date(2005, 12, 14) == INSTRUMENTS["UNCAC"].official_entry_into_force
    assert status.triggered_by is not None
    assert (status.triggered_by.state, status.triggered_by.date) == ("ECU", date(2005, 9, 15))


def test_a_european_union_deposit_is_not_counted_toward_the_forty():
    actions = deposits("UNTOC", 40, UNTOC_40TH)
    # SYNTHETIC: an EU deposit among the first forty, before the 40th State's.
    actions.append(Action(EUROPEAN_UNION, "UNTOC", "approval", date(2003, 6, 1), source="synthetic"))
    status = instrument_status(INSTRUMENTS["UNTOC"], actions)
    assert status.entry_into_force == date(2003, 9, 29)
    assert status.triggered_by is not None and status.triggered_by.state != EUROPEAN_UNION
    union = next(state for state in status.states if state.state == EUROPEAN_UNION)
    assert union.in_force == date(2003, 9, 29)
    assert "not counted toward the 40 (art. 38(1))" in union.explanation


def test_an_eu_deposit_would_advance_the_date_if_it_were_counted():
    actions = deposits("UNTOC", 39, date(2003, 6, 29))
    actions.append(Action(EUROPEAN_UNION, "UNTOC", "approval", UNTOC_40TH, source="synthetic"))
    assert instrument_status(INSTRUMENTS["UNTOC"], actions).entry_into_force == date(2003, 9, 29)  # official used
    assert "official date used" in instrument_status(INSTRUMENTS["UNTOC"], actions).notes[0]
    counted = instrument_status(INSTRUMENTS["UNTOC"], actions, organizations=frozenset())
    assert counted.triggered_by is not None and counted.triggered_by.state == EUROPEAN_UNION


def test_the_synthetic_sequences_pass_validation_with_notes_for_missing_signatures():
    actions = [*palermo_sequences(), *deposits("UNCAC", 30, date(2005, 9, 15), last_state="ECU")]
    errors, notes = validate(
        actions, INSTRUMENTS, known_states={*SYNTHETIC_STATES, "ECU"}, organizations={EUROPEAN_UNION: {"FRA"}}
    )
    assert errors == []
    assert len(notes) == len(actions)


# -- the shipped depositary lists (real) ----------------------------------------------------------

OFFICIAL = {
    "UNTOC": date(2003, 9, 29),
    "TIP": date(2003, 12, 25),
    "SOM": date(2004, 1, 28),
    "FIREARMS": date(2005, 7, 3),
    "UNCAC": date(2005, 12, 14),
    "FINANCING1999": date(2002, 4, 10),
    "BOMBINGS1997": date(2001, 5, 23),
}


@pytest.fixture(scope="module")
def shipped_actions(django_db_setup, django_db_blocker) -> list[Action]:
    """Every action of both shipped files, as the importer reads them (names resolved on their dates)."""
    from viennaplan.treaties import shipped
    from viennaplan.treaties.importer import read_status_list

    actions: list[Action] = []
    with django_db_blocker.unblock():
        for name in (shipped.COMPLETE_FILE, shipped.PARTIAL_FILE):
            path = shipped.DATA_DIR / name
            actions += read_status_list(path.read_bytes(), source_name=name, instruments=list(INSTRUMENTS)).actions
    return actions


def test_the_official_dates_are_those_declared_in_the_rules():
    assert {code: INSTRUMENTS[code].official_entry_into_force for code in OFFICIAL} == OFFICIAL


@pytest.mark.parametrize("code", list(OFFICIAL))
def test_the_shipped_lists_reproduce_the_official_date_of_entry_into_force(shipped_actions, code):
    status = all_statuses(INSTRUMENTS, shipped_actions, as_of=date(2014, 1, 27))[code]
    assert status.entry_into_force == OFFICIAL[code]
    assert not [note for note in status.notes if "discrepancy" in note or "official date used" in note]


def test_the_shipped_lists_pass_the_engines_validation(shipped_actions, db):
    from viennaplan.countries.registry import state_codes
    from viennaplan.treaties.importer import organization_members

    errors, _ = validate(shipped_actions, INSTRUMENTS, known_states=state_codes(), organizations=organization_members)
    assert errors == []
