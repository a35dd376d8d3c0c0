"""What the pages, the API and the registration read: the filters of the list, the practices and
evaluations a user may see, and a practice by key (404 alike for a draft and a key not on file).

    /knowledge/practices?q=&area=IV&provision=84/c&state=AUT&evaluated=yes&result=effective&organisation=&page=

`provision` matches the path and its items (84 finds practices serving 84(c)); `organisation` matches
words in the implementing organisation's name; `evaluated` (yes or no) and `result` look at the
evaluations the reader may see. A practice not published is a draft: only the Secretariat sees it; a
draft evaluation is likewise shown to the Secretariat only, even of a published practice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from viennaplan.knowledge.listing import (
    BadFilter,
    Paged,
    checked_choice,
    checked_page,
    checked_provision,
    checked_q,
    checked_state,
    paged,
    sees_drafts,
    value_of,
    visible,
    words_in,
)

from . import rules
from .models import Evaluation, Practice, PracticeProvision, PracticeState, current_chapters

PAGE_URL = "/knowledge/practices"
API_URL = "/api/knowledge/practices"
FILTERS = ("q", "area", "provision", "state", "evaluated", "result", "organisation")
YES_NO = (rules.YES, rules.NO)


@dataclass(frozen=True)
class PracticeFilters:
    q: str = ""
    area: str = ""
    provision: str = ""
    state: str = ""
    evaluated: str = ""
    result: str = ""
    organisation: str = ""
    page: int = 1

    def query(self, page: bool = False) -> dict[str, str]:
        """The filters given, as query parameters (the page number only when asked and not 1)."""
        given = {name: getattr(self, name) for name in FILTERS if getattr(self, name)}
        if page and self.page != 1:
            given["page"] = str(self.page)
        return given

    @property
    def any(self) -> bool:
        return bool(self.query())


def parse_filters(given: Any) -> PracticeFilters:
    """The filters of a query (a QueryDict or a dict of strings), checked; BadFilter on the first bad one."""
    area = value_of(given, "area").upper()
    chapters = current_chapters()
    if area and area not in chapters:
        raise BadFilter(
            "area",
            _("%(value)s is not a chapter of the plan, by its Roman numeral (%(chapters)s)")
            % {"value": repr(value_of(given, "area")), "chapters": ", ".join(chapters)},
        )
    return PracticeFilters(
        q=checked_q(given),
        area=area,
        provision=checked_provision(given),
        state=checked_state(given),
        evaluated=checked_choice(given, "evaluated", YES_NO),
        result=checked_choice(given, "result", rules.RESULT_LABELS),
        organisation=checked_q(given, "organisation"),
        page=checked_page(given),
    )


def visible_practices(user: Any) -> QuerySet[Practice]:
    return visible(user, Practice.objects.all())


def visible_evaluations(user: Any) -> QuerySet[Evaluation]:
    """The evaluations `user` may see: published ones of published practices (all for the Secretariat)."""
    evaluations = Evaluation.objects.all()
    if sees_drafts(user):
        return evaluations
    return evaluations.filter(published=True, practice__published=True)


def filtered_practices(user: Any, filters: PracticeFilters) -> QuerySet[Practice]:
    practices = visible_practices(user)
    evaluations = visible_evaluations(user).filter(practice=OuterRef("pk"))
    if filters.q:
        found = evaluations.filter(words_in(Evaluation, filters.q))
        practices = practices.filter(words_in(Practice, filters.q) | Q(Exists(found)))
    if filters.area:
        practices = practices.filter(area=filters.area)
    if filters.provision:
        # `id IN (…)` through the child's index on the column, not an EXISTS probed for every practice
        served = PracticeProvision.objects.order_by().filter(
            Q(path=filters.provision) | Q(path__startswith=filters.provision + "/")
        )
        practices = practices.filter(pk__in=served.values("practice_id"))
    if filters.state:
        applied = PracticeState.objects.order_by().filter(state=filters.state)
        practices = practices.filter(pk__in=applied.values("practice_id"))
    if filters.evaluated == rules.YES:
        practices = practices.filter(Exists(evaluations))
    elif filters.evaluated == rules.NO:
        practices = practices.filter(~Exists(evaluations))
    if filters.result:
        practices = practices.filter(Exists(evaluations.filter(result=filters.result)))
    if filters.organisation:
        practices = practices.filter(organisation__icontains=filters.organisation)
    return practices.order_by("key")


def with_children(user: Any, practices: QuerySet[Practice]) -> QuerySet[Practice]:
    """Each practice with its provisions, States and the evaluations `user` may see (`shown_evaluations`)."""
    return practices.prefetch_related(
        "provisions",
        "states",
        Prefetch(
            "evaluations",
            queryset=visible_evaluations(user).order_by("date", "evaluator"),
            to_attr="shown_evaluations",
        ),
    )


def practice_page(user: Any, filters: PracticeFilters) -> Paged[Practice]:
    return paged(with_children(user, filtered_practices(user, filters)), filters.page)


def practice_or_404(user: Any, key: str) -> Practice:
    practice = with_children(user, visible_practices(user).filter(key=key)).first()
    if practice is None:
        raise Http404(_("No best practice %(key)s is on file.") % {"key": key})
    return practice


def practice_url(key: str) -> str:
    return f"{PAGE_URL}/{key}"


def practice_api_url(key: str) -> str:
    return f"{API_URL}/{key}"


def provision_url(path: str) -> str:
    return f"/plan/{path}"


def provisions_of(practice: Practice) -> list[str]:
    return sorted((p.path for p in practice.provisions.all()), key=rules.path_order)


def states_of(practice: Practice) -> list[str]:
    return sorted(s.state_id for s in practice.states.all())
