"""What `viennaplan backup` and `viennaplan restore` refuse, and that a refusal says why and writes nothing."""

from __future__ import annotations

import io
import sqlite3

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from viennaplan.backups import postgres
from viennaplan.backups.files import BackupError, check_migrations

SQLITE = connection.vendor == "sqlite"
only_sqlite = pytest.mark.skipif(not SQLITE, reason="a SQLite backup of the test database is made in process")


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def sqlite_backup(transactional_db, imported_plan, tmp_path):
    """A backup of the test database (outside a test transaction: the copy would wait for it)."""
    path = tmp_path / "viennaplan.backup"
    run("backup", str(path))
    return path


def test_a_backup_is_not_written_over_an_existing_file_without_force(db, tmp_path):
    existing = tmp_path / "kept.backup"
    existing.write_text("an earlier backup")
    with pytest.raises(CommandError, match="kept.backup exists already; .*--force.*no backup was written"):
        run("backup", str(existing))
    assert existing.read_text() == "an earlier backup"


@only_sqlite
def test_a_backup_with_force_replaces_the_file_and_says_what_it_wrote(transactional_db, imported_plan, tmp_path):
    existing = tmp_path / "kept.backup"
    existing.write_text("an earlier backup")
    out = run("backup", str(existing), "--force")
    assert out.startswith(f"Wrote {existing}: ") and " tables, " in out and " rows from the SQLite database" in out
    assert existing.read_bytes().startswith(b"SQLite format 3\x00")


def test_a_backup_into_a_missing_directory_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="the directory .*nowhere does not exist"):
        run("backup", str(tmp_path / "nowhere" / "viennaplan.backup"))


def test_restoring_a_missing_file_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="absent.backup: no such file; nothing was restored"):
        run("restore", str(tmp_path / "absent.backup"), "--yes")


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "the file is empty"),
        (b"state,instrument,action\nCHE,UNTOC,signature\n", "not a viennaplan backup \\(a text file"),
        (bytes(range(256)), "not a viennaplan backup \\(a binary file"),
    ],
    ids=["empty", "text", "binary"],
)
def test_restoring_a_file_that_is_not_a_backup_is_refused(db, tmp_path, content, said):
    path = tmp_path / "not.backup"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=f"{said}.*nothing was restored"):
        run("restore", str(path), "--yes")


@only_sqlite
def test_restoring_a_sqlite_database_that_is_not_viennaplans_is_refused(db, tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE notes (text TEXT)")
    with pytest.raises(CommandError, match="not a backup of a viennaplan database .*django_migrations"):
        run("restore", str(path), "--yes")


@only_sqlite
def test_restoring_a_viennaplan_database_not_made_by_backup_is_refused(sqlite_backup):
    with sqlite3.connect(sqlite_backup) as copy:
        copy.execute("DROP TABLE viennaplan_backup")
    with pytest.raises(CommandError, match="not a backup made by `viennaplan backup`"):
        run("restore", str(sqlite_backup), "--yes")


@only_sqlite
def test_restoring_a_damaged_backup_is_refused(sqlite_backup):
    data = bytearray(sqlite_backup.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 8192] = b"\xff" * 8192
    sqlite_backup.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="damaged|cannot be read as a SQLite database"):
        run("restore", str(sqlite_backup), "--yes")


@only_sqlite
def test_restoring_a_backup_made_by_a_newer_viennaplan_is_refused(sqlite_backup):
    with sqlite3.connect(sqlite_backup) as copy:
        copy.execute("INSERT INTO django_migrations (app, name, applied) VALUES ('plan', '0099_future', '2030-01-01')")
    with pytest.raises(CommandError, match="made by a newer viennaplan.*plan.0099_future"):
        run("restore", str(sqlite_backup), "--yes")


@only_sqlite
def test_restoring_without_yes_asks_and_without_a_terminal_refuses(sqlite_backup):
    with pytest.raises(CommandError, match="Replace every record in the SQLite database .*Give --yes to confirm"):
        run("restore", str(sqlite_backup))


def test_a_backup_of_the_other_engine_is_refused_with_the_way_to_move_data(db, tmp_path):
    path = tmp_path / "other-engine.backup"
    if SQLITE:
        path.write_bytes(b"PGDMP\x01\x0f\x00" + bytes(64))
        said = "is a PostgreSQL backup, but the database configured .* is SQLite"
    else:
        with sqlite3.connect(path) as other:
            other.execute("CREATE TABLE django_migrations (id INTEGER)")
        said = "is a SQLite backup, but the database configured .* is PostgreSQL"
    with pytest.raises(CommandError, match=f"{said}.*dumpdata.*loaddata.*search rebuild"):
        run("restore", str(path), "--yes")


def test_missing_postgresql_tools_are_named_with_what_to_install(db, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupError, match="pg_dump was not found on PATH.*apt-get install postgresql-client"):
        postgres.tool("pg_dump")
    if not SQLITE:
        with pytest.raises(CommandError, match="pg_dump was not found on PATH"):
            run("backup", str(tmp_path / "viennaplan.backup"))
        assert not (tmp_path / "viennaplan.backup").exists()


def test_a_backup_naming_only_known_migrations_passes_the_version_check(tmp_path):
    known = {("plan", "0001_initial"), ("plan", "0002_provision_search")}
    check_migrations(tmp_path, [("plan", "0001_initial")], known)  # older: migrate brings it up to date
    with pytest.raises(BackupError, match="plan.0003_later"):
        check_migrations(tmp_path, [("plan", "0001_initial"), ("plan", "0003_later")], known)
