"""Invariants of the treaty engine over random action sequences (hypothesis), on a small Convention (C,
3 instruments) and its Protocol (P, 2 instruments) with the rules of UNTOC and the Trafficking Protocol.
Where an invariant holds only for valid data, the sequence is first passed through `validate` and its bad
rows dropped. All data here are SYNTHETIC."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from viennaplan.treaties.engine import all_statuses, instrument_status
from viennaplan.treaties.records import EUROPEAN_UNION, Action, InstrumentStatus
from viennaplan.treaties.rules import INSTRUMENTS
from viennaplan.treaties.validation import validate

CONVENTION = replace(INSTRUMENTS["UNTOC"], code="C", threshold=3, official_entry_into_force=None, signature_windows=())
PROTOCOL = replace(
    INSTRUMENTS["TIP"], code="P", parent="C", threshold=2, official_entry_into_force=None, signature_windows=()
)
RULES = {"C": CONVENTION, "P": PROTOCOL}
STATES = ("AUT", "BEL", "CHE", "DEU", "ESP", "FRA", "ITA", "NOR")
MEMBERS = {EUROPEAN_UNION: {"AUT", "BEL", "DEU", "ESP", "FRA", "ITA"}}
START = date(2000, 12, 12)
WITHOUT_DENUNCIATION = ("signature", "ratification", "accession", "acceptance")
ALL_KINDS = (*WITHOUT_DENUNCIATION, "denunciation")


def sequences(kinds: tuple[str, ...]) -> st.SearchStrategy[list[Action]]:
    one = st.tuples(
        st.sampled_from((*STATES, EUROPEAN_UNION)),
        st.sampled_from(("C", "P")),
        st.sampled_from(kinds),
        st.integers(min_value=0, max_value=1500),
    )
    return st.lists(one, max_size=40).map(
        lambda rows: [
            Action(state, code, kind, START + timedelta(days=offset), row=number)
            for number, (state, code, kind, offset) in enumerate(rows, start=1)
        ]
    )


def stories(kinds: tuple[str, ...]) -> st.SearchStrategy[list[Action]]:
    """Mostly valid sequences: each State may sign, join the Convention, then the Protocol, then denounce."""
    offset = st.one_of(st.none(), st.integers(min_value=0, max_value=900))
    one = st.tuples(st.booleans(), offset, offset, offset, st.sampled_from([k for k in kinds if k != "signature"]))

    def build(rows: list[tuple[bool, int | None, int | None, int | None, str]]) -> list[Action]:
        actions: list[tuple[str, str, str, int]] = []
        for state, (signs, joins, protocol, denounces, kind) in zip((*STATES, EUROPEAN_UNION), rows, strict=False):
            if signs:
                actions.append((state, "C", "signature", 0))
            if joins is None or kind == "denunciation":
                continue
            actions.append((state, "C", kind, joins))
            if protocol is not None:
                actions.append((state, "P", "accession", joins + protocol))
            if denounces is not None and "denunciation" in kinds:
                actions.append((state, "C", "denunciation", joins + denounces))
        return [
            Action(state, code, kind, START + timedelta(days=offset), row=number)
            for number, (state, code, kind, offset) in enumerate(actions, start=1)
        ]

    return st.lists(one, min_size=len(STATES), max_size=len(STATES) + 1).map(build)


def valid_only(actions: list[Action]) -> list[Action]:
    errors, _notes = validate(actions, RULES, known_states=set(STATES), organizations=MEMBERS)
    bad = {error.row for error in errors}
    return [action for action in actions if action.row not in bad]


def days() -> st.SearchStrategy[list[date]]:
    return st.lists(st.integers(min_value=0, max_value=2000), min_size=2, max_size=5).map(
        lambda offsets: [START + timedelta(days=offset) for offset in sorted(offsets)]
    )


def by_state(status: InstrumentStatus) -> dict[str, date | None]:
    return {state.state: state.in_force for state in status.states}


@settings(max_examples=150, deadline=None)
@given(st.one_of(sequences(WITHOUT_DENUNCIATION), stories(WITHOUT_DENUNCIATION)), days())
def test_counts_never_fall_without_a_denunciation_as_the_date_moves_forward(actions, as_of_days):
    actions = valid_only(actions)
    previous = {"C": (0, 0), "P": (0, 0)}
    for as_of in as_of_days:
        for code, status in all_statuses(RULES, actions, as_of=as_of).items():
            counts = (status.signatories, status.parties)
            assert counts[0] >= previous[code][0] and counts[1] >= previous[code][1], (code, as_of)
            previous[code] = counts


# The two properties below hold "whenever something is in force": each runs its examples
# (derandomized, so the same ones every time) and then checks that the branch it is about was
# really taken often enough, so a strategy that stopped producing such cases fails the test.
WITH_DATES = (st.one_of(sequences(ALL_KINDS), stories(ALL_KINDS)), st.one_of(st.none(), days().map(lambda ds: ds[0])))
EXAMPLES = settings(max_examples=150, deadline=None, derandomize=True, database=None)


def test_in_force_never_before_the_deposit_nor_before_the_general_date():
    seen: Counter[str] = Counter()

    @EXAMPLES
    @given(*WITH_DATES)
    def check(actions, as_of):
        for status in all_statuses(RULES, actions, as_of=as_of).values():
            for state in status.states:
                if state.in_force is not None:
                    seen["a State with a date of entry into force"] += 1
                    assert state.consent_date is not None and state.in_force > state.consent_date
                    assert status.entry_into_force is not None and state.in_force >= status.entry_into_force
                if state.party:
                    seen["a party"] += 1
                    assert state.in_force is not None

    check()
    assert min(seen["a State with a date of entry into force"], seen["a party"]) >= 20, seen


def test_a_protocol_is_never_in_force_before_the_convention_generally_or_for_the_state():
    seen: Counter[str] = Counter()

    @EXAMPLES
    @given(*WITH_DATES)
    def check(actions, as_of):
        statuses = all_statuses(RULES, valid_only(actions), as_of=as_of)
        convention, protocol = statuses["C"], statuses["P"]
        if protocol.entry_into_force is not None:
            seen["the Protocol in force"] += 1
            assert convention.entry_into_force is not None
            assert protocol.entry_into_force >= convention.entry_into_force
        convention_dates = by_state(convention)
        for state, in_force in by_state(protocol).items():
            if in_force is not None:
                seen["the Protocol in force for a State"] += 1
                parent_date = convention_dates.get(state)
                assert parent_date is not None and in_force >= parent_date, state

    check()
    assert min(seen["the Protocol in force"], seen["the Protocol in force for a State"]) >= 10, seen


@settings(max_examples=150, deadline=None)
@given(st.one_of(sequences(ALL_KINDS), stories(ALL_KINDS)))
def test_organizations_are_never_counted_toward_the_threshold(actions):
    status = instrument_status(CONVENTION, actions)
    without_union = instrument_status(CONVENTION, [action for action in actions if action.state != EUROPEAN_UNION])
    assert status.triggered_by is None or status.triggered_by.state != EUROPEAN_UNION
    assert (status.entry_into_force, status.triggered_by) == (
        without_union.entry_into_force,
        without_union.triggered_by,
    )


@settings(max_examples=100, deadline=None)
@given(sequences(ALL_KINDS))
def test_a_single_instrument_and_all_statuses_agree(actions):
    assert all_statuses(RULES, actions)["C"] == instrument_status(CONVENTION, actions)
