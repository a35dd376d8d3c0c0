"""Reading an uploaded questionnaire workbook back: checks of the file itself (size, zip,
the unpacked size of each part, macros, DOCTYPE), of the workbook against the questionnaire it
must answer (State, cycle, checksum, sheets, rows) and of every answer cell. No Django. See
`excel` for the workbook.

The fixed words of a workbook (headers, statuses, kinds of measure, Yes/No) are read in the language
the workbook was built in, as its metadata records it (`Words`), or in English; a workbook without
that record (made before it existed) is read in the uploader's language or in English. The messages
are in the uploader's language, and quote the workbook's own words.

The part limits are checked on the sizes the zip declares, before any part is read: Python's
zipfile never unpacks more than a part's declared size (a part that lies about it fails its
checksum), so a few hundred KB that would unpack to 58 MB of shared strings cost nothing.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import check_for_language, override
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from .answer_data import AnswerData, AnswerDataError, clean_answer
from .excel import (
    ANSWER_COLUMNS,
    COLUMNS,
    COVER,
    FIELD_COLUMN,
    FIRST_ROW,
    FORMAT,
    HEADER_ROW,
    META_FIRST_ROW,
    NO,
    YES,
    Chapter,
    Question,
    Questionnaire,
    ReadResult,
    RowAnswer,
    UploadError,
    cell_text,
    fingerprint,
)
from .scale import MEASURE_KINDS, STATUS_SCALE

DATE_LIKE = re.compile(r"^[\d./\- ]+$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MB = 1024 * 1024
# Measured with bench/bench_workbook_limits.py on the questionnaire of a full cycle (106 questions):
# with long answers (5,000-character narratives, 5 measures) each sheet is at most 0.17 MB and the
# shared strings, where Excel moves every text when it saves, about 0.8 MB; with every text at its
# limit (20,000-character narrative and description, 10 measures) the largest sheet is 0.94 MB and
# the shared strings 4.5 MB. The limits are ten times the long answers', and take the longest
# answers the questionnaire accepts, in Latin or in Chinese script, within the 5 MB upload limit.
MAX_SHARED_STRINGS_BYTES = 8 * MB
MAX_SHEET_BYTES = 8 * MB  # a sheet holding its texts itself, as openpyxl and some programs save it
MAX_OTHER_XML_BYTES = 2 * MB  # styles, the workbook, relationships, properties: a few KB each
MAX_UNPACKED_BYTES = 24 * MB  # all parts together (it was 60 MB: 5.8 s and 150 MB to read such a file)
MAX_ZIP_MEMBERS = 500
FIELD_ERROR = re.compile(r"^(?P<field>[a-z_]+)(?:\[(?P<line>\d+)\])?(?:\.(?P<part>[a-z]+))?: (?P<message>.*)$", re.S)
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


# ---------------------------------------------------------------- reading


def english(label: Any) -> str:
    """A (lazy) label in English, the source language: every workbook's fixed words are also read
    in English."""
    return in_language(label, "en")


def in_language(label: Any, language: str | None) -> str:
    """A (lazy) label in `language` (None: the active language)."""
    if not language:
        return str(label)
    with override(language):
        return str(label)


def word_key(text: str) -> str:
    """A fixed word as it is compared: case, accents and Arabic vowel marks, and runs of spaces
    ignored ("non commence" is "Non commencé", "منفذ" is "منفَّذ")."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return " ".join(bare.casefold().split())


def workbook_language(meta: dict[str, str]) -> str | None:
    """The language a workbook records in its metadata, when it is one Django has; else None."""
    code = meta.get("language", "").strip()
    return code if code and check_for_language(code) else None


@dataclass(frozen=True)
class Words:
    """The fixed words a workbook is read with: in the language it was built in (`language`; None: the
    uploader's, for a workbook without that record), in English, and in the uploader's language.
    `shown` holds the workbook's own words, for the messages."""

    language: str | None
    statuses: dict[str, str] = field(default_factory=dict)  # word key -> status code
    kinds: dict[str, str] = field(default_factory=dict)  # word key -> kind of measure
    yes: frozenset[str] = frozenset()
    no: frozenset[str] = frozenset()
    headers: dict[str, frozenset[str]] = field(default_factory=dict)  # column name -> the headers accepted
    shown: dict[str, str] = field(default_factory=dict)  # "yes", "no", "statuses", "kinds", column names

    @classmethod
    def of(cls, language: str | None = None) -> Words:
        languages = (language, "en", None)  # None: the active language

        def keys(label: Any) -> set[str]:
            return {word_key(in_language(label, each)) for each in languages}

        statuses = {key: code for code, label in STATUS_SCALE.items() for key in keys(label) | {code}}
        kinds = {key: code for code, label in MEASURE_KINDS.items() for key in keys(label) | {code}}
        shown = {
            "yes": in_language(YES, language),
            "no": in_language(NO, language),
            "statuses": ", ".join(in_language(label, language) for label in STATUS_SCALE.values()),
            "kinds": ", ".join(in_language(label, language) for label in MEASURE_KINDS.values()),
        }
        headers = {}
        for column in COLUMNS:
            shown[column.name] = in_language(column.header, language)
            headers[column.name] = frozenset(in_language(column.header, each) for each in languages)
        return cls(
            language=language,
            statuses=statuses,
            kinds=kinds,
            yes=frozenset(keys(YES) | {"yes", "y", "true", "1"}),
            no=frozenset(keys(NO) | {"", "no", "n", "false", "0"}),
            headers=headers,
            shown=shown,
        )


def too_large(size: int, max_bytes: int) -> str:
    return _("The file is too large: %(size)s bytes; at most %(limit)s bytes (%(megabytes)s MB) are accepted.") % {
        "size": f"{size:,}",
        "limit": f"{max_bytes:,}",
        "megabytes": f"{max_bytes / 1048576:g}",
    }


def _part_limit(name: str) -> tuple[int, str]:
    """The most a part may unpack to, and what the part is (for the message)."""
    if name == "xl/sharedStrings.xml":
        return MAX_SHARED_STRINGS_BYTES, _("the texts of the cells")
    if name.startswith("xl/worksheets/") and name.endswith(".xml"):
        return MAX_SHEET_BYTES, _("a sheet")
    if name.endswith((".xml", ".rels")):
        return MAX_OTHER_XML_BYTES, _("a part of the workbook's structure")
    return MAX_UNPACKED_BYTES, _("an embedded file")


def _too_large_parts(members: Sequence[zipfile.ZipInfo]) -> list[UploadError]:
    """Why the workbook unpacks to more than a questionnaire can hold (by its parts' declared sizes)."""
    if len(members) > MAX_ZIP_MEMBERS:
        message = _("The workbook has %(parts)s parts; a questionnaire has a few dozen. The file is refused.") % {
            "parts": f"{len(members):,}"
        }
        return [UploadError(message)]
    errors = []
    for member in members:
        limit, what = _part_limit(member.filename)
        if member.file_size > limit:
            errors.append(
                UploadError(
                    _(
                        "The workbook part %(part)s (%(what)s) unpacks to %(size)s bytes; at most "
                        "%(limit)s bytes (%(megabytes)s MB) are accepted, far more than a questionnaire holds. "
                        "The file is refused."
                    )
                    % {
                        "part": member.filename,
                        "what": what,
                        "size": f"{member.file_size:,}",
                        "limit": f"{limit:,}",
                        "megabytes": f"{limit / MB:g}",
                    }
                )
            )
    total = sum(member.file_size for member in members)
    if not errors and total > MAX_UNPACKED_BYTES:
        errors.append(
            UploadError(
                _(
                    "The workbook unpacks to %(size)s bytes; at most %(limit)s bytes "
                    "(%(megabytes)s MB) are accepted, far more than a questionnaire holds. "
                    "The file is refused."
                )
                % {
                    "size": f"{total:,}",
                    "limit": f"{MAX_UNPACKED_BYTES:,}",
                    "megabytes": f"{MAX_UNPACKED_BYTES / MB:g}",
                }
            )
        )
    return errors


def _declares_doctype(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether an XML part declares a DOCTYPE (the way to entity bombs and external entities)."""
    with archive.open(member) as part:
        tail = b""
        while chunk := part.read(1 << 16):
            if b"<!DOCTYPE" in tail + chunk:
                return True
            tail = chunk[-8:]
    return False


def sniff_file(content: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> list[UploadError]:
    """Why `content` cannot be an .xlsx workbook we may open (empty list: it may be one).

    Looks at the bytes, never at the file name: the size, the zip signature, the parts an
    .xlsx has, no macros, a bounded unpacked size, and no XML DOCTYPE (entity bombs)."""
    if len(content) > max_bytes:
        return [UploadError(too_large(len(content), max_bytes))]
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        return [UploadError(_("The file is an old-style Excel 97-2003 (.xls) file; save it as .xlsx and upload that."))]
    if not content.startswith(b"PK\x03\x04"):
        return [UploadError(_("The file is not an Excel workbook (.xlsx); upload the questionnaire you downloaded."))]
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                return [UploadError(_("The file is a zip archive, not an Excel workbook (.xlsx)."))]
            too_large_parts = _too_large_parts(members)
            if too_large_parts:
                return too_large_parts
            if b"macroEnabled" in archive.read("[Content_Types].xml") or "xl/vbaProject.bin" in names:
                return [UploadError(_("The workbook contains macros (.xlsm); save it as a plain .xlsx workbook."))]
            for member in members:
                if member.filename.endswith((".xml", ".rels")) and _declares_doctype(archive, member):
                    return [
                        UploadError(
                            _("The workbook part %(part)s declares a DOCTYPE; it is refused.")
                            % {"part": member.filename}
                        )
                    ]
    except DAMAGED as exc:
        return [unreadable(exc)]
    return []


# what reading a damaged zip archive or XML part raises (a part whose compressed bytes are wrong only
# fails when it is read: zlib.error; a part cut short: EOFError; broken XML: SyntaxError, lxml's too)
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, SyntaxError)


def unreadable(exc: BaseException) -> UploadError:
    return UploadError(_("The file is not a readable Excel workbook (.xlsx): %(error)s.") % {"error": exc})


def _wrong_workbook(meta: dict[str, str], q: Questionnaire) -> UploadError | None:
    """Why the workbook (by its metadata) is not the questionnaire of this report; None if it is."""
    fresh = _("Download the questionnaire again from the report's page and copy your answers into it.")
    if meta.get("format") != FORMAT:
        return UploadError(
            _("The workbook is not a viennaplan questionnaire: its cover sheet has no metadata. %(fresh)s")
            % {"fresh": fresh}
        )
    if meta.get("state") != q.state:
        return UploadError(
            _(
                "This workbook is the questionnaire of another State (%(other)s), not of "
                "%(state_name)s (%(state)s); upload it to that State's report."
            )
            % {"other": meta.get("state"), "state_name": q.state_name, "state": q.state}
        )
    if meta.get("cycle_id") != str(q.cycle_id):
        return UploadError(
            _("This workbook belongs to another reporting cycle (cycle %(other)s), not to %(cycle)s. %(fresh)s")
            % {"other": meta.get("cycle_id"), "cycle": q.cycle_name, "fresh": fresh}
        )
    if meta.get("report_id") != str(q.report_id):
        return UploadError(
            _("This workbook was made for another report of %(state_name)s. %(fresh)s")
            % {"state_name": q.state_name, "fresh": fresh}
        )
    return None


def _checksum_error(meta: dict[str, str], q: Questionnaire) -> list[UploadError]:
    if meta.get("questions_checksum") == q.checksum:
        return []
    message = _(
        "The checksum of the questions in this workbook does not match the questionnaire of %(cycle)s: "
        "the questions changed since it was made, or the workbook was altered. Download the questionnaire again "
        "from the report's page and copy your answers into it."
    ) % {"cycle": q.cycle_name}
    return [UploadError(message)]


def _status(raw: str, words: Words) -> str | None:
    wanted = word_key(raw)
    if not wanted:
        return ""
    return words.statuses.get(wanted)


def _yes_no(raw: str, words: Words) -> bool | None:
    wanted = word_key(raw)
    if wanted in words.no:
        return False
    if wanted in words.yes:
        return True
    return None


def _measure(line: str, words: Words) -> tuple[dict[str, str] | None, str]:
    """One measure line as {kind, title, url, date}, or None and what is wrong with it."""
    if "|" not in line:
        return None, _("%(line)s is not a measure; write kind | title | web address | YYYY-MM-DD") % {
            "line": repr(line.strip())
        }
    kind_text, rest = (part.strip() for part in line.split("|", 1))
    kind = words.kinds.get(word_key(kind_text))
    if kind is None:
        return None, _("%(kind)s is not a kind of measure; use one of: %(kinds)s") % {
            "kind": repr(kind_text),
            "kinds": words.shown["kinds"],
        }
    pieces = [piece.strip() for piece in rest.rsplit("|", 2)]
    title, url, day = pieces[0], "", ""
    if len(pieces) == 3:
        url, day = pieces[1], pieces[2]
    elif len(pieces) == 2:
        day, url = (pieces[1], "") if DATE_LIKE.match(pieces[1]) else ("", pieces[1])
    if day:
        try:
            valid = bool(ISO_DATE.match(day)) and bool(date.fromisoformat(day))
        except ValueError:
            valid = False
        if not valid:
            return None, _("%(day)s is not a date; write it as YYYY-MM-DD (for example 2001-05-31)") % {
                "day": repr(day)
            }
    return {"kind": kind, "title": title, "url": url, "date": day}, ""


def _parse_answer(
    sheet: str, row: int, texts: list[str], errors: list[UploadError], words: Words | None = None
) -> AnswerData | None:
    """The answer in the cells C to H of one row (texts), or None with the errors added; the fixed
    words read as `words` says (default: the active language and English)."""
    words = words or Words.of()
    status_text, narrative, measures_text, institution, needed_text, description = texts
    found: list[UploadError] = []
    status = _status(status_text, words)
    if status is None:
        message = _("%(text)s is not one of: %(labels)s (or leave it empty)") % {
            "text": repr(status_text),
            "labels": words.shown["statuses"],
        }
        found.append(UploadError(message, sheet, row, "status"))
    needed = _yes_no(needed_text, words)
    if needed is None:
        message = _("%(text)s is neither %(yes)s nor %(no)s") % {
            "text": repr(needed_text),
            "yes": words.shown["yes"],
            "no": words.shown["no"],
        }
        found.append(UploadError(message, sheet, row, "assistance needed"))
    measures, lines = [], []
    for number, line in enumerate(measures_text.splitlines(), start=1):
        if not line.strip():
            continue
        measure, problem = _measure(line, words)
        if measure is None:
            message = _("line %(number)s: %(problem)s") % {"number": number, "problem": problem}
            found.append(UploadError(message, sheet, row, "measures"))
        else:
            measures.append(measure)
            lines.append(number)
    data = {
        "status": status or "",
        "narrative": narrative,
        "measures": measures,
        "responsible_institution": institution,
        "assistance_needed": bool(needed),
        "assistance_description": description,
    }
    try:
        answer = clean_answer(data)
    except AnswerDataError as exc:
        answer = None
        for problem in exc.errors:
            match = FIELD_ERROR.match(problem)
            if not match or match["field"] not in FIELD_COLUMN:
                found.append(UploadError(problem, sheet, row))
                continue
            message = match["message"]
            if match["line"]:
                message = _("line %(number)s: %(problem)s") % {
                    "number": lines[int(match["line"]) - 1],
                    "problem": message,
                }
            found.append(UploadError(message, sheet, row, FIELD_COLUMN[match["field"]].name))
    errors.extend(found)
    return None if found else answer


@dataclass(frozen=True)
class _Row:
    number: int
    cells: tuple[Any, ...]

    @property
    def citation(self) -> str:
        return cell_text(self.cells[0].value).strip()

    @property
    def key(self) -> str:
        return cell_text(self.cells[8].value).strip()


def _layout_errors(sheet: str, expected: Sequence[Question], found: list[_Row]) -> tuple[int, list[UploadError]]:
    """How many leading rows are where they belong, and what is wrong with the layout after them."""
    good = 0
    while good < min(len(expected), len(found)):
        question, row = expected[good], found[good]
        if (row.citation, row.key, row.number) != (question.citation, question.key, FIRST_ROW + good):
            break
        good += 1
    if good == len(expected) == len(found):
        return good, []
    errors: list[UploadError] = []
    keys, citations = {q.key for q in expected}, {q.citation for q in expected}
    if good < min(len(expected), len(found)):
        question, row = expected[good], found[good]
        if (row.citation, row.key) == (question.citation, question.key):
            message = _("the question %(citation)s belongs in row %(row)s: empty rows were inserted") % {
                "citation": question.citation,
                "row": FIRST_ROW + good,
            }
            errors.append(UploadError(message, sheet, row.number, "provision"))
        elif row.citation == question.citation and row.number == FIRST_ROW + good:
            message = _("the hidden key of %(citation)s was changed (expected %(expected)s, found %(found)s)") % {
                "citation": question.citation,
                "expected": repr(question.key),
                "found": repr(row.key),
            }
            errors.append(UploadError(message, sheet, row.number, "key"))
        else:
            errors.append(
                UploadError(
                    _(
                        "expected the question %(citation)s here (row %(row)s), found "
                        "%(found)s: questions were added, removed, reordered or their citations "
                        "changed; the rows below were not checked"
                    )
                    % {
                        "citation": question.citation,
                        "row": FIRST_ROW + good,
                        "found": repr(row.citation) if row.citation else repr(_("nothing")),
                    },
                    sheet,
                    row.number,
                    "provision",
                )
            )
    present = {row.key for row in found} | {row.citation for row in found}
    for question in expected:
        if question.key not in present and question.citation not in present:
            message = _("the question %(citation)s is missing: a row was removed") % {"citation": question.citation}
            errors.append(UploadError(message, sheet))
    for row in found:
        if row.key not in keys and row.citation not in citations:
            message = _("%(row)s is not a question of chapter %(chapter)s: a row was added") % {
                "row": repr(row.citation) if row.citation else repr(_("an unlabelled row")),
                "chapter": sheet,
            }
            errors.append(UploadError(message, sheet, row.number, "provision"))
    return good, errors


def _read_row(sheet: str, row: _Row, result: ReadResult, words: Words) -> None:
    cells = row.cells
    texts = [cell_text(cell.value) for cell in cells[2:8]]
    formulas = [column for column, cell in zip(ANSWER_COLUMNS, cells[2:8], strict=True) if cell.data_type == "f"]
    for column in formulas:
        result.errors.append(
            UploadError(_("contains a formula; type the answer as plain text"), sheet, row.number, column.name)
        )
    answer = _parse_answer(sheet, row.number, texts, result.errors, words)
    if answer is None or formulas:
        return
    version = cells[9].value
    result.answers.append(
        RowAnswer(
            sheet=sheet,
            row=row.number,
            key=row.key,
            citation=row.citation,
            version=int(version) if isinstance(version, int | float) else None,
            touched=fingerprint(texts) != cell_text(cells[10].value),
            answer=answer,
        )
    )


def _read_sheet(ws: Any, chapter: Chapter, result: ReadResult, words: Words) -> None:
    sheet, expected = chapter.number, chapter.questions
    rows = ws.iter_rows(min_row=HEADER_ROW, max_row=FIRST_ROW + len(expected) + 1000, max_col=len(COLUMNS))
    header = next(rows, ())
    for column, cell in zip(COLUMNS, header, strict=False):
        if cell_text(cell.value) not in words.headers[column.name]:
            message = _("expected the header %(header)s: columns were added, removed or moved") % {
                "header": repr(words.shown[column.name])
            }
            result.errors.append(UploadError(message, sheet, HEADER_ROW, column.name))
            return
    found = [
        _Row(number, tuple(cells))
        for number, cells in enumerate(rows, start=FIRST_ROW)
        if any(cell.value not in (None, "") for cell in cells)
    ]
    good, errors = _layout_errors(sheet, expected, found)
    for row in found[:good]:
        _read_row(sheet, row, result, words)
    result.errors.extend(errors)


def _read_sheets(workbook: Any, questionnaire: Questionnaire, result: ReadResult, words: Words) -> None:
    expected = [chapter.number for chapter in questionnaire.chapters]
    for name in workbook.sheetnames:
        if name != COVER and name not in expected:
            message = _("the sheet %(sheet)s is not part of the questionnaire") % {"sheet": repr(name)}
            result.errors.append(UploadError(message, name))
    for chapter in questionnaire.chapters:
        if chapter.number not in workbook.sheetnames:
            message = _("the sheet of chapter %(chapter)s is missing: sheets were removed or renamed") % {
                "chapter": chapter.number
            }
            result.errors.append(UploadError(message))
            continue
        _read_sheet(workbook[chapter.number], chapter, result, words)


def read_workbook(content: bytes, questionnaire: Questionnaire, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """The answers of an uploaded workbook, checked cell by cell against `questionnaire`, its fixed
    words read in the language it records (`Words`).

    Nothing is written anywhere; `result.errors` lists every problem, and the answers are
    meant to be applied only when there is none."""
    result = ReadResult(errors=sniff_file(content, max_bytes))
    if result.errors:
        return result
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        message = _("The file could not be opened as an Excel workbook (%(error)s).") % {"error": exc}
        result.errors.append(UploadError(message))
        return result
    try:
        if COVER not in workbook.sheetnames:
            message = _("The sheet %(sheet)s is missing: this is not a viennaplan questionnaire.") % {
                "sheet": repr(COVER)
            }
            result.errors.append(UploadError(message))
            return result
        cover = workbook[COVER].iter_rows(min_row=META_FIRST_ROW, max_row=META_FIRST_ROW + 20, max_col=2)
        meta = {cell_text(a.value): cell_text(b.value) for a, b in cover if a.value}
        wrong = _wrong_workbook(meta, questionnaire)
        if wrong is not None:
            result.errors.append(wrong)
            return result
        result.errors.extend(_checksum_error(meta, questionnaire))
        _read_sheets(workbook, questionnaire, result, Words.of(workbook_language(meta)))
    except DAMAGED as exc:  # read only: a damaged sheet shows when its rows are read
        result.answers = []
        result.errors.append(unreadable(exc))
    finally:
        workbook.close()
    return result
