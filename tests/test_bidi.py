"""Citations inside sentences built in Python keep their order in Arabic (issue 11)."""

from __future__ import annotations

from datetime import date

from django.utils import translation

from viennaplan.bidi import LRI, PDI, isolate, isolated
from viennaplan.treaties.engine import instrument_status
from viennaplan.treaties.records import Action
from viennaplan.treaties.rules import INSTRUMENTS
from viennaplan.treaties.words import rules_in_words


def test_a_value_is_isolated_only_in_a_right_to_left_language():
    assert isolate("art. 38(2)") == "art. 38(2)"
    with translation.override("fr"):
        assert isolated({"general": "art. 38(1)", "none": ""}) == {"general": "art. 38(1)", "none": ""}
    with translation.override("ar"):
        assert isolate("art. 38(2)") == f"{LRI}art. 38(2){PDI}"
        assert isolated({"general": "art. 38(1)", "none": ""}) == {"general": f"{LRI}art. 38(1){PDI}", "none": ""}


def test_the_treaty_rules_and_explanations_isolate_their_articles_in_arabic():
    untoc = INSTRUMENTS["UNTOC"]
    forty = [Action(f"S{n:02d}", "UNTOC", "ratification", date(2003, 7, 1)) for n in range(40)]
    late = Action("CUB", "UNTOC", "ratification", date(2006, 10, 27))
    with translation.override("ar"):
        sentences = " ".join(rules_in_words(untoc))
        status = instrument_status(untoc, [*forty, late], as_of=date(2010, 1, 1))
        why = {state.state: state.explanation for state in status.states}["CUB"]
    assert f"{LRI}art. 38(1){PDI}" in sentences
    assert f"{LRI}art. 38(2){PDI}" in why
    english = " ".join(rules_in_words(untoc))
    assert LRI not in english and "art. 38(1)" in english
