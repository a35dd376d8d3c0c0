"""What the directory gives the rest through its registration: documents for the search (drafts
marked), lines for a State's profile and for the provision pages (drafts for the Secretariat only)."""

from __future__ import annotations

import pytest

from viennaplan.knowledge import collections

pytestmark = pytest.mark.django_db


def registered():
    found = collections.collection("authorities")
    assert found is not None
    return found


def test_the_collection_is_registered_with_its_columns_and_list():
    found = registered()
    assert found.list_url == "/knowledge/authorities" and found.citation == "57(i)"
    assert "email" in found.columns and found.import_csv and found.export_csv


def test_each_authority_is_a_document_with_its_state_provisions_and_instrument(authorities):
    documents = {d.url: d for d in registered().documents(None)}
    firearms = documents["/knowledge/authorities/CHE/FEDPOL-FA"]
    assert firearms.title == "Central Firearms Office" and firearms.published
    assert (list(firearms.states), list(firearms.provisions), list(firearms.instruments)) == (
        ["CHE"],
        ["57/i"],
        ["FIREARMS"],
    )
    assert "Zentralstelle Waffen" in firearms.text and "FIREARMS art. 13(2)" in firearms.text
    assert documents["/knowledge/authorities/FRA/MJ-EXT"].published is False
    one = list(registered().documents([firearms.record_id]))
    assert [d.url for d in one] == ["/knowledge/authorities/CHE/FEDPOL-FA"]


def test_a_states_lines_name_each_authority_and_its_purpose(authorities, anonymous, secretariat):
    lines = registered().for_state("CHE", anonymous)
    assert [(line.title, line.note, line.url) for line in lines] == [
        (
            "Central Firearms Office",
            "requests on illicit manufacturing and trafficking of firearms",
            "/knowledge/authorities/CHE/FEDPOL-FA",
        ),
        ("Federal Office of Justice", "mutual legal assistance", "/knowledge/authorities/CHE/FOJ-MLA"),
    ]
    assert registered().for_state("FRA", anonymous) == []
    assert [line.title for line in registered().for_state("FRA", secretariat)] == ["Ministry of Justice"]


def test_a_provisions_lines_are_the_authorities_serving_it(authorities, anonymous):
    assert [line.url for line in registered().for_provisions(["57/i"], anonymous)] == [
        "/knowledge/authorities/CHE/FEDPOL-FA"
    ]
    assert registered().for_provisions(["18/e"], anonymous) == []


def test_an_import_indexes_what_it_creates_and_what_it_changes(authorities, authorities_file):
    from viennaplan.knowledge.authorities.authorities_csv import import_authorities
    from viennaplan.knowledge.models import SearchEntry

    entries = SearchEntry.objects.filter(collection="authorities")
    assert sorted(entries.values_list("title", "published")) == [
        ("Central Firearms Office", True),
        ("Federal Office of Justice", True),
        ("Ministry of Justice", False),
    ]
    changed = authorities_file.decode().replace("Central Firearms Office", "Firearms Bureau")
    import_authorities(changed.encode(), source_name="changed.csv")
    assert "Firearms Bureau" in entries.values_list("title", flat=True)
