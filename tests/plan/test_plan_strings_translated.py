"""The plan's interface strings in Python are marked for translation (issue 11).

- The fixed labels (the chapter outline's headings, the actors' names, the search form's choices,
  the actor kinds, the `viennaplan --help` summaries) are lazy translations, translated when shown:
  a plain str added to one of these tables fails here.
- Messages built at call time come out in the reader's language with their values in place: an
  objectives label, a deadline as a page reads it, a refusal of the import, a command's help.
- What is an address or data stays English whatever the language: the anchors of the chapter
  page, and the actors' names as the database keeps them.
- The plain-Python rules (actors, integrity, deadlines) load nothing of Django but
  `django.utils.translation`.

The French entries are put in the active catalogue for the test only (the real catalogues are
written elsewhere); English, the source language, needs none.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from django.utils import translation
from django.utils.functional import Promise

from viennaplan import cli
from viennaplan.plan import actors
from viennaplan.plan.integrity import InconsistentPlanError, check_plan
from viennaplan.plan.management.commands.plan import Command as PlanCommand
from viennaplan.plan.models import Actor, Deadline
from viennaplan.plan.views import outline
from viennaplan.plan.views.dates import describe
from viennaplan.plan.views.search import SCOPE_CHOICES

LABEL_TABLES = {
    "outline.SECTION_TITLES": outline.SECTION_TITLES,
    "outline.KIND_HEADINGS (headings)": {kind: heading for kind, (_n, heading) in outline.KIND_HEADINGS.items()},
    "actors.ACTORS (names)": {code: name for code, (name, _kind) in actors.ACTORS.items()},
    "views.search.SCOPE_CHOICES": dict(SCOPE_CHOICES),
    "Actor.KIND_CHOICES": dict(Actor.KIND_CHOICES),
    "cli.PROJECT_COMMANDS": dict(cli.PROJECT_COMMANDS),
    "cli.DJANGO_COMMANDS": dict(cli.DJANGO_COMMANDS),
    "cli.USAGE": {"usage": cli.USAGE},
}

PLAIN = ("viennaplan.plan.actors", "viennaplan.plan.integrity", "viennaplan.plan.deadlines")

FRENCH = {
    "Commitments": "Engagements",
    "National actions": "Actions nationales",
    "Centre for International Crime Prevention": "Centre de prévention internationale du crime",
    "Objectives %(first)s–%(last)s": "Objectifs %(first)s–%(last)s",
    "by the end of %(year)s": "d’ici à la fin de %(year)s",
    "note %(number)s comes first; notes must be numbered 1, 2, 3, …": (
        "la note %(number)s vient en premier ; les notes doivent être numérotées 1, 2, 3, …"
    ),
    "import the plan from its text or a JSON export (idempotent)": (
        "importer le plan depuis son texte ou un export JSON (idempotent)"
    ),
    "Import, export and inspect the Plans of Action (`viennaplan plan SUBCOMMAND --help`).": (
        "Importer, exporter et examiner les plans d’action (`viennaplan plan SOUS-COMMANDE --help`)."
    ),
}


@pytest.mark.parametrize("table", sorted(LABEL_TABLES))
def test_every_label_of_the_fixed_tables_is_a_lazy_translation(table):
    plain = {key: label for key, label in LABEL_TABLES[table].items() if not isinstance(label, Promise)}
    assert plain == {}, f"{table}: mark these labels with gettext_lazy"


def test_a_label_is_translated_when_shown_not_when_defined(french):
    assert str(outline.SECTION_TITLES["commitments"]) == "Engagements"
    assert Actor(code="cicp", name="Centre for International Crime Prevention").label == (
        "Centre de prévention internationale du crime"
    )
    with translation.override("en"):
        assert str(outline.SECTION_TITLES["commitments"]) == "Commitments"


def test_a_message_is_translated_with_its_values_in_place(french, plan_document):
    assert outline.objectives_label([1, 2]) == "Objectifs 1–2"
    by_end_of_year = Deadline(text="by the end of 2002", start=None, end=date(2002, 12, 31), precision="year")
    assert describe(by_end_of_year).label == "d’ici à la fin de 2002"
    with pytest.raises(InconsistentPlanError) as refused:
        check_plan(replace(plan_document, notes=plan_document.notes[1:]))
    assert str(refused.value) == "la note 2 vient en premier ; les notes doivent être numérotées 1, 2, 3, …"


def test_a_commands_help_is_in_the_active_language(french):
    words = " ".join(PlanCommand().create_parser("viennaplan", "plan").format_help().split())
    assert "Importer, exporter et examiner les plans d’action" in words  # the command's description
    assert "importer le plan depuis son texte ou un export JSON" in words  # a subcommand's line


def test_the_english_messages_are_unchanged(plan_document):
    with translation.override("en"):
        assert outline.objectives_label([1, 3]) == "Objectives 1 and 3"
        within_year = Deadline(text="in 2002", start=date(2002, 1, 1), end=date(2002, 12, 31), precision="year")
        assert describe(within_year).label == "in 2002"
        with pytest.raises(InconsistentPlanError) as refused:
            check_plan(replace(plan_document, notes=plan_document.notes[1:]))
        assert str(refused.value) == "note 2 comes first; notes must be numbered 1, 2, 3, …"


def test_addresses_and_stored_names_stay_english(french):
    assert outline.block_anchor("objectives-1-2", "national_action") == "objectives-1-2-national-actions"
    assert str(outline.KIND_HEADINGS["national_action"][1]) == "Actions nationales"
    with translation.override("en"):
        stored = str(actors.ACTORS["cicp"][0])
    assert stored == "Centre for International Crime Prevention"


@pytest.mark.django_db
def test_an_actor_is_stored_in_english_whatever_the_language_of_the_import(french):
    from viennaplan.plan.saving import ensure_actors

    ensure_actors(["cicp"])
    assert Actor.objects.get(code="cicp").name == "Centre for International Crime Prevention"


def test_the_plain_python_rules_load_only_the_translation_machinery_of_django(loads_only_translation):
    loads_only_translation(PLAIN)
