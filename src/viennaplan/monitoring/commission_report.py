"""The Secretary-General's report to the Commission on where the plan stands, assembled from the data.

Plain Python, no Django but `django.utils.translation` (labels lazy, sentences translated when the
report is assembled, in the reader's language): `assemble(inputs)` takes plain rows (`ReportInputs`, gathered by
`commission_report_data`) and returns a `CommissionReport`, chapter by chapter:

- the chapter's objectives in the plan's words;
- treaty status of the instruments its ratification objectives name (signatories, consents by
  31 December 2002 and by the as-of date, parties), as listed by the depositary, with the warning
  when the as-of date is after the list; each instrument's map is drawn once, where it first appears;
- national actions: the shares of the answers in each status by region and for each commitment,
  over the published reports of the cycle (the report is public: the public's figures);
- international actions: the Secretariat's records (status, outputs, what awaits voluntary
  contributions);
- technical assistance asked for in published answers, and the requests for it as of the as-of date
  (by status, what awaits resources and its estimated cost per currency, the area's funds' balances
  per currency, projects and the outputs they delivered, events held): counts and sums only, the
  text of a request never (`AssistanceFigures`, read from the assistance app by
  `commission_report_data`);
- indicators against targets: for each target on the chapter's commitments, the indicator, the
  commitment, baseline and target year with the rule in words, the States met / not met /
  with insufficient data, and the review list of paragraph 35(f) (the States not met, by name).

Every figure comes with a `Note`: what it counts, as of when, and the page it comes from. "Progress"
in code means the Secretariat's records on international actions; this is the Commission report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from viennaplan.dates import long_date
from viennaplan.reporting.scale import INTERNATIONAL_STATUSES, RESOURCES

from .charts import Change, changes_shown
from .commitments import ChapterShares
from .indicator_targets import INSUFFICIENT, MET, NOT_MET, RULES, percent
from .matrix import Matrix, StateEntry
from .shares import ANSWER_STATUSES, Shares, percent_text, whole_percent
from .targets import TARGET_DATE, ObjectiveProgress

TITLE = gettext_lazy(
    "Progress made in the implementation of the Plans of Action for the Vienna Declaration on Crime and Justice"
)
SUBTITLE = gettext_lazy("Report of the Secretary-General to the Commission on Crime Prevention and Criminal Justice")
AWAITING = "awaiting_voluntary_contributions"
WAITING_STATUS = "waiting_for_resources"
NO_TARGET = gettext_lazy("No indicator target is set for this chapter's commitments.")
REPORT_CHANGES = 20  # States in a target's change chart in the report (print: 40 took 19 s of 42 at 40 targets)
NO_CYCLE = gettext_lazy("No reporting cycle has been opened yet: national reports are not part of this report")
NO_TARGET_AT_ALL = gettext_lazy(
    "No indicator target is set yet: indicators against their targets, and the review list of "
    "paragraph 35(f), will appear here once the Secretariat sets targets."
)


def link(path: str, **params: Any) -> str:
    query = urlencode({key: value for key, value in params.items() if value not in (None, "")})
    return f"{path}?{query}" if query else path


# -- inputs -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class InternationalRow:
    chapter: str
    citation: str
    entity: str
    status: str
    resources: str
    outputs: tuple[str, ...]  # titles
    narrative: str


@dataclass(frozen=True)
class NeedRow:
    chapter: str
    citation: str
    question_text: str
    state: str  # alpha-3
    state_name: str
    description: str


@dataclass(frozen=True)
class ComparedRow:
    """One State with a baseline and an end value under a target: a bar of the change chart, a row of its table."""

    state: str  # alpha-3
    name: str
    baseline_year: int
    baseline: str  # as published
    end_year: int
    end: str
    change: Decimal  # per cent
    outcome: str
    label: str


@dataclass(frozen=True)
class TargetRow:
    """One indicator target and the States' results on it (`target_results`), as plain values."""

    target: int  # its id: /targets/<id>
    chapter: str
    citation: str  # the commitment it measures, "35(a)"
    plan_path: str | None  # "35/a": /plan/35/a
    indicator: str  # code
    indicator_name: str
    unit: str
    disaggregation: dict[str, str]  # {} for the total
    baseline_year: int
    target_year: int
    rule: str
    threshold: Decimal  # per cent
    window: int  # years
    met: int
    insufficient: int
    review: tuple[tuple[str, str], ...]  # (alpha-3, name) of the States not met: the review list of 35(f)
    compared: tuple[ComparedRow, ...] = ()  # the States with both values, the largest fall first
    chart_title: str = ""

    @property
    def changes(self) -> tuple[Change, ...]:
        return tuple(Change(r.name, r.change, r.outcome, r.label) for r in self.compared)

    @property
    def charted(self) -> list[ComparedRow]:
        """The rows the report's change chart draws: all, or the REPORT_CHANGES / 2 largest falls and
        rises (`charts.changes_shown`); the target's page has every State."""
        shown, _left_out = changes_shown(self.changes, REPORT_CHANGES)
        names = {change.state for change in shown}
        return [row for row in self.compared if row.name in names]

    @property
    def left_out(self) -> int:
        return changes_shown(self.changes, REPORT_CHANGES)[1]

    @property
    def charted_half(self) -> int:
        return REPORT_CHANGES // 2

    @property
    def not_met(self) -> int:
        return len(self.review)

    @property
    def url(self) -> str:
        return f"/targets/{self.target}"

    @property
    def plan_url(self) -> str | None:
        return f"/plan/{self.plan_path}" if self.plan_path else None

    @property
    def rule_words(self) -> str:
        return ngettext(
            "%(rule)s; threshold %(threshold)s, within %(years)s year of each year",
            "%(rule)s; threshold %(threshold)s, within %(years)s years of each year",
            self.window,
        ) % {"rule": RULES[self.rule], "threshold": percent(self.threshold), "years": self.window}

    @property
    def disaggregation_words(self) -> str:
        return ", ".join(f"{key} {value}" for key, value in sorted(self.disaggregation.items()))


@dataclass(frozen=True)
class DeadlineRow:
    """One of the plan's dated deadlines (`deadlines`) and how many States met it, as plain values."""

    key: str
    title: str
    provisions: tuple[str, ...]  # the citations that set it
    due: date
    met: int
    not_met: int
    insufficient: int
    evidence: str  # what was counted, and as of when
    listed: str  # "as listed by the depositary on …" for a ratification deadline, else ""
    warning: str | None

    @property
    def url(self) -> str:
        return f"/targets/deadlines/{self.key}"


@dataclass(frozen=True)
class AssistanceFigures:
    """The requests for technical assistance on one area (chapter) as of the report, with the money and
    the delivery behind them: counts and sums per currency only (the report is public)."""

    statuses: tuple[tuple[str, str, int], ...]  # (status, label, requests) in the workflow's order
    awaiting_costs: tuple[tuple[str, Decimal, int], ...] = ()  # (currency, estimated cost, requests)
    awaiting_without_cost: int = 0
    funds: tuple[tuple[str, str, tuple[tuple[str, Decimal], ...]], ...] = ()  # (key, name, balances)
    projects: int = 0
    outputs: tuple[tuple[str, str, int, int], ...] = ()  # (kind, label, outputs, quantity)
    events: int = 0
    awaiting_status: str = "awaiting_resources"

    @property
    def requests(self) -> int:
        return sum(count for _status, _label, count in self.statuses)

    @property
    def awaiting(self) -> int:
        return sum(count for status, _label, count in self.statuses if status == self.awaiting_status)

    @property
    def balances(self) -> list[tuple[str, Decimal]]:
        """The area's funds together, per currency (never converted)."""
        total: dict[str, Decimal] = {}
        for _key, _name, balances in self.funds:
            for currency, amount in balances:
                total[currency] = total.get(currency, Decimal(0)) + amount
        return sorted(total.items())


@dataclass
class ReportInputs:
    as_of: date
    generated_on: date
    cycle_id: int | None  # None: no reporting cycle is open yet (treaty status and indicators only)
    cycle_name: str  # "" without a cycle
    chapters: list[tuple[str, str]]  # (number, title) in the plan's order
    objectives: dict[str, list[tuple[int, str]]]  # chapter -> (number, text) in the plan's words
    asked: list[str]  # chapters the cycle asks about
    ratification: list[ObjectiveProgress]
    instrument_names: dict[str, str]
    matrix: Matrix | None  # by region, over the published reports; None without a cycle
    commitments: list[ChapterShares]
    stages: list[tuple[StateEntry, str]]  # every State and its report's public stage
    stage_labels: dict[str, str]
    international: list[InternationalRow]
    international_units: dict[str, int]  # chapter -> international actions asked about in the cycle
    needs: list[NeedRow]
    targets: list[TargetRow] = field(default_factory=list)  # every indicator target, in any chapter
    deadlines: list[DeadlineRow] = field(default_factory=list)  # the plan's dated deadlines
    assistance: dict[str, AssistanceFigures] = field(default_factory=dict)  # chapter -> the requests' figures


# -- the report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """What a figure counts, as of when, and the page it comes from."""

    counts: str
    as_of: str
    source: str

    def as_json(self) -> dict[str, str]:
        return {"counts": self.counts, "as_of": self.as_of, "source": self.source}


@dataclass
class TreatyLine:
    instrument: str
    name: str
    signatories: int
    ratified_by_target: int | None  # None: not yet adopted on 31 December 2002
    ratified: int
    parties: int
    entry_into_force: date | None
    listed: str  # "as listed by the depositary on …", "" when no complete list is on file
    warning: str | None
    draw_map: bool  # the map is drawn here (first chapter naming the instrument)
    map_chapter: str  # where the map is drawn
    note: Note
    map_source: str


def percents(shares: Shares) -> list[int]:
    """The whole percentage of answers in each status of `ANSWER_STATUSES`, in order."""
    return [whole_percent(shares.percent(status)) for status in ANSWER_STATUSES]


class _Percents:
    shares: Shares

    @property
    def percents(self) -> list[int]:
        return percents(self.shares)


@dataclass
class RegionLine(_Percents):
    area: str
    label: str
    states: int  # States of the region whose published report counts
    shares: Shares
    source: str


@dataclass
class CommitmentLine(_Percents):
    citation: str
    text: str
    shares: Shares


@dataclass
class NationalSection:
    asked: bool
    reports: int
    regions: list[RegionLine]
    total: RegionLine | None
    commitments: list[CommitmentLine]
    note: Note


@dataclass
class InternationalSection:
    units: int
    records: list[InternationalRow]
    by_status: list[tuple[str, str, int]]  # (status, label, count)
    awaiting: list[InternationalRow]  # waiting on voluntary contributions or for resources
    outputs: int
    note: Note


@dataclass
class NeedGroup:
    citation: str
    text: str
    needs: list[NeedRow]


@dataclass
class TargetLine:
    row: TargetRow
    note: Note


@dataclass
class IndicatorSection:
    available: bool  # some indicator target is set, in any chapter
    targets: list[TargetLine]
    text: str  # NO_TARGET when the chapter has none, else ""


@dataclass
class ChapterSection:
    number: str
    title: str
    objectives: list[tuple[int, str]]
    treaties: list[TreatyLine]
    national: NationalSection
    international: InternationalSection
    assistance: list[NeedGroup]
    assistance_note: Note
    indicators: IndicatorSection
    requests: AssistanceFigures | None = None  # None: no request, fund, project or event on the area
    requests_note: Note | None = None

    @property
    def assistance_states(self) -> int:
        return len({need.state for group in self.assistance for need in group.needs})


@dataclass
class RegionReporting:
    area: str
    label: str
    states: int
    published: int
    received: int
    not_reported: list[StateEntry]


@dataclass
class ReportingSummary:
    states: int
    published: int
    received: int
    not_reported: int
    regions: list[RegionReporting]
    note: Note


@dataclass
class CommissionReport:
    title: str
    subtitle: str
    as_of: date
    generated_on: date
    cycle_id: int | None
    cycle_name: str
    reporting: ReportingSummary | None  # None without a cycle
    chapters: list[ChapterSection]
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (instrument, warning)
    targets: list[TargetRow] = field(default_factory=list)  # every indicator target of the report
    deadlines: list[DeadlineRow] = field(default_factory=list)
    deadlines_note: Note | None = None

    @property
    def as_of_label(self) -> str:
        return long_date(self.as_of)

    @property
    def identification(self) -> str:
        if self.cycle_id is None:
            return _("as of %(day)s") % {"day": self.as_of_label}
        return _("%(cycle)s · as of %(day)s") % {"cycle": self.cycle_name, "day": self.as_of_label}

    @property
    def path(self) -> str:
        return link(REPORT_PATH, as_of=self.as_of.isoformat(), cycle=self.cycle_id)


REPORT_PATH = "/reporting/commission-report"


# -- assembling -------------------------------------------------------------------------------


def published_words(inputs: ReportInputs) -> str:
    day = long_date(inputs.generated_on)
    if inputs.cycle_id is None:
        return _("%(no_cycle)s (on %(day)s)") % {"no_cycle": NO_CYCLE, "day": day}
    return _("published reports of %(cycle)s on file on %(day)s") % {"cycle": inputs.cycle_name, "day": day}


def treaty_lines(inputs: ReportInputs, chapter: str, drawn: dict[str, str]) -> list[TreatyLine]:
    """The instruments named by the chapter's ratification objectives, each once; `drawn` records
    where each instrument's map was drawn first (updated)."""
    lines: list[TreatyLine] = []
    as_of = inputs.as_of.isoformat()
    for objective in inputs.ratification:
        if objective.objective.chapter != chapter:
            continue
        for progress in objective.instruments:
            if any(line.instrument == progress.instrument for line in lines):
                continue
            code = progress.instrument
            first = code not in drawn
            drawn.setdefault(code, chapter)
            listing = progress.listing
            listed = listing.sentence if listing is not None else ""
            lines.append(
                TreatyLine(
                    instrument=code,
                    name=inputs.instrument_names.get(code, code),
                    signatories=progress.signatories,
                    ratified_by_target=progress.ratified_by_target,
                    ratified=progress.ratified,
                    parties=progress.parties,
                    entry_into_force=progress.entry_into_force,
                    listed=listed,
                    warning=listing.warning if listing is not None else None,
                    draw_map=first,
                    map_chapter=drawn[code],
                    note=Note(
                        _(
                            "States that signed; that deposited an instrument of consent (ratification, "
                            "acceptance, approval, accession, succession) by %(target_date)s and by the as-of "
                            "date; for which the instrument is in force"
                        )
                        % {"target_date": long_date(TARGET_DATE)},
                        _("%(day)s, %(listed)s") % {"day": long_date(inputs.as_of), "listed": listed}
                        if listed
                        else long_date(inputs.as_of),
                        link(f"/treaties/{code}", as_of=as_of),
                    ),
                    map_source=link(f"/treaties/{code}/map", as_of=as_of),
                )
            )
    return lines


def national_section(inputs: ReportInputs, chapter: str, shares: ChapterShares | None) -> NationalSection:
    matrix = inputs.matrix
    asked = matrix is not None and chapter in inputs.asked and chapter in matrix.chapters
    regions: list[RegionLine] = []
    total = None
    if matrix is not None and asked:
        for cell in matrix.row(chapter):
            label = next(area.label for area in matrix.areas if area.key == cell.area)
            source = link(
                "/reporting/progress/cell", cycle=inputs.cycle_id, chapter=chapter, by="region", area=cell.area
            )
            regions.append(RegionLine(cell.area, label, cell.states, cell.shares, source))
        every = matrix.totals[chapter]
        total = RegionLine(
            "all", _("All regions"), every.states, every.shares, link("/reporting/progress", cycle=inputs.cycle_id)
        )
    commitments = [
        CommitmentLine(c.question.citation, c.question.own_text, c.shares)
        for c in (shares.commitments if shares else [])
    ]
    return NationalSection(
        asked,
        matrix.states_counted if matrix is not None else 0,
        regions,
        total,
        commitments,
        Note(
            _(
                "answers of the States whose report is published, in each status of the scale; implementation = "
                "(implemented + ½ partially implemented) / applicable answers"
            ),
            published_words(inputs),
            link("/reporting/commitments", cycle=inputs.cycle_id),
        ),
    )


def international_section(inputs: ReportInputs, chapter: str) -> InternationalSection:
    records = [row for row in inputs.international if row.chapter == chapter]
    counts: dict[str, int] = {}
    for row in records:
        counts[row.status] = counts.get(row.status, 0) + 1
    by_status = [(key, label, counts[key]) for key, label in INTERNATIONAL_STATUSES.items() if counts.get(key)]
    awaiting = [row for row in records if row.resources == AWAITING or row.status == WAITING_STATUS]
    return InternationalSection(
        inputs.international_units.get(chapter, 0),
        records,
        by_status,
        awaiting,
        sum(len(row.outputs) for row in records),
        Note(
            _("the Secretariat's records on the chapter's international actions (one per action and entity)"),
            _("records of %(cycle)s on file on %(day)s")
            % {"cycle": inputs.cycle_name, "day": long_date(inputs.generated_on)}
            if inputs.cycle_id is not None
            else published_words(inputs),
            f"/reporting/{inputs.cycle_id}/international/" if inputs.cycle_id is not None else "/reporting/",
        ),
    )


def need_groups(inputs: ReportInputs, chapter: str) -> list[NeedGroup]:
    groups: dict[str, NeedGroup] = {}
    for need in inputs.needs:
        if need.chapter == chapter:
            groups.setdefault(need.citation, NeedGroup(need.citation, need.question_text, [])).needs.append(need)
    return list(groups.values())


def indicator_section(inputs: ReportInputs, chapter: str) -> IndicatorSection:
    """The chapter's indicator targets, each with what it counts, as of when and its page."""
    lines = [
        TargetLine(
            row,
            Note(
                (
                    _(
                        "States judged on the published observations of %(indicator)s (%(disaggregation)s): met, "
                        "not met (the review list of paragraph 35(f)), insufficient data (never on the review list)"
                    )
                    if row.disaggregation
                    else _(
                        "States judged on the published observations of %(indicator)s: met, not met (the review "
                        "list of paragraph 35(f)), insufficient data (never on the review list)"
                    )
                )
                % {"indicator": row.indicator_name, "disaggregation": row.disaggregation_words},
                _("the observations on file on %(day)s") % {"day": long_date(inputs.generated_on)},
                row.url,
            ),
        )
        for row in inputs.targets
        if row.chapter == chapter
    ]
    return IndicatorSection(bool(inputs.targets), lines, "" if lines else str(NO_TARGET))


def reporting_summary(inputs: ReportInputs) -> ReportingSummary | None:
    if inputs.matrix is None:
        return None
    regions: dict[str, RegionReporting] = {}
    labels = {area.key: area.label for area in inputs.matrix.areas}
    for entry, stage in inputs.stages:
        key = entry.area("region")
        region = regions.setdefault(key, RegionReporting(key, labels.get(key, key), 0, 0, 0, []))
        region.states += 1
        if stage == "published":
            region.published += 1
        elif stage == "received":
            region.received += 1
        else:
            region.not_reported.append(entry)
    lines = list(regions.values())
    return ReportingSummary(
        states=sum(r.states for r in lines),
        published=sum(r.published for r in lines),
        received=sum(r.received for r in lines),
        not_reported=sum(len(r.not_reported) for r in lines),
        regions=lines,
        note=Note(
            _(
                "every State, by region: reports published; received but not yet published; not submitted (no "
                "report, or a report still in draft)"
            ),
            _("%(cycle)s, on file on %(day)s") % {"cycle": inputs.cycle_name, "day": long_date(inputs.generated_on)},
            link("/reporting/status", cycle=inputs.cycle_id, by="region"),
        ),
    )


def requests_note(inputs: ReportInputs, chapter: str) -> Note:
    return Note(
        _(
            "requests for technical assistance on the area filed by the as-of date, in the status they had then; "
            "the estimated cost of those awaiting resources, the balances of the funds earmarked for the area "
            "(contributions received less disbursements), the projects on the area and the outputs they "
            "delivered, and the published events held serving its provisions; per currency, never converted"
        ),
        long_date(inputs.as_of),
        f"/assistance/areas/{chapter}",
    )


def assemble(inputs: ReportInputs) -> CommissionReport:
    """The report, chapter by chapter, from plain inputs."""
    shares_by_chapter = {c.chapter: c for c in inputs.commitments}
    drawn: dict[str, str] = {}
    chapters = []
    for number, title in inputs.chapters:
        chapters.append(
            ChapterSection(
                number=number,
                title=title,
                objectives=inputs.objectives.get(number, []),
                treaties=treaty_lines(inputs, number, drawn),
                national=national_section(inputs, number, shares_by_chapter.get(number)),
                international=international_section(inputs, number),
                assistance=need_groups(inputs, number),
                assistance_note=Note(
                    _("answers of published reports that ask for technical assistance, with what they ask for"),
                    published_words(inputs),
                    link("/reporting/commitments", cycle=inputs.cycle_id),
                ),
                indicators=indicator_section(inputs, number),
                requests=inputs.assistance.get(number),
                requests_note=requests_note(inputs, number),
            )
        )
    warnings: dict[str, str] = {}
    for objective in inputs.ratification:
        for progress in objective.instruments:
            if progress.listing is not None and progress.listing.warning:
                warnings.setdefault(progress.instrument, progress.listing.warning)
    return CommissionReport(
        str(TITLE),
        str(SUBTITLE),
        inputs.as_of,
        inputs.generated_on,
        inputs.cycle_id,
        inputs.cycle_name,
        reporting_summary(inputs),
        chapters,
        list(warnings.items()),
        list(inputs.targets),
        list(inputs.deadlines),
        Note(
            _(
                "every State under each of the plan's dated deadlines: met, not met, or insufficient data (no "
                "status list for the instrument; no published report answering the chapter's national actions)"
            ),
            _("the data on file on %(day)s, judged on the deadline's date") % {"day": long_date(inputs.generated_on)},
            "/targets/deadlines",
        ),
    )


# -- the JSON twin ----------------------------------------------------------------------------


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def shares_json(shares: Shares) -> dict[str, Any]:
    return {
        "answers": shares.total,
        "counts": {status or "not_answered": shares.counts.get(status, 0) for status in ANSWER_STATUSES},
        "percent": dict(zip((s or "not_answered" for s in ANSWER_STATUSES), percents(shares), strict=True)),
        "implementation": None if shares.implementation is None else round(shares.implementation, 4),
        "implementation_text": percent_text(shares.implementation),
    }


def _states(entries: Iterable[StateEntry]) -> list[dict[str, str]]:
    return [{"state": e.alpha3, "name": e.name} for e in entries]


def as_json(report: CommissionReport) -> dict[str, Any]:
    return {
        "title": report.title,
        "subtitle": report.subtitle,
        "as_of": report.as_of.isoformat(),
        "generated_on": report.generated_on.isoformat(),
        "cycle": {"id": report.cycle_id, "name": report.cycle_name} if report.cycle_id is not None else None,
        "page": report.path,
        "warnings": [{"instrument": code, "warning": text} for code, text in report.warnings],
        "reporting": _reporting_json(report.reporting),
        "deadlines": {
            "deadlines": [
                {
                    "key": d.key,
                    "title": d.title,
                    "provisions": list(d.provisions),
                    "due": d.due.isoformat(),
                    "counts": {MET: d.met, NOT_MET: d.not_met, INSUFFICIENT: d.insufficient},
                    "evidence": d.evidence,
                    "listed": d.listed,
                    "warning": d.warning,
                    "url": d.url,
                }
                for d in report.deadlines
            ],
            "note": report.deadlines_note.as_json() if report.deadlines_note else None,
        },
        "chapters": [_chapter_json(chapter) for chapter in report.chapters],
        "indicators": {
            "available": bool(report.targets),
            "text": "" if report.targets else str(NO_TARGET_AT_ALL),
            "targets": [{"id": row.target, "chapter": row.chapter, "url": row.url} for row in report.targets],
        },
    }


def _reporting_json(summary: ReportingSummary | None) -> dict[str, Any] | None:
    if summary is None:  # no reporting cycle is open yet
        return None
    return {
        "states": summary.states,
        "published": summary.published,
        "received": summary.received,
        "not_reported": summary.not_reported,
        "regions": [
            {
                "region": r.area,
                "label": r.label,
                "states": r.states,
                "published": r.published,
                "received": r.received,
                "not_reported": _states(r.not_reported),
            }
            for r in summary.regions
        ],
        "note": summary.note.as_json(),
    }


def _chapter_json(chapter: ChapterSection) -> dict[str, Any]:
    national, international = chapter.national, chapter.international
    return {
        "chapter": chapter.number,
        "title": chapter.title,
        "objectives": [{"number": n, "text": text} for n, text in chapter.objectives],
        "treaties": [
            {
                "instrument": t.instrument,
                "name": t.name,
                "signatories": t.signatories,
                "ratified_by_2002": t.ratified_by_target,
                "ratified": t.ratified,
                "parties": t.parties,
                "entry_into_force": _iso(t.entry_into_force),
                "listed": t.listed,
                "warning": t.warning,
                "map": t.map_source,
                "note": t.note.as_json(),
            }
            for t in chapter.treaties
        ],
        "national_actions": {
            "asked": national.asked,
            "reports": national.reports,
            "regions": [
                {
                    "region": r.area,
                    "label": r.label,
                    "states": r.states,
                    "shares": shares_json(r.shares),
                    "source": r.source,
                }
                for r in national.regions
            ],
            "all": shares_json(national.total.shares) if national.total else None,
            "commitments": [
                {"citation": c.citation, "text": c.text, "shares": shares_json(c.shares)} for c in national.commitments
            ],
            "note": national.note.as_json(),
        },
        "international_actions": {
            "units": international.units,
            "records": [_international_json(row) for row in international.records],
            "by_status": {key: n for key, _, n in international.by_status},
            "awaiting_resources": [_international_json(row) for row in international.awaiting],
            "outputs": international.outputs,
            "note": international.note.as_json(),
        },
        "technical_assistance": {
            "states": chapter.assistance_states,
            "commitments": [
                {
                    "citation": group.citation,
                    "states": [{"state": n.state, "name": n.state_name, "asks": n.description} for n in group.needs],
                }
                for group in chapter.assistance
            ],
            "note": chapter.assistance_note.as_json(),
            "requests": _requests_json(chapter.requests, chapter.requests_note),
        },
        "indicators": {
            "available": chapter.indicators.available,
            "text": chapter.indicators.text,
            "targets": [_target_json(line) for line in chapter.indicators.targets],
        },
    }


def _money(amount: Decimal) -> str:
    return f"{amount:.2f}"


def _requests_json(figures: AssistanceFigures | None, note: Note | None) -> dict[str, Any]:
    figures = figures or AssistanceFigures(())
    return {
        "requests": figures.requests,
        "by_status": {status: count for status, _label, count in figures.statuses},
        "awaiting_resources": {
            "requests": figures.awaiting,
            "estimated_cost": [
                {"currency": currency, "amount": _money(total), "requests": count}
                for currency, total, count in figures.awaiting_costs
            ],
            "without_estimate": figures.awaiting_without_cost,
        },
        "funds": [
            {
                "fund": key,
                "name": name,
                "balances": [{"currency": c, "amount": _money(a)} for c, a in balances],
                "url": f"/assistance/funds/{key}",
            }
            for key, name, balances in figures.funds
        ],
        "balances": [{"currency": c, "amount": _money(a)} for c, a in figures.balances],
        "projects": figures.projects,
        "outputs": [
            {"kind": kind, "label": str(label), "outputs": count, "quantity": quantity}
            for kind, label, count, quantity in figures.outputs
        ],
        "events": figures.events,
        "note": note.as_json() if note else None,
    }


def _international_json(row: InternationalRow) -> dict[str, Any]:
    return {
        "citation": row.citation,
        "entity": row.entity,
        "status": row.status,
        "status_label": str(INTERNATIONAL_STATUSES.get(row.status, row.status)),
        "resources": row.resources,
        "resources_label": str(RESOURCES.get(row.resources, row.resources)),
        "outputs": list(row.outputs),
        "narrative": row.narrative,
    }


def _target_json(line: TargetLine) -> dict[str, Any]:
    row = line.row
    return {
        "id": row.target,
        "url": row.url,
        "indicator": {"code": row.indicator, "name": row.indicator_name, "unit": row.unit},
        "disaggregation": dict(row.disaggregation),
        "provision": {"citation": row.citation, "url": row.plan_url},
        "baseline_year": row.baseline_year,
        "target_year": row.target_year,
        "rule": row.rule,
        "rule_text": row.rule_words,
        "threshold_percent": f"{row.threshold.normalize():f}",
        "window_years": row.window,
        "counts": {MET: row.met, NOT_MET: row.not_met, INSUFFICIENT: row.insufficient},
        "review_list": [{"state": code, "name": name, "url": row.url} for code, name in row.review],
        "note": line.note.as_json(),
    }
