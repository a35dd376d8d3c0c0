"""Progress on the plan's international actions, recorded per cycle by the Secretariat.

The units are those of the questionnaire (a paragraph without items, or one item), for the
international actions of the cycle's chapters; the entity defaults to the provision's actor.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from viennaplan.accounts.permissions import require
from viennaplan.plan.models import Provision

from .answer_data import clean_progress
from .cycles import plan_units
from .models import InternationalActionProgress, ReportingCycle
from .questionnaire import INTERNATIONAL, QuestionSpec


class ProgressError(ValueError):
    """A progress record that does not fit the cycle (wrong provision, stale version)."""


def international_units(cycle: ReportingCycle) -> list[QuestionSpec]:
    """The international actions of the cycle's chapters, as units (paragraphs without items, items)."""
    return plan_units(cycle.plan_version, cycle.chapters, INTERNATIONAL)


def record_international_progress(
    user: Any,
    cycle: ReportingCycle,
    provision: Provision,
    data: Mapping[str, Any],
    *,
    entity: str = "",
    expected_version: int | None = None,
) -> InternationalActionProgress:
    """Record (or update) the progress of `entity` on `provision` in `cycle` ("international.record").

    `data` has status, resources, outputs and narrative. Raises PermissionDenied,
    AnswerDataError, or ProgressError (a provision that is not an international action unit of
    the cycle; `expected_version` older than the saved record). Nothing is saved then.
    """
    require(user, "international.record", cycle)
    units = {unit.path: unit for unit in international_units(cycle)}
    unit = units.get(provision.path)
    if provision.version_id != cycle.plan_version_id or unit is None:
        raise ProgressError(
            _(
                "%(citation)s is not an international action of the chapters of %(cycle)s "
                "(%(chapters)s); record progress on a paragraph without items or on one item"
            )
            % {"citation": provision.citation, "cycle": cycle.name, "chapters": ", ".join(cycle.chapters)}
        )
    entity = (entity or unit.actor or "unspecified").strip()
    cleaned = clean_progress(data)
    with transaction.atomic():
        record = (
            InternationalActionProgress.objects.select_for_update()
            .filter(cycle=cycle, provision=provision, entity=entity)
            .first()
        )
        if record is None:
            record = InternationalActionProgress(cycle=cycle, provision=provision, entity=entity, version=0)
        elif expected_version is not None and record.version != expected_version:
            raise ProgressError(
                _(
                    "The progress on %(citation)s was saved by someone else (version %(version)s) "
                    "after you opened version %(expected)s; reload and try again."
                )
                % {"citation": provision.citation, "version": record.version, "expected": expected_version}
            )
        record.status = cleaned.status
        record.resources = cleaned.resources
        record.outputs = cleaned.outputs
        record.narrative = cleaned.narrative
        record.version += 1
        record.updated_by = user
        record.updated_at = timezone.now()
        record._history_user = user  # type: ignore[attr-defined]
        record.save()
    return record
