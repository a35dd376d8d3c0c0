"""The treaty engine, rule by rule (treaties/engine.py). Deposits are SYNTHETIC (see synthetic_deposits.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from synthetic_deposits import deposits

from viennaplan.treaties.engine import all_statuses, instrument_status, parents_first
from viennaplan.treaties.records import EUROPEAN_UNION, Action, InstrumentStatus, StateStatus
from viennaplan.treaties.rules import INSTRUMENTS

UNTOC, TIP, UNCAC = INSTRUMENTS["UNTOC"], INSTRUMENTS["TIP"], INSTRUMENTS["UNCAC"]
FORTY = deposits("UNTOC", 40, date(2003, 7, 1))  # general entry into force 29 Sep 2003


def state_of(status: InstrumentStatus, code: str) -> StateStatus:
    return next(state for state in status.states if state.state == code)


def untoc_with(*actions: Action, as_of: date | None = None) -> InstrumentStatus:
    return instrument_status(UNTOC, [*FORTY, *actions], as_of=as_of)


def test_the_general_date_is_the_ninetieth_day_after_the_fortieth_instrument():
    status = untoc_with()
    assert status.entry_into_force == date(2003, 9, 29)
    assert status.triggered_by == FORTY[-1]


def test_a_later_state_is_bound_on_the_thirtieth_day_after_its_deposit():
    status = untoc_with(Action("CUB", "UNTOC", "ratification", date(2006, 10, 27)))
    cuba = state_of(status, "CUB")
    assert cuba.in_force == date(2006, 11, 26)
    assert (
        cuba.explanation
        == "ratification deposited 27 Oct 2006; in force 26 Nov 2006: 30th day after deposit, art. 38(2)"
    )


def test_a_deposit_before_the_general_date_comes_into_force_on_the_general_date():
    first = state_of(untoc_with(), FORTY[0].state)
    assert first.in_force == date(2003, 9, 29)
    assert first.explanation.endswith(
        "in force 29 Sep 2003: deposited before the Convention entered into force; it entered into force for all "
        "States then depositing on the general date, art. 38(1)"
    )


def test_a_deposit_between_the_fortieth_and_the_general_date_is_clamped_to_the_general_date():
    cuba = state_of(untoc_with(Action("CUB", "UNTOC", "accession", date(2003, 7, 10))), "CUB")
    assert cuba.in_force == date(2003, 9, 29)  # not 9 Aug 2003, art. 38(2) read literally
    assert "(9 Aug 2003, art. 38(2)) falls before the general entry into force" in cuba.explanation
    assert "clamped to the general date" in cuba.explanation


def test_a_protocol_deposit_after_its_trigger_waits_for_the_general_date_whichever_is_later():
    actions = [*FORTY, *deposits("TIP", 40, date(2003, 9, 26)), Action("BOL", "TIP", "ratification", date(2003, 10, 1))]
    statuses = all_statuses(INSTRUMENTS, actions)
    bolivia = state_of(statuses["TIP"], "BOL")
    assert bolivia.in_force == date(2003, 12, 25)
    assert "the general date, later than the 30th day after deposit (31 Oct 2003), art. 17(2)" in bolivia.explanation


def test_protocol_never_enters_into_force_before_convention():
    # The Protocol's 40th instrument on 1 Jul 2003 too: 90 days later is 29 Sep 2003, not before the Convention.
    early = [*FORTY, *deposits("TIP", 40, date(2003, 6, 1))]
    statuses = all_statuses(INSTRUMENTS, early)
    assert statuses["TIP"].entry_into_force == date(2003, 9, 29)
    assert any("falls before UNTOC entered into force" in note for note in statuses["TIP"].notes)


def test_a_protocol_waits_while_its_convention_is_not_in_force():
    statuses = all_statuses(INSTRUMENTS, [*FORTY, *deposits("TIP", 40, date(2003, 6, 1))], as_of=date(2003, 6, 30))
    assert statuses["UNTOC"].entry_into_force is None
    assert statuses["TIP"].entry_into_force is None
    assert any("UNTOC is not in force" in note for note in statuses["TIP"].notes)
    assert "awaits the entry into force of UNTOC" in statuses["TIP"].states[0].explanation


def test_protocol_never_enters_into_force_for_a_state_before_the_convention_does_for_it():
    actions = [
        *FORTY,
        *deposits("TIP", 40, date(2003, 9, 26)),
        Action("CUB", "UNTOC", "accession", date(2006, 10, 27)),
        Action("CUB", "TIP", "accession", date(2006, 10, 1)),  # invalid, but the engine still holds the rule
    ]
    cuba = state_of(all_statuses(INSTRUMENTS, actions)["TIP"], "CUB")
    assert cuba.in_force == date(2006, 11, 26)
    assert "not before UNTOC entered into force for the State" in cuba.explanation


def test_the_official_date_is_used_where_the_deposits_on_file_are_too_few():
    status = instrument_status(TIP, [Action("CUB", "TIP", "accession", date(2006, 10, 27))])
    assert status.entry_into_force == date(2003, 12, 25)
    assert status.notes == ["official date used: 25 Dec 2003 (only 1 of the 40 instruments needed are on file)"]
    assert state_of(status, "CUB").in_force == date(2006, 11, 26)


def test_a_discrepancy_with_the_official_date_is_reported():
    status = instrument_status(UNTOC, deposits("UNTOC", 40, date(2003, 7, 2)))
    assert status.entry_into_force == date(2003, 9, 30)
    assert any(note.startswith("discrepancy: the deposits on file give 30 Sep 2003") for note in status.notes)


def test_without_an_official_date_too_few_deposits_mean_not_in_force():
    rules = replace(UNTOC, official_entry_into_force=None)
    status = instrument_status(rules, FORTY[:39])
    assert status.entry_into_force is None and status.parties == 0
    assert "awaits the 40th instrument (art. 38(1))" in status.states[0].explanation


def test_as_of_before_the_fortieth_instrument_there_is_no_general_date():
    status = untoc_with(as_of=date(2003, 6, 30))
    assert status.entry_into_force is None and status.triggered_by is None
    assert status.notes == [
        "not in force on 30 Jun 2003: 39 of the 40 instruments needed had been deposited (art. 38(1))"
    ]


def test_as_of_between_the_trigger_and_the_general_date_the_date_is_known_but_nobody_is_a_party():
    status = untoc_with(as_of=date(2003, 8, 1))
    assert status.entry_into_force == date(2003, 9, 29)
    assert status.parties == 0
    assert untoc_with(as_of=date(2003, 9, 29)).parties == 40


def test_counts_of_signatories_and_parties_follow_the_as_of_date():
    actions = [
        Action("CUB", "UNTOC", "signature", date(2000, 12, 13)),
        Action("PRY", "UNTOC", "signature", date(2001, 1, 5)),
        Action("CUB", "UNTOC", "ratification", date(2005, 1, 10)),
    ]
    assert untoc_with(*actions, as_of=date(2000, 12, 31)).signatories == 1
    assert untoc_with(*actions, as_of=date(2005, 1, 31)).signatories == 2
    assert untoc_with(*actions, as_of=date(2005, 2, 8)).parties == 40
    assert untoc_with(*actions, as_of=date(2005, 2, 9)).parties == 41
    signed_only = state_of(untoc_with(*actions), "PRY")
    assert (
        not signed_only.party
        and signed_only.explanation == "signed 5 Jan 2001 (art. 36(1)); no consent to be bound on file"
    )


def test_a_denunciation_takes_effect_one_year_after_receipt():
    denounce = Action(FORTY[0].state, "UNTOC", "denunciation", date(2010, 3, 1))
    first = state_of(untoc_with(denounce), FORTY[0].state)
    assert first.denounced == date(2011, 3, 1)
    assert "denunciation received 1 Mar 2010, effective 1 Mar 2011 (art. 40(1))" in first.explanation
    assert untoc_with(denounce, as_of=date(2011, 2, 28)).parties == 40
    assert untoc_with(denounce, as_of=date(2011, 3, 1)).parties == 39


def test_denouncing_the_convention_denounces_its_protocols():
    state = FORTY[0].state
    actions = [
        *FORTY,
        *deposits("TIP", 40, date(2003, 9, 26)),
        Action(state, "UNTOC", "denunciation", date(2010, 3, 1)),
    ]
    protocol = state_of(all_statuses(INSTRUMENTS, actions)["TIP"], state)
    assert protocol.denounced == date(2011, 3, 1)
    assert "its denunciation of UNTOC takes effect for this Protocol too on 1 Mar 2011" in protocol.explanation
    assert all_statuses(INSTRUMENTS, actions, as_of=date(2011, 3, 1))["TIP"].parties == 39


def test_a_new_consent_after_a_denunciation_starts_again():
    state = FORTY[0].state
    status = untoc_with(
        Action(state, "UNTOC", "denunciation", date(2010, 3, 1)), Action(state, "UNTOC", "accession", date(2012, 5, 2))
    )
    again = state_of(status, state)
    assert (again.consent_kind, again.in_force, again.denounced) == ("accession", date(2012, 6, 1), None)


def test_a_duplicate_consent_does_not_move_the_date():
    state = FORTY[0].state
    again = state_of(untoc_with(Action(state, "UNTOC", "accession", date(2012, 5, 2))), state)
    assert again.in_force == date(2003, 9, 29)


def test_an_organization_instrument_is_not_counted_but_the_organization_is_a_party():
    union = Action(EUROPEAN_UNION, "UNTOC", "approval", date(2004, 5, 21))
    status = untoc_with(union)
    assert status.parties == 41
    assert "an organization's instrument, not counted toward the 40 (art. 38(1))" in state_of(status, "EUU").explanation


def test_organizations_are_counted_where_the_rules_say_so():
    rules = replace(UNTOC, counts_organizations=True)
    actions = [*FORTY[:39], Action(EUROPEAN_UNION, "UNTOC", "approval", date(2003, 6, 30))]
    assert instrument_status(rules, actions).triggered_by == actions[-1]


def test_actions_of_other_instruments_are_ignored():
    assert untoc_with(Action("CUB", "UNCAC", "ratification", date(2006, 1, 1))).states == untoc_with().states


def test_all_statuses_lists_parents_first_and_ignores_unknown_instruments():
    statuses = all_statuses(INSTRUMENTS, [*FORTY, Action("CUB", "NOPE", "ratification", date(2006, 1, 1))])
    codes = list(statuses)
    assert set(codes) == set(INSTRUMENTS)
    assert codes.index("UNTOC") < codes.index("TIP") and codes.index("SUA1988") < codes.index("SUAPROT1988")


def test_parents_first_refuses_a_cycle():
    cycle = {"A": replace(UNTOC, code="A", parent="B"), "B": replace(TIP, code="B", parent="A")}
    with pytest.raises(ValueError, match="cycle"):
        parents_first(cycle)


def test_a_protocol_computed_without_its_convention_says_so():
    status = instrument_status(TIP, deposits("TIP", 40, date(2003, 9, 26)))
    assert status.entry_into_force == date(2003, 12, 25)
    assert any("the status of UNTOC was not given" in note for note in status.notes)


def test_the_state_list_is_sorted_and_parties_are_flagged():
    status = untoc_with(as_of=date(2004, 1, 1))
    codes = [state.state for state in status.states]
    assert codes == sorted(codes) and all(state.party for state in status.states)


def test_uncac_later_state_date_is_thirty_days_after_deposit():
    status = instrument_status(UNCAC, [Action("ECU", "UNCAC", "ratification", date(2005, 9, 15))])
    assert status.entry_into_force == date(2005, 12, 14)  # official date used: one deposit on file
    assert state_of(status, "ECU").in_force == date(2005, 12, 14)
