"""What a backup file is, and what it holds: plain Python, shared by the SQLite and PostgreSQL paths.

A viennaplan backup is either a SQLite database written by `viennaplan backup` (it carries a
`viennaplan_backup` table, see `sqlite.py`) or a PostgreSQL custom-format dump (`pg_dump
--format=custom`, which starts with the bytes "PGDMP"). Anything else is refused with a message
that says what the file looks like instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from viennaplan.textfiles import looks_like_text

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
ENGINE_NAMES = {SQLITE: "SQLite", POSTGRESQL: "PostgreSQL"}
SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
# Tables every viennaplan database has; a file without them is not a backup of one.
REQUIRED_TABLES = ("django_migrations", "plan_planversion", "plan_provision")


class BackupError(Exception):
    """A backup cannot be made, read or restored; the message says why. Nothing was changed."""


@dataclass(frozen=True)
class Contents:
    """How much a database (or a backup of one) holds."""

    tables: int
    rows: int

    def describe(self) -> str:
        return f"{self.tables} tables, {self.rows:,} rows"


@dataclass
class BackupInfo:
    """What the checks of a backup file found in it."""

    path: Path
    engine: str  # SQLITE or POSTGRESQL
    created_at: str  # as recorded in the file
    applied: list[tuple[str, str]] = field(default_factory=list)  # (app, migration) rows of django_migrations
    contents: Contents | None = None  # known for SQLite backups

    def describe(self) -> str:
        held = f", {self.contents.describe()}" if self.contents else ""
        return f"{ENGINE_NAMES[self.engine]} backup made {self.created_at or 'at an unknown time'}{held}"


def file_engine(path: Path) -> str:
    """SQLITE or POSTGRESQL, from the first bytes of `path`; BackupError for anything else."""
    if not path.exists():
        raise BackupError(f"{path}: no such file")
    if path.is_dir():
        raise BackupError(f"{path}: is a directory, not a backup file")
    with path.open("rb") as stream:
        head = stream.read(len(SQLITE_MAGIC))
    if not head:
        raise BackupError(f"{path}: the file is empty; not a viennaplan backup")
    if head.startswith(SQLITE_MAGIC):
        return SQLITE
    if head.startswith(PGDUMP_MAGIC):
        return POSTGRESQL
    what = "a text file" if looks_like_text(head) else "a binary file"
    raise BackupError(
        f"{path}: not a viennaplan backup ({what}, neither a SQLite database nor a PostgreSQL "
        "custom-format dump); make backups with `viennaplan backup FILE`"
    )


def check_engine(path: Path, file_kind: str, database_kind: str) -> None:
    """Refuse a backup of one engine for a database of the other, saying how to move the data."""
    if file_kind == database_kind:
        return
    raise BackupError(
        f"{path} is a {ENGINE_NAMES[file_kind]} backup, but the database configured (DATABASE_URL) is "
        f"{ENGINE_NAMES[database_kind]}; a backup can only be restored into the engine it was made from. "
        "To move the data between engines, restore it into a database of its own engine, then "
        "`viennaplan dumpdata --natural-foreign -e contenttypes -e auth.permission "
        "-o data.json` there and `viennaplan migrate`, `viennaplan loaddata data.json`, "
        "`viennaplan search rebuild` on the other (see docs/backup.md)"
    )


def check_tables(path: Path, tables: Iterable[str]) -> None:
    missing = [name for name in REQUIRED_TABLES if name not in set(tables)]
    if missing:
        raise BackupError(f"{path}: not a backup of a viennaplan database (it has no table {', '.join(missing)})")


def unknown_migrations(applied: Iterable[tuple[str, str]], known: set[tuple[str, str]]) -> list[str]:
    """Migrations recorded in a backup that this code does not have (the backup is newer)."""
    return [f"{app}.{name}" for app, name in applied if (app, name) not in known]


def check_migrations(path: Path, applied: list[tuple[str, str]], known: set[tuple[str, str]]) -> None:
    newer = unknown_migrations(applied, known)
    if newer:
        listed = ", ".join(newer[:8]) + (f" and {len(newer) - 8} more" if len(newer) > 8 else "")
        raise BackupError(
            f"{path} was made by a newer viennaplan: its database has migrations this code does not know "
            f"({listed}); restore it with the version of viennaplan that made it, or a later one"
        )


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} bytes"  # pragma: no cover


def partial_path(path: Path) -> Path:
    """Where a backup is written before it is checked and moved into place (same directory)."""
    return path.with_name(f".{path.name}.partial")


def check_destination(path: Path, *, force: bool, database_file: Path | None) -> None:
    """Refuse to write a backup over the database itself, a directory or, without force, a file."""
    if database_file is not None and path.resolve() == database_file.resolve():
        raise BackupError(f"{path} is the database itself; write the backup to another file")
    if path.is_dir():
        raise BackupError(f"{path} is a directory; name the backup file, e.g. {path / 'viennaplan.backup'}")
    if not path.parent.is_dir():
        raise BackupError(f"{path}: the directory {path.parent} does not exist")
    if path.exists() and not force:
        raise BackupError(f"{path} exists already; choose another name or give --force to replace it")
