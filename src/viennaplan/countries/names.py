"""Names of States as people and the depositary write them, resolved to a code. No Django here.

`normalise_name` makes the spelling irrelevant: "CÔTE D’IVOIRE", "Cote d'Ivoire" and
"côte  d'ivoire" all become "cote divoire". A `NameIndex` holds every known name with the
period in which it was used and the code it stands for, a current State (`CHE`) or a former
one (`YUG`, `SCG`, `CSK`, `SUN`, `DDR`), and answers `resolve(name_or_code, on=date)`.

A name used in one period only for one code resolves on any date ("Swaziland" is SWZ even in
a list printed after the State became Eswatini). The date decides only where one spelling has
meant different States over time; then a date outside every recorded period is an error.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc\u02bb\u0060\u00b4\u2032]")
_NOT_WORD = re.compile(r"[\W_]+")
_DROPPED_WORDS = frozenset({"the"})


def normalise_name(name: str) -> str:
    """The form names are compared in: case-folded, accents and apostrophes removed,
    punctuation and runs of white space made single spaces, "&" read as "and", "the" dropped.

    >>> normalise_name("The former Yugoslav Republic of Macedonia")
    'former yugoslav republic of macedonia'
    >>> normalise_name("  CÔTE D’IVOIRE ")
    'cote divoire'
    >>> normalise_name("Netherlands (Kingdom of the)")
    'netherlands kingdom of'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    words = _NOT_WORD.sub(" ", text).split()
    return " ".join(word for word in words if word not in _DROPPED_WORDS)


class UnknownState(LookupError):
    """A name or code that names no State or organization (or more than one)."""

    def __init__(self, message: str, suggestions: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.suggestions = tuple(suggestions)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class NameEntry:
    """One name and the code it stands for, in the period it was used (ends inclusive)."""

    name: str
    code: str
    valid_from: date | None = None
    valid_to: date | None = None
    note: str = ""

    def valid_on(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or on <= self.valid_to)

    def period(self) -> str:
        start = self.valid_from.isoformat() if self.valid_from else "…"
        end = self.valid_to.isoformat() if self.valid_to else "…"
        return f"{start} to {end}"


class NameIndex:
    """Every known name and code, for `resolve`.

    `codes` are the codes accepted as they are (alpha-3 of States, organizations and former
    States); `alpha2` maps alpha-2 codes to alpha-3 codes.
    """

    def __init__(
        self, entries: Iterable[NameEntry], codes: Iterable[str] = (), alpha2: Mapping[str, str] | None = None
    ) -> None:
        self.codes = frozenset(code.upper() for code in codes)
        self.alpha2 = {key.upper(): value for key, value in (alpha2 or {}).items()}
        self._entries: dict[str, list[NameEntry]] = {}
        self._first_name: dict[str, str] = {}  # code -> the first name recorded (the UN English name)
        for entry in entries:
            key = normalise_name(entry.name)
            if key:
                self._entries.setdefault(key, []).append(entry)
                self._first_name.setdefault(entry.code, entry.name)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, name_or_code: object) -> bool:
        if not isinstance(name_or_code, str):
            return False
        try:
            self.resolve(name_or_code)
        except UnknownState:
            return False
        return True

    def entries_for(self, name: str) -> list[NameEntry]:
        """The recorded entries whose name reads like `name` (all periods)."""
        return list(self._entries.get(normalise_name(name), ()))

    def names_of(self, code: str) -> list[NameEntry]:
        """Every recorded name of one code."""
        return [entry for entries in self._entries.values() for entry in entries if entry.code == code]

    def resolve(self, name_or_code: str, on: date | None = None) -> str:
        """The code a name or code stands for (on a date, where the name changed meaning).

        Raises `UnknownState` with close matches when nothing fits, and when a name is
        ambiguous on the date given (or without one).
        """
        text = (name_or_code or "").strip()
        if not text:
            raise UnknownState("no State named: the name is empty")
        upper = text.upper()
        if upper in self.codes:
            return upper
        if len(upper) == 2 and upper in self.alpha2:
            return self.alpha2[upper]
        entries = self._entries.get(normalise_name(text))
        if not entries:
            suggestions = self.suggest(text)
            hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
            raise UnknownState(f"unknown State or organization {text!r}{hint}", suggestions)
        codes = sorted({entry.code for entry in entries})
        if on is not None:
            valid = sorted({entry.code for entry in entries if entry.valid_on(on)})
            if len(valid) == 1:
                return valid[0]
            if len(valid) > 1:
                raise UnknownState(f"{text!r} named more than one State on {on.isoformat()}: {', '.join(valid)}")
        if len(codes) == 1:
            return codes[0]
        current = sorted({entry.code for entry in entries if entry.valid_to is None})
        if on is None and len(current) == 1:
            return current[0]
        periods = "; ".join(f"{entry.code} {entry.period()}" for entry in entries)
        when = f" on {on.isoformat()}" if on else " without a date"
        raise UnknownState(f"{text!r} is ambiguous{when} ({periods}); give the date of the list it comes from")

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Known names close to `name`, best first (for error messages): names that contain
        it as a word ("Korea"), then names spelt alike ("Swizerland")."""
        key = normalise_name(name)
        if not key:
            return []
        containing = [known for known in self._entries if re.search(rf"\b{re.escape(key)}\b", known)]
        alike = difflib.get_close_matches(key, list(self._entries), n=limit * 4, cutoff=0.6)
        matches = dict.fromkeys(sorted(containing, key=len) + alike)
        # One suggestion per State, under its first recorded name (the UN English name), so that
        # a misspelt English name is not answered in French or Spanish.
        codes = dict.fromkeys(self._entries[match][0].code for match in matches)
        return [self._first_name[code] for code in codes][:limit]


LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")  # the six official languages, in the UN's order


def un_names(country: object) -> list[str]:
    """A country's UN names (English first, then the other five) and its English formal name,
    from any row or model with `name_en` … `name_ar` and `formal_name_en`."""
    names = [getattr(country, f"name_{language}") for language in LANGUAGES]
    return [name for name in [*names, getattr(country, "formal_name_en", "")] if name]


def build_index(countries: Iterable[object], predecessors: Iterable[object], names: Iterable[NameEntry]) -> NameIndex:
    """The one way to build the index, from the CSV rows or from the database rows alike:
    `countries` have `alpha3`, `alpha2` and the UN names; `predecessors` have `code`, `name`,
    `existed_from`, `existed_to`; `names` are the depositary's names over time."""
    countries, predecessors = list(countries), list(predecessors)
    entries = [NameEntry(name, country.alpha3, note="UN name") for country in countries for name in un_names(country)]  # type: ignore[attr-defined]
    entries += [NameEntry(p.name, p.code, p.existed_from, p.existed_to) for p in predecessors]  # type: ignore[attr-defined]
    entries += list(names)
    codes = [c.alpha3 for c in countries] + [p.code for p in predecessors]  # type: ignore[attr-defined]
    return NameIndex(entries, codes, {c.alpha2: c.alpha3 for c in countries if c.alpha2})  # type: ignore[attr-defined]
