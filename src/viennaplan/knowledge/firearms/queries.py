"""What the firearms pages and their JSON twins read, with the same filters and the same rules of who sees what.

Regulations (59(a)): a round not published is a draft, seen by the Secretariat only (`listing.visible`).
National firearms reports (57(k)-(l)): who sees which report is the permission table's `report.view`
(the focal point their own State's, reviewers those under review or published, the public the published
ones); a report the user may not see is answered exactly like one that does not exist (404), as
`reporting.access` does for the national reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from viennaplan.accounts.permissions import can, queryset_filter
from viennaplan.countries import registry
from viennaplan.reporting import workflow

from ..listing import (
    BadFilter,
    Paged,
    checked_choice,
    checked_page,
    checked_q,
    checked_state,
    checked_year,
    paged,
    visible,
    words_in,
)
from . import national_reports, regulations
from .models import FirearmsReport, Regulation, RegulationTopic

PAGE_URL = "/knowledge/firearms"
API_URL = "/api/knowledge/firearms"
REPORTS_URL = "/knowledge/firearms/reports"
REPORTS_API_URL = "/api/knowledge/firearms/reports"
FILTERS = ("q", "state", "topic", "round")
REPORT_FILTERS = ("state", "year", "status")


def with_filters(names: tuple[str, ...], values: Any, page: bool) -> dict[str, str]:
    given = {name: str(getattr(values, name)) for name in names if getattr(values, name)}
    if page and values.page != 1:
        given["page"] = str(values.page)
    return given


# -- regulations ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegulationFilters:
    q: str = ""
    state: str = ""
    topic: str = ""
    round: int | None = None
    page: int = 1

    def query(self, page: bool = False) -> dict[str, str]:
        return with_filters(FILTERS, self, page)

    @property
    def any(self) -> bool:
        return bool(self.query())


def parse_filters(given: Any) -> RegulationFilters:
    """The filters of a query (a QueryDict or a dict of strings), checked; BadFilter on the first bad one."""
    return RegulationFilters(
        checked_q(given),
        checked_state(given),
        checked_choice(given, "topic", regulations.TOPICS),
        checked_year(given, "round"),
        checked_page(given),
    )


def visible_regulations(user: Any) -> QuerySet[Regulation]:
    return visible(user, Regulation.objects.all())


def filtered_regulations(user: Any, filters: RegulationFilters) -> QuerySet[Regulation]:
    """One round per State: the round asked for, else each State's latest the user may see."""
    rounds = visible_regulations(user)
    if filters.round:
        rounds = rounds.filter(round=filters.round)
    else:
        latest = visible_regulations(user).filter(state=OuterRef("state")).order_by("-round").values("round")[:1]
        rounds = rounds.filter(round=Subquery(latest))
    if filters.state:
        rounds = rounds.filter(state_id=filters.state)
    if filters.topic:
        rounds = rounds.filter(Exists(RegulationTopic.objects.filter(regulation=OuterRef("pk"), topic=filters.topic)))
    if filters.q:
        words = words_in(RegulationTopic, filters.q)
        rounds = rounds.filter(Exists(RegulationTopic.objects.filter(words, regulation=OuterRef("pk"))))
    return rounds.order_by("state_id")


def regulation_page(user: Any, filters: RegulationFilters) -> Paged[Regulation]:
    rounds = filtered_regulations(user, filters).select_related("state").prefetch_related("topics")
    return paged(rounds, filters.page)


def coverage(regulation: Regulation) -> list[tuple[str, bool]]:
    """(topic, covered) for every topic of 57(a)-(h), in the plan's order."""
    covered = {topic.topic for topic in regulation.topics.all()}
    return [(path, path in covered) for path in regulations.TOPICS]


@dataclass(frozen=True)
class StateRecord:
    """A State's record as one page shows it: the round shown, the one it is compared with, the changes."""

    state: str
    rounds: list[Regulation]  # every round the user may see, latest first
    shown: Regulation
    topics: list[tuple[str, RegulationTopic | None]]  # every topic of 57(a)-(h), in order
    compared: Regulation | None
    changes: list[regulations.Change]


def state_rounds(user: Any, state: str) -> list[Regulation]:
    return list(
        visible_regulations(user)
        .filter(state_id=state)
        .select_related("state")
        .prefetch_related("topics__law")
        .order_by("-round")
    )


def state_record(user: Any, state: str, given: Any) -> StateRecord:
    """The State's record: Http404 when it has no round the user may see; BadFilter for a round not on file."""
    rounds = state_rounds(user, state)
    if not rounds:
        raise Http404(_("No record of the firearms regulations of %(state)s is on file.") % {"state": state})
    by_year = {regulation.round: regulation for regulation in rounds}
    on_file = ", ".join(str(year) for year in by_year)

    def chosen(name: str) -> Regulation | None:
        year = checked_year(given, name)
        if year is None:
            return None
        if year not in by_year:
            raise BadFilter(
                name, _("no round %(round)s on file (rounds: %(rounds)s)") % {"round": year, "rounds": on_file}
            )
        return by_year[year]

    shown = chosen("round") or rounds[0]
    compared = chosen("compare")
    if compared is None:
        compared = next((regulation for regulation in rounds if regulation.round < shown.round), None)
    entries = {topic.topic: topic for topic in shown.topics.all()}
    found = []
    if compared is not None and compared.pk != shown.pk:
        found = regulations.changes(
            {topic.topic: topic.entry() for topic in compared.topics.all()},
            {topic.topic: topic.entry() for topic in shown.topics.all()},
        )
    return StateRecord(
        state=state,
        rounds=rounds,
        shown=shown,
        topics=[(path, entries.get(path)) for path in regulations.TOPICS],
        compared=compared if compared is not None and compared.pk != shown.pk else None,
        changes=found,
    )


def state_url(state: str) -> str:
    return f"{PAGE_URL}/{state}"


def state_api_url(state: str) -> str:
    return f"{API_URL}/{state}"


def provision_url(path: str) -> str:
    return f"/plan/{path}"


# -- national firearms reports ----------------------------------------------------------------------


@dataclass(frozen=True)
class ReportFilters:
    state: str = ""
    year: int | None = None
    status: str = ""
    page: int = 1

    def query(self, page: bool = False) -> dict[str, str]:
        return with_filters(REPORT_FILTERS, self, page)

    @property
    def any(self) -> bool:
        return bool(self.query())


def parse_report_filters(given: Any) -> ReportFilters:
    return ReportFilters(
        checked_state(given),
        checked_year(given, "year"),
        checked_choice(given, "status", workflow.STATUSES),
        checked_page(given),
    )


def visible_reports(user: Any) -> QuerySet[FirearmsReport]:
    """The reports `user` may read (`report.view`)."""
    return FirearmsReport.objects.filter(queryset_filter(user, "report.view"))


def report_page(user: Any, filters: ReportFilters) -> Paged[FirearmsReport]:
    reports = visible_reports(user).select_related("state")
    if filters.state:
        reports = reports.filter(state_id=filters.state)
    if filters.year:
        reports = reports.filter(year=filters.year)
    if filters.status:
        reports = reports.filter(status=filters.status)
    return paged(reports.order_by("state_id", "-year"), filters.page)


def not_found(state: str, year: int | str) -> Http404:
    return Http404(
        _("There is no national firearms report of %(state)s for %(year)s that you may see.")
        % {"state": state.upper(), "year": year}
    )


def report_or_404(user: Any, state: str, year: int) -> FirearmsReport:
    """The report if `user` may read it; Http404 alike whether it does not exist or may not be seen."""
    state = state.upper()
    report = (
        FirearmsReport.objects.select_related("state").filter(state_id=state, year=year).first()
        if registry.is_country(state) and national_reports.YEAR_MIN <= year <= national_reports.YEAR_MAX
        else None
    )
    if report is None or not can(user, "report.view", report):
        raise not_found(state, year)
    return report


@dataclass(frozen=True)
class Rights:
    """What the user may do with one report: computed once per page or response."""

    edit: bool
    transitions: tuple[workflow.Transition, ...]


def rights_on(user: Any, report: FirearmsReport) -> Rights:
    return Rights(
        edit=report.is_editable and can(user, "report.edit", report),
        transitions=tuple(
            move for move in workflow.available_from(report.status) if can(user, move.permission, report)
        ),
    )


def may_start(user: Any, state: str) -> bool:
    """Whether `user` may start a report of `state` (edit a draft of it: its focal point, the Secretariat)."""
    return can(user, "report.edit", FirearmsReport(state_id=state, status=workflow.DRAFT))


def report_url(report: FirearmsReport) -> str:
    return f"{REPORTS_URL}/{report.state_id}/{report.year}"


def report_api_url(report: FirearmsReport) -> str:
    return f"{REPORTS_API_URL}/{report.state_id}/{report.year}"
