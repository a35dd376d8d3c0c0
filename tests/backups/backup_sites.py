"""The databases of the backup tests (see conftest.py): the run's engine and a `Site` driven through
the `viennaplan` command. A module of its own so that test modules import it by a name no other
test folder uses (`from conftest import …` finds whichever conftest was imported last)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
SNAPSHOT = Path(__file__).with_name("snapshot.py")
TREATY_LIST = PROJECT / "tests" / "treaties" / "data" / "synthetic_small.csv"
POSTGRES_RUN = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
ENGINE = "postgresql" if POSTGRES_RUN else "sqlite"


@dataclass
class Site:
    url: str
    var_dir: Path

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("VIENNAPLAN_") and k != "DATABASE_URL"}
        env.update(VIENNAPLAN_VAR_DIR=str(self.var_dir), VIENNAPLAN_DEMO="1", VIENNAPLAN_DEMO_DATABASE_URL=self.url)
        return env

    def run(self, *args: str, check: bool = True, stdin: str | None = None) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", "viennaplan", *args],
            env=self.environment(),
            cwd=PROJECT,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if check:
            assert done.returncode == 0, f"viennaplan {' '.join(args)} failed:\n{done.stderr[-3000:]}"
        return done

    def snapshot(self, *, search_only: bool = False) -> dict:
        args = [sys.executable, str(SNAPSHOT), *(["--search"] if search_only else [])]
        done = subprocess.run(args, env=self.environment(), cwd=PROJECT, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout)


def _admin_connection():
    import dj_database_url
    import psycopg

    cfg = dj_database_url.parse(os.environ["DATABASE_URL"])
    connection = psycopg.connect(
        host=cfg["HOST"] or None,
        port=cfg["PORT"] or None,
        user=cfg["USER"] or None,
        password=cfg["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    return connection, cfg
