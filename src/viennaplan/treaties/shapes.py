"""The shapes of treaty status that the command, the API and the pages share.

- `status_json(status, listing)` is the JSON shape of `viennaplan treaties show` and of the API's
  status; `state_json` one State's part of it; `listing_json` as of which depositary list a
  status is, and the warning when the as-of date is later (the same three fields wherever status shows).
- `state_rows(status, directory)` joins a status with every State's name, region and groups (the
  country registry's `state_directory()`), for the table of States with its filters;
  `standing_of` says where one State stands: party, signatory or none (`STATUS_CHOICES`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from viennaplan.countries.registry import StateInfo, state_directory, state_name

from .listing import AsListed
from .records import InstrumentStatus, StateStatus

STATUS_CHOICES = ("party", "signatory", "none")


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


def listing_json(listing: AsListed | None) -> dict[str, Any]:
    """`listed_on` (the latest complete depositary list's date, or null), `list_source` and `warning`
    (null unless the as-of date is after the list)."""
    if listing is None:
        return {"listed_on": None, "list_source": "", "warning": None}
    return {"listed_on": iso(listing.listed_on), "list_source": listing.source, "warning": listing.warning}


def status_json(
    status: InstrumentStatus, listing: AsListed | None, directory: dict[str, StateInfo] | None = None
) -> dict[str, Any]:
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
        **listing_json(listing),
    }


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
    from .store import today

    as_of = status.as_of or today()
    by_state = status.by_state
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
