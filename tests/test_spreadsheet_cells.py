"""Spreadsheet cells stay text (issue 7, defect 6): the rule of `viennaplan.cells` and the plan's CSV export.

A cell starting with =, +, -, @, a tab or a carriage return is a formula to Excel and LibreOffice;
every CSV export writes it behind an apostrophe, and a plain number is left as it is.
"""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viennaplan.cells import plain_text, safe_text
from viennaplan.plan.document import Provision
from viennaplan.plan.exports import csv_format

HOSTILE = ['=HYPERLINK("http://evil.example","click")', "@SUM(1)", "+1+1", "-1+1", "\t=1", "\r=1"]
HARMLESS = ["-12", "+3.5", "-0.5e3", "Geneva", "", "a=b", "2005-09-15", "'quoted"]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_value_a_spreadsheet_would_run_gets_an_apostrophe(value):
    assert safe_text(value) == "'" + value


@pytest.mark.parametrize("value", HARMLESS)
def test_numbers_and_ordinary_text_are_left_alone(value):
    assert safe_text(value) == value


def test_values_that_are_not_text_are_left_alone():
    assert [safe_text(12), safe_text(-1.5), safe_text(None)] == [12, -1.5, None]


def test_a_formula_already_behind_an_apostrophe_gets_one_more_so_that_reading_back_is_exact():
    assert safe_text("'=1") == "''=1"
    assert plain_text("''=1") == "'=1"
    assert plain_text("'quoted") == "'quoted"


@given(st.text())
def test_plain_text_gives_back_exactly_what_safe_text_was_given(value):
    assert plain_text(safe_text(value)) == value


def provision(paragraph: int, text: str, **fields) -> Provision:
    return Provision(paragraph=paragraph, labels=(), text=text, kind="commitment", chapter="III", **fields)


def test_the_plan_csv_export_writes_hostile_cells_behind_an_apostrophe_and_numbers_as_they_are():
    provisions = [provision(number, text) for number, text in enumerate(HOSTILE, start=1)]
    provisions.append(provision(99, "-12", actor="=cmd|' /C calc'!A0"))
    document = SimpleNamespace(provisions=lambda: provisions)
    rows = list(csv.DictReader(io.StringIO(csv_format.dumps(document), newline="")))
    assert [row["text"] for row in rows[:-1]] == ["'" + value for value in HOSTILE]
    assert rows[-1]["text"] == "-12"
    assert rows[-1]["actor"] == "'=cmd|' /C calc'!A0"
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for row in rows for cell in row.values())
