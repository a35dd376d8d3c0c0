"""The plan as CSV: one row per provision, in document order, readable by any spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import date

from viennaplan.plan.document import Chapter, Deadline, Note, PlanDocument, Provision
from viennaplan.plan.exports import export_plan
from viennaplan.plan.exports.csv_format import COLUMNS, dumps


def small_plan() -> PlanDocument:
    item_k = Provision(57, ("k",), "Exchange information on:", "national_action", "VI", "objectives", (1, 2))
    item_k.children = [
        Provision(
            57,
            ("k", "ii"),
            "Brokers, «dealers» and carriers, by 2005;",
            "national_action",
            "VI",
            "objectives",
            (1, 2),
            note_refs=[33],
            deadlines=[
                Deadline("by 2005", None, date(2005, 12, 31), "year"),
                Deadline("at its next session", None, None, "session"),
            ],
        )
    ]
    para_57 = Provision(
        57,
        (),
        "States will, subject to the availability of resources:",
        "national_action",
        "VI",
        "objectives",
        (1, 2),
        actor="member_states",
        partners=("cicp", "unodccp"),
        subject_to_resources=True,
        children=[item_k],
    )
    para_1 = Provision(1, (), 'The Congress adopted the "Vienna Declaration",\nwith commas.', "background", "I")
    return PlanDocument(
        title="Draft Plans of Action",
        date=date(2001, 3, 27),
        body="Economic and Social Council",
        symbol="",
        session="Tenth session",
        agenda_item="Item 5",
        original_language="English",
        summary=[],
        checksum="",
        chapters=[Chapter("I", "Background"), Chapter("VI", "Action against firearms")],
        paragraphs=[para_1, para_57],
        notes=[Note(33, "In cooperation with the institutes.")],
    )


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_csv_has_a_header_row_with_the_columns():
    header = next(csv.reader(io.StringIO(dumps(small_plan()))))
    assert tuple(header) == COLUMNS
    assert header[0] == "citation" and header[-1] == "text"


def test_there_is_one_row_per_provision_in_document_order():
    assert [row["citation"] for row in rows(dumps(small_plan()))] == ["1", "57", "57(k)", "57(k)(ii)"]


def test_a_sub_item_row_carries_its_paragraph_labels_and_path():
    sub_item = rows(dumps(small_plan()))[3]
    assert sub_item["path"] == "57/k/ii"
    assert (sub_item["paragraph"], sub_item["labels"], sub_item["chapter"]) == ("57", "k;ii", "VI")
    assert (sub_item["section"], sub_item["objectives"], sub_item["kind"]) == ("objectives", "1;2", "national_action")
    assert sub_item["note_refs"] == "33"
    assert sub_item["text"] == "Brokers, «dealers» and carriers, by 2005;"


def test_deadlines_are_their_end_dates_in_iso_form():
    assert rows(dumps(small_plan()))[3]["deadlines"] == "2005-12-31"


def test_actor_partners_and_flags_are_plain_cells():
    para_57 = rows(dumps(small_plan()))[1]
    assert (para_57["actor"], para_57["partners"]) == ("member_states", "cicp;unodccp")
    assert (para_57["subject_to_resources"], para_57["upon_request"]) == ("true", "false")


def test_absent_values_are_empty_cells():
    para_1 = rows(dumps(small_plan()))[0]
    assert para_1["section"] == para_1["actor"] == para_1["objectives"] == para_1["deadlines"] == ""


def test_quotes_commas_and_line_breaks_in_the_text_survive():
    assert rows(dumps(small_plan()))[0]["text"] == 'The Congress adopted the "Vienna Declaration",\nwith commas.'


def test_export_plan_gives_the_csv_as_utf8_bytes():
    data = export_plan(small_plan(), "csv")
    assert data.decode("utf-8") == dumps(small_plan())
    assert "«dealers»".encode() in data


def test_the_real_plan_has_a_row_for_every_provision(plan_document):
    table = rows(dumps(plan_document))
    assert [row["citation"] for row in table] == [p.citation for p in plan_document.provisions()]
    assert "57(k)" in {row["citation"] for row in table}
