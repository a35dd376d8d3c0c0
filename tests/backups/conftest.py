"""Fixtures of the backup tests: whole databases of their own, driven through the `viennaplan` command.

pytest-django's test database cannot be replaced under a running test (on SQLite it lives in
memory), so backup and restore are tested end to end on a database of their own, on the engine
of the run: a temporary SQLite file on SQLite runs, a scratch PostgreSQL database (created with
psycopg, dropped afterwards) on PostgreSQL runs. It is filled as `viennaplan demo` fills one
(the plan, accounts, three reporting cycles with history) plus a treaty status list, and every
command runs in demonstration mode against it.

`site.run("backup", FILE)`    runs `viennaplan backup FILE` there (a CompletedProcess)
`site.snapshot()`             every model's rows and a set of pages, as tests/backups/snapshot.py prints them
`fresh_site()`                another empty database of the same engine (migrated by the test)
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator

import pytest
from backup_sites import ENGINE, POSTGRES_RUN, PROJECT, TREATY_LIST, Site, _admin_connection  # noqa: F401


@pytest.fixture(scope="module")
def fresh_site(tmp_path_factory) -> Iterator:
    """A factory of empty databases of the run's engine; PostgreSQL ones are dropped at the end."""
    if POSTGRES_RUN and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not on PATH (install postgresql-client): the PostgreSQL backup path cannot run")
    created: list[str] = []

    def make() -> Site:
        var_dir = tmp_path_factory.mktemp("site")
        if not POSTGRES_RUN:
            return Site(url=f"sqlite:///{var_dir / 'site.sqlite3'}", var_dir=var_dir)
        name = f"vp_backups_{uuid.uuid4().hex[:10]}"
        connection, cfg = _admin_connection()
        with connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        created.append(name)
        auth = cfg["USER"] + (f":{cfg['PASSWORD']}" if cfg["PASSWORD"] else "")
        return Site(url=f"postgres://{auth}@{cfg['HOST']}:{cfg['PORT'] or 5432}/{name}", var_dir=var_dir)

    yield make
    if created:
        connection, _cfg = _admin_connection()
        with connection:
            for name in created:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def site(fresh_site) -> Site:
    """A database with the plan, accounts, reports with their history, a treaty status list and every
    knowledge collection's sample file."""
    filled = fresh_site()
    filled.run("demo", "--states", "CHE,FRA")
    filled.run("treaties", "import", str(TREATY_LIST))
    # every knowledge collection's sample file, through each collection's import (tests/knowledge_data.py)
    filled.run("shell", "-c", "from tests.knowledge_data import import_samples; import_samples()")
    return filled
