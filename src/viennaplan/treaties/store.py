"""Persistence of treaty status: the registry of instruments, the dated actions, and whether (and
when) they changed.

- `sync_instruments()` brings the Instrument registry up to date with `rules.INSTRUMENTS` (after
  every `migrate`, see `apps.py`).
- `load_actions()` gives the engine its plain records; `has_status_data()` and `data_stamp()` say
  whether any are on file and when they last changed (for caches); `today()` is the site's date.
Statuses are computed in `treaties.overview`, shaped in `treaties.shapes`; imports and interactive
entry are in `treaties.importer`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Max
from django.utils import timezone

from .models import Instrument, TreatyAction
from .records import Action

NO_DATA = "No status list has been imported yet: `viennaplan treaties import FILE.csv`"


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


def data_stamp() -> tuple[int, Any]:
    """Changes whenever an action is added, edited or deleted (for caches)."""
    history = TreatyAction.history.model.objects.aggregate(last=Max("history_id"))
    return TreatyAction.objects.count(), history["last"]
