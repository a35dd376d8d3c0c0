"""The rules of one row of the authorities' file (plain Python): each purpose names an instrument and
article that exist; a row is cleaned or every problem is named by its column."""

from __future__ import annotations

from viennaplan.knowledge.authorities import directory
from viennaplan.knowledge.authorities.directory import Known, parse_row
from viennaplan.rowerrors import RowError
from viennaplan.treaties.rules import INSTRUMENTS

KNOWN = Known(states=frozenset({"CHE", "FRA"}), paths=frozenset({"57/i", "18/e"}))
GOOD = {
    "state": "CHE",
    "key": "FOJ-MLA",
    "purpose": "mla",
    "name_en": "Federal Office of Justice",
    "name_original": "Bundesamt für Justiz",
    "language": "de",
    "request_languages": " de ;fr; en ",
    "provisions": "57/i",
    "published": "YES",
    "address": "Bundesrain 20\r\n3003 Bern",
    "telephone": "+41 58 462 11 11 ext. 12",
    "email": "central.authority@bj.admin.example",
    "time_zone": "Europe/Zurich",
}


def test_every_purpose_but_other_refers_to_an_article_of_a_known_instrument():
    for code, purpose in directory.PURPOSES.items():
        if code == directory.OTHER:
            assert (purpose.instrument, purpose.article) == ("", "")
        else:
            assert purpose.instrument in INSTRUMENTS and purpose.article, code
    assert directory.PURPOSES["firearms"].provision == "57/i"
    assert directory.purposes_of("UNCAC") == ["asset_recovery", "corruption_prevention"]


def test_a_good_row_is_cleaned():
    record = parse_row(2, GOOD, KNOWN)
    assert not isinstance(record, list)
    assert record.request_languages == "de; fr; en" and record.published is True
    assert record.contact.address == "Bundesrain 20\n3003 Bern"
    assert record.contact.telephone == "+41 58 462 11 11 ext. 12" and not record.contact.empty


def test_contacts_may_all_be_empty():
    cells = {name: value for name, value in GOOD.items() if name not in directory.CONTACT_COLUMNS}
    assert parse_row(2, cells, KNOWN).contact.empty


def test_every_problem_of_a_row_is_named_by_its_column():
    bad = {
        **GOOD,
        "state": "XXX",
        "purpose": "other",
        "request_languages": "de; de; eng",
        "telephone": "call us",
        "fax": "12",
        "email": "two@example.org; three@example.org",
        "time_zone": "CET+1",
        "contact_title": "x" * 201,
    }
    errors = parse_row(7, bad, KNOWN)
    assert all(isinstance(error, RowError) and error.row == 7 for error in errors)
    assert [error.column for error in errors] == [
        "state",
        "description",
        "request_languages",
        "request_languages",
        "telephone",
        "fax",
        "email",
        "contact_title",
        "time_zone",
    ]
    assert (
        str(errors[-1])
        == "row 7, column time_zone ('CET+1'): not an IANA time zone such as Europe/Vienna or America/New_York"
    )


def test_an_other_purpose_needs_a_description():
    record = parse_row(2, {**GOOD, "purpose": "other", "description": "Drug trafficking at sea (1988, art. 17)"}, KNOWN)
    assert not isinstance(record, list) and record.purpose == "other"
