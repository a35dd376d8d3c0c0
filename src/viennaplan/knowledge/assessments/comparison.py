"""The comparison of assessments across States and over time, in plain Python: for one sector or one
type of corruption (or both, or any other filter), which States' assessments cover it, year by year.

`table(counts, first, last)` takes how many assessments each State has in each year (each a `Count`:
State, the State's name, the year the assessments speak for, how many) and lays them out as a State x
year table: one row per State (by name), one column per year from the first to the last year present
(or the range asked for; at most `YEARS_MAX` columns, the latest), each cell the number of that
State's assessments of that year (0: none).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

YEARS_MAX = 60  # columns at most: a wider range keeps its last YEARS_MAX years


@dataclass(frozen=True)
class Count:
    state: str
    state_name: str
    year: int
    count: int


@dataclass(frozen=True)
class Row:
    state: str
    state_name: str
    cells: tuple[int, ...]  # one per year of the table, in its order

    @property
    def total(self) -> int:
        return sum(self.cells)


@dataclass(frozen=True)
class Table:
    years: tuple[int, ...]
    rows: tuple[Row, ...]

    @property
    def total(self) -> int:
        return sum(row.total for row in self.rows)

    def states_per_year(self) -> tuple[int, ...]:
        """How many States have an assessment in each year."""
        return tuple(sum(1 for row in self.rows if row.cells[i]) for i in range(len(self.years)))


def table(counts: Iterable[Count], first: int | None = None, last: int | None = None) -> Table:
    chosen = [c for c in counts if (first is None or c.year >= first) and (last is None or c.year <= last)]
    if not chosen:
        return Table((), ())
    high = last if last is not None else max(c.year for c in chosen)
    low = first if first is not None else min(c.year for c in chosen)
    low = max(low, high - YEARS_MAX + 1)
    years = tuple(range(low, high + 1))
    by_state: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    names: dict[str, str] = {}
    for c in chosen:
        if c.year >= low:
            by_state[c.state][c.year] += c.count
            names[c.state] = c.state_name
    rows = tuple(
        Row(state, names[state], tuple(by_state[state].get(year, 0) for year in years))
        for state in sorted(by_state, key=lambda code: (names[code].casefold(), code))
    )
    return Table(years, rows)
