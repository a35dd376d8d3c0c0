"""Importing and exporting the record of firearms regulations as CSV: all or nothing, every bad row
reported by row and column, a second import changes nothing, a round in the file is the whole round,
export -> import -> export gives the same bytes, and every change is kept in history."""

from __future__ import annotations

import pytest
from firearms_sample import HEADER, OFFENCE_2003, REGULATIONS

from viennaplan.knowledge.firearms.models import Regulation, RegulationTopic
from viennaplan.knowledge.firearms.regulations_csv import RegulationsRefused, import_regulations, write_csv

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int]:
    return (
        Regulation.objects.count(),
        RegulationTopic.objects.count(),
        Regulation.history.count() + RegulationTopic.history.count(),
    )


def test_a_good_file_is_imported(weapons_act, regulations_file):
    outcome = import_regulations(regulations_file, source_name="firearms.csv")
    assert (outcome.rows, outcome.created, outcome.changed, outcome.unchanged, outcome.removed) == (7, 7, 0, 0, 0)
    assert counts()[:2] == (3, 7)
    che = Regulation.objects.get(state="CHE", round=2003)
    assert che.published and sorted(che.topics.values_list("topic", flat=True)) == ["57/a", "57/c", "57/f"]
    offences = che.topics.get(topic="57/a")
    assert (offences.summary, offences.law, offences.law_citation) == (
        OFFENCE_2003,
        weapons_act,
        "Weapons Act, art. 33",
    )
    assert RegulationTopic.objects.get(regulation__round=2005, topic="57/h").summary == (
        "Deactivated firearms are certified\nby the authority."
    )
    draft = Regulation.objects.get(state="FRA")
    assert not draft.published and draft.topics.get().summary == "=Infractions du code pénal"
    assert che.history.first().history_change_reason == "import firearms.csv"
    assert offences.history.first().history_change_reason == "import firearms.csv"


def test_importing_the_same_file_again_changes_nothing(weapons_act, regulations_file):
    import_regulations(regulations_file, source_name="firearms.csv")
    before = counts()
    outcome = import_regulations(regulations_file, source_name="firearms.csv")
    assert (outcome.created, outcome.changed, outcome.unchanged, outcome.removed) == (0, 0, 7, 0)
    assert counts() == before
    assert outcome.summary().endswith("nothing changed")


def test_a_changed_file_brings_the_record_up_to_it_and_a_round_is_the_whole_round(weapons_act, regulations_file):
    import_regulations(regulations_file, source_name="firearms.csv")
    changed = HEADER + (
        "CHE,2003,57/a,Trafficking is an offence.,,,,no\n"  # the summary, the law and publication change
        "CHE,2003,57/c,A licence is required to trade in arms.,,,,no\n"  # the same; 57/f is no longer there
    )
    outcome = import_regulations(changed.encode(), source_name="second.csv")
    assert (outcome.created, outcome.changed, outcome.unchanged, outcome.removed) == (0, 1, 1, 1)
    che = Regulation.objects.get(state="CHE", round=2003)
    assert not che.published
    assert sorted(che.topics.values_list("topic", flat=True)) == ["57/a", "57/c"]
    offences = che.topics.get(topic="57/a")
    assert (offences.summary, offences.law, offences.law_citation) == ("Trafficking is an offence.", None, "")
    assert offences.history.count() == 2 and offences.history.first().history_change_reason == "import second.csv"
    assert RegulationTopic.history.filter(topic="57/f", history_type="-").exists()  # the removal is in history
    assert Regulation.objects.filter(state="CHE", round=2005).get().topics.count() == 3  # not in the file: kept


def test_a_bad_file_writes_nothing_and_names_every_bad_row_and_column(weapons_act, regulations_file):
    import_regulations(regulations_file, source_name="firearms.csv")
    before = counts()
    bad = HEADER + (
        "CHE,2007,57/a,Good row of a new round.,,,,yes\n"
        "XXX,2007,57/a,A State that is not one.,,,,yes\n"
        "CHE,207,57/z,,,,ftp://x,perhaps\n"
        "CHE,2007,57/a,The same topic again.,,,,yes\n"
        "CHE,2007,57/b,Published otherwise.,,,,no\n"
        "FRA,2007,57/b,A law FRA does not have.,SR-514.54,,,no\n"
        "CHE,2007,57/c\n"
    )
    with pytest.raises(RegulationsRefused) as refused:
        import_regulations(bad.encode(), source_name="bad.csv")
    assert counts() == before
    found = [(error.row, error.column) for error in refused.value.errors]
    assert found == [
        (3, "state"),
        (4, "summary"),
        (4, "round"),
        (4, "topic"),
        (4, "official_url"),
        (4, "published"),
        (5, "topic"),
        (6, "published"),
        (7, "law"),
        (8, ""),
    ]
    messages = {(error.row, error.column): error.message for error in refused.value.errors}
    assert messages[(5, "topic")] == "the same State, round and topic as row 2"
    assert "row 2 of the same State and round says otherwise" in messages[(6, "published")]
    assert messages[(7, "law")] == "no law of FRA with this key in the national legislation database"
    assert messages[(8, "")] == "3 values for 8 columns"
    assert str(refused.value) == "bad.csv: 10 errors; nothing was imported"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", [(0, "")]),
        (b"\xff\xfe\x00binary", [(0, "")]),
        (b"state,round,topic,summary,law,law_citation,official_url,published,extra\n", [(1, "extra")]),
        (b"state,round,topic,summary,law,law_citation,official_url\n", [(1, "published")]),
    ],
)
def test_a_file_that_is_not_a_regulations_file_is_refused_whole(db, content, expected):
    with pytest.raises(RegulationsRefused) as refused:
        import_regulations(content, source_name="x.csv")
    assert [(error.row, error.column) for error in refused.value.errors] == expected
    assert counts() == (0, 0, 0)


def test_a_dry_run_checks_and_stores_nothing(weapons_act, regulations_file):
    outcome = import_regulations(regulations_file, source_name="firearms.csv", dry_run=True)
    assert outcome.created == 7 and outcome.dry_run and "dry run" in outcome.summary()
    assert counts() == (0, 0, 0)


def test_export_import_export_gives_the_same_bytes(weapons_act, regulations_file):
    import_regulations(regulations_file, source_name="firearms.csv")
    exported = write_csv()
    assert exported.splitlines()[0] == HEADER.strip()
    assert "'=Infractions du code pénal" in exported  # a formula-like cell stays text
    assert exported.count("\n") == REGULATIONS.count("\n")  # a line per topic, and the break inside a summary
    RegulationTopic.objects.all().delete()
    Regulation.objects.all().delete()
    import_regulations(exported.encode(), source_name="exported.csv")
    assert write_csv() == exported
    assert RegulationTopic.objects.get(regulation__state="FRA").summary == "=Infractions du code pénal"
    before = counts()
    import_regulations(exported.encode(), source_name="exported.csv")
    assert counts() == before
