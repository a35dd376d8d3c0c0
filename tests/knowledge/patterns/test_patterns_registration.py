"""The collection as the rest of the site finds it (`knowledge.collections`): registered under
"patterns", its search documents, its lines for the provision pages and the State profile (drafts for
the Secretariat only), its import and export; the best practices for 18(c),(d) on its list page."""

from __future__ import annotations

import pytest

from viennaplan.knowledge.collections import Collection, Line, collection, limited, register
from viennaplan.knowledge.patterns.models import PatternRecord, PatternState

pytestmark = pytest.mark.django_db


def test_the_collection_is_registered():
    patterns = collection("patterns")
    assert patterns is not None and patterns.model is PatternRecord
    assert patterns.list_url == "/knowledge/patterns" and patterns.citation == "18(c), 18(d)"
    assert str(patterns.label) == "Organized-crime patterns and trends"
    assert PatternState in patterns.children and "crime_types" in patterns.columns


def test_each_record_is_a_search_document(patterns):
    documents = {d.url: d for d in collection("patterns").documents(None)}
    cocaine = documents["/knowledge/patterns/ANDES-COCAINE"]
    assert cocaine.title == "Cocaine routes from the Andes to Europe" and cocaine.published
    assert "Containers are the main method." in cocaine.text and "money-laundering" in cocaine.text
    assert cocaine.states == ["COL", "ESP", "NLD", "PAN", "PER"] and cocaine.provisions == ["18/c"]
    assert cocaine.instruments == ["UNTOC", "DRUGS1988"] and cocaine.year == 2015
    assert documents["/knowledge/patterns/CYBER-DRAFT"].published is False
    draft = PatternRecord.objects.get(key="CYBER-DRAFT")
    assert [d.url for d in collection("patterns").documents([draft.pk])] == ["/knowledge/patterns/CYBER-DRAFT"]


def test_the_lines_for_a_provision_page(patterns, anonymous, secretariat):
    lines = collection("patterns").for_provisions(["18/c", "18"], anonymous)
    assert [line.url for line in lines] == ["/knowledge/patterns/ANDES-COCAINE", "/knowledge/patterns/SAHEL-LINK"]
    assert lines[0].note == "trend · 2015–2019"  # the latest first
    with_drafts = collection("patterns").for_provisions(["18/c"], secretariat)
    assert with_drafts[0].url == "/knowledge/patterns/CYBER-DRAFT" and with_drafts[0].note.endswith("draft")
    assert collection("patterns").for_provisions(["57/a"], secretariat) == []


def test_the_lines_for_a_state_profile_name_its_role(patterns, anonymous, secretariat):
    lines = collection("patterns").for_state("pan", anonymous)
    assert lines == [
        Line(
            "Cocaine routes from the Andes to Europe",
            "/knowledge/patterns/ANDES-COCAINE",
            "PAN",
            "trend · 2015–2019 · transit",
        )
    ]
    assert collection("patterns").for_state("CHE", anonymous) == []
    assert [line.url for line in collection("patterns").for_state("CHE", secretariat)] == [
        "/knowledge/patterns/CYBER-DRAFT"
    ]


def test_import_and_export_through_the_registration(imported_plan, patterns_file):
    outcome = collection("patterns").import_csv(patterns_file, source_name="patterns.csv")
    assert outcome.created == 4 and "4 created" in outcome.summary()
    exported = collection("patterns").export_csv()
    assert exported.startswith("key,kind,title,") and exported.count("\n") == 1 + 4 + 1  # one summary has two lines


@pytest.fixture
def practices_registered():
    """A stand-in collection of practices that lists one practice for 18(c)."""
    before = collection("practices")
    seen = []

    def for_provisions(paths, user, limit=None):
        seen.append(list(paths))
        return limited([Line("Joint investigation teams", "/knowledge/practices/JIT", "", "")], limit)

    register(Collection("practices", "Best practices", "", "/knowledge/practices", PatternRecord, lambda ids: [],
                        for_provisions=for_provisions))  # fmt: skip
    yield seen
    if before is not None:
        register(before)
    else:
        from viennaplan.knowledge import collections

        collections._REGISTRY.pop("practices", None)


def test_the_list_shows_the_best_practices_for_18_c_and_d(client, patterns, practices_registered):
    html = client.get("/knowledge/patterns").content.decode()
    assert 'id="best-practices"' in html and 'href="/knowledge/practices/JIT"' in html
    assert practices_registered == [["18/c", "18/d"]]


def test_without_practices_the_list_has_no_such_section(client, patterns, monkeypatch):
    from viennaplan.knowledge.patterns import views

    monkeypatch.setattr(views, "collection", lambda key: None)
    assert 'id="best-practices"' not in client.get("/knowledge/patterns").content.decode()


def test_the_search_finds_imported_and_edited_records_but_not_drafts(patterns, anonymous, secretariat):
    from patterns_sample import COCAINE, HEADER

    from viennaplan.knowledge.patterns.csvio import import_patterns
    from viennaplan.knowledge.search import SearchQuery, search

    def found(words: str, user) -> list[str]:
        return [hit.url for hit in search(SearchQuery(q=words, collection="patterns"), user).hits]

    assert found("containers", anonymous) == ["/knowledge/patterns/ANDES-COCAINE"]
    assert found("phishing", anonymous) == [] and found("phishing", secretariat) == ["/knowledge/patterns/CYBER-DRAFT"]
    edited = HEADER + COCAINE.replace("Containers are the main method.", "Speedboats are the main method.")
    import_patterns(edited.encode(), source_name="edited.csv")
    assert found("speedboats", anonymous) == ["/knowledge/patterns/ANDES-COCAINE"]
    assert found("containers", anonymous) == []
