"""Opening a cycle and starting a State's report in it (with answers carried over).

open_cycle(user, "2002 review", date(2002, 1, 1), date(2002, 12, 31), ["III", "IV"])
report_for(cycle, "CHE")   # the report, created in draft on first use
set_require_all_answers(user, cycle, True)   # then a report is submitted only when fully answered
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_create_with_history

from viennaplan.accounts.permissions import require
from viennaplan.countries import registry
from viennaplan.countries.models import Country
from viennaplan.plan.loading import load_document
from viennaplan.plan.models import PlanVersion, Provision

from . import workflow
from .answer_data import ANSWER_FIELDS
from .models import Answer, Question, Report, ReportingCycle
from .questionnaire import NATIONAL, QuestionnaireError, QuestionSpec, action_units, normalise_chapters
from .signals import cycle_opened


class CycleError(ValueError):
    """A cycle that cannot be opened as asked; the message says what to change."""


def plan_units(version: PlanVersion, chapters: Iterable[str], kind: str = NATIONAL) -> list[QuestionSpec]:
    """The action units of `kind` in `chapters` of a stored plan version (see `questionnaire`)."""
    return action_units(load_document(version).paragraphs, chapters, kind)


def plan_chapters(version: PlanVersion) -> list[str]:
    return list(version.chapters.order_by("ordinal").values_list("number", flat=True))


def reporting_chapters(version: PlanVersion) -> list[str]:
    """The chapters of a plan version that have national actions to report on (III to XII of the
    2001 plan; I and II have none), in the plan's order."""
    chapters = plan_chapters(version)
    found = {spec.chapter for spec in plan_units(version, chapters)}
    return [chapter for chapter in chapters if chapter in found]


def open_cycle(
    user: Any,
    name: str,
    opens: date,
    closes: date,
    chapters: Iterable[str],
    *,
    plan_version: PlanVersion | None = None,
    is_demo: bool = False,
    require_all_answers: bool = False,
) -> ReportingCycle:
    """Open a reporting cycle and generate its questions from the plan (secretariat only); after
    the commit, `signals.cycle_opened` is sent. With `require_all_answers`, a report of the cycle
    is submitted only when every question is answered (`completion.require_all_answered`).

    Raises PermissionDenied, or CycleError saying what is wrong (nothing is saved then).
    """
    require(user, "cycle.manage")
    name = name.strip()
    if not name:
        raise CycleError(_("name the cycle, e.g. “2002 review”"))
    if ReportingCycle.objects.filter(name=name).exists():
        raise CycleError(_("there is already a cycle named “%(name)s”; choose another name") % {"name": name})
    if closes < opens:
        raise CycleError(
            _("the cycle closes (%(closes)s) before it opens (%(opens)s)")
            % {"closes": closes.isoformat(), "opens": opens.isoformat()}
        )
    version = plan_version or PlanVersion.current()
    if version is None:
        raise CycleError(_("no plan has been imported yet; run `viennaplan plan import` first"))
    try:
        selected = normalise_chapters(chapters, plan_chapters(version))
    except QuestionnaireError as error:
        raise CycleError(str(error)) from None
    specs = plan_units(version, selected)
    empty = [chapter for chapter in selected if chapter not in {spec.chapter for spec in specs}]
    if empty:
        raise CycleError(
            ngettext(
                "chapter %(chapters)s has no national action to report on; the chapters with national actions "
                "are %(reporting)s",
                "chapters %(chapters)s have no national action to report on; the chapters with national actions "
                "are %(reporting)s",
                len(empty),
            )
            % {"chapters": ", ".join(empty), "reporting": ", ".join(reporting_chapters(version))}
        )
    provision_ids = dict(
        Provision.objects.filter(version=version, path__in=[s.path for s in specs]).values_list("path", "pk")
    )
    with transaction.atomic():
        cycle = ReportingCycle(
            name=name,
            opens=opens,
            closes=closes,
            chapters=selected,
            plan_version=version,
            is_demo=is_demo,
            require_all_answers=require_all_answers,
        )
        cycle.created_by = user if getattr(user, "is_authenticated", False) else None
        cycle._history_user = cycle.created_by  # type: ignore[attr-defined]
        cycle.save()
        Question.objects.bulk_create(
            [
                Question(
                    cycle=cycle,
                    provision_id=provision_ids[spec.path],
                    position=spec.position,
                    path=spec.path,
                    citation=spec.citation,
                    chapter=spec.chapter,
                    objectives=list(spec.objectives),
                    text=spec.text,
                )
                for spec in specs
            ]
        )
        transaction.on_commit(lambda: cycle_opened.send(sender=ReportingCycle, cycle=cycle, user=user))
    return cycle


def set_require_all_answers(user: Any, cycle: ReportingCycle, value: bool) -> ReportingCycle:
    """Whether reports of `cycle` are submitted only when every question is answered (secretariat
    only; PermissionDenied otherwise). Reports already submitted stay as they are."""
    require(user, "cycle.manage")
    if cycle.require_all_answers != value:
        cycle.require_all_answers = value
        cycle._history_user = user  # type: ignore[attr-defined]
        cycle._change_reason = "requires all answers" if value else "accepts unanswered questions"  # type: ignore[attr-defined]
        cycle.save(update_fields=["require_all_answers"])
    return cycle


def previous_cycle_report(cycle: ReportingCycle, state_id: str) -> Report | None:
    """The State's report in the latest earlier cycle (opened before this one, same kind of data)."""
    return (
        Report.objects.filter(state_id=state_id, cycle__is_demo=cycle.is_demo, cycle__opens__lte=cycle.opens)
        .exclude(cycle=cycle)
        .exclude(cycle__opens=cycle.opens, cycle_id__gt=cycle.pk)
        .select_related("cycle")
        .order_by("-cycle__opens", "-cycle_id")
        .first()
    )


def report_for(cycle: ReportingCycle, state: Country | str) -> Report:
    """The State's report in `cycle`; created in draft on first use, with one answer per
    question, carried over from the State's previous report where the same provision (path)
    was asked: status, narrative, measures, institution and assistance are copied."""
    state_id = state.alpha3 if isinstance(state, Country) else state
    existing = Report.objects.filter(cycle=cycle, state_id=state_id).first()
    if existing is not None:
        return existing
    if not registry.is_country(state_id):
        raise Country.DoesNotExist(_("there is no State %(state)s") % {"state": repr(state_id)})
    try:
        with transaction.atomic():
            return _create_report(cycle, state_id)
    except IntegrityError:  # created at the same moment by another request
        return Report.objects.get(cycle=cycle, state_id=state_id)


def _create_report(cycle: ReportingCycle, state_id: str) -> Report:
    previous = previous_cycle_report(cycle, state_id)
    report = Report.objects.create(cycle=cycle, state_id=state_id, status=workflow.DRAFT, carried_over_from=previous)
    earlier: dict[str, Answer] = {}
    if previous is not None:
        earlier = {a.question.path: a for a in previous.answers.select_related("question")}
    answers = []
    for question in cycle.questions.all():
        answer = Answer(report=report, question=question)
        source = earlier.get(question.path)
        if source is not None:
            for field in ANSWER_FIELDS:
                setattr(answer, field, getattr(source, field))
            answer.carried_over_from = source
        answers.append(answer)
    reason = f"carried over from {previous.cycle.name}" if previous else "new report"
    bulk_create_with_history(answers, Answer, default_change_reason=reason)
    return report


def question_counts(cycles: list[ReportingCycle]) -> dict[int, int]:
    """Cycle id -> how many questions it asks, for all `cycles` in one query."""
    rows = Question.objects.filter(cycle__in=cycles).order_by().values_list("cycle_id").annotate(n=Count("id"))
    return {cycle: n for cycle, n in rows}
