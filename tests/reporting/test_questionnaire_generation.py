"""The questionnaire of a cycle is generated from the plan: one question per national-action
paragraph without items, and one per item (sub-items stay within their item's question)."""

from __future__ import annotations

from datetime import date

import pytest

from viennaplan.plan.models import Provision
from viennaplan.reporting.cycles import CycleError, open_cycle
from viennaplan.reporting.models import Question
from viennaplan.reporting.questionnaire import (
    ROMAN,
    QuestionnaireError,
    action_units,
    normalise_chapters,
    questions_for,
)

ALL_ACTION_CHAPTERS = ["III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
# The shipped plan: 22 national-action paragraphs, 7 of them without items; the other 15 have 99 items.
PARAGRAPHS_WITHOUT_ITEMS = 7
ITEMS = 99


def test_the_real_plan_asks_106_questions_over_all_chapters(plan_document):
    questions = questions_for(plan_document.paragraphs, ROMAN)
    assert len(questions) == PARAGRAPHS_WITHOUT_ITEMS + ITEMS == 106


def test_the_count_is_paragraphs_without_items_plus_items(plan_document):
    national = [p for p in plan_document.paragraphs if p.kind == "national_action"]
    assert len(national) == 22
    assert sum(1 for p in national if not p.children) == PARAGRAPHS_WITHOUT_ITEMS
    assert sum(len(p.children) for p in national) == ITEMS


def test_opening_a_cycle_on_all_chapters_stores_106_questions(imported_plan, secretariat):
    cycle = open_cycle(secretariat, "2005 review", date(2005, 1, 1), date(2005, 12, 31), ALL_ACTION_CHAPTERS)
    stored = Provision.objects.filter(version=imported_plan, kind="national_action")
    expected = stored.filter(depth=0, children__isnull=True).count() + stored.filter(depth=1).count()
    assert cycle.questions.count() == expected == 106
    assert list(cycle.questions.values_list("position", flat=True)) == list(range(1, 107))


def test_a_paragraph_without_items_is_one_question_keyed_by_its_number(plan_document):
    by_path = {q.path: q for q in questions_for(plan_document.paragraphs, ["III"])}
    assert "16" in by_path and by_path["16"].citation == "16"
    assert by_path["16"].text.startswith("Each State that ratifies an instrument")


def test_a_paragraph_with_items_is_asked_item_by_item_with_its_lead_in(plan_document):
    paths = [q.path for q in questions_for(plan_document.paragraphs, ["III"])]
    assert "10" not in paths
    assert paths[:4] == ["10/a", "10/b", "10/c", "10/d"]
    first = questions_for(plan_document.paragraphs, ["III"])[0]
    assert first.text.startswith("States that have not signed the instruments") and "(a) " in first.text
    assert first.paragraph_path == "10" and first.chapter == "III" and first.objectives == (1,)


def test_sub_items_stay_within_their_items_question(plan_document):
    questions = {q.path: q for q in questions_for(plan_document.paragraphs, ROMAN)}
    assert "57/k" in questions
    assert not any(path.startswith("57/k/") for path in questions)
    assert all(f"({label}) " in questions["57/k"].text for label in ("i", "ii", "iii", "iv"))


def test_only_the_chosen_chapters_are_asked_in_plan_order(plan_document):
    chapters = [q.chapter for q in questions_for(plan_document.paragraphs, ["VII", "VI"])]
    assert set(chapters) == {"VI", "VII"} and chapters == sorted(chapters, key=ROMAN.index)


def test_international_actions_are_units_of_the_same_kind(plan_document):
    units = action_units(plan_document.paragraphs, ROMAN, "international_action")
    assert len(units) == 15 + 67
    assert {u.path for u in units} >= {"11", "13/a", "13/b"}


def test_chapters_are_normalised_and_unknown_ones_named():
    assert normalise_chapters(["vii", " III ", "VII"]) == ["III", "VII"]
    with pytest.raises(QuestionnaireError, match="XIV, 3"):
        normalise_chapters(["III", "XIV", "3"])
    with pytest.raises(QuestionnaireError, match="at least one chapter"):
        normalise_chapters([])


def test_a_cycle_on_chapters_without_national_actions_is_refused(imported_plan, secretariat):
    with pytest.raises(CycleError, match="no national action"):
        open_cycle(secretariat, "Background only", date(2002, 1, 1), date(2002, 12, 31), ["I", "II"])
    assert not Question.objects.exists()


def test_question_texts_are_a_snapshot_linked_to_the_provision(cycle):
    question = cycle.questions.get(path="57/k")
    assert question.provision.path == "57/k" and question.provision.citation == "57(k)"
    assert question.text.startswith(question.provision.parent.text.strip())
