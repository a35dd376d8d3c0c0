"""Run the whole suite on SQLite, then on PostgreSQL (`make test`).

PostgreSQL is reached through DATABASE_URL (default: the local server on 127.0.0.1:5432,
user postgres). Where it is not reachable the PostgreSQL run is skipped with a message,
except under CI=true, where a missing PostgreSQL is a failure.
"""

from __future__ import annotations

import os
import subprocess
import sys

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


def main() -> int:
    args = sys.argv[1:]
    base = dict(os.environ)
    base.pop("DATABASE_URL", None)
    status = run("SQLite", base, args)

    pg_url = os.environ.get("DATABASE_URL") or DEFAULT_POSTGRES_URL
    problem = postgres_reachable(pg_url)
    if problem:
        message = f"PostgreSQL is not reachable at {pg_url}: {problem}"
        if os.environ.get("CI", "").lower() == "true":
            print(f"\nERROR: {message} (CI=true: the PostgreSQL run is required)", flush=True)
            return 1
        print(f"\nSKIPPED the PostgreSQL run: {message}", flush=True)
        return status
    pg_status = run("PostgreSQL", {**base, "DATABASE_URL": pg_url}, args)
    return status or pg_status


if __name__ == "__main__":
    sys.exit(main())
