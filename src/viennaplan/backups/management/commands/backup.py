"""`viennaplan backup FILE [--force]`: a consistent copy of the whole database, while the site runs.

SQLite: the online backup API into FILE (one SQLite file), checked before it is kept.
PostgreSQL: `pg_dump --format=custom` into FILE, checked with `pg_restore --list`.
Restore it with `viennaplan restore FILE`. See docs/backup.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.backups.files import BackupError, human_size


class Command(BaseCommand):
    help = gettext_lazy("Write a consistent backup of the whole database into FILE (safe while the site is serving).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE", help=_("the backup file to write"))
        parser.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))

    def handle(self, *args: Any, **options: Any) -> None:
        from viennaplan.backups import operations

        path = Path(options["file"])
        try:
            written = operations.make_backup(path, force=options["force"])
        except BackupError as error:
            raise CommandError(_("%(error)s; no backup was written") % {"error": error}) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {written.path}: {human_size(written.size)}, {written.contents.describe()} "
                f"from {operations.database_label()} (checked; restore with `viennaplan restore {written.path}`)"
            )
        )
