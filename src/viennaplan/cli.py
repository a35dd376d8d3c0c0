"""The `viennaplan` command: a readable front over Django's management commands.

    viennaplan plan import [FILE]       import the Plans of Action (default: the shipped text)
    viennaplan plan export --format F   write the plan as json, csv or akn to standard output

Any Django command (migrate, runserver, createsuperuser, ...) works too.
"""

from __future__ import annotations

import os
import sys

# Commands of viennaplan itself, shown first in --help: (name, one-line summary).
PROJECT_COMMANDS: list[tuple[str, str]] = [
    ("plan import [FILE]", "import the Plans of Action from the official text (idempotent)"),
    ("plan export --format json|csv|akn", "write the plan to standard output as open data"),
    ("plan report [FILE]", "parse a text and print the import report (repairs, discarded furniture)"),
    ("treaties import FILE.csv [--list-date D]", "import a status list in the depositary's format (all or nothing)"),
    ("treaties export [--format csv|json]", "write the treaty actions on file to standard output"),
    ("treaties show CODE [--as-of DATE]", "who is bound by an instrument, from which date, and why"),
    ("treaties instruments", "list the instruments and their rules"),
    ("countries load", "reload the country reference data from its CSV files"),
    ("countries resolve NAME [--on DATE]", "the State a name stands for (depositary names, old names)"),
    ("accounts create --role R --email E [--state CHE]", "create an account and print its set-password link"),
    ("accounts link --email E", "print a fresh set-password link for an account not yet active"),
    ("notices remind [--dry-run] [--today D]", "remind focal points a week before a deadline (once each; daily)"),
    ("demo [--reset]", "fill the separate demonstration database with generated reports"),
    ("backup FILE [--force]", "write a consistent backup of the whole database (safe while serving)"),
    ("restore FILE [--yes]", "replace the whole database with a backup, migrate it, rebuild search"),
    ("search rebuild|status", "rebuild (or check) the full-text search index from the stored provisions"),
]
DJANGO_COMMANDS: list[tuple[str, str]] = [
    ("migrate", "create or update the database tables"),
    ("runserver [ADDR:PORT]", "serve the site (development server)"),
    ("createsuperuser", "create a secretariat account with every permission"),
    ("help --commands", "list every available command"),
]

USAGE = """usage: viennaplan COMMAND [ARGS]

viennaplan runs the Plans of Action for the implementation of the Vienna Declaration
on Crime and Justice: the plan as open data, and the tools built on it.

The database is chosen by DATABASE_URL (default: the SQLite file var/viennaplan.sqlite3).

viennaplan commands:
{project}

site and database:
{django}

`viennaplan COMMAND --help` describes one command.
"""


def _table(rows: list[tuple[str, str]]) -> str:
    width = max(len(name) for name, _ in rows) + 2
    return "\n".join(f"  {name.ljust(width)}{summary}" for name, summary in rows)


def usage() -> str:
    return USAGE.format(project=_table(PROJECT_COMMANDS), django=_table(DJANGO_COMMANDS))


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) < 2 or argv[1] in {"-h", "--help", "help"} and len(argv) == 2:
        sys.stdout.write(usage())
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    from django.core.management import execute_from_command_line

    argv[0] = "viennaplan"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
