"""The cached country facts other apps use: EU membership on a date, names, kinds."""

from __future__ import annotations

from datetime import date

import pytest
from countries_sample import TODAY, forget_registry

from viennaplan.countries import registry
from viennaplan.countries.models import Country

fresh_registry = pytest.fixture(autouse=True)(forget_registry)


def test_the_united_kingdom_was_an_eu_member_until_31_january_2020(db):
    assert "GBR" in registry.eu_members_on(date(2020, 1, 31))
    assert "GBR" not in registry.eu_members_on(date(2020, 2, 1))


def test_croatia_joined_on_1_july_2013(db):
    assert "HRV" not in registry.eu_members_on(date(2013, 6, 30))
    assert "HRV" in registry.eu_members_on(date(2013, 7, 1))


def test_the_eu_had_15_members_when_the_convention_was_signed_and_has_27_today(db):
    assert len(registry.eu_members_on(date(2000, 12, 12))) == 15
    assert len(registry.eu_members_on(TODAY)) == 27
    assert registry.eu_members_on(date(1957, 12, 31)) == set()


def test_names_and_kinds(db):
    assert registry.country_name("CHE") == "Switzerland"
    assert registry.country_name("SCG") == "Serbia and Montenegro"
    assert registry.country_name("XXX") == "XXX"
    assert registry.is_organization("EUU") and not registry.is_organization("CHE")
    assert len(registry.member_states()) == 193


def test_resolve_state_reads_the_names_from_the_database(db):
    assert registry.resolve_state("Plurinational State of Bolivia") == "BOL"
    assert registry.resolve_state("european community", date(2003, 12, 10)) == "EUU"


def test_a_saved_change_is_seen_at_once(db):
    assert registry.country_name("CHE") == "Switzerland"
    Country.objects.filter(alpha3="CHE").update(name_en="Helvetia")  # no signal: the snapshot is kept
    assert registry.country_name("CHE") == "Switzerland"
    country = Country.objects.get(alpha3="CHE")
    country.save()  # a save (admin, shell) drops the snapshot
    assert registry.country_name("CHE") == "Helvetia"
    assert registry.resolve_state("Helvetia") == "CHE"


def test_the_state_directory_lists_every_state_and_organization_by_name_with_region_and_groups(db):
    directory = registry.state_directory()
    assert len(directory) == Country.objects.count()
    names = [info.name for info in directory.values()]
    assert names.index("Côte d'Ivoire") < names.index("Croatia") < names.index("Cuba")  # accents do not count
    switzerland = directory["CHE"]
    assert (switzerland.alpha3, switzerland.name, switzerland.region) == ("CHE", "Switzerland", "Europe")
    assert "western_european_others" in switzerland.groups and not switzerland.is_organization
    assert directory["EUU"].is_organization
    assert registry.state_name("CHE", directory) == "Switzerland"
    assert registry.state_name("XXX", directory) == "XXX"
    assert registry.state_name("CHE") == "CHE"  # no directory given: the code
    assert registry.group_names()["western_european_others"].startswith("Western European")


def test_state_codes_are_the_current_states_and_former_states_point_at_who_continues_them(db):
    codes = registry.state_codes()
    assert {"CHE", "SRB", "RUS", "EUU"} <= codes and "SCG" not in codes and "YUG" not in codes
    former = registry.continuing_states()
    assert former["SCG"] == ("Serbia and Montenegro", "SRB")
    assert former["SUN"][1] == "RUS"
    assert former["CSK"][1] is None  # Czechoslovakia: no State continues it


def test_the_states_that_report_are_every_current_state_by_name_without_the_eu(db):
    states = registry.states()
    codes = [state.alpha3 for state in states]
    assert "CHE" in codes and "PSE" in codes and "VAT" in codes
    assert "EUU" not in codes and "SCG" not in codes
    assert len(codes) == Country.objects.exclude(kind="organization").count() == 197
    names = [state.name for state in states]
    assert names[0] == "Afghanistan" and names[-1] == "Zimbabwe"
    assert names.index("Türkiye") < names.index("Turkmenistan")  # "ü" is read as "u", not after "z"


def test_is_country_knows_current_states_and_the_eu_but_not_former_states(db):
    assert registry.is_country("CHE") and registry.is_country("EUU")
    assert not registry.is_country("SCG")  # Serbia and Montenegro: a former State
    assert not registry.is_country("XXX")


@pytest.mark.parametrize(
    ("language", "first", "before", "after"),
    [
        # French: accented initials sort with their letter ("Égypte" between "Cuba" and "Espagne").
        ("fr", "Afghanistan", "Égypte", "Espagne"),
        # Spanish: "Ñ" is its own letter after "N".
        ("es", "Afganistán", "Nigeria", "Noruega"),
        # Russian: by the Cyrillic alphabet ("Австрия" before "Япония").
        ("ru", "Австралия", "Австрия", "Япония"),
        # Chinese: by the pinyin reading (阿富汗 Āfùhàn first, 中国 Zhōngguó near the end).
        ("zh", "阿尔巴尼亚", "德国", "中国"),
        # Arabic: by the Arabic alphabet (إثيوبيا before مصر).
        ("ar", None, "إثيوبيا", "مصر"),
    ],
)
def test_state_names_are_in_the_readers_language_and_sorted_by_its_alphabet(db, language, first, before, after):
    from django.utils import translation

    with translation.override("zh-hans" if language == "zh" else language):
        names = [info.name for info in registry.states()]
        assert registry.country_name("CHE") == Country.objects.get(pk="CHE").name_in(language)
        assert Country.objects.get(pk="CHE").name == registry.country_name("CHE")
    assert names == [info.name for info in registry.states(language)]
    assert before in names and after in names and names.index(before) < names.index(after)
    if first:
        assert names[:2].count(first) == 1, names[:3]
    if language != "ru":  # the Russian names hold no "ё": code-point order happens to be right there
        assert names != sorted(names), "sorted by code point: the language's order was not applied"
    assert registry.country_name("SCG", language) == "Serbia and Montenegro"  # former States: English only


def test_the_directory_of_one_language_is_not_served_to_another(db):
    assert registry.state_directory("fr")["DEU"].name == "Allemagne"
    assert registry.state_directory("en")["DEU"].name == "Germany"
    assert registry.state_directory("ru")["DEU"].name == "Германия"
