"""Run the whole suite on SQLite and on PostgreSQL (`make test`), side by side.

PostgreSQL is reached through DATABASE_URL (default: the local server on 127.0.0.1:5432,
user postgres). Where it is not reachable the PostgreSQL run is skipped with a message,
except under CI=true, where a missing PostgreSQL is a failure.

The two runs share no file or port (each has its own test database), so they run at the same
time: the SQLite run prints as it goes, the PostgreSQL run's output follows when both are done.
VIENNAPLAN_TESTS_ONE_AT_A_TIME=1 runs them one after the other instead.

The tests that any engine could run (no database, or marked so) run once, in the PostgreSQL run
(VIENNAPLAN_ENGINE_FREE_RUN; tests/conftest.py), so that the two runs take about as long.

The browser tests' screenshots are kept in var/test-artifacts/ (VIENNAPLAN_TEST_ARTIFACTS, unless
the environment names another folder), emptied at the start of each run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/viennaplan"


def postgres_reachable(url: str) -> str | None:
    """Return None when a connection can be made, else the reason it could not."""
    import dj_database_url
    import psycopg

    cfg = dj_database_url.parse(url)
    try:
        psycopg.connect(
            host=cfg["HOST"] or None,
            port=cfg["PORT"] or None,
            user=cfg["USER"] or None,
            password=cfg["PASSWORD"] or None,
            dbname="postgres",
            connect_timeout=5,
        ).close()
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return str(exc).strip()
    return None


def run(label: str, env: dict[str, str], args: list[str]) -> int:
    print(f"\n=== test suite on {label} ===", flush=True)
    return subprocess.call([sys.executable, "-m", "pytest", *args], env=env)


def side_by_side(base: dict[str, str], pg_env: dict[str, str], args: list[str]) -> int:
    """SQLite in the foreground, PostgreSQL in the background with its output kept for after."""
    command = [sys.executable, "-m", "pytest", *args]
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as pg_output:
        pg_run = subprocess.Popen(command, env=pg_env, stdout=pg_output, stderr=subprocess.STDOUT)
        try:
            status = run("SQLite (PostgreSQL runs at the same time; its output follows)", base, args)
        finally:
            pg_status = pg_run.wait()
        pg_output.seek(0)
        print("\n=== test suite on PostgreSQL ===", flush=True)
        sys.stdout.write(pg_output.read())
        sys.stdout.flush()
    return status or pg_status


def main() -> int:
    args = sys.argv[1:]
    base = dict(os.environ)
    base.pop("DATABASE_URL", None)
    if not base.get("VIENNAPLAN_TEST_ARTIFACTS"):
        artifacts = Path(__file__).resolve().parent.parent / "var" / "test-artifacts"
        shutil.rmtree(artifacts, ignore_errors=True)
        artifacts.mkdir(parents=True)
        base["VIENNAPLAN_TEST_ARTIFACTS"] = str(artifacts)

    pg_url = os.environ.get("DATABASE_URL") or DEFAULT_POSTGRES_URL
    problem = postgres_reachable(pg_url)
    if problem:
        status = run("SQLite", base, args)
        message = f"PostgreSQL is not reachable at {pg_url}: {problem}"
        if os.environ.get("CI", "").lower() == "true":
            print(f"\nERROR: {message} (CI=true: the PostgreSQL run is required)", flush=True)
            return 1
        print(f"\nSKIPPED the PostgreSQL run: {message}", flush=True)
        return status
    # the tests any engine could run (tests/conftest.py) go to the PostgreSQL run, which ends sooner
    base.setdefault("VIENNAPLAN_ENGINE_FREE_RUN", "postgresql")
    pg_env = {**base, "DATABASE_URL": pg_url}
    if os.environ.get("VIENNAPLAN_TESTS_ONE_AT_A_TIME", "").lower() in ("1", "true", "yes"):
        status = run("SQLite", base, args)
        return run("PostgreSQL", pg_env, args) or status
    return side_by_side(base, pg_env, args)


if __name__ == "__main__":
    sys.exit(main())
