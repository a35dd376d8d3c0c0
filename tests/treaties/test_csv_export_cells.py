"""The treaty CSV export keeps every cell text in a spreadsheet (issue 7, defect 6), and imports back
exactly: a source the export wrote behind an apostrophe is read without it.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from django.core.management import call_command

from viennaplan.treaties import depositary
from viennaplan.treaties.importer import import_status_list
from viennaplan.treaties.models import TreatyAction
from viennaplan.treaties.records import Action

HOSTILE = ['=HYPERLINK("http://evil.example","click")', "@SUM(1)", "+1+1", "-1+1", "\t=1", "\r=1"]
STATES = ["ARG", "AUS", "AUT", "BEL", "BGR", "BRA", "CAN"]
HEADER = "state,instrument,action,date,source\n"


def exported_sources(text: str) -> list[str]:
    return [row["source"] for row in csv.DictReader(io.StringIO(text, newline=""))]


def test_a_hostile_source_imported_from_a_status_list_is_exported_behind_an_apostrophe(client, db):
    import_status_list(
        (HEADER + 'CHE,UNTOC,signature,2000-12-12,"=HYPERLINK(""http://evil.example"",""click"")"\n').encode(),
        source_name="list.csv",
    )
    response = client.get("/api/treaties/export.csv")
    assert exported_sources(response.content.decode()) == ['\'=HYPERLINK("http://evil.example","click")']


def test_every_hostile_source_is_neutralised_and_a_negative_number_left_alone(client, db):
    for state, source in zip(STATES, [*HOSTILE, "-12"], strict=True):
        TreatyAction.objects.create(
            state_id=state, instrument_id="UNTOC", kind="signature", date=date(2000, 12, 12), source=source
        )
    sources = exported_sources(client.get("/api/treaties/export.csv").content.decode())
    # a carriage return is written as a line feed, which the csv module quotes: the cell stays one cell
    assert sources == ["'" + source.replace("\r", "\n") for source in HOSTILE] + ["-12"]


def test_write_csv_passes_every_cell_through_the_rule():
    actions = [Action("CHE", "UNTOC", "signature", date(2000, 12, 12), source="@SUM(1)")]
    rows = list(csv.reader(io.StringIO(depositary.write_csv(actions))))
    assert rows[1] == ["CHE", "UNTOC", "signature", "2000-12-12", "'@SUM(1)"]


def test_export_then_import_gives_back_every_source_exactly(db, tmp_path):
    sources = ['=HYPERLINK("http://evil.example","click")', "@SUM(1)", "+1+1", "-1+1", "'=already quoted", "-12"]
    for state, source in zip(STATES, sources, strict=False):
        TreatyAction.objects.create(
            state_id=state, instrument_id="UNTOC", kind="signature", date=date(2000, 12, 12), source=source
        )
    out = io.StringIO()
    call_command("treaties", "export", stdout=out)
    TreatyAction.objects.all().delete()
    path = tmp_path / "export.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    call_command("treaties", "import", str(path), stdout=io.StringIO())
    assert sorted(TreatyAction.objects.values_list("source", flat=True)) == sorted(sources)
