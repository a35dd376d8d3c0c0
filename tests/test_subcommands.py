"""A management command made of subcommands (viennaplan/subcommands.py)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from viennaplan.subcommands import SubcommandCommand


class Greeter(SubcommandCommand):
    help = "Greet (a command made for this test)."

    def add_subcommands(self, commands: Any) -> None:
        hello = commands.add_parser("hello", help="say hello")
        hello.add_argument("name")
        hello.add_argument("--twice", action="store_true")
        commands.add_parser("say-bye", help="say goodbye")

    def run_hello(self, *, name: str, twice: bool, **_: Any) -> None:
        self.stdout.write(f"hello {name}" * (2 if twice else 1))

    def run_say_bye(self, **options: Any) -> None:
        self.stdout.write(f"bye ({'verbosity' in options and 'subcommand' not in options})")


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(Greeter(), *args, stdout=out)
    return out.getvalue()


def test_the_subcommand_runs_its_method_with_the_options_as_keywords():
    assert run("hello", "Ana") == "hello Ana\n"
    assert run("hello", "Ana", "--twice") == "hello Anahello Ana\n"


def test_a_dash_in_the_name_is_an_underscore_in_the_method_which_gets_every_option_but_the_subcommand():
    assert run("say-bye") == "bye (True)\n"


def test_a_missing_or_unknown_subcommand_is_refused_naming_them_all():
    with pytest.raises(CommandError, match=r"the following arguments are required: \{hello,say-bye\}"):
        run()
    with pytest.raises(CommandError, match=r"invalid choice: 'goodbye' \(choose from '?hello'?, '?say-bye'?\)"):
        run("goodbye")


def test_the_usage_names_every_subcommand():
    usage = Greeter().create_parser("viennaplan", "greeter").format_usage()
    assert "{hello,say-bye}" in usage


def test_a_command_that_adds_no_subcommands_says_so():
    with pytest.raises(NotImplementedError, match="adds its subcommands"):
        SubcommandCommand().create_parser("viennaplan", "nothing")
