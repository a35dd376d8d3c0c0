"""Note markers and inline markup in the extracted text.

The PDF extraction left note references in three shapes: superscript digits (`¹⁵`), TeX-like
markup (`$^{\\rm 25}$`, `^{*}`) and, once, plain digits glued to a full stop (`occasions.11`).
`take_note_markers` removes them from a piece of text and returns the note numbers, so the
provision's text reads cleanly and the notes are linked instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_TO_DIGIT = {ch: str(i) for i, ch in enumerate(SUPERSCRIPT_DIGITS)}

_SUPERSCRIPT_RUN = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_TEX_MARKER = re.compile(r"\s?\$?\^\{(?:\\rm\s*)?(\d+)\}\$?")
# Plain digits glued to a punctuation mark after a word: "occasions.11" (only accepted when the
# number is the next note expected, see take_note_markers).
_PLAIN_DIGIT_MARKER = re.compile(r"(?<=[a-z)\]][.;:,])(\d{1,2})(?=\s|$)")
_EMPHASIS = re.compile(r"(?<![\w*])\*([^*\n]+?)\*(?![\w*])")
_STRAY_STOP = re.compile(r"([:;])\.(?=\s|$)")


def superscript_to_int(run: str) -> int:
    return int("".join(_SUPERSCRIPT_TO_DIGIT[ch] for ch in run))


@dataclass
class MarkerResult:
    text: str
    note_refs: list[int] = field(default_factory=list)
    repairs: list[tuple[str, str]] = field(default_factory=list)  # (kind, message)


def take_note_markers(text: str, *, next_note: int) -> MarkerResult:
    """Remove note markers from `text`; return the clean text and the notes referred to.

    `next_note` is the number of the first note not yet referred to in the document: plain
    digits are read as a note marker only when they are exactly that number, so a year or a
    paragraph number is never taken for a note.
    """
    found: list[tuple[int, int]] = []  # (position, note number)

    def superscript(match: re.Match[str]) -> str:
        found.append((match.start(), superscript_to_int(match.group(0))))
        return ""

    def tex(match: re.Match[str]) -> str:
        found.append((match.start(), int(match.group(1))))
        return ""

    result = MarkerResult(text)
    cleaned = _TEX_MARKER.sub(tex, text)
    cleaned = _SUPERSCRIPT_RUN.sub(superscript, cleaned)
    expected = max([next_note - 1, *(n for _, n in found)]) + 1

    def plain(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number != expected:
            return match.group(0)
        found.append((match.start(), number))
        result.repairs.append(
            (
                "plain-digit-note-marker",
                f"'{match.group(0)}' after '{cleaned[max(0, match.start() - 12) : match.start()]}' "
                f"read as a reference to note {number}",
            )
        )
        return ""

    cleaned = _PLAIN_DIGIT_MARKER.sub(plain, cleaned)
    stray = _STRAY_STOP.sub(r"\1", cleaned)
    if stray != cleaned:
        result.repairs.append(("stray-full-stop", "full stop left after a note marker removed"))
        cleaned = stray
    result.text = cleaned
    result.note_refs = [number for _, number in sorted(found)]
    return result


def strip_emphasis(text: str) -> tuple[str, bool]:
    """Remove `*emphasis*` markup left by the extraction; say whether any was removed."""
    stripped = _EMPHASIS.sub(r"\1", text)
    return stripped, stripped != text
