"""The parts of the plan's text around its body: lines and page furniture, the cover page,
the summary and contents, and the notes at the end. Plain Python, used by `parser`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from .document import ROMAN, ImportReport, Note
from .markers import strip_emphasis


class PlanFormatError(ValueError):
    """The text is not (or no longer) a text of the Plans of Action."""


@dataclass
class Line:
    number: int  # line number in the source file, from 1
    text: str  # stripped


# Lines that are page furniture wherever they stand: (pattern, reason).
FURNITURE = [
    (re.compile(r"^V\.\d{2}-\d{5} \(E\)(?: \d{6})*\s*$"), "page furniture: job number and print dates"),
    (re.compile(r"^E/CN\.15/\d{4}/[\d/A-Za-z.]+\s*$"), "page furniture: running head (document symbol)"),
    (re.compile(r"^\d{1,3}\s*$"), "page furniture: page number"),
    (re.compile(r"^\*\d{7}\*\s*$"), "page furniture: bar-code number"),
]
ROMAN_LOOKALIKES = str.maketrans({"Χ": "X", "Ι": "I", "Ⅴ": "V", "Ѵ": "V"})  # Greek/Cyrillic look-alikes
CONTENTS_ROW = re.compile(r"^\|\s*([IVXΧ]{1,4})\.\s*\|\s*([^|]*?)\s*\|\s*(\d+)\s*[-–—]\s*(\d+)\s*\|\s*(\d+)\s*\|")
NOTE_LINE = re.compile(r"^[-•]\s+(.*)$")
NOTE_MARKER = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\$?\^\{(?:\\rm\s*)?\d+\}\$?|\d{1,2}(?=\s))\s*")
_SUPERSCRIPT_TABLE = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


@dataclass
class FrontMatter:
    title: str = ""
    date: date | None = None
    body: str = ""
    session: str = ""
    agenda_item: str = ""
    original_language: str = ""
    summary: list[str] = field(default_factory=list)
    front_notes: list[Note] = field(default_factory=list)
    # chapter number -> (title, first paragraph, last paragraph, page)
    contents: dict[str, tuple[str, int, int, int]] = field(default_factory=dict)


def join_text(before: str, after: str) -> str:
    """Join two pieces of one text; a word hyphenated at a page break is joined without a space."""
    if not before:
        return after
    if not after:
        return before
    if before.endswith("-") and after[:1].islower():
        return before + after  # "money-" + "laundering"
    return f"{before} {after}"


def read_lines(text: str, report: ImportReport) -> list[Line]:
    """The non-empty lines of the text, page furniture discarded (each recorded with its reason)."""
    lines: list[Line] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        reason = next((why for pattern, why in FURNITURE if pattern.match(stripped)), None)
        if reason:
            report.discard(number, stripped, reason)
            continue
        lines.append(Line(number, stripped))
    return lines


def read_front_matter(lines: list[Line], report: ImportReport) -> tuple[FrontMatter, int]:
    """Read the cover page, summary and contents; return them and the index of the first body line."""
    contents_at = next((i for i, line in enumerate(lines) if line.text == "Contents"), None)
    if contents_at is None:
        raise PlanFormatError(
            "no table of contents: expected a line 'Contents' followed by the chapters I to XII of the Plans of Action"
        )
    front = FrontMatter()
    in_summary = False
    for line in lines[:contents_at]:
        text = line.text
        if text.startswith(("^{*}", "*")):
            front.front_notes.append(Note(number=0, marker="*", text=text.replace("^{*}", "").lstrip("* ").strip()))
        elif match := re.match(r"^Distr\.:\s*\w+\s+(\d{1,2} \w+ \d{4})$", text):
            front.date = datetime.strptime(match.group(1), "%d %B %Y").date()
        elif match := re.match(r"^Original:\s*(\w+)$", text):
            front.original_language = match.group(1)
        elif text.startswith("Commission on") and "session" in text:
            session, _, item = text.partition(" Item ")
            # "Commission … Justice Tenth session Vienna, 8-17 May 2001" -> "… Justice, tenth session, Vienna, …"
            front.session = re.sub(r" (\w+) session ", lambda m: f", {m.group(1).lower()} session, ", session.strip())
            if item:
                front.agenda_item = re.sub(r"(provisional agenda)\*?\s+", r"\1: ", "Item " + item).strip()
        elif text.startswith(("Draft Plans of Action", "Plans of Action")):
            front.title = text
        elif text == "Summary":
            in_summary = True
        elif in_summary:
            if front.summary and text[0].islower():
                front.summary[-1] = join_text(front.summary[-1], text)
                report.repair("page-break-join", line.number, "summary sentence continued after a page break")
            else:
                front.summary.append(text)
        elif not front.body and len(text) < 60 and ("Council" in text or "Assembly" in text):
            front.body = text
        elif not text.startswith("Report of"):
            report.discard(line.number, text, "cover page text not part of the plan")
    if not front.title:
        raise PlanFormatError("no title: expected a line starting 'Draft Plans of Action' before the contents")
    index = contents_at + 1
    while index < len(lines) and lines[index].text.startswith("|"):
        _contents_row(lines[index], front, report)
        index += 1
    if len(front.contents) != len(ROMAN):
        found = ", ".join(front.contents) or "none"
        raise PlanFormatError(
            f"the contents list {len(front.contents)} chapters ({found}); expected the 12 chapters I to XII "
            "as a table of rows '| I. | Background | 1–3 | 4 |'"
        )
    return front, index


def _contents_row(line: Line, front: FrontMatter, report: ImportReport) -> None:
    match = CONTENTS_ROW.match(line.text)
    if not match:
        return  # header and rule rows of the table
    raw_number, title, first, last, page = match.groups()
    number = raw_number.translate(ROMAN_LOOKALIKES)
    if number != raw_number:
        report.repair(
            "lookalike-letter", line.number, f"contents: '{raw_number}' (Greek letter) read as Roman {number}"
        )
    front.contents[number] = (title, int(first), int(last), int(page))


def read_notes(lines: list[Line], report: ImportReport) -> list[Note]:
    """The notes after the 'Notes' heading: '- ¹⁵ text', continued across page breaks."""
    notes: list[Note] = []
    for line in lines:
        match = NOTE_LINE.match(line.text)
        if not match:
            if not notes:
                report.discard(line.number, line.text, "text after 'Notes' before the first note")
                continue
            notes[-1].text = join_text(notes[-1].text, line.text)
            report.repair("page-break-join", line.number, f"note {notes[-1].number} continued after a page break")
            continue
        body = match.group(1)
        marker = NOTE_MARKER.match(body)
        expected = len(notes) + 1
        if marker:
            number = int(re.sub(r"\D", "", marker.group(1).translate(_SUPERSCRIPT_TABLE)))
            body = body[marker.end() :]
            if number != expected:
                raise PlanFormatError(
                    f"line {line.number}: note {number} follows note {expected - 1}; notes must be numbered 1, 2, 3, …"
                )
        else:
            number = expected
            report.repair(
                "note-number-missing",
                line.number,
                f"note without its number read as note {number} (it follows note {number - 1})",
            )
        text, _ = strip_emphasis(body.strip())
        notes.append(Note(number=number, text=text, marker=str(number)))
    return notes
