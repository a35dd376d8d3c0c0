"""The plain-Python rules of the firearms collection: one row of the regulations file, what changed between
two rounds (topics added, removed, changed, with a word-level diff), and the fields of a national report."""

from __future__ import annotations

import pytest

from viennaplan.knowledge.firearms import national_reports, regulations
from viennaplan.knowledge.firearms.regulations import Entry, parse_row

STATES = frozenset({"CHE", "FRA"})
GOOD = {
    "state": "CHE",
    "round": "2003",
    "topic": "57/a",
    "summary": " Trafficking is an offence.\r\nSo is manufacturing. ",
    "law": "SR-514.54",
    "law_citation": "Weapons Act, art. 33",
    "official_url": "https://www.fedlex.admin.ch/",
    "published": "YES",
}


def test_the_rules_load_no_django_but_translation(loads_only_translation):
    loads_only_translation(
        ["viennaplan.knowledge.firearms.regulations", "viennaplan.knowledge.firearms.national_reports"]
    )


def test_a_good_row_becomes_a_clean_record():
    record = parse_row(2, GOOD, STATES)
    assert record == regulations.TopicRecord(
        row=2,
        state="CHE",
        round=2003,
        topic="57/a",
        summary="Trafficking is an offence.\nSo is manufacturing.",
        law="SR-514.54",
        law_citation="Weapons Act, art. 33",
        official_url="https://www.fedlex.admin.ch/",
        published=True,
    )


@pytest.mark.parametrize(
    ("column", "value", "why"),
    [
        ("state", "", "required"),
        ("state", "XXX", "not the alpha-3 code"),
        ("round", "", "required"),
        ("round", "1989", "not a year between 1990 and 2100"),
        ("round", "2003a", "not a year"),
        ("topic", "57/i", "not one of the topics 57/a, 57/b"),
        ("topic", "", "required"),
        ("summary", " ", "required"),
        ("summary", "x" * 20_001, "longer than 20000 characters"),
        ("law", "a law", "not a law's key"),
        ("law_citation", "x" * 501, "longer than 500 characters"),
        ("official_url", "www.admin.ch", "not an http:// or https:// link"),
        ("published", "maybe", "yes or no"),
    ],
)
def test_each_bad_cell_is_named_by_row_and_column(column, value, why):
    errors = parse_row(7, {**GOOD, column: value}, STATES)
    assert isinstance(errors, list) and len(errors) == 1
    assert (errors[0].row, errors[0].column) == (7, column)
    assert why in errors[0].message


def test_every_problem_of_a_row_is_reported_at_once():
    errors = parse_row(3, {"state": "XXX", "round": "1", "topic": "59/a"}, STATES)
    assert [error.column for error in errors] == ["summary", "state", "round", "topic"]


def test_what_changed_between_two_rounds_topic_by_topic():
    before = {
        "57/a": Entry("Trafficking is an offence."),
        "57/c": Entry("A licence is required."),
        "57/f": Entry("Firearms are marked."),
    }
    after = {
        "57/h": Entry("Deactivation is certified."),
        "57/c": Entry("A licence is required.", law="SR-514.54"),
        "57/a": Entry("Trafficking and attempts are offences."),
    }
    found = regulations.changes(before, after)
    assert [(change.topic, change.kind, change.fields) for change in found] == [
        ("57/a", "changed", ("summary",)),
        ("57/c", "changed", ("law",)),
        ("57/f", "removed", ()),
        ("57/h", "added", ()),
    ]
    assert found[0].diff == (
        ("=", "Trafficking "),
        ("-", "is an offence."),
        ("+", "and attempts are offences."),
    )
    assert found[2].diff == (("-", "Firearms are marked."),) and found[3].diff == (("+", "Deactivation is certified."),)
    assert regulations.changes(before, before) == [
        regulations.Change(topic, "same", (), ()) for topic in ("57/a", "57/c", "57/f")
    ]


def test_the_word_diff_rebuilds_both_texts():
    before, after = "Firearms are marked at manufacture.", "All firearms are marked at import and at manufacture."
    runs = regulations.text_diff(before, after)
    assert "".join(text for op, text in runs if op != "+") == before
    assert "".join(text for op, text in runs if op != "-") == after


def test_the_report_fields_answer_every_item_of_57_k_and_l():
    assert {field.item for field in national_reports.FIELDS} == {"57/k/i", "57/k/ii", "57/k/iii", "57/k/iv", "57/l"}
    assert set(national_reports.COUNT_FIELDS) >= {"offences", "offenders", "firearms_confiscated"}
    assert set(national_reports.TEXT_FIELDS) >= {"tracing_methods", "licensing_regimes", "border_controls", "disposal"}
    assert [item for item, _title, _fields in national_reports.sections()] == list(national_reports.SECTIONS)
