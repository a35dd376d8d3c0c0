"""A search's results kept per process (knowledge/search_cache.py): the same search again reads no
match from the database, yet every re-index is seen at once, drafts stay the Secretariat's, and
nothing is kept from inside a transaction."""

from __future__ import annotations

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from legislation_sample import LAWS

from viennaplan.knowledge import search, search_cache
from viennaplan.knowledge.legislation_csv import import_legislation
from viennaplan.knowledge.models import Law

# Outside a test transaction: the cache is used only there, as on a server.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def laws(imported_plan):
    search_cache.searches.clear()
    import_legislation(LAWS.encode(), source_name="laws.csv")
    yield Law.objects.all()
    search_cache.searches.clear()


def keys(found: search.Found) -> list[str]:
    return [hit.url.rsplit("/", 1)[-1] for hit in found.hits]


def matches_read(queries) -> list[str]:
    """The statements that match words or filters against the index (not the generation's one row)."""
    return [q["sql"] for q in queries if "knowledge_search_fts" in q["sql"] or "to_tsvector" in q["sql"]]


def test_the_same_search_again_reads_no_match_and_gives_the_same_answer(laws, anonymous):
    query = search.SearchQuery(q="federal")
    first = search.search(query, anonymous)
    assert first.total == 2
    with CaptureQueriesContext(connection) as again:
        second = search.search(query, anonymous)
    assert [m for m in matches_read(again.captured_queries) if "snippet" not in m and "ts_headline" not in m] == []
    assert second == first


def test_a_save_is_seen_by_the_next_search(laws, anonymous):
    before = search.search(search.SearchQuery(q="federal"), anonymous)
    assert sorted(keys(before)) == ["AS-2008-5499", "SR-514.54"]
    law = Law.objects.get(key="AS-2008-5499")
    law.title_en = "Act on the Schengen acquis"
    law.save()
    after = search.search(search.SearchQuery(q="federal"), anonymous)
    assert keys(after) == ["SR-514.54"] and after.facets["collection"]["legislation"] == 1


def test_drafts_are_not_kept_for_the_public(laws, anonymous, secretariat):
    query = search.SearchQuery(q="criminal code")
    assert keys(search.search(query, secretariat)) == ["CP-2001"]
    assert search.search(query, anonymous).total == 0


def test_another_page_is_read_and_kept_apart(laws, anonymous):
    query = search.SearchQuery(q="federal")
    first, second = (search.search(search.SearchQuery(q="federal", page=n), anonymous, per_page=1) for n in (1, 2))
    assert first.total == second.total == 2
    assert {*keys(first), *keys(second)} == {"AS-2008-5499", "SR-514.54"} and keys(first) != keys(second)
    assert search.search(query, anonymous, per_page=1) == first


def test_nothing_is_kept_inside_a_transaction():
    from django.db import transaction

    kept = search_cache.Kept()
    calls = []

    def find():
        calls.append(1)
        return np.array([1, 2, 3])

    with transaction.atomic():
        kept.matched(7, "key", find)
        kept.matched(7, "key", find)
    assert len(calls) == 2
    kept.matched(7, "key", find)
    kept.matched(7, "key", find)
    assert len(calls) == 3


def test_a_new_generation_forgets_and_the_oldest_go_past_the_budget():
    kept = search_cache.Kept(ids_kept=5)
    calls: list[str] = []

    def finder(name: str, size: int):
        def find():
            calls.append(name)
            return np.arange(size)

        return find

    kept.matched(1, "a", finder("a", 3))
    kept.matched(1, "b", finder("b", 2))
    kept.matched(1, "a", finder("a", 3))  # kept: a is now the latest
    assert calls == ["a", "b"]
    kept.matched(1, "c", finder("c", 2))  # 7 ids > 5: b, the oldest used, goes
    kept.matched(1, "a", finder("a", 3))
    kept.matched(1, "b", finder("b", 2))
    assert calls == ["a", "b", "c", "b"]
    kept.matched(2, "a", finder("a", 3))  # the index changed
    assert calls[-1] == "a" and len(calls) == 5
    assert kept.page(2, "a", (20, 0), lambda: ["row"]) == ["row"]
    assert kept.page(2, "a", (20, 0), lambda: ["other"]) == ["row"]
    assert kept.page(3, "a", (20, 0), lambda: ["new"]) == ["new"]
