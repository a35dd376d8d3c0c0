"""`viennaplan indicators import|load-shipped|catalogue`: observations in, the catalogue listed.

    viennaplan indicators import FILE.csv [--all-errors]   tidy CSV or SDMX-CSV (all or nothing)
    viennaplan indicators load-shipped                      the real data shipped in indicators/data/ (idempotent)
    viennaplan indicators catalogue                         the indicators, their units and provisions

A bad file prints its bad rows, each with its column and reason (the first `SHOWN_ERRORS`, then
how many more; `--all-errors` prints every one), and exits non-zero; nothing is then stored.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, gettext_lazy

from viennaplan.subcommands import SHOWN_ERRORS, SubcommandCommand


class Command(SubcommandCommand):
    help = gettext_lazy(
        "Import observations and list the indicator catalogue (`viennaplan indicators SUBCOMMAND --help`)."
    )

    def add_subcommands(self, commands: Any) -> None:
        importer = commands.add_parser(
            "import",
            help=gettext("import observations (tidy CSV or SDMX-CSV)"),
            description=gettext(
                "Import observations: tidy CSV (country,iso3,year,indicator,value[,unit][,source][,note]"
                "[,flags][,sex][,age_group]…) or SDMX-CSV (REF_AREA, TIME_PERIOD, OBS_VALUE, INDICATOR, …). All or "
                "nothing: a file with any bad row changes nothing, and every bad row is listed. Rows already on file "
                "are skipped, so importing the same file twice changes nothing."
            ),
        )
        importer.add_argument("file", metavar="FILE")
        importer.add_argument(
            "--all-errors",
            action="store_true",
            help=gettext("print every bad row (default: the first %(count)s)") % {"count": SHOWN_ERRORS},
        )
        commands.add_parser(
            "load-shipped",
            help=gettext("load the real data shipped in indicators/data/ (a second run changes nothing)"),
            description=gettext(
                "Load the publishers' files shipped in indicators/data/ (see its README.md). All or nothing; "
                "rows for places that are not States in the country registry (aggregates, sub-national units, "
                "territories, unknown names) are left out and listed, never guessed."
            ),
        )
        commands.add_parser(
            "catalogue", help=gettext("list the indicators: code, kind, unit, chapter, provisions measured")
        )

    def run_import(self, *, file: str, all_errors: bool, **_: Any) -> None:
        from viennaplan.indicators.importer import ImportRefused, import_observations

        path, content = self.read_file(file)
        try:
            outcome = import_observations(content, source_name=path.name)
        except ImportRefused as refused:
            self.refuse_file(refused, all_errors)
        self.stdout.write(outcome.summary())

    def run_load_shipped(self, *, verbosity: int = 1, **_: Any) -> None:
        from viennaplan.indicators.importer import ImportRefused
        from viennaplan.indicators.shipped import load_shipped

        try:
            results = load_shipped()
        except ImportRefused as refused:
            self.refuse_file(refused, False)
        for result in results:
            if result.outcome is None:
                self.stdout.write(f"{result.name}: imported before (same file); nothing changed")
                continue
            self.stdout.write(result.outcome.summary())
            left_out = result.outcome.unmatched_lines()
            if verbosity >= 2:
                for line in left_out:
                    self.stdout.write(f"  left out: {line}")
            elif left_out:
                self.stdout.write(f"  ({len(left_out)} left out, kept in the import's notes; --verbosity 2 lists them)")

    def run_catalogue(self, **_: Any) -> None:
        from viennaplan.indicators.models import Indicator

        for indicator in Indicator.objects.all():
            measures = ", ".join(indicator.measures) or "-"
            self.stdout.write(f"{indicator.code}\t{indicator.kind}\t{indicator.unit}\t{indicator.chapter}\t{measures}")
