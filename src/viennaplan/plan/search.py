"""Full-text search over the provisions: one small interface, two backends.

    search_provisions("markings", version=v, scope="national") -> [SearchHit, ...]

- SQLite: an FTS5 table `plan_provision_fts` (tokenizer "unicode61 remove_diacritics 2", so
  "sécurité" finds "securite") over each provision's citation and own text, rowid = provision
  id. It is created by migration 0002 and filled by the store for each imported version
  (`index_version`).
- PostgreSQL: `to_tsvector('english', citation || ' ' || text)`, stored in the generated column
  `words` with a GIN index on it (migration 0004), `ts_rank` for the rank and `ts_headline` over
  the escaped text for the snippet. PostgreSQL stems English words ("markings" finds "marking"); SQLite matches words
  as written (add `*` for a prefix). Diacritics are folded on SQLite only.

The SQLite index is a copy of the provisions' text, kept by the store; a database filled by
other means (`loaddata`) has provisions the index does not know. `index_state()` says whether
the index matches the provisions, `rebuild_index()` makes it so (`viennaplan search rebuild`).
PostgreSQL computes the document from the row itself (a generated column), so its index cannot go stale; there a
rebuild recreates the GIN index if it is missing and reindexes it.

User input never reaches either query language as syntax: the query is reduced to its words
(letters and digits), each quoted as a literal term, all required; a word followed by `*` is
a prefix. A query without words finds nothing. Snippets are HTML-safe: the matched words are
wrapped in <mark>…</mark> and everything else is escaped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .models import PlanVersion, Provision

FTS_TABLE = "plan_provision_fts"
# The index's definitions, as migrations 0002 and 0004 created them (used again by `rebuild_index`).
FTS_CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} "
    "USING fts5(citation, text, tokenize = 'unicode61 remove_diacritics 2')"
)
PG_INDEX = "plan_provision_search"
PG_INDEX_CREATE = f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON plan_provision USING gin (words)"
PG_CONFIG = "english"
# A generated column (migration 0004), not declared on the model: to_tsvector('english', citation || ' ' || text).
PG_DOCUMENT = "p.words"
# ts_headline runs over escaped text: its parser would otherwise drop anything that looks like a tag.
PG_ESCAPED_TEXT = "replace(replace(replace(p.text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"
SCOPE_KINDS = {"national": "national_action", "international": "international_action"}

# Sentinels around matches in the raw snippet; replaced by <mark> after escaping the rest.
MARK_START, MARK_STOP = "\ue000", "\ue001"
_WORD = re.compile(r"([^\W_]+)(\*?)")
MAX_TERMS = 16
MAX_TERM_LENGTH = 60


@dataclass(frozen=True)
class Term:
    word: str
    prefix: bool = False


@dataclass
class SearchHit:
    provision: Provision
    snippet: SafeString  # HTML: matches in <mark>, the rest escaped
    rank: float  # higher is better


def query_terms(query: str) -> list[Term]:
    """The words of a user's query, as literal terms (at most MAX_TERMS)."""
    terms = [Term(word.lower()[:MAX_TERM_LENGTH], bool(star)) for word, star in _WORD.findall(query or "")]
    return list(dict.fromkeys(terms))[:MAX_TERMS]


def filter_provisions(
    queryset: QuerySet[Provision],
    *,
    chapter: str | None = None,
    scope: str | None = None,
    actor: str | None = None,
) -> QuerySet[Provision]:
    """The filters shared by search and the provision list.

    `actor` matches a provision's own actor or, where it names none, the actor of the
    paragraph or item it stands under ("The Centre will: (a) …").
    """
    if chapter:
        queryset = queryset.filter(chapter__number=chapter.upper())
    if scope:
        if scope not in SCOPE_KINDS:
            raise ValueError(f"scope must be one of {sorted(SCOPE_KINDS)}, not {scope!r}")
        queryset = queryset.filter(kind=SCOPE_KINDS[scope])
    if actor:
        queryset = queryset.filter(
            Q(actor__code=actor)
            | Q(actor__isnull=True, parent__actor__code=actor)
            | Q(actor__isnull=True, parent__actor__isnull=True, parent__parent__actor__code=actor)
        )
    return queryset


def search_provisions(
    query: str,
    *,
    version: PlanVersion,
    chapter: str | None = None,
    scope: str | None = None,
    actor: str | None = None,
    limit: int = 50,
) -> list[SearchHit]:
    """Provisions of `version` containing every word of `query`, best first."""
    return counted_search(query, version=version, chapter=chapter, scope=scope, actor=actor, limit=limit)[0]


def counted_search(
    query: str,
    *,
    version: PlanVersion,
    chapter: str | None = None,
    scope: str | None = None,
    actor: str | None = None,
    limit: int = 50,
) -> tuple[list[SearchHit], int]:
    """The first `limit` hits of `search_provisions` and how many there are in all: only the hits
    returned are built (a search over every collection shows 5 of the plan's 32 "firearms")."""
    terms = query_terms(query)
    if not terms:
        return [], 0
    postgres = connection.vendor == "postgresql"
    matches = _postgres_matches(terms, version.pk) if postgres else _sqlite_matches(terms, version.pk)
    if not matches:
        return [], 0
    if chapter or scope or actor:
        candidates = filter_provisions(
            Provision.objects.filter(version=version, pk__in=[pk for pk, _, _ in matches]),
            chapter=chapter,
            scope=scope,
            actor=actor,
        )
        kept = set(candidates.values_list("pk", flat=True))
        matches = [match for match in matches if match[0] in kept]
    shown = matches[: max(0, limit)]
    provisions = Provision.objects.filter(pk__in=[pk for pk, _, _ in shown]).select_related("chapter", "actor")
    by_pk = {}
    for provision in provisions:  # not the version (select_related): its row holds the whole source text
        provision.version = version
        by_pk[provision.pk] = provision
    hits = [
        SearchHit(provision=by_pk[pk], snippet=markup(raw, escaped=postgres), rank=float(rank))
        for pk, raw, rank in shown
        if pk in by_pk
    ]
    return hits, len(matches)


def markup(raw: str, *, escaped: bool = False) -> SafeString:
    """Escape a snippet and turn the match sentinels into <mark> elements (always balanced).

    `escaped`: the snippet was made from HTML-escaped text (PostgreSQL); it is unescaped first
    and escaped again, so that an entity cut by the snippet's edge cannot leak.
    """
    parts: list[str] = []
    open_mark = False
    for piece in re.split(f"([{MARK_START}{MARK_STOP}])", raw or ""):
        if piece == MARK_START and not open_mark:
            parts.append("<mark>")
            open_mark = True
        elif piece == MARK_STOP and open_mark:
            parts.append("</mark>")
            open_mark = False
        elif piece not in (MARK_START, MARK_STOP):
            parts.append(str(escape(html.unescape(piece) if escaped else piece)))
    if open_mark:
        parts.append("</mark>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


# ---------------------------------------------------------------------------------------------
# SQLite FTS5


def fts_query(terms: list[Term]) -> str:
    # Words are letters and digits only, so quoting them makes each a literal FTS5 string.
    return " ".join(f'"{term.word}"' + ("*" if term.prefix else "") for term in terms)


def _sqlite_matches(terms: list[Term], version_id: int) -> list[tuple[int, str, float]]:
    sql = (
        f"SELECT f.rowid, snippet({FTS_TABLE}, 1, %s, %s, '…', 32), bm25({FTS_TABLE}, 4.0, 1.0) AS score "
        f"FROM {FTS_TABLE} f JOIN plan_provision p ON p.id = f.rowid "
        f"WHERE {FTS_TABLE} MATCH %s AND p.version_id = %s ORDER BY score, p.position"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [MARK_START, MARK_STOP, fts_query(terms), version_id])
        return [(pk, snippet, -score) for pk, snippet, score in cursor.fetchall()]


def index_version(version: PlanVersion) -> None:
    """(Re)build the search rows of one version's provisions. Nothing to do on PostgreSQL."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {FTS_TABLE} WHERE rowid IN (SELECT id FROM plan_provision WHERE version_id = %s)",
            [version.pk],
        )
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, citation, text) "
            "SELECT id, citation, text FROM plan_provision WHERE version_id = %s",
            [version.pk],
        )


def index_provision(provision: Provision) -> None:
    """Bring one provision's search row up to date after an edit (SQLite only)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [provision.pk])
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, citation, text) VALUES (%s, %s, %s)",
            [provision.pk, provision.citation, provision.text],
        )


def rebuild_index() -> int:
    """Rebuild every search entry, dropping those of deleted provisions; the number of entries.

    SQLite: the FTS5 table is created if it is missing and refilled from the provisions.
    PostgreSQL: the GIN index is created if it is missing, then reindexed.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Index DDL refuses to run with deferred foreign-key checks pending (rows written earlier
            # in the same transaction, e.g. an admin deletion): run them now rather than at commit.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(PG_INDEX_CREATE)
            cursor.execute(f"REINDEX INDEX {PG_INDEX}")
        elif connection.vendor == "sqlite":
            cursor.execute(FTS_CREATE)
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, citation, text) SELECT id, citation, text FROM plan_provision"
            )
        else:
            return 0
        cursor.execute("SELECT count(*) FROM plan_provision")
        return cursor.fetchone()[0]


@dataclass(frozen=True)
class IndexState:
    """How the search index stands against the provisions stored."""

    provisions: int  # provisions in the database
    current: int  # provisions whose search entry matches their citation and text
    orphans: int  # search entries of provisions that no longer exist

    @property
    def stale(self) -> int:
        """Provisions that search cannot find as stored (no entry, or an outdated one)."""
        return self.provisions - self.current

    @property
    def ok(self) -> bool:
        return self.stale == 0 and self.orphans == 0

    def describe(self) -> str:
        if self.ok:
            return gettext("the search index is up to date (%(count)s entries)") % {"count": self.current}
        return gettext(
            "the search index is out of date: %(stale)s of %(provisions)s provisions "
            "missing or outdated, %(orphans)s entries of deleted provisions"
        ) % {"stale": self.stale, "provisions": self.provisions, "orphans": self.orphans}


def index_state() -> IndexState:
    """Compare the search index with the provisions (a few milliseconds for thousands of them)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM plan_provision")
        provisions = cursor.fetchone()[0]
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_indexes WHERE indexname = %s", [PG_INDEX])
            current = provisions if cursor.fetchone()[0] else 0
            return IndexState(provisions=provisions, current=current, orphans=0)
        if connection.vendor != "sqlite":
            return IndexState(provisions=provisions, current=provisions, orphans=0)
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = %s", [FTS_TABLE])
        if not cursor.fetchone()[0]:
            return IndexState(provisions=provisions, current=0, orphans=0)
        cursor.execute(
            f"SELECT count(*) FROM plan_provision p JOIN {FTS_TABLE} f ON f.rowid = p.id "
            "WHERE f.citation = p.citation AND f.text = p.text"
        )
        current = cursor.fetchone()[0]
        cursor.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT id FROM plan_provision)")
        return IndexState(provisions=provisions, current=current, orphans=cursor.fetchone()[0])


# ---------------------------------------------------------------------------------------------
# PostgreSQL


def tsquery(terms: list[Term]) -> str:
    # Words are letters and digits only, so each quoted word is one literal lexeme.
    return " & ".join(f"'{term.word}'" + (":*" if term.prefix else "") for term in terms)


def _postgres_matches(terms: list[Term], version_id: int) -> list[tuple[int, str, float]]:
    options = f'StartSel="{MARK_START}", StopSel="{MARK_STOP}", MaxWords=40, MinWords=20, HighlightAll=false'
    sql = (
        f"SELECT p.id, ts_headline('{PG_CONFIG}', {PG_ESCAPED_TEXT}, q, %s), ts_rank({PG_DOCUMENT}, q) AS score "
        f"FROM plan_provision p, to_tsquery('{PG_CONFIG}', %s) q "
        f"WHERE p.version_id = %s AND {PG_DOCUMENT} @@ q ORDER BY score DESC, p.position"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [options, tsquery(terms), version_id])
        return [(pk, snippet, score) for pk, snippet, score in cursor.fetchall()]
