"""The report workflow as data: states, named transitions, and who needs which permission.

Plain Python, no Django but `django.utils.translation` (labels are lazy, messages translated
when raised). A report moves only through these transitions:

    submit    draft     -> submitted   (focal point)
    return    submitted -> returned    (reviewer; a comment saying what to fix is required)
    resubmit  returned  -> submitted   (focal point)
    validate  submitted -> validated   (reviewer)
    publish   validated -> published   (secretariat)

`transition(status, name)` answers the new status or raises `TransitionError` saying why the
move is not possible and which moves are. The Django side (`transitions.apply_transition`) adds
the permission check (`permission_for(name)` through `accounts.permissions`) and the event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DRAFT = "draft"
SUBMITTED = "submitted"
RETURNED = "returned"
VALIDATED = "validated"
PUBLISHED = "published"

STATUSES: tuple[str, ...] = (DRAFT, SUBMITTED, RETURNED, VALIDATED, PUBLISHED)
STATUS_LABELS: dict[str, str] = {
    DRAFT: gettext_lazy("Draft"),
    SUBMITTED: gettext_lazy("Submitted"),
    RETURNED: gettext_lazy("Returned to the focal point"),
    VALIDATED: gettext_lazy("Validated"),
    PUBLISHED: gettext_lazy("Published"),
}

# The focal point may change answers only while the report is in their hands.
EDITABLE_STATUSES: frozenset[str] = frozenset({DRAFT, RETURNED})


@dataclass(frozen=True)
class Transition:
    name: str
    source: str
    target: str
    permission: str  # the action asked of accounts.permissions
    label: str  # the button's words
    comment_required: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition("submit", DRAFT, SUBMITTED, "report.submit", gettext_lazy("Submit the report")),
        Transition(
            "return",
            SUBMITTED,
            RETURNED,
            "report.return",
            gettext_lazy("Return to the focal point"),
            comment_required=True,
        ),
        Transition("resubmit", RETURNED, SUBMITTED, "report.resubmit", gettext_lazy("Resubmit the report")),
        Transition("validate", SUBMITTED, VALIDATED, "report.validate", gettext_lazy("Validate the report")),
        Transition("publish", VALIDATED, PUBLISHED, "report.publish", gettext_lazy("Publish the report")),
    )
}


# The moves that hand a report in (the submit step asks about unanswered questions before them).
SUBMISSIONS: frozenset[str] = frozenset({"submit", "resubmit"})


class TransitionError(ValueError):
    """A move the workflow does not allow; the message says why and what is possible."""


def get(name: str) -> Transition:
    """The transition called `name`; TransitionError naming the known ones otherwise."""
    try:
        return TRANSITIONS[name]
    except KeyError:
        known = ", ".join(TRANSITIONS)
        raise TransitionError(
            _("There is no transition %(name)s; the transitions are %(known)s.") % {"name": repr(name), "known": known}
        ) from None


def available_from(status: str) -> list[Transition]:
    """The transitions that may start from `status`, in workflow order."""
    return [t for t in TRANSITIONS.values() if t.source == status]


def transition(status: str, name: str, comment: str = "") -> str:
    """The status a report in `status` reaches by transition `name`.

    Raises TransitionError for an unknown status or transition, a move that does not start
    from `status`, or a return without a comment.
    """
    if status not in STATUSES:
        raise TransitionError(
            _("%(status)s is not a report status; the statuses are %(statuses)s.")
            % {"status": repr(status), "statuses": ", ".join(STATUSES)}
        )
    move = get(name)
    if move.source != status:
        possible = available_from(status)
        then = (
            _("From there the report can only %(moves)s.") % {"moves": _(" or ").join(repr(t.name) for t in possible)}
            if possible
            else _("It is final: no transition leaves it.")
        )
        raise TransitionError(
            _(
                "A report that is %(status)s cannot be moved by %(name)s: %(name)s applies only to a "
                "report that is %(source)s. %(then)s"
            )
            % {"status": status, "name": repr(name), "source": move.source, "then": then}
        )
    if move.comment_required and not comment.strip():
        raise TransitionError(
            _("%(name)s needs a comment that tells the focal point what to change.") % {"name": repr(name)}
        )
    return move.target


def submission_from(status: str) -> Transition | None:
    """The move that hands in a report in `status` (submit a draft, resubmit a returned one), or None."""
    return next((t for t in available_from(status) if t.name in SUBMISSIONS), None)


def permission_for(name: str) -> str:
    """The accounts permission action that transition `name` requires ("report.submit", ...)."""
    return get(name).permission


def is_editable(status: str) -> bool:
    """Whether answers of a report in `status` may be changed."""
    return status in EDITABLE_STATUSES


def is_late(closes: date, today: date, first_submitted_on: date | None) -> bool:
    """Late: never submitted and the deadline (`closes`) passed, or first submitted after it."""
    if first_submitted_on is None:
        return today > closes
    return first_submitted_on > closes
