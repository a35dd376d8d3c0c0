"""The figures of technical assistance for the report to the Commission (issue 13), per area (chapter),
as of a date: what the public may read, counts and sums only, never the text of a request.

    figures_by_chapter(as_of, today) -> {chapter: AreaFigures}

- requests by status as of the day (a request filed by then, in the status its last move by then
  left it in: `RequestEvent`s; today or later, the stored status);
- the requests awaiting resources then, and their estimated cost per currency (never converted; a
  request without an estimate counted apart);
- the funds earmarked for the area (`Fund.chapter`) and their balances per currency from the
  contributions received and the disbursements paid by then;
- the projects on the area created by then, and the outputs they delivered by then, by kind;
- the published events held by then (last day on or before it) serving a provision of the area
  (a draft event never counts).

A handful of grouped queries, whatever the number of requests. The monitoring app reads this by name
(it may not import assistance: see `monitoring/commission_report_data.assistance_figures`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils import timezone

from viennaplan.plan.models import PlanVersion, Provision

from . import rules, workflow
from .events.models import Event
from .models import AssistanceRequest, Project, ProjectOutput, RequestEvent
from .resources.ledger import CENT, ZERO
from .resources.models import Contribution, Disbursement, Fund

STATUS_LABELS = workflow.STATUS_LABELS  # the report's words for the statuses and the kinds of output
OUTPUT_LABELS = rules.OUTPUT_KIND_LABELS


@dataclass
class FundFigures:
    key: str
    name: str
    balances: dict[str, Decimal]  # received - disbursed by the day, per currency


@dataclass
class AreaFigures:
    chapter: str
    statuses: dict[str, int] = field(default_factory=lambda: dict.fromkeys(workflow.STATUSES, 0))
    awaiting_costs: dict[str, tuple[Decimal, int]] = field(default_factory=dict)  # currency -> (total, requests)
    awaiting_without_cost: int = 0
    funds: list[FundFigures] = field(default_factory=list)
    projects: int = 0
    outputs: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (outputs, quantity)
    events: int = 0

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def awaiting(self) -> int:
        return self.statuses[workflow.AWAITING_RESOURCES]

    @property
    def balances(self) -> dict[str, Decimal]:
        """The area's funds together, per currency."""
        total: dict[str, Decimal] = defaultdict(lambda: ZERO)
        for fund in self.funds:
            for currency, amount in fund.balances.items():
                total[currency] += amount
        return dict(sorted(total.items()))

    @property
    def empty(self) -> bool:
        return not (self.requests or self.funds or self.projects or self.events)


def _end_of(day: date) -> datetime:
    """The first instant after `day`, in the project's time zone."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _money(value: Decimal | None) -> Decimal:
    return (value or ZERO).quantize(CENT)  # SQLite's sums lose the scale


def _statuses_then(requests, before: datetime) -> dict[int, str]:
    """Each request's status at `before`: the target of its last move before then, else received."""
    found: dict[int, str] = {}
    moves = RequestEvent.objects.filter(request__in=requests.values("id"), at__lt=before).order_by(
        "request_id", "at", "id"
    )
    for request_id, status in moves.values_list("request_id", "to_status"):
        found[request_id] = status
    return found


def _area(found: dict[str, AreaFigures], chapter: str) -> AreaFigures:
    return found.setdefault(chapter, AreaFigures(chapter))


def figures_by_chapter(as_of: date, today: date | None = None) -> dict[str, AreaFigures]:
    """The figures of every area with any, as of the end of `as_of` (see the module)."""
    today = today or timezone.localdate()
    before = _end_of(as_of)
    found: dict[str, AreaFigures] = {}
    filed = AssistanceRequest.objects.filter(created_at__lt=before)
    if as_of >= today:
        for row in filed.values("chapter", "status").annotate(n=Count("id")).order_by():
            _area(found, row["chapter"]).statuses[row["status"]] += row["n"]
        waiting = filed.filter(status=workflow.AWAITING_RESOURCES)
        for row in (
            waiting.values("chapter", "currency")
            .annotate(n=Count("id"), costed=Count("estimated_cost"), total=Sum("estimated_cost"))
            .order_by()
        ):
            area = _area(found, row["chapter"])
            if row["costed"]:
                area.awaiting_costs[row["currency"]] = (_money(row["total"]), row["costed"])
            area.awaiting_without_cost += row["n"] - row["costed"]
    else:
        then = _statuses_then(filed, before)
        costs: dict[tuple[str, str], list] = defaultdict(lambda: [ZERO, 0])
        for pk, chapter, cost, currency in filed.values_list("id", "chapter", "estimated_cost", "currency"):
            area = _area(found, chapter)
            status = then.get(pk, workflow.RECEIVED)
            area.statuses[status] += 1
            if status == workflow.AWAITING_RESOURCES:
                if cost is None:
                    area.awaiting_without_cost += 1
                else:
                    costs[(chapter, currency)][0] += cost
                    costs[(chapter, currency)][1] += 1
        for (chapter, currency), (total, count) in costs.items():
            found[chapter].awaiting_costs[currency] = (_money(total), count)
    for area in found.values():
        area.awaiting_costs = dict(sorted(area.awaiting_costs.items()))

    funds = list(Fund.objects.exclude(chapter="").order_by("chapter", "kind", "name"))
    balances: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for model, sign in ((Contribution, 1), (Disbursement, -1)):
        rows = model.objects.filter(fund__in=funds, date__lte=as_of).values("fund", "currency")
        for row in rows.annotate(total=Sum("amount")).order_by():
            held = balances[row["fund"]].get(row["currency"], ZERO)
            balances[row["fund"]][row["currency"]] = held + sign * _money(row["total"])
    for fund in funds:
        _area(found, fund.chapter).funds.append(
            FundFigures(fund.key, fund.name, dict(sorted(balances.get(fund.pk, {}).items())))
        )

    projects = Project.objects.filter(created_at__lt=before).exclude(chapter="")
    for row in projects.values("chapter").annotate(n=Count("id")).order_by():
        _area(found, row["chapter"]).projects = row["n"]
    outputs = ProjectOutput.objects.filter(project__in=projects, date__lte=as_of)
    for row in outputs.values("project__chapter", "kind").annotate(n=Count("id"), q=Sum("quantity")).order_by():
        _area(found, row["project__chapter"]).outputs[row["kind"]] = (row["n"], row["q"] or 0)

    current = PlanVersion.objects.order_by("-imported_at", "-id").values("id")[:1]
    chapter_of = dict(Provision.objects.filter(version_id__in=current).values_list("path", "chapter__number"))
    held: dict[str, set[int]] = defaultdict(set)
    for event_id, path in Event.objects.filter(published=True, end__lte=as_of).values_list("id", "provisions__path"):
        if path in chapter_of:
            held[chapter_of[path]].add(event_id)
    for chapter, events in held.items():
        _area(found, chapter).events = len(events)
    return found
