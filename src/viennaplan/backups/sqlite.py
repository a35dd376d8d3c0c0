"""SQLite backups with the online backup API (`sqlite3.Connection.backup`), both ways.

- `backup(source, path, marker)` copies a live database page by page in one step, so the copy
  is one consistent snapshot even while the server writes (WAL: readers never wait, and the
  writer does not wait for the copy). The copy is written next to `path`, switched out of WAL
  mode (one self-contained file), marked with a `viennaplan_backup` table, checked (`inspect`),
  and only then moved into place; a failed backup leaves no file behind.
- `inspect(path)` opens a file read-only and checks it: PRAGMA integrity_check, the tables of a
  viennaplan database, our marker, and the migrations it records.
- `restore(path, dest)` copies a checked backup into the live database: first into memory (where
  the marker is dropped), then into `dest` in one write transaction. Readers see the old
  database until that transaction commits, then the restored one, never a mixture.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from pathlib import Path

from django.utils.translation import gettext as _

from .files import SQLITE, BackupError, BackupInfo, Contents, check_tables, partial_path

MARKER_TABLE = "viennaplan_backup"
FORMAT = "viennaplan-sqlite-backup/1"
LOCK_TIMEOUT = 60.0  # seconds a copy waits for a lock (a long write) before it gives up


class _Deadline:
    """A `progress` callback for Connection.backup that gives up when a lock is held too long.

    Python retries a busy or locked step without end; this stops it with a BackupError instead.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def __call__(self, status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > self.ends:
            raise BackupError(
                _("the database stayed locked for %(seconds)s s (a write in progress?)")
                % {"seconds": f"{self.seconds:.0f}"}
            )


def backup(source: sqlite3.Connection, path: Path, marker: dict[str, str]) -> BackupInfo:
    """Copy the database of `source` into `path` (replacing it), mark and check the copy."""
    partial = partial_path(path)
    partial.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(partial, isolation_level=None)) as dest:
            # pages=-1: every page in one step, under one read transaction
            source.backup(dest, progress=_Deadline(LOCK_TIMEOUT))
            dest.execute("PRAGMA journal_mode=DELETE")  # the copy inherits WAL; a backup is one file
            dest.execute(f"CREATE TABLE {MARKER_TABLE} (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            rows = {"format": FORMAT, **marker}
            dest.executemany(f"INSERT INTO {MARKER_TABLE} (name, value) VALUES (?, ?)", rows.items())
        info = inspect(partial)
        os.replace(partial, path)
    except sqlite3.Error as error:
        raise BackupError(
            _("%(path)s: the backup could not be written: %(error)s") % {"path": path, "error": error}
        ) from error
    finally:
        partial.unlink(missing_ok=True)
    info.path = path
    return info


def inspect(path: Path) -> BackupInfo:
    """Check a backup file without writing to it; BackupError saying what is wrong."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            problems = [row[0] for row in db.execute("PRAGMA integrity_check(10)")]
            if problems != ["ok"]:
                raise BackupError(
                    _("%(path)s: the SQLite file is damaged: %(problems)s")
                    % {"path": path, "problems": "; ".join(problems)}
                )
            tables = table_names(db)
            check_tables(path, tables)
            marked = db.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", [MARKER_TABLE]).fetchone()[0]
            if not marked:
                raise BackupError(
                    _(
                        "%(path)s: a SQLite database of viennaplan, but not a backup made by `viennaplan backup` "
                        "(it has no %(table)s table); make one with `viennaplan backup FILE`"
                    )
                    % {"path": path, "table": MARKER_TABLE}
                )
            marker = dict(db.execute(f"SELECT name, value FROM {MARKER_TABLE}").fetchall())
            if marker.get("format") != FORMAT:
                raise BackupError(
                    _("%(path)s: unknown backup format %(format)s (expected %(expected)s)")
                    % {"path": path, "format": repr(marker.get("format")), "expected": FORMAT}
                )
            applied = db.execute("SELECT app, name FROM django_migrations ORDER BY id").fetchall()
            held = contents(db, tables)
    except sqlite3.DatabaseError as error:
        raise BackupError(
            _("%(path)s: cannot be read as a SQLite database: %(error)s") % {"path": path, "error": error}
        ) from error
    return BackupInfo(path=path, engine=SQLITE, created_at=marker.get("created_at", ""), applied=applied, contents=held)


def restore(path: Path, dest: sqlite3.Connection) -> None:
    """Replace the whole database of `dest` with the backup at `path` (already `inspect`ed)."""
    try:
        with (
            closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as source,
            closing(sqlite3.connect(":memory:", isolation_level=None)) as staging,
        ):
            source.backup(staging)
            staging.execute(f"DROP TABLE {MARKER_TABLE}")
            # one write transaction on dest; waits (a while) for a writer to finish
            staging.backup(dest, progress=_Deadline(LOCK_TIMEOUT))
    except sqlite3.Error as error:
        raise BackupError(
            _("%(path)s: the restore failed, the database is unchanged: %(error)s") % {"path": path, "error": error}
        ) from error


def table_names(db: sqlite3.Connection) -> list[str]:
    """The tables of the database, without SQLite's own, full-text search tables and our marker."""
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    return [
        name
        for name, _sql in rows
        if not name.startswith("sqlite_")
        and name != MARKER_TABLE
        and not any(name == table or name.startswith(f"{table}_") for table in virtual)
    ]


def contents(db: sqlite3.Connection, tables: list[str] | None = None) -> Contents:
    names = [name for name in (table_names(db) if tables is None else tables) if name != MARKER_TABLE]
    rows = sum(db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names)
    return Contents(tables=len(names), rows=rows)
