"""Uploading a filled questionnaire: the round trip, versions, the summary, conflicts.

The helpers here (`download`, `upload`, `fill`, `snapshot`) are shared with the other
test_excel_*.py files; the fixtures `cycle` and `report_a` come from the reporting conftest.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from viennaplan.accounts.names import display_name
from viennaplan.reporting.answers import answer_fields, save_answer
from viennaplan.reporting.models import Answer, Report, ReportingCycle

STATUS, NARRATIVE, MEASURES, INSTITUTION, NEEDED, DESCRIPTION = "C", "D", "E", "F", "G", "H"


def url(cycle: ReportingCycle, state: str, what: str) -> str:
    return f"/reporting/{cycle.pk}/{state}/{what}"


def download(client: Any, cycle: ReportingCycle, state: str = "CHE") -> bytes:
    response = client.get(url(cycle, state, "questionnaire.xlsx"))
    assert response.status_code == 200, response.content[:500]
    return response.content


def upload(client: Any, cycle: ReportingCycle, content: bytes, state: str = "CHE", name: str = "filled.xlsx") -> Any:
    handle = io.BytesIO(content)
    handle.name = name
    return client.post(url(cycle, state, "upload"), {"workbook": handle})


def fill(content: bytes, edits: dict[tuple[str, str], Any]) -> bytes:
    """The workbook with cells changed: {(sheet, "C12"): value}."""
    workbook = load_workbook(io.BytesIO(content))
    for (sheet, cell), value in edits.items():
        workbook[sheet][cell] = value
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def snapshot(report: Report) -> dict[str, dict[str, Any]]:
    """Every answer of the report, every field, with its version and history length."""
    return {
        answer.question.path: {
            **answer_fields(answer),
            "version": answer.version,
            "updated_by": answer.updated_by_id,
            "history": answer.history.count(),
        }
        for answer in Answer.objects.filter(report=report).select_related("question")
    }


def rows_of(report: Report, chapter: str) -> list[Answer]:
    """The answers of one chapter in sheet order (row 3 is the first)."""
    return list(
        Answer.objects.filter(report=report, question__chapter=chapter)
        .select_related("question")
        .order_by("question__position")
    )


def errors_of(response: Any) -> list[str]:
    return list(response.context["errors"])


FILLED = {
    "status": "partially_implemented",
    "narrative": "A firearms act was adopted in 2001.\nIts ordinance follows in 2002.",
    "measures": [
        {
            "kind": "law",
            "title": "Federal Act on Weapons | revised",
            "url": "https://example.org/act",
            "date": "2001-06-20",
        },
        {"kind": "institution", "title": "Central Firearms Office", "url": "", "date": "2001-09-01"},
        {"kind": "policy", "title": "National marking policy", "url": "https://example.org/policy", "date": ""},
        {"kind": "other", "title": "Training of customs officers", "url": "", "date": ""},
    ],
    "responsible_institution": "Federal Office of Police",
    "assistance_needed": True,
    "assistance_description": "Marking equipment for small arms.",
}
MEASURE_LINES = (
    "Law | Federal Act on Weapons | revised | https://example.org/act | 2001-06-20\n"
    "institution | Central Firearms Office | 2001-09-01\n"
    "Policy | National marking policy | https://example.org/policy\n"
    "Other | Training of customs officers"
)


def test_a_filled_workbook_round_trips_into_identical_answers(client_as, focal_point_a, cycle, report_a):
    client = client_as(focal_point_a)
    first, second = rows_of(report_a, "VI")[:2]
    edits = {
        ("VI", "C3"): "Partially implemented",
        ("VI", "D3"): FILLED["narrative"],
        ("VI", "E3"): MEASURE_LINES,
        ("VI", "F3"): FILLED["responsible_institution"],
        ("VI", "G3"): "Yes",
        ("VI", "H3"): FILLED["assistance_description"],
        ("VI", "C4"): "Not applicable",
        ("VII", "C3"): "no information",
    }
    response = upload(client, cycle, fill(download(client, cycle), edits))
    assert response.status_code == 200, errors_of(response)

    first.refresh_from_db()
    assert answer_fields(first) == FILLED
    second.refresh_from_db()
    assert answer_fields(second) == {**answer_fields(Answer(report=report_a)), "status": "not_applicable"}
    assert rows_of(report_a, "VII")[0].status == "no_information"
    again = load_workbook(io.BytesIO(download(client, cycle)))
    assert (
        again["VI"]["E3"].value.splitlines()[0]
        == "Law | Federal Act on Weapons | revised | https://example.org/act | 2001-06-20"
    )
    assert again["VI"]["G3"].value == "Yes"


def test_an_unchanged_workbook_changes_nothing(client_as, focal_point_a, cycle, report_a):
    client = client_as(focal_point_a)
    before = snapshot(report_a)
    response = upload(client, cycle, fill(download(client, cycle), {}))
    assert response.status_code == 200
    assert response.context["summary"].updated == []
    assert snapshot(report_a) == before


def test_uploaded_answers_get_a_new_version_and_history_like_an_online_save(client_as, focal_point_a, cycle, report_a):
    client = client_as(focal_point_a)
    answer = rows_of(report_a, "VI")[0]
    response = upload(client, cycle, fill(download(client, cycle), {("VI", "C3"): "Implemented"}))
    assert response.status_code == 200
    answer.refresh_from_db()
    assert answer.version == 2
    assert answer.updated_by == focal_point_a
    assert answer.history.first().history_user == focal_point_a


def test_the_summary_says_how_many_answers_were_updated_and_which(client_as, focal_point_a, cycle, report_a):
    client = client_as(focal_point_a)
    edits = {("VI", "C3"): "Implemented", ("VI", "F3"): "Ministry of Justice", ("VII", "C4"): "In progress"}
    response = upload(client, cycle, fill(download(client, cycle), edits))
    summary = response.context["summary"]
    assert [(c.sheet, c.row) for c in summary.updated] == [("VI", 3), ("VII", 4)]
    assert summary.updated[0].fields == ("status", "responsible institution")
    assert "2 answers updated." in response.content.decode()


def test_rows_left_as_downloaded_keep_what_was_saved_online_meanwhile(client_as, focal_point_a, cycle, report_a):
    client = client_as(focal_point_a)
    content = download(client, cycle)
    online = rows_of(report_a, "VI")[1]
    save_answer(focal_point_a, online, {"status": "implemented"}, expected_version=online.version)
    response = upload(client, cycle, fill(content, {("VI", "C3"): "In progress"}))
    assert response.status_code == 200, errors_of(response)
    online.refresh_from_db()
    assert (online.status, online.version) == ("implemented", 2)
    assert rows_of(report_a, "VI")[0].status == "in_progress"


def test_a_row_changed_both_online_and_offline_is_a_conflict_and_nothing_is_saved(
    client_as, focal_point_a, cycle, report_a
):
    client = client_as(focal_point_a)
    content = download(client, cycle)
    online = rows_of(report_a, "VI")[0]
    save_answer(focal_point_a, online, {"narrative": "Typed online."}, expected_version=online.version)
    before = snapshot(report_a)
    response = upload(client, cycle, fill(content, {("VI", "D3"): "Typed offline.", ("VI", "C5"): "Implemented"}))
    assert response.status_code == 400
    [error] = errors_of(response)
    assert error.startswith("sheet VI, row 3: ")
    assert f"saved online by {display_name(focal_point_a)}" in error
    assert snapshot(report_a) == before


def test_the_secretariat_may_upload_a_states_questionnaire(client_as, secretariat, cycle, report_a):
    client = client_as(secretariat)
    response = upload(client, cycle, fill(download(client, cycle), {("VI", "C3"): "Implemented"}))
    assert response.status_code == 200
    assert rows_of(report_a, "VI")[0].status == "implemented"


def test_the_upload_page_offers_the_download_and_the_form(client_as, focal_point_a, cycle, report_a):
    response = client_as(focal_point_a).get(url(cycle, "CHE", "upload"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="questionnaire.xlsx"' in page
    assert 'enctype="multipart/form-data"' in page
