"""The depositary lists shipped in src/viennaplan/treaties/data/ (`viennaplan treaties load-shipped`):
loaded once, never over an operator's action, and every status told as of which list it is."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from viennaplan.treaties import shipped
from viennaplan.treaties.importer import ImportRefused, record_action
from viennaplan.treaties.listing import AsListed, as_listed
from viennaplan.treaties.models import DepositaryList, TreatyAction, TreatyImport
from viennaplan.treaties.overview import listing_of
from viennaplan.treaties.records import Action

COMPLETE = shipped.DATA_DIR / shipped.COMPLETE_FILE
PARTIAL = shipped.DATA_DIR / shipped.PARTIAL_FILE
UNTOC_LIST = date(2014, 1, 27)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("treaties", *args, stdout=out)
    return out.getvalue()


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


@pytest.fixture
def loaded(db):
    return run("load-shipped")


# -- the files ship in the package, with their README --------------------------------------------


def test_the_data_ships_inside_the_package_with_a_readme_that_counts_its_rows():
    package = Path(shipped.__file__).parent
    assert shipped.DATA_DIR == package / "data"
    readme = (shipped.DATA_DIR / "README.md").read_text(encoding="utf-8")
    for path in (COMPLETE, PARTIAL):
        count = len(rows(path))
        assert re.search(rf"`{path.name}` \| {count:,} \|", readme), path.name
    assert "../" not in readme  # it points to nothing outside the project


# -- loading ----------------------------------------------------------------------------------------


def test_load_shipped_records_both_files_and_one_list_per_instrument(loaded):
    assert TreatyAction.objects.count() == len(rows(COMPLETE)) + len(rows(PARTIAL)) == 1874
    complete = dict(DepositaryList.objects.filter(complete=True).values_list("instrument_id", "listed_on"))
    assert complete == {
        "UNTOC": date(2014, 1, 27),
        "TIP": date(2014, 1, 27),
        "SOM": date(2014, 7, 10),
        "FIREARMS": date(2014, 7, 10),
        "UNCAC": date(2014, 7, 10),
        "FINANCING1999": date(2014, 7, 10),
        "BOMBINGS1997": date(2014, 3, 19),
    }
    assert DepositaryList.objects.filter(complete=False).count() == 4  # UNTOC, SOM, FIREARMS, UNCAC
    assert "untc-status-2014.csv: 1868 rows; 1868 actions recorded, 7 depositary list(s) recorded" in loaded


def test_a_second_run_changes_nothing_and_says_so(loaded):
    before = (TreatyAction.objects.count(), TreatyImport.objects.count(), DepositaryList.objects.count())
    out = run("load-shipped")
    assert out.splitlines() == [
        "untc-status-2014.csv: already loaded (same file); nothing changed",
        "later-actions-partial.csv: already loaded (same file); nothing changed",
    ]
    assert (TreatyAction.objects.count(), TreatyImport.objects.count(), DepositaryList.objects.count()) == before


def test_rows_already_on_file_from_another_import_are_recognised_row_by_row(db):
    run("import", str(COMPLETE))  # an operator imported the same list by hand, without its dates
    out = run("load-shipped")
    assert "1868 already on file (skipped), 7 depositary list(s) recorded" in out
    assert "\n" in out and run("load-shipped").splitlines()[0].endswith("already on file (skipped); nothing changed")
    assert TreatyAction.objects.count() == 1874


def test_an_operators_action_of_the_same_kind_stands_and_the_shipped_row_is_left_out(db):
    # Switzerland ratified UNTOC on 27 Oct 2006 by the list; an operator recorded an accession on
    # another day, and a signature on another day: both stand, the shipped rows are left out.
    record_action(Action("CHE", "UNTOC", "signature", date(2000, 12, 13), source="operator"))
    record_action(Action("CHE", "UNTOC", "accession", date(2006, 10, 20), source="operator"))
    out = run("load-shipped")
    assert "2 left out (the action on file stands)" in out
    assert "CHE UNTOC ratification 2006-10-27 left out; the accession of 2006-10-20 on file stands" in out
    swiss = TreatyAction.objects.filter(state_id="CHE", instrument_id="UNTOC").order_by("date")
    assert [(a.kind, a.date, a.source) for a in swiss] == [
        ("signature", date(2000, 12, 13), "operator"),
        ("accession", date(2006, 10, 20), "operator"),
    ]
    assert TreatyAction.objects.filter(state_id="CHE", instrument_id="TIP").count() == 2  # others loaded


def test_an_identical_action_on_file_is_skipped_not_left_out(db):
    record_action(Action("CHE", "UNTOC", "ratification", date(2006, 10, 27), source="operator"))
    out = run("load-shipped")
    assert "1 already on file (skipped)" in out and "left out" not in out


def test_a_complete_list_whose_rows_disagree_on_its_date_is_refused_whole(db, tmp_path):
    (tmp_path / shipped.COMPLETE_FILE).write_text(
        "state,instrument,action,date,source\n"
        "Albania,UNTOC,signature,2000-12-12,list as captured 2014-01-27\n"
        "Austria,UNTOC,signature,2000-12-12,list as captured 2014-02-01\n"
        "Belgium,UNTOC,signature,2000-12-12,somewhere\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRefused) as refused:
        shipped.load_shipped(tmp_path)
    assert refused.value.errors == [
        "row 3: UNTOC captured 2014-02-01, other rows say 2014-01-27",
        "row 4: source 'somewhere' does not say when the list was captured",
    ]
    assert not TreatyAction.objects.exists() and not DepositaryList.objects.exists()


def test_a_complete_list_holds_no_action_dated_after_it(db, tmp_path):
    (tmp_path / shipped.COMPLETE_FILE).write_text(
        "state,instrument,action,date,source\n"
        "Albania,UNTOC,signature,2000-12-12,list as captured 2014-01-27\n"
        "Chile,TIP,signature,2002-11-08,list as captured 2001-01-01\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRefused) as refused:
        shipped.load_shipped(tmp_path)
    assert refused.value.errors == ["row 3: TIP signature 2002-11-08 is dated after the list (2001-01-01)"]
    assert not TreatyAction.objects.exists() and not DepositaryList.objects.exists()


def test_the_command_prints_a_refused_shipped_list_and_fails(db, monkeypatch, tmp_path):
    (tmp_path / shipped.COMPLETE_FILE).write_text(
        "state,instrument,action,date,source\nNowhere,UNTOC,signature,2000-12-12,as captured 2014-01-27\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(shipped, "DATA_DIR", tmp_path)
    with pytest.raises(CommandError, match="shipped list untc-status-2014.csv: 1 error"):
        run("load-shipped")


# -- as of which list -----------------------------------------------------------------------------


def test_the_warning_is_given_only_after_the_list_and_counts_the_partial_actions():
    lists = {"UNTOC": (UNTOC_LIST, "UNTC")}
    assert as_listed("UNTOC", date(2002, 12, 31), lists).warning is None
    assert as_listed("UNTOC", UNTOC_LIST, lists).warning is None
    assert as_listed("UNTOC", UNTOC_LIST, lists).sentence == "as listed by the depositary on 27 January 2014"
    later = as_listed("UNTOC", date(2014, 1, 28), lists, [date(2014, 11, 11)])
    assert later.later_actions == 0
    assert later.warning == (
        "Status as listed by the depositary on 27 January 2014; later actions are not included — "
        "import the current list to update."
    )
    partial = as_listed("UNTOC", date(2020, 1, 1), lists, [date(2014, 11, 11)])
    assert partial.later_actions == 1
    assert "1 later action from other depositary documents is counted, but the figures after 27 January 2014 " in (
        partial.warning or ""
    )
    assert as_listed("TIP", date(2020, 1, 1), lists) == AsListed("TIP", date(2020, 1, 1), None)
    assert as_listed("TIP", date(2020, 1, 1), lists).warning is None  # no list on file: nothing claimed


def test_the_partial_later_actions_count_only_after_the_list(loaded):
    from viennaplan.treaties.overview import status_of

    barbados = lambda day: next(s for s in status_of("UNTOC", day).states if s.state == "BRB")  # noqa: E731
    assert barbados(UNTOC_LIST).consent_date is None
    assert barbados(date(2020, 1, 1)).consent_date == date(2014, 11, 11)
    assert listing_of("UNTOC", date(2020, 1, 1)).later_actions == 1


def test_a_newer_complete_list_imported_by_an_operator_moves_the_date_on(loaded, tmp_path):
    newer = tmp_path / "untoc-2024.csv"
    newer.write_text("state,instrument,action,date\nBarbados,UNTOC,ratification,2014-11-11\n", encoding="utf-8")
    out = run("import", str(newer), "--complete", "--list-date", "2024-05-04")
    assert "1 depositary list(s) recorded" in out
    listing = listing_of("UNTOC", date(2020, 1, 1))
    assert (listing.listed_on, listing.source, listing.warning) == (date(2024, 5, 4), "untoc-2024.csv", None)
    assert listing_of("TIP", date(2020, 1, 1)).listed_on == date(2014, 1, 27)


def test_treaties_show_says_as_of_which_list_and_warns_after_it(loaded):
    before = run("show", "UNTOC", "--as-of", "2002-12-31")
    assert before.splitlines()[1] == "As listed by the depositary on 27 January 2014"
    assert "Warning" not in before
    after = run("show", "UNTOC", "--as-of", "2020-01-01")
    assert after.splitlines()[2].startswith("Warning: Status as listed by the depositary on 27 January 2014; ")


# -- pages and API ----------------------------------------------------------------------------------


WARNING = "later actions are not included — import the current list to update"
NOTICE = 'class="notice list-warning"'


def test_the_api_gives_the_list_and_the_warning_wherever_it_gives_status(client, loaded):
    def get(path: str, **params: str) -> dict:
        response = client.get(f"/api/treaties{path}", params)
        assert response.status_code == 200, response.content
        return response.json()

    at_target = get("/UNTOC/status", as_of="2002-12-31")
    assert (at_target["listed_on"], at_target["warning"]) == ("2014-01-27", None)
    assert at_target["list_source"].startswith("UN Treaty Collection, MTDSG XVIII-12, ")
    later = get("/UNTOC/status", as_of="2020-01-01")
    assert later["listed_on"] == "2014-01-27" and "figures after 27 January 2014 are incomplete" in later["warning"]
    tip = get("/TIP/states", as_of="2020-01-01")
    assert tip["listed_on"] == "2014-01-27" and WARNING in tip["warning"]
    assert get("/UNTOC", as_of="2020-01-01")["status"]["warning"] == later["warning"]
    summaries = {item["code"]: item["status"] for item in get("", as_of="2003-01-01")}
    assert summaries["SOM"]["listed_on"] == "2014-07-10" and summaries["SOM"]["warning"] is None
    assert summaries["DRUGS1988"]["listed_on"] is None
    panel = {line["instrument"]: line for line in get("/states/BRB", as_of="2020-01-01")["instruments"]}
    assert panel["UNTOC"]["warning"] == later["warning"]
    targets = get("/ratification-targets", as_of="2020-01-01")
    untoc = next(i for o in targets["objectives"] for i in o["instruments"] if i["instrument"] == "UNTOC")
    assert untoc["listed_on"] == "2014-01-27" and untoc["warning"] == later["warning"]


@pytest.mark.parametrize(
    "path",
    ["/treaties/UNTOC", "/treaties/", "/treaties/states/CHE", "/treaties/targets"],
)
def test_pages_say_as_of_which_list_and_warn_only_after_it(client, loaded, path):
    before = client.get(path, {"as_of": "2002-12-31"}).content.decode()
    after = client.get(path, {"as_of": "2020-01-01"}).content.decode()
    assert "27 Jan 2014" in before or "as listed by the depositary on 27 January 2014" in before
    assert WARNING not in before and "are incomplete" not in before and NOTICE not in before
    assert NOTICE in after and ("figures after 27 January 2014 are incomplete" in after or WARNING in after)


def test_the_chapter_panel_and_the_states_profile_warn(client, loaded, imported_plan):
    chapter = client.get("/plan/chapter/III").content.decode()
    assert "figures after 27 January 2014 are incomplete" in chapter and NOTICE in chapter
    profile = client.get("/reporting/states/CHE").content.decode()
    assert "As listed by the depositary on" in profile and "27 Jan 2014" in profile and NOTICE in profile
    answer = client.get("/api/reporting/progress/states/CHE").json()
    assert {line["instrument"]: line["listed_on"] for line in answer["treaties"]}["UNTOC"] == "2014-01-27"
