"""The search's filters kept on the entry (`tags`), and on PostgreSQL a stored `words` column.

PostgreSQL matched words through a GIN index on an expression, `to_tsvector(title || ' ' || text)`:
every row the index found was parsed again to check it and to rank it (a search narrowed to a chapter
took 0.7 s at 144,000 entries). Now the entry stores its vector — the title's words with weight A,
the text's with B, and its tags (the filters as words, as in SQLite's FTS5 table) as lexemes "#zsche",
which no typed word can match (the parser drops "#") — and a search is one GIN lookup of words and
filters together, exact without a recheck (a query restricted by weight would read every row found).

The definitions are written out here (not imported from search.py) so this migration never changes."""

from django.db import migrations, models

FTS = "knowledge_search_fts"
PG_WORDS = (  # each tag as the lexeme "#tag": the parser never makes a lexeme with "#" of a typed word
    "ALTER TABLE knowledge_searchentry ADD COLUMN words tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english'::regconfig, title), 'A') || "
    "setweight(to_tsvector('english'::regconfig, text), 'B') || "
    "array_to_tsvector(string_to_array('#' || replace(tags, ' ', ' #'), ' '))) STORED"
)
PG_TAGS = (
    "UPDATE knowledge_searchentry e SET tags = "
    "'zk' || lower(replace(e.collection, '-', '')) || CASE WHEN e.published THEN '' ELSE ' zdraft' END || "
    "coalesce((SELECT ' ' || string_agg('z' || substr(f.facet, 1, 1) || lower(replace(f.value, '-', '')), ' ') "
    "FROM knowledge_searchfacet f WHERE f.entry_id = e.id), '')"
)


TRIGGER = (  # migration 0005's, dropped with the table when SQLite remade it to add `tags`
    "CREATE TRIGGER IF NOT EXISTS knowledge_searchentry_words_go AFTER DELETE ON knowledge_searchentry "
    f"FOR EACH ROW BEGIN DELETE FROM {FTS} WHERE rowid = old.id; END"
)


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(TRIGGER)
        schema_editor.execute(
            f"UPDATE knowledge_searchentry SET tags = coalesce((SELECT tags FROM {FTS} WHERE rowid = id), '')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(PG_TAGS)
        schema_editor.execute("DROP INDEX IF EXISTS knowledge_search_words")
        schema_editor.execute(PG_WORDS)
        schema_editor.execute("CREATE INDEX knowledge_search_words ON knowledge_searchentry USING gin (words)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS knowledge_search_words")
        schema_editor.execute("ALTER TABLE knowledge_searchentry DROP COLUMN IF EXISTS words")
        schema_editor.execute(
            "CREATE INDEX knowledge_search_words ON knowledge_searchentry "
            "USING gin (to_tsvector('english'::regconfig, title || ' ' || text))"
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0005_search_words_follow_entries")]
    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="tags",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(forward, backward),
    ]
