"""`viennaplan accounts create|link`: accounts from the command line, for the secretariat to
bootstrap (the first secretariat account, focal points before anyone can invite them).

    viennaplan accounts create --role focal_point --state CHE --email x@example.org [--name "A B"]
    viennaplan accounts link --email x@example.org     a fresh set-password link for an account not yet active

The account is inactive until its owner follows the printed set-password link. Links start
with settings.SITE_URL (VIENNAPLAN_SITE_URL) or --site-url.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from viennaplan.accounts.invitations import AccountError, awaiting_activation, create_account, set_password_link
from viennaplan.accounts.roles import ROLE_LABELS, ROLES
from viennaplan.subcommands import SubcommandCommand


class Command(SubcommandCommand):
    help = "Create accounts and print their set-password links (`viennaplan accounts SUBCOMMAND --help`)."

    def add_subcommands(self, commands: Any) -> None:
        create = commands.add_parser(
            "create",
            help="create an account and print its set-password link",
            description="Create an inactive account (username = email) and print the link where its owner "
            "chooses a password. A national focal point needs --state.",
        )
        create.add_argument("--role", required=True, choices=ROLES)
        create.add_argument("--email", required=True)
        create.add_argument("--state", metavar="ALPHA3", help="the State of a focal point, e.g. CHE")
        create.add_argument("--name", default="", help='first and last name, e.g. "Anna Muster"')
        create.add_argument("--organisation", default="", help="for a civil-society contributor")
        create.add_argument("--site-url", dest="site_url", help="where the site is served (default: settings.SITE_URL)")

        link = commands.add_parser("link", help="print a fresh set-password link for an account not yet active")
        link.add_argument("--email", required=True)
        link.add_argument("--site-url", dest="site_url", help="where the site is served (default: settings.SITE_URL)")

    def run_create(self, *, site_url: str | None, **options: Any) -> None:
        first_name, _, last_name = options["name"].strip().partition(" ")
        try:
            user = create_account(
                email=options["email"],
                role=options["role"],
                state=options["state"],
                organisation=options["organisation"],
                first_name=first_name,
                last_name=last_name.strip(),
            )
        except AccountError as error:
            raise CommandError(str(error)) from None
        profile = user.profile
        where = f" of {profile.state.name_en} ({profile.state_id})" if profile.state_id else ""
        role = ROLE_LABELS[profile.role].lower()
        self.stdout.write(f"Created {role}{where}: {user.email} (inactive until a password is set)")
        self.print_link(user, site_url)

    def run_link(self, *, email: str, site_url: str | None, **_: Any) -> None:
        user = get_user_model().objects.filter(username__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"{email}: no such account; create it with `viennaplan accounts create`.")
        if not awaiting_activation(user):
            raise CommandError(
                f"{email}: the account has a password already; its owner can reset it on the sign-in page."
            )
        self.print_link(user, site_url)

    def print_link(self, user: Any, site_url: str | None) -> None:
        days = settings.PASSWORD_RESET_TIMEOUT // 86400
        self.stdout.write(f"Set-password link (works once, for {days} days):")
        self.stdout.write(set_password_link(user, site_url or settings.SITE_URL))
