"""`viennaplan knowledge import-legislation FILE [--dry-run]` and `export-legislation --output FILE`."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from legislation_sample import HEADER

from viennaplan.knowledge.models import Law

pytestmark = pytest.mark.django_db


def test_import_dry_run_and_export(imported_plan, laws_file, tmp_path, capsys):
    source = tmp_path / "laws.csv"
    source.write_bytes(laws_file)
    call_command("knowledge", "import-legislation", str(source), "--dry-run")
    assert "3 created" in capsys.readouterr().out and Law.objects.count() == 0
    call_command("knowledge", "import-legislation", str(source))
    assert "laws.csv: 3 laws; 3 created, 0 changed, 0 unchanged" in capsys.readouterr().out
    call_command("knowledge", "import-legislation", str(source))
    assert "nothing changed" in capsys.readouterr().out

    target = tmp_path / "out.csv"
    call_command("knowledge", "export-legislation", "--output", str(target))
    assert "3 laws written" in capsys.readouterr().out
    call_command("knowledge", "import-legislation", str(target))
    assert "0 created, 0 changed, 3 unchanged" in capsys.readouterr().out


def test_a_bad_file_lists_its_rows_and_stores_nothing(imported_plan, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "CHE,A,T,T,act,de,2001-13-01,,in_force,,,,,,yes,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 error; nothing was imported"):
        call_command("knowledge", "import-legislation", str(bad))
    assert "bad.csv: row 2, column adopted ('2001-13-01'): no such day" in capsys.readouterr().err
    assert Law.objects.count() == 0
    with pytest.raises(CommandError, match="no such file"):
        call_command("knowledge", "import-legislation", str(tmp_path / "absent.csv"))
