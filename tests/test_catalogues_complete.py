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
            optional = {"count", "counter", "n", "days"} if entry.msgid_plural else set()
            missing = names - set(NAMED.findall(form)) - optional
            unknown = set(NAMED.findall(form)) - names
            if missing or unknown:
                problems.append(f"{where(entry)}: missing {sorted(missing)}, unknown {sorted(unknown)}")
            if not entry.msgid_plural and sorted(TAG.findall(form)) != tags:
                problems.append(f"{where(entry)}: tags {sorted(TAG.findall(form))} != {tags}")
    assert problems == [], f"{folder}: " + "\n".join(problems)


# -- the catalogues hold what the code asks for -------------------------------------------------

SOURCE = LOCALE.parent
TRANSLATING = {"_", "gettext", "gettext_lazy", "gettext_noop", "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy"}
TEMPLATE_TAG = re.compile(
    r"""\{%\s*translate\s+(?P<q>["'])(?P<text>.*?)(?P=q)"""
    r"""(?:\s+context\s+(?P<c>["'])(?P<context>.*?)(?P=c))?"""
)


def asked_in_python() -> set[tuple[str, str]]:
    """(context, msgid) of every call of a translation function with literal strings in the code."""
    import ast

    asked = set()
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name not in TRANSLATING:
                continue
            strings = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if name.startswith("pgettext") and len(strings) >= 2:
                asked.add((strings[0], strings[1]))
            elif strings and isinstance(node.args[0], ast.Constant):
                asked.add(("", strings[0]))
    return asked


def asked_in_templates() -> set[tuple[str, str]]:
    asked = set()
    for path in SOURCE.rglob("templates/**/*"):
        if path.suffix in {".html", ".txt"}:
            for match in TEMPLATE_TAG.finditer(path.read_text(encoding="utf-8")):
                asked.add((match["context"] or "", match["text"]))
    return asked


def test_every_string_the_code_and_templates_mark_is_in_the_catalogues():
    """`make messages` was run after the last marked string: otherwise a new word would show in
    English in every language while the catalogues still looked complete."""
    asked = asked_in_python() | asked_in_templates()
    assert len(asked) > 1000
    known = {(entry.msgctxt or "", entry.msgid) for entry in catalogue("fr")}
    missing = sorted(f"{text!r}" + (f" [{context}]" if context else "") for context, text in asked - known)
    assert missing == [], f"{len(missing)} marked strings are not in the catalogues (run `make messages`)"
