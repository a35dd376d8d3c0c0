"""The instruments' final clauses as data (treaties/rules.py): the table of issue 3 and the other records."""

from __future__ import annotations

from datetime import date

import pytest

from viennaplan.treaties.engine import denunciation_takes_effect, parents_first
from viennaplan.treaties.rules import INSTRUMENTS

PALERMO = ("UNTOC", "TIP", "SOM", "FIREARMS")
TERRORISM = (
    "TOKYO1963", "HAGUE1970", "MONTREAL1971", "IPP1973", "HOSTAGES1979", "CPPNM1980",
    "AIRPORTS1988", "SUA1988", "SUAPROT1988", "MARKING1991", "BOMBINGS1997", "FINANCING1999",
)  # fmt: skip


def test_every_instrument_of_the_issue_and_the_plan_is_a_record():
    assert {*PALERMO, "UNCAC", "DRUGS1988", *TERRORISM} == set(INSTRUMENTS)
    assert all(code == rules.code for code, rules in INSTRUMENTS.items())


def test_the_convention_needs_forty_instruments_and_later_states_wait_thirty_days_without_whichever_is_later():
    untoc = INSTRUMENTS["UNTOC"]
    assert (untoc.adopted, untoc.adopted_by) == (date(2000, 11, 15), "General Assembly resolution 55/25")
    assert (untoc.threshold, untoc.general_delay_days, untoc.later_delay_days) == (40, 90, 30)
    assert untoc.later_whichever_is_later is False
    assert untoc.articles["general"] == "art. 38(1)" and untoc.articles["later"] == "art. 38(2)"
    assert untoc.articles["signature"] == "art. 36(1)" and untoc.articles["denunciation"] == "art. 40(1)"


@pytest.mark.parametrize(
    ("code", "article"), [("TIP", "art. 17(1)"), ("SOM", "art. 22(1)"), ("FIREARMS", "art. 18(1)")]
)
def test_each_protocol_needs_forty_instruments_not_before_the_convention_whichever_is_later(code, article):
    protocol = INSTRUMENTS[code]
    assert (protocol.threshold, protocol.general_delay_days, protocol.later_delay_days) == (40, 90, 30)
    assert protocol.later_whichever_is_later and protocol.parent == "UNTOC"
    assert protocol.articles["general"] == article


def test_the_firearms_protocol_was_adopted_by_resolution_55_255_on_31_may_2001():
    firearms = INSTRUMENTS["FIREARMS"]
    assert (firearms.adopted, firearms.adopted_by) == (date(2001, 5, 31), "General Assembly resolution 55/255")


def test_the_corruption_convention_needs_thirty_instruments():
    uncac = INSTRUMENTS["UNCAC"]
    assert (uncac.adopted, uncac.adopted_by) == (date(2003, 10, 31), "General Assembly resolution 58/4")
    assert (uncac.threshold, uncac.general_delay_days, uncac.later_delay_days) == (30, 90, 30)
    assert uncac.later_whichever_is_later and uncac.parent is None
    assert uncac.articles["general"] == "art. 68(1)"


def test_signature_was_open_at_palermo_then_new_york_until_12_december_2002():
    for code in ("UNTOC", "TIP", "SOM"):
        palermo, new_york = INSTRUMENTS[code].signature_windows
        assert (palermo.place, palermo.opens, palermo.closes) == ("Palermo", date(2000, 12, 12), date(2000, 12, 15))
        assert (new_york.place, new_york.closes) == ("New York", date(2002, 12, 12))


def test_the_firearms_protocol_was_open_in_new_york_only_from_the_thirtieth_day_after_adoption():
    (window,) = INSTRUMENTS["FIREARMS"].signature_windows
    assert (window.place, window.opens, window.closes) == ("New York", date(2001, 6, 30), date(2002, 12, 12))


def test_the_corruption_convention_was_open_at_merida_then_new_york_until_9_december_2005():
    merida, new_york = INSTRUMENTS["UNCAC"].signature_windows
    assert (merida.place, merida.opens, merida.closes) == ("Mérida", date(2003, 12, 9), date(2003, 12, 11))
    assert (new_york.place, new_york.closes) == ("New York", date(2005, 12, 9))


def test_the_official_dates_are_those_of_the_depositary():
    official = {code: INSTRUMENTS[code].official_entry_into_force for code in (*PALERMO, "UNCAC")}
    assert official == {
        "UNTOC": date(2003, 9, 29),
        "TIP": date(2003, 12, 25),
        "SOM": date(2004, 1, 28),
        "FIREARMS": date(2005, 7, 3),
        "UNCAC": date(2005, 12, 14),
    }


def test_denouncing_the_convention_denounces_its_protocols():
    assert INSTRUMENTS["UNTOC"].denunciation_cascades_to_children
    assert INSTRUMENTS["UNTOC"].articles["cascade"] == "art. 40(3)"
    assert denunciation_takes_effect(INSTRUMENTS["UNTOC"], date(2010, 3, 1)) == date(2011, 3, 1)


def test_the_clamp_of_article_38_2_is_stated_as_an_interpretation():
    (sentence,) = INSTRUMENTS["UNTOC"].interpretations
    assert "art. 38(2)" in sentence and "clamps" in sentence


def test_the_1988_convention_needs_twenty_instruments_and_ninety_days():
    drugs = INSTRUMENTS["DRUGS1988"]
    assert (drugs.adopted, drugs.threshold, drugs.general_delay_days, drugs.later_delay_days) == (
        date(1988, 12, 19), 20, 90, 90,
    )  # fmt: skip
    assert drugs.official_entry_into_force == date(1990, 11, 11)
    vienna, new_york = drugs.signature_windows
    assert (vienna.place, vienna.closes, new_york.place, new_york.closes) == (
        "Vienna", date(1989, 2, 28), "New York", date(1989, 12, 20),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("code", "threshold", "delay", "official"),
    [
        ("FINANCING1999", 22, 30, date(2002, 4, 10)),
        ("BOMBINGS1997", 22, 30, date(2001, 5, 23)),
        ("HOSTAGES1979", 22, 30, date(1983, 6, 3)),
        ("TOKYO1963", 12, 90, date(1969, 12, 4)),
        ("HAGUE1970", 10, 30, date(1971, 10, 14)),
        ("CPPNM1980", 21, 30, date(1987, 2, 8)),
        ("SUA1988", 15, 90, date(1992, 3, 1)),
    ],
)
def test_terrorism_instruments_carry_their_threshold_delay_and_official_date(code, threshold, delay, official):
    rules = INSTRUMENTS[code]
    assert (rules.threshold, rules.general_delay_days, rules.official_entry_into_force) == (threshold, delay, official)
    assert "A/55/179" in rules.source


def test_the_nuclear_material_convention_counts_its_denunciation_delay_in_days():
    assert denunciation_takes_effect(INSTRUMENTS["CPPNM1980"], date(2000, 1, 1)) == date(2000, 6, 29)


def test_protocols_name_a_parent_that_is_a_record_and_comes_first():
    order = parents_first(INSTRUMENTS)
    for code, rules in INSTRUMENTS.items():
        if rules.parent:
            assert rules.parent in INSTRUMENTS
            assert order.index(rules.parent) < order.index(code)
            assert "parent" in rules.articles


def test_every_record_says_where_it_is_read_and_cites_its_articles():
    for rules in INSTRUMENTS.values():
        assert rules.source, rules.code
        assert {"general", "later", "denunciation", "signature"} <= set(rules.articles), rules.code


def test_every_date_of_a_record_is_consistent_with_its_adoption():
    for rules in INSTRUMENTS.values():
        assert rules.official_entry_into_force is None or rules.official_entry_into_force > rules.adopted
        for window in rules.signature_windows:
            assert rules.adopted <= window.opens <= window.closes, rules.code


def test_a_figure_that_could_not_be_checked_is_said_so():
    assert any("not been checked" in sentence for sentence in INSTRUMENTS["MARKING1991"].interpretations)
    assert any("not been checked" in sentence for sentence in INSTRUMENTS["AIRPORTS1988"].interpretations)
