"""PostgreSQL: a provision's words stored in a generated column `words`, and the search's GIN index on it.

The index was on an expression, `to_tsvector(citation || ' ' || text)`: a plan of a few hundred
provisions is read whole rather than through the index, and every row's text was parsed again to
match and rank it (20 ms a search). Stored, the vector is parsed once, when the provision is written.
Nothing changes on SQLite (FTS5). The definitions are written out here so this migration never changes."""

from django.db import migrations

WORDS = (
    "ALTER TABLE plan_provision ADD COLUMN IF NOT EXISTS words tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, citation || ' ' || text)) STORED"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS plan_provision_search")
        schema_editor.execute(WORDS)
        schema_editor.execute("CREATE INDEX plan_provision_search ON plan_provision USING gin (words)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS plan_provision_search")
        schema_editor.execute("ALTER TABLE plan_provision DROP COLUMN IF EXISTS words")
        schema_editor.execute(
            "CREATE INDEX plan_provision_search ON plan_provision "
            "USING gin (to_tsvector('english'::regconfig, citation || ' ' || text))"
        )


class Migration(migrations.Migration):
    dependencies = [("plan", "0003_checksum_is_content")]
    operations = [migrations.RunPython(forward, backward)]
