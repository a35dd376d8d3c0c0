"""The five catalogues are complete and sound (issue 11): every entry translated, none fuzzy (a
guess by msgmerge that nobody checked), every plural form written, and every placeholder and tag
of the English kept, so a translated message can never lose a value or break the page."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[1] / "src" / "viennaplan" / "locale"
LANGUAGES = {"ar": 6, "zh_Hans": 1, "fr": 2, "ru": 4, "es": 3}  # folder -> number of plural forms
NAMED = re.compile(r"%\((\w+)\)[sdif]")
TAG = re.compile(r"</?[a-z]+\b[^>]*>", re.IGNORECASE)


def catalogue(folder: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / folder / "LC_MESSAGES" / "django.po"))


def where(entry: polib.POEntry) -> str:
    context = f" [{entry.msgctxt}]" if entry.msgctxt else ""
    return f"{entry.msgid[:70]!r}{context}"


@pytest.mark.parametrize("folder", sorted(LANGUAGES))
def test_every_entry_is_translated_and_none_is_fuzzy(folder):
    po = catalogue(folder)
    entries = [entry for entry in po if not entry.obsolete]
    assert len(entries) > 1000, "the catalogue looks empty: was it rebuilt from the templates and code?"
    untranslated = [where(e) for e in entries if not (all(e.msgstr_plural.values()) if e.msgid_plural else e.msgstr)]
    fuzzy = [where(e) for e in entries if "fuzzy" in e.flags]
    assert untranslated == [], f"{folder}: {len(untranslated)} untranslated entries"
    assert fuzzy == [], f"{folder}: {len(fuzzy)} fuzzy entries (check and clear the flag)"
    assert [where(e) for e in po.obsolete_entries()] == [], f"{folder}: obsolete entries (make messages drops them)"


@pytest.mark.parametrize("folder", sorted(LANGUAGES))
def test_every_plural_has_the_languages_forms(folder):
    po = catalogue(folder)
    assert f"nplurals={LANGUAGES[folder]};" in po.metadata["Plural-Forms"].replace(" ", "")
    wrong = [where(e) for e in po if e.msgid_plural and sorted(e.msgstr_plural) != list(range(LANGUAGES[folder]))]
    assert wrong == []


@pytest.mark.parametrize("folder", sorted(LANGUAGES))
def test_every_placeholder_and_tag_of_the_english_is_kept(folder):
    problems = []
    for entry in catalogue(folder):
        if entry.obsolete:
            continue
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        english = {entry.msgid, entry.msgid_plural} - {""}
        names = set().union(*(NAMED.findall(text) for text in english))
        tags = sorted(TAG.findall(entry.msgid))
        for form in forms:
            # a plural form may leave out the count ("un jour"), never another value
            missing = names - set(NAMED.findall(form)) - ({"count", "counter", "n", "days"} if entry.msgid_plural else set())
            unknown = set(NAMED.findall(form)) - names
            if missing or unknown:
                problems.append(f"{where(entry)}: missing {sorted(missing)}, unknown {sorted(unknown)}")
            if not entry.msgid_plural and sorted(TAG.findall(form)) != tags:
                problems.append(f"{where(entry)}: tags {sorted(TAG.findall(form))} != {tags}")
    assert problems == [], f"{folder}: " + "\n".join(problems)
