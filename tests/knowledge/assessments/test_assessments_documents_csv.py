"""Documents and their versions in and out as CSV: one row per version, all or nothing with every bad
row reported by row and column, a second import changes nothing, export -> import -> export gives the
same bytes (drafts included)."""

from __future__ import annotations

import pytest

from viennaplan.knowledge.assessments.document_rules import COLUMNS
from viennaplan.knowledge.assessments.documents_csv import DocumentsRefused, import_documents, write_csv
from viennaplan.knowledge.assessments.models import Document, DocumentProvision, DocumentVersion

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS) + "\n"


def counts() -> tuple[int, ...]:
    models = (Document, DocumentVersion, DocumentProvision)
    return (*(model.objects.count() for model in models), sum(model.history.count() for model in models))


def test_the_export_reads_back_to_the_same_documents_and_bytes(manual):
    first = write_csv()
    assert first.startswith(HEADER) and first.count("\npractical-measures,manual,") == 3
    assert ",33/e,yes,3.0,2005-01-01,Secret revision in progress.,,no," in first
    Document.objects.all().delete()
    outcome = import_documents(first.encode(), source_name="documents.csv")
    assert (outcome.rows, outcome.created, outcome.changed) == (3, 4, 0)  # the document and its three versions
    document = Document.objects.get(key="practical-measures")
    assert [p.path for p in document.provisions.all()] == ["33/e"] and document.published
    assert DocumentVersion.objects.get(document=document, label="3.0").published is False
    assert write_csv() == first
    before = counts()
    again = import_documents(first.encode(), source_name="documents.csv")
    assert (again.created, again.changed, again.unchanged) == (0, 0, 3) and "nothing changed" in again.summary()
    assert counts() == before


def test_a_changed_version_is_saved_with_its_history(manual):
    changed = write_csv().replace("First edition.", "First edition (1995).")
    outcome = import_documents(changed.encode(), source_name="second.csv")
    assert (outcome.created, outcome.changed, outcome.unchanged) == (0, 1, 2)
    version = DocumentVersion.objects.get(document=manual, label="1.0")
    assert version.changes == "First edition (1995)."
    assert version.history.first().history_change_reason == "import second.csv"


def test_a_document_without_a_version_is_one_row(imported_plan):
    data = HEADER + "kit,toolkit,Toolkit,IV,33/a,no,,,,,,\n"
    assert import_documents(data.encode(), source_name="kit.csv").created == 1
    assert write_csv() == data


def test_a_bad_file_writes_nothing_and_reports_every_bad_row_and_column(manual):
    before = counts()
    bad = HEADER + (
        "kit,novel,Toolkit,XIV,99/zz,yes,1.0,,,,yes,\n"  # row 2: kind, area, provisions; a version without date
        "kit2,toolkit,Toolkit,IV,,yes,2.0,2001-01-01,,ftp://x,maybe,\n"  # row 3: official_url, version_published
        "kit3,toolkit,Toolkit,IV,,yes,1.0,2001-01-01,,,yes,\n"  # row 4: good
        "kit3,toolkit,Other title,IV,,yes,1.0,2001-01-02,,,yes,\n"  # row 5: another title, the same version
        "lone,other,Alone,V,,no,,2001-01-01,,,,\n"  # row 6: a date without a version
    )
    with pytest.raises(DocumentsRefused) as refused:
        import_documents(bad.encode(), source_name="bad.csv")
    where = [(error.row, error.column) for error in refused.value.errors]
    assert where == [
        (2, "kind"),
        (2, "area"),
        (2, "provisions"),
        (2, "date"),
        (3, "official_url"),
        (3, "version_published"),
        (5, "title"),
        (5, "version"),
        (6, "date"),
    ]
    assert str(refused.value.errors[6]) == (
        "row 5, column title ('Other title'): not the same as on row 4, the document's first row"
    )
    assert counts() == before
