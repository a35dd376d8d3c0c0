"""The Django side of treaty status: rules and actions out of the database, statuses out of the
engine, and the shapes the command, the API and the pages share.

- `sync_instruments()` brings the Instrument table up to date with `rules.INSTRUMENTS`.
- `instrument_rules()`, `load_actions()` give the engine its plain records.
- `status_of(code, as_of)` is one instrument's status (its parent computed with it);
  `status_json(status)` is the JSON shape of `viennaplan treaties show` and of the API.
- `state_rows(status)` joins a status with every State's name, region and groups, for the
  table of States with its filters.
Imports and interactive entry are in `treaties.importer`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Max
from django.utils import timezone

from .models import Instrument, TreatyAction
from .records import Action, InstrumentRules, InstrumentStatus, StateStatus

NO_DATA = "No status list has been imported yet: `viennaplan treaties import FILE.csv`"


# ---------------------------------------------------------------------------------------------
# instruments


def sync_instruments(using: str = "default") -> int:
    """Create or update one Instrument row per entry of `rules.INSTRUMENTS`; returns how many."""
    try:
        from .rules import INSTRUMENTS
    except ImportError:  # the rules module is not there yet (a partial checkout)
        return 0
    from django.db import connections

    if Instrument._meta.db_table not in connections[using].introspection.table_names():
        return 0  # migrated backwards (`migrate treaties zero`): nothing to mirror into
    manager = Instrument.objects.db_manager(using)
    for position, rules in enumerate(INSTRUMENTS.values(), start=1):
        fields = Instrument.fields_from_rules(rules)
        fields.pop("parent_id")
        manager.update_or_create(code=rules.code, defaults={**fields, "position": position})
    for rules in INSTRUMENTS.values():
        manager.filter(code=rules.code).update(parent_id=rules.parent)
    return len(INSTRUMENTS)


def instrument_rules() -> dict[str, InstrumentRules]:
    """Every instrument's rules, as stored, in display order."""
    return {row.code: row.to_rules() for row in Instrument.objects.order_by("position", "code")}


def family_of(code: str, rules: dict[str, InstrumentRules]) -> list[str]:
    """The instrument and its ancestors (a Protocol and its Convention), parents first."""
    chain = [code]
    while (parent := rules[chain[0]].parent) and parent in rules and parent not in chain:
        chain.insert(0, parent)
    return chain


def today() -> date:
    return timezone.localdate()


# ---------------------------------------------------------------------------------------------
# actions and statuses


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


def statuses_of(codes: Iterable[str], as_of: date | None) -> dict[str, InstrumentStatus]:
    """The statuses of `codes` on `as_of` (default: today), each computed with its ancestors."""
    from .engine import all_statuses

    rules = instrument_rules()
    wanted: list[str] = []
    for code in codes:
        wanted += [c for c in family_of(code, rules) if c not in wanted]
    subset = {code: rules[code] for code in wanted}
    computed = all_statuses(subset, load_actions(wanted), as_of=as_of or today())
    return {code: computed[code] for code in codes}


def status_of(code: str, as_of: date | None = None) -> InstrumentStatus:
    return statuses_of([code], as_of)[code]


# ---------------------------------------------------------------------------------------------
# States: names, regions and groups


@dataclass
class StateInfo:
    alpha3: str
    name: str
    region: str = ""
    subregion: str = ""
    groups: list[str] = field(default_factory=list)
    is_organization: bool = False


def state_directory() -> dict[str, StateInfo]:
    """Every State (and organization) the countries app knows, by alpha-3, with its groups' codes."""
    from viennaplan.countries.models import Country

    directory = {}
    for country in Country.objects.prefetch_related("regional_groups").order_by("name_en"):
        directory[country.alpha3] = StateInfo(
            alpha3=country.alpha3,
            name=country.name_en,
            region=country.region,
            subregion=country.subregion,
            groups=[membership.group for membership in country.regional_groups.all()],
            is_organization=not country.is_state,
        )
    return directory


def group_names() -> dict[str, str]:
    """UN regional groups: code -> name ("western_european_others" -> "Western European and other States")."""
    from viennaplan.countries.datafiles import GROUPS

    return dict(GROUPS)


def state_name(alpha3: str, directory: dict[str, StateInfo] | None = None) -> str:
    info = (directory or {}).get(alpha3)
    return info.name if info else alpha3


# ---------------------------------------------------------------------------------------------
# shapes


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def state_json(state: StateStatus, name: str) -> dict[str, Any]:
    return {
        "state": state.state,
        "name": name,
        "signature": iso(state.signature),
        "consent": {"kind": state.consent_kind, "date": iso(state.consent_date)} if state.consent_date else None,
        "in_force": iso(state.in_force),
        "explanation": state.explanation,
        "denounced": iso(state.denounced),
        "party": state.party,
    }


def status_json(status: InstrumentStatus, directory: dict[str, StateInfo] | None = None) -> dict[str, Any]:
    """The shape of `viennaplan treaties show CODE --format json` (and of the API's status)."""
    directory = directory if directory is not None else state_directory()
    trigger = status.triggered_by
    states = sorted(status.states, key=lambda s: (state_name(s.state, directory).casefold(), s.state))
    return {
        "instrument": status.instrument,
        "as_of": iso(status.as_of),
        "entry_into_force": iso(status.entry_into_force),
        "triggered_by": {"state": trigger.state, "date": trigger.date.isoformat()} if trigger else None,
        "signatories": status.signatories,
        "parties": status.parties,
        "states": [state_json(s, state_name(s.state, directory)) for s in states],
        "notes": list(status.notes),
    }


STATUS_CHOICES = ("party", "signatory", "none")


@dataclass
class StateRow:
    """One line of an instrument's table of States: a State and where it stands."""

    info: StateInfo
    status: StateStatus | None
    standing: str  # party | signatory | none

    @property
    def alpha3(self) -> str:
        return self.info.alpha3


def standing_of(state: StateStatus | None, as_of: date) -> str:
    if state is None:
        return "none"
    if state.party:
        return "party"
    if state.signature and state.signature <= as_of:
        return "signatory"
    return "none"


def state_rows(
    status: InstrumentStatus,
    directory: dict[str, StateInfo],
    *,
    region: str = "",
    group: str = "",
    standing: str = "",
) -> list[StateRow]:
    """Every State known, with its status under the instrument (or none), filtered, by name."""
    as_of = status.as_of or today()
    by_state = {s.state: s for s in status.states}
    rows = []
    for alpha3, info in directory.items():
        state = by_state.get(alpha3)
        if info.is_organization and state is None:
            continue  # the organization appears only where it acted
        row = StateRow(info, state, standing_of(state, as_of))
        if region and region not in (info.region, info.subregion):
            continue
        if group and group not in info.groups:
            continue
        if standing and row.standing != standing:
            continue
        rows.append(row)
    for alpha3, state in by_state.items():  # acted, but unknown to the countries app (should not happen)
        if alpha3 not in directory and not (region or group):
            row = StateRow(StateInfo(alpha3, alpha3), state, standing_of(state, as_of))
            if not standing or row.standing == standing:
                rows.append(row)
    return sorted(rows, key=lambda row: (row.info.name.casefold(), row.alpha3))
