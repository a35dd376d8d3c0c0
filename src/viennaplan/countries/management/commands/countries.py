"""`viennaplan countries load|resolve`: the country reference data.

    viennaplan countries load [--data-dir DIR]     reload every CSV file (one transaction)
    viennaplan countries resolve NAME [--on DATE]   the code a name stands for (on a date)

A bad file stops the load with every problem listed by file, row and column; the database is
then exactly as it was.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError
from django.utils.translation import gettext, gettext_lazy

from viennaplan.countries.datafiles import DATA_DIR
from viennaplan.subcommands import SubcommandCommand


class Command(SubcommandCommand):
    help = gettext_lazy("Load and query the country reference data (`viennaplan countries SUBCOMMAND --help`).")

    def add_subcommands(self, commands: Any) -> None:
        loader = commands.add_parser(
            "load",
            help=gettext("reload the country data files into the database (idempotent)"),
            description=gettext(
                "Make the country tables equal to the CSV files (countries, names, former "
                "States, regional groups, LDC/LLDC/SIDS status, EU membership). All or nothing."
            ),
        )
        loader.add_argument(
            "--data-dir",
            type=Path,
            metavar="DIR",
            help=gettext("folder with the CSV files (default: %(folder)s)") % {"folder": DATA_DIR},
        )
        resolver = commands.add_parser(
            "resolve",
            help=gettext("print the code a State's name stands for"),
            description=gettext(
                "Resolve a name as the depositary writes it (any case, with or without accents) "
                "or a code, on a date where the name changed meaning."
            ),
        )
        resolver.add_argument("name", metavar="NAME")
        resolver.add_argument("--on", metavar="YYYY-MM-DD", help=gettext("the date of the list the name comes from"))

    def run_load(self, *, data_dir: Path | None, **_: Any) -> None:
        from viennaplan.countries.datafiles import DataFileError
        from viennaplan.countries.store import CountryLoadError, load_country_data

        if data_dir is not None and not data_dir.is_dir():
            raise CommandError(
                gettext("%(folder)s: no such folder; expected the folder of the country CSV files")
                % {"folder": data_dir}
            )
        try:
            summary = load_country_data(data_dir)
        except DataFileError as error:
            raise CommandError(gettext("%(error)s\nNothing was changed.") % {"error": error}) from error
        except CountryLoadError as error:
            raise CommandError(str(error)) from error
        if summary.changed:
            self.stdout.write(self.style.SUCCESS(summary.describe()))
        else:
            self.stdout.write(summary.describe())

    def run_resolve(self, *, name: str, on: str | None, **_: Any) -> None:
        from viennaplan.countries.names import UnknownState
        from viennaplan.countries.registry import country_name, resolve_state

        day = None
        if on:
            try:
                day = date.fromisoformat(on)
            except ValueError:
                raise CommandError(
                    gettext("--on %(value)s is not a date (expected YYYY-MM-DD)") % {"value": repr(on)}
                ) from None
        try:
            code = resolve_state(name, day)
        except UnknownState as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{code}\t{country_name(code)}")
