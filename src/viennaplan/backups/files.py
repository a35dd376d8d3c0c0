"""What a backup file is, and what it holds: plain Python, shared by the SQLite and PostgreSQL paths.

A viennaplan backup is either a SQLite database written by `viennaplan backup` (it carries a
`viennaplan_backup` table, see `sqlite.py`) or a PostgreSQL custom-format dump (`pg_dump
--format=custom`, which starts with the bytes "PGDMP"). Anything else is refused with a message
that says what the file looks like instead. Its messages are translated (Django's translation
functions, the one part of Django loaded here).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

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
        return _("%(tables)s tables, %(rows)s rows") % {"tables": self.tables, "rows": f"{self.rows:,}"}


@dataclass
class BackupInfo:
    """What the checks of a backup file found in it."""

    path: Path
    engine: str  # SQLITE or POSTGRESQL
    created_at: str  # as recorded in the file
    applied: list[tuple[str, str]] = field(default_factory=list)  # (app, migration) rows of django_migrations
    contents: Contents | None = None  # known for SQLite backups

    def describe(self) -> str:
        given = {"engine": ENGINE_NAMES[self.engine], "when": self.created_at}
        if self.contents:
            given["contents"] = self.contents.describe()
            if self.created_at:
                return _("%(engine)s backup made %(when)s, %(contents)s") % given
            return _("%(engine)s backup made at an unknown time, %(contents)s") % given
        if self.created_at:
            return _("%(engine)s backup made %(when)s") % given
        return _("%(engine)s backup made at an unknown time") % given


def file_engine(path: Path) -> str:
    """SQLITE or POSTGRESQL, from the first bytes of `path`; BackupError for anything else."""
    if not path.exists():
        raise BackupError(_("%(path)s: no such file") % {"path": path})
    if path.is_dir():
        raise BackupError(_("%(path)s: is a directory, not a backup file") % {"path": path})
    with path.open("rb") as stream:
        head = stream.read(len(SQLITE_MAGIC))
    if not head:
        raise BackupError(_("%(path)s: the file is empty; not a viennaplan backup") % {"path": path})
    if head.startswith(SQLITE_MAGIC):
        return SQLITE
    if head.startswith(PGDUMP_MAGIC):
        return POSTGRESQL
    if looks_like_text(head):
        message = _(
            "%(path)s: not a viennaplan backup (a text file, neither a SQLite database nor a PostgreSQL "
            "custom-format dump); make backups with `viennaplan backup FILE`"
        )
    else:
        message = _(
            "%(path)s: not a viennaplan backup (a binary file, neither a SQLite database nor a PostgreSQL "
            "custom-format dump); make backups with `viennaplan backup FILE`"
        )
    raise BackupError(message % {"path": path})


def check_engine(path: Path, file_kind: str, database_kind: str) -> None:
    """Refuse a backup of one engine for a database of the other, saying how to move the data."""
    if file_kind == database_kind:
        return
    raise BackupError(
        _(
            "%(path)s is a %(file_engine)s backup, but the database configured (DATABASE_URL) is "
            "%(database_engine)s; a backup can only be restored into the engine it was made from. "
            "To move the data between engines, restore it into a database of its own engine, then "
            "`viennaplan dumpdata --natural-foreign -e contenttypes -e auth.permission "
            "-o data.json` there and `viennaplan migrate`, `viennaplan loaddata data.json`, "
            "`viennaplan search rebuild` on the other (see docs/backup.md)"
        )
        % {"path": path, "file_engine": ENGINE_NAMES[file_kind], "database_engine": ENGINE_NAMES[database_kind]}
    )


def check_tables(path: Path, tables: Iterable[str]) -> None:
    missing = [name for name in REQUIRED_TABLES if name not in set(tables)]
    if missing:
        raise BackupError(
            _("%(path)s: not a backup of a viennaplan database (it has no table %(tables)s)")
            % {"path": path, "tables": ", ".join(missing)}
        )


def unknown_migrations(applied: Iterable[tuple[str, str]], known: set[tuple[str, str]]) -> list[str]:
    """Migrations recorded in a backup that this code does not have (the backup is newer)."""
    return [f"{app}.{name}" for app, name in applied if (app, name) not in known]


def check_migrations(path: Path, applied: list[tuple[str, str]], known: set[tuple[str, str]]) -> None:
    newer = unknown_migrations(applied, known)
    if newer:
        listed = ", ".join(newer[:8])
        if len(newer) > 8:
            listed = _("%(listed)s and %(n)s more") % {"listed": listed, "n": len(newer) - 8}
        raise BackupError(
            _(
                "%(path)s was made by a newer viennaplan: its database has migrations this code does not know "
                "(%(listed)s); restore it with the version of viennaplan that made it, or a later one"
            )
            % {"path": path, "listed": listed}
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
        raise BackupError(_("%(path)s is the database itself; write the backup to another file") % {"path": path})
    if path.is_dir():
        raise BackupError(
            _("%(path)s is a directory; name the backup file, e.g. %(example)s")
            % {"path": path, "example": path / "viennaplan.backup"}
        )
    if not path.parent.is_dir():
        raise BackupError(
            _("%(path)s: the directory %(directory)s does not exist") % {"path": path, "directory": path.parent}
        )
    if path.exists() and not force:
        raise BackupError(
            _("%(path)s exists already; choose another name or give --force to replace it") % {"path": path}
        )
