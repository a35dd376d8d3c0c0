"""PostgreSQL backups with the client tools: pg_dump, pg_restore and psql (Debian: postgresql-client).

- `dump(db, path, snapshot)` runs `pg_dump --format=custom` with the connection of `db` (the
  Django settings of the database; the password travels in PGPASSWORD, never on a command line).
  With `snapshot` (from `pg_export_snapshot()`) the dump sees exactly what the caller counted.
  The dump is written next to `path`, checked with `pg_restore --list`, then moved into place.
- `inspect(path)` checks a dump without a database: it must list viennaplan's tables; the
  migrations it records are read from its django_migrations data.
- `restore(db, path)` turns the dump into SQL (`pg_restore --clean --if-exists --no-owner
  --no-acl`) and runs it with psql in ONE transaction, after dropping every table of the
  schema (so that tables newer than the backup do not survive it). If anything fails the
  transaction is rolled back and the database is as it was; readers see the old data until
  the commit.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .files import POSTGRESQL, BackupError, BackupInfo, check_tables, partial_path

INSTALL_HINT = gettext_lazy(
    "install the PostgreSQL client tools, of the server's major version or later "
    "(Debian/Ubuntu: apt-get install postgresql-client; macOS: brew install libpq)"
)
_TOC_TABLE = re.compile(r"^\d+; \d+ \d+ TABLE (\S+) (\S+) ", re.MULTILINE)
_CREATED = re.compile(r"^;\s+Archive created at (.+)$", re.MULTILINE)
# Every table of the schema the restore writes into, dropped first in the restore's transaction.
DROP_TABLES = """DO $$
DECLARE table_name text;
BEGIN
  FOR table_name IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
    EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', table_name);
  END LOOP;
END $$;"""


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            _("%(tool)s was not found on PATH; it is needed for PostgreSQL backups: %(hint)s")
            % {"tool": name, "hint": INSTALL_HINT}
        )
    return found


def environment(db: dict[str, Any]) -> dict[str, str]:
    """The libpq environment for the database `db` (Django's settings_dict)."""
    env = dict(os.environ)
    values = {
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGDATABASE": db.get("NAME"),
        "PGSSLMODE": (db.get("OPTIONS") or {}).get("sslmode"),
    }
    env.update({key: str(value) for key, value in values.items() if value not in (None, "")})
    return env


def dump(db: dict[str, Any], path: Path, *, snapshot: str | None = None) -> BackupInfo:
    """Write a custom-format dump of `db` to `path` (replacing it) and check it."""
    command = [tool("pg_dump"), "--format=custom", "--no-password", f"--file={partial_path(path)}"]
    if snapshot:
        command.append(f"--snapshot={snapshot}")
    partial = partial_path(path)
    try:
        _run(command, db, what="pg_dump")
        info = inspect(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    info.path = path
    return info


def inspect(path: Path) -> BackupInfo:
    listing = _run([tool("pg_restore"), "--list", str(path)], None, what="pg_restore --list", path=path)
    check_tables(path, [name for _schema, name in _TOC_TABLE.findall(listing)])
    created = _CREATED.search(listing)
    data = _run(
        [tool("pg_restore"), "--data-only", "--table=django_migrations", "--file=-", str(path)],
        None,
        what="pg_restore",
        path=path,
    )
    return BackupInfo(
        path=path, engine=POSTGRESQL, created_at=created.group(1).strip() if created else "", applied=migrations(data)
    )


def migrations(sql: str) -> list[tuple[str, str]]:
    """The (app, name) rows of django_migrations in the COPY block of a data-only restore script."""
    rows: list[tuple[str, str]] = []
    lines = iter(sql.splitlines())
    for line in lines:
        header = re.match(r"COPY \S*django_migrations \(([^)]*)\) FROM stdin;", line)
        if not header:
            continue
        columns = [column.strip().strip('"') for column in header.group(1).split(",")]
        app, name = columns.index("app"), columns.index("name")
        for row in lines:
            if row == "\\.":
                break
            values = row.split("\t")
            rows.append((values[app], values[name]))
    return rows


def restore(db: dict[str, Any], path: Path) -> None:
    """Replace every table of `db` with those of the dump at `path`, in one transaction."""
    with tempfile.TemporaryDirectory(prefix="viennaplan-restore-") as scratch:
        script = Path(scratch) / "restore.sql"
        _run(
            [tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-acl", f"--file={script}", str(path)],
            None,
            what="pg_restore",
            path=path,
        )
        psql = [tool("psql"), "--no-psqlrc", "--quiet", "--no-password", "--set=ON_ERROR_STOP=1"]
        psql += ["--single-transaction", f"--command={DROP_TABLES}", f"--file={script}"]
        _run(psql, db, what="psql", failed=_("the restore failed and was rolled back, the database is unchanged"))


def _run(
    command: list[str], db: dict[str, Any] | None, *, what: str, path: Path | None = None, failed: str = ""
) -> str:
    env = environment(db) if db is not None else dict(os.environ)
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        detail = " ".join(result.stderr.strip().splitlines()[-3:]) or _("exit status %(code)s") % {
            "code": result.returncode
        }
        given = {"path": path, "tool": what, "detail": detail, "failed": failed}
        if path is not None and what.startswith("pg_restore"):
            raise BackupError(
                _("%(path)s: not a readable PostgreSQL custom-format dump (%(tool)s: %(detail)s)") % given
            )
        if failed:
            raise BackupError(_("%(tool)s failed: %(detail)s; %(failed)s") % given)
        raise BackupError(_("%(tool)s failed: %(detail)s") % given)
    return result.stdout
