"""The depositary's status lists shipped with viennaplan (`treaties/data/`, see its README.md), loaded
by `viennaplan treaties load-shipped`, which `make run` runs before serving.

- `untc-status-2014.csv`: every signature and consent the UN Treaty Collection listed for seven
  instruments when its pages were captured; each row's `source` says on which day ("status list
  as captured 2014-01-27"), and that day is recorded as the instrument's complete list.
- `later-actions-partial.csv`: a few later actions from other depositary documents, recorded as a
  partial list: counted, but shown only with the warning that figures after the list are incomplete.

Loading goes through the all-or-nothing importer (every row validated) and is idempotent: a file
already loaded (its checksum on a recorded import with its lists) is not read again, and a row
already on file is skipped. What is on file stands (`defer_to_stored`): where the database holds
an action of the same State, instrument and kind (any consent counting as one) on another date,
the shipped row is left out and named. Not run after `migrate`: the test suite relies on an empty
treaty table unless a test imports data.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from .importer import ImportOutcome, ImportRefused, ListOnFile, import_status_list
from .models import DepositaryList
from .records import Action

DATA_DIR = Path(__file__).resolve().parent / "data"
COMPLETE_FILE = "untc-status-2014.csv"
PARTIAL_FILE = "later-actions-partial.csv"
CAPTURED = re.compile(r"as captured (\d{4}-\d{2}-\d{2})")


@dataclass
class Loaded:
    """What loading one shipped file did: imported (`outcome`), or recognised as loaded already."""

    file: str
    outcome: ImportOutcome | None = None  # None: recognised by its checksum, not read again

    def summary(self) -> str:
        if self.outcome is None:
            return f"{self.file}: already loaded (same file); nothing changed"
        return self.outcome.summary()


def captured_lists(actions: list[Action], source_name: str = COMPLETE_FILE) -> list[ListOnFile]:
    """One complete list per instrument, dated by its rows' source ("as captured YYYY-MM-DD"), which must agree."""
    from datetime import date

    found: dict[str, tuple[date, str]] = {}
    errors = []
    for action in actions:
        match = CAPTURED.search(action.source)
        if match is None:
            errors.append(
                _("row %(row)s: source %(source)s does not say when the list was captured")
                % {"row": action.row, "source": repr(action.source)}
            )
            continue
        day = date.fromisoformat(match[1])
        first = found.setdefault(action.instrument, (day, action.source))
        if first[0] != day:
            errors.append(
                _("row %(row)s: %(code)s captured %(day)s, other rows say %(other)s")
                % {"row": action.row, "code": action.instrument, "day": day, "other": first[0]}
            )
    if errors:
        raise ImportRefused(source_name, errors)
    return [ListOnFile(code, day, source, complete=True) for code, (day, source) in found.items()]


def later_lists(actions: list[Action], source_name: str = PARTIAL_FILE) -> list[ListOnFile]:
    """One partial list per instrument, dated by its latest action."""
    latest: dict[str, Action] = {}
    for action in actions:
        if action.instrument not in latest or action.date > latest[action.instrument].date:
            latest[action.instrument] = action
    source = f"{source_name}: later actions from depositary documents, not complete"
    return [ListOnFile(code, action.date, source, complete=False) for code, action in latest.items()]


SHIPPED = ((COMPLETE_FILE, captured_lists), (PARTIAL_FILE, later_lists))


def load_shipped(data_dir: Path | None = None) -> list[Loaded]:
    """Load the shipped lists, the complete one first; ImportRefused (nothing of that file loaded) if one is refused."""
    loaded = []
    for name, lists in SHIPPED:
        data = ((data_dir or DATA_DIR) / name).read_bytes()
        checksum = hashlib.sha256(data).hexdigest()
        if DepositaryList.objects.filter(batch__checksum=checksum).exists():
            loaded.append(Loaded(name))
            continue
        outcome = import_status_list(data, source_name=name, lists=lists, defer_to_stored=True)
        loaded.append(Loaded(name, outcome))
    return loaded
