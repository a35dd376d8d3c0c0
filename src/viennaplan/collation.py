"""Sorting words as readers of each official language expect. Plain Python, no Django.

Code-point order puts "Égypte" after "Zimbabwe" and sorts Chinese names by their encoding; the
Unicode collation algorithm with each language's tailoring (ICU, through PyICU) sorts French
accents as French readers do, Spanish "Ñ" after "N", Cyrillic and Arabic by their alphabets
and Chinese names by their pinyin reading, as the UN's Chinese lists of States do.

    sorted(names, key=sort_key("fr"))
    sort_key("zh")("中国") < sort_key("zh")("德国")   -> False (Zhōngguó after Déguó)

A language outside the six is sorted by the root collation (the Unicode default order).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import icu

# Django's language codes -> ICU locales ("zh-hans" is read as Chinese in pinyin order).
_LOCALES = {"ar": "ar", "zh": "zh", "zh-hans": "zh", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}

_local = threading.local()  # an ICU collator is not shared between threads


def _collator(language: str) -> icu.Collator:
    collators = getattr(_local, "collators", None)
    if collators is None:
        collators = _local.collators = {}
    locale = _LOCALES.get((language or "").lower(), "root")
    collator = collators.get(locale)
    if collator is None:
        collator = collators[locale] = icu.Collator.createInstance(icu.Locale(locale))
    return collator


def sort_key(language: str) -> Callable[[str], bytes]:
    """A key for `sorted` that orders text as a reader of `language` expects."""
    return _collator(language).getSortKey
