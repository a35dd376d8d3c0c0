"""What a search over all collections found, kept per process for the index's generation (issue 12:
ranking 30,000 matches of a one-word query costs 35 ms of SQLite's bm25 every time; the same words
searched again — the next page, another language, the API after the page — need not pay it again).

A search is keyed by the SQL that answers it (the match expression or WHERE clause with its
parameters, which hold the user's right to see drafts) and by `SearchGeneration.number`, drawn anew
by every re-index in the re-index's transaction: when the number changes, everything kept is dropped.
Kept: the ids of the entries matched (for the counts) and each page of rows asked for. Bounded by the
ids kept (the oldest searches go first). Never used inside a transaction, whose own uncommitted
re-index could otherwise be kept for others (the same rule as `search_counts.arrays`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

IDS_KEPT = 4_000_000  # ids of matched entries kept at most (int32: 16 MB)
PAGES_KEPT = 50  # pages of rows kept per search at most


@dataclass
class _Search:
    matched: np.ndarray
    pages: OrderedDict[tuple[int, int], list] = field(default_factory=OrderedDict)


class Kept:
    def __init__(self, ids_kept: int = IDS_KEPT) -> None:
        self.ids_kept = ids_kept
        self._lock = threading.Lock()
        self._generation: tuple[str, int] | None = None
        self._searches: OrderedDict[Hashable, _Search] = OrderedDict()
        self._ids = 0

    def _usable(self) -> bool:
        return not connection.in_atomic_block

    def _current(self, generation: int) -> None:
        """Drop everything kept for another generation of the index (or another database)."""
        stamp = (connection.settings_dict.get("NAME", ""), generation)
        if self._generation != stamp:
            self._searches.clear()
            self._ids = 0
            self._generation = stamp

    def matched(self, generation: int, key: Hashable, find: Callable[[], np.ndarray]) -> np.ndarray:
        """The ids `find()` returns for this search, found once per generation."""
        if not self._usable():
            return find()
        with self._lock:
            self._current(generation)
            kept = self._searches.get(key)
            if kept is not None:
                self._searches.move_to_end(key)
                return kept.matched
        matched = find().astype(np.int32)
        matched.setflags(write=False)
        with self._lock:
            self._current(generation)
            if key not in self._searches and len(matched) <= self.ids_kept:
                self._searches[key] = _Search(matched)
                self._ids += len(matched)
                while self._ids > self.ids_kept:
                    _key, oldest = self._searches.popitem(last=False)
                    self._ids -= len(oldest.matched)
        return matched

    def page(self, generation: int, key: Hashable, bounds: tuple[int, int], read: Callable[[], list]) -> list:
        """The rows `read()` returns for one page (limit, offset) of a search whose ids are kept."""
        if not self._usable():
            return read()
        with self._lock:
            self._current(generation)
            kept = self._searches.get(key)
            if kept is not None and bounds in kept.pages:
                return kept.pages[bounds]
        rows = read()
        with self._lock:
            self._current(generation)
            kept = self._searches.get(key)
            if kept is not None:
                kept.pages[bounds] = rows
                while len(kept.pages) > PAGES_KEPT:
                    kept.pages.popitem(last=False)
        return rows

    def clear(self) -> None:
        with self._lock:
            self._searches.clear()
            self._ids = 0
            self._generation = None


searches = Kept()
