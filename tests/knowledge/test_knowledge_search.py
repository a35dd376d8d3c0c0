"""The one search over every collection and the plan (/knowledge/search and its JSON twin): words,
facets, drafts hidden from all but the Secretariat, and an index that follows every save."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from legislation_sample import LAWS

from viennaplan.knowledge import search
from viennaplan.knowledge.legislation_csv import import_legislation
from viennaplan.knowledge.models import Law, SearchEntry, SearchFacet

pytestmark = pytest.mark.django_db


@pytest.fixture
def laws(imported_plan):
    import_legislation(LAWS.encode(), source_name="laws.csv")
    return Law.objects.all()


def found_keys(found: search.Found) -> list[str]:
    return [hit.url.rsplit("/", 1)[-1] for hit in found.hits]


def test_a_law_is_found_by_a_word_of_its_title_with_its_facets(laws, anonymous):
    found = search.search(search.SearchQuery(q="ammunition"), anonymous)
    assert found_keys(found) == ["SR-514.54"]
    assert found.facets["collection"]["legislation"] == 1
    assert found.facets["state"] == {"CHE": 1}
    assert found.facets["instrument"] == {"FIREARMS": 1, "UNTOC": 1}
    assert found.facets["chapter"] == {"III": 1, "VI": 1}  # 18(e) and 57(a)


def test_a_word_of_an_article_cited_finds_the_law(laws, anonymous):
    assert sorted(found_keys(search.search(search.SearchQuery(q="FIREARMS"), anonymous))) == [
        "AS-2008-5499",
        "SR-514.54",
    ]


def test_a_draft_is_found_by_the_secretariat_only(laws, anonymous, focal_point_a, secretariat):
    query = search.SearchQuery(q="criminal code")
    assert search.search(query, anonymous).total == 0
    assert search.search(query, focal_point_a).total == 0
    found = search.search(query, secretariat)
    assert found_keys(found) == ["CP-2001"] and not found.hits[0].published


def test_facets_narrow_the_search(laws, anonymous):
    assert search.search(search.SearchQuery(q="federal", state="FRA"), anonymous).total == 0
    assert search.search(search.SearchQuery(q="federal", state="CHE"), anonymous).total == 2
    assert found_keys(search.search(search.SearchQuery(q="federal", chapter="III"), anonymous)) == ["SR-514.54"]
    narrowed = search.search(search.SearchQuery(state="CHE", instrument="UNTOC"), anonymous)
    assert found_keys(narrowed) == ["SR-514.54"]


def test_a_save_re_indexes_the_record_and_a_deletion_removes_it(laws, anonymous):
    law = Law.objects.get(key="AS-2008-5499")
    law.title_en = "Federal Act on the Schengen acquis"
    law.save()
    assert found_keys(search.search(search.SearchQuery(q="acquis"), anonymous)) == ["AS-2008-5499"]
    assert search.search(search.SearchQuery(q="development"), anonymous).total == 0
    Law.objects.filter(key="SR-514.54").update(amended_by=None, status="in_force")
    law.articles.all().delete()
    law.provisions.all().delete()
    law.delete()
    assert search.search(search.SearchQuery(q="acquis"), anonymous).total == 0
    assert not SearchEntry.objects.filter(collection="legislation", record_id=law.pk).exists()


def test_publishing_a_draft_makes_it_findable(laws, anonymous):
    draft = Law.objects.get(key="CP-2001")
    draft.status, draft.published = "in_force", True
    draft.save()
    assert found_keys(search.search(search.SearchQuery(q="criminal"), anonymous)) == ["CP-2001"]


def test_a_dry_run_import_leaves_the_index_as_it_was(imported_plan, anonymous):
    import_legislation(LAWS.encode(), source_name="laws.csv", dry_run=True)
    assert not SearchEntry.objects.exists()
    assert search.search(search.SearchQuery(q="ammunition"), anonymous).total == 0


def test_the_plans_provisions_are_searched_too(laws, anonymous):
    found = search.search(search.SearchQuery(q="markings"), anonymous)
    assert found.provisions_total > 0
    assert found.facets["collection"]["plan"] == found.provisions_total
    assert all("<mark>" in str(hit.snippet) for hit in found.provisions)
    only_records = search.search(search.SearchQuery(q="markings", state="CHE"), anonymous)
    assert only_records.provisions_total == 0


def test_a_rebuild_gives_the_same_index(laws, anonymous):
    before = sorted(SearchEntry.objects.values_list("collection", "record_id", "title", "published"))
    facets = sorted(SearchFacet.objects.values_list("entry__record_id", "facet", "value"))
    SearchEntry.objects.all().delete()
    assert search.search(search.SearchQuery(q="ammunition"), anonymous).total == 0
    search.rebuild()
    assert sorted(SearchEntry.objects.values_list("collection", "record_id", "title", "published")) == before
    assert sorted(SearchFacet.objects.values_list("entry__record_id", "facet", "value")) == facets
    assert found_keys(search.search(search.SearchQuery(q="ammunition"), anonymous)) == ["SR-514.54"]


def test_the_page_shows_hits_facets_and_provisions(laws, client):
    response = client.get("/knowledge/search", {"q": "federal"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-record="' in html and "/knowledge/legislation/CHE/SR-514.54" in html
    assert 'data-facet="state"' in html and 'data-value="CHE"' in html
    assert "Criminal Code" not in html


def test_the_json_twin_gives_the_same_records(laws, client):
    page = client.get("/api/knowledge/search", {"q": "federal", "state": "CHE"}).json()
    assert page["total"] == 2
    found = search.search(search.SearchQuery(q="federal", state="CHE"), AnonymousUser())
    assert [hit["url"] for hit in page["hits"]] == [hit.url for hit in found.hits]
    assert sorted(hit["url"] for hit in page["hits"]) == [
        "/knowledge/legislation/CHE/AS-2008-5499",
        "/knowledge/legislation/CHE/SR-514.54",
    ]
    assert {facet["facet"] for facet in page["facets"]} >= {"collection", "state"}


@pytest.mark.parametrize(
    ("parameter", "value"),
    [("state", "XXX"), ("collection", "gossip"), ("chapter", "XL"), ("instrument", "NOPE"), ("page", "0")],
)
def test_a_bad_filter_is_named_on_the_page_and_in_the_api(imported_plan, client, parameter, value):
    response = client.get("/knowledge/search", {"q": "x", parameter: value})
    assert response.status_code == 400
    assert f'data-parameter="{parameter}"' in response.content.decode()
    api = client.get("/api/knowledge/search", {"q": "x", parameter: value})
    assert api.status_code == 422
    assert parameter in api.json()["errors"][0]


def test_words_are_never_query_syntax(laws, anonymous):
    for query in ['"', "NEAR(", "a OR", "*", "title:x", "'; drop table"]:
        search.search(search.SearchQuery(q=query), anonymous)  # no error


def test_the_front_page_counts_what_the_reader_may_see(laws, client, client_as, secretariat):
    public = {row["key"]: row["count"] for row in client.get("/api/knowledge").json()}
    assert public["legislation"] == 2
    assert {row["key"]: row["count"] for row in client_as(secretariat).get("/api/knowledge").json()}["legislation"] == 3
    assert client.get("/knowledge/").status_code == 200


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the FTS5 table is SQLite's; PostgreSQL keeps the words on the row"
)
def test_an_entrys_words_leave_with_it_however_it_is_deleted(laws, anonymous):
    """A DELETE of the entries themselves (Django's flush does one) takes their FTS5 rows along; the
    trigger that does it is made again after a migrate that lost it (SQLite drops it when it remakes
    the table)."""

    def words() -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {search.FTS_TABLE}")
            return cursor.fetchone()[0]

    assert words() == SearchEntry.objects.count() > 0
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER knowledge_searchentry_words_go")
    search.catch_up()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM knowledge_searchfacet")
        cursor.execute("DELETE FROM knowledge_searchentry")
    assert words() == 0
    import_legislation(LAWS.encode().replace(b"SR-514.54", b"SR-514.55"), source_name="laws.csv")
    assert found_keys(search.search(search.SearchQuery(q="ammunition"), anonymous)) == ["SR-514.55"]


def test_records_with_every_word_in_their_title_come_first(imported_plan, anonymous):
    """Best first: every word in the title before any record that has them in its text only (for a law:
    its title in the original language), however often; across pages each record once, in that order."""
    often = " ".join(["marking of weapons"] * 12)
    for n in range(3):
        Law.objects.create(state_id="AUT", key=f"T-{n}", title_original="Nothing else.",
                           title_en=f"Marking weapons act {n}", published=True)  # fmt: skip
        Law.objects.create(state_id="AUT", key=f"X-{n}", title_original=often, title_en=f"General act {n}",
                           published=True)  # fmt: skip
    Law.objects.create(state_id="AUT", key="H-0", title_original=often, title_en="Marking act", published=True)
    pages = [
        search.search(search.SearchQuery(q="marking weapons", page=n), anonymous, per_page=2) for n in (1, 2, 3, 4)
    ]
    keys = [key for found in pages for key in found_keys(found)]
    assert pages[0].total == 7 and len(keys) == len(set(keys)) == 7
    assert sorted(keys[:3]) == ["T-0", "T-1", "T-2"]
    assert sorted(keys[3:]) == ["H-0", "X-0", "X-1", "X-2"]


def test_postgresql_reads_the_matches_and_the_first_page_together_as_apart(imported_plan, anonymous):
    """PostgreSQL answers a search not yet kept with one reading of the rows found (the ids and the page
    asked for); it must give what the matching and the ordering give apart, page by page, ties included."""
    if connection.vendor != "postgresql":
        pytest.skip("the reading together is PostgreSQL's")
    for n in range(4):
        Law.objects.create(state_id="AUT", key=f"T-{n}", title_original="Nothing.", title_en="Firearms act",
                           published=True)  # fmt: skip
        Law.objects.create(state_id="AUT", key=f"X-{n}", title_original="firearms " * 20,
                           title_en=f"General act {n}", published=n % 2 == 0)  # fmt: skip
    query = search.SearchQuery(q="firearms")
    terms = search.plan_search.query_terms(query.q)
    with connection.cursor() as cursor:
        apart = sorted(search._matched(cursor, query, anonymous, terms))
        pages = []
        for offset in range(0, 8, 2):
            matched, page = search._pg_matched_and_page(cursor, query, anonymous, terms, 2, offset)
            assert sorted(matched) == apart
            assert page == [row[0] for row in search._page(cursor, query, anonymous, terms, 2, offset)]
            assert [row[0] for row in search._rows_of(cursor, page)] == page
            pages += page
    assert len(apart) == 6 and sorted(pages) == apart
