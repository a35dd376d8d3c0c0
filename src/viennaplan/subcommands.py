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

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


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
