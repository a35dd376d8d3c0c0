"""No text from data becomes a formula in the questionnaire workbook (issue 7, defects 6 and 7), and
answers that look like formulas come back from an upload exactly as they were typed.
"""

from __future__ import annotations

import io
from datetime import date

import test_excel_upload as shared
from openpyxl import load_workbook

from viennaplan.countries.models import Country
from viennaplan.reporting.answers import answer_fields, save_answer
from viennaplan.reporting.cycles import open_cycle, report_for

download, errors_of, fill, rows_of, upload = (
    shared.download,
    shared.errors_of,
    shared.fill,
    shared.rows_of,
    shared.upload,
)
HYPERLINK = '=HYPERLINK("http://evil.example","click")'
LOOK_LIKE_FORMULAS = [HYPERLINK, "-1+1 is how the law reads", "+41 58 000 00 00", "@SUM(1)"]


def formula_cells(content: bytes) -> list[str]:
    workbook = load_workbook(io.BytesIO(content))
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def test_a_cycle_and_a_state_named_like_formulas_stay_text_on_the_cover(client_as, secretariat, imported_plan):
    Country.objects.filter(alpha3="CHE").update(name_en="@SUM(1)")
    hostile = open_cycle(secretariat, HYPERLINK, date(2002, 1, 1), date(2002, 12, 31), ["VI"])
    report_for(hostile, "CHE")
    content = download(client_as(secretariat), hostile)
    assert formula_cells(content) == []
    cover = load_workbook(io.BytesIO(content))["Cover"]
    assert (cover["B3"].value, cover["B4"].value) == (HYPERLINK, "@SUM(1) (CHE)")
    assert cover["B3"].data_type == "s" and cover["B3"].quotePrefix  # Excel keeps it text even when edited


def test_the_workbook_has_no_formula_at_all_whatever_the_answers(client_as, focal_point_a, cycle, report_a):
    for answer, text in zip(rows_of(report_a, "VI"), LOOK_LIKE_FORMULAS, strict=False):
        save_answer(focal_point_a, answer, {"narrative": text, "assistance_description": text}, answer.version)
    assert formula_cells(download(client_as(focal_point_a), cycle)) == []


def test_narratives_that_look_like_formulas_come_back_unchanged_from_download_and_upload(
    client_as, focal_point_a, cycle, report_a
):
    client = client_as(focal_point_a)
    answers = rows_of(report_a, "VI")[: len(LOOK_LIKE_FORMULAS)]
    for answer, text in zip(answers, LOOK_LIKE_FORMULAS, strict=True):
        save_answer(focal_point_a, answer, {"narrative": text, "responsible_institution": text}, answer.version)
    before = {answer.pk: answer_fields(answer) for answer in rows_of(report_a, "VI")}
    # every row touched offline (its status changed), so every field of it is read from the workbook and saved
    edits = {("VI", f"C{row}"): "In progress" for row in range(3, 3 + len(answers))}
    response = upload(client, cycle, fill(download(client, cycle), edits))
    assert response.status_code == 200, errors_of(response)
    for answer in rows_of(report_a, "VI")[: len(answers)]:
        assert answer_fields(answer) == {**before[answer.pk], "status": "in_progress"}
        assert answer.version == 3
