"""What the pages, the API and the command show, computed once for all: an instrument's status on a
date (`statuses_of`, `status_of`: the rules from code, the actions from the database), every
instrument's status, a State's treaty panel, and an instrument's chart."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from viennaplan.countries.registry import StateInfo, state_directory
from viennaplan.dates import long_date

from .listing import AsListed, as_listed
from .records import InstrumentRules, InstrumentStatus, StateStatus
from .rules import TARGET_DATE, family_of, instrument_rules
from .shapes import standing_of
from .store import complete_lists, data_stamp, dates_after, load_actions, today

# what is computed from the treaty data, kept while it does not change: (what, instruments, day, data
# stamp, language) -> the result. Every State under 18 instruments at ten times UN scale takes about 2 s
# to compute (120,000 actions read, 36,000 explanations written), and a State's profile asks for it and
# for the depositary lists' warnings three times.
_KEPT: dict[tuple, Any] = {}
_KEPT_SIZE = 16
_kept_lock = threading.Lock()


def _kept(what: str, codes: Iterable[str], day: date, compute: Callable[[], Any]) -> Any:
    """`compute()`, kept per process while the treaty data do not change (`data_stamp`), for the reader's
    language (explanations and warnings are in it); never inside a transaction, which may hold changes
    of its own that are then rolled back. What is given is shared: never change it."""
    if connection.in_atomic_block:
        return compute()
    key = (what, tuple(sorted(codes)), day, data_stamp(), get_language())
    found = _KEPT.get(key)
    if found is None:
        found = compute()
        with _kept_lock:
            while len(_KEPT) >= _KEPT_SIZE:
                _KEPT.pop(next(iter(_KEPT)))
            _KEPT[key] = found
    return found


def statuses_of(codes: Iterable[str], as_of: date | None) -> dict[str, InstrumentStatus]:
    """The statuses of `codes` on `as_of` (default: today), each computed with its ancestors (kept while
    the treaty data do not change: `_kept`)."""
    from .engine import all_statuses

    rules = instrument_rules()
    wanted: list[str] = []
    for code in codes:
        wanted += [c for c in family_of(code, rules) if c not in wanted]
    day = as_of or today()
    subset = {code: rules[code] for code in wanted}
    computed = _kept("statuses", wanted, day, lambda: all_statuses(subset, load_actions(wanted), as_of=day))
    return {code: computed[code] for code in codes}


def status_of(code: str, as_of: date | None = None) -> InstrumentStatus:
    return statuses_of([code], as_of)[code]


def listings(codes: Iterable[str], as_of: date | None) -> dict[str, AsListed]:
    """As of which depositary list each instrument's status on `as_of` is, with its warning (`listing`)."""
    codes = list(codes)
    day = as_of or today()

    def compute() -> dict[str, AsListed]:
        lists = complete_lists()
        later = dates_after(lists, codes)
        return {code: as_listed(code, day, lists, later.get(code)) for code in codes}

    return dict(_kept("listings", codes, day, compute))


def listing_of(code: str, as_of: date | None) -> AsListed:
    return listings([code], as_of)[code]


@dataclass
class InstrumentLine:
    rules: InstrumentRules
    status: InstrumentStatus
    listing: AsListed


def all_instruments(as_of: date) -> list[InstrumentLine]:
    rules = instrument_rules()
    statuses = statuses_of(list(rules), as_of)
    listed = listings(rules, as_of)
    return [InstrumentLine(rules[code], statuses[code], listed[code]) for code in rules]


@dataclass
class PanelLine:
    rules: InstrumentRules
    status: StateStatus | None
    standing: str
    entry_into_force: date | None  # the instrument's general date
    listing: AsListed


@dataclass
class StatePanel:
    info: StateInfo
    as_of: date
    lines: list[PanelLine]

    @property
    def list_warnings(self) -> list[tuple[str, str]]:
        """(instrument, warning) for each line whose status goes beyond its depositary list."""
        return [(line.rules.code, line.listing.warning) for line in self.lines if line.listing.warning]


def state_panel(alpha3: str, as_of: date) -> StatePanel | None:
    """A State's standing under every instrument on `as_of`; None when the State is unknown."""
    directory = state_directory()
    info = directory.get(alpha3.upper())
    if info is None:
        return None
    lines = []
    for line in all_instruments(as_of):
        state = line.status.by_state.get(info.alpha3)
        lines.append(
            PanelLine(line.rules, state, standing_of(state, as_of), line.status.entry_into_force, line.listing)
        )
    return StatePanel(info, as_of, lines)


# ---------------------------------------------------------------------------------------------
# chart, cached while the actions do not change

_CHART_CACHE: dict[tuple, PartiesChart] = {}
_CHART_CACHE_SIZE = 64


@dataclass(frozen=True)
class PartiesChart:
    """Signatories, consents deposited and parties over time: the SVG, and the figures under it
    (each series on 31 December of every year and on the as-of date)."""

    svg: str  # '' when nothing is on file
    labels: tuple[str, ...]
    rows: tuple[tuple[date, tuple[int, ...]], ...]


def parties_figures(code: str, as_of: date, status: InstrumentStatus | None = None) -> PartiesChart:
    """The chart of signatories and parties over time up to `as_of`, with its data table."""
    from .charts import describe_rows, parties_chart_svg, status_series, year_end_rows

    key = (code, as_of, data_stamp(), get_language())  # the chart's words are in the reader's language
    cached = _CHART_CACHE.get(key)
    if cached is not None:
        return cached
    rules = instrument_rules()[code]
    if status is None or status.as_of != as_of:
        status = statuses_of([code], as_of)[code]
    series = [one for one in status_series(status.states) if one.points]
    markers = []
    if status.entry_into_force:
        markers.append((status.entry_into_force, _("entry into force")))
    if rules.adopted <= TARGET_DATE:
        markers.append((TARGET_DATE, _("plan target")))
    start = min([rules.adopted] + [one.points[0][0] for one in series])
    rows = year_end_rows(series, start=start, end=as_of) if series and start <= as_of else []
    labels = tuple(one.label for one in series)
    svg = parties_chart_svg(
        _("%(name)s: signatories, consents deposited and parties up to %(day)s")
        % {"name": rules.short_name, "day": long_date(as_of)},
        series,
        end=as_of,
        markers=markers,
        start=rules.adopted,
        desc=describe_rows(labels, rows),
        target=TARGET_DATE,
    )
    chart = PartiesChart(svg, labels, tuple(rows) if svg else ())
    if len(_CHART_CACHE) >= _CHART_CACHE_SIZE:
        _CHART_CACHE.pop(next(iter(_CHART_CACHE)))
    _CHART_CACHE[key] = chart
    return chart


def parties_chart(code: str, as_of: date, status: InstrumentStatus | None = None) -> str:
    """The SVG of signatories and parties over time, up to `as_of`; '' when nothing is on file."""
    return parties_figures(code, as_of, status).svg


def default_as_of() -> date:
    return today()
