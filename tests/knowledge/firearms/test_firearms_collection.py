"""The firearms collection in the registry: its documents for the search (a State's round, a national
report), its lines on the State profile (the latest round and the published reports) and on the provision
pages (57/a-h: the States whose latest round covers the topic; 59/a: every record; 57/k, 57/l and their
items: the reports), drafts for the Secretariat only; the search finds a round by its words."""

from __future__ import annotations

import pytest

from viennaplan.knowledge import collections, search
from viennaplan.knowledge.firearms.collection import for_provisions, for_state
from viennaplan.knowledge.firearms.models import Regulation

pytestmark = pytest.mark.django_db


def test_both_collections_are_registered_with_their_csv():
    regulations = collections.collection("firearms")
    reports = collections.collection("firearms-reports")
    assert regulations.list_url == "/knowledge/firearms" and regulations.citation == "59(a), 57(a)-(h)"
    assert regulations.columns[:3] == ("state", "round", "topic") and regulations.import_csv and regulations.export_csv
    assert reports.list_url == "/knowledge/firearms/reports" and reports.model.__name__ == "FirearmsReport"


def test_a_round_s_document(regulations_on_file):
    che_2005 = Regulation.objects.get(state="CHE", round=2005)
    (document,) = collections.collection("firearms").documents([che_2005.pk])
    assert document.url == "/knowledge/firearms/CHE?round=2005"
    assert document.title == "Firearms regulations of Switzerland, 2005"
    assert "attempts are punished" in document.text and "Weapons Act, art. 33" in document.text
    assert (document.published, document.states, document.year) == (True, ("CHE",), 2005)
    assert document.provisions == ("57/a", "57/c", "57/h", "59/a") and document.instruments == ("FIREARMS",)
    assert len(list(collections.collection("firearms").documents(None))) == 3


def test_a_report_s_document_is_published_with_the_report(report_in):
    report = report_in("validated")
    (document,) = collections.collection("firearms-reports").documents([report.pk])
    assert document.url == "/knowledge/firearms/reports/CHE/2003" and not document.published
    assert document.text == "Serial numbers." and document.provisions == ("57/k", "57/l")
    report.status = "published"
    report.save()
    assert next(iter(collections.collection("firearms-reports").documents([report.pk]))).published


def test_the_state_profile_lines(regulations_on_file, report_in, anonymous, secretariat):
    report_in("published")
    report_in("draft", year=2004)
    assert [(line.title, line.url, line.note) for line in for_state("CHE", anonymous)] == [
        ("Firearms regulations of Switzerland", "/knowledge/firearms/CHE", "round of 2005"),
        ("National firearms report of Switzerland, 2003", "/knowledge/firearms/reports/CHE/2003", "Published"),
    ]
    assert for_state("FRA", anonymous) == []
    assert [line.note for line in for_state("FRA", secretariat)] == ["round of 2004 · draft"]
    assert [line.note for line in for_state("CHE", secretariat)][1:] == ["Draft", "Published"]


def test_the_provision_page_lines(regulations_on_file, report_in, anonymous, secretariat):
    report_in("published", state="FRA")
    assert [line.state for line in for_provisions(["57/h"], anonymous)] == ["CHE"]
    assert for_provisions(["57/f"], anonymous) == []  # CHE covered it in 2003, not in its latest round
    assert [line.state for line in for_provisions(["57/a"], secretariat)] == ["CHE", "FRA"]
    assert [line.state for line in for_provisions(["59/a"], anonymous)] == ["CHE"]
    assert [line.url for line in for_provisions(["57/k/iv"], anonymous)] == ["/knowledge/firearms/reports/FRA/2003"]
    assert [line.url for line in for_provisions(["57/l"], anonymous)] == ["/knowledge/firearms/reports/FRA/2003"]
    assert for_provisions(["18/e", "59/b"], secretariat) == []


def test_the_lines_show_on_the_provision_page_and_the_state_profile(imported_plan, regulations_on_file, client):
    provision = client.get("/plan/57/h").content.decode()
    assert 'data-collection="firearms"' in provision and 'href="/knowledge/firearms/CHE"' in provision
    profile = client.get("/reporting/states/CHE").content.decode()
    assert 'data-collection="firearms"' in profile and 'href="/knowledge/firearms/CHE"' in profile


def test_the_search_finds_a_published_round_by_its_words_and_a_draft_for_the_secretariat_only(
    regulations_on_file, anonymous, secretariat
):
    found = search.search(search.SearchQuery(q="punished", collection="firearms"), anonymous)
    assert [hit.url for hit in found.hits] == ["/knowledge/firearms/CHE?round=2005"]
    assert search.search(search.SearchQuery(q="Infractions", collection="firearms"), anonymous).hits == []
    assert len(search.search(search.SearchQuery(q="Infractions", collection="firearms"), secretariat).hits) == 1
