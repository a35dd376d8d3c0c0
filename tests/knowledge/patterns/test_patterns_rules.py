"""The rules of one row of the patterns and trends file (plain Python): a clean record, or every problem
named by row and column; the period, the coordinates, the crime types of a terrorism link."""

from __future__ import annotations

from decimal import Decimal

import pytest

from viennaplan.knowledge.patterns import rules
from viennaplan.knowledge.patterns.rules import Known, parse_row

KNOWN = Known(
    states=frozenset({"COL", "PER", "PAN", "ESP", "NLD", "LBY", "MLI"}),
    regions=frozenset({"419", "150", "002"}),
    paths=frozenset({"18/c", "18/d"}),
)
GOOD = {
    "key": "ANDES-COCAINE",
    "kind": "trend",
    "title": "Cocaine routes",
    "summary": "Shipments rise.",
    "period_from": "2015",
    "period_to": "2019-06",
    "crime_types": "money_laundering; drug_trafficking",
    "origin": "per; COL",
    "transit": "PAN",
    "destination": "ESP",
    "regions": "419",
    "latitude": "4.711",
    "longitude": "-74.0721",
    "source": "World Drug Report 2020",
    "source_url": "https://www.unodc.org/wdr2020",
    "confidence": "high",
    "instruments": "drugs1988; UNTOC",
    "provisions": "18/d; 18/c",
    "published": "yes",
}


def problems(**changes: str) -> dict[str, list[str]]:
    parsed = parse_row(7, {**GOOD, **changes}, KNOWN)
    assert isinstance(parsed, list), parsed
    assert {error.row for error in parsed} == {7}
    found: dict[str, list[str]] = {}
    for error in parsed:
        found.setdefault(error.column, []).append(error.message)
    return found


def test_a_good_row_becomes_a_record_with_its_lists_in_the_files_order():
    record = parse_row(2, GOOD, KNOWN)
    assert not isinstance(record, list), record
    assert record.crime_types == ("drug_trafficking", "money_laundering")
    assert record.states == (("origin", "COL"), ("origin", "PER"), ("transit", "PAN"), ("destination", "ESP"))
    assert record.instruments == ("UNTOC", "DRUGS1988")
    assert record.provisions == ("18/c", "18/d")
    assert (record.year_from, record.year_to) == (2015, 2019)
    assert (record.latitude, record.longitude) == (Decimal("4.711"), Decimal("-74.0721"))
    assert record.published is True


def test_an_open_period_has_no_last_year():
    record = parse_row(2, {**GOOD, "period_to": ""}, KNOWN)
    assert record.year_to is None
    assert list(rules.years_covered(2015, None, 2017)) == [2015, 2016, 2017]


@pytest.mark.parametrize(
    ("changes", "column", "words"),
    [
        ({"kind": "rumour"}, "kind", "not one of pattern, trend, terrorism_link"),
        ({"title": ""}, "title", "required"),
        ({"period_from": "15/06/2015"}, "period_from", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"period_from": "2015-02-30"}, "period_from", "no such month or day"),
        ({"period_to": "2014-12"}, "period_to", "before the start of the period (2015)"),
        ({"crime_types": "piracy"}, "crime_types", "'piracy' is not a crime type"),
        ({"crime_types": "fraud; fraud"}, "crime_types", "fraud is given twice"),
        ({"origin": "XXX"}, "origin", "'XXX' is not the alpha-3 code of a State"),
        ({"regions": "999"}, "regions", "'999' is not the three-digit M49 code of a region"),
        ({"latitude": "91"}, "latitude", "not between -90 and 90"),
        ({"longitude": "-180.5"}, "longitude", "not between -180 and 180"),
        ({"latitude": "north"}, "latitude", "not decimal degrees"),
        ({"longitude": ""}, "longitude", "a place needs both latitude and longitude"),
        ({"confidence": "certain"}, "confidence", "not one of low, medium, high"),
        ({"instruments": "NOPE"}, "instruments", "'NOPE' is not an instrument"),
        ({"provisions": "99/z"}, "provisions", "99/z is not a provision of the current plan"),
        ({"source_url": "ftp://x"}, "source_url", "not an http:// or https:// link"),
        ({"published": "maybe"}, "published", "yes or no"),
        ({"key": "map"}, "key", "names a page of the collection"),
        ({"key": "-bad key"}, "key", "a key is up to 80 letters"),
    ],
)
def test_a_bad_cell_is_named_by_its_column_and_why(changes, column, words):
    found = problems(**changes)
    assert column in found, found
    assert any(words in message for message in found[column]), found[column]


def test_every_problem_of_a_row_is_reported_at_once():
    found = problems(kind="", period_from="x", confidence="")
    assert set(found) == {"kind", "period_from", "confidence"}


def test_a_terrorism_link_names_terrorism_and_another_crime():
    message = "names terrorism and at least one other"
    assert message in problems(kind="terrorism_link", crime_types="terrorism")["crime_types"][0]
    assert message in problems(kind="terrorism_link", crime_types="fraud; extortion")["crime_types"][0]
    record = parse_row(2, {**GOOD, "kind": "terrorism_link", "crime_types": "firearms_trafficking; terrorism"}, KNOWN)
    assert record.crime_types == ("firearms_trafficking", "terrorism")


def test_a_coordinate_is_written_without_trailing_zeros():
    assert rules.write_coordinate(Decimal("12.500000")) == "12.5"
    assert rules.write_coordinate(Decimal("-4.000000")) == "-4"
    assert rules.write_coordinate(None) == ""
