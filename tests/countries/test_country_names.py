"""Resolving the names the depositary writes to codes, on the date of the list (no database)."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from datetime import date

import pytest
from countries_sample import shipped_data, shipped_index

from viennaplan.countries.datafiles import LANGUAGES
from viennaplan.countries.names import NameEntry, NameIndex, UnknownState, normalise_name

DEPOSITARY_FORMS = [
    ("Bolivia (Plurinational State of)", "BOL"),
    ("Bolivia", "BOL"),
    ("Türkiye", "TUR"),
    ("Turkey", "TUR"),
    ("Côte d'Ivoire", "CIV"),
    ("Cote d'Ivoire", "CIV"),
    ("Côte d’Ivoire", "CIV"),
    ("Czechia", "CZE"),
    ("Czech Republic", "CZE"),
    ("Eswatini", "SWZ"),
    ("Swaziland", "SWZ"),
    ("North Macedonia", "MKD"),
    ("The former Yugoslav Republic of Macedonia", "MKD"),
    ("Cabo Verde", "CPV"),
    ("Cape Verde", "CPV"),
    ("Republic of Moldova", "MDA"),
    ("Russian Federation", "RUS"),
    ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
    ("United States of America", "USA"),
    ("Venezuela (Bolivarian Republic of)", "VEN"),
    ("Iran (Islamic Republic of)", "IRN"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("Republic of Korea", "KOR"),
    ("Lao People's Democratic Republic", "LAO"),
    ("Syrian Arab Republic", "SYR"),
    ("United Republic of Tanzania", "TZA"),
    ("Viet Nam", "VNM"),
    ("Micronesia (Federated States of)", "FSM"),
    ("Netherlands", "NLD"),
    ("Netherlands (Kingdom of the)", "NLD"),
    ("State of Palestine", "PSE"),
    ("Holy See", "VAT"),
    ("European Union", "EUU"),
    ("European Community", "EUU"),
    ("Serbia and Montenegro", "SCG"),
    ("Yugoslavia", "YUG"),
    ("Czechoslovakia", "CSK"),
    ("Zaire", "COD"),
    ("Burma", "MMR"),
    ("Switzerland", "CHE"),
    ("Swiss Confederation", "CHE"),
]


def variants(name: str) -> list[str]:
    """The same name as people also type it: upper case, lower case, without accents, spaced."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return [name, name.upper(), name.lower(), plain, f"  {name.replace(' ', '  ')} "]


@pytest.mark.parametrize(("name", "code"), DEPOSITARY_FORMS)
def test_every_depositary_form_resolves_whatever_its_case_and_accents(name, code):
    for variant in variants(name):
        assert shipped_index().resolve(variant) == code, variant


def test_every_un_name_in_the_six_languages_resolves_to_its_state():
    index = shipped_index()
    for country in shipped_data().countries:
        for language in LANGUAGES:
            assert index.resolve(getattr(country, f"name_{language}")) == country.alpha3, (country.alpha3, language)


def test_codes_resolve_to_themselves_in_any_case_and_alpha2_codes_to_alpha3():
    index = shipped_index()
    assert index.resolve("CHE") == "CHE" and index.resolve("che") == "CHE"
    assert index.resolve("CH") == "CHE" and index.resolve("EU") == "EUU"
    assert index.resolve("YUG") == "YUG" and index.resolve("scg") == "SCG"


def test_historical_names_resolve_on_the_dates_of_old_lists():
    index = shipped_index()
    assert index.resolve("Yugoslavia", on=date(2000, 12, 12)) == "YUG"
    assert index.resolve("Serbia and Montenegro", on=date(2005, 6, 1)) == "SCG"
    assert index.resolve("European Community", on=date(2004, 5, 21)) == "EUU"
    assert index.resolve("European Union", on=date(2012, 1, 1)) == "EUU"
    assert index.resolve("Czechoslovakia", on=date(1990, 3, 1)) == "CSK"
    assert index.resolve("Union of Soviet Socialist Republics", on=date(1988, 12, 20)) == "SUN"
    assert index.resolve("German Democratic Republic", on=date(1989, 1, 1)) == "DDR"
    assert index.resolve("Zaire", on=date(1990, 1, 1)) == "COD"
    assert index.resolve("Turkey", on=date(2003, 3, 25)) == "TUR"
    assert index.resolve("The former Yugoslav Republic of Macedonia", on=date(2002, 1, 1)) == "MKD"


def test_a_name_used_by_one_state_only_resolves_even_outside_its_recorded_period():
    index = shipped_index()
    assert index.resolve("Swaziland", on=date(2020, 1, 1)) == "SWZ"
    assert index.resolve("Türkiye", on=date(2001, 1, 1)) == "TUR"


def test_a_name_that_changed_meaning_is_decided_by_the_date():
    index = NameIndex(
        [
            NameEntry("Ruritania", "RUA", valid_to=date(1990, 12, 31)),
            NameEntry("Ruritania", "RUB", valid_from=date(1991, 1, 1)),
        ]
    )
    assert index.resolve("ruritania", on=date(1985, 1, 1)) == "RUA"
    assert index.resolve("Ruritania", on=date(2000, 1, 1)) == "RUB"
    assert index.resolve("Ruritania") == "RUB"  # without a date: the name in use today


def test_a_name_ambiguous_on_the_date_says_so_and_asks_for_the_date():
    index = NameIndex(
        [
            NameEntry("Ruritania", "RUA", valid_to=date(1980, 12, 31)),
            NameEntry("Ruritania", "RUB", valid_from=date(1991, 1, 1), valid_to=date(1999, 12, 31)),
        ]
    )
    with pytest.raises(UnknownState, match=r"ambiguous on 1985-01-01 \(RUA … to 1980-12-31; RUB 1991-01-01"):
        index.resolve("Ruritania", on=date(1985, 1, 1))
    with pytest.raises(UnknownState, match="give the date of the list"):
        index.resolve("Ruritania")


def test_an_unknown_name_gives_close_matches():
    expected = "unknown State or organization 'Swizerland'; did you mean 'Switzerland'"
    with pytest.raises(UnknownState, match=expected) as info:
        shipped_index().resolve("Swizerland")
    assert "Switzerland" in info.value.suggestions
    with pytest.raises(UnknownState) as info:
        shipped_index().resolve("Korea")
    assert {"Republic of Korea", "North Korea", "South Korea"} & set(info.value.suggestions)


def test_suggestions_name_each_state_once_by_its_un_english_name():
    with pytest.raises(UnknownState) as info:
        shipped_index().resolve("Albanie du Sud")  # close to the French name of Albania
    assert "Albania" in info.value.suggestions
    assert "Albanie" not in info.value.suggestions
    assert len(info.value.suggestions) == len(set(info.value.suggestions))


def test_an_empty_name_is_refused():
    with pytest.raises(UnknownState, match="the name is empty"):
        shipped_index().resolve("  ")


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("Côte d'Ivoire", "cote divoire"),
        ("CÔTE D’IVOIRE", "cote divoire"),
        ("Cote dʼIvoire", "cote divoire"),
        ("  Viet   Nam\t", "viet nam"),
        ("The former Yugoslav Republic of Macedonia", "former yugoslav republic of macedonia"),
        ("Netherlands (Kingdom of the)", "netherlands kingdom of"),
        ("Trinidad & Tobago", "trinidad and tobago"),
        ("Türkiye", "turkiye"),
        ("Timor-Leste", "timor leste"),
    ],
)
def test_normalise_name_ignores_case_accents_apostrophes_spacing_and_the(raw, normalised):
    assert normalise_name(raw) == normalised


def django_loaded_by(code: str) -> set[str]:
    """The Django modules a fresh interpreter has loaded after running `code`."""
    listing = "import sys; print(' '.join(m for m in sys.modules if m.split('.')[0] == 'django'))"
    run = subprocess.run([sys.executable, "-c", f"{code}\n{listing}"], check=True, capture_output=True, text=True)
    return set(run.stdout.split())


def test_names_and_data_files_need_no_django_but_its_translation():
    """Plain Python: only what `django.utils.translation` loads (the words people read, issue 11)."""
    allowed = django_loaded_by("import django.utils.translation")
    loaded = django_loaded_by(
        "import viennaplan.countries.names, viennaplan.countries.datafiles as d\nd.read_country_data().name_index()"
    )
    assert "django.db" not in allowed and "django.db" not in loaded
    assert sorted(loaded - allowed) == []
