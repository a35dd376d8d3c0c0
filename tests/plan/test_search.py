"""Full-text search over provisions (plan/search.py), on SQLite FTS5 and PostgreSQL tsvector alike."""

from __future__ import annotations

import pytest
from django.db import connection
from sample_plan import revised, sample_document, store_sample

from viennaplan.plan.search import counted_search, query_terms, search_provisions


@pytest.fixture
def sample_version(db):
    return store_sample()


def citations(hits) -> list[str]:
    return [hit.provision.citation for hit in hits]


def test_searching_markings_finds_57_k_ii_and_59_f(sample_version):
    found = citations(search_provisions("markings", version=sample_version))
    assert "57(k)(ii)" in found and "59(f)" in found


def test_a_hit_carries_its_provision_a_marked_snippet_and_a_rank(sample_version):
    [hit] = search_provisions("tampering firearm markings licensing", version=sample_version)
    assert hit.provision.path == "57/k/ii"
    assert "<mark>markings</mark>" in hit.snippet
    assert isinstance(hit.rank, float)


def test_every_word_of_the_query_is_required(sample_version):
    assert citations(search_provisions("markings removal", version=sample_version)) == ["59(f)"]
    assert search_provisions("markings zebra", version=sample_version) == []


def test_a_snippet_escapes_the_text_around_the_marks(sample_version):
    [hit] = search_provisions("Congress", version=sample_version)
    assert "&lt;on&gt;" in hit.snippet and "&amp;" in hit.snippet
    assert "<on>" not in hit.snippet
    assert "<mark>Congress</mark>" in hit.snippet


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '"markings',
        "markings)",
        "((markings",
        "*",
        "markings OR",
        "NOT markings",
        "AND",
        "a:b",
        "col:markings",
        "^markings",
        "NEAR(markings tampering)",
        "-markings",
        "'; DROP TABLE plan_provision; --",
        "markings & | ! <->",
        "\\",
        "%_%",
    ],
)
def test_user_input_with_query_syntax_never_raises(sample_version, query):
    hits = search_provisions(query, version=sample_version)
    assert all(hit.provision.version_id == sample_version.pk for hit in hits)


def test_an_empty_query_finds_nothing(sample_version):
    assert search_provisions("", version=sample_version) == []
    assert search_provisions(" * ", version=sample_version) == []


def test_query_operators_are_read_as_plain_words(sample_version):
    assert citations(search_provisions('"markings" OR zebra', version=sample_version)) == []
    assert "59(f)" in citations(search_provisions('(markings) "removal', version=sample_version))


def test_a_star_after_a_word_searches_by_prefix(sample_version):
    found = citations(search_provisions("tamper*", version=sample_version))
    assert "57(k)(ii)" in found and "59(f)" in found


def test_query_terms_keep_letters_and_digits_only():
    assert [t.word for t in query_terms('57(k) "markings" OR c*')] == ["57", "k", "markings", "or", "c"]
    assert query_terms("c*")[0].prefix is True
    assert query_terms("") == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="diacritic folding is the SQLite tokenizer's")
def test_diacritics_are_folded_on_sqlite(sample_version):
    assert citations(search_provisions("securite", version=sample_version)) == ["1"]
    assert citations(search_provisions("SÉCURITÉ", version=sample_version)) == ["1"]


def test_non_ascii_words_search_without_error(sample_version):
    assert citations(search_provisions("sécurité", version=sample_version)) == ["1"]
    assert search_provisions("Правосудие 司法 عدالة", version=sample_version) == []


def test_search_filters_by_chapter_scope_and_actor(sample_version):
    assert citations(search_provisions("markings", version=sample_version, scope="national")) == ["57(k)(ii)"]
    assert citations(search_provisions("markings", version=sample_version, scope="international")) == ["59(f)"]
    assert citations(search_provisions("markings", version=sample_version, actor="cicp")) == ["59(f)"]
    assert search_provisions("markings", version=sample_version, chapter="I") == []
    assert len(search_provisions("markings", version=sample_version, chapter="vi")) == 2


def test_search_looks_in_one_version_only(sample_version):
    second = store_sample(revised(sample_document()))
    first_hits = search_provisions("markings", version=sample_version)
    second_hits = search_provisions("markings", version=second)
    assert {hit.provision.version_id for hit in first_hits} == {sample_version.pk}
    assert {hit.provision.version_id for hit in second_hits} == {second.pk}


def test_search_respects_the_limit(sample_version):
    assert len(search_provisions("the", version=sample_version, limit=1)) <= 1
    assert len(search_provisions("firearms", version=sample_version, limit=1)) == 1


def test_a_citation_finds_its_provision(sample_version):
    assert citations(search_provisions("57 k ii", version=sample_version))[0] == "57(k)(ii)"


def test_searching_markings_in_the_official_text_finds_57_k_ii_and_59_f(imported_plan):
    hits = search_provisions("markings", version=imported_plan)
    found = citations(hits)
    assert "57(k)(ii)" in found and "59(f)" in found
    assert all("<mark>" in hit.snippet for hit in hits if hit.provision.citation in {"57(k)(ii)", "59(f)"})


def test_a_snippet_made_from_escaped_text_is_escaped_exactly_once():
    from viennaplan.plan.search import markup

    raw = "&lt;on&gt; Crime &amp; Justice \ue000markings\ue001 &amp;amp; cut &am"
    assert markup(raw, escaped=True) == ("&lt;on&gt; Crime &amp; Justice <mark>markings</mark> &amp;amp; cut &amp;am")


def test_a_snippet_never_leaves_a_mark_open_or_closes_one_not_opened():
    from viennaplan.plan.search import markup

    assert markup("a \ue001b \ue000c") == "a b <mark>c</mark>"


@pytest.mark.parametrize(
    "filters", [{}, {"chapter": "VI"}, {"scope": "national"}, {"chapter": "IV", "scope": "international"}]
)
def test_a_counted_search_builds_the_first_hits_and_counts_them_all(imported_plan, filters):
    """`counted_search` (the search over every collection shows the plan's first 5): the same first hits
    as `search_provisions`, and the number of them all, filters included."""
    every = search_provisions("crime", version=imported_plan, limit=10_000, **filters)
    hits, total = counted_search("crime", version=imported_plan, limit=3, **filters)
    assert total == len(every) > 3
    assert citations(hits) == citations(every[:3])
    assert [hit.snippet for hit in hits] == [hit.snippet for hit in every[:3]]
    if filters:
        assert total < len(search_provisions("crime", version=imported_plan, limit=10_000))
