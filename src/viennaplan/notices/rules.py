"""Who is told what: the recipients and the words of every notice. Plain Python, no Django.

| event                      | who is told                                              | the link      |
|----------------------------|----------------------------------------------------------|---------------|
| a report submitted         | every reviewer (they review it next)                     | the report    |
| a report resubmitted       | every reviewer                                           | the report    |
| a report returned          | the State's focal points, with the reviewer's comment    | the report    |
| a report validated         | the State's focal points; the secretariat (it publishes) | the report    |
| a report published         | the State's focal points                                 | the report    |
| a cycle opened             | every focal point                                        | the cycle     |
| a week before the deadline | the focal points of each State whose report is not       | the report    |
|                            | submitted (reporting.completion.due_reminder decides)    |               |

Nobody is told of their own move. Deactivated accounts are never told. Everyone else told gets
the notice in the site; it is also sent by e-mail unless the account has no e-mail address or
its owner turned e-mail off. Reviewers are not bound to a State: every reviewer hears of every
submission. Demonstration cycles (generated data) tell nobody.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from viennaplan.accounts.roles import FOCAL_POINT, REVIEWER, SECRETARIAT
from viennaplan.dates import long_date

SUBMITTED = "submitted"
RESUBMITTED = "resubmitted"
RETURNED = "returned"
VALIDATED = "validated"
PUBLISHED = "published"
CYCLE_OPENED = "cycle_opened"
DEADLINE_NEAR = "deadline_near"

KINDS: dict[str, str] = {
    SUBMITTED: "Report submitted",
    RESUBMITTED: "Report resubmitted",
    RETURNED: "Report returned",
    VALIDATED: "Report validated",
    PUBLISHED: "Report published",
    CYCLE_OPENED: "Reporting cycle opened",
    DEADLINE_NEAR: "Deadline reminder",
}

# reporting.workflow's transition names -> the kind of notice they make
KIND_OF_TRANSITION: dict[str, str] = {
    "submit": SUBMITTED,
    "resubmit": RESUBMITTED,
    "return": RETURNED,
    "validate": VALIDATED,
    "publish": PUBLISHED,
}


@dataclass(frozen=True)
class Audience:
    """People of `role`; with `own_state`, only those bound to the State the notice is about."""

    role: str
    own_state: bool = False


AUDIENCES: dict[str, tuple[Audience, ...]] = {
    SUBMITTED: (Audience(REVIEWER),),
    RESUBMITTED: (Audience(REVIEWER),),
    RETURNED: (Audience(FOCAL_POINT, own_state=True),),
    VALIDATED: (Audience(FOCAL_POINT, own_state=True), Audience(SECRETARIAT)),
    PUBLISHED: (Audience(FOCAL_POINT, own_state=True),),
    CYCLE_OPENED: (Audience(FOCAL_POINT),),
    DEADLINE_NEAR: (Audience(FOCAL_POINT, own_state=True),),
}


@dataclass(frozen=True)
class Person:
    """An account as the rules see it."""

    pk: int
    role: str | None
    state: str | None = None  # alpha-3, focal points only
    email: str = ""
    is_active: bool = True
    wants_email: bool = True

    @property
    def emailed(self) -> bool:
        """Whether a notice to this person also goes by e-mail."""
        return bool(self.email) and self.wants_email


@dataclass(frozen=True)
class Facts:
    """What a notice is about, in words."""

    cycle: str  # the cycle's name
    state: str = ""  # the State's name
    closes: date | None = None  # the cycle's deadline
    comment: str = ""  # the reviewer's, on a return
    by: str = ""  # who made the move


def recipients(kind: str, people: Iterable[Person], state: str | None = None, actor: int | None = None) -> list[Person]:
    """The people to tell of an event of `kind` about `state` (alpha-3) made by `actor` (an account id)."""
    audiences = AUDIENCES[kind]
    told = []
    for person in people:
        if not person.is_active or person.pk == actor:
            continue
        if any(
            person.role == audience.role and (not audience.own_state or (state is not None and person.state == state))
            for audience in audiences
        ):
            told.append(person)
    return told


def words(kind: str, facts: Facts) -> tuple[str, str]:
    """(subject, text) of a notice of `kind`."""
    by = f" by {facts.by}" if facts.by else ""
    deadline = long_date(facts.closes)
    report = f"The report of {facts.state} in the reporting cycle “{facts.cycle}”"
    if kind == SUBMITTED:
        return (
            f"{facts.state}: report submitted for review ({facts.cycle})",
            f"{report} was submitted{by} and awaits review.",
        )
    if kind == RESUBMITTED:
        return (
            f"{facts.state}: report resubmitted for review ({facts.cycle})",
            f"{report} was resubmitted{by} after it was returned, and awaits review again.",
        )
    if kind == RETURNED:
        comment = f"\n\nThe reviewer's comment:\n{facts.comment}" if facts.comment else ""
        return (
            f"{facts.state}: report returned to you ({facts.cycle})",
            f"{report} was returned to the focal points{by}. Change what is asked and resubmit it.{comment}",
        )
    if kind == VALIDATED:
        return (
            f"{facts.state}: report validated ({facts.cycle})",
            f"{report} was validated{by}. The Secretariat publishes it next.",
        )
    if kind == PUBLISHED:
        return (
            f"{facts.state}: report published ({facts.cycle})",
            f"{report} was published{by}: everyone can read it now.",
        )
    if kind == CYCLE_OPENED:
        return (
            f"Reporting cycle opened: {facts.cycle}",
            f"The reporting cycle “{facts.cycle}” was opened{by}. Reports are due by {deadline}.",
        )
    if kind == DEADLINE_NEAR:
        return (
            f"{facts.state}: report due by {deadline} ({facts.cycle})",
            f"{report} is due by {deadline} and has not been submitted yet.",
        )
    raise ValueError(f"{kind!r} is not a kind of notice; the kinds are {', '.join(KINDS)}.")


def email_body(text: str, url: str, account_url: str) -> str:
    """The e-mail of a notice: its text, the link to act on, and how to stop the e-mails."""
    return (
        f"{text}\n\nOpen it here:\n{url}\n\n"
        f"--\nYou can turn off these e-mails on your account page ({account_url}); "
        "the notices stay listed in the site."
    )
