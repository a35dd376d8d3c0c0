"""Offline questionnaires as Excel workbooks: build one from plain data, read one back.

No Django (but `django.utils.translation`: the workbook's fixed words are in the language active
when it is built) and no database here: `build_workbook(questionnaire)` takes a `Questionnaire` (the
cycle, the State, one `Chapter` per sheet with its questions and current answers) and returns
the .xlsx bytes; `excel_reading.read_workbook(content, questionnaire)` checks an uploaded file against the
questionnaire it must answer and returns the answers it holds (`RowAnswer`) and every problem
found (`UploadError`, each with sheet, row and column). `offline` applies the result.

The workbook: a cover sheet (cycle, State, deadline, instructions, and a hidden metadata block
naming the cycle, the State, the report, the language it was built in and a checksum of the
question keys), then one sheet
per chapter ("III", "IV", ...): a title row, a header row, one row per question. The provision
and question cells are locked; the answer cells are unlocked, with drop-down lists for the
status and for "assistance needed". Sheets and the workbook structure are protected, without
a password: protection prevents slips, and the upload checks everything anyway. Hidden columns
carry each question's key, the answer's version and a fingerprint of the answer cells as
written, so the upload knows which rows were touched offline.

Every text from data (answers, questions, the cycle's and the State's names) is written with
`cells.excel_text_cell`: a text cell, never a formula, exactly as typed, so that the upload
reads back what was written; the workbook has no formula at all.

The workbook's language (issue 11) is the one active when it is built (`?lang=` on the download):
headers, statuses, kinds of measure, Yes/No and the cover are in it, its code is in the metadata
(`language`), and in Arabic every sheet reads right to left. The upload reads the fixed words in
that recorded language (and English), whatever the uploader's page is in.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils.translation import get_language, get_language_bidi, gettext_lazy
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from viennaplan.cells import excel_text_cell

from .answer_data import ANSWER_FIELDS, AnswerData
from .scale import MEASURE_KINDS, STATUS_SCALE

FORMAT = "viennaplan-questionnaire/1"
COVER = "Cover"
TITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3
META_FIRST_ROW = 40
YES, NO = gettext_lazy("Yes"), gettext_lazy("No")  # str() them where a str is needed


@dataclass(frozen=True)
class Column:
    letter: str
    name: str  # the field, as error messages name it
    header: str  # a lazy translation for the visible columns: str() it where a str is needed
    width: int
    editable: bool = False
    hidden: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("A", "provision", gettext_lazy("Provision"), 11),
    Column("B", "question", gettext_lazy("Question"), 60),
    Column("C", "status", gettext_lazy("Implementation status"), 22, editable=True),
    Column("D", "narrative", gettext_lazy("Narrative"), 50, editable=True),
    Column(
        "E",
        "measures",
        gettext_lazy("Measures taken, one a line: kind | title | url | YYYY-MM-DD"),
        50,
        editable=True,
    ),
    Column("F", "responsible institution", gettext_lazy("Responsible national institution"), 30, editable=True),
    Column("G", "assistance needed", gettext_lazy("Technical assistance needed"), 14, editable=True),
    Column("H", "assistance description", gettext_lazy("Assistance needed: what"), 40, editable=True),
    Column("I", "key", "key", 10, hidden=True),
    Column("J", "version", "version", 8, hidden=True),
    Column("K", "fingerprint", "fingerprint", 10, hidden=True),
)
COLUMN = {column.name: column for column in COLUMNS}
ANSWER_COLUMNS = [column for column in COLUMNS if column.editable]
# answer field -> its column, named like the field ("responsible_institution": "responsible institution")
FIELD_COLUMN = {name: COLUMN[name.replace("_", " ")] for name in ANSWER_FIELDS}


def instructions() -> tuple[str, ...]:
    """The cover sheet's instructions, in the active language."""
    return (
        _("Fill in the yellow cells of each chapter sheet; the other cells are locked."),
        _("Status: choose from the drop-down list (%(statuses)s), or leave it empty.")
        % {"statuses": ", ".join(str(label) for label in STATUS_SCALE.values())},
        _(
            "Measures: one a line, as kind | title | web address | date (YYYY-MM-DD); the kind is one of "
            "%(kinds)s; the address and the date may be left out."
        )
        % {"kinds": ", ".join(str(label) for label in MEASURE_KINDS.values())},
        _("Technical assistance needed: %(yes)s or %(no)s; if %(yes)s, say what in the next column.")
        % {"yes": YES, "no": NO},
        _("Do not add, remove, move or rename sheets, rows or columns: the upload checks the layout."),
        _(
            "Upload the filled workbook on the report's page. Either every answer is saved, or none is:"
            " the upload lists every cell to correct by sheet, row and column."
        ),
    )


LOCKED = Protection(locked=True)
UNLOCKED = Protection(locked=False)
EDITABLE_FILL = PatternFill("solid", fgColor="FFF8DC")
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Question:
    key: str  # the question's path, "57/k"
    citation: str  # "57(k)"
    text: str
    version: int  # the answer's version when the workbook was made
    answer: AnswerData


@dataclass(frozen=True)
class Chapter:
    number: str  # Roman numeral: the sheet's name
    title: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Questionnaire:
    cycle_id: int
    cycle_name: str
    state: str  # alpha-3
    state_name: str
    report_id: int
    deadline: date
    chapters: tuple[Chapter, ...]
    generated_at: datetime = field(default_factory=datetime.now)

    @property
    def checksum(self) -> str:
        """SHA-256 of the question keys and citations, chapter by chapter, in order."""
        keys = "\n".join(f"{c.number}\t{q.key}\t{q.citation}" for c in self.chapters for q in c.questions)
        return hashlib.sha256(keys.encode("utf-8")).hexdigest()

    def metadata(self) -> dict[str, str]:
        """The hidden block of the cover; `language` is the language active now, the workbook's."""
        return {
            "format": FORMAT,
            "cycle_id": str(self.cycle_id),
            "state": self.state,
            "report_id": str(self.report_id),
            "questions_checksum": self.checksum,
            "generated_at": self.generated_at.isoformat(timespec="seconds"),
            "language": get_language() or "en",
        }


@dataclass(frozen=True)
class UploadError:
    """One problem of an upload; sheet, row and column when it is in a cell."""

    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""  # the column's name ("status"); its letter comes from COLUMN

    def __str__(self) -> str:
        where = []
        if self.sheet:
            where.append(_("sheet %(sheet)s") % {"sheet": self.sheet})
        if self.row is not None:
            where.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            where.append(
                _("column %(letter)s (%(name)s)") % {"letter": COLUMN[self.column].letter, "name": self.column}
            )
        if not where:
            return str(self.message)
        return _("%(where)s: %(message)s") % {"where": ", ".join(where), "message": self.message}


@dataclass(frozen=True)
class RowAnswer:
    sheet: str
    row: int
    key: str
    citation: str
    version: int | None  # the version the workbook was made from (None: the hidden cell was lost)
    touched: bool  # the answer cells differ from what the workbook was made with
    answer: AnswerData


@dataclass
class ReadResult:
    answers: list[RowAnswer] = field(default_factory=list)
    errors: list[UploadError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# ---------------------------------------------------------------- answers as cell texts


def measure_line(measure: dict[str, str]) -> str:
    kind = str(MEASURE_KINDS.get(measure.get("kind", ""), measure.get("kind", "")))
    title = " ".join(measure.get("title", "").splitlines())  # one measure, one line
    url, day = measure.get("url", "").replace("|", "%7C"), measure.get("date", "")
    if "|" in title or (url and day):
        return f"{kind} | {title} | {url} | {day}"
    return " | ".join(part for part in (kind, title, url or day) if part)


def answer_cells(answer: AnswerData) -> list[str]:
    """The texts of the answer columns (C to H) for `answer`; "" for an empty cell."""
    return [
        str(STATUS_SCALE.get(answer.status, "")),
        answer.narrative,
        "\n".join(measure_line(m) for m in answer.measures),
        answer.responsible_institution,
        str(YES if answer.assistance_needed else NO),
        answer.assistance_description,
    ]


def fingerprint(texts: Sequence[str]) -> str:
    return hashlib.sha256("\x1f".join(texts).encode("utf-8")).hexdigest()[:16]


def cell_text(value: Any) -> str:
    """A cell's value as the text a person typed: numbers without ".0", dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(YES if value else NO)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# ---------------------------------------------------------------- building


def _put(ws: Worksheet, row: int, column: Column, value: str | int | None, *, bold: bool = False) -> None:
    cell = ws[f"{column.letter}{row}"]
    excel_text_cell(cell, value if value != "" else None)
    cell.alignment = WRAP
    cell.protection = UNLOCKED if column.editable and row >= FIRST_ROW else LOCKED
    if column.editable and row >= FIRST_ROW:
        cell.fill = EDITABLE_FILL
    if bold:
        cell.font = Font(bold=True)


def _protect(ws: Worksheet) -> None:
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widths and heights may change, nothing else
    ws.protection.formatRows = False


def _text(ws: Worksheet, ref: str, value: str) -> None:
    excel_text_cell(ws[ref], value)


def _cover(ws: Worksheet, questionnaire: Questionnaire) -> None:
    q = questionnaire
    ws.title = COVER
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 90
    _text(ws, "A1", _("National report questionnaire: %(cycle)s") % {"cycle": q.cycle_name})
    ws["A1"].font = Font(bold=True, size=14)
    facts = [
        (_("Reporting cycle"), q.cycle_name),
        (_("State"), f"{q.state_name} ({q.state})"),
        (_("Deadline (the cycle closes)"), q.deadline.isoformat()),
        (_("Chapters"), ", ".join(c.number for c in q.chapters)),
        (_("Questions"), str(sum(len(c.questions) for c in q.chapters))),
        (_("Generated"), q.generated_at.isoformat(sep=" ", timespec="minutes")),
    ]
    for offset, (label, value) in enumerate(facts, start=3):
        _text(ws, f"A{offset}", label)
        _text(ws, f"B{offset}", value)
        ws[f"A{offset}"].font = Font(bold=True)
    _text(ws, "A11", _("Instructions"))
    ws["A11"].font = Font(bold=True)
    for offset, line in enumerate(instructions(), start=12):
        _text(ws, f"B{offset}", line)
        ws[f"B{offset}"].alignment = WRAP
    _text(ws, f"A{META_FIRST_ROW - 1}", "viennaplan metadata (do not change)")
    ws.row_dimensions[META_FIRST_ROW - 1].hidden = True
    for offset, (key, value) in enumerate(q.metadata().items(), start=META_FIRST_ROW):
        _text(ws, f"A{offset}", key)
        _text(ws, f"B{offset}", value)
        ws.row_dimensions[offset].hidden = True
    _protect(ws)


def _list_validation(values: Sequence[str], prompt: str) -> DataValidation:
    return DataValidation(
        type="list",
        formula1='"' + ",".join(str(value) for value in values) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_("Not in the list"),
        error=prompt,
    )


def _chapter_sheet(ws: Worksheet, chapter: Chapter) -> None:
    ws.title = chapter.number
    _text(ws, "A1", f"{chapter.number}. {chapter.title}")
    ws["A1"].font = Font(bold=True, size=12)
    ws.merge_cells(f"A{TITLE_ROW}:H{TITLE_ROW}")
    for column in COLUMNS:
        ws.column_dimensions[column.letter].width = column.width
        ws.column_dimensions[column.letter].hidden = column.hidden
        _put(ws, HEADER_ROW, column, str(column.header), bold=True)
        ws[f"{column.letter}{HEADER_ROW}"].fill = HEADER_FILL
    for row, question in enumerate(chapter.questions, start=FIRST_ROW):
        texts = answer_cells(question.answer)
        values: list[str | int] = [question.citation, question.text, *texts, question.key, question.version]
        values.append(fingerprint(texts))
        for column, value in zip(COLUMNS, values, strict=True):
            _put(ws, row, column, value)
    last = FIRST_ROW + max(len(chapter.questions), 1) - 1
    status = _list_validation(list(STATUS_SCALE.values()), _("Choose a status from the list, or leave it empty."))
    status.add(f"C{FIRST_ROW}:C{last}")
    yes_no = _list_validation([YES, NO], _("Choose %(yes)s or %(no)s.") % {"yes": YES, "no": NO})
    yes_no.add(f"G{FIRST_ROW}:G{last}")
    ws.add_data_validation(status)
    ws.add_data_validation(yes_no)
    ws.freeze_panes = f"C{FIRST_ROW}"
    _protect(ws)


def build_workbook(questionnaire: Questionnaire) -> bytes:
    """The questionnaire as .xlsx bytes, current answers filled in, in the active language."""
    workbook = Workbook()
    _cover(workbook.active, questionnaire)
    for chapter in questionnaire.chapters:
        _chapter_sheet(workbook.create_sheet(), chapter)
    if get_language_bidi():  # Arabic: the sheets read right to left, column A on the right
        for sheet in workbook.worksheets:
            sheet.sheet_view.rightToLeft = True
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.properties.creator = "viennaplan"
    workbook.properties.title = f"{questionnaire.cycle_name}: {questionnaire.state_name}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def workbook_name(questionnaire: Questionnaire) -> str:
    cycle = re.sub(r"[^A-Za-z0-9]+", "-", questionnaire.cycle_name).strip("-").lower() or str(questionnaire.cycle_id)
    return f"questionnaire-{cycle}-{questionnaire.state}.xlsx"
