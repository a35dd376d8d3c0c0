"""The words of the search over all collections: an FTS5 table on SQLite, a GIN expression index on
PostgreSQL (the definitions are `knowledge/search.py`'s, written out here so that this migration
never changes when that module does)."""

from django.db import migrations

FTS_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_search_fts "
    "USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')"
)
PG_INDEX = (
    "CREATE INDEX IF NOT EXISTS knowledge_search_words ON knowledge_searchentry "
    "USING gin (to_tsvector('english'::regconfig, title || ' ' || text))"
)


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(FTS_CREATE)
    elif vendor == "postgresql":
        schema_editor.execute(PG_INDEX)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS knowledge_search_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS knowledge_search_words")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_search_index")]
    operations = [migrations.RunPython(create, drop)]
