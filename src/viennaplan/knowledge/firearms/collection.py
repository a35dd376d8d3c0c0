"""What the firearms collection offers the rest of the site through the registry (`knowledge.collections`):
its documents for the search, its lines on the provision pages and the State profile, its CSV.

Two collections: "firearms", the record of regulations (one document per State's round), and
"firearms-reports", the national firearms reports (one document per report; a report is published when
its status is; the others are for those `report.view` allows, the search showing them to the
Secretariat only).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.accounts.permissions import queryset_filter
from viennaplan.knowledge import bulk
from viennaplan.reporting import workflow

from ..collections import Collection, Document, Line, Lines, limited
from ..listing import sees_drafts
from . import national_reports, regulations
from .models import FirearmsReport, Regulation, RegulationTopic
from .queries import report_url, state_url, visible_regulations

INSTRUMENTS = ("FIREARMS",)


def regulation_documents(ids: Iterable[int] | None) -> Iterable[Document]:
    rounds = Regulation.objects.select_related("state").prefetch_related("topics")
    if ids is not None:
        rounds = rounds.filter(bulk.ids_in("pk", ids))
    for regulation in rounds.order_by("pk"):
        topics = sorted(regulation.topics.all(), key=lambda t: regulations.topic_order(t.topic))
        yield Document(
            record_id=regulation.pk,
            url=f"{state_url(regulation.state_id)}?round={regulation.round}",
            title=_("Firearms regulations of %(state)s, %(round)s")
            % {"state": regulation.state.name_en, "round": regulation.round},
            text="\n".join(f"{topic.summary} {topic.law_citation}".strip() for topic in topics),
            published=regulation.published,
            states=(regulation.state_id,),
            provisions=(*(topic.topic for topic in topics), regulations.RECORD_PATH),
            instruments=INSTRUMENTS,
            year=regulation.round,
        )


def report_documents(ids: Iterable[int] | None) -> Iterable[Document]:
    reports = FirearmsReport.objects.select_related("state")
    if ids is not None:
        reports = reports.filter(bulk.ids_in("pk", ids))
    for report in reports.order_by("pk"):
        yield Document(
            record_id=report.pk,
            url=report_url(report),
            title=_("National firearms report of %(state)s, %(year)s")
            % {"state": report.state.name_en, "year": report.year},
            text="\n".join(getattr(report, name) for name in national_reports.TEXT_FIELDS if getattr(report, name)),
            published=report.status == workflow.PUBLISHED,
            states=(report.state_id,),
            provisions=regulations.REPORT_PATHS,
            instruments=INSTRUMENTS,
            year=report.year,
        )


def latest_rounds(user: Any, state: str | None = None):
    rounds = visible_regulations(user).select_related("state").order_by("state_id", "-round")
    return rounds.filter(state_id=state) if state else rounds


def visible_reports_of(user: Any):
    """The reports on other pages: the published ones, and for the Secretariat every one."""
    reports = FirearmsReport.objects.select_related("state")
    if sees_drafts(user):
        return reports.filter(queryset_filter(user, "report.view"))
    return reports.filter(status=workflow.PUBLISHED)


def regulation_line(regulation: Regulation) -> Line:
    return Line(
        title=_("Firearms regulations of %(state)s") % {"state": regulation.state.name},
        url=state_url(regulation.state_id),
        state=regulation.state_id,
        note=(_("round of %(round)s") % {"round": regulation.round})
        + ("" if regulation.published else " · " + _("draft")),
    )


def report_line(report: FirearmsReport) -> Line:
    return Line(
        title=_("National firearms report of %(state)s, %(year)s") % {"state": report.state.name, "year": report.year},
        url=report_url(report),
        state=report.state_id,
        note=str(report.status_label),
    )


def for_state(alpha3: str, user: Any, limit: int | None = None) -> Lines:
    """The State's record (its latest round the user may see) and its national firearms reports."""
    lines = [regulation_line(regulation) for regulation in latest_rounds(user, alpha3.upper())[:1]]
    lines += [
        report_line(report) for report in visible_reports_of(user).filter(state_id=alpha3.upper()).order_by("-year")
    ]
    return limited(lines, limit)


def for_provisions(paths: Sequence[str], user: Any, limit: int | None = None) -> Lines:
    """57/a … 57/h: the States whose latest round covers the topic; 59/a: every State's record; 57/k, 57/l
    and their items: the national firearms reports."""
    wanted = {path.strip("/") for path in paths}
    lines: list[Line] = []
    topics = wanted & set(regulations.TOPICS)
    if topics or regulations.RECORD_PATH in wanted:
        seen: set[str] = set()
        for regulation in latest_rounds(user).prefetch_related("topics"):
            if regulation.state_id in seen:
                continue
            seen.add(regulation.state_id)
            covered = {topic.topic for topic in regulation.topics.all()}
            if regulations.RECORD_PATH in wanted or covered & topics:
                lines.append(regulation_line(regulation))
    if any(path == report or path.startswith(f"{report}/") for path in wanted for report in regulations.REPORT_PATHS):
        lines += [report_line(report) for report in visible_reports_of(user).order_by("state_id", "-year")]
    return limited(lines, limit)


def import_csv(content: bytes, *, source_name: str, dry_run: bool = False):
    from .regulations_csv import import_regulations

    return import_regulations(content, source_name=source_name, dry_run=dry_run)


def export_csv() -> str:
    from .regulations_csv import write_csv

    return write_csv()


REGULATIONS = Collection(
    key="firearms",
    label=gettext_lazy("Firearms regulations"),
    citation="59(a), 57(a)-(h)",
    list_url="/knowledge/firearms",
    model=Regulation,
    documents=regulation_documents,
    children={RegulationTopic: lambda topic: topic.regulation_id},
    for_provisions=for_provisions,
    for_state=for_state,
    import_csv=import_csv,
    export_csv=export_csv,
    columns=regulations.COLUMNS,
    position=40,
)

REPORTS = Collection(
    key="firearms-reports",
    label=gettext_lazy("National firearms reports"),
    citation="57(k)-(l)",
    list_url="/knowledge/firearms/reports",
    model=FirearmsReport,
    documents=report_documents,
    position=41,
)
