"""Validation of treaty actions (treaties/validation.py): each error names its row, the rule and the article.
The actions are SYNTHETIC examples, not the depositary's record."""

from __future__ import annotations

from datetime import date

from viennaplan.treaties.records import EUROPEAN_UNION, Action, ActionError
from viennaplan.treaties.rules import INSTRUMENTS
from viennaplan.treaties.validation import NO_SIGNATURE_NOTE, validate

STATES = {"AUT", "BEL", "CUB", "DEU", "ECU", "FRA", "ITA", "NOR"}
EU_MEMBERS = {EUROPEAN_UNION: {"AUT", "BEL", "DEU", "FRA", "ITA"}}


def act(row: int, state: str, instrument: str, kind: str, day: date) -> Action:
    return Action(state, instrument, kind, day, source="test", row=row)


def check(
    *actions: Action, existing: tuple[Action, ...] = (), organizations=None
) -> tuple[list[ActionError], list[str]]:
    return validate(
        list(actions),
        INSTRUMENTS,
        known_states=STATES,
        organizations=EU_MEMBERS if organizations is None else organizations,
        existing=existing,
    )


def messages(errors: list[ActionError]) -> list[str]:
    return [error.message for error in errors]


def test_a_valid_file_has_no_errors():
    errors, notes = check(
        act(1, "CUB", "UNTOC", "signature", date(2000, 12, 13)),
        act(2, "CUB", "UNTOC", "ratification", date(2003, 2, 5)),
        act(3, "CUB", "TIP", "accession", date(2003, 2, 6)),
    )
    assert errors == [] and notes == []


def test_consent_to_a_protocol_by_a_state_not_party_to_the_convention_is_refused():
    errors, _ = check(act(4, "CUB", "TIP", "accession", date(2004, 1, 6)))
    (error,) = errors
    assert error.row == 4 and error.instrument == "TIP"
    assert "by a State not a party to the UNTOC" in error.message and "art. 37(2) of the Convention" in error.message


def test_a_same_day_deposit_of_convention_and_protocol_is_fine():
    errors, _ = check(
        act(1, "CUB", "TIP", "accession", date(2004, 1, 6)),  # listed first: the Convention is read first
        act(2, "CUB", "UNTOC", "accession", date(2004, 1, 6)),
    )
    assert errors == []


def test_a_protocol_consent_after_the_convention_was_denounced_is_refused():
    errors, _ = check(
        act(1, "CUB", "UNTOC", "accession", date(2004, 1, 6)),
        act(2, "CUB", "UNTOC", "denunciation", date(2005, 1, 6)),
        act(3, "CUB", "SOM", "accession", date(2006, 2, 1)),
    )
    assert [error.row for error in errors] == [3]


def test_signature_after_the_window_closed_is_refused():
    (error,), _ = check(act(7, "CUB", "UNTOC", "signature", date(2002, 12, 13)))
    assert error.message == (
        "signature on 13 Dec 2002, after the instrument closed for signature on 12 Dec 2002 (art. 36(1)); "
        "after that, accession is the only way in"
    )


def test_signature_on_the_last_day_is_accepted():
    assert check(act(1, "CUB", "UNCAC", "signature", date(2005, 12, 9)))[0] == []


def test_signature_before_the_window_opened_is_refused():
    (error,), _ = check(act(1, "CUB", "FIREARMS", "signature", date(2001, 6, 29)))
    assert "before the instrument opened for signature on 30 Jun 2001 (art. 17(1))" in error.message


def test_signature_between_two_periods_of_signature_is_refused():
    (error,), _ = check(act(1, "CUB", "HAGUE1970", "signature", date(1970, 12, 20)))
    assert "outside the periods of signature" in error.message


def test_a_second_consent_to_the_same_instrument_is_refused():
    errors, _ = check(
        act(1, "CUB", "UNCAC", "ratification", date(2006, 1, 5)),
        act(2, "CUB", "UNCAC", "accession", date(2007, 1, 5)),
    )
    assert messages(errors) == ["a second consent to the same instrument: ratification already deposited on 5 Jan 2006"]


def test_a_new_consent_after_a_denunciation_took_effect_is_accepted():
    errors, _ = check(
        act(1, "CUB", "UNCAC", "accession", date(2006, 1, 5)),
        act(2, "CUB", "UNCAC", "denunciation", date(2008, 1, 5)),
        act(3, "CUB", "UNCAC", "accession", date(2009, 1, 5)),
    )
    assert errors == []


def test_an_action_dated_before_the_adoption_is_refused():
    (error,), _ = check(act(1, "CUB", "UNCAC", "signature", date(2003, 10, 30)))
    assert error.message == (
        "signature dated 30 Oct 2003, before the instrument was adopted on 31 Oct 2003 "
        "(General Assembly resolution 58/4)"
    )


def test_an_organization_may_not_sign_before_a_member_state_has_signed():
    errors, _ = check(
        act(1, EUROPEAN_UNION, "UNTOC", "signature", date(2000, 12, 12)),
        act(2, "NOR", "UNTOC", "signature", date(2000, 12, 12)),  # not a member
    )
    assert [error.row for error in errors] == [1]
    assert "an organization may sign only if one of its member States has signed (art. 36(2)-(4))" in errors[0].message


def test_an_organization_may_sign_on_the_day_a_member_state_signs():
    errors, _ = check(
        act(1, EUROPEAN_UNION, "UNTOC", "signature", date(2000, 12, 12)),
        act(2, "FRA", "UNTOC", "signature", date(2000, 12, 12)),
    )
    assert errors == []


def test_an_organization_may_not_ratify_before_a_member_state_has_ratified():
    (error,), _ = check(act(1, EUROPEAN_UNION, "UNTOC", "approval", date(2004, 5, 21)))
    assert "only if one of its member States has done likewise (art. 36(2)-(4))" in error.message


def test_an_organization_may_not_accede_unless_a_member_state_is_a_party():
    errors, _ = check(
        act(1, "NOR", "UNCAC", "accession", date(2006, 1, 1)),
        act(2, EUROPEAN_UNION, "UNCAC", "accession", date(2006, 2, 1)),
    )
    assert [error.row for error in errors] == [2]
    assert "an organization may accede only if one of its member States is a party" in errors[0].message


def test_membership_may_be_given_as_a_function_of_the_date():
    def members(code: str, day: date) -> set[str]:
        return {"AUT"} if code == EUROPEAN_UNION and day >= date(1995, 1, 1) else set()

    existing = (act(0, "AUT", "UNTOC", "ratification", date(2004, 9, 23)),)
    assert (
        check(act(1, EUROPEAN_UNION, "UNTOC", "approval", date(2004, 10, 1)), existing=existing, organizations=members)[
            0
        ]
        == []
    )
    (error,), _ = check(act(1, "EUX", "UNTOC", "approval", date(2004, 10, 1)), organizations=members)
    assert error.message.startswith("unknown State 'EUX'")


def test_an_organization_cannot_join_an_instrument_open_to_states_only():
    existing = (act(0, "FRA", "FINANCING1999", "ratification", date(2002, 1, 7)),)
    errors, _ = check(act(1, EUROPEAN_UNION, "FINANCING1999", "accession", date(2003, 1, 1)), existing=existing)
    assert any("is open to States only" in message for message in messages(errors))


def test_an_unknown_state_is_refused():
    (error,), _ = check(act(3, "XYZ", "UNTOC", "signature", date(2000, 12, 12)))
    assert str(error).startswith("row 3: XYZ UNTOC: unknown State 'XYZ'")


def test_an_unknown_instrument_is_refused():
    (error,), _ = check(act(3, "CUB", "PALERMO", "signature", date(2000, 12, 12)))
    assert error.message.startswith("unknown instrument 'PALERMO' (known: UNTOC, TIP, SOM")


def test_denunciation_by_a_non_party_is_refused():
    (error,), _ = check(act(1, "CUB", "UNTOC", "denunciation", date(2005, 1, 1)))
    assert error.message == "denunciation on 1 Jan 2005 by a State that is not a party to the UNTOC (art. 40(1))"


def test_a_protocol_cannot_be_denounced_after_the_convention_denunciation_took_it_along():
    errors, _ = check(
        act(1, "CUB", "UNTOC", "accession", date(2004, 1, 6)),
        act(2, "CUB", "TIP", "accession", date(2004, 1, 6)),
        act(3, "CUB", "UNTOC", "denunciation", date(2006, 1, 6)),
        act(4, "CUB", "TIP", "denunciation", date(2008, 1, 6)),
    )
    assert [error.row for error in errors] == [4]


def test_an_unknown_kind_of_action_is_refused():
    (error,), _ = check(act(2, "CUB", "UNTOC", "reservation", date(2005, 1, 1)))
    assert error.message.startswith("'reservation' is not a kind of action; use one of: signature, ratification")


def test_a_consent_without_signature_is_a_note_not_an_error():
    errors, notes = check(act(5, "CUB", "UNTOC", "ratification", date(2004, 1, 6)))
    assert errors == []
    assert notes == [f"row 5: CUB UNTOC ratification 2004-01-06: {NO_SIGNATURE_NOTE}"]


def test_an_accession_needs_no_signature():
    assert check(act(5, "CUB", "UNTOC", "accession", date(2004, 1, 6))) == ([], [])


def test_every_bad_row_is_reported_not_only_the_first():
    errors, _ = check(
        act(1, "CUB", "UNTOC", "signature", date(2003, 1, 1)),  # window closed
        act(2, "XYZ", "UNTOC", "accession", date(2004, 1, 1)),  # unknown State
        act(3, "CUB", "NOPE", "accession", date(2004, 1, 1)),  # unknown instrument
        act(4, "CUB", "SOM", "accession", date(2004, 1, 1)),  # not a party to the Convention
        act(5, "ECU", "UNCAC", "accession", date(2003, 1, 1)),  # before adoption
        act(6, "ECU", "UNCAC", "denunciation", date(2004, 1, 1)),  # not a party
        act(7, "CUB", "UNTOC", "withdrawal", date(2004, 1, 1)),  # unknown kind
        act(8, "CUB", "UNCAC", "accession", date(2005, 1, 1)),  # fine
        act(9, "CUB", "UNCAC", "accession", date(2006, 1, 1)),  # second consent
    )
    assert [error.row for error in errors] == [1, 2, 3, 4, 5, 6, 7, 9]


def test_actions_already_on_file_are_taken_into_account():
    existing = (act(0, "CUB", "UNTOC", "accession", date(2004, 1, 6)),)
    assert check(act(1, "CUB", "TIP", "accession", date(2005, 1, 6)), existing=existing)[0] == []
    errors, _ = check(act(1, "CUB", "UNTOC", "accession", date(2005, 1, 6)), existing=existing)
    assert messages(errors) == ["a second consent to the same instrument: accession already deposited on 6 Jan 2004"]
