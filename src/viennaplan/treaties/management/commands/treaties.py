"""`viennaplan treaties import|load-shipped|export|show|instruments`: status lists in and out, statuses printed.

    viennaplan treaties import FILE.csv [--list-date YYYY-MM-DD] [--complete]
                                                 a status list in the depositary's format (all or nothing)
    viennaplan treaties load-shipped              the depositary lists shipped in treaties/data/ (idempotent)
    viennaplan treaties export [--format csv|json] [--instrument CODE]
    viennaplan treaties show CODE [--as-of YYYY-MM-DD] [--format json|text]
    viennaplan treaties instruments               the instruments and their rules in brief

A bad file prints its bad rows with their reasons (the first `SHOWN_ERRORS`, then how many more;
`--all-errors` prints every one) and exits non-zero; the database is then exactly as it was.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import CommandError
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from viennaplan.dates import long_date
from viennaplan.subcommands import SHOWN_ERRORS, SubcommandCommand

FORMAT_HELP = gettext_lazy("state,instrument,action,date[,source]; see docs/data-formats.md")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        import argparse

        raise argparse.ArgumentTypeError(
            _("%(text)s is not a date; write it as YYYY-MM-DD") % {"text": repr(text)}
        ) from None


class Command(SubcommandCommand):
    help = gettext_lazy("Import, export and show treaty status (`viennaplan treaties SUBCOMMAND --help`).")

    def add_subcommands(self, commands: Any) -> None:
        importer = commands.add_parser(
            "import",
            help=_("import a status list (CSV in the depositary's format, or a JSON export)"),
            description=_(
                "Import a status list: %(format)s. All or nothing: a file with any bad row changes nothing, and "
                "every bad row is listed. Rows already on file are skipped."
            )
            % {"format": FORMAT_HELP},
        )
        importer.add_argument("file", metavar="FILE", help=_("a .csv status list or a .json export"))
        importer.add_argument(
            "--list-date",
            dest="list_date",
            type=iso_date,
            metavar="YYYY-MM-DD",
            help=_("the date the list was made; no action may be dated after it (default: today)"),
        )
        importer.add_argument(
            "--complete",
            action="store_true",
            help=_(
                "the file is the depositary's whole list of each instrument it names, as of --list-date "
                "(default: today): status is then shown as listed on that date"
            ),
        )
        importer.add_argument(
            "--all-errors",
            action="store_true",
            help=_("print every bad row (default: the first %(n)s)") % {"n": SHOWN_ERRORS},
        )

        commands.add_parser(
            "load-shipped",
            help=_("load the depositary lists shipped with viennaplan (treaties/data/); a second run changes nothing"),
            description=_(
                "Load the status lists shipped in treaties/data/ (see its README.md): the UN Treaty Collection's "
                "lists of seven instruments, complete to their capture dates in 2014, and a few later actions. All "
                "or nothing per file; rows already on file are skipped, and an action on file of the same State, "
                "instrument and kind (any consent counting as one) stands: the shipped row is left out."
            ),
        )

        exporter = commands.add_parser("export", help=_("write the stored actions as CSV or JSON to standard output"))
        exporter.add_argument("--format", choices=("csv", "json"), default="csv")
        exporter.add_argument("--instrument", metavar="CODE", help=_("one instrument only, e.g. UNTOC"))

        show = commands.add_parser("show", help=_("print an instrument's status on a date"))
        show.add_argument("code", metavar="CODE", help=_("instrument code, e.g. UNTOC"))
        show.add_argument("--as-of", dest="as_of", type=iso_date, metavar="YYYY-MM-DD", help=_("default: today"))
        show.add_argument("--format", choices=("json", "text"), default="text")

        commands.add_parser("instruments", help=_("list the instruments and their rules in brief"))

    def run_import(self, *, file: str, list_date: date | None, complete: bool, all_errors: bool, **_: Any) -> None:
        self.import_file(Path(file), list_date, all_errors, complete=complete)

    def run_load_shipped(self, **_: Any) -> None:
        from viennaplan.treaties.importer import ImportRefused
        from viennaplan.treaties.shipped import load_shipped

        try:
            loaded = load_shipped()
        except ImportRefused as refused:
            self.refuse(refused, gettext("shipped list %(name)s") % {"name": refused.source_name}, all_errors=False)
        for item in loaded:
            self.stdout.write(self.style.SUCCESS(item.summary()))
            if item.outcome is not None:
                self.write_notes([*item.outcome.kept, *item.outcome.notes])

    def run_export(self, *, format: str, instrument: str | None, **_: Any) -> None:
        self.export(format, instrument)

    def run_show(self, *, code: str, as_of: date | None, format: str, **_: Any) -> None:
        self.show(code, as_of, format)

    def run_instruments(self, **_: Any) -> None:
        self.instruments()

    # -- import -------------------------------------------------------------------------------

    def import_file(
        self, path: Path, list_date: date | None = None, all_errors: bool = False, *, complete: bool = False
    ) -> None:
        from viennaplan.treaties.importer import ImportRefused, import_status_list, whole_lists

        if not path.exists():
            raise CommandError(
                _("%(path)s: no such file; expected a CSV status list (%(format)s)")
                % {"path": path, "format": FORMAT_HELP}
            )
        if path.is_dir():
            raise CommandError(
                _("%(path)s: is a directory; expected a CSV status list (%(format)s)")
                % {"path": path, "format": FORMAT_HELP}
            )
        lists = whole_lists(path.name, list_date) if complete else None
        try:
            outcome = import_status_list(path.read_bytes(), source_name=path.name, list_date=list_date, lists=lists)
        except ImportRefused as refused:
            self.refuse(refused, str(path), all_errors)
        self.stdout.write(self.style.SUCCESS(outcome.summary()))
        self.write_notes(outcome.notes)

    def refuse(self, refused: Any, where: str, all_errors: bool) -> NoReturn:
        """Stop with the bad rows of a refused import (the first `SHOWN_ERRORS` unless `all_errors`)."""
        shown = refused.errors if all_errors else refused.errors[:SHOWN_ERRORS]
        lines = "\n".join(f"  {error}" for error in shown)
        if len(shown) < len(refused.errors):
            more = len(refused.errors) - len(shown)
            lines += "\n  " + ngettext(
                "… and %(n)s more (--all-errors prints every one)",
                "… and %(n)s more (--all-errors prints every one)",
                more,
            ) % {"n": f"{more:,}"}
        count = len(refused.errors)
        message = ngettext(
            "%(where)s: %(n)s error; nothing was imported:\n%(lines)s",
            "%(where)s: %(n)s errors; nothing was imported:\n%(lines)s",
            count,
        ) % {"where": where, "n": count, "lines": lines}
        raise CommandError(message, returncode=1) from None

    def write_notes(self, notes: list[str]) -> None:
        if notes:
            self.stdout.write(f"Notes ({len(notes)}):")
            for note in notes:
                self.stdout.write(f"  {note}")

    # -- export -------------------------------------------------------------------------------

    def export(self, fmt: str, instrument: str | None) -> None:
        from viennaplan.treaties import depositary
        from viennaplan.treaties.store import load_actions

        codes = None
        if instrument:
            codes = [find_instrument(instrument)]
        actions = load_actions(codes)
        text = depositary.write_csv(actions) if fmt == "csv" else depositary.to_json(actions)
        self.stdout.write(text, ending="")

    # -- show ---------------------------------------------------------------------------------

    def show(self, code: str, as_of: date | None, fmt: str) -> None:
        from viennaplan.treaties.overview import listing_of, status_of
        from viennaplan.treaties.shapes import status_json
        from viennaplan.treaties.store import NO_DATA, has_status_data

        code = find_instrument(code)
        data = status_json(status_of(code, as_of), listing_of(code, as_of))
        if fmt == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(status_text(data, empty=not has_status_data() and NO_DATA))

    # -- instruments --------------------------------------------------------------------------

    def instruments(self) -> None:
        from viennaplan.treaties.rules import instrument_rules

        rows = list(instrument_rules().values())
        width = max((len(row.code) for row in rows), default=5) + 2
        for row in rows:
            official = row.official_entry_into_force.isoformat() if row.official_entry_into_force else "-"
            parent = f", Protocol to {row.parent}" if row.parent else ""
            self.stdout.write(
                f"{row.code.ljust(width)}{row.short_name} (adopted {row.adopted.isoformat()}{parent}); "
                f"{row.threshold} instruments; in force {official}"
            )


def find_instrument(code: str) -> str:
    from viennaplan.treaties.rules import find_code, instrument_rules

    match = find_code(code)
    if match is None:
        raise CommandError(
            _("unknown instrument %(code)s; known: %(codes)s")
            % {"code": repr(code), "codes": ", ".join(instrument_rules())}
        )
    return match


def status_text(data: dict[str, Any], *, empty: str | bool = False) -> str:
    """The status as a reader would write it down: the general facts, then one line per State."""
    lines = [f"{data['instrument']} as of {data['as_of']}"]
    if empty:
        lines.append(str(empty))
        return "\n".join(lines)
    if data["listed_on"]:
        lines.append(f"As listed by the depositary on {long_date(date.fromisoformat(data['listed_on']))}")
    if data["warning"]:
        lines.append(f"Warning: {data['warning']}")
    trigger = data["triggered_by"]
    if data["entry_into_force"]:
        by = f" (the threshold was reached by {trigger['state']} on {trigger['date']})" if trigger else ""
        since = "In force since" if data["entry_into_force"] <= data["as_of"] else "Enters into force on"
        lines.append(f"{since} {data['entry_into_force']}{by}")
    else:
        lines.append("Not in force")
    lines.append(f"Signatories: {data['signatories']}   Parties: {data['parties']}")
    lines += [f"Note: {note}" for note in data.get("notes", [])]
    lines.append("")
    for state in data["states"]:
        consent = state["consent"]
        consent_text = f"{consent['kind']} {consent['date']}" if consent else "-"
        lines.append(
            f"{state['state']}  {state['name'][:32]:<32}  signature {state['signature'] or '-':<10}  "
            f"consent {consent_text:<24}  in force {state['in_force'] or '-':<10}  {state['explanation']}"
        )
    return "\n".join(lines)
