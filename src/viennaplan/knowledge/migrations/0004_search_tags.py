"""The search's filters inside its SQLite FTS5 index, and a generation number for its facet counts.

- SQLite: `knowledge_search_fts` gets a third column, `tags`: the words "zdraft" (not published), "zk<collection>"
  and one per facet value ("zs<state>", "zc<chapter>", "zi<instrument>"), so a search narrowed by them
  is one FTS5 query. The table is made again and filled from the entries and their facets.
- Every database: `SearchGeneration`, one row whose number goes up at every re-index, so a process can
  tell whether the facet arrays it keeps (`knowledge/search_counts.py`) are still those of the index.

The definitions are written out here (not imported from search.py) so this migration never changes."""

from django.db import migrations, models

FTS = "knowledge_search_fts"
FTS_CREATE = f"CREATE VIRTUAL TABLE {FTS} USING fts5(title, text, tags, tokenize = 'unicode61 remove_diacritics 2')"
FTS_FILL = (
    f"INSERT INTO {FTS} (rowid, title, text, tags) "
    "SELECT e.id, e.title, e.text, "
    "'zk' || lower(replace(e.collection, '-', '')) || CASE WHEN e.published THEN '' ELSE ' zdraft' END || "
    "coalesce((SELECT ' ' || group_concat('z' || substr(f.facet, 1, 1) || lower(replace(f.value, '-', '')), ' ') "
    "FROM knowledge_searchfacet f WHERE f.entry_id = e.id), '') "
    "FROM knowledge_searchentry e"
)
FTS_OLD = f"CREATE VIRTUAL TABLE {FTS} USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')"


def tags_on(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")
        schema_editor.execute(FTS_CREATE)
        schema_editor.execute(FTS_FILL)


def tags_off(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")
        schema_editor.execute(FTS_OLD)
        schema_editor.execute(
            f"INSERT INTO {FTS} (rowid, title, text) SELECT id, title, text FROM knowledge_searchentry"
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_search_words")]
    operations = [
        migrations.CreateModel(
            name="SearchGeneration",
            fields=[
                ("id", models.PositiveSmallIntegerField(primary_key=True, serialize=False)),
                ("number", models.PositiveBigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(tags_on, tags_off),
    ]
