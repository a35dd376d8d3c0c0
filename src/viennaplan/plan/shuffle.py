"""Mend runs of words shuffled by the PDF extraction, using the document itself as the reference.

Justified lines broken across columns or pages sometimes come out with their words in the
wrong order ("for example, Nations Development the United Assistance Framework"). Where a run
of words is a permutation of a phrase that the same document prints correctly several times,
and the run itself is rare, the run is put back in the document's own order. Only runs of
names (at least three capitalised words) are mended: common words have too many legitimate
orders for a permutation of them to mean damage.
"""

from __future__ import annotations

import re
from collections import Counter

WINDOW = 6  # words in a run that is compared
MIN_CAPITALISED = 3  # only names are mended: a run of common words has too many legitimate orders
MIN_OCCURRENCES = 3  # how often the correct phrase must stand in the document
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _adjacent(text: str, words: list[re.Match[str]], start: int) -> bool:
    """True when the WINDOW words from `start` are separated by single spaces only."""
    return all(text[words[i].end() : words[i + 1].start()] == " " for i in range(start, start + WINDOW - 1))


def run_counts(texts: list[str]) -> Counter[tuple[str, ...]]:
    """How often each run of WINDOW words is printed in the texts."""
    counts: Counter[tuple[str, ...]] = Counter()
    for text in texts:
        words = _words(text)
        for start in range(len(words) - WINDOW + 1):
            if _adjacent(text, words, start):
                counts[tuple(w.group(0) for w in words[start : start + WINDOW])] += 1
    return counts


def phrase_index(counts: Counter[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Sorted words -> the phrase, for phrases printed at least MIN_OCCURRENCES times."""
    index: dict[tuple[str, ...], tuple[str, ...]] = {}
    for phrase, count in counts.items():
        if count >= MIN_OCCURRENCES and sum(word[0].isupper() for word in phrase) >= MIN_CAPITALISED:
            index.setdefault(tuple(sorted(phrase)), phrase)
    return index


def unshuffle(
    text: str, index: dict[tuple[str, ...], tuple[str, ...]], counts: Counter[tuple[str, ...]]
) -> tuple[str, list[str]]:
    """Return the text with shuffled runs put in order, and a description of each change.

    A run is shuffled when its words are those of a frequent phrase in another order and the
    run itself is rare (printed fewer than MIN_OCCURRENCES times)."""
    changes: list[str] = []
    words = _words(text)
    start = 0
    while start <= len(words) - WINDOW:
        run = tuple(w.group(0) for w in words[start : start + WINDOW])
        phrase = index.get(tuple(sorted(run)))
        if phrase and not _rotation(run, phrase) and counts[run] < MIN_OCCURRENCES and _adjacent(text, words, start):
            begin, end = words[start].start(), words[start + WINDOW - 1].end()
            text = text[:begin] + " ".join(phrase) + text[end:]
            changes.append(f"'{' '.join(run)}' put in order as '{' '.join(phrase)}'")
            words = _words(text)
            start += WINDOW
            continue
        start += 1
    return text, changes


def _rotation(run: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """True when `run` is `phrase` read from another starting word ("the X of Y" / "X of Y the"):
    a window sliding over a phrase that begins and ends with the same word, not damage."""
    return any(run == phrase[k:] + phrase[:k] for k in range(len(phrase)))
