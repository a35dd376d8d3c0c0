"""A management command made of subcommands (`viennaplan plan import`, `viennaplan accounts link`, …).

The command adds each subcommand's parser in `add_subcommands(commands)`; `handle` then runs
the method `run_<subcommand>` (a dash read as an underscore) with the parsed options as keyword
arguments, so that each method names the options it uses:

    class Command(SubcommandCommand):
        def add_subcommands(self, commands):
            loader = commands.add_parser("load", help="...")
            loader.add_argument("--data-dir", ...)

        def run_load(self, *, data_dir, **_):
            ...

Help is for people, so it is translated (issue 11): the class's `help` a lazy translation
(`gettext_lazy`), the subcommands' help and descriptions `gettext` in `add_subcommands` (the
parser is built when the command runs, in the language then active). Inside a `run_…` method
that takes `**_`, `_` is the leftover options: call `gettext` by its name there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext, ngettext

SHOWN_ERRORS = 200  # bad rows printed by a refused import unless --all-errors
MAX_FILE_BYTES = 200_000_000  # a file an import command reads


class SubcommandCommand(BaseCommand):
    """A management command whose first argument names what to do; see the module docstring."""

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        # argparse words its description with re.sub, which a lazy translation is not: make it text now.
        self.help = str(self.help)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="subcommand", required=True)
        self.add_subcommands(commands)
        # Named in the usage line and in "the following arguments are required: {load,resolve}".
        commands.metavar = "{" + ",".join(commands.choices) + "}"

    def add_subcommands(self, commands: Any) -> None:
        """Add a parser for each subcommand: `commands.add_parser(name, help=..., description=...)`."""
        raise NotImplementedError("a SubcommandCommand adds its subcommands' parsers")

    def handle(self, *args: Any, **options: Any) -> None:
        subcommand = options.pop("subcommand")
        getattr(self, f"run_{subcommand.replace('-', '_')}")(**options)

    def read_file(self, file: str) -> tuple[Path, bytes]:
        """The path and bytes of a file an import reads; a missing or oversized one stops the command."""
        path = Path(file)
        if not path.is_file():
            raise CommandError(gettext("%(file)s: no such file") % {"file": file})
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError(
                gettext("%(file)s: larger than %(limit)s bytes; split it")
                % {"file": file, "limit": f"{MAX_FILE_BYTES:,}"}
            )
        return path, path.read_bytes()

    def refuse_file(self, refused: Any, all_errors: bool) -> NoReturn:
        """Stop with a refused import's bad rows (`refused.source_name`, `refused.errors`): the first
        `SHOWN_ERRORS` unless `all_errors`, then how many more."""
        shown = refused.errors if all_errors else refused.errors[:SHOWN_ERRORS]
        for line in shown:
            self.stderr.write(f"{refused.source_name}: {line}")
        more = len(refused.errors) - len(shown)
        if more:
            self.stderr.write(
                ngettext(
                    "… and %(count)s more (--all-errors prints every one)",
                    "… and %(count)s more (--all-errors prints every one)",
                    more,
                )
                % {"count": more}
            )
        raise CommandError(str(refused)) from None
