"""What the overview pages of technical assistance read (issue 13): the same queries for the pages
(overview_views.py) and their JSON twins (overview_api.py). Every function runs a handful of grouped
queries, whatever the number of requests (no query per row).

    board(now)                the pipeline: requests by area (chapter) x status, the median and oldest
                              age of the open ones (days since received) and the longest wait since
                              the last event (since one reached its status), what waits on funds per
                              currency
    state_overview(alpha3, full)   a State's requests (by area x status; the requests themselves when
                              `full`), the projects serving them, what was disbursed to those projects
    area_overview(chapter)    an area's requests by status, the funds earmarked for it with their
                              balances per currency, and the gap: awaiting - available, per currency
    donor_needs(donor, shareable_text)   what waits on voluntary contributions in the areas a donor funds
    matching_input() / all_matches()     the rows `matching.match` reads, and its answer

Amounts are never converted: every total is per currency (a request's `estimated_cost` in its own
`currency`; a request without an estimate is counted, not summed). Ages are whole days; a median of
an even number of requests is the mean of the two middle ones.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Min, Q, Subquery, Sum, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from viennaplan.plan.models import Chapter, PlanVersion

from . import matching, rules, workflow
from .models import AssistanceRequest, Project, RequestProvision
from .resources.ledger import CENT, ZERO
from .resources.models import CHAPTER as FUND_CHAPTER
from .resources.models import Contribution, Disbursement, Donor, Fund, Pledge

AWAITING = workflow.AWAITING_RESOURCES
REQUESTS_URL = "/assistance/requests"
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
STATE_REQUESTS_SHOWN = 200
SHAREABLE_SHOWN = 100


def roman_value(numeral: str) -> int:
    """VI -> 6 (for ordering areas); 0 for anything else."""
    total = 0
    values = [ROMAN.get(letter, 0) for letter in numeral.upper()]
    for position, value in enumerate(values):
        total += -value if position + 1 < len(values) and value < values[position + 1] else value
    return total


def chapter_titles() -> dict[str, str]:
    """The current plan's chapters: number -> title (empty when no plan is imported); one query, which
    does not read the plan's text (as `PlanVersion.current()` would)."""
    current = PlanVersion.objects.order_by("-imported_at", "-id").values("id")[:1]
    return dict(Chapter.objects.filter(version_id=Subquery(current)).values_list("number", "title"))


def known_chapters() -> set[str]:
    """The areas a page may be about: the current plan's chapters, or I to XII when no plan is imported."""
    titles = chapter_titles()
    if titles:
        return set(titles)
    return {numeral for numeral in ("I II III IV V VI VII VIII IX X XI XII".split()) if FUND_CHAPTER.fullmatch(numeral)}


def known_chapters_in_order() -> list[str]:
    return sorted(known_chapters(), key=lambda c: (roman_value(c), c))


def board_statuses() -> list[tuple[str, str]]:
    return [(status, workflow.label(status)) for status in workflow.STATUSES]


def _money(value: Decimal | None) -> Decimal:
    return (value or ZERO).quantize(CENT)  # SQLite's sums lose the scale


def requests_url(**query: str) -> str:
    from urllib.parse import urlencode

    given = {name: value for name, value in query.items() if value}
    return f"{REQUESTS_URL}?{urlencode(given)}" if given else REQUESTS_URL


# -- ages -------------------------------------------------------------------------------------------


def _days(now: datetime, then: datetime) -> int:
    return max(0, (now - then).days)


def _median_and_oldest(queryset, partition: list[str], field_name: str, now: datetime) -> dict[tuple, tuple]:
    """Per group of `partition`: (median age, oldest age) in days of `field_name`, from the first row and
    the middle row(s) of each group only (a window in SQL), not from every row."""
    window = {"partition_by": [F(name) for name in partition]}
    rows = (
        queryset.annotate(
            _rank=Window(RowNumber(), order_by=F(field_name).asc(), **window),
            _size=Window(Count("pk"), **window),
        )
        .filter(Q(_rank=1) | Q(_rank=(F("_size") + 1) / 2) | Q(_rank=F("_size") / 2 + 1))
        .values_list(*partition, field_name, "_rank", "_size")
        .order_by()  # no model ordering: it would sort every row once more, and the index would not serve
    )
    found: dict[tuple, dict[str, Any]] = defaultdict(lambda: {"middle": []})
    for *group, when, rank, size in rows:
        entry = found[tuple(group)]
        age = _days(now, when)
        if rank == 1:
            entry["oldest"] = age
        if rank in {(size + 1) // 2, size // 2 + 1}:
            entry["middle"].append(age)
    return {group: (statistics.mean(entry["middle"]), entry["oldest"]) for group, entry in found.items()}


# -- the pipeline board -----------------------------------------------------------------------------


@dataclass
class Cell:
    chapter: str
    status: str
    count: int = 0
    median_age: float | None = None  # days since received
    oldest_age: int | None = None
    oldest_in_status: int | None = None  # the longest since the last event (since it reached the status)

    @property
    def url(self) -> str:
        return requests_url(chapter=self.chapter, status=self.status)


@dataclass
class Amount:
    currency: str
    total: Decimal
    count: int


@dataclass
class BoardRow:
    chapter: str
    title: str
    cells: list[Cell]
    waiting: list[Amount] = field(default_factory=list)  # awaiting resources, per currency
    waiting_without_cost: int = 0

    @property
    def total(self) -> int:
        return sum(cell.count for cell in self.cells)

    @property
    def url(self) -> str:
        return requests_url(chapter=self.chapter)


@dataclass
class Board:
    rows: list[BoardRow]
    statuses: list[tuple[str, str]]
    totals: list[int]  # per status
    as_of: datetime

    @property
    def total(self) -> int:
        return sum(self.totals)


def _waiting(queryset) -> tuple[dict[str, list[Amount]], dict[str, int]]:
    """Awaiting resources, per chapter: the totals per currency, and how many have no cost estimated."""
    amounts: dict[str, list[Amount]] = defaultdict(list)
    without: dict[str, int] = defaultdict(int)
    rows = (
        queryset.filter(status=AWAITING)
        .values("chapter", "currency")
        .annotate(total=Sum("estimated_cost"), n=Count("id"), costed=Count("estimated_cost"))
        .order_by("chapter", "currency")
    )
    for row in rows:
        if row["costed"]:
            amounts[row["chapter"]].append(Amount(row["currency"], _money(row["total"]), row["costed"]))
        without[row["chapter"]] += row["n"] - row["costed"]
    return amounts, without


def board(now: datetime | None = None) -> Board:
    """The secretariat's pipeline: every area with requests, by status, with ages and what waits on funds."""
    now = now or timezone.now()
    counts = {
        (row["chapter"], row["status"]): row["n"]
        for row in AssistanceRequest.objects.values("chapter", "status").annotate(n=Count("id")).order_by()
    }
    open_requests = AssistanceRequest.objects.filter(status__in=workflow.OPEN_STATUSES)
    received = _median_and_oldest(open_requests, ["chapter", "status"], "created_at", now)
    moved = AssistanceRequest.objects.filter(
        status__in=workflow.OPEN_STATUSES - {workflow.RECEIVED}, events__to_status=F("status")
    )  # the event that brought each request to its status (a request never comes back to a status)
    in_status = {
        (row["chapter"], row["status"]): _days(now, row["since"])
        for row in moved.values("chapter", "status").annotate(since=Min("events__at")).order_by()
    }
    waiting, without = _waiting(AssistanceRequest.objects.all())
    titles = chapter_titles()
    chapters = sorted({chapter for chapter, _status in counts}, key=lambda c: (roman_value(c), c))
    rows = []
    for chapter in chapters:
        cells = []
        for status in workflow.STATUSES:
            cell = Cell(chapter, status, counts.get((chapter, status), 0))
            if (chapter, status) in received:
                cell.median_age, cell.oldest_age = received[(chapter, status)]
            if status == workflow.RECEIVED:
                cell.oldest_in_status = cell.oldest_age
            elif (chapter, status) in in_status:
                cell.oldest_in_status = in_status[(chapter, status)]
            cells.append(cell)
        rows.append(
            BoardRow(chapter, titles.get(chapter, ""), cells, waiting.get(chapter, []), without.get(chapter, 0))
        )
    totals = [sum(counts.get((chapter, status), 0) for chapter in chapters) for status in workflow.STATUSES]
    return Board(rows, [(s, workflow.label(s)) for s in workflow.STATUSES], totals, now)


# -- a State ----------------------------------------------------------------------------------------


@dataclass
class AreaCounts:
    chapter: str
    counts: list[int]  # per status, in workflow order

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class StateOverview:
    state: Any  # the Country
    full: bool  # the requests themselves (the secretariat and the State's focal points)
    areas: list[AreaCounts]
    totals: list[int]  # per status
    requests: list[dict]  # when full: the latest STATE_REQUESTS_SHOWN
    projects: list[dict]  # when full
    project_count: int
    disbursed: list[Amount]  # to the projects serving its requests, per currency

    @property
    def total(self) -> int:
        return sum(self.totals)

    @property
    def more_requests(self) -> bool:
        return self.full and len(self.requests) < self.total

    @property
    def requests_url(self) -> str:
        return requests_url(state=self.state.alpha3)


def _by_area(queryset) -> tuple[list[AreaCounts], list[int]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(workflow.STATUSES))
    for row in queryset.values("chapter", "status").annotate(n=Count("id")).order_by():
        if row["status"] in workflow.STATUSES:
            counts[row["chapter"]][workflow.STATUSES.index(row["status"])] = row["n"]
    areas = [AreaCounts(c, counts[c]) for c in sorted(counts, key=lambda c: (roman_value(c), c))]
    totals = [sum(area.counts[i] for area in areas) for i in range(len(workflow.STATUSES))]
    return areas, totals


def state_overview(state: Any, full: bool) -> StateOverview:
    """A State's assistance. `full`: its requests and the projects by name; otherwise counts only."""
    requests = AssistanceRequest.objects.filter(state_id=state.alpha3)
    areas, totals = _by_area(requests)
    serving = Project.objects.filter(requests__state_id=state.alpha3)
    projects = list(
        serving.values("id", "key", "title", "status", "chapter", "region")
        .annotate(requests_served=Count("requests"))
        .order_by("key")
    )
    disbursed = [
        Amount(row["currency"], _money(row["total"]), row["n"])
        for row in Disbursement.objects.filter(project__in=serving.values("id"))
        .values("currency")
        .annotate(total=Sum("amount"), n=Count("id"))
        .order_by("currency")
    ]
    shown: list[dict] = []
    if full:
        shown = list(
            requests.order_by("-created_at", "key").values(
                "key", "chapter", "status", "kind", "urgency", "need", "estimated_cost", "currency", "created_at"
            )[:STATE_REQUESTS_SHOWN]
        )
        for row in shown:
            row["status_label"] = workflow.label(row["status"])
            row["kind_label"] = str(rules.KIND_LABELS.get(row["kind"], row["kind"]))
            row["url"] = f"{REQUESTS_URL}/{row['key']}"
        for project in projects:
            project["status_label"] = str(rules.PROJECT_STATUS_LABELS.get(project["status"], project["status"]))
    return StateOverview(state, full, areas, totals, shown, projects if full else [], len(projects), disbursed)


# -- an area ----------------------------------------------------------------------------------------


@dataclass
class FundBalance:
    fund: Fund
    balances: dict[str, Decimal]  # received - disbursed, per currency


@dataclass
class Gap:
    currency: str
    waiting: Decimal  # estimated cost of the area's requests awaiting resources
    available: Decimal  # the balances of the funds earmarked for the area

    @property
    def gap(self) -> Decimal:
        """What is missing (positive), or what is left over once every request is paid (negative)."""
        return self.waiting - self.available


@dataclass
class AreaOverview:
    chapter: str
    title: str
    counts: list[tuple[str, str, int, str]]  # status, label, count, the list's URL
    funds: list[FundBalance]
    gaps: list[Gap]
    waiting_count: int
    waiting_without_cost: int

    @property
    def total(self) -> int:
        return sum(count for _status, _label, count, _url in self.counts)


def fund_balances(funds: list[Fund]) -> dict[int, dict[str, Decimal]]:
    """The balance of each fund per currency, in two grouped queries."""
    balances: dict[int, dict[str, Decimal]] = defaultdict(dict)
    ids = [fund.pk for fund in funds]
    for model, sign in ((Contribution, 1), (Disbursement, -1)):
        for row in model.objects.filter(fund_id__in=ids).values("fund", "currency").annotate(total=Sum("amount")):
            held = balances[row["fund"]].get(row["currency"], ZERO)
            balances[row["fund"]][row["currency"]] = held + sign * _money(row["total"])
    return balances


def area_overview(chapter: str) -> AreaOverview:
    requests = AssistanceRequest.objects.filter(chapter=chapter)
    counted = dict(requests.values_list("status").annotate(n=Count("id")).order_by())
    counts = [
        (status, workflow.label(status), counted.get(status, 0), requests_url(chapter=chapter, status=status))
        for status in workflow.STATUSES
    ]
    funds = list(Fund.objects.filter(chapter=chapter).order_by("kind", "name"))
    balances = fund_balances(funds)
    available: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for fund in funds:
        for currency, amount in balances.get(fund.pk, {}).items():
            available[currency] += amount
    waiting, without = _waiting(requests)
    waited = {amount.currency: amount.total for amount in waiting.get(chapter, [])}
    gaps = [
        Gap(currency, waited.get(currency, ZERO), available.get(currency, ZERO))
        for currency in sorted(set(waited) | set(available))
    ]
    return AreaOverview(
        chapter,
        chapter_titles().get(chapter, ""),
        counts,
        [FundBalance(fund, dict(sorted(balances.get(fund.pk, {}).items()))) for fund in funds],
        gaps,
        counted.get(AWAITING, 0),
        without.get(chapter, 0),
    )


# -- matching ---------------------------------------------------------------------------------------


def matching_input(requests=None) -> tuple[list[matching.Need], list[matching.Earmark], list[matching.ProjectRow]]:
    """The rows matching reads: requests awaiting resources (oldest first), donors' earmarkings (their
    contributions and pledges, by fund and earmark), open projects; seven queries."""
    awaiting = (requests if requests is not None else AssistanceRequest.objects.all()).filter(status=AWAITING)
    provisions: dict[int, list[str]] = defaultdict(list)
    for request_id, path in RequestProvision.objects.filter(request__in=awaiting.values("id")).values_list(
        "request_id", "path"
    ):
        provisions[request_id].append(path)
    needs = [
        matching.Need(
            pk,
            state,
            chapter,
            region or "",
            subregion or "",
            intermediate or "",
            tuple(sorted(provisions.get(pk, ()))),
            key,
        )
        for pk, key, state, chapter, region, subregion, intermediate in awaiting.order_by(
            "created_at", "key"
        ).values_list(
            "id", "key", "state_id", "chapter", "state__region", "state__subregion", "state__intermediate_region"
        )
    ]
    funds = {row["id"]: row for row in Fund.objects.values("id", "chapter", "region", "provisions")}
    donors = {pk: (name, state or "") for pk, name, state in Donor.objects.values_list("id", "name", "state_id")}
    earmarks = []

    def earmark(donor: int, fund: int, chapter: str, region: str, evidence: int) -> matching.Earmark:
        name, state = donors[donor]
        paths = funds[fund]["provisions"] or []
        return matching.Earmark(donor, name, chapter, region, tuple(paths), evidence, state)

    for row in Contribution.objects.values("donor", "fund").annotate(n=Count("id")).order_by():
        fund = funds[row["fund"]]
        earmarks.append(earmark(row["donor"], row["fund"], fund["chapter"], fund["region"], row["n"]))
    for row in Pledge.objects.values("donor", "fund", "chapter", "region").annotate(n=Count("id")).order_by():
        fund = funds[row["fund"]]
        chapter, region = row["chapter"] or fund["chapter"], row["region"] or fund["region"]
        earmarks.append(earmark(row["donor"], row["fund"], chapter, region, row["n"]))
    projects = [
        matching.ProjectRow(pk, key, chapter, region, status, title)
        for pk, key, chapter, region, status, title in Project.objects.filter(
            status__in=matching.PROJECT_STATUSES
        ).values_list("id", "key", "chapter", "region", "status", "title")
    ]
    return needs, earmarks, projects


def all_matches(requests=None, limit: int = matching.LIMIT) -> list[matching.Match]:
    """Every request awaiting resources with its matching donors and projects, oldest request first."""
    needs, earmarks, projects = matching_input(requests)
    found = matching.match(needs, earmarks, projects, limit)
    return [found[need.id] for need in needs]


# -- a donor's view of needs ------------------------------------------------------------------------


@dataclass
class NeedGroup:
    chapter: str
    region: str
    count: int = 0
    totals: list[Amount] = field(default_factory=list)
    without_cost: int = 0


@dataclass
class DonorNeeds:
    donor: Donor
    chapters: list[str]  # the areas it funds ([] when it gives unearmarked: every area)
    every_area: bool
    groups: list[NeedGroup]
    count: int
    shareable: list[Any]  # requests the State marked shareable, with their need (when asked)
    shareable_count: int


def donor_areas(donor: Donor) -> tuple[list[str], bool]:
    """The areas a donor funds (its contributions' funds, its pledges' earmarks or funds), and whether it
    also gives unearmarked money (then every area is its)."""
    given = Contribution.objects.filter(donor=donor).order_by()  # no model ordering: DISTINCT on the chapters only
    chapters = set(given.values_list("fund__chapter", flat=True).distinct())
    pledged = Pledge.objects.filter(donor=donor).order_by()
    for chapter, fund_chapter in pledged.values_list("chapter", "fund__chapter").distinct():
        chapters.add(chapter or fund_chapter)
    every = "" in chapters
    return sorted((c for c in chapters if c), key=lambda c: (roman_value(c), c)), every


def donor_needs(donor: Donor, shareable_text: bool) -> DonorNeeds:
    """What waits on voluntary contributions in the areas `donor` funds: counts and totals per currency
    by area and region; with `shareable_text`, the requests their State marked shareable, with the need."""
    chapters, every = donor_areas(donor)
    awaiting = AssistanceRequest.objects.filter(status=AWAITING)
    if not every:
        awaiting = awaiting.filter(chapter__in=chapters)
    groups: dict[tuple[str, str], NeedGroup] = {}
    count = 0
    for row in (
        awaiting.values("chapter", "state__region", "currency")
        .annotate(n=Count("id"), costed=Count("estimated_cost"), total=Sum("estimated_cost"))
        .order_by()
    ):
        key = (row["chapter"], row["state__region"] or "")
        group = groups.setdefault(key, NeedGroup(*key))
        group.count += row["n"]
        count += row["n"]
        group.without_cost += row["n"] - row["costed"]
        if row["costed"]:
            group.totals.append(Amount(row["currency"], _money(row["total"]), row["costed"]))
    for group in groups.values():
        group.totals.sort(key=lambda amount: amount.currency)
    ordered = [groups[key] for key in sorted(groups, key=lambda k: (roman_value(k[0]), k[0], k[1]))]
    shareable: list[Any] = []
    shareable_count = 0
    if shareable_text:
        shared = awaiting.filter(shareable=True)
        shareable_count = shared.count()
        shareable = list(shared.select_related("state").order_by("created_at", "key")[:SHAREABLE_SHOWN])
    return DonorNeeds(donor, chapters, every, ordered, count, shareable, shareable_count)
