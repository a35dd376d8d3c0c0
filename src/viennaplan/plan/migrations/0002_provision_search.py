"""Full-text search over provisions (see plan/search.py), one index per database engine.

SQLite: an FTS5 table whose rowid is the provision id, filled by the store on import.
PostgreSQL: a GIN index over the same tsvector expression the search queries use.
"""

from django.db import migrations

FTS_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS plan_provision_fts "
    "USING fts5(citation, text, tokenize = 'unicode61 remove_diacritics 2')"
)
FTS_FILL = "INSERT INTO plan_provision_fts (rowid, citation, text) SELECT id, citation, text FROM plan_provision"
PG_INDEX = (
    "CREATE INDEX IF NOT EXISTS plan_provision_search ON plan_provision "
    "USING gin (to_tsvector('english'::regconfig, citation || ' ' || text))"
)


def create_search_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(FTS_CREATE)
        schema_editor.execute(FTS_FILL)
    elif vendor == "postgresql":
        schema_editor.execute(PG_INDEX)


def drop_search_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS plan_provision_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS plan_provision_search")


class Migration(migrations.Migration):

    dependencies = [
        ("plan", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_search_index, drop_search_index, elidable=False),
    ]
