"""What several benchmarks start from: a throw-away demonstration database (VIENNAPLAN_DEMO=1,
so the real database is never opened), migrated, with a SYNTHETIC status list of every State
imported so that treaty panels and maps have work to do."""

from __future__ import annotations

import os
import sys
import tempfile
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
