"""The events' rules are plain Python, their labels translated when shown, and a provision's path is
cited as the plan cites it."""

from __future__ import annotations

from django.utils.functional import Promise

from viennaplan.assistance.events import rules


def test_the_rules_load_only_the_translation_machinery_of_django(loads_only_translation):
    loads_only_translation(["viennaplan.assistance.events.rules"])


def test_every_label_is_a_lazy_translation():
    labels = [kind.label for kind in rules.KINDS.values()]
    labels += list(rules.DOCUMENT_KINDS.values()) + list(rules.OUTPUT_KINDS.values())
    assert labels and all(isinstance(label, Promise) for label in labels)


def test_a_path_is_cited_as_the_plan_cites_it():
    assert [rules.citation(path) for path in ("41", "10/c", "57/k/ii")] == ["41", "10(c)", "57(k)(ii)"]
