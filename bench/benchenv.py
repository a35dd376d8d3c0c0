"""What several benchmarks start from: a throw-away demonstration database (VIENNAPLAN_DEMO=1,
so the real database is never opened), migrated, with a SYNTHETIC status list of every State
imported so that treaty panels and maps have work to do."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent


def demo_database_with_treaty_status(prefix: str) -> str:
    """Set Django up on a new demonstration database in a temporary folder; return the folder."""
    folder = tempfile.mkdtemp(prefix=prefix)
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(
        VIENNAPLAN_VAR_DIR=folder,
        VIENNAPLAN_DEMO="1",
        VIENNAPLAN_DEBUG="0",
        VIENNAPLAN_SECRET_KEY="benchmark-only",
        DJANGO_SETTINGS_MODULE="viennaplan.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command

    from viennaplan.countries import registry
    from viennaplan.treaties.importer import import_status_list

    call_command("migrate", verbosity=0)
    sys.path.insert(0, str(HERE))
    from bench_treaty_pages import synthetic_status_list

    states = sorted(info.alpha3 for info in registry.states())
    import_status_list(synthetic_status_list(states).encode("utf-8"), source_name="synthetic-bench.csv")
    return folder


@contextmanager
def kept_or_throwaway_database(keep: str, prefix: str) -> Iterator[None]:
    """The database a benchmark fills (before Django is set up): SQLite in the folder `keep` (kept,
    and reused when filled) if given; else DATABASE_URL's if set; else SQLite in a temporary folder,
    removed at the end. Debug off and a throw-away secret key unless the environment says otherwise."""
    folder = None
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        os.environ["VIENNAPLAN_VAR_DIR"] = str(Path(keep).resolve())
    elif not os.environ.get("DATABASE_URL"):
        folder = tempfile.mkdtemp(prefix=prefix)
        os.environ["VIENNAPLAN_VAR_DIR"] = folder
    os.environ.setdefault("VIENNAPLAN_SECRET_KEY", "benchmark-only")
    os.environ.setdefault("VIENNAPLAN_DEBUG", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    try:
        yield
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"


def server_environment() -> dict[str, str]:
    """This process's environment without its viennaplan settings, plus what `make run` gives a server:
    debug off, a random secret key, cookies over plain HTTP, errors only in the log."""
    import secrets

    base = {k: v for k, v in os.environ.items() if not k.startswith("VIENNAPLAN_") and k != "DATABASE_URL"}
    base.update(
        DJANGO_SETTINGS_MODULE="viennaplan.settings",
        VIENNAPLAN_DEBUG="0",
        VIENNAPLAN_SECRET_KEY=secrets.token_urlsafe(50),
        VIENNAPLAN_SECURE_COOKIES="0",
        VIENNAPLAN_LOG_LEVEL="ERROR",
    )
    return base


def on_each_engine(run: Callable[[str, dict[str, str]], None], postgres: str, scratch: str) -> None:
    """`run(label, environment)` for a server as `make run` starts one (debug off, a random secret key,
    cookies over plain HTTP) on a SQLite file in a temporary folder, then, unless `postgres` is "", on
    the scratch database `scratch` made on that PostgreSQL server and dropped afterwards."""
    base = server_environment()
    folder = tempfile.mkdtemp(prefix=f"viennaplan-{scratch}-")
    run("SQLite", {**base, "VIENNAPLAN_VAR_DIR": folder})
    if not postgres:
        return
    import psycopg

    with psycopg.connect(postgres, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {scratch}")
        admin.execute(f"CREATE DATABASE {scratch}")
    try:
        url = postgres.rsplit("/", 1)[0] + f"/{scratch}"
        run("PostgreSQL", {**base, "VIENNAPLAN_VAR_DIR": folder, "DATABASE_URL": url})
    finally:
        with psycopg.connect(postgres, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {scratch} WITH (FORCE)")


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_listening(port: int, seconds: float = 20) -> None:
    """Return once something accepts connections on the loopback port (a server started), or after `seconds`."""
    import socket
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
