"""Trafficking flows as a registered collection: the search documents (never a count), the lines of
the State and provision panels (drafts for the Secretariat only, the total as shown), the index kept
by the import, and the Secretariat's raw CSV behind the command."""

from __future__ import annotations

import pytest
from trafficking_sample import FLOWS, flows_file

from viennaplan.knowledge import collections
from viennaplan.knowledge.trafficking import collection
from viennaplan.knowledge.trafficking.flows_csv import import_flows
from viennaplan.knowledge.trafficking.models import Flow

pytestmark = pytest.mark.django_db


@pytest.fixture
def flows(imported_plan):
    import_flows(flows_file(), source_name="flows.csv")


def test_the_collection_is_registered_with_its_import_and_raw_export(flows):
    registered = collections.collection("trafficking")
    assert registered is not None and registered.model is Flow and registered.list_url == "/knowledge/trafficking"
    assert registered.citation == "46(b), 46(d)" and "female_child" in registered.columns
    assert registered.export_csv() == FLOWS  # the Secretariat's file: raw counts
    assert "nothing changed" in registered.import_csv(flows_file(), source_name="again.csv").summary()


def test_a_document_per_flow_with_its_facets_and_no_count(flows):
    documents = {document.url: document for document in collection.documents(None)}
    assert len(documents) == 5
    nigeria = documents["/knowledge/trafficking/F-NGA-CHE"]
    assert nigeria.title == "Nigeria → Switzerland, 2019: sexual exploitation"
    assert nigeria.states == ["CHE", "NGA"] and nigeria.provisions == ["46/b"] and nigeria.instruments == ["TIP"]
    assert nigeria.year == 2019 and nigeria.published
    assert "Federal Office of Police" in nigeria.text and " 3 " not in f" {nigeria.text} "
    assert "Germany" in documents["/knowledge/trafficking/F-ROU-FRA"].text  # the State of transit
    assert not documents["/knowledge/trafficking/F-THA-CHE"].published
    assert [d.record_id for d in collection.documents([Flow.objects.get(key="F-AUT-CHE").pk])] == [
        Flow.objects.get(key="F-AUT-CHE").pk
    ]


def test_the_import_keeps_the_search_index(flows):
    from viennaplan.knowledge.models import SearchEntry

    entries = SearchEntry.objects.filter(collection="trafficking")
    assert entries.count() == 5 and entries.filter(published=False).count() == 1


def test_the_state_panel_lists_flows_from_to_and_through_the_state(flows, anonymous, secretariat):
    lines = collection.for_state("CHE", anonymous)
    assert [line.url for line in lines] == ["/knowledge/trafficking/F-AUT-CHE", "/knowledge/trafficking/F-NGA-CHE"]
    assert lines[1].note == "detected victims: 15" and lines[1].state == "CHE"
    assert [line.url for line in collection.for_state("DEU", anonymous)] == ["/knowledge/trafficking/F-ROU-FRA"]
    assert collection.for_state("THA", anonymous)[0].note == "detected victims: fewer than 5"
    drafts = [line for line in collection.for_state("CHE", secretariat) if line.note.endswith("draft")]
    assert [line.url for line in drafts] == ["/knowledge/trafficking/F-THA-CHE"]


def test_the_provision_panel_lists_the_flows_citing_it(flows, anonymous, monkeypatch):
    assert len(collection.for_provisions(["46/b"], anonymous)) == 4
    assert [line.url for line in collection.for_provisions(["46/d"], anonymous)] == ["/knowledge/trafficking/F-ROU-FRA"]
    assert collection.for_provisions(["57/a"], anonymous) == []
    lines = collection.for_provisions(["46/b"], anonymous, limit=2)
    assert len(lines) == 2 and lines.total == 4
