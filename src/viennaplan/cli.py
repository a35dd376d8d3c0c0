"""The `viennaplan` command: a readable front over Django's management commands.

    viennaplan plan import [FILE]       import the Plans of Action (default: the shipped text)
    viennaplan plan export --format F   write the plan as json, csv or akn to standard output

Any Django command (migrate, runserver, createsuperuser, ...) works too.

    viennaplan --lang fr COMMAND ...    the command in that language (its help, messages, documents)

`--lang` before the command names one of the site's languages (settings.LANGUAGES); without it
commands speak English.
"""

from __future__ import annotations

import os
import sys

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Commands of viennaplan itself, shown first in --help: (name, one-line summary in the reader's language).
PROJECT_COMMANDS: list[tuple[str, Promise]] = [
    ("plan import [FILE]", _("import the Plans of Action from the official text (idempotent)")),
    ("plan export --format json|csv|akn", _("write the plan to standard output as open data")),
    ("plan report [FILE]", _("parse a text and print the import report (repairs, discarded furniture)")),
    ("treaties import FILE.csv [--list-date D]", _("import a status list in the depositary's format (all or nothing)")),
    ("treaties export [--format csv|json]", _("write the treaty actions on file to standard output")),
    ("treaties show CODE [--as-of DATE]", _("who is bound by an instrument, from which date, and why")),
    ("treaties instruments", _("list the instruments and their rules")),
    ("countries load", _("reload the country reference data from its CSV files")),
    ("countries resolve NAME [--on DATE]", _("the State a name stands for (depositary names, old names)")),
    ("accounts create --role R --email E [--state CHE]", _("create an account and print its set-password link")),
    ("accounts link --email E", _("print a fresh set-password link for an account not yet active")),
    ("notices remind [--dry-run] [--today D]", _("remind focal points a week before a deadline (once each; daily)")),
    ("demo [--reset]", _("fill the separate demonstration database with generated reports")),
    ("backup FILE [--force]", _("write a consistent backup of the whole database (safe while serving)")),
    ("restore FILE [--yes]", _("replace the whole database with a backup, migrate it, rebuild search")),
    ("search rebuild|status", _("rebuild (or check) the full-text search index from the stored provisions")),
]
DJANGO_COMMANDS: list[tuple[str, Promise]] = [
    ("migrate", _("create or update the database tables")),
    ("runserver [ADDR:PORT]", _("serve the site (development server)")),
    ("createsuperuser", _("create a secretariat account with every permission")),
    ("help --commands", _("list every available command")),
]

USAGE = _("""usage: viennaplan COMMAND [ARGS]

viennaplan runs the Plans of Action for the implementation of the Vienna Declaration
on Crime and Justice: the plan as open data, and the tools built on it.

The database is chosen by DATABASE_URL (default: the SQLite file var/viennaplan.sqlite3).

viennaplan commands:
%(project)s

site and database:
%(django)s

`viennaplan COMMAND --help` describes one command.
""")


def _table(rows: list[tuple[str, Promise]]) -> str:
    width = max(len(name) for name, _ in rows) + 2
    return "\n".join(f"  {name.ljust(width)}{summary}" for name, summary in rows)


def usage() -> str:
    """The overview `viennaplan --help` prints, in the active language (Django must be set up)."""
    return USAGE % {"project": _table(PROJECT_COMMANDS), "django": _table(DJANGO_COMMANDS)}


def language_option(argv: list[str]) -> tuple[str | None, list[str]]:
    """`viennaplan --lang CODE …` (or `--lang=CODE`) right after the program's name: the code as given,
    and the arguments without the option. (None, argv) without it."""
    if len(argv) > 1 and argv[1].startswith("--lang="):
        return argv[1].split("=", 1)[1], [argv[0], *argv[2:]]
    if len(argv) > 1 and argv[1] == "--lang":
        return (argv[2] if len(argv) > 2 else ""), [argv[0], *argv[3:]]
    return None, argv


def activate_language(wanted: str) -> None:
    """Make `wanted` the active language for the whole command; exit 2 naming the site's languages
    when it is not one of them (Django must be set up)."""
    from django.utils import translation

    from viennaplan import languages

    code = languages.known(wanted)
    if code is None:
        message = _("Unknown language %(code)s for --lang: choose one of %(codes)s.") % {
            "code": repr(wanted),
            "codes": ", ".join(languages.codes()),
        }
        sys.stderr.write(f"viennaplan: {message}\n")
        raise SystemExit(2)
    translation.activate(code)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    wanted, argv = language_option(argv)
    if wanted is not None:
        import django

        django.setup()  # the catalogues are read from the installed apps
        activate_language(wanted)
    if len(argv) < 2 or argv[1] in {"-h", "--help", "help"} and len(argv) == 2:
        import django

        django.setup()  # the translations are read from the installed apps
        sys.stdout.write(usage())
        return
    from django.core.management import execute_from_command_line

    argv[0] = "viennaplan"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
