"""The counts of the search over all collections (records by collection and by facet value), counted
in memory: the part of a broad search that SQL does slowly (issue 12: a search under 50 ms at
170,000 records; joining 30,000 matches to their 120,000 facet rows took 140 ms).

Each process keeps the index's facets as numpy arrays — every (entry, facet value) pair as two arrays,
and each entry's collection — loaded once per generation of the index: `SearchGeneration.number`,
changed by every re-index in the re-index's transaction (`bump`), read at every search (one row).
A search hands over the ids of the entries it matched (one SQL aggregate), and the counts are a
`bincount` of the pairs whose entry is among them. Records, drafts and filters are the SQL's business:
the ids given are already those the user may see.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass

import numpy as np
from django.db import connection

GENERATION_TABLE = "knowledge_searchgeneration"


@dataclass(frozen=True)
class Arrays:
    generation: int
    values: list[tuple[str, str]]  # code -> (facet, value)
    collections: list[str]  # code -> collection key
    pair_entry: np.ndarray  # the entry of each (entry, facet value) pair
    pair_code: np.ndarray  # its facet value's code
    entry_collection: np.ndarray  # indexed by entry id: the collection's code, -1 where no entry

    @property
    def size(self) -> int:
        return len(self.entry_collection)


_lock = threading.Lock()
_kept: Arrays | None = None


def bump() -> None:
    """A re-index changed the entries: every process loads the arrays again at its next search.
    The new number is drawn at random, not counted up, so that no two states of the index share one:
    not after the table is emptied (tests flush it) nor after a backup of an older state is restored."""
    number = secrets.randbelow(2**62) + 1
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {GENERATION_TABLE} (id, number) VALUES (1, %s) ON CONFLICT (id) DO UPDATE SET number = %s",
            [number, number],
        )


def generation() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number FROM {GENERATION_TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


def ids_of(text: str | None) -> np.ndarray:
    """The ids of a comma-separated list (SQLite's group_concat, PostgreSQL's string_agg)."""
    if not text:
        return np.zeros(0, dtype=np.int64)
    return np.array(text.split(","), dtype=np.int64)


def _load(number: int) -> Arrays:
    with connection.cursor() as cursor:
        cursor.execute("SELECT collection, " + _aggregate("id") + " FROM knowledge_searchentry GROUP BY collection")
        by_collection = [(key, ids_of(ids)) for key, ids in cursor.fetchall()]
        cursor.execute(
            "SELECT facet, value, " + _aggregate("entry_id") + " FROM knowledge_searchfacet GROUP BY facet, value"
        )
        by_value = [((facet, value), ids_of(ids)) for facet, value, ids in cursor.fetchall()]
    size = 1 + max((int(ids.max()) for _key, ids in by_collection if len(ids)), default=0)
    entry_collection = np.full(size, -1, dtype=np.int16)
    for code, (_key, ids) in enumerate(by_collection):
        entry_collection[ids] = code
    pair_entry = np.concatenate([ids for _value, ids in by_value]) if by_value else np.zeros(0, dtype=np.int64)
    pair_code = np.repeat(np.arange(len(by_value), dtype=np.int32), [len(ids) for _value, ids in by_value])
    keep = pair_entry < size  # a facet of an entry deleted since (not possible within one transaction)
    return Arrays(
        generation=number,
        values=[value for value, _ids in by_value],
        collections=[key for key, _ids in by_collection],
        pair_entry=pair_entry[keep],
        pair_code=pair_code[keep],
        entry_collection=entry_collection,
    )


def _aggregate(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"string_agg({column}::text, ',')"
    return f"group_concat({column})"


def arrays(number: int | None = None) -> Arrays:
    """The arrays of the index's current generation (loaded when the index changed since the last call);
    `number`: that generation, when the caller has just read it."""
    global _kept
    if number is None:
        number = generation()
    kept = _kept
    if kept is not None and kept.generation == number and not connection.in_atomic_block:
        return kept
    if connection.in_atomic_block:  # the index may hold this transaction's own changes: never keep them
        return _load(number)
    with _lock:
        if _kept is None or _kept.generation != number:
            _kept = _load(number)
        return _kept


def counts(
    ids: np.ndarray, facets: tuple[str, ...], number: int | None = None
) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """Records by collection, and by value of each facet, among the entries `ids` (of generation `number`)."""
    found = arrays(number)
    ids = ids[(ids >= 0) & (ids < found.size)]
    ids = ids[found.entry_collection[ids] >= 0]  # words of an entry deleted otherwise than by a re-index
    chosen = np.zeros(found.size, dtype=bool)
    chosen[ids] = True
    codes = found.entry_collection[ids]
    by_collection_code = np.bincount(codes[codes >= 0], minlength=len(found.collections))
    by_collection = {key: int(n) for key, n in zip(found.collections, by_collection_code, strict=True) if n}
    by_value_code = np.bincount(found.pair_code[chosen[found.pair_entry]], minlength=len(found.values))
    by_facet: dict[str, dict[str, int]] = {facet: {} for facet in facets}
    for (facet, value), n in zip(found.values, by_value_code, strict=True):
        if n and facet in by_facet:
            by_facet[facet][value] = int(n)
    return by_collection, by_facet
