"""`viennaplan notices remind`: the deadline reminders, run once a day (cron).

    viennaplan notices remind                      remind the focal points due a reminder today
    viennaplan notices remind --dry-run            list who would be told; send and record nothing
    viennaplan notices remind --today 2002-12-25   as if today were that day (tests, catching up)

A week before a cycle's deadline (reporting.completion.due_reminder), the focal points of each
State whose report is not submitted are told, once per cycle, State and person: running it again
the same day or the next tells nobody twice. Only cycles open on the day are looked at.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.subcommands import SubcommandCommand

from ...sending import cycles_to_remind, remind


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            _("--today: %(text)s is not a date written YYYY-MM-DD, e.g. 2002-12-24.") % {"text": repr(text)}
        ) from None


class Command(SubcommandCommand):
    help = gettext_lazy("Notices sent by the clock (`viennaplan notices SUBCOMMAND --help`).")

    def add_subcommands(self, commands: Any) -> None:
        reminder = commands.add_parser(
            "remind",
            help=_("remind focal points a week before a cycle's deadline (once each; run it daily)"),
            description=_(
                "Tell the focal points of each State whose report is not submitted, from a week before "
                "the deadline of an open cycle, once per cycle, State and person."
            ),
        )
        reminder.add_argument("--dry-run", action="store_true", help=_("list who would be told; send nothing"))
        reminder.add_argument("--today", metavar="YYYY-MM-DD", help=_("the day to act as of (default: today)"))

    def run_remind(self, *, dry_run: bool, today: str | None, **_: Any) -> None:
        on = day(today) if today else timezone.localdate()
        verb = "Would remind" if dry_run else "Reminded"
        total, states = 0, 0
        for cycle in cycles_to_remind(on):
            told = remind(cycle, on, dry_run=dry_run)
            for due, person in told:
                self.stdout.write(f"{verb} {person.email or f'account {person.pk}'} of {due.alpha3} ({cycle.name})")
            total += len(told)
            states += len({due.alpha3 for due, _ in told})
        people = f"{total} focal point{'' if total == 1 else 's'}"
        self.stdout.write(f"{verb} {people} of {states} State{'' if states == 1 else 's'} as of {on.isoformat()}.")
