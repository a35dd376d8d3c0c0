"""SQLite: the words of a search entry leave the FTS5 index with the entry, whoever deletes it.

Until now `search.reindex` deleted an entry's words itself; an entry deleted any other way (a
`DELETE FROM` of the table, as Django's `flush` does) left words behind whose rowids no entry has,
which took places in a ranked page and left it short. A trigger now deletes them with the entry, and
the words of entries already gone are removed. Nothing to do on PostgreSQL (the words are an index
expression on the entry's own row)."""

from django.db import migrations

FTS = "knowledge_search_fts"
TRIGGER = "knowledge_searchentry_words_go"
CREATE = (
    f"CREATE TRIGGER IF NOT EXISTS {TRIGGER} AFTER DELETE ON knowledge_searchentry FOR EACH ROW "
    f"BEGIN DELETE FROM {FTS} WHERE rowid = old.id; END"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE)
        schema_editor.execute(f"DELETE FROM {FTS} WHERE rowid NOT IN (SELECT id FROM knowledge_searchentry)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER}")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0004_search_tags")]
    operations = [migrations.RunPython(forward, backward)]
