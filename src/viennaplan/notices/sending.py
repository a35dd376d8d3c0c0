"""Making and sending notices: the Django side of `rules`.

    on_report_transitioned / on_cycle_opened    listeners of reporting.signals (connected in apps.py)
    notify(kind, facts, link, told)              the in-app notices, then their e-mails
    due_states(cycle, today)                     the States whose focal points are due a deadline reminder
    remind(cycle, today, ...)                    send those reminders (once per cycle, State and person)

Every notice is stored first; its e-mail goes out after, through Django's mail framework
(settings.EMAIL_BACKEND). A mail server that fails is logged and changes nothing else: the
transition stays made, the in-app notice stays listed, `emailed_at` stays empty.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import lazy

from viennaplan.accounts.names import display_name
from viennaplan.accounts.permissions import role_of
from viennaplan.accounts.roles import FOCAL_POINT, SECRETARIAT
from viennaplan.countries import registry
from viennaplan.reporting.completion import due_reminder
from viennaplan.reporting.models import Report, ReportingCycle

from .models import EmailChoice, Notice, Reminder
from .rules import (
    AUDIENCES,
    CYCLE_OPENED,
    DEADLINE_NEAR,
    KIND_OF_TRANSITION,
    Facts,
    Person,
    email_body,
    recipients,
    words,
)

# A State's name, read when the notice is written in its recipient's language.
state_name = lazy(registry.country_name, str)

logger = logging.getLogger(__name__)


def absolute(path: str) -> str:
    """The address of a page of the site, for e-mails: settings.SITE_URL and the path."""
    return settings.SITE_URL.rstrip("/") + path


def people(roles: Iterable[str]) -> list[Person]:
    """The active accounts holding one of `roles` (a superuser counts as secretariat), as Persons."""
    roles = set(roles)
    holding = Q(profile__role__in=roles)
    if SECRETARIAT in roles:
        holding |= Q(is_superuser=True)
    users = (
        get_user_model()
        .objects.filter(holding, is_active=True)
        .select_related("profile")
        .annotate(no_email=Exists(EmailChoice.objects.filter(user=OuterRef("pk"), send_email=False)))
        .order_by("pk")
    )
    return [
        Person(
            pk=user.pk,
            role=role_of(user),
            state=getattr(getattr(user, "profile", None), "state_id", None),
            email=user.email,
            is_active=user.is_active,
            wants_email=not user.no_email,
            language=getattr(getattr(user, "profile", None), "language", "") or "",
        )
        for user in users
    ]


def language_of(person: Person) -> str:
    """The language a notice to `person` is written in: the one they chose, else English."""
    return person.language or "en"


def audience_of(kind: str) -> list[Person]:
    return people(audience.role for audience in AUDIENCES[kind])


# -- making notices ------------------------------------------------------------------------------


def record(kind: str, facts: Facts, link: str, told: list[Person]) -> list[tuple[Notice, Person]]:
    """Store the in-app notices of an event for `told`, each in its person's language; (notice,
    person) pairs for their e-mails."""
    worded: dict[str, tuple[str, str]] = {}
    for person in told:
        if person.language not in worded:
            with translation.override(language_of(person)):
                worded[person.language] = words(kind, facts)
    now = timezone.now()
    notices = Notice.objects.bulk_create(
        [
            Notice(
                recipient_id=person.pk,
                kind=kind,
                subject=worded[person.language][0],
                text=worded[person.language][1],
                link=link,
                created_at=now,
            )
            for person in told
        ]
    )
    return list(zip(notices, told, strict=True))


def email(pairs: list[tuple[Notice, Person]]) -> int:
    """Send the e-mail of each notice whose person takes e-mail; the number sent. Never raises for
    the mail server: a failure is logged, and the notices not sent keep `emailed_at` empty."""
    wanted = [(notice, person) for notice, person in pairs if person.emailed]
    if not wanted:
        return 0
    account_url = absolute(reverse("accounts:account"))
    sent: list[int] = []
    try:
        with get_connection() as connection:
            for notice, person in wanted:
                with translation.override(language_of(person)):
                    body = email_body(notice.text, absolute(notice.link), account_url)
                message = EmailMessage(notice.subject, body, to=[person.email], connection=connection)
                try:
                    message.send()
                except Exception:  # the mail server's failure must not undo the event
                    logger.exception("Notice %s could not be e-mailed to %s", notice.pk, person.email)
                else:
                    sent.append(notice.pk)
    except Exception:  # opening or closing the connection failed
        logger.exception("The mail server failed: %d notice e-mails not sent", len(wanted) - len(sent))
    if sent:
        Notice.objects.filter(pk__in=sent).update(emailed_at=timezone.now())
    return len(sent)


def notify(kind: str, facts: Facts, link: str, told: list[Person]) -> list[Notice]:
    """The in-app notices of an event (stored in one transaction), then their e-mails."""
    with transaction.atomic():
        pairs = record(kind, facts, link, told)
    email(pairs)
    return [notice for notice, _ in pairs]


# -- the listeners ---------------------------------------------------------------------------------


def on_report_transitioned(sender: Any, event: Any, **_: Any) -> None:
    """A report moved (reporting.signals.report_transitioned, after the commit)."""
    kind = KIND_OF_TRANSITION.get(event.transition)
    report = Report.objects.select_related("cycle", "state").get(pk=event.report_id)
    if kind is None or report.cycle.is_demo:
        return
    facts = Facts(
        cycle=report.cycle.name,
        state=state_name(report.state_id),
        comment=event.comment,
        by=display_name(event.user, nobody=""),
    )
    told = recipients(kind, audience_of(kind), state=report.state_id, actor=event.user_id)
    notify(kind, facts, report.get_absolute_url(), told)


def on_cycle_opened(sender: Any, cycle: ReportingCycle, user: Any = None, **_: Any) -> None:
    """A reporting cycle opened (reporting.signals.cycle_opened, after the commit)."""
    if cycle.is_demo:
        return
    facts = Facts(cycle=cycle.name, closes=cycle.closes, by=display_name(user, nobody=""))
    told = recipients(CYCLE_OPENED, audience_of(CYCLE_OPENED), actor=getattr(user, "pk", None))
    notify(CYCLE_OPENED, facts, cycle.get_absolute_url(), told)


# -- deadline reminders ----------------------------------------------------------------------------


@dataclass
class Due:
    """A State whose focal points are due a reminder in a cycle."""

    cycle_id: int
    alpha3: str
    name: str
    status: str | None  # None: not started
    focal_points: list[Person] = field(default_factory=list)
    last_reminded: datetime | None = None

    @property
    def link(self) -> str:
        """The report's page (a report not started: the page that starts it)."""
        return Report(cycle_id=self.cycle_id, state_id=self.alpha3).get_absolute_url()


def due_states(cycle: ReportingCycle, today: date) -> list[Due]:
    """The States that have active focal points and whose report is due a reminder on `today`
    (reporting.completion.due_reminder), by name, with when each was last reminded."""
    focal_points = people([FOCAL_POINT])
    states = sorted({person.state for person in focal_points if person.state})
    statuses = dict(Report.objects.filter(cycle=cycle, state_id__in=states).values_list("state_id", "status"))
    due = [state for state in states if due_reminder(statuses.get(state), cycle.closes, today)]
    last = dict(
        Reminder.objects.filter(cycle=cycle, state_id__in=due)
        .values("state_id")
        .annotate(last=Max("sent_at"))
        .values_list("state_id", "last")
    )
    return sorted(
        (
            Due(
                cycle_id=cycle.pk,
                alpha3=state,
                name=registry.country_name(state),
                status=statuses.get(state),
                focal_points=recipients(DEADLINE_NEAR, focal_points, state=state),
                last_reminded=last.get(state),
            )
            for state in due
        ),
        key=lambda d: d.name,
    )


def cycles_to_remind(today: date) -> list[ReportingCycle]:
    """The cycles the daily run looks at: open on `today` (a closed cycle's late reports are the
    Secretariat's to chase, by the button on the cycle page), demonstration cycles aside."""
    return list(ReportingCycle.objects.filter(is_demo=False, opens__lte=today, closes__gte=today).order_by("closes"))


def remind(
    cycle: ReportingCycle,
    today: date,
    *,
    states: Iterable[str] | None = None,
    once: bool = True,
    by: Any = None,
    dry_run: bool = False,
) -> list[tuple[Due, Person]]:
    """Remind the focal points of the States due a reminder in `cycle` (only `states`, if given);
    with `once`, nobody already reminded of that State in that cycle. The (State, person) pairs told
    (with `dry_run`: who would be told; nothing is sent or recorded)."""
    due = due_states(cycle, today)
    if states is not None:
        wanted = set(states)
        due = [d for d in due if d.alpha3 in wanted]
    already = set(Reminder.objects.filter(cycle=cycle).values_list("state_id", "recipient_id")) if once else set()
    told = [(d, person) for d in due for person in d.focal_points if (d.alpha3, person.pk) not in already]
    if dry_run or not told:
        return told
    pairs: list[tuple[Notice, Person]] = []
    sender = by if getattr(by, "is_authenticated", False) else None
    with transaction.atomic():
        for d in due:
            people_told = [person for state, person in told if state is d]
            if not people_told:
                continue
            facts = Facts(cycle=cycle.name, state=state_name(d.alpha3), closes=cycle.closes)
            pairs += record(DEADLINE_NEAR, facts, d.link, people_told)
            Reminder.objects.bulk_create(
                Reminder(cycle=cycle, state_id=d.alpha3, recipient_id=person.pk, sent_by=sender)
                for person in people_told
            )
    email(pairs)
    return told
