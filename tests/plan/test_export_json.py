"""The plan as JSON: every field written, read back to the same document, bad input named by field."""

from __future__ import annotations

import json
from datetime import date

import pytest

from viennaplan.plan.document import (
    Chapter,
    Deadline,
    Discarded,
    ImportReport,
    Note,
    Objective,
    PlanDocument,
    Provision,
    Reference,
    Repair,
)
from viennaplan.plan.exports import export_plan
from viennaplan.plan.exports.json_format import document_from_json, document_to_json, dumps, loads


def commitment(labels: tuple[str, ...], text: str, **fields) -> Provision:
    return Provision(7, labels, text, "commitments", "III", "commitments", **fields)


def action(number: int, kind: str, text: str, **fields) -> Provision:
    return Provision(number, fields.pop("labels", ()), text, kind, "III", "objectives", (1,), **fields)


def small_plan() -> PlanDocument:
    """Two chapters of the plan, by hand: commitments with sub-items, an objective, actions, notes."""
    para_7 = commitment((), "The Vienna Declaration contains the following commitments:", source_lines=(86, 100))
    item_d = commitment(("d",), "Consistent with the Convention:")
    item_d.children = [
        commitment(("d", "i"), "To incorporate crime prevention into national strategies;"),
        commitment(("d", "ii"), "To enhance donor cooperation in crime prevention;", note_refs=[5]),
    ]
    para_7.children = [
        commitment(
            ("a",),
            "To complete the negotiation of the Convention (para. 5);",
            note_refs=[5],
            references=[Reference("declaration", "para. 5", "VD 5", 50, 57)],
        ),
        item_d,
    ]
    para_10 = action(
        10,
        "national_action",
        "States that have not signed the instruments should do so before the end of 2002.",
        actor="member_states",
        partners=("cicp",),
        subject_to_resources=True,
        upon_request=True,
        deadlines=[Deadline("before the end of 2002", None, date(2002, 12, 31), "year", "calendar year")],
        source_lines=(116, 124),
    )
    para_10.children = [
        action(10, "national_action", "Commence development of measures;", labels=("a",), actor="member_states")
    ]
    para_11 = action(11, "international_action", "Collectively, States bring each instrument into force.")
    para_14 = action(14, "expected_impact", "The direct impact will be the adoption of domestic measures.")
    para_1 = Provision(1, (), "On 17 April 2000, the Tenth Congress adopted the Declaration.", "background", "I")
    para_1.note_refs = [1]
    return PlanDocument(
        title="Draft Plans of Action for the implementation of the Vienna Declaration on Crime and Justice",
        date=date(2001, 3, 27),
        body="Economic and Social Council",
        symbol="",
        session="Commission on Crime Prevention and Criminal Justice, Tenth session, Vienna, 8-17 May 2001",
        agenda_item="Item 5 of the provisional agenda",
        original_language="English",
        summary=["The present draft Plans of Action present an overview.", "The primary focus is « States »."],
        checksum="0" * 64,
        chapters=[
            Chapter("I", "Background", 1, 3, 4),
            Chapter(
                "III",
                "Action against transnational organized crime",
                7,
                19,
                6,
                objectives=[Objective("III", 1, "To achieve the signature of the Convention.", note_refs=[5])],
            ),
        ],
        paragraphs=[para_1, para_7, para_10, para_11, para_14],
        notes=[Note(1, "See Tenth United Nations Congress.", "1"), Note(5, "The Convention was adopted.", "5")],
        front_notes=[Note(0, "E/CN.7/2001/1.", "*")],
        report=ImportReport(
            repairs=[Repair("run-on-item", 92, "split (c) from (b)")],
            discarded=[Discarded(30, "V.01-82215 (E) 200401 230401", "job number")],
            warnings=["note 7 continues over a page break"],
        ),
    )


def test_json_has_the_plan_chapters_paragraphs_notes_and_report():
    data = document_to_json(small_plan())
    assert data["plan"]["date"] == "2001-03-27"
    assert data["plan"]["front_notes"] == [{"number": 0, "text": "E/CN.7/2001/1.", "marker": "*"}]
    assert data["chapters"][1]["number"] == "III"
    assert data["chapters"][1]["objectives"][0] == {
        "chapter": "III",
        "number": 1,
        "text": "To achieve the signature of the Convention.",
        "numbered": True,
        "note_refs": [5],
    }
    assert [p["number"] for p in data["paragraphs"]] == [1, 7, 10, 11, 14]
    assert data["notes"][1] == {"number": 5, "text": "The Convention was adopted.", "marker": "5"}
    assert data["report"]["repairs"] == [{"kind": "run-on-item", "line": 92, "message": "split (c) from (b)"}]


def test_items_and_sub_items_nest_under_their_paragraph_with_their_citation():
    para_7 = document_to_json(small_plan())["paragraphs"][1]
    assert para_7["citation"] == "7" and para_7["path"] == "7"
    item_d = para_7["items"][1]
    assert (item_d["label"], item_d["citation"], item_d["path"]) == ("d", "7(d)", "7/d")
    sub_item = item_d["items"][1]
    assert (sub_item["label"], sub_item["citation"], sub_item["note_refs"]) == ("ii", "7(d)(ii)", [5])


def test_every_field_of_a_provision_is_written():
    para_10 = document_to_json(small_plan())["paragraphs"][2]
    assert para_10["objectives"] == [1]
    assert para_10["kind"] == "national_action"
    assert (para_10["actor"], para_10["partners"]) == ("member_states", ["cicp"])
    assert para_10["subject_to_resources"] is True and para_10["upon_request"] is True
    assert para_10["deadlines"] == [
        {
            "text": "before the end of 2002",
            "start": None,
            "end": "2002-12-31",
            "precision": "year",
            "note": "calendar year",
        }
    ]
    assert para_10["source_lines"] == [116, 124]
    assert document_to_json(small_plan())["paragraphs"][1]["items"][0]["references"] == [
        {"kind": "declaration", "text": "para. 5", "target": "VD 5", "start": 50, "end": 57}
    ]


def test_dumps_is_stable_readable_utf8_with_a_final_newline():
    text = dumps(small_plan())
    assert text.endswith("}\n")
    assert "« States »" in text  # characters as they are, not \u escapes
    assert text.startswith('{\n  "chapters": [')  # keys sorted
    assert dumps(small_plan()) == text


def test_json_round_trip_is_identical():
    doc = small_plan()
    text = dumps(doc)
    again = document_from_json(json.loads(text))
    assert again == doc
    assert dumps(again) == text


def test_export_plan_gives_the_json_as_utf8_bytes():
    assert export_plan(small_plan(), "json") == dumps(small_plan()).encode("utf-8")
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        export_plan(small_plan(), "pdf")


def test_fields_with_defaults_may_be_left_out():
    data = document_to_json(small_plan())
    del data["report"], data["format"], data["version"]
    for paragraph in data["paragraphs"]:
        for key in (
            "section",
            "objectives",
            "note_refs",
            "references",
            "deadlines",
            "actor",
            "partners",
            "subject_to_resources",
            "upon_request",
            "source_lines",
            "items",
            "citation",
            "path",
            "objective",
            "full_text",
        ):
            del paragraph[key]
    doc = document_from_json(data)
    assert doc.paragraphs[1].children == [] and doc.paragraphs[1].section is None
    assert doc.report == ImportReport()


def _malformed(change) -> str:
    data = json.loads(dumps(small_plan()))
    change(data)
    with pytest.raises(ValueError) as error:
        document_from_json(data)
    return str(error.value)


def test_malformed_json_says_which_field():
    def drop_label(data):
        del data["paragraphs"][1]["items"][1]["label"]

    assert _malformed(drop_label) == "paragraphs[1].items[1].label: missing"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("plan"), "plan: missing"),
        (lambda d: d["plan"].update(date="27 March 2001"), "plan.date: expected an ISO date YYYY-MM-DD or null"),
        (lambda d: d["plan"].update(date="2001-02-30"), "plan.date: '2001-02-30' is not a day of the calendar"),
        (
            lambda d: d["paragraphs"][2].update(number="10"),
            'paragraphs[2].number: expected an integer, got a string "10"',
        ),
        (lambda d: d["paragraphs"][2].update(number=True), "paragraphs[2].number: expected an integer, got a boolean"),
        (lambda d: d["paragraphs"][2].update(kind="wish"), "paragraphs[2].kind: expected one of background,"),
        (lambda d: d["paragraphs"][2].update(section="annex"), "paragraphs[2].section: expected one of"),
        (lambda d: d["paragraphs"][2].update(upon_request="yes"), "paragraphs[2].upon_request: expected true or false"),
        (lambda d: d["paragraphs"][2].update(source_lines=[1]), "paragraphs[2].source_lines: expected a list of 2"),
        (lambda d: d["paragraphs"][2]["deadlines"][0].pop("end"), "paragraphs[2].deadlines[0].end: missing"),
        (
            lambda d: d["paragraphs"][1]["items"][1]["items"][0].update(citation="7(d)(iii)"),
            "paragraphs[1].items[1].items[0].citation: '7(d)(iii)' does not match the numbering ('7(d)(i)')",
        ),
        (lambda d: d["paragraphs"][1]["items"][0].update(label=""), "paragraphs[1].items[0].label: empty"),
        (lambda d: d["paragraphs"][1].update(items={}), "paragraphs[1].items: expected a list, got an object"),
        (lambda d: d["paragraphs"][1].update(colour="red"), "paragraphs[1].colour: unknown field"),
        (lambda d: d["chapters"][1].update(number="XIII"), "chapters[1].number: expected one of I, II,"),
        (
            lambda d: d["chapters"][1]["objectives"][0].update(chapter="IV"),
            "chapters[1].objectives[0].chapter: 'IV' is not its chapter 'III'",
        ),
        (lambda d: d["notes"].append("6. Extra note"), 'notes[2]: expected an object, got a string "6. Extra note"'),
        (lambda d: d["report"]["repairs"][0].pop("line"), "report.repairs[0].line: missing"),
        (
            lambda d: d.update(version=2),
            "format: expected 'viennaplan-plan' version 1, got 'viennaplan-plan' version 2",
        ),
    ],
)
def test_each_malformed_field_is_named_with_what_was_wrong(change, message):
    assert _malformed(change).startswith(message)


def test_a_document_that_is_not_an_object_is_refused():
    with pytest.raises(ValueError, match=r"^\(document\): expected an object, got a list"):
        document_from_json([])
    with pytest.raises(ValueError):
        loads("{not json")


def test_a_provision_out_of_its_tree_cannot_be_written():
    doc = small_plan()
    doc.paragraphs[1].children[0].labels = ("b", "a")
    with pytest.raises(ValueError, match=r"paragraphs\[1\]\.items\[0\]: provision 7\(b\)\(a\) cannot stand under 7"):
        dumps(doc)


def test_the_real_plan_round_trips_identically(plan_document):
    text = dumps(plan_document)
    again = loads(text)
    assert again == plan_document
    assert dumps(again) == text


def test_the_real_plan_cites_paragraph_57_and_its_items(plan_document):
    data = document_to_json(plan_document)
    para_57 = next(p for p in data["paragraphs"] if p["number"] == 57)
    assert para_57["chapter"] == "VI"
    assert [item["citation"] for item in para_57["items"]][:2] == ["57(a)", "57(b)"]


def test_each_paragraph_carries_its_full_text_and_single_objective(plan_document):
    data = document_to_json(plan_document)
    paragraph_57 = next(p for p in data["paragraphs"] if p["number"] == 57)
    assert paragraph_57["objective"] is None and paragraph_57["objectives"] == [1, 2]
    assert "(k) The gathering, analysis and sharing" in paragraph_57["full_text"]
    assert "(ii) Related offences such as tampering with firearm markings" in paragraph_57["full_text"]
    paragraph_10 = next(p for p in data["paragraphs"] if p["number"] == 10)
    assert paragraph_10["objective"] == 1


def test_a_full_text_that_disagrees_with_the_items_is_refused(plan_document):
    data = document_to_json(plan_document)
    data["paragraphs"][56]["full_text"] = "something else"
    with pytest.raises(ValueError, match=r"paragraphs\[56\]\.full_text: .* does not match"):
        document_from_json(data)
