"""The interface strings of the treaties' and the backups' Python code are marked for translation (issue 11).

- Labels defined at import time (a State's standing, the kinds of action, the chart's series, the
  admin's columns, the commands' help, the fixed notes and advice) are lazy translations, so they
  are translated when shown, in the reader's language: a plain str added to one of these fails here.
- Messages built at call time (the engine's explanation of why a State is or is not bound, the
  validation's refusals, the list warning, the rules in plain words, the commands' and the backups'
  refusals) are translated whole with named placeholders: with a French entry in the catalogue, the
  message comes out in French with the values in place.

The French entries are put in the active catalogue for the test only (the real catalogues are
written elsewhere); English, the source language, needs none. Instrument codes, articles and the
depositary's dates (`short_date`) are values, not words: they stay as written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.functional import Promise

from viennaplan.backups import files, postgres
from viennaplan.backups.management.commands import backup as backup_command
from viennaplan.backups.management.commands import restore as restore_command
from viennaplan.dates import long_date
from viennaplan.treaties import admin, charts, engine, listing, store, validation, words
from viennaplan.treaties.management.commands import treaties as treaties_command
from viennaplan.treaties.records import Action
from viennaplan.treaties.rules import INSTRUMENTS

LABEL_TABLES = {
    "words.STANDING_WORDS": words.STANDING_WORDS,
    "engine.KIND_LABELS": engine.KIND_LABELS,
    "charts.SERIES_LABELS": charts.SERIES_LABELS,
    "admin columns": {
        **{
            name: getattr(admin.InstrumentAdmin, name).short_description
            for name in ("adopted", "threshold", "parent", "official_entry_into_force")
        },
        "notes_display": admin.TreatyImportAdmin.notes_display.short_description,
    },
    "commands' help": {
        "treaties": treaties_command.Command.help,
        "backup": backup_command.Command.help,
        "restore": restore_command.Command.help,
    },
    "fixed sentences": {
        "validation.NO_SIGNATURE_NOTE": validation.NO_SIGNATURE_NOTE,
        "listing.UPDATE_ADVICE": listing.UPDATE_ADVICE,
        "store.NO_DATA": store.NO_DATA,
        "treaties FORMAT_HELP": treaties_command.FORMAT_HELP,
        "backups.postgres.INSTALL_HINT": postgres.INSTALL_HINT,
    },
}

FRENCH = {
    "Party": "Partie",
    "act of formal confirmation": "acte de confirmation formelle",
    "ratification": "ratification",
    "Signatories": "Signataires",
    "%(kind)s deposited %(day)s; %(why)s": "%(kind)s déposée le %(day)s ; %(why)s",
    "in force %(later)s: %(nth)s day after deposit, %(later_article)s": (
        "en vigueur le %(later)s : %(nth)s jour après le dépôt, %(later_article)s"
    ),
    "signed %(day)s (%(article)s); no consent to be bound on file": (
        "signé le %(day)s (%(article)s) ; aucun consentement à être lié au dossier"
    ),
    "a second signature: already signed on %(day)s": "une seconde signature : déjà signé le %(day)s",
    "row %(row)s: %(state)s %(code)s: %(message)s": "ligne %(row)s : %(state)s %(code)s : %(message)s",
    "Adopted on %(adopted)s by %(by)s.": "Adopté le %(adopted)s par %(by)s.",
    "import the current list to update": "importer la liste actuelle pour la mettre à jour",
    (
        "Status as listed by the depositary on %(day)s; %(n)s later action from other depositary documents is "
        "counted, but the figures after %(day)s are incomplete — %(advice)s.",
        0,
    ): "État selon la liste du dépositaire du %(day)s ; %(n)s action ultérieure est comptée — %(advice)s.",
    (
        "Status as listed by the depositary on %(day)s; %(n)s later action from other depositary documents is "
        "counted, but the figures after %(day)s are incomplete — %(advice)s.",
        1,
    ): "État selon la liste du dépositaire du %(day)s ; %(n)s actions ultérieures sont comptées — %(advice)s.",
    "unknown instrument %(code)s; known: %(codes)s": "instrument inconnu %(code)s ; connus : %(codes)s",
    "%(path)s: no such file": "%(path)s : fichier introuvable",
}


@pytest.mark.parametrize("table", sorted(LABEL_TABLES))
def test_every_label_of_the_fixed_tables_is_a_lazy_translation(table):
    plain = {key: label for key, label in LABEL_TABLES[table].items() if not isinstance(label, Promise)}
    assert plain == {}, f"{table}: mark these labels with gettext_lazy"


def test_every_kind_of_action_has_a_label():
    from viennaplan.treaties.records import ACTION_KINDS

    assert set(engine.KIND_LABELS) == set(ACTION_KINDS)


def test_a_label_is_translated_when_shown_not_when_defined(french):
    assert str(words.STANDING_WORDS["party"]) == "Partie"
    assert engine.kind_label("formal_confirmation") == "acte de confirmation formelle"
    signatories = charts.status_series([])[0]
    assert signatories.label == "Signataires"
    with translation.override("en"):
        assert str(words.STANDING_WORDS["party"]) == "Party"
        assert engine.kind_label("formal_confirmation") == "act of formal confirmation"


UNTOC = INSTRUMENTS["UNTOC"]
FORTY = [Action(f"S{n:02d}", "UNTOC", "ratification", date(2003, 7, 1)) for n in range(40)]  # in force 29 Sep 2003


def test_why_a_state_is_bound_is_explained_in_french_with_its_dates_and_article(french):
    status = engine.instrument_status(
        UNTOC,
        [
            *FORTY,
            Action("CUB", "UNTOC", "ratification", date(2006, 10, 27)),
            Action("CHE", "UNTOC", "signature", date(2000, 12, 12)),
        ],
    )
    explained = {state.state: state.explanation for state in status.states}
    assert (
        explained["CUB"] == "ratification déposée le 27 octobre 2006 ; en vigueur le 26 novembre 2006 : "
        "30e jour après le dépôt, art. 38(2)"
    )
    assert explained["CHE"] == "signé le 12 décembre 2000 (art. 36(1)) ; aucun consentement à être lié au dossier"


def test_a_refusal_of_the_validation_comes_out_in_french_with_its_values(french):
    signatures = [Action("CHE", "UNTOC", "signature", date(2000, 12, 12), row=row) for row in (1, 2)]
    errors, _notes = validation.validate(signatures, INSTRUMENTS, known_states={"CHE"}, organizations={})
    assert [str(error) for error in errors] == [
        "ligne 2 : CHE UNTOC : une seconde signature : déjà signé le 12 décembre 2000"
    ]


def test_the_rules_in_words_and_the_list_warning_come_out_in_french(french):
    assert (
        words.rules_in_words(UNTOC)[0]
        == f"Adopté le {long_date(date(2000, 11, 15))} par General Assembly resolution 55/25."
    )
    listed = date(2014, 1, 27)
    one = listing.AsListed("UNTOC", date(2015, 1, 1), listed, later_actions=1)
    three = listing.AsListed("UNTOC", date(2015, 1, 1), listed, later_actions=3)
    advice = "importer la liste actuelle pour la mettre à jour"
    assert (
        one.warning
        == f"État selon la liste du dépositaire du {long_date(listed)} ; 1 action ultérieure est comptée — {advice}."
    )
    assert three.warning == (
        f"État selon la liste du dépositaire du {long_date(listed)} ; 3 actions ultérieures sont comptées — {advice}."
    )


def test_the_commands_refusals_come_out_in_french(french):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as refused:
        treaties_command.find_instrument("NOPE")
    assert str(refused.value) == f"instrument inconnu 'NOPE' ; connus : {', '.join(INSTRUMENTS)}"
    with pytest.raises(files.BackupError) as refused:
        files.file_engine(Path("/nonexistent/viennaplan.backup"))
    assert str(refused.value) == "/nonexistent/viennaplan.backup : fichier introuvable"


def test_the_english_messages_are_unchanged():
    with translation.override("en"):
        errors, _notes = validation.validate(
            [Action("CHE", "UNTOC", "signature", date(2000, 12, 12), row=row) for row in (1, 2)],
            INSTRUMENTS,
            known_states={"CHE"},
            organizations={},
        )
        assert [str(error) for error in errors] == [
            "row 2: CHE UNTOC: a second signature: already signed on 12 Dec 2000"
        ]
        one = listing.AsListed("UNTOC", date(2015, 1, 1), date(2014, 1, 27), later_actions=1)
        assert "; 1 later action from other depositary documents is counted, but" in one.warning
