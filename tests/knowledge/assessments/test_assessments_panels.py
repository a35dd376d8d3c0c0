"""What the collections give the rest through the registry: "assessments" and "documents" are
registered; their search documents; the lines for a provision's page and a State's profile, drafts
for the Secretariat only."""

from __future__ import annotations

import pytest

from viennaplan.knowledge.assessments.models import Assessment, Document
from viennaplan.knowledge.collections import collection

pytestmark = pytest.mark.django_db


def test_both_collections_are_registered():
    assessments, documents = collection("assessments"), collection("documents")
    assert assessments.model is Assessment and assessments.list_url == "/knowledge/assessments"
    assert assessments.import_csv is not None and assessments.export_csv is not None and assessments.for_state
    assert "published_on" in assessments.columns and assessments.citation == "33(a), 30(a)"
    assert documents.model is Document and documents.list_url == "/knowledge/documents"


def test_the_search_documents_of_the_assessments(assessments):
    found = {doc.url: doc for doc in collection("assessments").documents(None)}
    survey = found["/knowledge/assessments/KEN/NCS-2019"]
    assert survey.title == "National Corruption Survey 2019" and survey.published
    assert survey.states == ("KEN",) and survey.provisions == ("30/a", "33/a") and survey.year == 2019
    assert "Low pay" in survey.text and "extortion" in survey.text
    assert found["/knowledge/assessments/FRA/MARCHES-2003"].published is False
    only = list(collection("assessments").documents([Assessment.objects.get(key="CUSTOMS-2004").pk]))
    assert [doc.url for doc in only] == ["/knowledge/assessments/CHE/CUSTOMS-2004"]


def test_the_assessments_for_a_provision(assessments, anonymous, secretariat):
    lines = collection("assessments").for_provisions(["30/a"], anonymous)
    assert [(line.url, line.state, line.note) for line in lines] == [
        ("/knowledge/assessments/KEN/NCS-2019", "KEN", "2019")
    ]
    public = {line.url for line in collection("assessments").for_provisions(["33", "33/a"], anonymous)}
    assert (
        "/knowledge/assessments/CHE/CUSTOMS-2004" in public and "/knowledge/assessments/FRA/MARCHES-2003" not in public
    )
    secret = collection("assessments").for_provisions(["33/a"], secretariat)
    assert ("/knowledge/assessments/FRA/MARCHES-2003", "2003, draft") in {(line.url, line.note) for line in secret}


def test_the_assessments_for_a_state(assessments, anonymous, secretariat):
    lines = collection("assessments").for_state("KEN", anonymous)
    assert [line.title for line in lines] == ["National Corruption Survey 2019", "National Corruption Survey 2015"]
    assert collection("assessments").for_state("FRA", anonymous) == []
    assert len(collection("assessments").for_state("FRA", secretariat)) == 1


def test_the_documents_collection(manual, anonymous, secretariat):
    (doc,) = collection("documents").documents(None)
    assert doc.url == "/knowledge/documents/practical-measures" and doc.year == 2003 and doc.provisions == ("33/e",)
    assert "asset declarations" not in doc.text  # the current version's text: never a draft's
    (line,) = collection("documents").for_provisions(["33/e"], anonymous)
    assert (line.url, line.note) == ("/knowledge/documents/practical-measures", "version 2.0")
    Document.objects.filter(pk=manual.pk).update(published=False)
    assert collection("documents").for_provisions(["33/e"], anonymous) == []
    (line,) = collection("documents").for_provisions(["33/e"], secretariat)
    assert line.note == "version 2.0, draft"
