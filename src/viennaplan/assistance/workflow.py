"""The path of a request for technical assistance as data: statuses, named transitions, permissions.

Plain Python, no Django but `django.utils.translation`. A request moves only through these:

    assess      received           -> assessed            (secretariat)
    await       assessed           -> awaiting_resources  (secretariat)
    fund        awaiting_resources -> funded              (secretariat)
    deliver     funded             -> in_delivery         (secretariat; also when a project records an output)
    complete    in_delivery        -> delivered           (secretariat; also when its project is completed)
    close       delivered          -> closed              (secretariat)
    decline     received, assessed or awaiting_resources -> declined (secretariat; a reason is required)

`transition(status, name, comment)` answers the new status or raises `TransitionError` saying why
the move is not possible and which moves are. The Django side (`transitions.apply_transition`)
adds the permission check and the event.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

RECEIVED = "received"
ASSESSED = "assessed"
AWAITING_RESOURCES = "awaiting_resources"
FUNDED = "funded"
IN_DELIVERY = "in_delivery"
DELIVERED = "delivered"
CLOSED = "closed"
DECLINED = "declined"

STATUSES: tuple[str, ...] = (RECEIVED, ASSESSED, AWAITING_RESOURCES, FUNDED, IN_DELIVERY, DELIVERED, CLOSED, DECLINED)
STATUS_LABELS: dict[str, str] = {
    RECEIVED: gettext_lazy("Received"),
    ASSESSED: gettext_lazy("Assessed"),
    AWAITING_RESOURCES: gettext_lazy("Awaiting resources"),
    FUNDED: gettext_lazy("Funded"),
    IN_DELIVERY: gettext_lazy("In delivery"),
    DELIVERED: gettext_lazy("Delivered"),
    CLOSED: gettext_lazy("Closed"),
    DECLINED: gettext_lazy("Declined"),
}
# Requests still waiting on something (not delivered, closed or declined).
OPEN_STATUSES: frozenset[str] = frozenset({RECEIVED, ASSESSED, AWAITING_RESOURCES, FUNDED, IN_DELIVERY})
FINAL_STATUSES: frozenset[str] = frozenset({CLOSED, DECLINED})

MOVE = "assistance.move"  # the accounts permission every transition asks for


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    target: str
    permission: str  # the action asked of accounts.permissions
    label: str  # the button's words
    comment_required: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition("assess", (RECEIVED,), ASSESSED, MOVE, gettext_lazy("Mark as assessed")),
        Transition("await", (ASSESSED,), AWAITING_RESOURCES, MOVE, gettext_lazy("Put on the list awaiting resources")),
        Transition("fund", (AWAITING_RESOURCES,), FUNDED, MOVE, gettext_lazy("Mark as funded")),
        Transition("deliver", (FUNDED,), IN_DELIVERY, MOVE, gettext_lazy("Start delivery")),
        Transition("complete", (IN_DELIVERY,), DELIVERED, MOVE, gettext_lazy("Mark as delivered")),
        Transition("close", (DELIVERED,), CLOSED, MOVE, gettext_lazy("Close the request")),
        Transition(
            "decline",
            (RECEIVED, ASSESSED, AWAITING_RESOURCES),
            DECLINED,
            MOVE,
            gettext_lazy("Decline the request"),
            comment_required=True,
        ),
    )
}


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
    return [t for t in TRANSITIONS.values() if status in t.sources]


def label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


def transition(status: str, name: str, comment: str = "") -> str:
    """The status a request in `status` reaches by transition `name`.

    Raises TransitionError for an unknown status or transition, a move that does not start from
    `status`, or a decline without a reason.
    """
    if status not in STATUSES:
        raise TransitionError(
            _("%(status)s is not a status of a request; the statuses are %(statuses)s.")
            % {"status": repr(status), "statuses": ", ".join(STATUSES)}
        )
    move = get(name)
    if status not in move.sources:
        possible = available_from(status)
        then = (
            _("From there the request can only %(moves)s.") % {"moves": _(" or ").join(repr(t.name) for t in possible)}
            if possible
            else _("It is final: no transition leaves it.")
        )
        raise TransitionError(
            _(
                "A request that is %(status)s cannot be moved by %(name)s: %(name)s applies only to a "
                "request that is %(sources)s. %(then)s"
            )
            % {
                "status": label(status).lower(),
                "name": repr(name),
                "sources": _(" or ").join(label(s).lower() for s in move.sources),
                "then": then,
            }
        )
    if move.comment_required and not comment.strip():
        raise TransitionError(_("%(name)s needs a reason, told to the State.") % {"name": repr(name)})
    return move.target


def permission_for(name: str) -> str:
    """The accounts permission action that transition `name` requires."""
    return get(name).permission
