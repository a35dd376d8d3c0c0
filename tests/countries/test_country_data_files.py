"""The shipped country data files: who is in them and what each row carries."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from countries_sample import TODAY, countries_by_code, shipped_data

from viennaplan.countries.datafiles import DATA_DIR, FILES, LANGUAGES


def test_the_files_list_193_member_states_2_observers_cook_islands_niue_and_the_eu():
    countries = shipped_data().countries
    kinds = Counter(country.kind for country in countries)
    assert len(countries) == 198
    assert kinds == {"member_state": 193, "observer_state": 2, "non_member_state": 2, "organization": 1}
    by_kind = {kind: {c.alpha3 for c in countries if c.kind == kind} for kind in kinds}
    assert by_kind["observer_state"] == {"VAT", "PSE"}
    assert by_kind["non_member_state"] == {"COK", "NIU"}
    assert by_kind["organization"] == {"EUU"}


def test_every_member_state_has_names_in_six_languages_an_m49_code_and_a_region():
    for country in shipped_data().countries:
        if country.kind == "organization":
            continue
        assert all(getattr(country, f"name_{language}") for language in LANGUAGES), country.alpha3
        assert re.fullmatch(r"\d{3}", country.m49), country.alpha3
        assert country.region and country.region_m49 and country.subregion, country.alpha3


def test_names_are_the_un_forms_not_colloquial_ones():
    countries = countries_by_code()
    assert countries["TUR"].name_en == "Türkiye"
    assert countries["CIV"].name_en == "Côte d'Ivoire"
    assert countries["BOL"].name_en == "Bolivia (Plurinational State of)"
    assert countries["GBR"].name_en == "United Kingdom of Great Britain and Northern Ireland"
    assert countries["CHE"].name_fr == "Suisse" and countries["CHE"].name_zh == "瑞士"
    assert countries["PSE"].name_en == "State of Palestine" and countries["VAT"].name_en == "Holy See"


def test_the_european_union_has_its_names_in_six_languages_and_no_m49_code():
    eu = countries_by_code()["EUU"]
    assert (eu.name_en, eu.name_fr, eu.name_es) == ("European Union", "Union européenne", "Unión Europea")
    assert (eu.name_ru, eu.name_zh, eu.name_ar) == ("Европейский союз", "欧洲联盟", "الاتحاد الأوروبي")
    assert eu.m49 == "" and eu.alpha2 == "EU" and eu.kind == "organization"


def test_member_states_were_admitted_between_24_october_1945_and_today_and_no_one_else_was():
    for country in shipped_data().countries:
        if country.kind == "member_state":
            assert date(1945, 10, 24) <= country.un_member_since <= TODAY, country.alpha3
        else:
            assert country.un_member_since is None, country.alpha3
    countries = countries_by_code()
    assert countries["CHE"].un_member_since == date(2002, 9, 10)
    assert countries["SSD"].un_member_since == date(2011, 7, 14)
    assert countries["SRB"].un_member_since == date(2000, 11, 1)
    assert countries["DEU"].un_member_since == date(1973, 9, 18)


def test_codes_are_unique():
    countries = shipped_data().countries
    for column in ("alpha3", "alpha2", "m49"):
        values = [getattr(country, column) for country in countries if getattr(country, column)]
        assert len(values) == len(set(values)), column


def test_the_former_states_and_their_successors():
    predecessors = {p.code: p for p in shipped_data().predecessors}
    assert set(predecessors) == {"YUG", "SCG", "CSK", "SUN", "DDR"}
    assert predecessors["SCG"].existed_from == date(2003, 2, 4) and predecessors["SCG"].existed_to == date(2006, 6, 3)
    assert predecessors["SCG"].successors == ("SRB", "MNE") and predecessors["SCG"].continued_by == "SRB"
    assert predecessors["YUG"].continued_by == "SCG"
    assert predecessors["CSK"].existed_to == date(1992, 12, 31) and predecessors["CSK"].successors == ("CZE", "SVK")
    assert predecessors["SUN"].continued_by == "RUS" and predecessors["DDR"].successors == ("DEU",)


def test_every_data_file_is_described_in_the_readme_with_its_source_date_and_licence():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", readme, flags=re.MULTILINE)
    for name in FILES:
        section = next((s for s in sections if s.startswith(f"`{name}`")), None)
        assert section is not None, f"README.md has no section on {name}"
        for word in ("Source", "Date", "Licence", "Changes"):
            assert f"**{word}**" in section, f"the section on {name} does not state its {word.lower()}"
