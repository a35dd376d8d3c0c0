"""`viennaplan demo`: fill the demonstration database with generated reports of every State.

    viennaplan demo [--states CHE,FRA,...] [--seed N] [--reset]

It always writes to the demonstration database (var/demo.sqlite3, or VIENNAPLAN_DEMO_DATABASE_URL)
and never to the real one: started without VIENNAPLAN_DEMO=1 it runs itself again with it. It
migrates that database, imports the plan into it if needed, and generates three cycles of
reports (see `reporting.demo`). When the database already holds cycles it changes nothing,
unless --reset is given (then everything in it is regenerated).
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from viennaplan.reporting import demo


class Command(BaseCommand):
    help = "Fill the separate demonstration database with generated reports (never the real database)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--states", default="", help="comma-separated alpha-3 codes (default: every State)")
        parser.add_argument("--seed", type=int, default=demo.SEED, help=f"random seed (default {demo.SEED})")
        parser.add_argument("--reset", action="store_true", help="delete the demonstration cycles and generate again")

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEMO", False):
            self._run_in_demo_mode(options)
            return
        database = settings.DATABASES["default"]
        self.stdout.write(f"Demonstration database: {database.get('NAME')}")
        call_command("migrate", interactive=False, verbosity=0)
        from viennaplan.reporting.models import ReportingCycle

        existing = ReportingCycle.objects.count()
        if existing and not options["reset"]:
            self.stdout.write(f"It already holds {existing} cycles; nothing changed (use --reset to generate again).")
            return
        if options["reset"]:
            demo.reset()
        states = [code.strip().upper() for code in options["states"].split(",") if code.strip()] or None
        try:
            summary = demo.fill(seed=options["seed"], states=states, progress=self.stdout.write)
        except demo.DemoRefused as refused:
            raise CommandError(str(refused)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {summary.cycles} cycles, {summary.reports} reports and {summary.answers} answers "
                f"of {summary.states} States (DEMONSTRATION DATA, seed {options['seed']})."
            )
        )
        accounts = ", ".join(email for email, _, _ in demo.DEMO_USERS)
        self.stdout.write(f"Sign in as {accounts} with the password {demo.DEMO_PASSWORD!r}.")

    def _run_in_demo_mode(self, options: dict[str, Any]) -> None:
        argv = [sys.executable, "-m", "viennaplan", "demo", "--seed", str(options["seed"])]
        if options["states"]:
            argv += ["--states", options["states"]]
        if options["reset"]:
            argv.append("--reset")
        self.stdout.write("Running again with VIENNAPLAN_DEMO=1: the real database is not touched.")
        self.stdout.flush()
        status = subprocess.call(argv, env={**os.environ, "VIENNAPLAN_DEMO": "1"})
        if status:
            raise CommandError(f"the demonstration run failed (exit status {status})")
