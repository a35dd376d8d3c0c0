"""`viennaplan restore FILE --yes`: replace the whole database with a backup, then bring it up to date.

The file is checked first (a viennaplan backup of this engine, undamaged, not made by a newer
viennaplan); nothing is written if it is refused. Then the database is replaced in one
transaction, migrated, and its search index rebuilt. See docs/backup.md.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.backups.files import BackupError


class Command(BaseCommand):
    help = gettext_lazy("Replace the whole database with a backup made by `viennaplan backup` (asks to confirm).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE", help=_("a backup made by `viennaplan backup`"))
        parser.add_argument("--yes", action="store_true", help=_("do not ask: every record is replaced"))

    def handle(self, *args: Any, **options: Any) -> None:
        from viennaplan.backups import operations

        path = Path(options["file"])
        try:
            info = operations.check_backup(path)
        except BackupError as error:
            raise CommandError(_("%(error)s; nothing was restored") % {"error": error}) from None
        target = operations.database_label()
        if not options["yes"]:
            self.confirm(
                _("Replace every record in %(target)s with the %(backup)s in %(path)s?")
                % {"target": target, "backup": info.describe(), "path": path}
            )
        try:
            restored = operations.restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        migrated = (
            f"applied {len(restored.migrations_applied)} migrations ({', '.join(restored.migrations_applied)})"
            if restored.migrations_applied
            else "no migrations to apply"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {path} into {target}: {restored.contents.describe()}; {migrated}; "
                f"search index rebuilt ({restored.indexed} provisions indexed)"
            )
        )

    def confirm(self, question: str) -> None:
        if not sys.stdin.isatty():
            raise CommandError(_("%(question)s Give --yes to confirm; nothing was restored") % {"question": question})
        # Translators: keep "yes" as it is: it is the word the user types to confirm.
        answer = input(_("%(question)s\nType yes to continue: ") % {"question": question})
        if answer.strip().lower() != "yes":
            raise CommandError(_("not confirmed; nothing was restored"))
