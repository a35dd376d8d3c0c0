"""How every count of victims of trafficking is shown to anyone but the Secretariat's own files (46(b)).

Plain Python (and `django.utils.translation`). Every page, JSON answer, public CSV download, search
document and panel of the collection shows counts through this module only; nothing else decides.

The rules:

- PRIMARY: a count from 1 to 4 is never shown: it is "fewer than 5" (`SMALL`).
- ZERO: 0 is shown as 0. Detected victims are aggregates of a State's records, and "none detected"
  reveals nobody; it is UN practice (the Global Report on Trafficking in Persons shows zeros). A
  zero cell beside a small total is not shown either (see below), since it would narrow the others.
- SMALL TOTAL: when the total of a breakdown is from 1 to 4, every cell of it is "fewer than 5", zeros
  included (0 is fewer than 5): showing the zeros would tell how few cells share the few victims.
- SECONDARY: a figure from which a hidden one could be worked out is hidden too (`WITHHELD`, "not
  shown"). The public is assumed to know how this module works: a figure "fewer than 5" is 1 to 4
  (0 to 4 under a small total), one "not shown" is 5 or more. A hidden figure is *recoverable* when the
  figures shown (the other cells and the total) leave it a single possible value; while any hidden
  figure is recoverable, the smallest cell still shown is hidden as well, and when no cell is left to
  hide, the total. `recoverable` is that test, exact for figures known as whole-number intervals.
- SUMS: a sum over several records (an aggregate table's row, a cell of the breakdown over many
  flows) follows the primary rule (a sum from 1 to 4 is "fewer than 5", 5 or more may be shown) and is
  hidden ("not shown") when the parts as the public sees them, together with the sum, would leave a
  hidden part a single value (`sum_of`). A table of such sums with its total is then protected as a
  breakdown (`table`).

What this module cannot prevent: the same records asked for with two different filters give two
sums whose difference the public can take. The lists show no sums; the aggregate views sum whole
filtered sets only. See docs (decisions) for this residual risk.

In JSON a figure is one shape everywhere (`as_json`):

    {"value": 12, "suppressed": false, "shown": "12"}
    {"value": null, "suppressed": true, "shown": "fewer than 5"}       # 1 to 4
    {"value": null, "suppressed": true, "shown": "not shown"}          # hidden so that a small one stays hidden

`shown` is in the language of the request. In HTML a hidden figure is
`<span class="suppressed" data-suppressed="small|withheld">…</span>`.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple, TypeVar

from django.utils.translation import gettext as _

THRESHOLD = 5
SHOWN, SMALL, WITHHELD = "shown", "small", "withheld"

K = TypeVar("K", bound=Hashable)


class Figure(NamedTuple):
    """A count and how it is shown. `value` is the true count: never hand it to a public output; use
    `public`, `text` or `as_json`. `low`/`high` are what the public knows of it (high None: no bound).
    (A named tuple: aggregates build tens of thousands of them.)"""

    value: int
    status: str = SHOWN
    low: int = 0
    high: int | None = 0

    @property
    def suppressed(self) -> bool:
        return self.status != SHOWN

    @property
    def public(self) -> int | None:
        """The count as the public may see it: None when hidden."""
        return None if self.suppressed else self.value

    @property
    def text(self) -> str:
        if self.status == SMALL:
            return _("fewer than %(threshold)s") % {"threshold": THRESHOLD}
        if self.status == WITHHELD:
            return _("not shown")
        return str(self.value)

    def as_json(self) -> dict:
        return {"value": self.public, "suppressed": self.suppressed, "shown": self.text}

    def __str__(self) -> str:  # a template printing a figure prints what may be shown
        return self.text


def shown(value: int) -> Figure:
    return Figure(value, SHOWN, value, value)


def small(value: int, low: int = 1) -> Figure:
    return Figure(value, SMALL, low, THRESHOLD - 1)


def withheld(value: int) -> Figure:
    return Figure(value, WITHHELD, THRESHOLD, None)


@lru_cache(maxsize=4096)
def count(value: int) -> Figure:
    """One count by the primary rule alone: 1 to 4 is "fewer than 5", anything else is shown."""
    if value < 0:
        raise ValueError("a count is never negative")
    return small(value) if 0 < value < THRESHOLD else shown(value)


def _high(figure: Figure) -> float:
    return math.inf if figure.high is None else figure.high


def recoverable(cells: Sequence[Figure], total: Figure) -> list[int]:
    """The positions of the hidden figures (the cells, then the total as position len(cells)) that
    the public could work out exactly from what is shown, knowing that the cells add up to the total.

    Each figure is known to lie in [low, high]; a hidden cell x = total - (the other cells), so it lies
    in [max(low, total.low - others' highs), min(high, total.high - others' lows)]: one value, found."""
    found: list[int] = []
    lows = sum(cell.low for cell in cells)
    finite_highs = sum(cell.high for cell in cells if cell.high is not None)
    unbounded = sum(1 for cell in cells if cell.high is None)
    for index, cell in enumerate(cells):
        if cell.status == SHOWN:
            continue
        others_low = lows - cell.low
        if unbounded - (cell.high is None):
            others_high = math.inf
        else:
            others_high = finite_highs - (cell.high or 0)
        low = max(cell.low, total.low - others_high)
        high = min(_high(cell), _high(total) - others_low)
        if high <= low:
            found.append(index)
    if total.status != SHOWN:
        low = max(total.low, lows)
        high = min(_high(total), math.inf if unbounded else finite_highs)
        if high <= low:
            found.append(len(cells))
    return found


def protect(cells: Mapping[K, Figure], total: Figure) -> tuple[dict[K, Figure], Figure]:
    """Secondary suppression over one breakdown: cells (each already by the primary rule or hidden
    for another reason) that add up to `total`. Returns the cells and total as they may be shown."""
    keys = list(cells)
    figures = [cells[key] for key in keys]
    if total.status == SMALL or (total.suppressed and total.value < THRESHOLD):
        figures = [small(cell.value, low=0) for cell in figures]
        return dict(zip(keys, figures, strict=True)), small(total.value)
    while True:
        if not recoverable(figures, total):
            return dict(zip(keys, figures, strict=True)), total
        candidates = [i for i, cell in enumerate(figures) if cell.status == SHOWN and cell.value > 0]
        if candidates:
            smallest = min(candidates, key=lambda i: (figures[i].value, i))
            figures[smallest] = withheld(figures[smallest].value)
        elif not total.suppressed and total.value >= THRESHOLD:
            total = withheld(total.value)
        else:  # nothing left to hide that would help: hide every cell still shown but zero
            figures = [cell if cell.suppressed or cell.value == 0 else withheld(cell.value) for cell in figures]
            if not total.suppressed and total.value:
                total = withheld(total.value)
            return dict(zip(keys, figures, strict=True)), total


def breakdown(cells: Mapping[K, int], total: int | None = None) -> tuple[dict[K, Figure], Figure]:
    """A record's breakdown (e.g. victims by sex and age) with its total (the sum when None)."""
    whole = sum(cells.values()) if total is None else total
    figures = {key: count(value) for key, value in cells.items()}
    whole_figure = count(whole)
    if whole_figure.status == SHOWN and all(figure.status == SHOWN for figure in figures.values()):
        return figures, whole_figure  # nothing hidden, nothing to work out
    return protect(figures, whole_figure)


def sum_of(parts: Sequence[Figure]) -> Figure:
    """A sum over records, each part as the public sees it elsewhere: by the primary rule, and hidden
    when the sum shown would leave a hidden part a single possible value."""
    value = sum(part.value for part in parts)
    figure = count(value)
    if figure.suppressed or value == 0:
        return figure
    if recoverable(list(parts), figure):
        return withheld(value)
    return figure


def table(rows: Mapping[K, Figure], total: Figure | None = None) -> tuple[dict[K, Figure], Figure]:
    """A table of figures (e.g. sums by destination) with its total (the sum of the rows when None),
    protected so that no hidden row can be worked out from the others and the total."""
    whole = total if total is not None else count(sum(row.value for row in rows.values()))
    return protect(dict(rows), whole)
