"""The plain-Python rules: one row of the file, the year an assessment speaks for, the State x year
table of the comparison, the current version of a document and the diff between two texts."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from viennaplan.knowledge.assessments import comparison, rules, versions

KNOWN = rules.Known(states=frozenset({"KEN", "CHE"}), paths=frozenset({"33/a", "30/a"}))
ROW = {
    "state": "KEN",
    "key": "A-1",
    "title": "Survey",
    "scope": "national",
    "sectors": "health; police",
    "types": "bribery",
    "method": "mixed",
    "published_on": "2020-01-31",
    "publisher": "EACC",
}


def test_a_row_becomes_a_record_with_its_lists_in_the_fixed_order_and_33a_by_default():
    record = rules.parse_row(2, ROW, KNOWN)
    assert record.sectors == ("police", "health") and record.provisions == ("33/a",)
    assert record.year == 2020 and record.published is False


def test_the_year_is_the_fieldworks_end_else_its_start_else_the_publication():
    assert rules.assessment_year(date(2018, 5, 1), date(2019, 1, 1), date(2020, 1, 1)) == 2019
    assert rules.assessment_year(date(2018, 5, 1), None, date(2020, 1, 1)) == 2018
    assert rules.assessment_year(None, None, date(2020, 1, 1)) == 2020


def test_a_cost_needs_its_currency_and_year_and_a_code_is_given_once():
    errors = rules.parse_row(2, {**ROW, "cost_amount": "1e6", "types": "bribery; bribery"}, KNOWN)
    assert [(error.column, error.message) for error in errors] == [
        ("types", "bribery is given twice"),
        ("cost_amount", "not an amount such as 1500000 or 1500000.50"),
        ("cost_currency", "required with an estimated cost"),
        ("cost_year", "required with an estimated cost"),
    ]
    assert (
        rules.write_amount(
            rules.parse_row(
                2, {**ROW, "cost_amount": "1500.50", "cost_currency": "USD", "cost_year": "2019"}, KNOWN
            ).cost_amount
        )
        == "1500.5"
    )


def test_the_comparison_lays_out_states_by_year():
    counts = [
        comparison.Count("KEN", "Kenya", 2015, 1),
        comparison.Count("KEN", "Kenya", 2019, 2),
        comparison.Count("AUT", "Austria", 2017, 1),
    ]
    table = comparison.table(counts)
    assert table.years == (2015, 2016, 2017, 2018, 2019)
    assert [(row.state, row.cells) for row in table.rows] == [("AUT", (0, 0, 1, 0, 0)), ("KEN", (1, 0, 0, 0, 2))]
    assert table.states_per_year() == (1, 0, 1, 0, 1) and table.total == 4
    assert comparison.table(counts, 2016, 2018).years == (2016, 2017, 2018)
    assert comparison.table([]).rows == ()


def version(pk: int, day: date, published: bool) -> SimpleNamespace:
    return SimpleNamespace(pk=pk, date=day, published=published)


def test_the_current_version_is_the_latest_published():
    first, second, draft = (
        version(1, date(2000, 1, 1), True),
        version(2, date(2003, 1, 1), True),
        version(3, date(2005, 1, 1), False),
    )
    assert versions.current([draft, first, second]) is second
    assert versions.current([draft]) is None
    assert versions.in_order([draft, second, first]) == [first, second, draft]


def test_the_diff_marks_lines_removed_and_added_with_context_and_gaps():
    old = "\n".join(f"line {n}" for n in range(1, 21))
    new = old.replace("line 2\n", "line two\n").replace("line 19", "line nineteen")
    lines = versions.diff(old, new)
    kinds = [(line.kind, line.text) for line in lines]
    assert ("removed", "line 2") in kinds and ("added", "line two") in kinds
    assert ("gap", "") in kinds and ("kept", "line 10") not in kinds
    assert versions.diff("same", "same") == []
