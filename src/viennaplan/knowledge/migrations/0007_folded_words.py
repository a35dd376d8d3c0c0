"""PostgreSQL: each table a list's words filter (`q`) reads gets a stored column `folded`, its searched
columns upper-cased and joined by U+001F (`listing.FOLDED`, `listing.words_in`). The filter was
UPPER(column) LIKE … on every column of every row at each request; now it is one LIKE on a column
computed when the row is written, with statistics the planner can use. Nothing changes on SQLite.

The tables and columns are written out here (not imported from listing.py) so this migration never
changes; a test checks that they are the ones listing.FOLDED names."""

from django.db import migrations

TABLES = {
    "knowledge_law": ("title_original", "title_en"),
    "knowledge_lawarticle": ("extract",),
    "knowledge_patterns_patternrecord": ("title", "summary", "source"),
    "knowledge_assessments_assessment": ("title", "causes", "effects", "publisher", "sample_description"),
    "knowledge_trafficking_flow": ("key", "source", "authority"),
    "knowledge_firearms_regulationtopic": ("summary", "law_citation"),
    "knowledge_authorities_authority": ("name_en", "name_original", "description", "key"),
    "knowledge_practices_practice": ("title", "summary", "description", "organisation"),
    "knowledge_practices_evaluation": ("findings",),
}


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in TABLES.items():
        joined = " || E'\\x1f' || ".join(f"{column}::text" for column in columns)
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS folded text GENERATED ALWAYS AS (upper({joined})) STORED"
        )
        schema_editor.execute(f"ANALYZE {table}")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS folded")


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0006_search_entry_tags"),
        ("knowledge_patterns", "0001_initial"),
        ("knowledge_assessments", "0001_initial"),
        ("knowledge_trafficking", "0002_list_choices"),
        ("knowledge_firearms", "0001_initial"),
        ("knowledge_authorities", "0001_initial"),
        ("knowledge_practices", "0001_initial"),
    ]
    operations = [migrations.RunPython(forward, backward)]
