"""Bad input to the import gets a clear message and leaves the database exactly as it was."""

from __future__ import annotations

import io
import json

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from sample_plan import store_sample

from viennaplan.plan.parser import PlanFormatError
from viennaplan.plan.saving import import_plan_json, import_plan_text

PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6364f8cf00000301010018dd8db40000000049454e44ae426082"
)
LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
    "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris "
    "nisi ut aliquip ex ea commodo consequat.\n"
)


def every_row_count() -> dict[str, int]:
    """Rows of every table of the plan app, history tables included."""
    counts: dict[str, int] = {}
    for model in apps.get_app_config("plan").get_models(include_auto_created=True):
        counts[model._meta.db_table] = model._default_manager.count()
    return counts


@pytest.fixture
def database_with_a_plan(db):
    """A database that already holds a version, so that 'unchanged' means something."""
    store_sample()
    return every_row_count()


def import_file(path) -> str:
    with pytest.raises(CommandError) as raised:
        call_command("plan", "import", str(path), stdout=io.StringIO())
    return str(raised.value)


def truncated_plan() -> str:
    text = settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8")
    return text[: len(text) // 3]


def test_an_empty_file_is_refused_with_a_message_naming_it(database_with_a_plan, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    message = import_file(empty)
    assert str(empty) in message and "empty" in message and "expected the text of the Plans of Action" in message
    assert every_row_count() == database_with_a_plan


def test_a_file_of_blank_lines_is_refused_as_empty(database_with_a_plan, tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_text("\n   \n\t\n")
    assert "empty" in import_file(blank)
    assert every_row_count() == database_with_a_plan


def test_a_png_image_is_refused_as_binary(database_with_a_plan, tmp_path):
    image = tmp_path / "plan.png"
    image.write_bytes(PNG_BYTES)
    message = import_file(image)
    assert str(image) in message and "binary" in message
    assert every_row_count() == database_with_a_plan


def test_a_text_in_another_encoding_is_refused_saying_where(database_with_a_plan, tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Sécurité".encode("latin-1"))
    message = import_file(latin)
    assert "not UTF-8" in message and "byte 1" in message
    assert every_row_count() == database_with_a_plan


def test_lorem_ipsum_is_refused_as_not_the_plan(database_with_a_plan, tmp_path):
    lorem = tmp_path / "lorem.txt"
    lorem.write_text(LOREM)
    message = import_file(lorem)
    assert str(lorem) in message and "expected" in message and "nothing was imported" in message
    assert every_row_count() == database_with_a_plan


def test_a_truncated_plan_is_refused(database_with_a_plan, tmp_path):
    truncated = tmp_path / "truncated.txt"
    truncated.write_text(truncated_plan(), encoding="utf-8")
    message = import_file(truncated)
    assert str(truncated) in message and "nothing was imported" in message
    assert every_row_count() == database_with_a_plan


def test_a_missing_file_is_refused_naming_it(database_with_a_plan, tmp_path):
    message = import_file(tmp_path / "nowhere.txt")
    assert "nowhere.txt: no such file" in message
    assert every_row_count() == database_with_a_plan


def test_a_directory_is_refused(database_with_a_plan, tmp_path):
    assert "is a directory" in import_file(tmp_path)
    assert every_row_count() == database_with_a_plan


def test_broken_json_is_refused_with_its_line_and_column(database_with_a_plan, tmp_path):
    broken = tmp_path / "plan.json"
    broken.write_text('{\n  "format": "viennaplan-plan",\n  "plan": {\n')
    message = import_file(broken)
    assert "line 4, column 1" in message and "not valid JSON" in message
    assert every_row_count() == database_with_a_plan


def test_json_that_is_not_an_export_of_the_plan_is_refused_naming_the_field(database_with_a_plan, tmp_path):
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "viennaplan-plan", "version": 1, "chapters": []}))
    message = import_file(other)
    assert "not a JSON export of the plan" in message and "plan: missing" in message
    assert every_row_count() == database_with_a_plan


def test_a_json_list_is_refused(database_with_a_plan, tmp_path):
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2, 3]")
    assert "not a JSON export of the plan" in import_file(listed)
    assert every_row_count() == database_with_a_plan


@pytest.mark.parametrize(
    "text",
    ["", "   \n", LOREM, "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"],
    ids=["empty", "blank", "lorem-ipsum", "binary"],
)
def test_the_store_refuses_text_that_is_not_the_plan_before_writing_anything(database_with_a_plan, text):
    with pytest.raises(PlanFormatError):
        import_plan_text(text)
    assert every_row_count() == database_with_a_plan


def test_the_store_refuses_a_truncated_plan(database_with_a_plan):
    with pytest.raises(PlanFormatError):
        import_plan_text(truncated_plan())
    assert every_row_count() == database_with_a_plan


def test_the_store_refuses_a_malformed_json_document(database_with_a_plan):
    with pytest.raises(ValueError, match="plan: missing"):
        import_plan_json({"format": "viennaplan-plan", "version": 1})
    assert every_row_count() == database_with_a_plan
