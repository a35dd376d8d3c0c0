"""A restored database answers every page and search as the original did, record by record
(history and accounts included), on the engine of the run; a dumpdata/loaddata copy finds
nothing until `viennaplan search rebuild`; and the newest migrations run forward on the same
filled database taken back to the release before. See conftest.py for the databases these run on."""

from __future__ import annotations

import sqlite3
from urllib.parse import urlsplit

import pytest
from backup_sites import ENGINE, Site, _admin_connection
from django.db.migrations.loader import MigrationLoader

pytestmark = pytest.mark.every_engine  # the sites are databases of the run's engine


@pytest.fixture(scope="module")
def fresh_site(fresh_site):
    """conftest's empty databases, here with every migration applied: each is a copy of one database
    migrated once for the module (migrating an empty database takes half a minute; a copy is the
    same database in a second). `site` is filled in one by `viennaplan demo`, whose own migrate
    then has nothing to do; the dumpdata copy is loaded into another."""
    migrated = fresh_site()
    migrated.run("migrate", "--noinput", "-v", "0")

    def make() -> Site:
        copy = fresh_site()
        if ENGINE == "sqlite":
            source, target = sqlite3.connect(_database(migrated)), sqlite3.connect(_database(copy))
            source.backup(target)
            source.close()
            target.close()
        else:  # the scratch database fresh_site created (and drops at the end), made again from the migrated one
            connection, _cfg = _admin_connection()
            with connection:
                connection.execute(f'DROP DATABASE "{_database(copy)}"')
                connection.execute(f'CREATE DATABASE "{_database(copy)}" TEMPLATE "{_database(migrated)}"')
        return copy

    return make


def _database(site: Site) -> str:
    """The SQLite file's path, or the PostgreSQL database's name."""
    return site.url.removeprefix("sqlite:///") if ENGINE == "sqlite" else urlsplit(site.url).path.lstrip("/")


def assert_same_answers(original: dict, restored: dict) -> None:
    """Model by model, then page by page, so that a failure names what differs."""
    assert sorted(restored.get("records", {})) == sorted(original.get("records", {}))
    for label, rows in original.get("records", {}).items():
        again = restored["records"][label]
        assert len(again) == len(rows), f"{label}: {len(rows)} rows in the original, {len(again)} restored"
        for before, after in zip(rows, again, strict=True):
            assert after == before, f"{label} row {before.get('id', before)} differs after the restore"
    assert sorted(restored["pages"]) == sorted(original["pages"])
    for path, answer in original["pages"].items():
        assert restored["pages"][path] == answer, f"{path} answers differently after the restore"


def markings_found(snapshot: dict) -> bool:
    return "57/k/ii" in snapshot["pages"]["/api/plan/search?q=markings"]


@pytest.fixture(scope="module")
def original(site) -> dict:
    """What the filled database answers before any backup or damage."""
    answers = site.snapshot()
    assert any("Historical" in label and rows for label, rows in answers["records"].items())
    assert answers["records"]["reporting.Report"] and answers["records"]["treaties.TreatyAction"]
    assert answers["records"]["auth.User"] and markings_found(answers)
    return answers


DAMAGE = """
from viennaplan.accounts.invitations import create_account
from viennaplan.plan.models import Provision
from viennaplan.treaties.models import TreatyAction
create_account(email="late@example.org", role="reviewer")
TreatyAction.objects.all().delete()
Provision.objects.filter(path="57/k/ii").update(text="Overwritten after the backup.")
"""


def test_a_restored_database_answers_every_page_and_search_as_the_original(site, original, tmp_path):
    backup = tmp_path / "viennaplan.backup"
    written = site.run("backup", str(backup))
    assert f"Wrote {backup}" in written.stdout and "tables" in written.stdout and "rows" in written.stdout

    site.run("shell", "-c", DAMAGE)  # a record added, some deleted, one changed after the backup

    restored = site.run("restore", str(backup), "--yes")
    assert "search index rebuilt" in restored.stdout, restored.stdout
    assert_same_answers(original, site.snapshot())


def test_loaddata_of_a_dumpdata_finds_markings_again_after_search_rebuild(site, original, fresh_site, tmp_path):
    data = tmp_path / "data.json"
    site.run("dumpdata", "--natural-foreign", "-e", "contenttypes", "-e", "auth.permission", "-o", str(data))
    copy = fresh_site()
    copy.run("migrate", "--noinput", "-v", "0")
    copy.run("loaddata", str(data))
    if ENGINE == "sqlite":  # the FTS5 table is not a model: loaddata leaves it empty
        assert not markings_found(copy.snapshot(search_only=True))

    rebuilt = copy.run("search", "rebuild")
    assert "provisions indexed" in rebuilt.stdout
    searched = copy.snapshot(search_only=True)
    assert markings_found(searched)
    assert_same_answers({"pages": {path: original["pages"][path] for path in searched["pages"]}}, searched)


# -- Migrations run forward on a database holding data of the release before (issue 14) ------------
# "The release before" is the filled site with the newest migration of each app taken back: each
# migration on which no other depends, leaving its app at the one before it (the plan's stored search
# vectors, the knowledge lists' folded columns, ...). Migrating forward again must give back the same
# database, record by record and page by page. This runs last: the restore above left the site as it was.

DJANGO_APPS = {"admin", "auth", "contenttypes", "sessions"}
# Migrations that make rows: taken back, they delete them, and made again they are new rows with new
# ids, so the database could not come back the same. They run forward on every new database anyway.
MAKE_ROWS = {("assistance_resources", "0002_seed_funds")}


def newest_migrations() -> list[tuple[str, str, str]]:
    """(app, newest migration, the one before it) for each of our apps whose newest migration nothing
    depends on and has one before it."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    found = []
    for app, name in sorted(graph.leaf_nodes()):
        node = graph.node_map[(app, name)]
        before = [parent.key[1] for parent in node.parents if parent.key[0] == app]
        if app not in DJANGO_APPS and not node.children and before and (app, name) not in MAKE_ROWS:
            found.append((app, name, before[0]))
    return found


def test_the_newest_migrations_run_forward_on_a_filled_database_of_the_release_before(site, original):
    taken_back = newest_migrations()
    assert {app for app, _newest, _before in taken_back} >= {"knowledge", "plan"}, taken_back
    assert original["records"]["knowledge.Law"] and original["records"]["knowledge_authorities.Authority"]
    for app, _newest, before in taken_back:
        site.run("migrate", app, before, "--noinput", "-v", "0")
    listed = site.run("showmigrations", "--plan").stdout
    for app, newest, _before in taken_back:
        assert f"[ ]  {app}.{newest}" in listed, f"{app}.{newest} was not taken back"
    site.run("migrate", "--noinput", "-v", "0")
    assert_same_answers(original, site.snapshot())
