"""`viennaplan search rebuild|status`: the full-text index of the provisions.

    viennaplan search rebuild    rebuild the index of every plan version from the stored provisions
    viennaplan search status     say whether the index matches the provisions (exit status 1 if not)

A database filled without the store (`loaddata`, a copy of the tables) holds provisions that
search cannot find until the index is rebuilt; `viennaplan restore` rebuilds it by itself.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils.translation import gettext, gettext_lazy

from viennaplan.subcommands import SubcommandCommand


class Command(SubcommandCommand):
    help = gettext_lazy("Rebuild or inspect the full-text search index (`viennaplan search SUBCOMMAND --help`).")

    def add_subcommands(self, commands: Any) -> None:
        commands.add_parser(
            "rebuild",
            help=gettext("rebuild the search index of every plan version from the stored provisions"),
            description=gettext(
                "Rebuild the full-text index (FTS5 on SQLite, the GIN tsvector index on "
                "PostgreSQL) from the provisions stored, for every plan version, in one transaction."
            ),
        )
        commands.add_parser(
            "status",
            help=gettext("say whether the search index matches the stored provisions"),
            description=gettext(
                "Compare the search index with the stored provisions; exit status 1 when "
                "it is out of date (then run `viennaplan search rebuild`)."
            ),
        )

    def run_status(self, **_: Any) -> None:
        from viennaplan.plan.search import index_state

        state = index_state()
        message = f"{state.describe().capitalize()} ({connection.vendor})"
        if not state.ok:
            raise CommandError(gettext("%(state)s; run `viennaplan search rebuild`") % {"state": message})
        self.stdout.write(message)

    def run_rebuild(self, **_: Any) -> None:
        from viennaplan.plan.search import index_state, rebuild_index

        with transaction.atomic():
            before = index_state()
            count = rebuild_index()
        self.stdout.write(
            self.style.SUCCESS(
                f"Rebuilt the search index ({connection.vendor}): {count} provisions indexed "
                f"(before: {before.stale} missing or outdated, {before.orphans} of deleted provisions)"
            )
        )
