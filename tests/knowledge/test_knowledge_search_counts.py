"""The search's counts (records by collection and by facet value) are counted in memory from arrays
kept per process (knowledge/search_counts.py): they must be the database's own counts of the records
found, and the arrays must follow every re-index."""

from __future__ import annotations

from collections import Counter

import pytest

from viennaplan.knowledge import search, search_counts
from viennaplan.knowledge.models import SearchEntry, SearchFacet

pytestmark = pytest.mark.django_db


@pytest.fixture
def samples(imported_plan):
    from tests.knowledge_data import import_samples

    import_samples()


def every_hit(query: search.SearchQuery, user) -> list[search.Hit]:
    first = search.search(query, user, per_page=5)
    hits = list(first.hits)
    for page in range(2, first.pages + 1):
        hits += search.search(search.SearchQuery(**{**query.__dict__, "page": page}), user, per_page=5).hits
    return hits


def database_counts(hits: list[search.Hit]) -> tuple[dict, dict]:
    entries = SearchEntry.objects.filter(
        pk__in=[
            pk
            for collection, record in {(hit.collection, hit.record_id) for hit in hits}
            for pk in SearchEntry.objects.filter(collection=collection, record_id=record).values_list("pk", flat=True)
        ]
    )
    by_collection = Counter(entries.values_list("collection", flat=True))
    by_facet: dict[str, dict[str, int]] = {facet: {} for facet in search.FACETS}
    for facet, value in SearchFacet.objects.filter(entry__in=entries).values_list("facet", "value"):
        by_facet[facet][value] = by_facet[facet].get(value, 0) + 1
    return dict(by_collection), by_facet


QUERIES = [("synthetic", {}), ("federal", {}), ("synthetic", {"state": "CHE"}), ("", {"collection": "legislation"}),
           ("", {"chapter": "VI"}), ("report", {"instrument": "UNTOC"})]  # fmt: skip


def test_the_counts_are_those_of_the_records_found(samples, anonymous, secretariat):
    for user in (anonymous, secretariat):
        for words, narrowed in QUERIES:
            query = search.SearchQuery(q=words, **narrowed)
            found = search.search(query, user)
            hits = every_hit(query, user)
            assert hits, f"{query} finds nothing: it checks nothing"
            assert found.total == len(hits) == len({(hit.collection, hit.record_id) for hit in hits})
            by_collection, by_facet = database_counts(hits)
            assert {key: n for key, n in found.facets["collection"].items() if key != search.PLAN} == by_collection
            for facet in search.FACETS:
                assert found.facets[facet] == by_facet[facet], (query, facet)


def test_drafts_count_for_the_secretariat_only(samples, anonymous, secretariat):
    public = search.search(search.SearchQuery(collection="legislation"), anonymous)
    everything = search.search(search.SearchQuery(collection="legislation"), secretariat)
    drafts = SearchEntry.objects.filter(collection="legislation", published=False).count()
    assert drafts and everything.total == public.total + drafts


def test_the_words_of_the_filters_cannot_be_searched_for(samples, anonymous, secretariat):
    """The index's tags (zdraft, zsche, zklegislation) are not words of any record: typed, they find nothing."""
    for word in ("zdraft", "zsche", "zklegislation", "zciii"):
        assert search.search(search.SearchQuery(q=word), secretariat).total == 0, word


@pytest.mark.django_db(transaction=True)
def test_the_arrays_are_kept_until_a_re_index(samples):
    """Outside a transaction the arrays are loaded once per generation of the index, and again after a re-index."""
    first = search_counts.arrays()
    assert search_counts.arrays() is first
    search.reindex("legislation")
    second = search_counts.arrays()
    assert second is not first and second.generation != first.generation
    assert search_counts.arrays() is second
    assert len(second.pair_entry) == SearchFacet.objects.count()
