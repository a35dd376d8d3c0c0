"""Reading and writing the depositary's status lists (treaties/depositary.py): no database.

States are resolved by the shipped country data (the same names the importer uses); every file
here is synthetic (tests/treaties/data/README.md).
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from viennaplan.countries.datafiles import read_country_data
from viennaplan.treaties import depositary
from viennaplan.treaties.depositary import (
    DepositaryFormatError,
    action_kind,
    depositary_date,
    parse_date,
    to_json,
    write_csv,
)
from viennaplan.treaties.records import Action

DATA = Path(__file__).parent / "data"
INSTRUMENTS = ("UNTOC", "TIP", "SOM", "FIREARMS", "UNCAC")
HEADER = "state,instrument,action,date,source\n"


@cache
def index():
    return read_country_data().name_index()


def resolve(name: str, on: date | None) -> str:
    return index().resolve(name, on=on)


def parse(text: str):
    return depositary.parse(text, resolve_state=resolve, instruments=INSTRUMENTS, source_name="list.csv")


def errors_of(data: str | bytes) -> list[str]:
    with pytest.raises(DepositaryFormatError) as caught:
        depositary.parse(data, resolve_state=resolve, instruments=INSTRUMENTS, source_name="list.csv")
    return [str(error) for error in caught.value.errors]


def one(row: str) -> Action:
    (action,) = parse(HEADER + row + "\n").actions
    return action


# Dates and suffixes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2005-09-15", (date(2005, 9, 15), None)),
        ("15 Sep 2005", (date(2005, 9, 15), None)),
        ("15 September 2005", (date(2005, 9, 15), None)),
        ("5 Sept 2005", (date(2005, 9, 5), None)),
        ("15 Sep 2005 a", (date(2005, 9, 15), "a")),
        ("15 Sep 2005 A", (date(2005, 9, 15), "A")),
        ("15 Sep 2005 AA", (date(2005, 9, 15), "AA")),
        ("15 Sep 2005 d", (date(2005, 9, 15), "d")),
        ("15 Sep 2005 c", (date(2005, 9, 15), "c")),
        ("2005-09-15 AA", (date(2005, 9, 15), "AA")),
        ("  15   sep   2005  ", (date(2005, 9, 15), None)),
    ],
)
def test_dates_are_read_in_iso_and_the_depositarys_style_with_their_suffix(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("suffix", "kind"),
    [("a", "accession"), ("A", "acceptance"), ("AA", "approval"), ("d", "succession"), ("c", "formal_confirmation")],
)
def test_a_suffix_says_which_consent_when_the_action_column_says_only_consent_or_is_blank(suffix, kind):
    assert one(f"CHE,UNTOC,consent,15 Sep 2005 {suffix}").kind == kind
    assert one(f"CHE,UNTOC,,15 Sep 2005 {suffix}").kind == kind


def test_a_consent_date_without_a_suffix_is_a_ratification_as_in_the_depositarys_lists():
    assert one("CHE,UNTOC,consent,27 Oct 2006").kind == "ratification"
    assert one("CHE,UNTOC,,27 Oct 2006").kind == "ratification"


def test_a_suffix_that_agrees_with_the_action_column_is_accepted():
    assert one("CHE,UNTOC,accession,15 Sep 2005 a").kind == "accession"
    assert one("CHE,UNTOC,Formal Confirmation,15 Sep 2005 c").kind == "formal_confirmation"


@pytest.mark.parametrize(
    "word", ["signature", "Ratification", "ACCEPTANCE", "approval", "accession", "succession", "denunciation"]
)
def test_action_words_are_read_whatever_their_case(word):
    assert action_kind(word, None) == word.lower()


def test_suffixes_are_case_sensitive_a_is_accession_and_capital_a_acceptance():
    assert action_kind("", "a") == "accession"
    assert action_kind("", "A") == "acceptance"


# States: codes and the depositary's names, current and historical


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("CHE", "CHE"),
        ("che", "CHE"),
        ("Switzerland", "CHE"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("European Union", "EUU"),
        ("European Community", "EUU"),
        ("Serbia and Montenegro", "SCG"),
    ],
)
def test_states_are_named_by_code_or_by_the_depositarys_names_current_and_historical(written, code):
    day = "12 Dec 2000" if written not in {"Serbia and Montenegro"} else "2004-01-01"
    assert one(f'"{written}",UNTOC,signature,{day}').state == code


def test_the_synthetic_file_reads_every_row_with_its_row_number_and_source():
    parsed = parse((DATA / "synthetic_small.csv").read_text(encoding="utf-8"))
    assert parsed.rows == 15
    first = parsed.actions[0]
    assert (first.state, first.instrument, first.kind, first.date, first.row) == (
        "CHE",
        "UNTOC",
        "signature",
        date(2000, 12, 12),
        3,
    )
    assert first.source == "synthetic"
    kinds = {a.kind for a in parsed.actions}
    assert {"signature", "ratification", "approval", "succession", "accession"} <= kinds


def test_a_row_without_a_source_is_sourced_to_the_file_and_row():
    assert one("CHE,UNTOC,signature,12 Dec 2000").source == "list.csv, row 2"


def test_comment_lines_and_blank_lines_are_skipped_but_rows_keep_their_line_numbers():
    parsed = parse("# synthetic\n" + HEADER + "\nCHE,UNTOC,signature,12 Dec 2000\n")
    assert parsed.actions[0].row == 4


def test_a_note_column_is_kept_by_row():
    parsed = parse("state,instrument,action,date,note\nCHE,UNTOC,signature,12 Dec 2000,seen in C.N.1\n")
    assert parsed.row_notes == {2: "seen in C.N.1"}


# Errors: every bad row, with its row, column and reason


def test_every_bad_row_is_listed_with_its_row_column_and_reason():
    errors = errors_of((DATA / "synthetic_bad_rows.csv").read_text(encoding="utf-8"))
    assert errors == [
        "row 4, column state ('Atlantis'): " + errors[0].split("): ", 1)[1],
        "row 5, column instrument ('UNTOX'): " + errors[1].split("): ", 1)[1],
        "row 6, column action ('ratify'): " + errors[2].split("): ", 1)[1],
        "row 7, column date ('31 Feb 2003'): no such day (day is out of range for month)",
        "row 8, column date ('15 Sep 2005 a'): suffix 'a' means accession, but the action column says ratification",
        "row 9, column state: is empty",
    ]
    assert "unknown State or organization 'Atlantis'; did you mean" in errors[0]
    assert "did you mean UNTOC?" in errors[1]
    assert "unknown action" in errors[2] and "formal confirmation" in errors[2]


def test_an_unknown_state_comes_with_a_suggestion():
    (error,) = errors_of(HEADER + "Swizerland,UNTOC,signature,12 Dec 2000\n")
    assert error.startswith("row 2, column state ('Swizerland'): ")
    assert "Switzerland" in error


def test_a_bad_date_and_a_bad_state_on_one_row_are_both_reported():
    errors = errors_of(HEADER + "Atlantis,UNTOC,signature,12 Foo 2000\n")
    where = [e.split(":")[0] for e in errors]
    assert where == ["row 2, column date ('12 Foo 2000')", "row 2, column state ('Atlantis')"]
    assert "unknown month 'Foo'" in errors[0]


def test_an_unknown_suffix_is_refused_with_the_known_ones():
    (error,) = errors_of(HEADER + "CHE,UNTOC,,15 Sep 2005 x\n")
    assert "unknown suffix 'x'" in error and "AA approval" in error


def test_a_row_with_too_many_values_is_refused():
    (error,) = errors_of(HEADER + "CHE,UNTOC,signature,12 Dec 2000,synthetic,extra,more\n")
    assert error == "row 2: 7 values for 5 columns (a comma too many?)"


def test_an_empty_file_is_refused():
    (error,) = errors_of(b"")
    assert error == (
        "file: the file is empty; expected a header row state,instrument,action,date[,source][,note] "
        "and one row per action"
    )
    assert errors_of("# only a comment\n\n")[0].startswith("file: the file is empty")


def test_a_header_without_rows_is_refused():
    assert errors_of(HEADER) == ["file: the file has a header but no rows of actions"]


def test_a_binary_file_is_refused():
    (error,) = errors_of(b"PK\x03\x04\x00\x00binary")
    assert error == "file: binary file (byte 4 is NUL), expected a CSV text file"


def test_a_file_that_is_not_utf8_is_refused_with_the_byte():
    (error,) = errors_of("state,instrument,action,date\nCôte,UNTOC,signature,2000-12-12\n".encode("latin-1"))
    assert error.startswith("file: not UTF-8 text (byte 30 is 0xf4)")


def test_a_file_that_is_not_a_csv_is_refused():
    (error,) = errors_of("this is a letter, not a list\n")
    assert error.startswith("row 1 ('this is a letter, not a list'): the first row is not a header")
    (error,) = errors_of("CHE,UNTOC,signature,2000-12-12\n")
    assert "the first row is not a header; the file must start with state,instrument,action,date" in error
    (error,) = errors_of('[{"state": "CHE"}]')
    assert error == "row 1: this looks like JSON, not CSV; expected state,instrument,action,date[,source][,note]"
    (error,) = errors_of('{"actions": []}')  # an object is read as JSON, whatever the file's name
    assert error.startswith("file: not a viennaplan export of treaty actions")


def test_semicolons_instead_of_commas_are_named():
    (error,) = errors_of("state;instrument;action;date\nCHE;UNTOC;signature;2000-12-12\n")
    assert "separated by semicolons" in error


def test_a_wrong_header_names_the_unknown_and_the_missing_columns():
    errors = errors_of("country,instrument,action,day\nCHE,UNTOC,signature,2000-12-12\n")
    assert errors[0].startswith("row 1, column #1 ('country'): unknown column")
    assert "row 1, column #4 ('day'): unknown column" in errors[1]
    assert errors[2].startswith("row 1: missing columns state, date")


def test_a_misspelt_column_gets_a_suggestion():
    errors = errors_of("stat,instrument,action,date\nCHE,UNTOC,signature,2000-12-12\n")
    assert "did you mean 'state'?" in errors[0]


def test_a_missing_value_in_a_required_column_is_an_error_of_that_column():
    errors = errors_of(HEADER + "CHE,,signature,\n")
    assert errors == ["row 2, column instrument: is empty", "row 2, column date: is empty"]


def test_the_rows_that_were_read_well_travel_with_the_error_for_further_checks():
    with pytest.raises(DepositaryFormatError) as caught:
        parse(HEADER + "CHE,UNTOC,signature,12 Dec 2000\nAtlantis,UNTOC,signature,12 Dec 2000\n")
    assert [a.state for a in caught.value.parsed.actions] == ["CHE"]


# Writing: CSV and JSON, read back the same


def actions() -> list[Action]:
    return [
        Action("CHE", "UNTOC", "ratification", date(2006, 10, 27), "synthetic"),
        Action("CHE", "UNTOC", "signature", date(2000, 12, 12), "synthetic"),
        Action("EUU", "UNTOC", "formal_confirmation", date(2004, 5, 21), "synthetic, row 3"),
    ]


def test_write_csv_writes_the_import_format_sorted_with_iso_dates_and_action_words():
    assert write_csv(actions()) == (
        "state,instrument,action,date,source\n"
        "CHE,UNTOC,signature,2000-12-12,synthetic\n"
        "CHE,UNTOC,ratification,2006-10-27,synthetic\n"
        'EUU,UNTOC,formal confirmation,2004-05-21,"synthetic, row 3"\n'
    )


def test_a_csv_export_reads_back_as_the_same_actions():
    back = parse(write_csv(actions())).actions
    assert {(a.state, a.instrument, a.kind, a.date, a.source) for a in back} == {
        (a.state, a.instrument, a.kind, a.date, a.source) for a in actions()
    }


def test_the_json_export_is_stable_and_reads_back_as_the_same_actions():
    text = to_json(actions())
    assert text == to_json(list(reversed(actions())))
    data = json.loads(text)
    assert data["format"] == "viennaplan-treaty-actions" and data["version"] == 1
    assert data["actions"][0] == {
        "state": "CHE",
        "instrument": "UNTOC",
        "action": "signature",
        "date": "2000-12-12",
        "source": "synthetic",
    }
    back = depositary.parse(text, resolve_state=resolve, instruments=INSTRUMENTS, fmt="json").actions
    assert sorted((a.state, a.kind, a.date) for a in back) == sorted((a.state, a.kind, a.date) for a in actions())


def test_a_json_file_of_another_kind_is_refused():
    with pytest.raises(DepositaryFormatError, match="not a viennaplan export of treaty actions"):
        depositary.parse('{"format": "other"}', resolve_state=resolve, instruments=INSTRUMENTS, fmt="json")
    with pytest.raises(DepositaryFormatError) as caught:
        depositary.parse("{not json", resolve_state=resolve, instruments=INSTRUMENTS, fmt="json")
    assert "not valid JSON" in str(caught.value.errors[0])


def test_the_depositarys_date_style_carries_the_suffix():
    assert depositary_date(Action("BOL", "UNTOC", "accession", date(2005, 10, 10))) == "10 Oct 2005 a"
    assert depositary_date(Action("CHE", "UNTOC", "ratification", date(2006, 10, 27))) == "27 Oct 2006"
