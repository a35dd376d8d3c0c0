"""The rules of one row of the projects' file, in plain Python (no database): a good project row and
budget row, and the problems of bad ones, each naming its column."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from viennaplan.assistance import projects_csv
from viennaplan.assistance.projects_csv import BudgetRecord, Known, ProjectRecord, parse_row

KNOWN = Known(requests=frozenset({"TA-CHE-2003-001", "TA-FRA-2003-001"}), projects={"PRJ-2003-001": "active"})


def test_good_rows():
    project = parse_row(
        2,
        {
            "record": "project",
            "key": "PRJ-2004-001",
            "title": " Marking \r\n firearms ",
            "start": "2004-01-01",
            "end": "2004-06-30",
            "requests": "TA-FRA-2003-001; TA-CHE-2003-001",
        },
        KNOWN,
    )
    assert project == ProjectRecord(
        row=2,
        key="PRJ-2004-001",
        title="Marking \n firearms",
        status="planned",
        start=date(2004, 1, 1),
        end=date(2004, 6, 30),
        requests=("TA-CHE-2003-001", "TA-FRA-2003-001"),
    )
    stored = parse_row(3, {"record": "project", "key": "PRJ-2003-001", "title": "T", "status": "active"}, KNOWN)
    assert isinstance(stored, ProjectRecord) and stored.status == "active"
    budget = parse_row(
        4, {"record": "budget", "key": "PRJ-2004-001", "year": "2004", "currency": "CHF", "amount": "7"}, KNOWN
    )
    assert budget == BudgetRecord(row=4, key="PRJ-2004-001", year=2004, currency="CHF", amount=Decimal("7"))
    assert projects_csv.write_amount(Decimal("7")) == "7.00"


def test_bad_rows_name_each_column():
    def columns(cells):
        found = parse_row(9, cells, KNOWN)
        assert isinstance(found, list)
        return sorted(error.column for error in found)

    assert columns({"record": "projet", "key": "X"}) == ["record"]
    assert columns({"record": "project", "key": "-x", "title": "", "year": "2003"}) == ["key", "title", "year"]
    assert columns({"record": "project", "key": "PRJ-2003-001", "title": "T", "status": "planned"}) == ["status"]
    assert columns({"record": "project", "key": "PRJ-2009-001", "title": "T", "status": "completed"}) == ["status"]
    assert columns({"record": "project", "key": "P", "title": "T", "requests": "TA-CHE-2003-001, TA-CHE-2003-001"}) == [
        "requests"
    ]
    assert columns({"record": "project", "key": "P", "title": "T", "region": "x" * 61, "chapter": "6"}) == [
        "chapter",
        "region",
    ]
    assert columns({"record": "budget", "key": "P", "year": "1850", "currency": "XTS", "amount": "1.234"}) == [
        "amount",
        "currency",
        "year",
    ]
    assert columns({"record": "budget", "key": "P", "title": "T"}) == ["amount", "currency", "title", "year"]


def test_the_rules_are_plain_python(loads_only_translation):
    loads_only_translation(["viennaplan.assistance.projects_csv"])
