"""A plan import holds: a hollow JSON export is refused like a damaged text, the same plan
imported again (a CRLF copy, an export with another checksum) changes nothing, and a JSON file
too deep or too large is refused before it is parsed. Nothing is written when an import fails."""

from __future__ import annotations

import copy
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from viennaplan.plan.exports.json_format import MAX_CONTAINERS, MAX_DEPTH, dumps, parse_json
from viennaplan.plan.integrity import InconsistentPlanError, plan_checksum
from viennaplan.plan.loading import load_document
from viennaplan.plan.models import PlanVersion
from viennaplan.plan.parser import PlanFormatError, parse_plan
from viennaplan.plan.saving import import_plan_json, import_plan_text


def every_row_count() -> dict[str, int]:
    """Rows of every table of the plan app, history tables included."""
    return {
        model._meta.db_table: model._default_manager.count()
        for model in apps.get_app_config("plan").get_models(include_auto_created=True)
    }


@pytest.fixture
def export(imported_plan) -> dict:
    """The JSON export of the imported plan, as data to damage."""
    return json.loads(dumps(load_document(imported_plan)))


def import_file(path: Path) -> str:
    out = io.StringIO()
    call_command("plan", "import", str(path), stdout=out)
    return out.getvalue()


def refused(path: Path) -> str:
    with pytest.raises(CommandError) as raised:
        import_file(path)
    return str(raised.value)


# -- a hollow export is refused --------------------------------------------------------------


def test_a_hollow_json_export_is_refused_and_the_plan_is_still_served(client, export, tmp_path):
    before = every_row_count()
    export["paragraphs"] = []
    export["plan"]["checksum"] = "0" * 64
    hollow = tmp_path / "hollow.json"
    hollow.write_text(json.dumps(export), encoding="utf-8")

    message = refused(hollow)

    assert str(hollow) in message and "no numbered paragraphs" in message and "nothing was imported" in message
    assert every_row_count() == before
    assert PlanVersion.objects.count() == 1
    assert len(client.get("/api/plan/provisions").json()) > 0
    assert client.get("/plan/57/k/ii").status_code == 200


def _drop_chapter(data):
    del data["chapters"][5]


def _drop_objectives(data):
    for chapter in data["chapters"]:
        chapter["objectives"] = []
    for provision in _provisions(data["paragraphs"]):
        provision["objectives"], provision["objective"] = [], None


def _reverse_notes(data):
    data["notes"].reverse()


def _cite_a_missing_note(data):
    data["paragraphs"][3]["note_refs"].append(99)


def _drop_paragraph_57(data):
    del data["paragraphs"][56]


def _repeat_item_a(data):
    paragraph = data["paragraphs"][56]
    paragraph["items"].append(copy.deepcopy(paragraph["items"][0]))
    del paragraph["full_text"]


def _move_paragraph_into_another_chapter(data):
    data["paragraphs"][56]["chapter"] = "IX"
    for item in _provisions(data["paragraphs"][56]["items"]):
        item["chapter"] = "IX"


def _provisions(nodes):
    for node in nodes:
        yield node
        yield from _provisions(node["items"])


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_drop_chapter, r"chapter\(s\) VI not found"),
        (_drop_objectives, "chapter III states no objective"),
        (_reverse_notes, "note 51 comes first; notes must be numbered 1, 2, 3"),
        (_cite_a_missing_note, r"4 cites notes \[99\] that do not exist"),
        (_drop_paragraph_57, "paragraph 58 follows paragraph 56"),
        (_repeat_item_a, r"57\(a\) stands where 57\(m\) is expected"),
        (_move_paragraph_into_another_chapter, "chapter VI: its paragraphs 53, 54, 55, 56, 58, 59, …"),
    ],
    ids=["chapter-missing", "objectives-missing", "notes-out-of-order", "missing-note", "gap", "item-twice", "moved"],
)
def test_a_json_export_that_is_not_the_whole_plan_is_refused_saying_what_is_wrong(export, damage, message):
    before = every_row_count()
    damage(export)
    with pytest.raises(InconsistentPlanError, match=message):
        import_plan_json(export, source_name="damaged.json")
    assert every_row_count() == before


def test_the_text_and_the_json_are_refused_by_the_same_checks(plan_text):
    """A chapter without its objective is refused from the text as from the JSON."""
    without = plan_text.replace("Objective. To develop and promote domestic", "To develop and promote domestic")
    assert without != plan_text
    with pytest.raises(PlanFormatError, match="chapter X states no objective"):
        parse_plan(without)


# -- the same plan imported again changes nothing --------------------------------------------


def test_an_export_with_another_checksum_is_the_same_plan(imported_plan, export):
    before = every_row_count()
    export["plan"]["checksum"] = "f" * 64
    version, created = import_plan_json(export)
    assert (version.pk, created) == (imported_plan.pk, False)
    assert every_row_count() == before


def test_an_export_without_a_checksum_is_the_same_plan(imported_plan, export):
    del export["plan"]["checksum"]
    assert import_plan_json(export) == (imported_plan, False)


def test_an_edited_export_claiming_the_old_checksum_becomes_a_new_version_with_its_own(imported_plan, export):
    export["paragraphs"][56]["items"][10]["items"][1]["text"] += " (edited)"
    del export["paragraphs"][56]["full_text"], export["paragraphs"][56]["items"][10]["full_text"]
    del export["paragraphs"][56]["items"][10]["items"][1]["full_text"]
    version, created = import_plan_json(export)
    assert created and version.checksum != imported_plan.checksum
    assert version.checksum == plan_checksum(load_document(version))


@pytest.mark.parametrize(
    "copy_of",
    [
        lambda text: text.replace("\n", "\r\n"),
        lambda text: text.replace("\n", "\r"),
        lambda text: "\ufeff" + text.replace("\n", "\r\n"),
    ],
    ids=["crlf", "cr", "bom-crlf"],
)
def test_a_copy_of_the_shipped_text_with_other_line_endings_is_the_same_plan(imported_plan, plan_text, copy_of):
    before = every_row_count()
    version, created = import_plan_text(copy_of(plan_text))
    assert (version.pk, created) == (imported_plan.pk, False)
    assert every_row_count() == before


def test_a_crlf_copy_imported_from_a_file_says_nothing_changed(imported_plan, plan_text, tmp_path):
    crlf = tmp_path / "plan-crlf.txt"
    crlf.write_bytes(plan_text.replace("\n", "\r\n").encode("utf-8"))
    assert import_file(crlf).startswith(f"Already imported as version {imported_plan.pk}")
    assert PlanVersion.objects.count() == 1


def test_the_checksum_is_the_plans_content_whichever_way_it_came_in(imported_plan, plan_text):
    assert imported_plan.checksum == plan_checksum(load_document(imported_plan))
    assert parse_plan(plan_text.replace("\n", "\r\n")).checksum == imported_plan.checksum


def test_a_version_stored_under_an_older_checksum_is_recognised_by_its_content(imported_plan, export):
    PlanVersion.objects.filter(pk=imported_plan.pk).update(checksum="a" * 64)
    assert import_plan_json(export) == (imported_plan, False)


# -- too deep, too large, not storable -------------------------------------------------------


def test_deeply_nested_json_is_refused_before_parsing_with_a_clear_message():
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(ValueError, match=f"nested more than {MAX_DEPTH} deep: deeper than an export of the plan"):
        parse_json(deep)


def test_json_as_deep_as_an_export_is_parsed():
    deep = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert parse_json(deep) == json.loads(deep)


def test_brackets_inside_strings_do_not_count(export):
    export["notes"][0]["text"] = "[[[[{{{{" * 100_000 + ' \\" ]]'
    assert parse_json(json.dumps(export)) == export


def test_json_with_more_arrays_than_an_export_holds_is_refused_before_parsing():
    wide = "[" + "[], " * MAX_CONTAINERS + "[]]"
    with pytest.raises(ValueError, match=f"{MAX_CONTAINERS + 2:,} arrays and objects: more than an export"):
        parse_json(wide)


def test_a_deeply_nested_json_file_is_refused_by_the_command(db, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"plan": ' * 100_000 + "1" + "}" * 100_000)
    message = refused(deep)
    assert str(deep) in message and f"nested more than {MAX_DEPTH} deep" in message
    assert "nothing was imported" in message


def test_a_json_file_larger_than_an_export_can_be_is_refused_before_it_is_read(db, tmp_path, monkeypatch):
    monkeypatch.setattr("viennaplan.plan.exports.json_format.MAX_BYTES", 1_000)
    large = tmp_path / "large.json"
    large.write_text(json.dumps({"notes": ["x" * 2_000]}))
    message = refused(large)
    assert "2,015 bytes: larger than an export of the plan can be (at most 1,000 bytes)" in message


def test_a_text_file_larger_than_a_plan_can_be_is_refused_before_it_is_read(db, tmp_path, monkeypatch):
    monkeypatch.setattr("viennaplan.plan.exports.json_format.MAX_BYTES", 1_000)
    large = tmp_path / "large.txt"
    large.write_text("Background " * 200)
    assert "2,200 bytes: larger than the text of a plan can be (at most 1,000 bytes)" in refused(large)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d["chapters"][0].__setitem__("page", 10**12), r"chapters\[0\].page: expected a whole number"),
        (lambda d: d["chapters"][0].__setitem__("page", -1), r"chapters\[0\].page: expected a whole number"),
        (lambda d: d["plan"].__setitem__("symbol", "E/" * 40), "plan.symbol: 80 characters, at most 60"),
        (lambda d: d["notes"][0].__setitem__("text", "a\x00b"), r"notes\[0\].text: a NUL character"),
        (lambda d: d["notes"][1].__setitem__("text", "a\ud800"), r"notes\[1\].text: a lone surrogate"),
        (lambda d: d["paragraphs"][0].__setitem__("number", "1"), r"paragraphs\[0\].number: expected an integer"),
    ],
    ids=["huge-number", "negative", "long-symbol", "nul", "surrogate", "wrong-type"],
)
def test_values_the_database_cannot_store_are_refused_naming_the_field(export, damage, message):
    before = every_row_count()
    damage(export)
    with pytest.raises(ValueError, match=message):
        import_plan_json(export)
    assert every_row_count() == before


def test_the_command_exits_non_zero_with_one_line_and_no_traceback(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    result = subprocess.run(
        [sys.executable, "-m", "django", "plan", "import", str(deep)],
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "viennaplan.settings", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"CommandError: {deep}: nested more than {MAX_DEPTH} deep: deeper than an export of the plan can be; "
        "nothing was imported"
    ]
