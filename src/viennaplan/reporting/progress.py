"""What the national reports add up to: plain computations over counts of answers.

No database access here (the queries are in `progress_queries`); every function takes plain
rows and returns plain data, so the numbers can be checked by hand.

Which reports count (decided once, applied by `progress_queries.counted_statuses`): the
aggregates count PUBLISHED reports for everyone, and VALIDATED reports as well for those who may
read any State's validated report (the secretariat and reviewers). A draft, submitted or
returned report never moves an aggregate, whoever looks; a focal point sees the same aggregates
as the public (their own draft is on their report page, not in the matrix).

The progress matrix: one cell per chapter and region (or UN regional group). A cell covers the
States of the area whose report counts; its shares are those of their answers to the chapter's
questions in each status of the scale, plus "not answered yet" (a question left blank, or with
no answer row). Every such State answers the same questions, so the share of answers in a status
is also the average over those States of each one's share: each State weighs the same.

The progress of a commitment (a national action: one question), of an objective (the questions
serving it) and of a chapter, over the counted reports of a cycle:

    progress = (implemented + 0.5 x partially implemented) / (answers - not applicable)

"In progress", "not started", "no information" and "not answered yet" weigh 0; "not applicable"
is left out of the denominator (the action does not concern that State). With no applicable
answer the progress is unknown (None), never 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from viennaplan.countries.datafiles import GROUPS

from .scale import STATUS_SCALE

UNANSWERED = ""
STATUSES: tuple[str, ...] = (*STATUS_SCALE, UNANSWERED)
STATUS_LABELS: dict[str, str] = {**STATUS_SCALE, UNANSWERED: "Not answered yet"}
STATUS_SHORT: dict[str, str] = {
    "implemented": "I",
    "partially_implemented": "PI",
    "in_progress": "IP",
    "not_started": "NS",
    "not_applicable": "NA",
    "no_information": "NI",
    UNANSWERED: "–",
}
WEIGHTS: dict[str, float] = {"implemented": 1.0, "partially_implemented": 0.5}
LEFT_OUT = "not_applicable"

REGIONS: tuple[str, ...] = ("Africa", "Americas", "Asia", "Europe", "Oceania")
NO_AREA = "none"
BY_CHOICES: dict[str, str] = {"region": "Regions", "group": "UN regional groups"}


# -- areas ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    key: str  # "Africa" or "african"; NO_AREA for States outside every area
    label: str


def areas_for(by: str) -> list[Area]:
    """The columns of the matrix: the five regions or the five UN regional groups, then 'none'."""
    if by == "group":
        return [*(Area(key, label) for key, label in GROUPS.items()), Area(NO_AREA, "Not in a regional group")]
    return [*(Area(region, region) for region in REGIONS), Area(NO_AREA, "No region recorded")]


def area_label(by: str, key: str) -> str | None:
    return next((area.label for area in areas_for(by) if area.key == key), None)


@dataclass(frozen=True)
class StateEntry:
    alpha3: str
    name: str
    region: str
    group: str  # the primary UN regional group, "" if none

    def area(self, by: str) -> str:
        value = self.group if by == "group" else self.region
        known = GROUPS if by == "group" else REGIONS
        return value if value in known else NO_AREA


# -- shares and progress ----------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    short: str
    count: int
    percent: float  # 0-100
    offset: float  # where the segment starts in a 0-100 bar


@dataclass(frozen=True)
class Shares:
    """How many answers are in each status, out of `total` (missing answers are 'not answered')."""

    counts: dict[str, int]
    total: int

    def percent(self, status: str) -> float:
        return 100.0 * self.counts.get(status, 0) / self.total if self.total else 0.0

    @property
    def segments(self) -> list[Segment]:
        """The non-empty statuses in scale order, with their place in a stacked bar."""
        out, offset = [], 0.0
        for status in STATUSES:
            count = self.counts.get(status, 0)
            if count:
                pct = self.percent(status)
                out.append(Segment(status, STATUS_LABELS[status], STATUS_SHORT[status], count, pct, offset))
                offset += pct
        return out

    @property
    def progress(self) -> float | None:
        return progress_of(self.counts)

    @property
    def progress_text(self) -> str:
        return percent_text(self.progress)


def shares_of(counts: Mapping[str, int], total: int | None = None) -> Shares:
    """Shares out of `total` (default: the sum of counts); what `counts` lacks is 'not answered'."""
    clean = {status: int(n) for status, n in counts.items() if n}
    unknown = sorted(set(clean) - set(STATUSES))
    if unknown:
        raise ValueError(f"statuses {', '.join(map(repr, unknown))} are not on the scale")
    given = sum(clean.values())
    total = given if total is None else total
    if given > total:
        raise ValueError(f"{given} answers counted but only {total} expected")
    if total > given:
        clean[UNANSWERED] = clean.get(UNANSWERED, 0) + total - given
    return Shares(clean, total)


def progress_of(counts: Mapping[str, int]) -> float | None:
    """(implemented + 0.5 x partially implemented) / (answers - not applicable), 0 to 1; None if
    no answer applies."""
    applicable = sum(counts.values()) - counts.get(LEFT_OUT, 0)
    if applicable <= 0:
        return None
    return sum(weight * counts.get(status, 0) for status, weight in WEIGHTS.items()) / applicable


def add_counts(*many: Mapping[str, int]) -> dict[str, int]:
    total: dict[str, int] = {}
    for counts in many:
        for status, n in counts.items():
            total[status] = total.get(status, 0) + n
    return total


# -- the matrix -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerCount:
    """One row of the query: how many of a State's answers in a chapter have a status."""

    state: str
    chapter: str
    status: str
    count: int


@dataclass(frozen=True)
class Cell:
    chapter: str
    area: str
    states: int  # States of the area whose report counts
    shares: Shares


@dataclass
class Matrix:
    by: str
    chapters: list[str]
    areas: list[Area]
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    totals: dict[str, Cell] = field(default_factory=dict)  # chapter -> all States together
    states_counted: int = 0

    def row(self, chapter: str) -> list[Cell]:
        return [self.cells[(chapter, area.key)] for area in self.areas]


def build_matrix(
    rows: Iterable[AnswerCount],
    *,
    by: str,
    chapters: list[str],
    questions_per_chapter: Mapping[str, int],
    counted_states: Iterable[StateEntry],
) -> Matrix:
    """The chapters x areas matrix of a cycle from the answer counts of the counted reports.

    `counted_states` are the States whose report counts (also those that answered nothing);
    rows of other States are ignored."""
    states = {entry.alpha3: entry for entry in counted_states}
    per_cell: dict[tuple[str, str], dict[str, int]] = {}
    for row in rows:
        entry = states.get(row.state)
        if entry is None or row.chapter not in questions_per_chapter:
            continue
        counts = per_cell.setdefault((row.chapter, entry.area(by)), {})
        counts[row.status] = counts.get(row.status, 0) + row.count
    in_area: dict[str, int] = {}
    for entry in states.values():
        in_area[entry.area(by)] = in_area.get(entry.area(by), 0) + 1
    matrix = Matrix(by=by, chapters=list(chapters), areas=areas_for(by), states_counted=len(states))
    for chapter in chapters:
        asked = questions_per_chapter.get(chapter, 0)
        for area in matrix.areas:
            n = in_area.get(area.key, 0)
            counts = per_cell.get((chapter, area.key), {})
            matrix.cells[(chapter, area.key)] = Cell(chapter, area.key, n, shares_of(counts, n * asked))
        every = add_counts(*(per_cell.get((chapter, area.key), {}) for area in matrix.areas))
        matrix.totals[chapter] = Cell(chapter, "all", len(states), shares_of(every, len(states) * asked))
    if not in_area.get(NO_AREA):  # show the 'none' column only when some State is in it
        matrix.areas = [area for area in matrix.areas if area.key != NO_AREA]
    return matrix


# -- commitments and objectives ---------------------------------------------------------------


@dataclass(frozen=True)
class QuestionRef:
    id: int
    path: str
    citation: str
    chapter: str
    objectives: tuple[int, ...]
    text: str

    @property
    def own_text(self) -> str:
        """The item's own words, without the paragraph's lead-in that opens every item's text."""
        label = self.path.rsplit("/", 1)[-1]
        marker = f"({label}) "
        return self.text.split(marker, 1)[1] if "/" in self.path and marker in self.text else self.text


@dataclass(frozen=True)
class CommitmentProgress:
    question: QuestionRef
    shares: Shares


@dataclass(frozen=True)
class ObjectiveProgress:
    chapter: str
    number: int
    text: str
    commitments: int  # questions serving it
    shares: Shares


@dataclass
class ChapterProgress:
    chapter: str
    title: str
    shares: Shares
    objectives: list[ObjectiveProgress]
    commitments: list[CommitmentProgress]


def build_commitments(
    questions: list[QuestionRef],
    counts: Mapping[int, Mapping[str, int]],
    *,
    reports: int,
    chapter_titles: Mapping[str, str],
    objective_texts: Mapping[tuple[str, int], str],
) -> list[ChapterProgress]:
    """Progress of each question, objective and chapter of a cycle; `counts` maps a question id
    to its answers per status over the `reports` counted reports."""
    chapters: dict[str, ChapterProgress] = {}
    by_objective: dict[tuple[str, int], list[dict[str, int]]] = {}
    for question in questions:
        mine = dict(counts.get(question.id, {}))
        shares = shares_of(mine, reports)
        chapter = chapters.setdefault(
            question.chapter,
            ChapterProgress(question.chapter, chapter_titles.get(question.chapter, ""), shares_of({}, 0), [], []),
        )
        chapter.commitments.append(CommitmentProgress(question, shares))
        for number in question.objectives:
            by_objective.setdefault((question.chapter, number), []).append(shares.counts)
    for chapter in chapters.values():
        chapter.shares = shares_of(add_counts(*(c.shares.counts for c in chapter.commitments)))
        for (number_chapter, number), parts in sorted(by_objective.items(), key=lambda item: item[0][1]):
            if number_chapter != chapter.chapter:
                continue
            text = objective_texts.get((number_chapter, number), "")
            chapter.objectives.append(
                ObjectiveProgress(number_chapter, number, text, len(parts), shares_of(add_counts(*parts)))
            )
    return list(chapters.values())


def whole_percent(percent: float) -> int:
    """A percentage rounded to a whole number, halves up (12.5 -> 13), as people round."""
    return math.floor(percent + 0.5)


def percent_text(value: float | None) -> str:
    """A share (0-1) as '42%' (halves up), or 'unknown' for None."""
    return "unknown" if value is None else f"{whole_percent(100 * value)}%"
