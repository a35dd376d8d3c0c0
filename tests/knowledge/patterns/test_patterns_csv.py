"""The patterns and trends file in and out: all or nothing, every bad row reported by row and column,
the same file twice changes nothing, an edit keeps history, and export -> import -> export gives the
same bytes."""

from __future__ import annotations

import pytest
from patterns_sample import BALKANS, COCAINE, HEADER, PATTERNS

from viennaplan.knowledge.patterns.csvio import PatternsRefused, import_patterns, write_csv
from viennaplan.knowledge.patterns.models import PatternRecord, PatternState

pytestmark = pytest.mark.django_db


def test_a_good_file_stores_every_record_with_its_rows_and_history(patterns):
    assert (patterns.created, patterns.changed, patterns.unchanged) == (4, 0, 0)
    cocaine = PatternRecord.objects.get(key="ANDES-COCAINE")
    assert (cocaine.kind, cocaine.year_from, cocaine.year_to, cocaine.confidence) == ("trend", 2015, 2019, "high")
    assert set(cocaine.states.values_list("role", "state_id")) == {
        ("origin", "COL"),
        ("origin", "PER"),
        ("transit", "PAN"),
        ("destination", "ESP"),
        ("destination", "NLD"),
    }
    assert set(cocaine.crime_types.values_list("crime_type", flat=True)) == {"drug_trafficking", "money_laundering"}
    assert list(cocaine.regions.values_list("m49", flat=True)) == ["419"]
    assert set(cocaine.instruments.values_list("instrument_id", flat=True)) == {"UNTOC", "DRUGS1988"}
    assert list(cocaine.provisions.values_list("path", flat=True)) == ["18/c"]
    assert cocaine.summary == "Shipments rise through Caribbean ports.\nContainers are the main method."
    assert [h.history_change_reason for h in cocaine.history.all()] == ["import patterns.csv"]
    assert PatternState.history.filter(record_id=cocaine.pk).count() == 5
    assert PatternRecord.objects.get(key="CYBER-DRAFT").published is False


def test_the_same_file_twice_changes_nothing_and_writes_no_history(patterns, patterns_file):
    again = import_patterns(patterns_file, source_name="patterns.csv")
    assert (again.created, again.changed, again.unchanged) == (0, 0, 4)
    assert "nothing changed" in again.summary()
    assert PatternRecord.history.count() == 4


def test_an_edited_file_changes_the_record_and_keeps_its_history(patterns):
    edited = HEADER + COCAINE.replace(",high,", ",medium,").replace("COL; PER", "COL; BOL")
    outcome = import_patterns(edited.encode(), source_name="second.csv")
    assert (outcome.created, outcome.changed) == (0, 1)
    cocaine = PatternRecord.objects.get(key="ANDES-COCAINE")
    assert cocaine.confidence == "medium"
    assert set(cocaine.states.filter(role="origin").values_list("state_id", flat=True)) == {"COL", "BOL"}
    versions = list(cocaine.history.order_by("history_date").values_list("confidence", "history_change_reason"))
    assert versions == [("high", "import patterns.csv"), ("medium", "import second.csv")]
    removed = PatternState.history.filter(record_id=cocaine.pk, state_id="PER", history_type="-")
    assert removed.count() == 1
    assert PatternRecord.objects.count() == 4  # records absent from the file are left as they are


def test_a_bad_file_stores_nothing_and_names_every_bad_row_and_column(imported_plan):
    bad = (
        HEADER
        + COCAINE
        + BALKANS.replace(",medium,", ",sure,")
        + COCAINE.replace("2015,2019", "2015,2012")
        + COCAINE
        + "ONLY-ROW,pattern\n"
    )
    with pytest.raises(PatternsRefused) as refused:
        import_patterns(bad.encode(), source_name="bad.csv")
    where = {(error.row, error.column) for error in refused.value.errors}
    assert (3, "confidence") in where
    assert (4, "period_to") in where
    assert (5, "key") in where  # the same key as row 2
    assert (6, "") in where  # 2 values for 19 columns
    assert "nothing was imported" in str(refused.value)
    assert PatternRecord.objects.count() == 0 and PatternRecord.history.count() == 0


def test_a_file_without_the_columns_is_refused_before_its_rows(imported_plan):
    with pytest.raises(PatternsRefused) as refused:
        import_patterns(b"key,kind,colour\nA,trend,red\n", source_name="odd.csv")
    messages = {(error.column, error.message) for error in refused.value.errors}
    assert ("colour", "not a column of the patterns and trends file") in messages
    assert ("title", "this column is missing") in messages
    with pytest.raises(PatternsRefused):
        import_patterns(b"\x00\x01binary", source_name="binary.csv")


def test_a_dry_run_checks_and_stores_nothing(imported_plan, patterns_file):
    outcome = import_patterns(patterns_file, source_name="patterns.csv", dry_run=True)
    assert outcome.created == 4 and "dry run" in outcome.summary()
    assert PatternRecord.objects.count() == 0


def test_export_import_export_gives_the_same_bytes(patterns):
    first = write_csv()
    assert first.splitlines()[0] == HEADER.strip()
    assert "ANDES-COCAINE,trend" in first and "4.711,-74.0721" in first and "CYBER-DRAFT" in first
    PatternRecord.objects.all().delete()
    import_patterns(first.encode(), source_name="export.csv")
    assert write_csv() == first
    assert PATTERNS.count("\n") == first.count("\n")
