"""`viennaplan search rebuild|status`, and `plan import` of an unchanged plan mending a lost index.

A lost index is what a `loaddata` leaves: on SQLite the FTS5 table is not a model, so it stays
empty; on PostgreSQL the GIN index is what can be lost (search still answers, without it).
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from viennaplan.plan.models import Provision
from viennaplan.plan.search import FTS_TABLE, PG_INDEX, index_state, search_provisions

SQLITE = connection.vendor == "sqlite"


def lose_the_index() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE}" if SQLITE else f"DROP INDEX {PG_INDEX}")


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def finds_markings(version) -> bool:
    return "57(k)(ii)" in [hit.provision.citation for hit in search_provisions("markings", version=version)]


def test_search_rebuild_makes_a_lost_index_find_markings_again(imported_plan):
    lose_the_index()
    if SQLITE:
        assert not finds_markings(imported_plan)
    out = run("search", "rebuild")
    provisions = Provision.objects.count()
    assert f"{provisions} provisions indexed" in out and f"before: {provisions} missing or outdated" in out
    assert finds_markings(imported_plan) and index_state().ok


def test_search_status_says_the_index_is_up_to_date_after_an_import(imported_plan):
    assert "is up to date" in run("search", "status")


def test_search_status_fails_and_names_the_remedy_when_the_index_is_lost(imported_plan):
    lose_the_index()
    with pytest.raises(CommandError, match=r"out of date: \d+ of \d+ provisions.*run `viennaplan search rebuild`"):
        run("search", "status")


@pytest.mark.skipif(not SQLITE, reason="PostgreSQL computes the document from the row: it cannot go stale")
def test_the_index_state_counts_outdated_entries_and_entries_of_deleted_provisions(imported_plan):
    provision = Provision.objects.get(version=imported_plan, path="57/k/ii")
    Provision.objects.filter(pk=provision.pk).update(text="Edited without the store.")
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE} (rowid, citation, text) VALUES (999999, 'x', 'orphan')")
    state = index_state()
    assert (state.stale, state.orphans) == (1, 1) and not state.ok
    run("search", "rebuild")
    assert index_state().ok
    assert [hit.provision.pk for hit in search_provisions("edited", version=imported_plan)] == [provision.pk]


def test_importing_an_unchanged_plan_rebuilds_a_lost_index_and_says_so(imported_plan):
    lose_the_index()
    out = run("plan", "import")
    assert out.startswith(f"Already imported as version {imported_plan.pk}; the search index is out of date")
    assert "rebuilt it" in out and "provisions indexed" in out
    assert finds_markings(imported_plan) and index_state().ok


def test_importing_an_unchanged_plan_with_a_sound_index_still_changes_nothing(imported_plan):
    assert run("plan", "import").strip() == f"Already imported as version {imported_plan.pk}; nothing changed"
