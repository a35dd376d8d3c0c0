"""Importing status lists and recording actions (treaties/importer.py, store.py, models.py), and the
registry of instruments the actions point at.

All-or-nothing: a file with one bad row changes nothing and every bad row is listed; a row
already on file is skipped, so the same file twice changes nothing. Files are synthetic.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from viennaplan.treaties import store
from viennaplan.treaties.importer import ActionRefused, ImportRefused, import_status_list, record_action
from viennaplan.treaties.models import Instrument, TreatyAction, TreatyImport
from viennaplan.treaties.records import Action
from viennaplan.treaties.rules import INSTRUMENTS, family_of

DATA = Path(__file__).parent / "data"
SMALL = DATA / "synthetic_small.csv"
HEADER = "state,instrument,action,date,source\n"


def import_text(text: str, name: str = "list.csv"):
    return import_status_list(text.encode("utf-8"), source_name=name)


def counts() -> tuple[int, int, int]:
    return TreatyAction.objects.count(), TreatyAction.history.count(), TreatyImport.objects.count()


def refused_errors(text: str) -> list[str]:
    with pytest.raises(ImportRefused) as caught:
        import_text(text)
    return caught.value.errors


# The instrument table


def test_the_instrument_table_and_the_rules_in_code_agree_after_migrate(db):
    stored = list(Instrument.objects.order_by("position").values_list("code", "name", "short_name"))
    declared = [(rules.code, rules.name, rules.short_name) for rules in INSTRUMENTS.values()]
    assert stored == declared  # same codes, same names, same order
    assert [row.rules for row in Instrument.objects.all()] == list(INSTRUMENTS.values())


def test_sync_puts_back_a_name_changed_in_the_database(db):
    Instrument.objects.filter(code="UNTOC").update(short_name="Palermo Convention", position=99)
    store.sync_instruments()
    untoc = Instrument.objects.get(code="UNTOC")
    assert (untoc.short_name, untoc.position) == ("Organized Crime Convention", 1)


def test_a_protocol_points_at_its_convention():
    assert INSTRUMENTS["TIP"].parent == "UNTOC"
    assert family_of("TIP") == ["UNTOC", "TIP"]
    assert family_of("AIRPORTS1988") == ["MONTREAL1971", "AIRPORTS1988"]


# A good file


def test_a_status_list_is_imported_with_its_sources_in_one_batch(db):
    outcome = import_status_list(SMALL.read_bytes(), source_name=SMALL.name)
    assert (outcome.rows, outcome.created, outcome.skipped) == (15, 15, 0)
    assert TreatyAction.objects.count() == 15
    batch = TreatyImport.objects.get()
    assert (batch.source_name, batch.rows, batch.created) == ("synthetic_small.csv", 15, 15)
    assert set(TreatyAction.objects.values_list("batch", flat=True)) == {batch.pk}
    bolivia = TreatyAction.objects.get(state="BOL")
    assert (bolivia.kind, bolivia.date, bolivia.source) == ("accession", date(2005, 10, 10), "synthetic")


def test_former_states_are_recorded_for_the_state_that_continues_them_and_the_report_says_so(db):
    outcome = import_status_list(SMALL.read_bytes(), source_name=SMALL.name)
    serbia = TreatyAction.objects.filter(state="SRB", instrument="UNTOC").order_by("date")
    assert [(a.kind, a.date) for a in serbia] == [("signature", date(2000, 12, 12)), ("ratification", date(2003, 6, 1))]
    assert "'Yugoslavia' (YUG) is recorded for SRB, which continues its treaty relations" in outcome.notes
    assert "'Serbia and Montenegro' (SCG) is recorded for SRB, which continues its treaty relations" in outcome.notes


def test_turkey_and_turkiye_are_the_same_state(db):
    import_status_list(SMALL.read_bytes(), source_name=SMALL.name)
    assert set(TreatyAction.objects.filter(state="TUR").values_list("kind", flat=True)) == {"signature", "ratification"}


def test_the_european_community_is_recorded_as_the_european_union(db):
    import_status_list(SMALL.read_bytes(), source_name=SMALL.name)
    assert TreatyAction.objects.filter(state="EUU", kind="approval").exists()


def test_a_former_state_that_no_state_continues_is_refused_with_the_reason(db):
    (error,) = refused_errors(HEADER + "Czechoslovakia,DRUGS1988,signature,1989-01-01,synthetic\n")
    assert error.startswith("row 2, column state ('Czechoslovakia'): Czechoslovakia (CSK) is a former State")
    assert "record the successor States' own actions" in error


def test_a_consent_without_a_signature_on_file_is_imported_and_noted_in_the_report(db):
    outcome = import_text(HEADER + "CHE,UNTOC,ratification,2006-10-27,synthetic\n")
    assert outcome.created == 1
    assert any("no signature on file" in note for note in outcome.notes)


def test_every_action_imported_is_kept_in_history(db):
    import_status_list(SMALL.read_bytes(), source_name=SMALL.name)
    record = TreatyAction.history.filter(state="CHE", instrument="UNTOC", kind="ratification").get()
    assert record.history_type == "+"
    assert record.history_change_reason == "import of synthetic_small.csv"


# Idempotence


def test_the_same_file_twice_changes_nothing_the_second_time(db):
    import_status_list(SMALL.read_bytes(), source_name=SMALL.name)
    before = counts()
    outcome = import_status_list(SMALL.read_bytes(), source_name=SMALL.name)
    assert (outcome.created, outcome.skipped) == (0, 15)
    assert outcome.summary() == (
        "synthetic_small.csv: 15 rows; 0 actions recorded, 15 already on file (skipped); nothing changed"
    )
    assert counts() == before


def test_an_updated_list_adds_only_its_new_rows(db):
    import_status_list(SMALL.read_bytes(), source_name=SMALL.name)
    updated = SMALL.read_text(encoding="utf-8") + "Côte d'Ivoire,UNTOC,ratification,25 Oct 2007,synthetic\n"
    outcome = import_text(updated, "synthetic_updated.csv")
    assert (outcome.created, outcome.skipped) == (1, 15)
    assert TreatyAction.objects.filter(state="CIV", kind="ratification").exists()


def test_a_row_contradicting_what_is_on_file_is_a_second_consent_and_refused(db):
    import_status_list(SMALL.read_bytes(), source_name=SMALL.name)
    before = counts()
    (error,) = refused_errors(HEADER + "CHE,UNTOC,ratification,2007-01-01,synthetic\n")
    assert error.startswith("row 2: CHE UNTOC: ")
    assert "second" in error or "already" in error
    assert counts() == before


def test_a_row_repeated_in_one_file_is_refused(db):
    errors = refused_errors(HEADER + "CHE,UNTOC,signature,2000-12-12,x\nSwitzerland,UNTOC,signature,12 Dec 2000,y\n")
    assert errors == ["row 3: repeats row 2"]


# All or nothing


def test_a_bad_file_changes_nothing_and_lists_every_bad_row_in_order(db):
    import_text(HEADER + "DEU,UNTOC,signature,2000-12-12,synthetic\n")
    before = counts()
    with pytest.raises(ImportRefused) as caught:
        import_status_list((DATA / "synthetic_bad_rows.csv").read_bytes(), source_name="synthetic_bad_rows.csv")
    assert counts() == before
    errors = caught.value.errors
    rows = [int(error.split(",")[0].split(":")[0].removeprefix("row ")) for error in errors]
    assert rows == sorted(rows)
    assert rows == [4, 5, 6, 7, 8, 9, 10]
    # row 10 is well formed but the engine refuses it: France is not a party to the Convention
    assert errors[-1].startswith("row 10: FRA TIP: ")
    assert str(caught.value) == "synthetic_bad_rows.csv: 7 error(s); nothing was imported"


def test_one_bad_row_at_the_end_of_a_good_file_refuses_the_whole_file(db):
    text = SMALL.read_text(encoding="utf-8") + "DEU,UNTOC,signature,2003-01-01,too late\n"
    errors = refused_errors(text)
    assert len(errors) == 1 and errors[0].startswith("row 18: DEU UNTOC: signature on 1 Jan 2003")
    assert counts() == (0, 0, 0)


def test_a_protocol_and_its_convention_deposited_the_same_day_are_accepted(db):
    outcome = import_text(
        HEADER + "DEU,TIP,ratification,2005-06-14,synthetic\nDEU,UNTOC,ratification,2005-06-14,synthetic\n"
    )
    assert outcome.created == 2


def test_a_file_that_is_not_a_status_list_is_refused_before_anything_else(db):
    with pytest.raises(ImportRefused) as caught:
        import_status_list(b"\x89PNG\r\n\x1a\n\x00\x00", source_name="picture.png")
    assert caught.value.errors == ["file: binary file (byte 8 is NUL), expected a CSV text file"]


def test_a_json_export_imports_into_an_empty_database(db):
    from viennaplan.treaties import depositary

    import_status_list(SMALL.read_bytes(), source_name=SMALL.name)
    exported = depositary.to_json(store.load_actions())
    TreatyAction.objects.all().delete()
    outcome = import_status_list(exported.encode("utf-8"), source_name="export.json")
    assert outcome.created == 15
    assert depositary.to_json(store.load_actions()) == exported


# One action typed by hand


def test_an_action_typed_by_hand_is_validated_like_an_imported_one(db):
    with pytest.raises(ActionRefused) as caught:
        record_action(Action("FRA", "TIP", "ratification", date(2003, 1, 1)))
    assert caught.value.errors and "FRA TIP" in caught.value.errors[0]
    row, notes = record_action(Action("FRA", "UNTOC", "ratification", date(2002, 10, 29), "C.N.1"))
    assert row.state_id == "FRA" and any("no signature on file" in note for note in notes)


def test_an_action_already_on_file_cannot_be_typed_again(db):
    record_action(Action("FRA", "UNTOC", "signature", date(2000, 12, 12)))
    with pytest.raises(ActionRefused, match="already on file"):
        record_action(Action("FRA", "UNTOC", "signature", date(2000, 12, 12)))


def test_editing_an_action_is_kept_in_history(db):
    row, _ = record_action(Action("FRA", "UNTOC", "signature", date(2000, 12, 12)))
    row.source = "C.N.12.2000.TREATIES-1"
    row.save()
    assert [h.history_type for h in row.history.order_by("history_id")] == ["+", "~"]


def test_the_admin_form_refuses_what_the_engine_refuses(db):
    from viennaplan.treaties.admin import ActionForm

    form = ActionForm(data={"state": "FRA", "instrument": "TIP", "kind": "ratification", "date": "2003-01-01"})
    assert not form.is_valid()
    assert "FRA TIP" in " ".join(form.non_field_errors())
    good = ActionForm(data={"state": "FRA", "instrument": "UNTOC", "kind": "signature", "date": "2000-12-12"})
    assert good.is_valid(), good.errors


def test_the_admin_lists_the_registry_with_the_rules_read_from_code(admin_client):
    page = admin_client.get("/admin/treaties/instrument/")
    assert page.status_code == 200
    text = page.content.decode()
    row = text[text.index("Trafficking in Persons Protocol") :][:2000]
    assert "UNTOC" in row and ">40<" in row  # its parent and threshold, from treaties/rules.py
    tip = Instrument.objects.get(code="TIP")
    assert admin_client.get(f"/admin/treaties/instrument/{tip.pk}/change/").status_code == 200
