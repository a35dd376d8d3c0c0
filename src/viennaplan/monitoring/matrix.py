"""The progress matrix of a cycle: one cell per chapter and region (or UN regional group).

Plain Python, no database (the rows come from `queries.matrix_for`); the numbers can be checked
by hand.

Which reports count (decided once, applied by `queries.counted_statuses`): the aggregates count
PUBLISHED reports for everyone, and VALIDATED reports as well for those who may read any State's
validated report (the secretariat and reviewers). A draft, submitted or returned report never
moves an aggregate, whoever looks; a focal point sees the same aggregates as the public (their
own draft is on their report page, not in the matrix).

A cell covers the States of the area whose report counts; its shares (`shares`) are those of
their answers to the chapter's questions in each status of the scale, plus "not answered yet"
(a question left blank, or with no answer row). Every such State answers the same questions, so
the share of answers in a status is also the average over those States of each one's share:
each State weighs the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.countries.datafiles import GROUPS, REGION_LABELS

from .shares import Shares, add_counts, shares_of

REGIONS: tuple[str, ...] = ("Africa", "Americas", "Asia", "Europe", "Oceania")
NO_AREA = "none"
BY_CHOICES: dict[str, str] = {"region": gettext_lazy("Regions"), "group": gettext_lazy("UN regional groups")}


# -- areas ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    key: str  # "Africa" or "african"; NO_AREA for States outside every area
    label: str


def areas_for(by: str) -> list[Area]:
    """The columns of the matrix: the five regions or the five UN regional groups, then 'none'."""
    if by == "group":
        return [*(Area(key, label) for key, label in GROUPS.items()), Area(NO_AREA, _("Not in a regional group"))]
    regions = [Area(region, REGION_LABELS.get(region, region)) for region in REGIONS]
    return [*regions, Area(NO_AREA, _("No region recorded"))]


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


# -- the matrix -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaCount:
    """One row of the query: how many answers of the area's counted States to a question of a chapter
    have a status (several rows may name the same area, chapter and status: they add up)."""

    area: str
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
    rows: Iterable[AreaCount],
    *,
    by: str,
    chapters: list[str],
    questions_per_chapter: Mapping[str, int],
    counted_states: Iterable[StateEntry],
) -> Matrix:
    """The chapters x areas matrix of a cycle from the answer counts of the counted reports.

    `counted_states` are the States whose report counts (also those that answered nothing); `rows`
    count their answers only, by area (`StateEntry.area`)."""
    states = {entry.alpha3: entry for entry in counted_states}
    per_cell: dict[tuple[str, str], dict[str, int]] = {}
    for row in rows:
        if row.chapter not in questions_per_chapter:
            continue
        counts = per_cell.setdefault((row.chapter, row.area), {})
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
