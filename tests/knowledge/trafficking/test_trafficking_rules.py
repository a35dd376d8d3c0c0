"""The rules of one flow: counts by sex and age that add up to the total, the fixed forms, a period,
and texts that never identify a person (nor tell a count of people in words)."""

from __future__ import annotations

import pytest

from viennaplan.knowledge.trafficking import rules
from viennaplan.knowledge.trafficking.rules import Known, parse_row

KNOWN = Known(states=frozenset({"CHE", "NGA", "DEU"}), paths=frozenset({"46/b", "46/d", "57/a"}))


def row(**changes) -> dict[str, str]:
    cells = {column: "" for column in rules.COLUMNS}
    cells.update(
        key="F-NGA-CHE",
        origin="NGA",
        destination="CHE",
        year_from="2019",
        form="sexual_exploitation",
        female_adult="12",
        female_child="3",
        total="15",
        source="Federal report on trafficking",
        authority="Federal Office of Police",
    )
    cells.update(changes)
    return cells


def problems(**changes) -> dict[str, str]:
    parsed = parse_row(7, row(**changes), KNOWN)
    assert isinstance(parsed, list), parsed
    assert {error.row for error in parsed} == {7}
    return {error.column: error.message for error in parsed}


def test_a_good_row_becomes_a_flow_with_its_nine_counts_and_defaults():
    flow = parse_row(2, row(), KNOWN)
    assert not isinstance(flow, list)
    assert flow.count("female_child") == 3 and flow.count("female_adult") == 12 and flow.count("male_adult") == 0
    assert [cell for cell, _n in flow.counts] == list(rules.CELLS)
    assert (flow.year_from, flow.year_to, flow.total) == (2019, 2019, 15)
    assert flow.provisions == ("46/b",) and flow.published is False and flow.transit == ""


def test_the_total_must_be_the_sum_of_the_counts():
    assert "not the sum of the counts by sex and age (15)" in problems(total="16")["total"]


@pytest.mark.parametrize(
    ("changes", "column"),
    [
        ({"origin": "XXX"}, "origin"),
        ({"transit": "che"}, "transit"),
        ({"year_from": "19"}, "year_from"),
        ({"year_to": "2018"}, "year_to"),
        ({"form": "begging"}, "form"),
        ({"male_child": "-1"}, "male_child"),
        ({"male_child": "2.5"}, "male_child"),
        ({"key": "has space"}, "key"),
        ({"source": ""}, "source"),
        ({"source_url": "ftp://example.org"}, "source_url"),
        ({"source_url": "mailto:someone@example.org"}, "source_url"),
        ({"provisions": "99/z"}, "provisions"),
        ({"published": "maybe"}, "published"),
    ],
)
def test_each_bad_cell_is_named(changes, column):
    assert column in problems(**changes)


@pytest.mark.parametrize(
    "text",
    [
        "Interview with Mrs. Smith",
        "victim born 12 March 1990",
        "girl aged 14 from Lagos",
        "a 16-year-old boy",
        "contact: officer@police.example.org",
        "call +41 58 463 11 23",
        "passport of the victim",
        "3 women rescued",
        "a woman named Ada",
        "case no 2019/17",
    ],
)
def test_a_text_that_may_identify_a_person_is_refused(text):
    assert "must not identify a person" in problems(source=text)["source"]
    assert "must not identify a person" in problems(authority=text)["authority"]


@pytest.mark.parametrize(
    "text",
    [
        "Global Report on Trafficking in Persons 2020-2022",
        "Federal Office of Police (fedpol)",
        "Ministère de l'Intérieur",
    ],
)
def test_names_of_publications_and_authorities_are_accepted(text):
    assert not isinstance(parse_row(2, row(source=text, authority=text), KNOWN), list)


def test_a_period_of_several_years_and_several_provisions():
    flow = parse_row(2, row(year_to="2021", provisions="46/d; 46/b", transit="DEU", published="yes"), KNOWN)
    assert (flow.year_to, flow.provisions, flow.transit, flow.published) == (2021, ("46/b", "46/d"), "DEU", True)
    assert rules.period_label(2019, 2021) == "2019–2021" and rules.period_label(2019, 2019) == "2019"
