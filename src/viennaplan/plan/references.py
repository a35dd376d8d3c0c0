"""What a provision's text points at: Declaration paragraphs, resolutions, documents, instruments.

Plain Python, no Django. `find_references(text, chapter="IV")` returns `Reference`s sorted by start,
with `start`/`end` indexing into `text`. Targets are stable strings:

- declaration: "VD 16", "VD 7(d)". A list gives one reference per paragraph: in "(paras. 10, 13 and 15)"
  the first spans "paras. 10", the others only their own number ("13", "15"), so spans never overlap.
  A "para." is the Declaration's only where the document says so: directly inside a parenthesis
  ("(para. 16)", as para. 4 explains), "paragraph 14 of the (Vienna) Declaration", or "in paragraph 29"
  in a sentence about the Declaration. A "para." after a resolution, article or document is theirs.
- resolution: the symbol, its organ decided by the form of the number (NN/N is the General Assembly,
  YYYY/N the Economic and Social Council, S-NN/N a special session of the Assembly), then any pinpoint
  after a comma in UN citation style: "A/RES/55/25", "E/RES/1998/23, para. 1",
  "A/RES/45/110, annex, para. 6", "A/RES/S-20/4 D". `resolution_symbol(target)` drops the pinpoint.
- document: the symbol ("E/CN.15/2001/4"); "A/55/179 and Add.1" gives "A/55/179" and "A/55/179/Add.1".
- instrument: a code of `INSTRUMENTS`. An explicit name always counts; the loose names ("the Protocol",
  lowercase "the convention", "a global instrument") count only where the text or chapter settles them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from viennaplan.plan.document import ROMAN, Reference

INSTRUMENTS: dict[str, str] = {
    "UNTOC": "United Nations Convention against Transnational Organized Crime",
    "TIP": "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children,"
    " supplementing the United Nations Convention against Transnational Organized Crime",
    "SOM": "Protocol against the Smuggling of Migrants by Land, Sea and Air,"
    " supplementing the United Nations Convention against Transnational Organized Crime",
    "FIREARMS": "Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and"
    " Components and Ammunition, supplementing the United Nations Convention against Transnational"
    " Organized Crime",
    "DRUGS1988": "United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic"
    " Substances of 1988",
    "UNCAC": "United Nations Convention against Corruption (proposed in 2001)",
}

PROTOCOLS = ("TIP", "SOM", "FIREARMS")
CORRUPTION_CHAPTER = "IV"  # where "the convention" and "the instrument" mean the corruption convention
FIREARMS_CHAPTER = "VI"  # where "the Protocol" means the Firearms Protocol

# --- paragraph lists: "16", "7 (d)", "10, 13 and 15", "1 (a) and (j)" -------------------------------
_NUMBER = r"\d+(?![\d/])(?:\s*\([a-z]{1,4}\))?"
_PARA_LIST = rf"{_NUMBER}(?:(?:,\s*and\s+|,\s*|\s+and\s+)(?:{_NUMBER}|\([a-z]{{1,4}}\)))*"
_PARA_TOKEN = re.compile(r"(?P<number>\d+)(?:\s*\((?P<sub>[a-z]{1,4})\))?|\((?P<lone>[a-z]{1,4})\)")

# --- Declaration ---------------------------------------------------------------------------------
_DECLARATION_IN_PARENTHESES = re.compile(rf"\((?P<keyword>paras?\.)\s*(?P<list>{_PARA_LIST})")
_DECLARATION_NAMED = re.compile(
    rf"\b(?P<keyword>[Pp]aragraphs?)\s+(?P<list>{_PARA_LIST})\s+of\s+the\s+(?:Vienna\s+)?Declaration\b"
)
_IN_PARAGRAPH = re.compile(r"\bin\s+(?P<keyword>paragraph)\s+(?P<list>\d+)\b(?!\s+of\b)")
_ANCHOR = re.compile(r"Declaration|[Aa]rticle|[Rr]esolution|Convention|Protocol")

# --- resolutions ---------------------------------------------------------------------------------
_RESOLUTION_KEYWORD = re.compile(
    r"(?:(?:General\s+Assembly|Economic\s+and\s+Social\s+Council)\s+)?[Rr]esolutions?,?\s+(?=S-\d|\d)"
)
_RESOLUTION_SYMBOL = re.compile(r"S-\d+/\d+(?:\s[A-H]\b)?|\d{4}/\d+|\d{1,3}/\d+")
_ANNEX = re.compile(r",\s*(?P<annex>annex(?:es\s+[IVX]+(?:\s*-\s*[IVX]+)?|\s+[IVX]+\b)?)")
_TITLED_ANNEX = re.compile(
    r"\s*\((?:[A-Z][a-z]+\s+)*[A-Z][a-z]+,\s*annex"
    rf"(?:,\s*(?P<keyword>paras?\.)\s*(?P<list>{_PARA_LIST}))?\s*\)"
)
_PINPOINT_PARAS = re.compile(rf",\s*(?P<keyword>paras?\.)\s*(?P<list>{_PARA_LIST})")
_LIST_SEPARATOR = re.compile(r"(?:,\s*and\s+|,\s*|\s+and\s+)(?=S-\d|\d{1,4}/\d)")

# --- documents -----------------------------------------------------------------------------------
_DOCUMENT = re.compile(
    r"(?<![\w/])(?P<symbol>[AES]/(?:CN\.\d+/)?\d+(?:/(?:\d+|[A-Z]\.\d+|Add\.\d+|Rev\.\d+|Corr\.\d+))*)"
    r"(?:\s+and\s+(?P<addendum>Add\.\d+))?"
)

# --- instruments ---------------------------------------------------------------------------------
_ADJECTIVES = r"(?:new|binding|global|international|legal|effective|future|comprehensive|proposed|and)"
_EXPLICIT_INSTRUMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        r"Protocol\s+to\s+Prevent,\s+Suppress\s+and\s+Punish\s+Trafficking\s+in\s+Persons,"
        r"\s+Especially\s+Women\s+and\s+Children",
        ("TIP",),
    ),
    (r"Protocol\s+against\s+the\s+Smuggling\s+of\s+Migrants\s+by\s+Land,\s+Sea\s+and\s+Air", ("SOM",)),
    (
        r"Protocol\s+against\s+the\s+Illicit\s+Manufacturing\s+of\s+and\s+Trafficking\s+in\s+Firearms"
        r"(?:,\s+Their\s+Parts\s+and\s+Components\s+and\s+Ammunition)?",
        ("FIREARMS",),
    ),
    (r"Trafficking\s+in\s+Persons\s+Protocol", ("TIP",)),
    (r"Migrants\s+Protocol", ("SOM",)),
    (r"Firearms\s+Protocol", ("FIREARMS",)),
    (r"United\s+Nations\s+Convention\s+against\s+Transnational\s+Organized\s+Crime(?:\s+of\s+2000)?", ("UNTOC",)),
    (
        r"United\s+Nations\s+Convention\s+against\s+Illicit\s+Traffic\s+in\s+Narcotic\s+Drugs\s+and"
        r"\s+Psychotropic\s+Substances(?:\s+of\s+1988)?",
        ("DRUGS1988",),
    ),
    (r"\b[Tt]he\s+1988\s+Convention\b", ("DRUGS1988",)),
    (r"\b[Tt]he\s+(?:parent\s+)?Convention\b", ("UNTOC",)),
    (r"\b[Tt]he\s+two\s+protocols\b", ("TIP", "SOM")),
    (r"\b(?:[Tt]he|[Ii]ts)\s+Protocols\b", PROTOCOLS),
    (
        rf"(?:\b(?:[Aa]n?|[Tt]he)\s+)?(?:{_ADJECTIVES}\s+)*(?:United\s+Nations\s+)?[Cc]onvention\s+against"
        r"\s+corruption\b",
        ("UNCAC",),
    ),
    (rf"(?:\b(?:[Aa]n?|[Tt]he)\s+)?(?:{_ADJECTIVES}\s+)+instrument\s+against\s+corruption\b", ("UNCAC",)),
    (r"\b(?:an?\s+)?binding\s+(?:global\s+)?(?:international\s+)?legal\s+instrument\b", ("UNCAC",)),
)
_PROTOCOLS_LISTED = re.compile(
    r"(?P<head>\b[Tt]he\s+protocols(?:\s+thereto)?)(?:\s+dealing\s+with\s+(?P<topics>[^.;(]*))?"
)
_PROTOCOL_TOPICS = (("trafficking in persons", "TIP"), ("smuggling of migrants", "SOM"), ("firearms", "FIREARMS"))
_GENERIC_CORRUPTION = re.compile(
    rf"\b(?:an?|the)\s+(?:{_ADJECTIVES}\s+)*instrument\b|\bthe\s+(?:proposed\s+)?convention\b"
)
_THE_PROTOCOL = re.compile(r"\b[Tt]he\s+Protocol\b(?!s|\s+to\s+Prevent|\s+against)")


def find_references(text: str, *, chapter: str) -> list[Reference]:
    """Every reference in `text`, a provision of chapter `chapter` ("" where no chapter applies)."""
    if chapter and chapter not in ROMAN:
        raise ValueError(f"chapter must be a Roman numeral I to XII or empty, not {chapter!r}")
    references = [
        *_declaration_references(text),
        *_resolution_references(text),
        *_document_references(text),
        *_instrument_references(text, chapter),
    ]
    return sorted(references, key=lambda reference: reference.start)


def resolution_symbol(target: str) -> str:
    """The bare symbol of a resolution target: "E/RES/1998/23, para. 1" -> "E/RES/1998/23"."""
    return target.split(",", 1)[0]


def _reference(kind: str, text: str, target: str, start: int, end: int) -> Reference:
    return Reference(kind=kind, text=text[start:end], target=target, start=start, end=end)


def _paragraphs(text: str, match: re.Match[str]) -> Iterator[tuple[str, int, int]]:
    """("7(d)", start, end) for each paragraph of a matched list; the first spans from the keyword."""
    offset, number = match.start("list"), ""
    for index, token in enumerate(_PARA_TOKEN.finditer(match.group("list"))):
        number = token.group("number") or number
        sub = token.group("sub") or token.group("lone")
        start = match.start("keyword") if index == 0 else offset + token.start()
        yield number + (f"({sub})" if sub else ""), start, offset + token.end()


def _declaration_references(text: str) -> Iterator[Reference]:
    for pattern in (_DECLARATION_IN_PARENTHESES, _DECLARATION_NAMED, _IN_PARAGRAPH):
        for match in pattern.finditer(text):
            if pattern is _IN_PARAGRAPH and not _sentence_is_about_the_declaration(text, match.start()):
                continue
            paragraphs = list(_paragraphs(text, match))
            for paragraph, start, end in paragraphs:
                if pattern is _DECLARATION_NAMED and len(paragraphs) == 1:
                    end = match.end()
                yield _reference("declaration", text, f"VD {paragraph}", start, end)


def _sentence_is_about_the_declaration(text: str, position: int) -> bool:
    sentence = text[text.rfind(". ", 0, position) + 1 : position]
    anchors = _ANCHOR.findall(sentence)
    return bool(anchors) and anchors[-1] == "Declaration"


def _resolution_references(text: str) -> Iterator[Reference]:
    for keyword in _RESOLUTION_KEYWORD.finditer(text):
        position, start = keyword.end(), keyword.start()
        while symbol_match := _RESOLUTION_SYMBOL.match(text, position):
            symbol = _organ_prefix(symbol_match.group()) + re.sub(r"\s+", " ", symbol_match.group())
            position = yield from _resolution_with_pinpoints(text, symbol, start, symbol_match.end())
            separator = _LIST_SEPARATOR.match(text, position)
            if not separator:
                break
            position = start = separator.end()


def _organ_prefix(number: str) -> str:
    """YYYY/N is the Economic and Social Council's; NN/N and S-NN/N are the General Assembly's."""
    return "E/RES/" if re.match(r"\d{4}/", number) else "A/RES/"


def _resolution_with_pinpoints(text: str, symbol: str, start: int, position: int) -> Iterator[Reference]:
    """Yield the references of one resolution and its pinpoints; return where its citation ends."""
    annex = ""
    if titled := _TITLED_ANNEX.match(text, position):  # "S-20/2 (Political Declaration, annex, para. 15)"
        annex, end = ", annex", titled.end()
        paras = titled if titled.group("list") else None
    else:
        if plain := _ANNEX.match(text, position):
            annex, position = ", " + re.sub(r"\s+", " ", plain.group("annex")), plain.end()
        paras = _PINPOINT_PARAS.match(text, position)
        end = paras.end() if paras else position
    paragraphs = list(_paragraphs(text, paras)) if paras else []
    if len(paragraphs) < 2:
        pinpoint = f", para. {paragraphs[0][0]}" if paragraphs else ""
        yield _reference("resolution", text, symbol + annex + pinpoint, start, end)
        return end
    for index, (paragraph, para_start, para_end) in enumerate(paragraphs):
        first_start = start if index == 0 else para_start
        yield _reference("resolution", text, f"{symbol}{annex}, para. {paragraph}", first_start, para_end)
    return end


def _document_references(text: str) -> Iterator[Reference]:
    for match in _DOCUMENT.finditer(text):
        symbol = match.group("symbol")
        yield _reference("document", text, symbol, match.start("symbol"), match.end("symbol"))
        if match.group("addendum"):
            addendum = f"{symbol}/{match.group('addendum')}"
            yield _reference("document", text, addendum, match.start("addendum"), match.end("addendum"))


def _instrument_references(text: str, chapter: str) -> list[Reference]:
    """Explicit names first; then the loose ones, where they do not overlap an explicit name."""
    found: list[tuple[int, int, tuple[str, ...]]] = []

    def add(start: int, end: int, codes: tuple[str, ...]) -> None:
        if codes and not any(start < taken_end and taken_start < end for taken_start, taken_end, _ in found):
            found.append((start, end, codes))

    explicit = [
        (m.start(), m.end(), codes) for pattern, codes in _EXPLICIT_INSTRUMENTS for m in re.finditer(pattern, text)
    ]
    for start, end, codes in sorted(explicit, key=lambda item: (item[0], -item[1])):
        add(start, end, codes)
    for match in _PROTOCOLS_LISTED.finditer(text):
        add(*_listed_protocols(match))
    for match in _GENERIC_CORRUPTION.finditer(text):
        if chapter == CORRUPTION_CHAPTER or _named_before(found, "UNCAC", match.start()):
            add(match.start(), match.end(), ("UNCAC",))
    for match in _THE_PROTOCOL.finditer(text):
        add(match.start(), match.end(), _protocol_meant(found, match.start(), chapter))
    return [_reference("instrument", text, code, start, end) for start, end, codes in sorted(found) for code in codes]


def _listed_protocols(match: re.Match[str]) -> tuple[int, int, tuple[str, ...]]:
    """All three for "the protocols thereto"; only those named for "the protocols dealing with X and Y"."""
    topics = match.group("topics")
    all_or_none = PROTOCOLS if "thereto" in match.group("head") else ()  # a bare "the protocols" is left open
    if topics is None:
        return match.start(), match.end(), all_or_none
    lowered = topics.lower()
    named = sorted(
        (lowered.find(words), lowered.find(words) + len(words), code)
        for words, code in _PROTOCOL_TOPICS
        if words in lowered
    )
    if not named:
        return match.start(), match.end("head"), all_or_none
    return match.start(), match.start("topics") + named[-1][1], tuple(code for _, _, code in named)


def _named_before(found: list[tuple[int, int, tuple[str, ...]]], code: str, position: int) -> bool:
    return any(code in codes and end <= position for _, end, codes in found)


def _protocol_meant(found: list[tuple[int, int, tuple[str, ...]]], position: int, chapter: str) -> tuple[str, ...]:
    """What "the Protocol" means: the protocol last named before it, else the Firearms Protocol in chapter VI."""
    earlier = [
        codes for start, end, codes in sorted(found) if end <= position and len(codes) == 1 and codes[0] in PROTOCOLS
    ]
    if earlier:
        return earlier[-1]
    return ("FIREARMS",) if chapter == FIREARMS_CHAPTER else ()
