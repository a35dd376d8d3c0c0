"""Bad uploads and who may download or upload: every refusal says what and where, and changes nothing."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import test_excel_upload as shared
from openpyxl import Workbook, load_workbook

from viennaplan.reporting import excel
from viennaplan.reporting.answers import answer_fields
from viennaplan.reporting.cycles import open_cycle, report_for
from viennaplan.reporting.models import Answer
from viennaplan.reporting.transitions import apply_transition

download, errors_of, fill, upload, url = shared.download, shared.errors_of, shared.fill, shared.upload, shared.url
LABELS = "Implemented, Partially implemented, In progress, Not started, Not applicable, No information"


def every_answer() -> dict[tuple[int, str], dict[str, Any]]:
    """All answers in the database, every field, with version and history length."""
    return {
        (answer.report_id, answer.question.path): {
            **answer_fields(answer),
            "version": answer.version,
            "history": answer.history.count(),
        }
        for answer in Answer.objects.select_related("question")
    }


def edited(edit: Callable[[Any], None]) -> Callable[[bytes], bytes]:
    """A change made to the downloaded workbook with openpyxl."""

    def change(content: bytes) -> bytes:
        workbook = load_workbook(io.BytesIO(content))
        edit(workbook)
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()

    return change


def cells(**values: Any) -> Callable[[bytes], bytes]:
    """Cells set on sheet VI: cells(C5="done")."""
    return lambda content: fill(content, {("VI", cell): value for cell, value in values.items()})


def swap_rows(workbook: Any) -> None:
    sheet = workbook["VI"]
    for column in "ABCDEFGHIJK":
        sheet[f"{column}3"].value, sheet[f"{column}4"].value = sheet[f"{column}4"].value, sheet[f"{column}3"].value


def set_checksum(workbook: Any) -> None:
    cover = workbook["Cover"]
    row = next(
        r for r in range(excel.META_FIRST_ROW, excel.META_FIRST_ROW + 6) if cover[f"A{r}"].value == "questions_checksum"
    )
    cover[f"B{row}"] = "0" * 64


def add_row(workbook: Any) -> None:
    sheet = workbook["VI"]
    sheet.append(["99(z)", "An extra question", "Implemented"])


def with_part(name: str, data: bytes, replace: bool = False) -> Callable[[bytes], bytes]:
    """The workbook's zip with a part added (or its start replaced)."""

    def change(content: bytes) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                body = source.read(item)
                if replace and item.filename == name:
                    body = data + (body.split(b"?>", 1)[1] if body.startswith(b"<?xml") else body)
                target.writestr(item, body)
            if not replace:
                target.writestr(name, data)
        return out.getvalue()

    return change


def a_zip_without_a_workbook(_content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("answers.txt", "Implemented")
    return out.getvalue()


def another_workbook(_content: bytes) -> bytes:
    workbook, out = Workbook(), io.BytesIO()
    workbook.active["A1"] = "Implemented"
    workbook.save(out)
    return out.getvalue()


DOCTYPE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
BAD_UPLOADS = {
    "a PDF": (lambda _: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "The file is not an Excel workbook (.xlsx)"),
    "a CSV file named .xlsx": (lambda _: b"provision,status\n55,done\n", "The file is not an Excel workbook (.xlsx)"),
    "an Excel 97-2003 file": (lambda _: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Excel 97-2003 (.xls)"),
    "a zip without a workbook": (a_zip_without_a_workbook, "The file is a zip archive, not an Excel workbook"),
    "a damaged workbook": (lambda content: content[: len(content) // 2], "not a readable Excel workbook"),
    "an oversized file": (
        lambda _: b"PK\x03\x04" + bytes(5 * 1024 * 1024),
        "The file is too large: 5,242,884 bytes; at most 5,242,880 bytes (5 MB) are accepted.",
    ),
    "a workbook with macros": (with_part("xl/vbaProject.bin", b"\0" * 100), "contains macros"),
    "an XML entity bomb": (with_part("xl/workbook.xml", DOCTYPE, replace=True), "declares a DOCTYPE"),
    "a workbook that is not a questionnaire": (another_workbook, "The sheet 'Cover' is missing"),
    "an unknown status word": (
        cells(C5="done"),
        f"sheet VI, row 5, column C (status): 'done' is not one of: {LABELS} (or leave it empty)",
    ),
    "a bad date in the measures": (
        cells(E3="Law | Weapons Act | 2001-13-45"),
        "sheet VI, row 3, column E (measures): line 1: '2001-13-45' is not a date; "
        "write it as YYYY-MM-DD (for example 2001-05-31)",
    ),
    "a date written day first": (
        cells(E4="Policy | Marking policy\nLaw | Weapons Act | 31/12/2001"),
        "sheet VI, row 4, column E (measures): line 2: '31/12/2001' is not a date",
    ),
    "an unknown kind of measure": (
        cells(E3="Decree | Weapons Decree"),
        "sheet VI, row 3, column E (measures): line 1: 'Decree' is not a kind of measure; "
        "use one of: Law, Policy, Institution, Other",
    ),
    "a web address without http": (
        cells(E3="Law | Weapons Act | www.example.org | 2001-05-31"),
        "sheet VI, row 3, column E (measures): line 1: 'www.example.org' is not a web address",
    ),
    "a narrative that is too long": (
        cells(D4="x" * 20_001),
        "sheet VI, row 4, column D (narrative): 20001 characters, at most 20000 are allowed",
    ),
    "an institution name that is too long": (
        cells(F3="Ministry " * 40),
        "sheet VI, row 3, column F (responsible institution): 359 characters, at most 300 are allowed",
    ),
    "a word that is neither yes nor no": (
        cells(G3="Perhaps"),
        "sheet VI, row 3, column G (assistance needed): 'Perhaps' is neither Yes nor No",
    ),
    "a formula": (cells(D3="=1+2"), "sheet VI, row 3, column D (narrative): contains a formula"),
    "a removed row": (edited(lambda wb: wb["VI"].delete_rows(5)), "is missing: a row was removed"),
    "reordered rows": (edited(swap_rows), "sheet VI, row 3, column A (provision): expected the question"),
    "a changed citation": (cells(A3="99(z)"), "sheet VI, row 3, column A (provision): expected the question"),
    "a changed question key": (cells(I3="1/a"), "sheet VI, row 3, column I (key): the hidden key of 55 was changed"),
    "an inserted empty row": (
        edited(lambda wb: wb["VI"].insert_rows(4)),
        "sheet VI, row 5, column A (provision): the question 56 belongs in row 4: empty rows were inserted",
    ),
    "an added row": (edited(add_row), "'99(z)' is not a question of chapter VI: a row was added"),
    "an inserted column": (edited(lambda wb: wb["VI"].insert_cols(3)), "sheet VI, row 2, column C (status)"),
    "a removed chapter sheet": (edited(lambda wb: wb.remove(wb["VII"])), "the sheet of chapter VII is missing"),
    "an added sheet": (edited(lambda wb: wb.create_sheet("Notes")), "sheet Notes: the sheet 'Notes' is not part of"),
    "a changed checksum": (edited(set_checksum), "The checksum of the questions in this workbook does not match"),
}


@pytest.mark.parametrize("case", BAD_UPLOADS, ids=list(BAD_UPLOADS))
def test_a_bad_upload_is_refused_with_a_message_saying_where_and_changes_nothing(
    case, client_as, focal_point_a, cycle, report_a
):
    client = client_as(focal_point_a)
    spoil, expected = BAD_UPLOADS[case]
    content = spoil(fill(download(client, cycle), {("VI", "C3"): "Implemented", ("VII", "C3"): "In progress"}))
    before = every_answer()
    response = upload(client, cycle, content)
    assert response.status_code == 400
    assert any(error.startswith(expected) or expected in error for error in errors_of(response)), errors_of(response)
    assert every_answer() == before


def test_an_upload_without_a_file_asks_for_one(client_as, focal_point_a, cycle, report_a):
    response = client_as(focal_point_a).post(url(cycle, "CHE", "upload"), {})
    assert response.status_code == 400
    assert response.context["form"].errors == {"workbook": ["This field is required."]}


def test_every_wrong_cell_is_reported_not_only_the_first(client_as, focal_point_a, cycle, report_a):
    client = client_as(focal_point_a)
    content = fill(
        download(client, cycle), {("VI", "C3"): "done", ("VI", "G4"): "si", ("VII", "E5"): "Law | Act | 2001"}
    )
    response = upload(client, cycle, content)
    assert [error.split(":")[0] for error in errors_of(response)] == [
        "sheet VI, row 3, column C (status)",
        "sheet VI, row 4, column G (assistance needed)",
        "sheet VII, row 5, column E (measures)",
    ]


def test_a_larger_limit_can_be_set(client_as, focal_point_a, cycle, report_a, settings):
    settings.REPORTING_UPLOAD_MAX_BYTES = 1000
    client = client_as(focal_point_a)
    response = upload(client, cycle, download(client, cycle))
    assert errors_of(response)[0].startswith("The file is too large")
    assert "at most 1,000 bytes" in errors_of(response)[0]


def test_a_workbook_of_another_state_is_refused(client_as, secretariat, focal_point_a, cycle, report_a):
    report_for(cycle, "FRA")
    french = fill(download(client_as(secretariat), cycle, "FRA"), {("VI", "C3"): "Implemented"})
    before = every_answer()
    response = upload(client_as(focal_point_a), cycle, french)
    assert errors_of(response) == [
        "This workbook is the questionnaire of another State (FRA), not of Switzerland (CHE); "
        "upload it to that State's report."
    ]
    assert every_answer() == before


def test_a_workbook_of_another_cycle_is_refused(client_as, secretariat, focal_point_a, cycle, report_a):
    later = open_cycle(secretariat, "2005 review", date(2005, 1, 1), date(2005, 12, 31), ["VI", "VII"])
    report_for(later, "CHE")  # started: a report not started has no workbook
    client = client_as(focal_point_a)
    other = fill(download(client, later), {("VI", "C3"): "Implemented"})
    before = every_answer()
    response = upload(client, cycle, other)
    assert response.status_code == 400
    assert errors_of(response)[0].startswith(
        f"This workbook belongs to another reporting cycle (cycle {later.pk}), not to 2002 review."
    )
    assert every_answer() == before


# -- who may -----------------------------------------------------------------------------------


def test_focal_point_b_can_neither_download_nor_upload_the_questionnaire_of_state_a(
    client_as, focal_point_a, focal_point_b, cycle, report_a
):
    content = fill(download(client_as(focal_point_a), cycle), {("VI", "C3"): "Implemented"})
    before = every_answer()
    other = client_as(focal_point_b)
    assert other.get(url(cycle, "CHE", "questionnaire.xlsx")).status_code == 404
    assert other.get(url(cycle, "CHE", "upload")).status_code == 404
    assert upload(other, cycle, content).status_code == 404
    assert every_answer() == before


def test_the_public_can_neither_download_nor_upload(client_as, anonymous, focal_point_a, cycle, report_a):
    content = download(client_as(focal_point_a), cycle)
    client = client_as(anonymous)
    assert client.get(url(cycle, "CHE", "questionnaire.xlsx")).status_code == 404
    assert upload(client, cycle, content).status_code == 404


def test_a_reviewer_cannot_upload(client_as, focal_point_a, reviewer, cycle, report_a):
    client = client_as(focal_point_a)
    content = fill(download(client, cycle), {("VI", "C3"): "Implemented"})
    assert upload(client_as(reviewer), cycle, content).status_code == 404  # a draft is not theirs to see
    apply_transition(focal_point_a, report_a, "submit")
    before = every_answer()
    response = upload(client_as(reviewer), cycle, content)
    assert response.status_code == 403
    assert "may not upload a filled questionnaire" in response.context["message"]
    assert client_as(reviewer).get(url(cycle, "CHE", "questionnaire.xlsx")).status_code == 403
    assert every_answer() == before


def test_a_submitted_report_cannot_be_uploaded_to(client_as, focal_point_a, cycle, report_a):
    client = client_as(focal_point_a)
    content = fill(download(client, cycle), {("VI", "C3"): "Implemented"})
    apply_transition(focal_point_a, report_a, "submit")
    before = every_answer()
    response = upload(client, cycle, content)
    assert response.status_code == 409
    assert response.context["message"].startswith("The report is submitted: answers can be changed only while")
    assert every_answer() == before
    assert client.get(url(cycle, "CHE", "questionnaire.xlsx")).status_code == 200  # still readable offline


def test_a_returned_report_can_be_uploaded_to_again(client_as, focal_point_a, reviewer, cycle, report_a):
    client = client_as(focal_point_a)
    apply_transition(focal_point_a, report_a, "submit")
    apply_transition(reviewer, report_a, "return", comment="Please describe the firearms act.")
    response = upload(client, cycle, fill(download(client, cycle), {("VI", "D3"): "The act of 2001 ..."}))
    assert response.status_code == 200
    assert shared.rows_of(report_a, "VI")[0].narrative == "The act of 2001 ..."
