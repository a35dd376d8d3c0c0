"""A treaty import killed in the middle (the process gone at once, as when a server is killed or the
power fails) leaves the database as it was: the import is one transaction (issue 14). The import runs
as `viennaplan treaties import` in another process on the run's test database; the test waits until
that process is inside its transaction — it holds SQLite's write lock, or PostgreSQL shows it in a
transaction — then kills it (SIGKILL) and counts what was recorded: nothing, or, had it committed
between the look and the kill, everything. A last run without a kill records the whole list."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from viennaplan.countries.models import Country
from viennaplan.treaties.models import TreatyAction
from viennaplan.treaties.rules import INSTRUMENTS

pytestmark = pytest.mark.django_db(transaction=True)
VIENNAPLAN = Path(sys.executable).parent / "viennaplan"
ATTEMPTS = 3


def full_list() -> str:
    """Every State's accession to every instrument, five years after its adoption (all valid)."""
    states = sorted(Country.objects.exclude(kind="organization").values_list("alpha3", flat=True))
    rows = [
        f"{state},{code},accession,{(rules.adopted + timedelta(days=5 * 365)).isoformat()},synthetic\n"
        for state in states
        for code, rules in INSTRUMENTS.items()
    ]
    return "state,instrument,action,date,source\n" + "".join(rows)


def test_an_import_killed_inside_its_transaction_records_nothing(tmp_path, run_database_url, someone_is_writing):
    listing = tmp_path / "status.csv"
    listing.write_text(full_list(), encoding="utf-8")
    rows = listing.read_text(encoding="utf-8").count("\n") - 1
    env = {**os.environ, "DATABASE_URL": run_database_url, "VIENNAPLAN_VAR_DIR": str(tmp_path)}
    command = [str(VIENNAPLAN), "treaties", "import", str(listing)]
    rng = random.Random(14)
    killed_inside = 0
    for _attempt in range(ATTEMPTS):
        while someone_is_writing():  # the killed importer's session, until the database has ended it
            time.sleep(0.05)
        importer = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while not someone_is_writing():
            assert importer.poll() is None, "the import ended before it was seen writing"
            assert time.monotonic() < deadline, "the import was never seen writing"
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.3))
        was_inside = someone_is_writing()
        importer.kill()
        importer.wait(timeout=30)
        recorded = TreatyAction.objects.count()
        assert recorded in (0, rows), f"{recorded} of {rows} actions recorded by a killed import"
        if recorded == rows:
            break  # it committed between the look and the kill: nothing left to interrupt
        killed_inside += was_inside
        if killed_inside:
            break  # one kill inside the transaction shows it; the others are for a kill that came late
    assert killed_inside >= 1, "no kill landed inside the import's transaction"
    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert TreatyAction.objects.count() == rows
