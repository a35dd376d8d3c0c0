"""Left-to-right pieces inside right-to-left sentences. Plain Python (Django's translation only).

A citation such as "art. 38(2)" put into an Arabic sentence is reordered by the bidirectional
algorithm ("(art. 38(2" and a stray parenthesis). Pages isolate such values with <bdi>; a
sentence built in Python cannot hold markup, so the value is wrapped in the Unicode isolate marks
LRI ... PDI (U+2066, U+2069), invisible in every reader, and only when the active language is
written right to left: English, French or Chinese text is unchanged.

    isolate("art. 38(2)")                 -> "art. 38(2)"            (English)
    isolate("art. 38(2)")                 -> "\u2066art. 38(2)\u2069"  (Arabic)
    isolated({"general": "art. 38(1)"})   -> the same, for every value of a mapping
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import get_language_bidi

LRI, PDI = "\u2066", "\u2069"


def isolate(text: str) -> str:
    return f"{LRI}{text}{PDI}" if text and get_language_bidi() else text


def isolated(texts: Mapping[str, str]) -> dict[str, str]:
    return {key: isolate(text) for key, text in texts.items()}
