"""The collection as the rest of the site finds it (knowledge.collections): registered under
"practices"; its lines for the provision pages (the patterns and trafficking collections ask for 18/c,
18/d and 46/b, 46/d) and the State profile, visible practices only; its documents for the search;
its CSV through the registry."""

from __future__ import annotations

import pytest

from viennaplan.knowledge.collections import collection
from viennaplan.knowledge.practices.models import Evaluation, Practice, PracticeProvision, PracticeState

pytestmark = pytest.mark.django_db


def titles(lines) -> list[str]:
    return [line.title for line in lines]


def test_the_collection_is_registered():
    practices = collection("practices")
    assert practices is not None and practices.model is Practice
    assert practices.list_url == "/knowledge/practices" and "84(c)" in practices.citation
    assert practices.columns[:2] == ("record", "key")
    assert set(practices.children) == {PracticeProvision, PracticeState, Evaluation}


def test_the_organized_crime_and_trafficking_collections_calls(practices, anonymous, secretariat):
    at_18 = collection("practices").for_provisions(["18/c", "18/d"], anonymous)
    assert titles(at_18) == ["Joint analysis of organized crime threats"]
    line = at_18[0]
    assert line.url == "/knowledge/practices/EU-crime-analysis" and line.state == ""  # a regional practice
    assert line.note == "chapter III; evaluated: promising"
    assert collection("practices").for_provisions(["46/b", "46/d"], anonymous) == []  # CHE's is a draft
    drafts = collection("practices").for_provisions(["46/b", "46/d"], secretariat)
    assert titles(drafts) == ["National referral mechanism for victims of trafficking"]
    assert drafts[0].state == "CHE" and "draft" in drafts[0].note


def test_for_provisions_matches_the_paths_given_exactly(practices, anonymous):
    assert collection("practices").for_provisions(["84"], anonymous) == []  # the caller passes the items
    lines = collection("practices").for_provisions(["84", "84/c", "84/d"], anonymous)
    assert titles(lines) == ["Free legal aid for victims of violence"]
    assert lines[0].note == "chapter X; evaluated: effective"  # the draft evaluation (mixed) does not count
    assert collection("practices").for_provisions([], anonymous) == []


def test_for_state(practices, anonymous, secretariat):
    assert titles(collection("practices").for_state("NZL", anonymous)) == ["Sentencing circles"]
    assert collection("practices").for_state("nam", anonymous)[0].state == ""  # applied by three States
    assert collection("practices").for_state("CHE", anonymous) == []
    assert titles(collection("practices").for_state("CHE", secretariat)) == [
        "National referral mechanism for victims of trafficking"
    ]


def test_the_documents_for_the_search(practices):
    documents = {document.url: document for document in collection("practices").documents(None)}
    assert len(documents) == 5
    victims = documents["/knowledge/practices/AT-victims-legal-aid"]
    assert victims.published and victims.states == ["AUT"] and victims.provisions == ["82/e", "84/c"]
    assert victims.year == 2006 and "Weisser Ring" in victims.text
    assert "testified" in victims.text and "Waiting times" not in victims.text  # a draft evaluation is not searched
    assert not documents["/knowledge/practices/CHE-trafficking-referral"].published
    one = Practice.objects.get(key="EU-crime-analysis").pk
    assert [d.title for d in collection("practices").documents([one])] == ["Joint analysis of organized crime threats"]


def test_the_csv_through_the_registry(practices):
    exported = collection("practices").export_csv()
    outcome = collection("practices").import_csv(exported.encode("utf-8"), source_name="again.csv")
    assert "nothing changed" in outcome.summary()
