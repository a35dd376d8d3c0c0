"""Importing and exporting best practices and their evaluations as one CSV: all or nothing, every bad
row reported by row and column, a second import changes nothing, export -> import -> export gives the
same bytes, and every change is kept in history."""

from __future__ import annotations

import datetime

import pytest
from practices_sample import HEADER, PRACTICES

from viennaplan.knowledge.practices.csv_io import PracticesRefused, import_practices, write_csv
from viennaplan.knowledge.practices.models import Evaluation, Practice, PracticeProvision, PracticeState

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    models = (Practice, PracticeProvision, PracticeState, Evaluation)
    return tuple(model.objects.count() for model in models) + (sum(model.history.count() for model in models),)


def test_a_good_file_is_imported(practices):
    assert (practices.practices, practices.evaluations, practices.created) == (5, 5, 10)
    victims = Practice.objects.get(key="AT-victims-legal-aid")
    assert (victims.area, victims.organisation, victims.period_from, victims.period_to) == (
        "X",
        "Weisser Ring",
        2006,
        None,
    )
    assert sorted(p.path for p in victims.provisions.all()) == ["82/e", "84/c"]
    assert [s.state_id for s in victims.states.all()] == ["AUT"]
    assert victims.published and victims.history.first().history_change_reason == "import practices.csv"
    evaluations = list(victims.evaluations.order_by("date"))
    assert [(e.evaluator, e.method, e.result, e.published) for e in evaluations] == [
        ("Institute of Criminology", "independent", "effective", True),
        ("Ministry of Justice", "self_assessment", "mixed", False),
    ]
    assert evaluations[0].date == datetime.date(2015, 6, 30) and evaluations[0].url == "https://example.org/aut-eval"
    regional = Practice.objects.get(key="EU-crime-analysis")
    assert regional.states.count() == 0  # a regional practice names no State
    circles = Practice.objects.get(key="restorative-circles")
    assert circles.description == "Circles meet in the community.\nThe victim speaks first."
    assert not Practice.objects.get(key="CHE-trafficking-referral").published


def test_importing_the_same_file_again_changes_nothing(practices, practices_file):
    before = counts()
    updated = sorted(Practice.objects.values_list("updated", flat=True))
    outcome = import_practices(practices_file, source_name="practices.csv")
    assert (outcome.created, outcome.changed, outcome.unchanged) == (0, 0, 10)
    assert "nothing changed" in outcome.summary()
    assert counts() == before
    assert sorted(Practice.objects.values_list("updated", flat=True)) == updated


def test_a_dry_run_stores_nothing(imported_plan, practices_file):
    outcome = import_practices(practices_file, source_name="practices.csv", dry_run=True)
    assert outcome.created == 10 and "dry run" in outcome.summary()
    assert counts() == (0, 0, 0, 0, 0)


def test_a_bad_file_writes_nothing_and_reports_every_bad_row(practices):
    before = counts()
    bad = HEADER + (
        "practice,NEW-1,Title,Summary,,XIV,,,,,,,,,,,,yes\n"  # row 2: no such chapter
        "practice,NEW-2,Title,Summary,,IV,99/zz,,,,,,,,,,,yes\n"  # row 3: not a provision of the plan
        "practice,NEW-3,Title,Summary,,IV,33/a,ZZZ,,,,,,,,,,yes\n"  # row 4: no such State
        "practice,NEW-4,Title,Summary,,IV,,,,2010,2001,,,,,,,yes\n"  # row 5: ends before it starts
        "practice,NEW-5,Title,,,IV,,,,,,,Someone,,,,,yes\n"  # row 6: no summary; an evaluation's column
        "evaluation,NOPE,,,,,,,,,,,Someone,2010-01-01,independent,effective,,yes\n"  # row 7: no such practice
        "evaluation,AT-victims-legal-aid,,,,,,,,,,,Someone,2010-02-30,survey,great,,maybe\n"  # row 8: four wrong
        "lesson,NEW-6,Title,Summary,,IV,,,,,,,,,,,,yes\n"  # row 9: not a kind of record
        "practice,SADC-firearms-marking,New title,Summary,,VI,59/b,,,,,,,,,,,yes\n"  # a good row: not stored either
        "practice,NEW-1,Title,Summary,,IV,,,,,,,,,,,,yes\n"  # row 11: the key of row 2 again
    )
    with pytest.raises(PracticesRefused) as refused:
        import_practices(bad.encode("utf-8"), source_name="bad.csv")
    assert [(e.row, e.column, e.value) for e in refused.value.errors] == [
        (2, "area", "XIV"),
        (3, "provisions", "99/zz"),
        (4, "states", "ZZZ"),
        (5, "period_to", "2001"),
        (6, "summary", ""),
        (6, "evaluator", "Someone"),
        (7, "key", "NOPE"),
        (8, "published", "maybe"),
        (8, "date", "2010-02-30"),
        (8, "method", "survey"),
        (8, "result", "great"),
        (9, "record", "lesson"),
        (11, "key", "NEW-1"),
    ]
    assert "13 errors; nothing was imported" in str(refused.value)
    assert counts() == before
    assert Practice.objects.get(key="SADC-firearms-marking").title == "Regional marking of firearms"


def test_a_file_that_is_not_the_layout_is_refused(imported_plan):
    with pytest.raises(PracticesRefused) as refused:
        import_practices(b"record,key,title\npractice,A,B\n", source_name="x.csv")
    assert ("summary", "this column is missing") in [(e.column, e.message) for e in refused.value.errors]
    with pytest.raises(PracticesRefused) as refused:
        import_practices(b"\x00\x01", source_name="x.bin")
    assert refused.value.errors[0].row == 0 and "binary" in refused.value.errors[0].message


def test_an_evaluation_given_twice_in_the_file(imported_plan):
    twice = PRACTICES + ("evaluation,EU-crime-analysis,,,,,,,,,,,University of Leiden,2012-03-01,academic,mixed,,yes\n")
    with pytest.raises(PracticesRefused) as refused:
        import_practices(twice.encode("utf-8"), source_name="twice.csv")
    assert [(e.row, e.column, e.value) for e in refused.value.errors] == [
        (12, "date", "2012-03-01")
    ]  # rows count records


def test_a_file_of_evaluations_only_adds_to_stored_practices(practices):
    more = HEADER + "evaluation,SADC-firearms-marking,,,,,,,,,,,UNODC,2020-01-01,peer_review,promising,,yes\n"
    outcome = import_practices(more.encode("utf-8"), source_name="more.csv")
    assert (outcome.created, outcome.changed) == (1, 0)
    assert Evaluation.objects.get(practice__key="SADC-firearms-marking").method == "peer_review"
    assert Evaluation.objects.count() == 6  # the others, absent from this file, are left as they are


def test_export_then_import_gives_the_same_bytes(practices):
    exported = write_csv()
    assert exported.startswith(HEADER)
    assert "'=HYPERLINK(1)" in exported  # a cell a spreadsheet would read as a formula is text
    assert exported != PRACTICES  # the sample's order is not the export's: the test can tell
    outcome = import_practices(exported.encode("utf-8"), source_name="exported.csv")
    assert (outcome.created, outcome.changed) == (0, 0)  # our own export is what is stored

    Practice.objects.all().delete()
    import_practices(exported.encode("utf-8"), source_name="exported.csv")
    assert write_csv() == exported
    assert Evaluation.objects.get(practice__key="restorative-circles").evaluator == "=HYPERLINK(1)"


def test_a_changed_row_is_stored_with_history(practices):
    changed = (
        PRACTICES.replace("Regional marking of firearms", "Marking of firearms in the region")
        .replace("ZAF; BWA; NAM", "ZAF; BWA")
        .replace("Waiting times grew in the provinces.,no", "Waiting times grew in the provinces.,yes")
    )
    outcome = import_practices(changed.encode("utf-8"), source_name="changed.csv")
    assert (outcome.created, outcome.changed) == (0, 2)
    marking = Practice.objects.get(key="SADC-firearms-marking")
    assert [h.title for h in marking.history.order_by("history_date")] == [
        "Regional marking of firearms",
        "Marking of firearms in the region",
    ]
    assert sorted(s.state_id for s in marking.states.all()) == ["BWA", "ZAF"]
    removed = PracticeState.history.filter(state_id="NAM", history_type="-").get()
    assert removed.history_change_reason == "import changed.csv"
    ministry = Evaluation.objects.get(evaluator="Ministry of Justice")
    assert ministry.published and ministry.history.count() == 2
