"""`viennaplan knowledge …`: the knowledge databases' collections as CSV, and the search's index.

    viennaplan knowledge import COLLECTION FILE.csv [--dry-run] [--all-errors]
    viennaplan knowledge export COLLECTION --output FILE.csv
    viennaplan knowledge reindex [COLLECTION]
    viennaplan knowledge import-legislation FILE.csv [--dry-run] [--all-errors]   (= import legislation)
    viennaplan knowledge export-legislation --output FILE.csv                     (= export legislation)

The collections are those registered (knowledge/collections.py), each with its own layout (the
columns are in the help of `import`).

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
        from viennaplan.knowledge.collections import collections

        keys = [registered.key for registered in collections() if registered.import_csv]
        generic = commands.add_parser(
            "import",
            help=gettext("import a collection from a CSV file"),
            description=gettext(
                "Import a collection of the knowledge databases from a CSV file in its layout (%(layouts)s). "
                "All or nothing: a file with any bad row changes nothing, and every bad row is listed."
            )
            % {
                "layouts": "; ".join(
                    f"{registered.key}: {', '.join(registered.columns)}"
                    for registered in collections()
                    if registered.import_csv
                )
            },
        )
        generic.add_argument("collection", choices=keys, metavar="COLLECTION", help=", ".join(keys))
        generic.add_argument("file", metavar="FILE")
        generic.add_argument(
            "--dry-run", action="store_true", help=gettext("check the file and say what would change; store nothing")
        )
        generic.add_argument(
            "--all-errors",
            action="store_true",
            help=gettext("print every bad row (default: the first %(count)s)") % {"count": SHOWN_ERRORS},
        )
        exported = [registered.key for registered in collections() if registered.export_csv]
        export = commands.add_parser(
            "export",
            help=gettext("export a collection as CSV (the import's layout)"),
            description=gettext(
                "Write every record of a collection, drafts included, in the layout its import reads: "
                "importing it again changes nothing."
            ),
        )
        export.add_argument("collection", choices=exported, metavar="COLLECTION", help=", ".join(exported))
        export.add_argument("--output", required=True, metavar="FILE", help=gettext("the CSV file to write"))
        reindex = commands.add_parser(
            "reindex",
            help=gettext("rebuild the search's index of the collections"),
            description=gettext("Rebuild the index of the search over all collections, or of one collection."),
        )
        reindex.add_argument("collection", nargs="?", choices=[c.key for c in collections()], metavar="COLLECTION")
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

    def run_import(self, *, collection: str, file: str, dry_run: bool, all_errors: bool, **_: Any) -> None:
        from viennaplan.knowledge.collections import collection as registered
        from viennaplan.rowerrors import FileRefused

        path, content = self.read_file(file)
        try:
            outcome = registered(collection).import_csv(content, source_name=path.name, dry_run=dry_run)
        except FileRefused as refused:
            self.refuse_file(refused, all_errors)
        self.stdout.write(outcome.summary())

    def run_export(self, *, collection: str, output: str, **_: Any) -> None:
        from viennaplan.knowledge.collections import collection as registered

        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(gettext("%(file)s: no such folder") % {"file": str(target.parent)})
        text = registered(collection).export_csv()
        target.write_text(text, encoding="utf-8", newline="")
        self.stdout.write(
            gettext("%(file)s: written (%(bytes)s bytes)") % {"file": output, "bytes": len(text.encode())}
        )

    def run_reindex(self, *, collection: str | None, **_: Any) -> None:
        from viennaplan.knowledge import search

        counts = search.rebuild() if collection is None else {collection: search.reindex(collection)}
        for key, count in counts.items():
            self.stdout.write(
                gettext("%(collection)s: %(count)s records indexed") % {"collection": key, "count": count}
            )

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
