"""Persistence of treaty status: the registry of instruments, the dated actions, and whether (and
when) they changed.

- `sync_instruments()` brings the Instrument registry up to date with `rules.INSTRUMENTS` (after
  every `migrate`, see `apps.py`).
- `load_actions()` gives the engine its plain records; `has_status_data()` and `data_stamp()` say
  whether any are on file and when they last changed (for caches); `today()` is the site's date.
- `complete_lists()` and `dates_after()` say as of which depositary list each instrument's
  actions are complete, and which actions are later (`treaties.listing`).
Statuses are computed in `treaties.overview`, shaped in `treaties.shapes`; imports and interactive
entry are in `treaties.importer`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from .models import DepositaryList, Instrument, TreatyAction
from .records import Action

NO_DATA = gettext_lazy("No status list has been imported yet: `viennaplan treaties import FILE.csv`")


def sync_instruments(using: str = "default") -> int:
    """Create or update one Instrument row per entry of `rules.INSTRUMENTS`; returns how many.

    Rows the code no longer declares are left alone (actions may still point at them)."""
    try:
        from .rules import INSTRUMENTS
    except ImportError:  # the rules module is not there yet (a partial checkout)
        return 0
    from django.db import connections

    if Instrument._meta.db_table not in connections[using].introspection.table_names():
        return 0  # migrated backwards (`migrate treaties zero`): nothing to mirror into
    manager = Instrument.objects.db_manager(using)
    for position, rules in enumerate(INSTRUMENTS.values(), start=1):
        manager.update_or_create(
            code=rules.code, defaults={"name": rules.name, "short_name": rules.short_name, "position": position}
        )
    return len(INSTRUMENTS)


def today() -> date:
    return timezone.localdate()


def load_actions(instruments: Iterable[str] | None = None) -> list[Action]:
    rows = TreatyAction.objects.all()
    if instruments is not None:
        rows = rows.filter(instrument_id__in=list(instruments))
    return [
        Action(state=state, instrument=instrument, kind=kind, date=day, source=source)
        for state, instrument, kind, day, source in rows.order_by("date", "id").values_list(
            "state_id", "instrument_id", "kind", "date", "source"
        )
    ]


def has_status_data() -> bool:
    return TreatyAction.objects.exists()


def data_stamp() -> tuple[int, Any, int, Any]:
    """Changes whenever an action is added, edited or deleted, or a depositary list recorded (for caches)."""
    history = TreatyAction.history.model.objects.aggregate(last=Max("history_id"))
    lists = DepositaryList.objects.aggregate(n=Count("id"), last=Max("id"))
    return TreatyAction.objects.count(), history["last"], lists["n"], lists["last"]


def complete_lists() -> dict[str, tuple[date, str]]:
    """Instrument -> (date, source) of the latest complete depositary list on file."""
    latest: dict[str, tuple[date, str]] = {}
    rows = DepositaryList.objects.filter(complete=True).order_by("listed_on", "id")
    for code, day, source in rows.values_list("instrument_id", "listed_on", "source"):
        latest[code] = (day, source)
    return latest


def dates_after(lists: dict[str, tuple[date, str]], codes: Iterable[str]) -> dict[str, list[date]]:
    """Instrument -> the dates of its actions on file after its list's date (of `codes` that have a list)."""
    wanted = [code for code in codes if code in lists]
    found: dict[str, list[date]] = {code: [] for code in wanted}
    if not wanted:
        return found
    later = Q()
    for code in wanted:
        later |= Q(instrument_id=code, date__gt=lists[code][0])
    for code, day in TreatyAction.objects.filter(later).values_list("instrument_id", "date"):
        found[code].append(day)
    return found
