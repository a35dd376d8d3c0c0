"""The indicators' interface strings in Python are marked for translation (issue 11).

- The fixed labels (the flags' legend words, the kinds of indicator and why a value of each
  kind is impossible) are lazy translations, translated when shown: a plain str added to one of
  these tables fails here.
- Messages built at call time (a refused value, a refused filter, a refused upload, a command's
  help) come out in the reader's language with their values in place; the codes they quote
  (flag words, marks, column names) stay as they are.
- The plain-Python readers (the catalogue, the observations file) load nothing of Django but
  `django.utils.translation`.

The French entries are put in the active catalogue for the test only (the real catalogues are
written elsewhere); English, the source language, needs none.
"""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation
from django.utils.functional import Promise

from viennaplan.indicators import catalogue, tables
from viennaplan.indicators.management.commands.indicators import Command as IndicatorsCommand
from viennaplan.indicators.observations import read_value
from viennaplan.indicators.uploads import TooLarge, receive

LABEL_TABLES = {
    "tables.FLAGS (legend words)": {name: words for name, _word, _mark, words in tables.FLAGS},
    "catalogue.KINDS": catalogue.KINDS,
    "catalogue.NEGATIVE_PROBLEMS": catalogue.NEGATIVE_PROBLEMS,
}

PLAIN = ("viennaplan.indicators.catalogue", "viennaplan.indicators.observations", "viennaplan.indicators.tables")

FRENCH = {
    "break in series": "rupture de série",
    "a count cannot be negative": "un effectif ne peut pas être négatif",
    "is not a number as written: write it without thousands separators (1234.5)": (
        "n’est pas un nombre tel qu’écrit : écrivez-le sans séparateur de milliers (1234.5)"
    ),
    "year_from %(year_from)s is after year_to %(year_to)s": "year_from %(year_from)s est après year_to %(year_to)s",
    "The file is %(size)s MB; files of up to %(limit)s MB are accepted. "
    "Split it (by indicator or by years) and upload each part. Nothing was read or stored.": (
        "Le fichier fait %(size)s Mo ; les fichiers de %(limit)s Mo au plus sont acceptés. "
        "Divisez-le (par indicateur ou par années) et envoyez chaque partie. Rien n’a été lu ni enregistré."
    ),
    "import observations (tidy CSV or SDMX-CSV)": "importer des observations (CSV ordonné ou SDMX-CSV)",
}


def count_spec() -> catalogue.IndicatorSpec:
    return catalogue.IndicatorSpec(code="tip_persons_convicted", name="Persons convicted", kind=catalogue.COUNT)


@pytest.mark.parametrize("table", sorted(LABEL_TABLES))
def test_every_label_of_the_fixed_tables_is_a_lazy_translation(table):
    plain = {key: label for key, label in LABEL_TABLES[table].items() if not isinstance(label, Promise)}
    assert plain == {}, f"{table}: mark these labels with gettext_lazy"


def test_a_label_is_translated_when_shown_and_the_codes_stay(french):
    legend = {mark: str(words) for _name, _word, mark, words in tables.FLAGS}
    assert legend["b"] == "rupture de série"
    assert [word for _name, word, _mark, _words in tables.FLAGS] == ["estimate", "provisional", "break"]
    with translation.override("en"):
        assert str(tables.FLAGS[2][3]) == "break in series"


def test_a_message_is_translated_with_its_values_in_place(french):
    assert count_spec().value_problem(Decimal("-3")) == "un effectif ne peut pas être négatif"
    with pytest.raises(ValueError) as refused:
        read_value("1,234")
    assert str(refused.value) == "n’est pas un nombre tel qu’écrit : écrivez-le sans séparateur de milliers (1234.5)"
    with pytest.raises(tables.BadFilter) as refused:
        tables.check_filters(year_from=2010, year_to=2005, regions=(), groups=(), states=(), dimensions={})
    assert str(refused.value) == "year_from 2010 est après year_to 2005"


def test_a_refused_upload_says_so_in_the_readers_language(french, settings):
    settings.INDICATORS_UPLOAD_MAX_BYTES = 1048576
    with pytest.raises(TooLarge) as refused:
        receive(SimpleNamespace(size=3 * 1048576, name="big.csv"), user=None)
    assert str(refused.value).startswith("Le fichier fait 3.0 Mo ; les fichiers de 1 Mo au plus sont acceptés.")


def test_a_commands_help_is_in_the_active_language(french):
    words = " ".join(IndicatorsCommand().create_parser("viennaplan", "indicators").format_help().split())
    assert "importer des observations (CSV ordonné ou SDMX-CSV)" in words


def test_the_english_messages_are_unchanged():
    with translation.override("en"):
        assert count_spec().value_problem(Decimal("-3")) == "a count cannot be negative"
        percentage = catalogue.IndicatorSpec(code="p", name="P", kind=catalogue.PERCENTAGE)
        assert percentage.value_problem(Decimal("-1")) == "a percentage cannot be negative"
        with pytest.raises(tables.BadFilter) as refused:
            tables.check_filters(year_from=2010, year_to=2005, regions=(), groups=(), states=(), dimensions={})
        assert str(refused.value) == "year_from 2010 is after year_to 2005"
        assert tables.disaggregation_label("sex=female", {"sex": "Sex"}) == "Sex: female"
        assert tables.disaggregation_label("", {}) == "Total"


def test_the_plain_python_readers_load_only_the_translation_machinery_of_django(loads_only_translation):
    loads_only_translation(PLAIN)
