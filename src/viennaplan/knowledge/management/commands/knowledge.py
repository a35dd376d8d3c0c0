"""`viennaplan knowledge import-legislation|export-legislation`: the national legislation as CSV.

    viennaplan knowledge import-legislation FILE.csv [--dry-run] [--all-errors]
    viennaplan knowledge export-legislation --output FILE.csv

The layout of the file is in `knowledge/legislation.py` (one law per row, keyed by State and key).
A bad file prints its bad rows, each with its column and reason (the first `SHOWN_ERRORS`, then how
many more; `--all-errors` prints every one), and exits non-zero; nothing is then stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError
from django.utils.translation import gettext, gettext_lazy

from viennaplan.subcommands import SHOWN_ERRORS, SubcommandCommand


class Command(SubcommandCommand):
    help = gettext_lazy(
        "Import and export the knowledge databases' collections (`viennaplan knowledge SUBCOMMAND --help`)."
    )

    def add_subcommands(self, commands: Any) -> None:
        importer = commands.add_parser(
            "import-legislation",
            help=gettext("import national legislation from a CSV file"),
            description=gettext(
                "Import national legislation (paragraph 18(e)) from a CSV file with the columns %(columns)s. "
                "A law is matched by its State and key: importing the same file twice changes nothing. All or "
                "nothing: a file with any bad row changes nothing, and every bad row is listed."
            )
            % {"columns": ", ".join(self._columns())},
        )
        importer.add_argument("file", metavar="FILE")
        importer.add_argument(
            "--dry-run", action="store_true", help=gettext("check the file and say what would change; store nothing")
        )
        importer.add_argument(
            "--all-errors",
            action="store_true",
            help=gettext("print every bad row (default: the first %(count)s)") % {"count": SHOWN_ERRORS},
        )
        exporter = commands.add_parser(
            "export-legislation",
            help=gettext("export every law as CSV (the import's layout)"),
            description=gettext(
                "Write every law, drafts included, as a CSV file in the layout import-legislation reads: "
                "importing it again changes nothing."
            ),
        )
        exporter.add_argument("--output", required=True, metavar="FILE", help=gettext("the CSV file to write"))

    @staticmethod
    def _columns() -> tuple[str, ...]:
        from viennaplan.knowledge.legislation import COLUMNS

        return COLUMNS

    def run_import_legislation(self, *, file: str, dry_run: bool, all_errors: bool, **_: Any) -> None:
        from viennaplan.knowledge.legislation_csv import LegislationRefused, import_legislation

        path, content = self.read_file(file)
        try:
            outcome = import_legislation(content, source_name=path.name, dry_run=dry_run)
        except LegislationRefused as refused:
            self.refuse_file(refused, all_errors)
        self.stdout.write(outcome.summary())

    def run_export_legislation(self, *, output: str, **_: Any) -> None:
        from viennaplan.knowledge.legislation_csv import write_csv
        from viennaplan.knowledge.models import Law

        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(gettext("%(file)s: no such folder") % {"file": str(target.parent)})
        text = write_csv()
        target.write_text(text, encoding="utf-8", newline="")
        self.stdout.write(f"{output}: {Law.objects.count()} laws written")
