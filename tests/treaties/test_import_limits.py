"""A status list that is wrong in ways a person does not see (issue 7, defect 8): actions dated in the
future, a field of megabytes, thousands of unknown States. Each is refused with its row, never a traceback,
and every bad row is counted. SYNTHETIC rows.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from viennaplan.countries.names import NameIndex
from viennaplan.treaties import depositary
from viennaplan.treaties.importer import ImportRefused, Resolver, import_status_list
from viennaplan.treaties.models import TreatyAction

HEADER = "state,instrument,action,date,source\n"


def refused(text: str, **options) -> list[str]:
    with pytest.raises(ImportRefused) as caught:
        import_status_list(text.encode("utf-8"), source_name="list.csv", **options)
    return caught.value.errors


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("treaties", *args, stdout=out)
    return out.getvalue()


# Dates after the list's date


def test_a_ratification_dated_after_today_is_refused_with_its_row(db):
    tomorrow = timezone.localdate() + timedelta(days=1)
    errors = refused(HEADER + f"CHE,UNTOC,signature,2000-12-12,s\nCHE,UNTOC,ratification,{tomorrow},s\n")
    assert errors == [
        f"row 3, column date ('{tomorrow}'): after today ({timezone.localdate()}): a status list records actions "
        "already taken; if the list is dated later, give its date (treaties import FILE --list-date YYYY-MM-DD)"
    ]
    assert TreatyAction.objects.count() == 0


def test_a_date_of_2099_is_refused_in_the_depositarys_style_too(db):
    errors = refused(HEADER + "CHE,UNTOC,consent,1 Jan 2099,s\n")
    assert errors[0].startswith("row 2, column date ('1 Jan 2099'): after today")


def test_the_list_date_accepts_actions_up_to_that_date_and_refuses_those_after_it(db):
    rows = HEADER + "CHE,UNTOC,signature,2000-12-12,s\nCHE,UNTOC,ratification,2099-01-01,s\n"
    outcome = import_status_list(rows.encode(), source_name="list.csv", list_date=date(2100, 1, 1))
    assert outcome.created == 2
    errors = refused(HEADER + "FRA,UNTOC,ratification,2100-01-02,s\n", list_date=date(2100, 1, 1))
    assert errors == [
        "row 2, column date ('2100-01-02'): after the list's date (2100-01-01): a status list records actions "
        "already taken"
    ]


def test_a_list_date_before_today_refuses_actions_after_it(db):
    errors = refused(HEADER + "CHE,UNTOC,signature,2000-12-12,s\n", list_date=date(2000, 12, 1))
    assert errors[0].startswith("row 2, column date ('2000-12-12'): after the list's date (2000-12-01)")


def test_the_command_takes_the_list_date(db, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(HEADER + "CHE,UNTOC,signature,2000-12-12,s\nCHE,UNTOC,ratification,2099-01-01,s\n")
    with pytest.raises(CommandError, match="after today"):
        run("import", str(path))
    assert run("import", str(path), "--list-date", "2100-01-01").startswith("list.csv: 2 rows; 2 actions recorded")


def test_a_json_export_with_a_future_date_is_refused_too(db):
    text = '{"format": "viennaplan-treaty-actions", "actions": [{"state": "CHE", "instrument": "UNTOC", '
    text += '"action": "signature", "date": "2099-01-01"}]}'
    errors = refused(text)
    assert errors[0].startswith("row 1, column date ('2099-01-01'): after today")


# A field of megabytes


def test_a_two_megabyte_field_is_refused_with_its_row_and_no_traceback(db):
    line = 'FRA,UNTOC,signature,2000-12-12,"' + "x" * (2 * 1024 * 1024) + '"'
    errors = refused(HEADER + "CHE,UNTOC,signature,2000-12-12,s\n" + line + "\n")
    assert errors == [
        f"row 3: {len(line):,} characters, more than a row of a status list holds (at most 20,000); is a closing "
        "quote missing, or is this not a status list?"
    ]


def test_the_command_prints_the_same_message_for_a_two_megabyte_field(db, tmp_path):
    path = tmp_path / "list.csv"
    line = "FRA,UNTOC,signature,2000-12-12," + "x" * (2 * 1024 * 1024)
    path.write_text(HEADER + line + "\n")
    with pytest.raises(CommandError) as caught:
        run("import", str(path))
    assert f"row 2: {len(line):,} characters, more than a row of a status list holds" in str(caught.value)
    assert "_csv.Error" not in str(caught.value) and "field larger than field limit" not in str(caught.value)


def test_a_header_of_megabytes_is_refused_with_its_row(db):
    header = "state,instrument,action,date,source," + "x" * 30_000
    errors = refused(header + "\nCHE,UNTOC,signature,2000-12-12\n")
    assert errors[0].startswith(f"row 1: {len(header):,} characters, more than a row of a status list holds")


def test_any_error_of_the_csv_reader_becomes_a_message_with_its_row(db):
    limit = csv.field_size_limit(10)  # the csv module's own limit, lowered so that it fires
    try:
        errors = refused(HEADER + "CHE,UNTOC,signature,2000-12-12,a source longer than ten\n")
    finally:
        csv.field_size_limit(limit)
    assert errors == ["row 2: not readable as CSV (field larger than field limit (10)); check the quotes of this row"]


def test_a_source_longer_than_what_is_kept_is_refused_rather_than_cut(db):
    errors = refused(HEADER + "CHE,UNTOC,signature,2000-12-12," + "s" * 301 + "\n")
    assert len(errors) == 1
    assert errors[0].startswith("row 2, column source ('ssss") and errors[0].endswith(": 301 characters; at most 300")


def test_a_long_value_is_shortened_in_the_message():
    error = depositary.RowError(7, "state", "Narnia " * 100, "unknown State")
    assert str(error) == f"row 7, column state ({('Narnia ' * 9)[:59] + '…'!r}): unknown State"


# Unknown States: every row reported, each name looked up once


def test_every_unknown_state_is_reported_with_its_row(db):
    rows = [f"Narnia {number % 150},UNTOC,signature,2000-12-12,s" for number in range(600)]
    rows[10] = "Swizerland,UNTOC,signature,2000-12-12,s"
    errors = refused(HEADER + "\n".join(rows) + "\n")
    assert len(errors) == 600
    assert errors[0].startswith("row 2, column state ('Narnia 0'): unknown State or organization 'Narnia 0'")
    assert errors[10] == (
        "row 12, column state ('Swizerland'): unknown State or organization 'Swizerland'; did you mean "
        "'Switzerland' or 'Eswatini' or 'Ireland'?"
    )
    assert errors[-1] == "row 601, column state ('Narnia 149'): unknown State or organization 'Narnia 149'"


def test_suggestions_are_looked_for_once_per_unknown_name_and_for_the_first_names_only(db, monkeypatch):
    calls: list[str] = []
    suggest = NameIndex.suggest
    monkeypatch.setattr(NameIndex, "suggest", lambda self, name, limit=3: calls.append(name) or suggest(self, name))
    rows = [f"Narnia {number % 300},UNTOC,signature,2000-12-12,s" for number in range(3000)]
    errors = refused(HEADER + "\n".join(rows) + "\n")
    assert len(errors) == 3000
    assert len(calls) == len(set(calls)) == Resolver.SUGGESTED_NAMES


def test_a_known_name_is_resolved_once_whatever_the_date(db, monkeypatch):
    calls: list[str] = []
    resolve = NameIndex.resolve
    monkeypatch.setattr(NameIndex, "resolve", lambda self, name, on=None: calls.append(name) or resolve(self, name, on))
    rows = ["Switzerland,UNTOC,signature,2000-12-12,s", "Switzerland,UNTOC,signature,2000-12-13,s"]
    rows.append("CHE,UNTOC,ratification,2006-10-27,s")
    with pytest.raises(ImportRefused):  # a second signature
        import_status_list((HEADER + "\n".join(rows) + "\n").encode(), source_name="list.csv")
    assert calls == ["Switzerland", "CHE"]


def test_a_name_that_meant_different_states_is_still_resolved_on_each_rows_date(db):
    rows = HEADER + "Yugoslavia,UNTOC,signature,2000-12-12,s\nSerbia and Montenegro,UNTOC,ratification,2003-06-01,s\n"
    outcome = import_status_list(rows.encode(), source_name="list.csv")
    assert outcome.created == 2
    assert set(TreatyAction.objects.values_list("state", flat=True)) == {"SRB"}


def test_the_command_shows_the_first_errors_and_counts_every_one(db, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(HEADER + "".join(f"Narnia {n},UNTOC,signature,2000-12-12,s\n" for n in range(450)))
    with pytest.raises(CommandError) as caught:
        run("import", str(path))
    message = str(caught.value)
    assert message.startswith(f"{path}: 450 errors; nothing was imported:\n")
    assert message.count("\n  row ") == 200
    assert message.endswith("\n  … and 250 more (--all-errors prints every one)")
    with pytest.raises(CommandError) as caught:
        run("import", str(path), "--all-errors")
    assert str(caught.value).count("\n  row ") == 450
