"""Backup and restore of the configured database: the Django side of `files`, `sqlite` and `postgres`.

    make_backup(path, force=False) -> Written       the database into a file, checked
    check_backup(path) -> BackupInfo                 may this file be restored here? (nothing written)
    restore_backup(path) -> Restored                 replace the database, migrate, rebuild search

Restoring brings an older backup up to date (`migrate`) and rebuilds the full-text index, so the
restored database answers every page and search as the original did.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from . import postgres, sqlite
from .files import (
    ENGINE_NAMES,
    SQLITE,
    BackupError,
    BackupInfo,
    Contents,
    check_destination,
    check_engine,
    check_migrations,
    file_engine,
)


@dataclass(frozen=True)
class Written:
    path: Path
    size: int
    contents: Contents


@dataclass(frozen=True)
class Restored:
    backup: BackupInfo
    migrations_applied: list[str]
    indexed: int
    contents: Contents


def engine() -> str:
    vendor = connection.vendor
    if vendor not in ENGINE_NAMES:
        raise BackupError(_("backups support SQLite and PostgreSQL, not %(vendor)s") % {"vendor": vendor})
    return vendor


def database_label() -> str:
    db = connection.settings_dict
    if connection.vendor == SQLITE:
        return _("the SQLite database %(name)s") % {"name": db["NAME"]}
    return _("the PostgreSQL database %(name)s on %(host)s:%(port)s") % {
        "name": db["NAME"],
        "host": db.get("HOST") or "localhost",
        "port": db.get("PORT") or 5432,
    }


def database_file() -> Path | None:
    if connection.vendor != SQLITE or connection.is_in_memory_db():
        return None
    return Path(connection.settings_dict["NAME"])


def make_backup(path: Path, *, force: bool = False) -> Written:
    """Write a checked backup of the database into `path`; refuse to replace a file without `force`."""
    kind = engine()
    check_destination(path, force=force, database_file=database_file())
    if kind == SQLITE:
        connection.ensure_connection()
        marker = {
            "created_at": _now(),
            "viennaplan": _version(),
            "source": str(connection.settings_dict["NAME"]),
        }
        info = sqlite.backup(connection.connection, path, marker)
        contents = info.contents
    else:
        postgres.tool("pg_dump")  # say what to install before anything else
        _refuse_inside_transaction(_("a backup cannot run inside a database transaction"))
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            contents = count_contents()  # what the dump holds: it sees the same snapshot
            postgres.dump(connection.settings_dict, path, snapshot=snapshot)
    return Written(path=path, size=path.stat().st_size, contents=contents)


def check_backup(path: Path) -> BackupInfo:
    """Everything that can be checked before a restore writes anything."""
    kind = engine()
    found = file_engine(path)
    check_engine(path, found, kind)
    if database_file() is not None and path.resolve() == database_file().resolve():
        raise BackupError(_("%(path)s is the database itself, not a backup of it") % {"path": path})
    info = sqlite.inspect(path) if found == SQLITE else postgres.inspect(path)
    check_migrations(path, info.applied, known_migrations())
    return info


def restore_backup(path: Path) -> Restored:
    """Replace the whole database with the backup at `path`, migrate it and rebuild search."""
    from viennaplan.plan.search import rebuild_index

    info = check_backup(path)
    _refuse_inside_transaction(_("a restore cannot run inside a database transaction"))
    connections.close_all()
    if engine() == SQLITE:
        connection.ensure_connection()
        sqlite.restore(path, connection.connection)
    else:
        postgres.restore(connection.settings_dict, path)
    connections.close_all()  # nothing cached from the database that was replaced
    before = set(applied_migrations())
    call_command("migrate", database=DEFAULT_DB_ALIAS, interactive=False, verbosity=0)
    applied = [f"{app}.{name}" for app, name in applied_migrations() if (app, name) not in before]
    with transaction.atomic():
        indexed = rebuild_index()
    return Restored(backup=info, migrations_applied=applied, indexed=indexed, contents=count_contents())


def known_migrations() -> set[tuple[str, str]]:
    """Every migration this code has, applied or not."""
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def applied_migrations() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        return [(app, name) for app, name in cursor.fetchall()]


def count_contents() -> Contents:
    """Tables and rows of the database (SQLite: without the search index's own tables)."""
    if connection.vendor == SQLITE:
        connection.ensure_connection()
        return sqlite.contents(connection.connection)
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        rows = 0
        for table in tables:
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
            rows += cursor.fetchone()[0]
    return Contents(tables=len(tables), rows=rows)


def _refuse_inside_transaction(message: str) -> None:
    if connection.in_atomic_block:
        raise BackupError(message)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _version() -> str:
    try:
        return metadata.version("viennaplan")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"
