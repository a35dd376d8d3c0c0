"""The questionnaire workbook a focal point downloads: sheets, protection, drop-downs, answers."""

from __future__ import annotations

import io
from datetime import date

import test_excel_upload as shared
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from viennaplan.reporting import excel, excel_reading
from viennaplan.reporting.answer_data import AnswerData
from viennaplan.reporting.answers import save_answer
from viennaplan.reporting.cycles import open_cycle, report_for
from viennaplan.reporting.offline import XLSX
from viennaplan.reporting.scale import MEASURE_KINDS, STATUS_SCALE

download, rows_of, url = shared.download, shared.rows_of, shared.url


def workbook_of(client, cycle, state="CHE"):
    return load_workbook(io.BytesIO(download(client, cycle, state)))


def metadata_of(workbook) -> dict[str, str]:
    cover = workbook["Cover"]
    return {
        cover[f"A{row}"].value: cover[f"B{row}"].value
        for row in range(excel.META_FIRST_ROW, excel.META_FIRST_ROW + 6)
        if cover.row_dimensions[row].hidden
    }


def test_the_download_is_an_xlsx_attachment_named_after_the_cycle_and_the_state(
    client_as, focal_point_a, cycle, report_a
):
    response = client_as(focal_point_a).get(url(cycle, "CHE", "questionnaire.xlsx"))
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="questionnaire-2002-review-CHE.xlsx"'
    assert response.content.startswith(b"PK\x03\x04")


def test_the_workbook_has_a_cover_sheet_then_one_sheet_per_chapter(client_as, focal_point_a, cycle, report_a):
    assert workbook_of(client_as(focal_point_a), cycle).sheetnames == ["Cover", "VI", "VII"]


def test_the_cover_names_the_cycle_the_state_by_its_un_name_and_the_deadline(client_as, focal_point_a, cycle, report_a):
    cover = workbook_of(client_as(focal_point_a), cycle)["Cover"]
    facts = {cover[f"A{row}"].value: cover[f"B{row}"].value for row in range(3, 9)}
    assert facts["Reporting cycle"] == "2002 review"
    assert facts["State"] == "Switzerland (CHE)"
    assert facts["Deadline (the cycle closes)"] == "2002-12-31"
    instructions = " ".join(str(cover[f"B{row}"].value) for row in range(12, 18))
    assert "drop-down" in instructions and "kind | title | web address | date" in instructions


def test_the_hidden_metadata_names_the_cycle_the_state_the_report_and_a_checksum(
    client_as,
    focal_point_a,
    cycle,
    report_a,
):
    metadata = metadata_of(workbook_of(client_as(focal_point_a), cycle))
    assert metadata["format"] == excel.FORMAT
    assert metadata["cycle_id"] == str(cycle.pk)
    assert metadata["state"] == "CHE"
    assert metadata["report_id"] == str(report_a.pk)
    assert len(metadata["questions_checksum"]) == 64
    assert metadata["generated_at"][:4].isdigit()


def test_each_chapter_sheet_has_its_title_and_one_locked_row_per_question(client_as, focal_point_a, cycle, report_a):
    sheet = workbook_of(client_as(focal_point_a), cycle)["VI"]
    assert sheet["A1"].value.startswith("VI. Action against the illicit manufacturing of and trafficking in firearms")
    assert [sheet.cell(2, n).value for n in range(1, 4)] == ["Provision", "Question", "Implementation status"]
    answers = rows_of(report_a, "VI")
    assert sheet.max_row == 2 + len(answers)
    for row, answer in enumerate(answers, start=3):
        assert sheet[f"A{row}"].value == answer.question.citation
        assert sheet[f"B{row}"].value == answer.question.text
        assert sheet[f"A{row}"].protection.locked and sheet[f"B{row}"].protection.locked
        assert not any(sheet[f"{column}{row}"].protection.locked for column in "CDEFGH")


def test_sheets_and_the_workbook_structure_are_protected(client_as, focal_point_a, cycle, report_a):
    workbook = workbook_of(client_as(focal_point_a), cycle)
    assert workbook.security.lockStructure
    for sheet in workbook.worksheets:
        assert sheet.protection.sheet
        assert sheet.protection.insertRows and sheet.protection.deleteRows and sheet.protection.insertColumns


def test_status_and_assistance_cells_have_drop_down_lists(client_as, focal_point_a, cycle, report_a):
    sheet = workbook_of(client_as(focal_point_a), cycle)["VI"]
    last = 2 + len(rows_of(report_a, "VI"))
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"}
    assert lists[f"C3:C{last}"] == '"' + ",".join(str(label) for label in STATUS_SCALE.values()) + '"'
    assert lists[f"G3:G{last}"] == '"Yes,No"'


def test_current_answers_are_filled_in(client_as, focal_point_a, cycle, report_a):
    answer = rows_of(report_a, "VII")[1]
    data = {
        "status": "in_progress",
        "narrative": "Bill before Parliament.",
        "measures": [{"kind": "law", "title": "Anti-Money-Laundering Act", "url": "", "date": "2001-03-01"}],
        "responsible_institution": "Money Laundering Reporting Office",
        "assistance_needed": True,
        "assistance_description": "Training of analysts.",
    }
    save_answer(focal_point_a, answer, data, expected_version=answer.version)
    sheet = workbook_of(client_as(focal_point_a), cycle)["VII"]
    assert [sheet.cell(4, n).value for n in range(3, 9)] == [
        "In progress",
        "Bill before Parliament.",
        "Law | Anti-Money-Laundering Act | 2001-03-01",
        "Money Laundering Reporting Office",
        "Yes",
        "Training of analysts.",
    ]
    assert sheet["J4"].value == 2  # the version the workbook was made from


def test_text_that_looks_like_a_formula_is_written_as_text(client_as, focal_point_a, cycle, report_a):
    answer = rows_of(report_a, "VI")[0]
    save_answer(focal_point_a, answer, {"narrative": '=HYPERLINK("http://evil.example","x")'}, answer.version)
    cell = workbook_of(client_as(focal_point_a), cycle)["VI"]["D3"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://evil.example","x")'


def test_a_full_questionnaire_has_one_sheet_per_chapter_and_every_question(client_as, secretariat, imported_plan):
    chapters = ["III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    full = open_cycle(secretariat, "2005 review", date(2005, 1, 1), date(2005, 12, 31), chapters)
    report = report_for(full, "CHE")
    workbook = workbook_of(client_as(secretariat), full)
    assert workbook.sheetnames == ["Cover", *chapters]
    rows = sum(sheet.max_row - 2 for sheet in workbook.worksheets[1:])
    assert rows == report.answers.count() == full.questions.count()


# -- the cell texts, without a database ---------------------------------------------------------

titles = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40).map(str.strip)
measures = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(sorted(MEASURE_KINDS)),
        "title": titles.filter(bool),
        "url": st.sampled_from(["", "https://example.org/a", "http://example.org/b?c=d"]),
        "date": st.sampled_from(["", "2001-05-31", "2005-12-01"]),
    }
)


@given(
    status=st.sampled_from(["", *STATUS_SCALE]),
    narrative=st.text(max_size=80).map(str.strip),
    listed=st.lists(measures, max_size=4),
    needed=st.booleans(),
)
def test_answers_written_to_cells_read_back_the_same(status, narrative, listed, needed):
    answer = AnswerData(status, narrative.replace("\r", ""), listed, "Office", needed, "")
    errors: list[excel.UploadError] = []
    assert excel_reading._parse_answer("VI", 3, excel.answer_cells(answer), errors) == answer, errors


def test_the_report_page_offers_the_workbook_to_its_focal_point_only(client_as, focal_point_a, reviewer, report_a):
    from django.urls import reverse

    download = reverse("reporting:questionnaire_download", args=[report_a.cycle_id, "CHE"])
    upload = reverse("reporting:questionnaire_upload", args=[report_a.cycle_id, "CHE"])
    page = reverse("reporting:report", args=[report_a.cycle_id, "CHE"])
    html = client_as(focal_point_a).get(page).content.decode()
    assert download in html and upload in html
    assert download not in client_as(reviewer).get(page).content.decode()
