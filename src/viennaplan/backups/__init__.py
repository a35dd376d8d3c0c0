"""Whole-database operations: `viennaplan backup FILE` and `viennaplan restore FILE`.

- `files`: what kind of file a backup is, the errors and summaries shared by both engines.
- `sqlite`: SQLite's online backup API, both ways, and the checks of a backup file.
- `postgres`: pg_dump / pg_restore (custom format), run with the connection from settings.
- `operations`: the Django side (which database, its migrations, the search index).

The app has no models; it only contributes the two commands. See docs/backup.md.
"""
