"""`viennaplan treaties import|export|show|instruments` (the `treaties` management command)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from viennaplan.treaties.models import TreatyAction, TreatyImport

DATA = Path(__file__).parent / "data"
SMALL = DATA / "synthetic_small.csv"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("treaties", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def imported(db):
    run("import", str(SMALL))


def test_import_says_what_it_recorded_and_prints_the_report(db):
    out = run("import", str(SMALL))
    assert out.startswith("synthetic_small.csv: 15 rows; 15 actions recorded\n")
    assert "Notes (2):\n  'Serbia and Montenegro' (SCG) is recorded for SRB" in out


def test_importing_the_same_file_again_says_nothing_changed(imported):
    out = run("import", str(SMALL))
    assert out.splitlines()[0].endswith("15 already on file (skipped); nothing changed")
    assert TreatyImport.objects.count() == 1


def test_a_bad_file_prints_every_bad_row_exits_non_zero_and_changes_nothing(imported):
    before = TreatyAction.objects.count(), TreatyAction.history.count()
    with pytest.raises(CommandError) as caught:
        run("import", str(DATA / "synthetic_bad_rows.csv"))
    message = str(caught.value)
    assert caught.value.returncode == 1
    assert message.startswith(f"{DATA / 'synthetic_bad_rows.csv'}: 6 errors; nothing was imported:\n")
    for row in (4, 5, 6, 7, 8, 9):
        assert f"\n  row {row}, column " in message
    assert (TreatyAction.objects.count(), TreatyAction.history.count()) == before


def test_a_missing_file_is_named(db):
    with pytest.raises(CommandError, match="no-such.csv: no such file; expected a CSV status list"):
        run("import", "no-such.csv")


def test_export_csv_writes_the_import_format(imported):
    rows = list(csv.DictReader(io.StringIO(run("export"))))
    assert len(rows) == 15
    assert rows[0] == {
        "state": "CHE",
        "instrument": "TIP",
        "action": "signature",
        "date": "2002-04-02",
        "source": "synthetic",
    }


def test_export_of_one_instrument_as_json(imported):
    data = json.loads(run("export", "--format", "json", "--instrument", "tip"))
    assert data["format"] == "viennaplan-treaty-actions"
    assert {a["instrument"] for a in data["actions"]} == {"TIP"}


def test_an_export_imports_back_into_an_empty_database_as_the_same_bytes(imported, tmp_path):
    exported = run("export")
    TreatyAction.objects.all().delete()
    path = tmp_path / "export.csv"
    path.write_text(exported, encoding="utf-8")
    run("import", str(path))
    assert run("export") == exported


def test_show_json_has_exactly_the_issues_shape(imported):
    data = json.loads(run("show", "UNTOC", "--as-of", "2007-01-01", "--format", "json"))
    assert list(data) == [
        "instrument",
        "as_of",
        "entry_into_force",
        "triggered_by",
        "signatories",
        "parties",
        "states",
        "notes",
        "listed_on",  # issue 9: as of which depositary list (none: this file was imported without --complete)
        "list_source",
        "warning",
    ]
    assert (data["listed_on"], data["list_source"], data["warning"]) == (None, "", None)
    assert data["instrument"] == "UNTOC" and data["as_of"] == "2007-01-01"
    assert data["entry_into_force"] == "2003-09-29"
    assert data["triggered_by"] is None  # only 7 of the 40 instruments are on file: the official date is used
    assert any("official date used" in note for note in data["notes"])
    assert (data["signatories"], data["parties"]) == (6, 7)
    switzerland = next(s for s in data["states"] if s["state"] == "CHE")
    assert switzerland == {
        "state": "CHE",
        "name": "Switzerland",
        "signature": "2000-12-12",
        "consent": {"kind": "ratification", "date": "2006-10-27"},
        "in_force": "2006-11-26",
        "explanation": switzerland["explanation"],
        "denounced": None,
        "party": True,
    }
    assert "30th day after deposit" in switzerland["explanation"] and "art. 38(2)" in switzerland["explanation"]
    ivory_coast = next(s for s in data["states"] if s["state"] == "CIV")
    assert ivory_coast["consent"] is None and ivory_coast["in_force"] is None
    names = [s["name"] for s in data["states"]]
    assert names == sorted(names, key=str.casefold)


def test_show_as_of_the_plans_target_date_counts_what_had_happened_by_then(imported):
    data = json.loads(run("show", "UNTOC", "--as-of", "2002-12-31", "--format", "json"))
    assert (data["signatories"], data["parties"]) == (6, 0)
    france = next(s for s in data["states"] if s["state"] == "FRA")
    assert france["consent"] == {"kind": "ratification", "date": "2002-10-29"}
    assert not any(s["state"] == "BOL" for s in data["states"])


def test_show_text_tells_a_reader_the_facts_and_each_state(imported):
    out = run("show", "untoc", "--as-of", "2002-12-31")
    assert out.startswith("UNTOC as of 2002-12-31\nEnters into force on 2003-09-29\nSignatories: 6   Parties: 0\n")
    assert "FRA  France" in out


def test_show_before_any_import_says_to_import(db):
    out = run("show", "UNTOC")
    assert "No status list has been imported yet: `viennaplan treaties import FILE.csv`" in out


def test_show_of_an_unknown_instrument_names_the_known_ones(db):
    with pytest.raises(CommandError, match="unknown instrument 'UNTOX'; known: UNTOC, TIP, SOM"):
        run("show", "UNTOX")


def test_show_needs_an_iso_date(db):
    with pytest.raises(CommandError, match="is not a date; write it as YYYY-MM-DD"):
        run("show", "UNTOC", "--as-of", "31/12/2002")


def test_instruments_lists_every_instrument_with_its_threshold_and_official_date(db):
    lines = run("instruments").splitlines()
    assert lines[0].startswith("UNTOC") and "40 instruments; in force 2003-09-29" in lines[0]
    assert any(line.startswith("TIP") and "Protocol to UNTOC" in line for line in lines)
    assert any(line.startswith("UNCAC") and "in force 2005-12-14" in line for line in lines)
