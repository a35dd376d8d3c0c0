"""Projects that deliver technical assistance, and how their delivery moves the requests they serve.

    create_project(user, title="Firearms marking, West Africa", region="Africa", chapter="VI")
    attach_requests(user, project, [request, ...])
    record_output(user, project, kind="seminar_held", quantity=1, date=date(2003, 5, 6))
    complete_project(user, project)

Only those allowed `project.manage` (the secretariat) do these. Recording an output starts the
delivery of the project's funded requests (funded -> in_delivery); completing the project delivers
them (in_delivery -> delivered, funded ones through in_delivery first). The requests move only
through `transitions.apply_transition`, each move an event by the user who recorded the output or
completed the project.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from viennaplan.accounts.permissions import require

from . import rules, workflow
from .models import AssistanceRequest, Project, ProjectOutput
from .transitions import apply_transition

MANAGE = "project.manage"
KEY_ATTEMPTS = 5


def _errors(error: ValidationError) -> dict[str, list[str]]:
    return {name: [str(m) for m in messages] for name, messages in error.message_dict.items()}


def create_project(user: Any, *, title: str, **fields: Any) -> Project:
    """A new project, planned unless told otherwise, with its key generated (PRJ-2003-001)."""
    require(user, MANAGE)
    project = Project(key="PRJ-PENDING", title=title.strip(), **fields)
    try:
        project.full_clean(exclude=["key"])
    except ValidationError as error:
        raise ValidationError(_errors(error)) from None
    project._history_user = user  # type: ignore[attr-defined]
    year = (project.start or timezone.localdate()).year
    for attempt in range(KEY_ATTEMPTS):
        prefix = rules.project_key(year, 0)[:-3]
        taken = list(Project.objects.filter(key__startswith=prefix).values_list("key", flat=True))
        project.key = rules.project_key(year, rules.next_number(taken))
        try:
            with transaction.atomic():
                project.save()
            return project
        except IntegrityError:
            project.pk = None
            if attempt == KEY_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def attach_requests(user: Any, project: Project, requests: Iterable[AssistanceRequest]) -> None:
    """Let `project` serve these requests (kept in the project's history)."""
    require(user, MANAGE)
    project._history_user = user  # type: ignore[attr-defined]
    project.requests.add(*requests)


def record_output(
    user: Any, project: Project, *, kind: str, date: date, quantity: int = 1, description: str = ""
) -> ProjectOutput:
    """Record what the project delivered; its funded requests go into delivery (an event each)."""
    require(user, MANAGE)
    output = ProjectOutput(project=project, kind=kind, quantity=quantity, date=date, description=description.strip())
    try:
        output.full_clean()
    except ValidationError as error:
        raise ValidationError(_errors(error)) from None
    if project.status == rules.COMPLETED:
        raise ValidationError({"project": [_("The project is completed: no output can be recorded any more.")]})
    comment = _("Project %(key)s recorded an output: %(output)s.") % {
        "key": project.key,
        "output": rules.OUTPUT_KIND_LABELS[kind],
    }
    with transaction.atomic():
        output._history_user = user  # type: ignore[attr-defined]
        output.save()
        if project.status == rules.PLANNED:
            project.status = rules.ACTIVE
            project._history_user = user  # type: ignore[attr-defined]
            project.save()
        for request in _requests_of(project, workflow.FUNDED):
            apply_transition(user, request, "deliver", comment)
    return output


def complete_project(user: Any, project: Project) -> list[AssistanceRequest]:
    """Mark the project completed; its funded and in-delivery requests become delivered. Returns them."""
    require(user, MANAGE)
    comment = _("Project %(key)s was completed.") % {"key": project.key}
    delivered = []
    with transaction.atomic():
        project.status = rules.COMPLETED
        project._history_user = user  # type: ignore[attr-defined]
        project.save()
        for request in _requests_of(project, workflow.FUNDED, workflow.IN_DELIVERY):
            if request.status == workflow.FUNDED:
                apply_transition(user, request, "deliver", comment)
            apply_transition(user, request, "complete", comment)
            delivered.append(request)
    return delivered


def _requests_of(project: Project, *statuses: str) -> list[AssistanceRequest]:
    return list(project.requests.filter(status__in=statuses).order_by("key").select_for_update())
