"""`viennaplan plan import|export|report` (the `plan` management command)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from sample_plan import store_sample

from viennaplan.plan.models import PlanVersion, Provision


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("plan", *args, stdout=out)
    return out.getvalue()


def test_import_without_a_file_imports_the_shipped_text_and_says_what_it_imported(without_plan):
    out = run("import")
    version = PlanVersion.objects.get()
    assert out.startswith(f"Imported plan version {version.pk}: ")
    paragraphs = version.provisions.filter(depth=0).count()
    assert f"{paragraphs} paragraphs" in out and f"{version.provisions.count()} provisions" in out
    assert "objectives" in out and "notes" in out and "see `viennaplan plan report`" in out
    assert version.source_name == settings.PLAN_SOURCE_FILE.name


def test_importing_the_same_text_again_says_nothing_changed(db):
    run("import")
    out = run("import", str(settings.PLAN_SOURCE_FILE))
    version = PlanVersion.objects.get()
    assert out.strip() == f"Already imported as version {version.pk}; nothing changed"


def test_import_records_the_symbol_it_is_given(without_plan):
    run("import", "--symbol", "E/CN.15/2001/4")
    assert PlanVersion.objects.get().symbol == "E/CN.15/2001/4"


def test_a_json_export_imports_into_an_empty_database_and_exports_the_same_bytes(db, tmp_path):
    run("import")
    exported = run("export", "--format", "json")
    PlanVersion.objects.all().delete()
    export_file = tmp_path / "plan.json"
    export_file.write_text(exported, encoding="utf-8")
    assert run("import", str(export_file)).startswith("Imported plan version")
    assert run("export", "--format", "json") == exported


def test_importing_an_export_of_an_imported_version_changes_nothing(db, tmp_path):
    run("import")
    export_file = tmp_path / "plan.json"
    export_file.write_text(run("export", "--format", "json"), encoding="utf-8")
    assert run("import", str(export_file)).startswith("Already imported as version")
    assert PlanVersion.objects.count() == 1


def test_export_json_writes_the_current_version_to_standard_output(db):
    version = store_sample()
    data = json.loads(run("export", "--format", "json"))
    assert data["plan"]["checksum"] == version.checksum
    assert data["paragraphs"][1]["items"][1]["items"][1]["citation"] == "57(k)(ii)"


def test_export_csv_writes_one_row_per_provision(db):
    version = store_sample()
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv"))))
    assert len(rows) == version.provisions.count()
    assert rows[5]["citation"] == "57(k)(ii)"


def test_export_akn_writes_valid_akoma_ntoso(db):
    from viennaplan.plan.exports.akn import validate_akn

    run("import")
    xml = run("export", "--format", "akn").encode("utf-8")
    assert xml.startswith(b"<?xml")
    assert validate_akn(xml) == []


def test_export_akn_refuses_to_write_an_invalid_document(db, monkeypatch):
    store_sample()
    monkeypatch.setattr("viennaplan.plan.exports.akn.validate_akn", lambda xml: ["line 3: element 'x' unexpected"])
    out = io.StringIO()
    with pytest.raises(CommandError, match="(?s)not valid against the schema.*element 'x' unexpected"):
        call_command("plan", "export", "--format", "akn", stdout=out)
    assert out.getvalue() == ""


def test_export_of_an_older_version_by_its_id(db):
    from sample_plan import revised, sample_document

    first = store_sample()
    store_sample(revised(sample_document()))
    data = json.loads(run("export", "--format", "json", "--version", str(first.pk)))
    assert data["plan"]["checksum"] == first.checksum


def test_export_of_an_unknown_version_names_the_versions_there_are(without_plan):
    version = store_sample()
    with pytest.raises(CommandError, match=rf"no plan version 999 \(versions: {version.pk}\)"):
        run("export", "--format", "csv", "--version", "999")


def test_export_before_any_import_says_to_import_first(without_plan):
    with pytest.raises(CommandError, match="run `viennaplan plan import` first"):
        run("export", "--format", "json")


def test_export_needs_a_known_format(db):
    with pytest.raises(CommandError, match="invalid choice: 'pdf'"):
        run("export", "--format", "pdf")


def test_report_prints_repairs_and_discarded_lines_with_line_numbers(without_plan):
    out = run("report")
    assert out.startswith(f"Import report of {settings.PLAN_SOURCE_FILE}")
    assert "Repairs (" in out and "Discarded (" in out
    assert "line " in out
    assert PlanVersion.objects.count() == 0  # the report parses; it does not import


def test_report_of_a_stored_version(db):
    version = store_sample()
    out = run("report", "--version", str(version.pk))
    assert f"Import report of plan version {version.pk}" in out
    assert "line   512  run-on-item" in out
    assert "page furniture: job number" in out and "a sample warning" in out


def test_a_subcommand_is_required(db):
    with pytest.raises(CommandError):
        run()


def test_the_command_fails_with_a_non_zero_exit_code_and_a_message(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["VIENNAPLAN_VAR_DIR"] = str(tmp_path)
    missing = tmp_path / "no-such-plan.txt"
    result = subprocess.run(
        [sys.executable, "-m", "viennaplan", "plan", "import", str(missing)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode != 0
    assert f"{missing}: no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_imported_plan_is_searchable_at_once(db):
    from viennaplan.plan.search import search_provisions

    run("import")
    version = PlanVersion.objects.get()
    found = {hit.provision.citation for hit in search_provisions("markings", version=version)}
    assert {"57(k)(ii)", "59(f)"} <= found
    assert Provision.objects.filter(version=version, path="57/k/ii").exists()
