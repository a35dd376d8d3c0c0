"""Who may do what: the one place that decides, for web pages, the JSON API and domain code.

    can(user, action, obj=None) -> bool          the answer (total: an unknown action is False, and logged)
    require(user, action, obj=None) -> None      raises PermissionDenied saying what is not allowed
    why_not(user, action, obj=None) -> str|None  that message, or None when allowed
    role_of(user) / state_of(user)               "focal_point" / "CHE" (None for the public)
    queryset_filter(user, action) -> Q           the rows `action` is allowed on, for list pages
    api_require(request, action, obj=None)       in a django-ninja operation: 401/403 {"detail": why}
    @api_requires(action, get_object=None)       the same as a decorator under @router.get(...)

Roles (accounts.roles): secretariat, national focal point (bound to one State), reviewer,
civil-society contributor; a user without a role, deactivated or not signed in is the public.
A superuser counts as secretariat.

The rules, as the table ACTIONS below states them. The secretariat may do every action on every
object (not shown). "own" = only for objects of the focal point's own State. Statuses are those
of a report (draft, submitted, returned, validated, published). "everyone" includes the public
and every role. (*) The civil-society contributor's one right of their own: contribution.submit
on a published report. (†) The contact details of a competent national authority (knowledge.authorities):
authorities exist to be reached by other States, so every State's focal points may read them, and
reviewers; not the public, not civil-society contributors. (‡) Requests for technical assistance
(assistance): a focal point reads its own State's requests (the full text of the need); the
secretariat reads all, moves them along their path (assistance.workflow) and manages the projects
that deliver them; the public and donors see aggregates only, never a request (elsewhere).

| action                        | focal point            | reviewer                                  | everyone  |
|-------------------------------|------------------------|-------------------------------------------|-----------|
| report.view                   | own, any status        | submitted, returned, validated, published | published |
| report.edit (answers)         | own, draft or returned | —                                         | —         |
| report.submit                 | own, draft             | —                                         | —         |
| report.resubmit               | own, returned          | —                                         | —         |
| report.return                 | —                      | submitted                                 | —         |
| report.validate               | —                      | submitted                                 | —         |
| report.publish                | —                      | —                                         | —         |
| report.comment (review)       | —                      | submitted, returned, validated            | —         |
| report.download_questionnaire | own, any status        | —                                         | —         |
| report.upload_questionnaire   | own, draft or returned | —                                         | —         |
| cycle.manage                  | —                      | —                                         | —         |
| international.record          | —                      | —                                         | —         |
| indicator.import              | —                      | —                                         | —         |
| contribution.submit (*)       | —                      | —                                         | —         |
| contribution.moderate         | —                      | —                                         | —         |
| target.manage (indicators)    | —                      | —                                         | —         |
| account.invite                | own, focal points only | —                                         | —         |
| assistance.request            | own                    | —                                         | —         |
| assistance.view (‡)           | own                    | —                                         | —         |
| assistance.move (‡)           | —                      | —                                         | —         |
| project.manage (‡)            | —                      | —                                         | —         |
| authority.contacts (†)        | any State's authority  | any State's authority                     | —         |

Objects: a report (or anything with `.state_id` and `.status`); for account.invite an object
with `.state_id` and `.role` (accounts.invitations.Invitation); for assistance.request a State
(`.state_id`, a Country's `.alpha3`, or an alpha-3 string); for assistance.view and assistance.move
a request (`.state_id`); project.manage needs no object; for authority.contacts an authority
(an object whose `.record_type` is "authority"). A rule with a condition needs the
object: asked without one (`can(fp, "report.edit")`), it does not grant. Whether a transition
may start from a report's current status is the workflow's question (reporting.workflow); the
statuses above are the limits of each role's rights.

Operations of the JSON API that change data must also declare `auth=django_auth`: that is
what makes django-ninja check the CSRF token of a session.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .roles import CONTRIBUTOR, FOCAL_POINT, REVIEWER, SECRETARIAT, label

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

ANYONE = "*"  # a rule for everyone: the public and every role

DRAFT, SUBMITTED, RETURNED, VALIDATED, PUBLISHED = "draft", "submitted", "returned", "validated", "published"
REPORT_STATUSES: tuple[str, ...] = (DRAFT, SUBMITTED, RETURNED, VALIDATED, PUBLISHED)


@dataclass(frozen=True)
class Rule:
    """Grants an action to `role` (or ANYONE). `own_state`: the object must be of the user's
    State. `when`: each named attribute of the object must hold one of the listed values."""

    role: str
    own_state: bool = False
    when: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @property
    def needs_object(self) -> bool:
        return self.own_state or bool(self.when)


def status(*statuses: str) -> dict[str, frozenset[str]]:
    return {"status": frozenset(statuses)}


EDITABLE = status(DRAFT, RETURNED)
SECRETARIAT_RULE = Rule(SECRETARIAT)  # the secretariat may do everything

# action -> (what it is, in words for messages; the rules that grant it)
ACTIONS: dict[str, tuple[str, tuple[Rule, ...]]] = {
    "report.view": (
        gettext_lazy("view a report"),
        (
            SECRETARIAT_RULE,
            Rule(FOCAL_POINT, own_state=True),
            Rule(REVIEWER, when=status(SUBMITTED, RETURNED, VALIDATED, PUBLISHED)),
            Rule(ANYONE, when=status(PUBLISHED)),
        ),
    ),
    "report.edit": (
        gettext_lazy("edit the answers of a report"),
        (SECRETARIAT_RULE, Rule(FOCAL_POINT, True, EDITABLE)),
    ),
    "report.submit": (gettext_lazy("submit a report"), (SECRETARIAT_RULE, Rule(FOCAL_POINT, True, status(DRAFT)))),
    "report.resubmit": (
        gettext_lazy("resubmit a report"),
        (SECRETARIAT_RULE, Rule(FOCAL_POINT, True, status(RETURNED))),
    ),
    "report.return": (
        gettext_lazy("return a report to its focal point"),
        (SECRETARIAT_RULE, Rule(REVIEWER, when=status(SUBMITTED))),
    ),
    "report.validate": (gettext_lazy("validate a report"), (SECRETARIAT_RULE, Rule(REVIEWER, when=status(SUBMITTED)))),
    "report.publish": (gettext_lazy("publish a report"), (SECRETARIAT_RULE,)),
    "report.comment": (
        gettext_lazy("comment on a report under review"),
        (SECRETARIAT_RULE, Rule(REVIEWER, when=status(SUBMITTED, RETURNED, VALIDATED))),
    ),
    "report.download_questionnaire": (
        gettext_lazy("download a report's questionnaire"),
        (SECRETARIAT_RULE, Rule(FOCAL_POINT, own_state=True)),
    ),
    "report.upload_questionnaire": (
        gettext_lazy("upload a filled questionnaire into a report"),
        (SECRETARIAT_RULE, Rule(FOCAL_POINT, True, EDITABLE)),
    ),
    "cycle.manage": (gettext_lazy("open or change a reporting cycle"), (SECRETARIAT_RULE,)),
    "treaty.record": (gettext_lazy("record a treaty action"), (SECRETARIAT_RULE,)),
    "international.record": (gettext_lazy("record progress on an international action"), (SECRETARIAT_RULE,)),
    "indicator.import": (gettext_lazy("import observations of indicators"), (SECRETARIAT_RULE,)),
    "contribution.submit": (
        gettext_lazy("submit a contribution on a report"),
        (SECRETARIAT_RULE, Rule(CONTRIBUTOR, when=status(PUBLISHED))),
    ),
    "contribution.moderate": (gettext_lazy("moderate contributions"), (SECRETARIAT_RULE,)),
    "target.manage": (gettext_lazy("set or change an indicator target"), (SECRETARIAT_RULE,)),
    "account.invite": (
        gettext_lazy("invite an account"),
        (SECRETARIAT_RULE, Rule(FOCAL_POINT, own_state=True, when={"role": frozenset({FOCAL_POINT})})),
    ),
    "assistance.request": (
        gettext_lazy("request technical assistance for a State"),
        (SECRETARIAT_RULE, Rule(FOCAL_POINT, True)),
    ),
    "assistance.view": (
        gettext_lazy("read a request for technical assistance"),
        (SECRETARIAT_RULE, Rule(FOCAL_POINT, own_state=True)),
    ),
    "assistance.move": (gettext_lazy("move a request for technical assistance along its path"), (SECRETARIAT_RULE,)),
    "project.manage": (gettext_lazy("create or change a project of technical assistance"), (SECRETARIAT_RULE,)),
    "authority.contacts": (
        gettext_lazy("see how to reach a competent national authority"),
        (
            SECRETARIAT_RULE,
            Rule(FOCAL_POINT, when={"record_type": frozenset({"authority"})}),
            Rule(REVIEWER, when={"record_type": frozenset({"authority"})}),
        ),
    ),
}


def role_of(user: Any) -> str | None:
    """The user's role, or None for the public (not signed in, deactivated, or without a role)."""
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return None
    if getattr(user, "is_superuser", False):
        return SECRETARIAT
    profile = getattr(user, "profile", None)  # a missing Profile raises a subclass of AttributeError
    return getattr(profile, "role", None) or None


def state_of(user: Any) -> str | None:
    """The alpha-3 code of the State the user acts for (focal points), else None."""
    if role_of(user) is None:
        return None
    return getattr(getattr(user, "profile", None), "state_id", None) or None


def state_of_object(obj: object) -> str | None:
    """The State an object belongs to: its `.state_id`, a Country's `.alpha3`, or an alpha-3 string."""
    if isinstance(obj, str):
        return obj.upper()
    for attribute in ("state_id", "alpha3"):
        value = getattr(obj, attribute, None)
        if isinstance(value, str):
            return value
    return None


def _grants(rule: Rule, role: str | None, state: str | None, obj: object | None) -> bool:
    if rule.role != ANYONE and rule.role != role:
        return False
    if not rule.needs_object:
        return True
    if obj is None:
        return False
    if rule.own_state and (state is None or state_of_object(obj) != state):
        return False
    return all(getattr(obj, attribute, None) in allowed for attribute, allowed in rule.when.items())


def can(user: Any, action: str, obj: object | None = None) -> bool:
    """Whether `user` may do `action` (on `obj`). Never raises: an unknown action is refused."""
    entry = ACTIONS.get(action)
    if entry is None:
        logger.warning("Permission asked for an unknown action %r: refused", action)
        return False
    role, state = role_of(user), state_of(user)
    return any(_grants(rule, role, state, obj) for rule in entry[1])


def why_not(user: Any, action: str, obj: object | None = None) -> str | None:
    """None when `user` may do `action` on `obj`; otherwise a sentence saying what is not allowed."""
    if can(user, action, obj):
        return None
    if action not in ACTIONS:
        return _("%(action)s is not a known action; the actions are %(actions)s.") % {
            "action": repr(action),
            "actions": ", ".join(ACTIONS),
        }
    words, rules = ACTIONS[action]
    role, state = role_of(user), state_of(user)
    signed_in = bool(getattr(user, "is_authenticated", False))
    who = {
        SECRETARIAT: _("the secretariat"),
        FOCAL_POINT: _("the national focal point of %(state)s") % {"state": state},
        REVIEWER: _("a reviewer"),
        CONTRIBUTOR: _("a civil-society contributor"),
    }.get(role or "", str(label(role)).lower())
    if role is None:
        who = _("an account without a role") if signed_in else _("the public (not signed in)")
    message = _("Not allowed: %(who)s may not %(what)s%(which)s") % {"who": who, "what": words, "which": _describe(obj)}
    own_rules = [rule for rule in rules if rule.role == role]
    if own_rules and obj is None:
        return _("%(message)s: that depends on which one, and none was named.") % {"message": message}
    for rule in own_rules:
        if rule.own_state and state_of_object(obj) != state:
            return _("%(message)s; focal points act only for their own State (%(state)s).") % {
                "message": message,
                "state": state,
            }
        for attribute, allowed in rule.when.items():
            if getattr(obj, attribute, None) not in allowed:
                return _("%(message)s; only when its %(attribute)s is %(allowed)s.") % {
                    "message": message,
                    "attribute": attribute,
                    "allowed": " or ".join(sorted(allowed)),
                }
    if not signed_in:
        return _("%(message)s. Sign in first.") % {"message": message}
    return _("%(message)s.") % {"message": message}


def _describe(obj: object | None) -> str:
    if obj is None:
        return ""
    parts = [part for part in (state_of_object(obj), getattr(obj, "status", None), getattr(obj, "role", None)) if part]
    return f" ({', '.join(str(part) for part in parts)})" if parts else ""


def require(user: Any, action: str, obj: object | None = None) -> None:
    """Raise django.core.exceptions.PermissionDenied (with why_not's sentence) unless allowed."""
    message = why_not(user, action, obj)
    if message is not None:
        raise PermissionDenied(message)


NOTHING = Q(pk__in=[])


def queryset_filter(user: Any, action: str) -> Q:
    """A filter selecting the rows `action` is allowed on: fields `state_id` and the rules'
    attributes (`status`). `Report.objects.filter(queryset_filter(user, "report.view"))`."""
    entry = ACTIONS.get(action)
    if entry is None:
        logger.warning("Permission filter asked for an unknown action %r: nothing", action)
        return NOTHING
    role, state = role_of(user), state_of(user)
    parts: list[Q] = []
    for rule in entry[1]:
        if rule.role not in (ANYONE, role) or (rule.own_state and state is None):
            continue
        if not rule.needs_object:
            return Q()  # everything
        part = Q(state_id=state) if rule.own_state else Q()
        for attribute, allowed in rule.when.items():
            part &= Q(**{f"{attribute}__in": sorted(allowed)})
        parts.append(part)
    return functools.reduce(lambda left, right: left | right, parts) if parts else NOTHING


# -- django-ninja -------------------------------------------------------------------------------


def api_require(request: HttpRequest, action: str, obj: object | None = None) -> None:
    """In a django-ninja operation: refuse with 401 (not signed in) or 403, {"detail": why}."""
    from ninja.errors import HttpError

    message = why_not(request.user, action, obj)
    if message is not None:
        raise HttpError(403 if request.user.is_authenticated else 401, message)


def api_requires(action: str, get_object: Callable[..., object] | None = None) -> Callable[[Any], Any]:
    """Decorator for a django-ninja operation (put it under the @router.get/post line).

    `get_object(request, **path_params)` loads the object the action is about; an Http404 it
    raises answers 404 {"detail": ...}. Refusals answer 401/403 {"detail": why}.
    """
    from ninja.decorators import decorate_view

    def guard(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(run)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            from django.http import Http404, JsonResponse

            # the API's one error body (viennaplan.api_shapes.ErrorOut); this guard runs outside the
            # operation, so the API's exception handlers do not see what it refuses
            try:
                obj = get_object(request, **kwargs) if get_object is not None else None
            except Http404 as missing:
                return JsonResponse({"detail": str(missing) or "Not Found", "errors": []}, status=404)
            message = why_not(request.user, action, obj)
            if message is not None:
                status = 403 if request.user.is_authenticated else 401
                return JsonResponse({"detail": message, "errors": []}, status=status)
            return run(request, *args, **kwargs)

        return guarded

    return decorate_view(guard)
