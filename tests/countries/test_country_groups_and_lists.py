"""UN regional groups and the LDC, LLDC and SIDS lists, over time."""

from __future__ import annotations

from collections import Counter
from datetime import date

from countries_sample import TODAY, shipped_data

from viennaplan.countries import registry

# Exceptions found in the data, listed so that a change to them is seen.
STATES_IN_TWO_GROUPS = {"TUR": ("western_european_others", "asia_pacific")}
SPECIAL_CASES_WITH_A_NOTE = {"TUR", "USA", "ISR", "KIR", "PSE"}
IN_NO_GROUP = {"VAT", "COK", "NIU", "EUU"}
GRADUATED_SINCE_2021 = {"BTN", "STP", "BGD", "LAO", "NPL"}


def member_states() -> set[str]:
    return {c.alpha3 for c in shipped_data().countries if c.kind == "member_state"}


def test_every_member_state_is_counted_in_exactly_one_regional_group():
    primary = Counter(g.state for g in shipped_data().groups if g.primary)
    assert set(primary) >= member_states()
    assert all(count == 1 for count in primary.values())


def test_the_five_groups_count_193_member_states_between_them():
    sizes = Counter(g.group for g in shipped_data().groups if g.primary and g.state in member_states())
    assert sizes == {
        "african": 54,
        "asia_pacific": 54,
        "eastern_european": 23,
        "latin_american_caribbean": 33,
        "western_european_others": 29,
    }
    assert sum(sizes.values()) == 193


def test_the_exceptions_in_the_groups_are_exactly_those_listed_here_each_with_a_note():
    groups: dict[str, list[str]] = {}
    for g in shipped_data().groups:
        groups.setdefault(g.state, []).append(g.group)
    assert {state: tuple(found) for state, found in groups.items() if len(found) > 1} == STATES_IN_TWO_GROUPS
    noted = {g.state for g in shipped_data().groups if g.note}
    assert noted == SPECIAL_CASES_WITH_A_NOTE
    assert not IN_NO_GROUP & set(groups)
    assert groups["USA"] == ["western_european_others"] and groups["ISR"] == ["western_european_others"]
    assert groups["KIR"] == ["asia_pacific"] and groups["PSE"] == ["asia_pacific"]


def test_the_registry_gives_the_group_a_state_is_counted_in(db):
    assert registry.regional_group("TUR") == "western_european_others"
    assert registry.regional_groups_of("TUR") == STATES_IN_TWO_GROUPS["TUR"]
    assert registry.regional_group("CHE") == "western_european_others"
    assert registry.regional_group("NGA") == "african"
    assert registry.regional_group("EUU") is None
    assert len(registry.states_in_group("eastern_european")) == 23


def test_the_ldc_list_of_today_differs_from_2021_by_exactly_the_graduations_recorded(db):
    in_2021 = registry.states_on_list("ldc", date(2021, 1, 1))
    today = registry.states_on_list("ldc", TODAY)
    assert len(in_2021) == 46 and len(today) == 41
    assert in_2021 - today == GRADUATED_SINCE_2021
    assert today <= in_2021
    graduated = {s.state for s in shipped_data().statuses if s.list == "ldc" and s.until and s.until > date(2021, 1, 1)}
    assert graduated == GRADUATED_SINCE_2021


def test_vanuatu_had_already_graduated_by_2021_but_was_an_ldc_in_2002(db):
    assert not registry.is_ldc("VUT", date(2021, 1, 1))
    assert registry.is_ldc("VUT", date(2002, 12, 31))
    assert registry.is_ldc("CPV", date(2002, 12, 31)) and not registry.is_ldc("CPV", date(2008, 1, 1))


def test_a_graduation_takes_effect_on_its_day_and_keeps_its_row_and_source():
    rows = {s.state: s for s in shipped_data().statuses if s.list == "ldc"}
    assert rows["BTN"].until == date(2023, 12, 13) and "73/133" in rows["BTN"].source
    assert rows["STP"].until == date(2024, 12, 13) and "73/133" in rows["STP"].source
    for code in ("BGD", "LAO", "NPL"):
        assert rows[code].until == date(2026, 11, 24) and "General Assembly resolution 76/8" in rows[code].source


def test_bangladesh_was_an_ldc_the_day_before_its_graduation_and_not_on_the_day(db):
    assert registry.is_ldc("BGD", date(2026, 11, 23))
    assert not registry.is_ldc("BGD", date(2026, 11, 24))


def test_solomon_islands_is_still_an_ldc_today(db):
    assert registry.is_ldc("SLB", TODAY)


def test_the_lldc_and_sids_lists(db):
    assert len(registry.states_on_list("lldc", TODAY)) == 32
    sids = registry.states_on_list("sids", TODAY)
    assert len(sids) == 39 and {"COK", "NIU"} <= sids
    assert registry.is_lldc("BOL") and registry.is_sids("JAM") and not registry.is_sids("CHE")
    assert registry.statuses_on("NPL", TODAY) == {"lldc"}
    assert registry.statuses_on("NPL", date(2021, 1, 1)) == {"ldc", "lldc"}


def test_every_status_row_names_its_source():
    assert all(status.source for status in shipped_data().statuses)
