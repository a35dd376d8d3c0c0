"""`viennaplan plan import|export|report`: the plan from its text into the database and out again.

    viennaplan plan import [FILE] [--symbol S]     the official text (default) or a JSON export
    viennaplan plan export --format json|csv|akn [--version ID]
    viennaplan plan report [FILE] [--version ID]   repairs and discarded page furniture

Bad input stops with a message that says what was expected and where; the database is then
exactly as it was (an import is one transaction, and parsing happens before any write).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext, gettext_lazy

from viennaplan.plan.document import ImportReport
from viennaplan.plan.models import PlanVersion
from viennaplan.subcommands import SubcommandCommand
from viennaplan.textfiles import NotText, read_text

EXPECTED = gettext_lazy("expected the text of the Plans of Action (UTF-8 text, as shipped) or a JSON export of it")
FORMATS = ("json", "csv", "akn")
NOTHING_IMPORTED = gettext_lazy("%(path)s: %(error)s; nothing was imported")


class Command(SubcommandCommand):
    # No system checks, as Django's own loaddata and dumpdata: the URL checks import every view, API
    # schema and chart library (1.7 s of the 2.2 s `plan import` took, issue 14); `migrate`, run
    # before it, and the server run them all.
    requires_system_checks: list[str] = []
    help = gettext_lazy("Import, export and inspect the Plans of Action (`viennaplan plan SUBCOMMAND --help`).")

    def add_subcommands(self, commands: Any) -> None:
        importer = commands.add_parser(
            "import",
            help=gettext("import the plan from its text or a JSON export (idempotent)"),
            description=gettext(
                "Import the Plans of Action into the database as a new version. Importing "
                "a text already imported changes nothing. FILE may be the text (.txt) or a JSON export."
            ),
        )
        importer.add_argument(
            "file",
            nargs="?",
            metavar="FILE",
            help=gettext("text or .json export (default: %(file)s)") % {"file": settings.PLAN_SOURCE_FILE.name},
        )
        importer.add_argument(
            "--symbol", default="", help=gettext("official document symbol to record, e.g. E/CN.15/2001/4")
        )

        exporter = commands.add_parser(
            "export",
            help=gettext("write the plan to standard output as json, csv or akn"),
            description=gettext(
                "Write a version of the plan (default: the current one) to standard output. "
                "Akoma Ntoso is validated against the official schema first."
            ),
        )
        exporter.add_argument(
            "--format", choices=FORMATS, required=True, help=gettext("json, csv or akn (Akoma Ntoso 3.0)")
        )
        exporter.add_argument("--version", dest="plan_version", type=int, metavar="ID", help=gettext("plan version id"))

        reporter = commands.add_parser(
            "report",
            help=gettext("print the import report: repairs and discarded page furniture, with line numbers"),
            description=gettext(
                "Parse FILE (default: the shipped text) and print what the importer repaired "
                "and what it discarded, with line numbers. With --version, print a stored version's report."
            ),
        )
        reporter.add_argument(
            "file", nargs="?", metavar="FILE", help=gettext("text to parse (default: the shipped text)")
        )
        reporter.add_argument(
            "--version", dest="plan_version", type=int, metavar="ID", help=gettext("a stored version")
        )
        reporter.add_argument("--plain", action="store_true", help=gettext("plain text even on a terminal"))

    # -- import -------------------------------------------------------------------------------

    def run_import(self, *, file: str | None, symbol: str, **_: Any) -> None:
        from viennaplan.plan.parser import PlanFormatError
        from viennaplan.plan.saving import InconsistentPlanError, import_plan_json, import_plan_text

        path = Path(file) if file else Path(settings.PLAN_SOURCE_FILE)
        check_file_size(path)
        text = read_plan_file(path)
        try:
            if looks_like_json(path, text):
                version, created = import_plan_json(parse_json(path, text), source_name=path.name)
            else:
                version, created = import_plan_text(text, source_name=path.name, symbol=symbol)
        except (PlanFormatError, InconsistentPlanError) as error:
            raise CommandError(NOTHING_IMPORTED % {"path": path, "error": error}) from error
        except ValueError as error:  # a JSON file that is not an export of the plan
            raise CommandError(
                gettext("%(path)s: not a JSON export of the plan: %(error)s; nothing was imported")
                % {"path": path, "error": error}
            ) from error
        if not created:
            self.stdout.write(f"Already imported as version {version.pk}; {self.mend_search_index()}")
            return
        self.stdout.write(self.style.SUCCESS(import_summary(version)))

    def mend_search_index(self) -> str:
        """An unchanged plan may still have lost its search index (a `loaddata`): rebuild it then."""
        from viennaplan.plan.search import index_state, rebuild_index

        state = index_state()
        if state.ok:
            return "nothing changed"
        return f"{state.describe()}: rebuilt it ({rebuild_index()} provisions indexed)"

    # -- export -------------------------------------------------------------------------------

    def run_export(self, *, plan_version: int | None, **options: Any) -> None:
        from viennaplan.plan.exports import export_plan
        from viennaplan.plan.loading import load_document

        fmt = options["format"]
        version = find_version(plan_version)
        data = export_plan(load_document(version), fmt)
        if fmt == "akn":
            from viennaplan.plan.exports.akn import validate_akn

            problems = validate_akn(data)
            if problems:
                listed = "\n  ".join(problems[:10])
                raise CommandError(
                    gettext(
                        "the Akoma Ntoso export of version %(version)s is not valid against the schema; "
                        "nothing was written:\n  %(problems)s"
                    )
                    % {"version": version.pk, "problems": listed}
                )
        self.stdout.write(data.decode("utf-8"), ending="")

    # -- report -------------------------------------------------------------------------------

    def run_report(self, *, file: str | None, plan_version: int | None, plain: bool, **_: Any) -> None:
        from viennaplan.plan.loading import report_from_json
        from viennaplan.plan.parser import PlanFormatError, parse_plan

        if plan_version is not None:
            if file:
                raise CommandError(gettext("give either FILE or --version, not both"))
            version = find_version(plan_version)
            report, source = report_from_json(version.report or {}), f"plan version {version.pk}"
        else:
            path = Path(file) if file else Path(settings.PLAN_SOURCE_FILE)
            try:
                check_file_size(path)
                report = parse_plan(read_plan_file(path), source_name=path.name).report
            except PlanFormatError as error:
                raise CommandError(
                    gettext("%(path)s: %(error)s (%(expected)s)") % {"path": path, "error": error, "expected": EXPECTED}
                ) from error
            source = str(path)
        if plain or not self.stdout.isatty():
            self.stdout.write(plain_report(report, source), ending="")
        else:
            rich_report(report, source)


def read_plan_file(path: Path) -> str:
    """The file's text, or a CommandError that says what is wrong with it."""
    if not path.exists():
        raise CommandError(gettext("%(path)s: no such file; %(expected)s") % {"path": path, "expected": EXPECTED})
    if path.is_dir():
        raise CommandError(gettext("%(path)s: is a directory; %(expected)s") % {"path": path, "expected": EXPECTED})
    try:
        return read_text(path.read_bytes(), expected=EXPECTED)
    except NotText as error:
        raise CommandError(f"{path}: {error}") from None  # the error is worded by `read_text`


def looks_like_json(path: Path, text: str) -> bool:
    return path.suffix.lower() == ".json" or text.lstrip().startswith("{")


def check_file_size(path: Path) -> None:
    """A file larger than a plan's text or export can be is refused before it is read (the
    shipped text is 0.1 MB, an export 0.5 MB; the limit is the JSON import's)."""
    from viennaplan.plan.exports.json_format import MAX_BYTES

    if path.is_file() and (size := path.stat().st_size) > MAX_BYTES:
        values = {"path": path, "size": f"{size:,}", "limit": f"{MAX_BYTES:,}"}
        if path.suffix.lower() == ".json":
            message = gettext(
                "%(path)s: %(size)s bytes: larger than an export of the plan can be (at most %(limit)s bytes); "
                "nothing was imported"
            )
        else:
            message = gettext(
                "%(path)s: %(size)s bytes: larger than the text of a plan can be (at most %(limit)s bytes); "
                "nothing was imported"
            )
        raise CommandError(message % values)


def parse_json(path: Path, text: str) -> Any:
    """The JSON data, or a CommandError saying where the JSON is broken or which limit it exceeds."""
    from viennaplan.plan.exports.json_format import parse_json as parse_limited

    try:
        return parse_limited(text)
    except json.JSONDecodeError as error:
        raise CommandError(
            gettext("%(path)s: line %(line)s, column %(column)s: not valid JSON (%(problem)s); %(expected)s")
            % {"path": path, "line": error.lineno, "column": error.colno, "problem": error.msg, "expected": EXPECTED}
        ) from None
    except ValueError as error:  # larger or deeper than an export can be
        raise CommandError(NOTHING_IMPORTED % {"path": path, "error": error}) from None


def find_version(version_id: int | None) -> PlanVersion:
    if version_id is None:
        version = PlanVersion.current()
        if version is None:
            raise CommandError(
                gettext("no version of the plan has been imported yet; run `viennaplan plan import` first")
            )
        return version
    version = PlanVersion.objects.filter(pk=version_id).first()
    if version is None:
        known = ", ".join(str(pk) for pk in PlanVersion.objects.order_by("pk").values_list("pk", flat=True))
        if known:
            message = gettext("there is no plan version %(id)s (versions: %(known)s)")
        else:
            message = gettext("there is no plan version %(id)s (versions: none)")
        raise CommandError(message % {"id": version_id, "known": known})
    return version


def import_summary(version: PlanVersion) -> str:
    from viennaplan.plan.models import Objective

    provisions = version.provisions
    repairs = len((version.report or {}).get("repairs", []))
    return (
        f"Imported plan version {version.pk}: {provisions.filter(depth=0).count()} paragraphs, "
        f"{Objective.objects.filter(chapter__version=version).count()} objectives, "
        f"{version.notes.count()} notes, {provisions.count()} provisions; "
        f"{repairs} repairs (see `viennaplan plan report`)"
    )


def plain_report(report: ImportReport, source: str) -> str:
    lines = [f"Import report of {source}", "", f"Repairs ({len(report.repairs)}):"]
    lines += [f"  line {r.line:>5}  {r.kind:<22} {r.message}" for r in report.repairs]
    lines += ["", f"Discarded ({len(report.discarded)}):"]
    lines += [f"  line {d.line:>5}  {d.reason:<48} {d.text}" for d in report.discarded]
    if report.warnings:
        lines += ["", f"Warnings ({len(report.warnings)}):", *(f"  {w}" for w in report.warnings)]
    return "\n".join(lines) + "\n"


def rich_report(report: ImportReport, source: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    repairs = Table(title=f"Repairs in {source} ({len(report.repairs)})")
    for column in ("line", "kind", "what was mended"):
        repairs.add_column(column, justify="right" if column == "line" else "left")
    for r in report.repairs:
        repairs.add_row(str(r.line), r.kind, r.message)
    discarded = Table(title=f"Discarded page furniture ({len(report.discarded)})")
    for column in ("line", "reason", "text"):
        discarded.add_column(column, justify="right" if column == "line" else "left")
    for d in report.discarded:
        discarded.add_row(str(d.line), d.reason, d.text)
    console.print(repairs)
    console.print(discarded)
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
