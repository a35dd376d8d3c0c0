"""The knowledge databases' collections and what each offers the rest (issue 12).

National legislation lives in the `knowledge` app itself; every other collection is an app under
`knowledge/` (`knowledge.patterns`, `knowledge.firearms`, …) that registers one `Collection` in its
`AppConfig.ready()`. Through the registry, and without importing the collections:

- the search over all collections (`knowledge/search.py`) indexes each collection's `documents`;
  a record saved or deleted through the ORM is re-indexed by signal (the `model` and the
  `children`, each mapped to its record's id); bulk imports call `search.reindex` themselves;
- the panels on the provision pages and the State profile (`knowledge_tags`) list each
  collection's `for_provisions` and `for_state` lines;
- `viennaplan knowledge import COLLECTION FILE` / `export COLLECTION` call `import_csv` / `export_csv`.

Drafts: every function here is given the user, or returns whether each document is published; a
record not published is shown to the Secretariat only (`listing.visible`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.utils.functional import Promise


@dataclass(frozen=True)
class Document:
    """What the search knows of one record: where it is, its words, and its facets."""

    record_id: int  # the record's primary key in its collection's main model
    url: str  # its page
    title: str
    text: str  # the words searched beside the title (plain text)
    published: bool
    states: Sequence[str] = ()  # alpha-3 codes of the States it concerns
    provisions: Sequence[str] = ()  # the plan's provisions it cites, as paths: 57/a
    instruments: Sequence[str] = ()  # instruments' codes: FIREARMS
    year: int | None = None  # the year it is about (adopted, period, published), for sorting and show


@dataclass(frozen=True)
class Line:
    """One record on another app's page (a provision page, a State profile)."""

    title: str
    url: str
    state: str = ""  # alpha-3, when the record is a State's
    note: str = ""  # a short qualifier: a status, a period, "draft"


class Lines(list):
    """A collection's first lines on another page, and in `total` how many records there are.

    A list (tests and templates read it as one); `for_provisions` and `for_state` take `limit` and
    build only that many lines, so a panel never loads a thousand records to show twenty."""

    def __init__(self, lines: Iterable[Line] = (), total: int | None = None) -> None:
        super().__init__(lines)
        self.total = len(self) if total is None else max(total, len(self))


def first_lines(records: Any, limit: int | None, to_lines: Callable[[Any], Iterable[Line]]) -> Lines:
    """`to_lines` of the first `limit` of `records` (an ordered queryset; None: all of them), and
    their number, counted by the database only when there are more than the lines shown."""
    if limit is None:
        return Lines(to_lines(records))
    chosen = records[:limit]
    shown = list(to_lines(chosen))
    return Lines(shown, len(shown) if len(shown) < limit else records.count())


def limited(lines: Iterable[Line], limit: int | None) -> Lines:
    """The first `limit` of lines built in Python (a collection whose choice is not one query)."""
    every = list(lines)
    return Lines(every if limit is None else every[:limit], len(every))


class Outcome(Protocol):
    def summary(self) -> str: ...


@dataclass(frozen=True)
class Collection:
    key: str  # in URLs, the search's facet and the command: "patterns"
    label: str | Promise  # "Organized-crime patterns and trends" (lazy)
    citation: str  # the plan's paragraphs that ask for it: "18(c), 18(d)"
    list_url: str  # "/knowledge/patterns"
    model: type  # the main model: its saves and deletes re-index the record
    documents: Callable[[Iterable[int] | None], Iterable[Document]]  # of these ids (None: all records)
    children: dict[type, Callable[[Any], int | None]] = field(default_factory=dict)  # model -> record id
    # (paths, user, limit=None) and (alpha-3, user, limit=None): the first `limit` lines and the total
    for_provisions: Callable[..., Lines] | None = None
    for_state: Callable[..., Lines] | None = None
    import_csv: Callable[..., Outcome] | None = None  # (content: bytes, *, source_name, dry_run) -> Outcome
    export_csv: Callable[[], str] | None = None  # every record, drafts included, in the import's layout
    columns: Sequence[str] = ()  # the CSV's columns, for the command's help
    position: int = 100  # order among collections (legislation first)


_REGISTRY: dict[str, Collection] = {}
_LISTENERS: list[Callable[[Collection], None]] = []


def register(collection: Collection) -> None:
    """Called from a collection app's ready(); registering the same key again replaces it."""
    _REGISTRY[collection.key] = collection
    for listener in _LISTENERS:
        listener(collection)


def on_register(listener: Callable[[Collection], None]) -> None:
    """Call `listener` with every collection registered, those before it included (the search
    connects its signals to each collection's models this way)."""
    _LISTENERS.append(listener)
    for collection in list(_REGISTRY.values()):
        listener(collection)


def collections() -> list[Collection]:
    return sorted(_REGISTRY.values(), key=lambda c: (c.position, c.key))


def collection(key: str) -> Collection | None:
    return _REGISTRY.get(key)
