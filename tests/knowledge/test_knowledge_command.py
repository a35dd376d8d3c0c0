"""`viennaplan knowledge import|export COLLECTION` (any registered collection) and `reindex`."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from legislation_sample import HEADER

from viennaplan.knowledge.models import Law, SearchEntry

pytestmark = pytest.mark.django_db


def test_a_collection_is_imported_and_exported_by_its_key(imported_plan, laws_file, tmp_path, capsys):
    source = tmp_path / "laws.csv"
    source.write_bytes(laws_file)
    call_command("knowledge", "import", "legislation", str(source), "--dry-run")
    assert "3 created" in capsys.readouterr().out and Law.objects.count() == 0
    call_command("knowledge", "import", "legislation", str(source))
    assert "3 created" in capsys.readouterr().out and Law.objects.count() == 3
    target = tmp_path / "out.csv"
    call_command("knowledge", "export", "legislation", "--output", str(target))
    capsys.readouterr()
    call_command("knowledge", "import", "legislation", str(target))
    assert "0 created, 0 changed, 3 unchanged" in capsys.readouterr().out


def test_a_bad_file_stores_nothing_and_an_unknown_collection_is_refused(imported_plan, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "CHE,A,T,T,act,de,2001-13-01,,in_force,,,,,,yes,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("knowledge", "import", "legislation", str(bad))
    assert "row 2, column adopted" in capsys.readouterr().err
    assert Law.objects.count() == 0 and SearchEntry.objects.count() == 0
    with pytest.raises(CommandError, match="gossip"):
        call_command("knowledge", "import", "gossip", str(bad))


def test_reindex_rebuilds_the_search_index(imported_plan, laws_file, tmp_path, capsys):
    source = tmp_path / "laws.csv"
    source.write_bytes(laws_file)
    call_command("knowledge", "import", "legislation", str(source))
    SearchEntry.objects.all().delete()
    call_command("knowledge", "reindex")
    assert "legislation: 3 records indexed" in capsys.readouterr().out
    assert SearchEntry.objects.filter(collection="legislation").count() == 3


def test_after_a_migrate_a_collection_out_of_step_is_indexed(imported_plan, laws_file):
    from viennaplan.knowledge import search
    from viennaplan.knowledge.legislation_csv import import_legislation

    import_legislation(laws_file, source_name="laws.csv")
    SearchEntry.objects.all().delete()  # as in a database of the release before the search
    assert search.catch_up()["legislation"] == 3
    assert search.catch_up() == {}  # in step: nothing to do
