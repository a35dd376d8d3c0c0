"""One search over every collection of the knowledge databases and the plan's provisions (issue 12, item 9).

    search(SearchQuery(q="marking", state="CHE"), user) -> Found(hits, total, facets, provisions)

The index: a `SearchEntry` per record of every registered collection (collections.py), with its
words (title, text) and its facets (`SearchFacet`: the States, the chapters — from the provisions it
cites — and the instruments it concerns). The words are matched by SQLite FTS5 (`knowledge_search_fts`,
the tokenizer of the plan's search: "sécurité" finds "securite") or PostgreSQL's `to_tsvector('english')`
GIN index (stems: "markings" finds "marking"). The query is reduced to its words, as in `plan/search.py`
(user input is never syntax).

Keeping the index: a record saved or deleted through the ORM is re-indexed by signal (each
collection's `model` and `children`, at once and in the writer's transaction); a bulk import calls
`reindex(key, ids)` in its transaction, or wraps its saves in `deferred()` (one bulk re-index at the end);
`rebuild()` (`viennaplan knowledge reindex`) rebuilds it all. Drafts are indexed, marked unpublished,
and found only by the Secretariat (`listing.sees_drafts`).

The plan's provisions come from the plan's own index (`plan.search.search_provisions`), as the facet
"plan" (chapter facet only: a provision concerns no State).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.safestring import SafeString

from viennaplan.plan import search as plan_search
from viennaplan.plan.models import PlanVersion, Provision

from . import bulk, collections, search_cache, search_counts
from .listing import sees_drafts
from .models import SearchEntry, SearchFacet

FTS_TABLE = "knowledge_search_fts"
PG_RANK_WEIGHTS = "'{0.0, 0.0, 0.25, 1.0}'"  # ts_rank's weights of D (the tags), C, B (the text), A (the title)
PG_ESCAPED_TEXT = "replace(replace(replace(e.text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"
PLAN = "plan"  # the facet value of the plan's provisions
PER_PAGE = 20
PLAN_SHOWN = 5  # provisions shown above the records when the search is not narrowed to the plan
FACETS = ("state", "chapter", "instrument")


@dataclass(frozen=True)
class SearchQuery:
    q: str = ""
    collection: str = ""  # a collection's key, or "plan"
    state: str = ""
    chapter: str = ""
    instrument: str = ""
    page: int = 1


@dataclass(frozen=True)
class Hit:
    collection: str
    record_id: int
    url: str
    title: str
    snippet: SafeString
    published: bool
    year: int | None
    states: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Found:
    hits: list[Hit]  # this page of records, best first
    total: int  # records found (the plan's provisions not included)
    page: int
    pages: int
    facets: dict[str, dict[str, int]]  # facet -> value -> records found; "collection" includes "plan"
    provisions: list[plan_search.SearchHit]  # the plan's provisions found (all, or the first few)
    provisions_total: int


# -- keeping the index ---------------------------------------------------------------------------


def paragraph_chapters() -> dict[int, str]:
    """Chapter (Roman numeral) of each paragraph of the current plan: what gives a record its chapters."""
    current = PlanVersion.objects.order_by("-imported_at", "-id").values_list("pk", flat=True).first()  # current()
    if current is None:
        return {}
    return dict(Provision.objects.filter(version_id=current, depth=0).values_list("paragraph", "chapter__number"))


def chapters_of(paths: Iterable[str], by_paragraph: dict[int, str]) -> list[str]:
    """The chapters the provisions' paths stand in."""
    heads = (path.split("/")[0] for path in paths)
    return sorted({by_paragraph[int(head)] for head in heads if head.isdigit() and int(head) in by_paragraph})


def tag(facet: str, value: str) -> str:
    """The word standing for a facet value in the FTS5 index's `tags` column (letters and digits only,
    so the tokenizer keeps it whole): "zsche" (State CHE), "zciv" (chapter IV), "zkfirearmsreports"."""
    return "z" + facet[0] + "".join(ch for ch in value.lower() if ch.isalnum())


DRAFT_TAG = "zdraft"  # on drafts only: a tag on every published entry would cost every ranked search its
# frequency (bm25 reads each phrase's whole list of entries once per query; 140,000 entries: 30 ms)


def tags_of(collection: str, published: bool, facets: Iterable[tuple[str, str]]) -> str:
    words = [tag("k", collection)] + ([] if published else [DRAFT_TAG])
    return " ".join(words + [tag(facet, value) for facet, value in facets])


ENTRY_FIELDS = ["id", "collection", "record_id", "url", "title", "text", "published", "year", "tags"]  # an entry's row


def _facet_rows(document: collections.Document, by_paragraph: dict[int, str]) -> list[tuple[str, str]]:
    """The (facet, value) pairs of a record."""
    values = {
        "state": set(document.states),
        "chapter": set(chapters_of(document.provisions, by_paragraph)),
        "instrument": set(document.instruments),
    }
    return [(facet, value) for facet in FACETS for value in sorted(values[facet]) if value]


def reindex(key: str, ids: Iterable[int] | None = None) -> int:
    """Bring the entries of collection `key` up to date for the records `ids` (None: all of them):
    entries of records that no longer exist are removed. The number of entries written."""
    registered = collections.collection(key)
    if registered is None:
        raise LookupError(f"no collection {key!r} is registered")
    wanted = None if ids is None else sorted(set(ids))
    if wanted == []:
        return 0
    with transaction.atomic():
        stale = SearchEntry.objects.filter(collection=key)
        if wanted is not None:
            stale = stale.filter(bulk.ids_in("record_id", wanted))
        stale.delete()
        documents = list(registered.documents(wanted))
        ids = bulk.reserve_ids(SearchEntry, len(documents))
        by_paragraph = paragraph_chapters()
        facets = [_facet_rows(document, by_paragraph) for document in documents]
        entries = [
            (
                pk,
                key,
                document.record_id,
                document.url,
                document.title,
                document.text,
                document.published,
                document.year,
                tags_of(key, document.published, rows),
            )
            for pk, document, rows in zip(ids, documents, facets, strict=True)
        ]
        bulk.insert_rows(SearchEntry._meta.db_table, ENTRY_FIELDS, entries)
        bulk.insert_rows(
            SearchFacet._meta.db_table,
            ["entry_id", "facet", "value"],
            [(pk, facet, value) for pk, rows in zip(ids, facets, strict=True) for facet, value in rows],
        )
        _insert_words(entries)
        search_counts.bump()
    return len(entries)


def rebuild() -> dict[str, int]:
    """Rebuild every collection's entries (and drop those of collections no longer registered)."""
    counts = {}
    with transaction.atomic():
        known = [registered.key for registered in collections.collections()]
        gone = SearchEntry.objects.exclude(collection__in=known)
        gone.delete()
        search_counts.bump()
        for key in known:
            counts[key] = reindex(key)
    return counts


def _insert_words(entries: Sequence[tuple]) -> None:
    """SQLite: the FTS5 rows of new entries (rows in the order of ENTRY_FIELDS). PostgreSQL stores
    them itself, in the entry's generated column `words`."""
    if connection.vendor != "sqlite" or not entries:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, text, tags) VALUES (%s, %s, %s, %s)",
            [(pk, title, text, tags) for (pk, _key, _record, _url, title, text, _published, _year, tags) in entries],
        )


def _record_ids(sender: type, instance: Any) -> list[tuple[str, int]]:
    """The (collection, record id) pairs whose entry a saved or deleted row of `sender` changes."""
    found = []
    for registered in collections.collections():
        if sender is registered.model:
            found.append((registered.key, instance.pk))
        elif sender in registered.children:
            record_id = registered.children[sender](instance)
            if record_id is not None:
                found.append((registered.key, record_id))
    return found


_deferred = threading.local()


def _on_change(sender: type, instance: Any, raw: bool = False, **_: Any) -> None:
    # At once, in the writer's transaction: a rolled-back save leaves the index as it was. Not for a
    # row loaded as it is (loaddata): the fixture brings its own entries, or `search rebuild` makes them.
    if raw:
        return
    pending = getattr(_deferred, "pending", None)
    for key, record_id in _record_ids(sender, instance):
        if pending is not None:
            pending.setdefault(key, set()).add(record_id)
        else:
            reindex(key, [record_id])


def note(key: str, ids: Iterable[int]) -> None:
    """Records of collection `key` written without save() (bulk_create, update()): re-indexed at the
    end of the enclosing `deferred()` block, or now outside one."""
    pending = getattr(_deferred, "pending", None)
    if pending is None:
        reindex(key, ids)
    else:
        pending.setdefault(key, set()).update(ids)


@contextmanager
def deferred() -> Iterator[None]:
    """Within the block, saves and deletes only note the records they touch; at its end each touched
    record is re-indexed once, in bulk (an import of thousands of rows: one pass, not one per save).
    Use it inside the import's transaction, so that the index commits or rolls back with the rows."""
    if getattr(_deferred, "pending", None) is not None:  # nested: the outer block re-indexes
        yield
        return
    _deferred.pending = {}
    try:
        yield
        pending, _deferred.pending = _deferred.pending, None
        if connection.in_atomic_block and transaction.get_rollback():
            return  # the block's writes roll back (a dry run): the index stays as it is
        for key, ids in pending.items():
            reindex(key, ids)
    finally:
        _deferred.pending = None


def _watch(registered: collections.Collection) -> None:
    for model in (registered.model, *registered.children):
        post_save.connect(_on_change, sender=model, dispatch_uid=f"knowledge-search-save-{model._meta.label}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"knowledge-search-delete-{model._meta.label}")


def connect_signals() -> None:
    """Called once from the knowledge app's ready(): re-index on every save and delete of a
    registered collection's records, the receivers connected to those models only (no other
    model's save pays for them), for collections registered before and after."""
    collections.on_register(_watch)


# -- searching -------------------------------------------------------------------------------------


def _filter_tags(query: SearchQuery) -> list[str]:
    """The tags a search's filters ask for (its collection, State, chapter, instrument)."""
    tags = [tag("k", query.collection)] if query.collection and query.collection != PLAN else []
    return tags + [tag(facet, getattr(query, facet)) for facet in FACETS if getattr(query, facet)]


def _fts_match(query: SearchQuery, user: Any, terms: list[plan_search.Term]) -> str:
    """SQLite: the whole query as one FTS5 expression — the words in the title and text, the filters as
    words of the `tags` column (user input is reduced to words first: never syntax)."""
    tags = _filter_tags(query)
    parts = [f"{{title text}} : ({plan_search.fts_query(terms)})"] if terms else []
    if tags:
        parts.append("tags : (" + " ".join(f'"{word}"' for word in tags) + ")")
    match = " AND ".join(parts)
    return match if sees_drafts(user) else f'{match} NOT tags : "{DRAFT_TAG}"'


def _pg_conditions(query: SearchQuery, user: Any, terms: list[plan_search.Term]) -> tuple[str, list[Any]]:
    """PostgreSQL: the WHERE clause on `knowledge_searchentry e`: words and filters as one tsquery
    on the stored `words` (one GIN lookup), drafts by the column `published`. A filter is the lexeme
    "#tag", taken as it is (a tsquery literal, our own letters and digits), never parsed or stemmed."""
    queries, params = [], []
    if terms:
        queries.append("to_tsquery('english', %s)")
        params.append(plan_search.tsquery(terms))
    tags = _filter_tags(query)
    if tags:
        queries.append("%s::tsquery")
        params.append(" & ".join(f"'#{word}'" for word in tags))
    where = [f"e.words @@ ({' && '.join(queries)})"]
    if not sees_drafts(user):
        where.append("e.published = %s")
        params.append(True)
    return " AND ".join(where), params


ENTRY_COLUMNS = "e.id, e.collection, e.record_id, e.url, e.title, e.published, e.year"


def _key(query: SearchQuery, user: Any, terms: list[plan_search.Term]) -> tuple:
    """What identifies a search's SQL (its words, filters and the user's right to see drafts)."""
    if connection.vendor == "sqlite":
        return ("sqlite", bool(terms), _fts_match(query, user, terms))
    where, params = _pg_conditions(query, user, terms)  # the words, when there are any, are among params
    return (connection.vendor, where, tuple(params))


def _matched(cursor: Any, query: SearchQuery, user: Any, terms: list[plan_search.Term]) -> Any:
    """The ids of every entry the query finds for the user, as a numpy array (one SQL aggregate)."""
    if connection.vendor == "sqlite":
        cursor.execute(
            f"SELECT group_concat(rowid) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [_fts_match(query, user, terms)]
        )
    else:
        where, params = _pg_conditions(query, user, terms)
        cursor.execute(f"SELECT string_agg(e.id::text, ',') FROM knowledge_searchentry e WHERE {where}", params)
    return search_counts.ids_of(cursor.fetchone()[0])


def _ranked(cursor: Any, match: str, limit: int, offset: int) -> list:
    """SQLite: rows `offset` to `offset + limit` of the entries of an FTS5 expression, by bm25."""
    if limit <= 0:
        return []
    cursor.execute(
        f"SELECT {ENTRY_COLUMNS} FROM (SELECT rowid AS id, bm25({FTS_TABLE}, 4.0, 1.0, 0.0) AS score "
        f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s ORDER BY score, rowid LIMIT %s OFFSET %s) m "
        "JOIN knowledge_searchentry e ON e.id = m.id ORDER BY m.score, e.id",
        [match, limit, offset],
    )
    return cursor.fetchall()


# PostgreSQL's order of a search with words: every word in the title first, then by ts_rank.
PG_ORDER = (
    "e.words @@ to_tsquery('english', %s) DESC, "
    f"ts_rank({PG_RANK_WEIGHTS}, e.words, to_tsquery('english', %s)) DESC, e.id"
)


def _pg_order_params(terms: list[plan_search.Term]) -> list[str]:
    in_title = " & ".join(f"'{term.word}':" + ("*" if term.prefix else "") + "A" for term in terms)
    return [in_title, plan_search.tsquery(terms)]


def _pg_matched_and_page(
    cursor: Any, query: SearchQuery, user: Any, terms: list[plan_search.Term], limit: int, offset: int
) -> tuple[Any, list[int]]:
    """PostgreSQL, a search with words not kept yet: the ids it matches and those of one page, from one
    reading of the rows found (matching, then ordering, read each of them again: 19 + 28 ms for the
    29,599 entries of "firearms"; together 34 ms)."""
    where, params = _pg_conditions(query, user, terms)
    cursor.execute(
        f"WITH r AS MATERIALIZED (SELECT e.id, e.words @@ to_tsquery('english', %s) AS t, "
        f"ts_rank({PG_RANK_WEIGHTS}, e.words, to_tsquery('english', %s)) AS s FROM knowledge_searchentry e "
        f"WHERE {where}) "
        "SELECT (SELECT string_agg(id::text, ',') FROM r), "
        "(SELECT array_agg(id ORDER BY t DESC, s DESC, id) FROM "
        "(SELECT id, t, s FROM r ORDER BY t DESC, s DESC, id LIMIT %s OFFSET %s) p)",
        [*_pg_order_params(terms), *params, limit, offset],
    )
    ids, page = cursor.fetchone()
    return search_counts.ids_of(ids), list(page or [])


def _rows_of(cursor: Any, ids: list[int]) -> list:
    """The shown columns of these entries, in the order given."""
    if not ids:
        return []
    cursor.execute(f"SELECT {ENTRY_COLUMNS} FROM knowledge_searchentry e WHERE e.id = ANY(%s)", [ids])
    by_id = {row[0]: row for row in cursor.fetchall()}
    return [by_id[pk] for pk in ids if pk in by_id]


def _page(cursor: Any, query: SearchQuery, user: Any, terms: list[plan_search.Term], limit: int, offset: int) -> list:
    """One page of entries: best first with words, newest first without.

    Best first: the entries with every word in their title, then the others; each of the two by
    relevance (SQLite's bm25, the title weighing four times the text; PostgreSQL's ts_rank, the
    title weighing four times the text). Ranking only the first group when the page lies in it
    spares bm25 most of a broad search's matches (issue 12: "firearms", 29,599 found, 10,479 in titles)."""
    if connection.vendor == "sqlite":
        match = _fts_match(query, user, terms)
        if terms:
            words = plan_search.fts_query(terms)
            in_title = f"({match}) AND title : ({words})"
            cursor.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [in_title])
            titled = cursor.fetchone()[0]
            rows = _ranked(cursor, in_title, min(limit, titled - offset), offset)
            rest = limit - len(rows)
            return rows + _ranked(cursor, f"({match}) NOT title : ({words})", rest, max(0, offset - titled))
        cursor.execute(
            f"SELECT {ENTRY_COLUMNS} FROM knowledge_searchentry e WHERE e.id IN "
            f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) "
            "ORDER BY e.year DESC, e.id DESC LIMIT %s OFFSET %s",
            [match, limit, offset],
        )
        return cursor.fetchall()
    where, params = _pg_conditions(query, user, terms)
    if terms:
        cursor.execute(
            # The columns shown and the score only: the sort never carries a record's text.
            f"SELECT {ENTRY_COLUMNS} FROM knowledge_searchentry e WHERE {where} ORDER BY {PG_ORDER} LIMIT %s OFFSET %s",
            [*params, *_pg_order_params(terms), limit, offset],
        )
    else:
        cursor.execute(
            f"SELECT {ENTRY_COLUMNS} FROM knowledge_searchentry e WHERE {where} "
            "ORDER BY e.year DESC, e.id DESC LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
    return cursor.fetchall()


def search(query: SearchQuery, user: Any, per_page: int = PER_PAGE) -> Found:
    """Records of every collection (and provisions of the plan) matching the query, with facet counts.
    Without words, the filters alone choose (newest first); without words or filters, nothing."""
    terms = plan_search.query_terms(query.q)
    narrowed = any(getattr(query, facet) for facet in FACETS) or (query.collection and query.collection != PLAN)
    if not terms and not narrowed:
        return Found([], 0, 1, 1, {}, [], 0)
    want_records = query.collection != PLAN
    number = search_counts.generation()
    key = _key(query, user, terms)
    kept = search_cache.searches
    asked = (per_page, (max(1, query.page) - 1) * per_page)
    first_page: dict[tuple[int, int], list[int]] = {}  # the ids of the page asked for, when read with the matches

    with connection.cursor() as cursor:

        def find() -> Any:
            if connection.vendor == "postgresql" and terms and want_records:
                matched, first_page[asked] = _pg_matched_and_page(cursor, query, user, terms, *asked)
                return matched
            return _matched(cursor, query, user, terms)

        def read(bounds: tuple[int, int]) -> list:
            if bounds in first_page:
                return _rows_of(cursor, first_page[bounds])
            return _page(cursor, query, user, terms, *bounds)

        matched = kept.matched(number, key, find)
        by_collection, facets = search_counts.counts(matched, FACETS, number)
        total = sum(by_collection.values()) if want_records else 0  # the entries that exist, not words left over
        pages = max(1, -(-total // per_page))
        page = min(query.page, pages)
        bounds = (per_page, (page - 1) * per_page)
        rows = kept.page(number, key, bounds, lambda: read(bounds)) if want_records and total else []
    provisions, provisions_total = _provisions(query, terms)
    if provisions_total:
        by_collection = {PLAN: provisions_total, **by_collection}
    facets["collection"] = by_collection
    hits = _hits(rows, terms)
    return Found(hits, total, page, pages, facets, provisions, provisions_total)


def _provisions(query: SearchQuery, terms: list[plan_search.Term]) -> tuple[list[plan_search.SearchHit], int]:
    """The plan's provisions for the query: only with words, and not when the search is narrowed to a
    State, an instrument or another collection (a provision concerns none of them)."""
    if not terms or query.state or query.instrument or (query.collection and query.collection != PLAN):
        return [], 0
    current = PlanVersion.current()
    if current is None:
        return [], 0
    limit = 10_000 if query.collection == PLAN else PLAN_SHOWN
    return plan_search.counted_search(query.q, version=current, chapter=query.chapter or None, limit=limit)


def _hits(rows: list[tuple], terms: list[plan_search.Term]) -> list[Hit]:
    if not rows:
        return []
    ids = [row[0] for row in rows]
    snippets = _snippets(ids, terms)
    states: dict[int, list[str]] = {}
    for entry_id, value in SearchFacet.objects.filter(entry_id__in=ids, facet="state").values_list("entry_id", "value"):
        states.setdefault(entry_id, []).append(value)
    return [
        Hit(
            collection,
            record_id,
            url,
            title,
            snippets.get(entry_id, SafeString("")),
            published,
            year,
            sorted(states.get(entry_id, [])),
        )
        for entry_id, collection, record_id, url, title, published, year in rows
    ]


def _snippets(ids: list[int], terms: list[plan_search.Term]) -> dict[int, SafeString]:
    """The matched words of each shown entry's text in <mark>, the rest escaped (only for the page shown)."""
    marks = [plan_search.MARK_START, plan_search.MARK_STOP]
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        if not terms:
            cursor.execute(
                f"SELECT id, substr(text, 1, 200) FROM knowledge_searchentry WHERE id IN ({placeholders})", ids
            )
            return {pk: plan_search.markup(text) for pk, text in cursor.fetchall()}
        if connection.vendor == "postgresql":
            options = f'StartSel="{marks[0]}", StopSel="{marks[1]}", MaxWords=30, MinWords=15, HighlightAll=false'
            cursor.execute(
                f"SELECT e.id, ts_headline('english', {PG_ESCAPED_TEXT}, to_tsquery('english', %s), %s) "
                f"FROM knowledge_searchentry e WHERE e.id IN ({placeholders})",
                [plan_search.tsquery(terms), options, *ids],
            )
            return {pk: plan_search.markup(raw, escaped=True) for pk, raw in cursor.fetchall()}
        cursor.execute(
            f"SELECT rowid, snippet({FTS_TABLE}, 1, %s, %s, '…', 24) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({placeholders})",
            [*marks, f"{{title text}} : ({plan_search.fts_query(terms)})", *ids],
        )
        return {pk: plan_search.markup(raw) for pk, raw in cursor.fetchall()}


# SQLite: an entry's words leave the FTS5 table with the entry, however it is deleted (migration 0005).
WORDS_FOLLOW_ENTRIES = (
    "CREATE TRIGGER IF NOT EXISTS knowledge_searchentry_words_go AFTER DELETE ON knowledge_searchentry "
    f"FOR EACH ROW BEGIN DELETE FROM {FTS_TABLE} WHERE rowid = old.id; END"
)


def catch_up(**_: Any) -> dict[str, int]:
    """After every migrate: index each collection whose entries do not number its records (a database
    of an earlier release, a collection added, records loaded by other means). Cheap when in step.
    On SQLite, the trigger that deletes an entry's words with it is made again if it is missing
    (SQLite drops a table's triggers when a migration remakes the table). Nothing when a migration
    back has removed the index's tables (or a collection's)."""
    tables = set(connection.introspection.table_names())
    if SearchEntry._meta.db_table not in tables:
        return {}
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(WORDS_FOLLOW_ENTRIES)
    counts = {}
    for registered in collections.collections():
        if registered.model._meta.db_table not in tables:
            continue
        if SearchEntry.objects.filter(collection=registered.key).count() != registered.model.objects.count():
            counts[registered.key] = reindex(registered.key)
    return counts
