"""Who is told what: the recipients and the words of every notice. Plain Python, no Django but
`django.utils.translation`: the words are in the active language (`sending` activates each
recipient's).

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

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
    SUBMITTED: gettext_lazy("Report submitted"),
    RESUBMITTED: gettext_lazy("Report resubmitted"),
    RETURNED: gettext_lazy("Report returned"),
    VALIDATED: gettext_lazy("Report validated"),
    PUBLISHED: gettext_lazy("Report published"),
    CYCLE_OPENED: gettext_lazy("Reporting cycle opened"),
    DEADLINE_NEAR: gettext_lazy("Deadline reminder"),
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
    language: str = ""  # the language the person chose (Profile.language); "" = none: English

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
    """(subject, text) of a notice of `kind`, in the active language (the sender activates the
    recipient's)."""
    values = {
        "state": facts.state,
        "cycle": facts.cycle,
        "by": facts.by,
        "deadline": long_date(facts.closes),
        "comment": facts.comment,
    }
    by = bool(facts.by)
    if kind == SUBMITTED:
        subject = _("%(state)s: report submitted for review (%(cycle)s)")
        text = (
            _("The report of %(state)s in the reporting cycle “%(cycle)s” was submitted by %(by)s and awaits review.")
            if by
            else _("The report of %(state)s in the reporting cycle “%(cycle)s” was submitted and awaits review.")
        )
    elif kind == RESUBMITTED:
        subject = _("%(state)s: report resubmitted for review (%(cycle)s)")
        text = (
            _(
                "The report of %(state)s in the reporting cycle “%(cycle)s” was resubmitted by %(by)s after it "
                "was returned, and awaits review again."
            )
            if by
            else _(
                "The report of %(state)s in the reporting cycle “%(cycle)s” was resubmitted after it was "
                "returned, and awaits review again."
            )
        )
    elif kind == RETURNED:
        subject = _("%(state)s: report returned to you (%(cycle)s)")
        text = (
            _(
                "The report of %(state)s in the reporting cycle “%(cycle)s” was returned to the focal points by "
                "%(by)s. Change what is asked and resubmit it."
            )
            if by
            else _(
                "The report of %(state)s in the reporting cycle “%(cycle)s” was returned to the focal points. "
                "Change what is asked and resubmit it."
            )
        )
    elif kind == VALIDATED:
        subject = _("%(state)s: report validated (%(cycle)s)")
        text = (
            _(
                "The report of %(state)s in the reporting cycle “%(cycle)s” was validated by %(by)s. "
                "The Secretariat publishes it next."
            )
            if by
            else _(
                "The report of %(state)s in the reporting cycle “%(cycle)s” was validated. "
                "The Secretariat publishes it next."
            )
        )
    elif kind == PUBLISHED:
        subject = _("%(state)s: report published (%(cycle)s)")
        text = (
            _(
                "The report of %(state)s in the reporting cycle “%(cycle)s” was published by %(by)s: "
                "everyone can read it now."
            )
            if by
            else _(
                "The report of %(state)s in the reporting cycle “%(cycle)s” was published: everyone can read it now."
            )
        )
    elif kind == CYCLE_OPENED:
        subject = _("Reporting cycle opened: %(cycle)s")
        text = (
            _("The reporting cycle “%(cycle)s” was opened by %(by)s. Reports are due by %(deadline)s.")
            if by
            else _("The reporting cycle “%(cycle)s” was opened. Reports are due by %(deadline)s.")
        )
    elif kind == DEADLINE_NEAR:
        subject = _("%(state)s: report due by %(deadline)s (%(cycle)s)")
        text = _(
            "The report of %(state)s in the reporting cycle “%(cycle)s” is due by %(deadline)s and has not been "
            "submitted yet."
        )
    else:
        raise ValueError(f"{kind!r} is not a kind of notice; the kinds are {', '.join(KINDS)}.")
    body = text % values
    if kind == RETURNED and facts.comment:
        body += "\n\n" + _("The reviewer's comment:\n%(comment)s") % values
    return subject % values, body


def email_body(text: str, url: str, account_url: str) -> str:
    """The e-mail of a notice: its text, the link to act on, and how to stop the e-mails."""
    return _(
        "%(text)s\n\nOpen it here:\n%(url)s\n\n"
        "--\nYou can turn off these e-mails on your account page (%(account_url)s); "
        "the notices stay listed in the site."
    ) % {"text": text, "url": url, "account_url": account_url}
