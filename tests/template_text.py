"""Finds user-visible text in a Django template that is outside a translation tag.

`unmarked(source)` reads a template's source and returns one `Finding(line, text)` per line of
text a reader would see untranslated. The rules, kept small on purpose:

1. The template is cut into Django's own tokens (text, ``{{ }}``, ``{% %}``, ``{# #}``), with
   their line numbers. Everything from ``{% comment %}`` to ``{% endcomment %}`` and ``{# #}`` is
   dropped. ``{% translate %}`` / ``{% trans %}`` and the whole of ``{% blocktranslate %}`` ...
   ``{% endblocktranslate %}`` (with its ``{% plural %}`` part) are *marked*. Every other tag and
   variable stands for nothing, except a variable whose ``default`` / ``default_if_none`` filter
   holds a literal string (``{{ x|default:"not yet" }}``): that literal is text (write it
   ``default:_("not yet")``, which is marked).
2. What is left is read as HTML. Visible text is
   - the text between tags, except inside ``<script>``, ``<style>``, ``<code>``, ``<kbd>`` and
     ``<samp>`` (code, commands and file names are not translated);
   - the values of the attributes in `VISIBLE_ATTRIBUTES`, the ``value`` of an ``<input>``
     button (submit, button, reset) and the ``content`` of ``<meta name="description">``.
   E-mail templates (``.txt``) have no tags: all their text is visible.
3. Text needs a translation tag when it holds a *word*: a run of two letters or more that is not
   a URL, a path of the site (``/plan/57``) or an e-mail address, a code in capitals of two or
   three letters (ISO codes: ``CHE``, ``EN``), a Roman numeral (``VII``, ``ii``), or one of
   `NOT_WORDS`. So punctuation, digits, symbols (``·`` ``→`` ``—`` ``|`` ``:`` ``×``), single
   letters used as labels (``a``, ``(k)``) and SVG path data (an attribute, never read) are not text.

Templates that may hold untranslated text are listed, with the reason, in `EXEMPT_TEMPLATES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.template.base import Lexer, TokenType

#: Words that are the same in every language, with the reason.
NOT_WORDS = {
    "JSON": "name of a file format",
    "CSV": "name of a file format",
    "PDF": "name of a file format",
    "XLSX": "name of a file format",
    "HTML": "name of a file format",
    "API": "technical term used as is in the UN's six languages on the site",
    "viennaplan": "the name of the software",
}

#: Templates (paths relative to src/viennaplan) left out of the check, with the reason.
EXEMPT_TEMPLATES: dict[str, str] = {}

#: Attributes whose value a reader sees or hears (tooltips, alternatives, screen readers).
VISIBLE_ATTRIBUTES = frozenset(
    {"title", "alt", "placeholder", "aria-label", "aria-description", "aria-roledescription", "label"}
)
#: Elements whose content is code, not prose.
CODE_ELEMENTS = frozenset({"script", "style", "code", "kbd", "samp"})
BUTTON_INPUTS = frozenset({"submit", "button", "reset"})

TRANSLATE_TAGS = frozenset({"translate", "trans"})
BLOCK_TRANSLATE = frozenset({"blocktranslate", "blocktrans"})
END_BLOCK_TRANSLATE = frozenset({"endblocktranslate", "endblocktrans"})

#: Each Django token becomes one character of the Supplementary Private Use Area (then as many
#: newlines as the token spans, so the HTML parser's line numbers stay those of the source).
FIRST_PLACEHOLDER = 0xF0000
PLACEHOLDER = re.compile("[\U000f0000-\U000ffffd]")

URL = re.compile(r"(?:https?://|mailto:|www\.)\S+|\S+@\S+\.\S+|(?<!\S)/\S*", re.IGNORECASE)
LETTERS = re.compile(r"[^\W\d_]+")
ROMAN = re.compile(r"M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
CODE_IN_CAPITALS = re.compile(r"[A-Z]{2,3}")
DEFAULT_LITERAL = re.compile(r"""\|default(?:_if_none)?:(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class Finding:
    line: int
    text: str


def is_word(letters: str) -> bool:
    if len(letters) < 2 or letters in NOT_WORDS:
        return False
    if CODE_IN_CAPITALS.fullmatch(letters):
        return False
    if letters in (letters.upper(), letters.lower()) and ROMAN.fullmatch(letters.upper()):
        return False
    return True


def has_words(text: str) -> bool:
    return any(is_word(letters) for letters in LETTERS.findall(URL.sub(" ", text)))


def unmarked(source: str) -> list[Finding]:
    """The lines of `source` with visible text outside a translation tag, in order."""
    skeleton, literals = _skeleton(source)
    reader = _Reader(literals)
    reader.feed(skeleton)
    reader.close()
    return sorted(set(reader.findings), key=lambda f: (f.line, f.text))


def _skeleton(source: str) -> tuple[str, dict[str, Finding]]:
    """The template as HTML with every Django token replaced by a placeholder.

    Returns the skeleton and, for the placeholders of variables with a literal default,
    the text that literal shows.
    """
    parts: list[str] = []
    literals: dict[str, Finding] = {}
    skipping_until: frozenset[str] | None = None
    tokens = Lexer(source).tokenize()
    for index, token in enumerate(tokens):
        if token.token_type == TokenType.TEXT:
            spanned = token.contents.count("\n")
        else:  # the lexer strips a tag's contents: count its lines from where the next token starts
            spanned = tokens[index + 1].lineno - token.lineno if index + 1 < len(tokens) else 0
        words = token.contents.split()
        name = words[0] if words else ""
        if skipping_until is not None:
            if token.token_type == TokenType.BLOCK and name in skipping_until:
                skipping_until = None
            parts.append("\n" * spanned)
            continue
        if token.token_type == TokenType.TEXT:
            parts.append(token.contents)
            continue
        placeholder = chr(FIRST_PLACEHOLDER + index)
        if token.token_type == TokenType.BLOCK and name == "comment":
            skipping_until = frozenset({"endcomment"})
        elif token.token_type == TokenType.BLOCK and name in BLOCK_TRANSLATE:
            skipping_until = END_BLOCK_TRANSLATE
        elif token.token_type == TokenType.VAR:
            shown = " ".join(a or b for a, b in DEFAULT_LITERAL.findall(token.contents))
            if has_words(shown):
                literals[placeholder] = Finding(token.lineno, token.contents.strip())
        parts.append(placeholder + "\n" * spanned)
    return "".join(parts), literals


class _Reader(HTMLParser):
    def __init__(self, literals: dict[str, Finding]):
        super().__init__(convert_charrefs=True)
        self.literals = literals
        self.findings: list[Finding] = []
        self.in_code = 0

    def handle_starttag(self, tag, attrs):
        if tag in CODE_ELEMENTS:
            self.in_code += 1
        self._check_attributes(tag, dict(attrs))

    def handle_startendtag(self, tag, attrs):
        self._check_attributes(tag, dict(attrs))

    def handle_endtag(self, tag):
        if tag in CODE_ELEMENTS and self.in_code:
            self.in_code -= 1

    def handle_data(self, data):
        if self.in_code:
            return
        first_line = self.getpos()[0]
        for offset, line in enumerate(data.split("\n")):
            self._check(first_line + offset, line)

    def _check_attributes(self, tag, attrs):
        raw = self.get_starttag_text() or ""
        for name, value in attrs.items():
            line = self.getpos()[0] + raw[: max(raw.lower().find(name + "="), 0)].count("\n")
            visible = (
                name in VISIBLE_ATTRIBUTES
                or (tag == "input" and name == "value" and attrs.get("type") in BUTTON_INPUTS)
                or (tag == "meta" and name == "content" and attrs.get("name") == "description")
            )
            if visible and value:
                self._check(line, value)

    def _check(self, line: int, text: str):
        for placeholder in PLACEHOLDER.findall(text):
            if placeholder in self.literals:
                self.findings.append(self.literals[placeholder])
        text = PLACEHOLDER.sub(" ", text)
        if has_words(text):
            self.findings.append(Finding(line, " ".join(text.split())))
