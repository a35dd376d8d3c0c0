"""`viennaplan countries load|resolve`: the data files into the database, all or nothing."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from countries_sample import forget_registry
from django.core.management import call_command
from django.core.management.base import CommandError

from viennaplan.countries import registry
from viennaplan.countries.datafiles import DATA_DIR
from viennaplan.countries.models import (
    Country,
    CountryName,
    CountryStatus,
    OrganizationMembership,
    Predecessor,
    RegionalGroupMembership,
)

fresh_registry = pytest.fixture(autouse=True)(forget_registry)
MODELS = (Country, CountryName, CountryStatus, OrganizationMembership, Predecessor, RegionalGroupMembership)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("countries", *args, stdout=out)
    return out.getvalue()


def database_state() -> dict[str, list[tuple]]:
    """Every row of every country table, for before/after comparisons."""
    return {
        model.__name__: sorted(
            tuple(str(getattr(obj, f.attname)) for f in model._meta.concrete_fields if f.attname != "id")
            for obj in model.objects.all()
        )
        for model in MODELS
    }


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the shipped data folder that a test may break."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def edit_cell(folder: Path, file: str, key: str, column: str, value: str) -> int:
    """Set one cell of the row whose first cell is `key`; return the row's number as a
    spreadsheet shows it (header = row 1)."""
    path = folder / file
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    number = next(i for i, row in enumerate(rows, start=2) if row[fields[0]] == key)
    rows[number - 2][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return number


def test_the_test_database_has_the_countries_without_a_load(db):
    assert Country.objects.count() == 198
    assert Predecessor.objects.count() == 5
    assert RegionalGroupMembership.objects.count() > 193 and CountryStatus.objects.exists()


def test_loading_the_same_files_again_changes_nothing_and_says_so(db):
    before = database_state()
    out = run("load")
    assert out.startswith("Country data already up to date (198 countries, 5 former States,")
    assert out.strip().endswith("nothing changed")
    assert database_state() == before


def test_a_load_puts_back_a_row_changed_in_the_database(db):
    Country.objects.filter(alpha3="CHE").update(name_en="Helvetia")
    CountryName.objects.filter(name="Zaire").delete()
    out = run("load")
    assert "countries: 0 added, 1 changed, 0 removed" in out and "names: 1 added, 0 changed, 0 removed" in out
    assert Country.objects.get(alpha3="CHE").name_en == "Switzerland"
    assert run("load").strip().endswith("nothing changed")


def test_a_bad_date_changes_nothing_and_names_the_file_row_and_column(db, data_copy):
    edit_cell(data_copy, "countries.csv", "CHE", "name_en", "Helvetia")  # a good change in the same load
    row = edit_cell(data_copy, "country_status.csv", "BTN", "until", "2023-13-13")
    before = database_state()
    with pytest.raises(CommandError) as info:
        run("load", "--data-dir", str(data_copy))
    message = str(info.value)
    assert f"country_status.csv, row {row}, column 'until': '2023-13-13' is not a date (expected YYYY-MM-DD)" in message
    assert message.endswith("Nothing was changed.")
    assert database_state() == before
    assert Country.objects.get(alpha3="CHE").name_en == "Switzerland"


def test_an_unknown_code_is_refused(db, data_copy):
    row = edit_cell(data_copy, "names.csv", "Zaire", "resolves_to", "ZAR")
    with pytest.raises(CommandError, match=rf"names.csv, row {row}, column 'resolves_to': unknown code 'ZAR'"):
        run("load", "--data-dir", str(data_copy))


def test_a_duplicate_name_is_refused(db, data_copy):
    burma = edit_cell(data_copy, "names.csv", "Burma", "note", "the first Burma row")
    zaire = edit_cell(data_copy, "names.csv", "Zaire", "name", "Burma")
    later, earlier = max(zaire, burma), min(zaire, burma)
    expected = rf"names.csv, row {later}, column 'name': duplicate name 'Burma': row {earlier} has it"
    with pytest.raises(CommandError, match=expected):
        run("load", "--data-dir", str(data_copy))


def test_a_name_of_another_state_is_refused(db, data_copy):
    row = edit_cell(data_copy, "names.csv", "Zaire", "name", "Congo")
    with pytest.raises(CommandError, match=rf"row {row}, column 'name': 'Congo' is the UN name of COG"):
        run("load", "--data-dir", str(data_copy))


def test_every_problem_is_listed_not_only_the_first(db, data_copy):
    first = edit_cell(data_copy, "countries.csv", "CHE", "m49", "75X")
    second = edit_cell(data_copy, "regional_groups.csv", "FRA", "group", "european")
    third = edit_cell(data_copy, "eu_members.csv", "HRV", "left", "2010-01-01")
    with pytest.raises(CommandError) as info:
        run("load", "--data-dir", str(data_copy))
    message = str(info.value)
    assert message.startswith("3 problem(s) in the country data files:")
    assert f"countries.csv, row {first}, column 'm49': '75X' is not an M49 code (three digits)" in message
    assert f"regional_groups.csv, row {second}, column 'group': 'european' is not one of african," in message
    assert f"eu_members.csv, row {third}, column 'left': 2010-01-01 is before joined 2013-07-01" in message


def test_a_missing_column_or_file_is_refused(db, data_copy):
    text = (data_copy / "eu_members.csv").read_text(encoding="utf-8")
    (data_copy / "eu_members.csv").write_text(text.replace("state,joined,left,source", "state,joined,source"))
    (data_copy / "predecessors.csv").unlink()
    with pytest.raises(CommandError) as info:
        run("load", "--data-dir", str(data_copy))
    assert "eu_members.csv, row 1, column 'left': missing column(s) in the header row" in str(info.value)
    assert "predecessors.csv: no such file in" in str(info.value)


def test_a_file_that_is_not_utf8_text_is_refused_saying_where(db, data_copy):
    text = (data_copy / "names.csv").read_text(encoding="utf-8")
    (data_copy / "names.csv").write_bytes(text.encode("utf-8").replace(b"Zaire", b"Za\x00re"))
    (data_copy / "eu_members.csv").write_bytes("state,joined,left,source\nAUT,1995-01-01,,Côte\n".encode("latin-1"))
    with pytest.raises(CommandError) as info:
        run("load", "--data-dir", str(data_copy))
    offset = text.encode("utf-8").index(b"Zaire") + 2
    assert f"names.csv: binary file (byte {offset} is NUL)" in str(info.value)
    assert "eu_members.csv: not UTF-8 text (byte 42 is 0xf4)" in str(info.value)


def test_a_missing_folder_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="no such folder"):
        run("load", "--data-dir", str(tmp_path / "nowhere"))


def test_a_load_refreshes_the_cached_names(db, data_copy):
    assert registry.resolve_state("Switzerland") == "CHE"
    with (data_copy / "names.csv").open("a", encoding="utf-8") as handle:
        handle.write("Helvetia,CHE,,,Latin name\n")
    out = run("load", "--data-dir", str(data_copy))
    assert "names: 1 added, 0 changed, 0 removed" in out
    assert registry.resolve_state("helvetia") == "CHE"


def test_a_country_dropped_from_the_files_is_removed_with_its_rows(db, data_copy):
    lines = (data_copy / "countries.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (data_copy / "countries.csv").write_text("".join(line for line in lines if not line.startswith("NIU,")))
    for name in ("country_status.csv",):
        lines = (data_copy / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (data_copy / name).write_text("".join(line for line in lines if not line.startswith("NIU,")))
    out = run("load", "--data-dir", str(data_copy))
    assert "countries: 0 added, 0 changed, 1 removed" in out
    assert not Country.objects.filter(alpha3="NIU").exists()
    assert not CountryStatus.objects.filter(country_id="NIU").exists()


def test_resolve_prints_the_code_and_the_un_name(db):
    assert run("resolve", "cote d'ivoire") == "CIV\tCôte d'Ivoire\n"
    assert run("resolve", "Yugoslavia", "--on", "2001-06-01") == "YUG\tYugoslavia (Federal Republic of Yugoslavia)\n"


def test_resolve_of_an_unknown_name_suggests_close_ones(db):
    with pytest.raises(CommandError, match="did you mean 'Switzerland'"):
        run("resolve", "Swizerland")
    with pytest.raises(CommandError, match="--on '2001' is not a date"):
        run("resolve", "Yugoslavia", "--on", "2001")
