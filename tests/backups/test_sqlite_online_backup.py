"""The SQLite backup itself (backups/sqlite.py), on database files of its own: one consistent
snapshot while another connection keeps writing, one self-contained file, nothing left on failure."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from viennaplan.backups import sqlite
from viennaplan.backups.files import BackupError, partial_path

SCHEMA = """
CREATE TABLE django_migrations (id INTEGER PRIMARY KEY, app TEXT, name TEXT, applied TEXT);
CREATE TABLE plan_planversion (id INTEGER PRIMARY KEY);
CREATE TABLE plan_provision (id INTEGER PRIMARY KEY);
CREATE TABLE debit (id INTEGER PRIMARY KEY, amount INTEGER);
CREATE TABLE credit (id INTEGER PRIMARY KEY, amount INTEGER);
INSERT INTO django_migrations (app, name, applied) VALUES ('plan', '0001_initial', '2001-01-01');
"""


def live_database(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(SCHEMA)
    return db


def counts(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT (SELECT count(*) FROM debit), (SELECT count(*) FROM credit)").fetchone()


def test_a_backup_taken_while_another_connection_writes_is_one_consistent_snapshot(tmp_path):
    live = tmp_path / "live.sqlite3"
    source = live_database(live)
    stop = threading.Event()
    written = []

    def write_pairs() -> None:  # every transaction writes one debit and one credit
        writer = sqlite3.connect(live, isolation_level=None, timeout=30)
        while not stop.is_set():
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("INSERT INTO debit (amount) VALUES (1)")
            writer.execute("INSERT INTO credit (amount) VALUES (1)")
            writer.execute("COMMIT")
            written.append(1)
        writer.close()

    thread = threading.Thread(target=write_pairs)
    thread.start()
    try:
        snapshots = []
        for number in range(5):
            deadline = time.monotonic() + 60
            while len(written) < 200 * (number + 1):
                assert thread.is_alive() and time.monotonic() < deadline, "the writer stopped writing"
                stop.wait(0.01)
            backup = tmp_path / f"backup-{number}.sqlite3"
            sqlite.backup(source, backup, {"created_at": "now"})
            snapshots.append(counts(backup))
    finally:
        stop.set()
        thread.join()
    assert all(debits == credits for debits, credits in snapshots), snapshots
    assert snapshots == sorted(snapshots) and snapshots[0][0] >= 200  # the writer went on meanwhile


def test_the_backup_is_one_self_contained_file_marked_as_ours(tmp_path):
    source = live_database(tmp_path / "live.sqlite3")
    backup = tmp_path / "backup.sqlite3"
    info = sqlite.backup(source, backup, {"created_at": "2001-04-17 10:00:00 UTC"})
    assert backup.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL: no -wal file needed
    assert not Path(f"{backup}-wal").exists() and not partial_path(backup).exists()
    assert info.created_at == "2001-04-17 10:00:00 UTC" and info.applied == [("plan", "0001_initial")]
    assert sqlite.inspect(backup).contents.describe() == "5 tables, 1 rows"


def test_a_backup_of_a_database_that_is_not_viennaplans_leaves_no_file_behind(tmp_path):
    other = sqlite3.connect(tmp_path / "other.sqlite3")
    other.execute("CREATE TABLE notes (text TEXT)")
    backup = tmp_path / "backup.sqlite3"
    with pytest.raises(BackupError, match="not a backup of a viennaplan database.*django_migrations"):
        sqlite.backup(other, backup, {})
    assert not backup.exists() and not partial_path(backup).exists()


def test_a_restore_replaces_the_whole_database_and_drops_our_marker(tmp_path):
    source = live_database(tmp_path / "live.sqlite3")
    source.execute("INSERT INTO debit (amount) VALUES (7)")
    backup = tmp_path / "backup.sqlite3"
    sqlite.backup(source, backup, {})
    source.execute("INSERT INTO debit (amount) VALUES (8)")
    source.execute("CREATE TABLE added_later (id INTEGER)")
    reader = sqlite3.connect(tmp_path / "live.sqlite3")
    sqlite.restore(backup, source)
    assert reader.execute("SELECT amount FROM debit").fetchall() == [(7,)]
    tables = {name for (name,) in reader.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "added_later" not in tables and sqlite.MARKER_TABLE not in tables
    assert source.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_backup_gives_up_with_a_message_when_the_database_stays_locked(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite, "LOCK_TIMEOUT", 0.5)
    live = tmp_path / "live.sqlite3"
    source = live_database(live)
    source.execute("PRAGMA journal_mode=DELETE")  # without WAL a writer's exclusive lock shuts readers out
    holder = sqlite3.connect(live, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    backup = tmp_path / "backup.sqlite3"
    with pytest.raises(BackupError, match="stayed locked for 0 s"):
        sqlite.backup(source, backup, {})
    holder.execute("ROLLBACK")
    assert not backup.exists() and not partial_path(backup).exists()
