"""Importing and exporting corruption assessments as CSV: all or nothing, every bad row reported by row
and column, a second import changes nothing, export -> import -> export gives the same bytes, and
every change is kept in history."""

from __future__ import annotations

from decimal import Decimal

import pytest
from assessments_sample import HEADER

from viennaplan.knowledge.assessments.csv_io import AssessmentsRefused, import_assessments, write_csv
from viennaplan.knowledge.assessments.models import (
    Assessment,
    AssessmentProvision,
    AssessmentSector,
    AssessmentType,
)

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    models = (Assessment, AssessmentSector, AssessmentType, AssessmentProvision)
    return (*(model.objects.count() for model in models), sum(model.history.count() for model in models))


def test_a_good_file_is_imported_with_its_history(imported_plan, assessments_file):
    outcome = import_assessments(assessments_file, source_name="assessments.csv")
    assert (outcome.rows, outcome.created, outcome.changed, outcome.unchanged) == (4, 4, 0, 0)
    survey = Assessment.objects.get(state="KEN", key="NCS-2019")
    assert (survey.scope, survey.method, survey.sample_size, survey.year) == (
        "national",
        "population_survey",
        5942,
        2019,
    )
    assert (survey.cost_amount, survey.cost_currency, survey.cost_year) == (Decimal("1500000.50"), "KES", 2019)
    assert [row.sector for row in survey.sectors.all()] == ["judiciary", "police", "health"]
    assert sorted(row.type for row in survey.types.all()) == ["bribery", "extortion"]
    assert sorted(row.path for row in survey.provisions.all()) == ["30/a", "33/a"]
    assert survey.published and survey.history.first().history_change_reason == "import assessments.csv"
    assert AssessmentSector.history.filter(assessment_id=survey.pk).count() == 3
    customs = Assessment.objects.get(state="CHE", key="CUSTOMS-2004")
    assert [row.path for row in customs.provisions.all()] == ["33/a"]  # no provision given: 33(a)
    assert customs.year == 2004  # no fieldwork dates: the year of publication
    draft = Assessment.objects.get(state="FRA", key="MARCHES-2003")
    assert (draft.published, draft.causes) == (False, "=1+1")


def test_importing_the_same_file_again_changes_nothing(imported_plan, assessments_file):
    import_assessments(assessments_file, source_name="assessments.csv")
    before = counts()
    outcome = import_assessments(assessments_file, source_name="assessments.csv")
    assert (outcome.created, outcome.changed, outcome.unchanged) == (0, 0, 4)
    assert "nothing changed" in outcome.summary()
    assert counts() == before


def test_a_changed_row_is_saved_with_its_history(imported_plan, assessments_file):
    import_assessments(assessments_file, source_name="assessments.csv")
    changed = assessments_file.decode().replace("customs,bribery; nepotism", "customs; tax,bribery")
    outcome = import_assessments(changed.encode(), source_name="second.csv")
    assert (outcome.created, outcome.changed, outcome.unchanged) == (0, 1, 3)
    customs = Assessment.objects.get(state="CHE", key="CUSTOMS-2004")
    assert sorted(row.sector for row in customs.sectors.all()) == ["customs", "tax"]
    assert [row.type for row in customs.types.all()] == ["bribery"]
    removed = AssessmentType.history.filter(history_type="-", type="nepotism").get()
    assert removed.history_change_reason == "import second.csv"


def test_a_bad_file_writes_nothing_and_reports_every_bad_row_and_column(imported_plan, assessments_file):
    import_assessments(assessments_file, source_name="assessments.csv")
    before = counts()
    good = "national,police,bribery,,,,,,population_survey,,,,,2020-01-01,Publisher,,,yes\n"
    bad = (
        HEADER
        + (
            "ZZZ,A-1,Title,"
            + good  # row 2: no such State
            + "KEN,A-2,Title,regional,police,bribery,,,,,,population_survey,,,,,2020-01-01,P,,,yes\n"  # 3: scope
            + "KEN,A-3,Title,national,police; army,bribery,,,,,,survey,,,,,2020-01-01,P,,,yes\n"  # 4: sector, method
            + "KEN,A-4,Title,national,police,bribes,,,100,,,population_survey,,,,,2020-01-01,P,,,yes\n"  # 5
            + "KEN,A-5,Title,national,police,bribery,,,,,,population_survey,-3,,2020-05-01,2020-04-01,"
            "2020-02-30,P,,99/zz,maybe\n"  # row 6: sample, fieldwork_end, published_on, provisions, published
            + "KEN,A-1,Title,"
            + good  # row 7: good
            + "KEN,A-1,Again,"
            + good  # row 8: the same State and key as row 7
        )
    )
    with pytest.raises(AssessmentsRefused) as refused:
        import_assessments(bad.encode(), source_name="bad.csv")
    where = [(error.row, error.column) for error in refused.value.errors]
    assert where == [
        (2, "state"),
        (3, "scope"),
        (4, "sectors"),
        (4, "method"),
        (5, "types"),
        (5, "cost_currency"),
        (5, "cost_year"),
        (6, "sample_size"),
        (6, "fieldwork_end"),
        (6, "published_on"),
        (6, "provisions"),
        (6, "published"),
        (8, "key"),
    ]
    assert "'army' is not one of judiciary" in str(refused.value.errors[2])
    assert "row 8, column key ('A-1'): the same State and key as row 7" == str(refused.value.errors[-1])
    assert counts() == before


def test_a_file_with_a_wrong_header_or_not_text_is_refused(imported_plan):
    with pytest.raises(AssessmentsRefused) as refused:
        import_assessments(b"state,key,colour\nKEN,A,red\n", source_name="bad.csv")
    assert (1, "colour") in [(error.row, error.column) for error in refused.value.errors]
    assert (1, "title") in [(error.row, error.column) for error in refused.value.errors]
    with pytest.raises(AssessmentsRefused) as refused:
        import_assessments(b"\xff\xfe\x00", source_name="binary.csv")
    assert refused.value.errors[0].row == 0
    assert Assessment.objects.count() == 0


def test_a_dry_run_stores_nothing(imported_plan, assessments_file):
    outcome = import_assessments(assessments_file, source_name="assessments.csv", dry_run=True)
    assert outcome.created == 4 and "dry run" in outcome.summary()
    assert counts() == (0, 0, 0, 0, 0)


def test_export_then_import_then_export_gives_the_same_bytes(imported_plan, assessments_file):
    import_assessments(assessments_file, source_name="assessments.csv")
    first = write_csv()
    assert first.startswith(HEADER)
    assert "'=1+1" in first  # a formula stays text in a spreadsheet
    assert "KEN,NCS-2019,National Corruption Survey 2019,national,judiciary; police; health,bribery; extortion" in first
    assert ",1500000.5,KES,2019," in first and ",CUSTOMS-2004," in first and ",33/a,yes\n" in first
    Assessment.objects.all().delete()
    outcome = import_assessments(first.encode(), source_name="export.csv")
    assert outcome.created == 4
    assert write_csv() == first
    again = import_assessments(first.encode(), source_name="export.csv")
    assert again.created == again.changed == 0
