"""Country facts for the rest of the system, read once from the database and kept in memory.

    resolve_state("Bolivia (Plurinational State of)")     -> "BOL"
    eu_members_on(date(2019, 6, 1))                        -> {"AUT", ..., "GBR", ...}
    regional_group("TUR")                                  -> "western_european_others"
    is_ldc("BTN", date(2023, 12, 12))                      -> True
    state_directory()["CHE"]                               -> StateInfo("CHE", "Switzerland", "Europe", ...)
    country_name("CIV")                                    -> "Côte d'Ivoire" ("Côte d’Ivoire" in French)

Names are the UN's names in the reader's language (the active Django language; English for
former States, which have no other recorded name), and lists of States are ordered as readers
of that language sort (`viennaplan.collation`), not by code point.

The snapshot is rebuilt on first use after `forget()`, which loading the data files and any
save or delete of a country row call. Another process (a web worker) keeps its snapshot until
its own next load or restart: reference data changes rarely, and every lookup stays in memory.
Dates: `on=None` means today.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import translation

from viennaplan.collation import sort_key

from .datafiles import EUROPEAN_UNION, GROUPS
from .names import LANGUAGES, NameEntry, NameIndex, build_index

_lock = threading.Lock()
_snapshot: Snapshot | None = None


@dataclass(frozen=True)
class Snapshot:
    names: dict[str, str]  # code -> UN English name, former States included
    kinds: dict[str, str]  # code -> kind of country ("predecessor" for former States)
    index: NameIndex
    primary_groups: dict[str, str]
    groups: dict[str, tuple[str, ...]]
    statuses: dict[str, tuple[tuple[str, date | None, date | None], ...]]  # code -> (list, since, until)
    memberships: dict[str, tuple[tuple[str, date, date | None], ...]]  # organization -> (member, joined, left)
    localized: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> code -> UN name
    places: dict[str, tuple[str, str, bool]] = field(default_factory=dict)  # code -> (region, subregion, is a State)
    directories: dict[str, dict[str, StateInfo]] = field(default_factory=dict)  # language -> directory, built on demand


def forget(*args: Any, **kwargs: Any) -> None:
    """Drop the snapshot (also a signal receiver: any arguments are ignored)."""
    global _snapshot
    with _lock:
        _snapshot = None


def snapshot() -> Snapshot:
    global _snapshot
    current = _snapshot
    if current is None:
        current = _build()
        with _lock:
            _snapshot = current
    return current


def _build() -> Snapshot:
    from .models import (
        Country,
        CountryName,
        CountryStatus,
        OrganizationMembership,
        Predecessor,
        RegionalGroupMembership,
    )

    countries = list(Country.objects.all())
    predecessors = list(Predecessor.objects.all())
    names = [NameEntry(n.name, n.code, n.valid_from, n.valid_to, n.note) for n in CountryName.objects.order_by("pk")]
    index = build_index(countries, predecessors, names)
    groups: dict[str, list[str]] = {}
    primary: dict[str, str] = {}
    for membership in RegionalGroupMembership.objects.order_by("-primary", "group"):
        groups.setdefault(membership.country_id, []).append(membership.group)
        if membership.primary:
            primary.setdefault(membership.country_id, membership.group)
    statuses: dict[str, list[tuple[str, date | None, date | None]]] = {}
    for status in CountryStatus.objects.order_by("list", "since"):
        statuses.setdefault(status.country_id, []).append((status.list, status.since, status.until))
    memberships: dict[str, list[tuple[str, date, date | None]]] = {}
    for m in OrganizationMembership.objects.order_by("joined"):
        memberships.setdefault(m.organization_id, []).append((m.member_id, m.joined, m.left))
    former = {p.code: p.name for p in predecessors}
    return Snapshot(
        names={**{c.alpha3: c.name_en for c in countries}, **former},
        kinds={**{c.alpha3: c.kind for c in countries}, **{p.code: "predecessor" for p in predecessors}},
        index=index,
        primary_groups=primary,
        groups={code: tuple(values) for code, values in groups.items()},
        statuses={code: tuple(values) for code, values in statuses.items()},
        memberships={code: tuple(values) for code, values in memberships.items()},
        localized={
            language: {**former, **{c.alpha3: c.name_in(language) or c.name_en for c in countries}}
            for language in LANGUAGES
        },
        places={c.alpha3: (c.region, c.subregion, c.is_state) for c in countries},
    )


def reader_language(language: str | None = None) -> str:
    """The official language names are given in: `language`, else the active one ("zh-hans" is
    "zh"), English for any other."""
    code = (language or translation.get_language() or "en").lower()
    code = "zh" if code.startswith("zh") else code.split("-")[0]
    return code if code in LANGUAGES else "en"


def name_sort_key(language: str | None = None):
    """A key for `sorted` over names in the reader's language (see `viennaplan.collation`)."""
    return sort_key(reader_language(language))


def _day(on: date | None) -> date:
    return on or date.today()


# -- public helpers ------------------------------------------------------------------------------


def country_index() -> NameIndex:
    """Every name and code known, for `resolve(name_or_code, on=date)`."""
    return snapshot().index


def resolve_state(name_or_code: str, on: date | None = None) -> str:
    """The code of a State, organization or former State named in any recorded form.
    Raises `names.UnknownState` (with suggestions) when nothing fits."""
    return snapshot().index.resolve(name_or_code, on)


def country_name(code: str, language: str | None = None) -> str:
    """The UN name of a code in the reader's language (former States in English); the code
    itself if unknown."""
    return snapshot().localized[reader_language(language)].get(code, code)


def country_names(language: str | None = None) -> dict[str, str]:
    """Code -> UN name in the reader's language, for every country and former State."""
    return dict(snapshot().localized[reader_language(language)])


def english_name(code: str) -> str:
    """The UN English name (data that must not change with the reader: exports, history)."""
    return snapshot().names.get(code, code)


def member_states() -> list[str]:
    """The codes of the UN Member States."""
    return sorted(code for code, kind in snapshot().kinds.items() if kind == "member_state")


def is_organization(code: str) -> bool:
    return snapshot().kinds.get(code) == "organization"


def is_country(code: str) -> bool:
    """A current State or organization (not a former State) has this code."""
    return snapshot().kinds.get(code, "predecessor") != "predecessor"


def regional_group(code: str) -> str | None:
    """The UN regional group a State is counted in (its primary group), or None."""
    return snapshot().primary_groups.get(code)


def regional_groups_of(code: str) -> tuple[str, ...]:
    """Every regional group a State takes part in, primary first."""
    return snapshot().groups.get(code, ())


def states_in_group(group: str) -> set[str]:
    """The States counted in a regional group (primary membership)."""
    return {code for code, primary in snapshot().primary_groups.items() if primary == group}


def statuses_on(code: str, on: date | None = None) -> set[str]:
    """The lists ("ldc", "lldc", "sids") a State is on, on a date."""
    day = _day(on)
    return {
        kind
        for kind, since, until in snapshot().statuses.get(code, ())
        if (since is None or since <= day) and (until is None or day < until)
    }


def states_on_list(kind: str, on: date | None = None) -> set[str]:
    """Every State on one list ("ldc", "lldc", "sids") on a date."""
    return {code for code in snapshot().statuses if kind in statuses_on(code, on)}


def is_ldc(code: str, on: date | None = None) -> bool:
    return "ldc" in statuses_on(code, on)


def is_lldc(code: str, on: date | None = None) -> bool:
    return "lldc" in statuses_on(code, on)


def is_sids(code: str, on: date | None = None) -> bool:
    return "sids" in statuses_on(code, on)


def organization_members_on(organization: str, on: date | None = None) -> set[str]:
    """The member States of an organization on a date (both ends inclusive)."""
    day = _day(on)
    return {
        member
        for member, joined, left in snapshot().memberships.get(organization, ())
        if joined <= day and (left is None or day <= left)
    }


def eu_members_on(on: date | None = None) -> set[str]:
    """The member States of the European Union (the European Community before 1 December 2009)."""
    return organization_members_on(EUROPEAN_UNION, on)


# -- the directory of States, in the reader's language --------------------------------------------


@dataclass
class StateInfo:
    alpha3: str
    name: str
    region: str = ""
    subregion: str = ""
    groups: list[str] = field(default_factory=list)
    is_organization: bool = False


def state_directory(language: str | None = None) -> dict[str, StateInfo]:
    """Every State (and organization) known, by alpha-3, ordered by its name in the reader's
    language as that language sorts, with its groups' codes. Built once per language and
    snapshot: do not change what it returns (`StateInfo` objects are shared)."""
    current = snapshot()
    language = reader_language(language)
    directory = current.directories.get(language)
    if directory is None:
        names = current.localized[language]
        key = sort_key(language)
        ordered = sorted(current.places, key=lambda code: (key(names[code]), code))
        directory = {
            code: StateInfo(
                alpha3=code,
                name=names[code],
                region=current.places[code][0],
                subregion=current.places[code][1],
                groups=list(current.groups.get(code, ())),
                is_organization=not current.places[code][2],
            )
            for code in ordered
        }
        current.directories[language] = directory
    return directory


def states(language: str | None = None) -> list[StateInfo]:
    """Every current State (organizations left out), ordered by name in the reader's language:
    those that report."""
    return [info for info in state_directory(language).values() if not info.is_organization]


def state_name(alpha3: str, directory: dict[str, StateInfo] | None = None) -> str:
    """The State's name in `directory`; the code itself if it is not there."""
    info = (directory or {}).get(alpha3)
    return info.name if info else alpha3


def group_names() -> dict[str, str]:
    """UN regional groups: code -> name ("western_european_others" -> "Western European and other States")."""
    return dict(GROUPS)


def state_codes() -> set[str]:
    """The codes of every current State and organization (former States not included)."""
    from .models import Country

    return set(Country.objects.values_list("alpha3", flat=True))


def continuing_states() -> dict[str, tuple[str, str | None]]:
    """Former States: code -> (name, the current State that continues its treaty relations, or None)."""
    from .models import Predecessor

    former = {p.code: (p.name, p.continued_by or None) for p in Predecessor.objects.all()}
    countries = state_codes()
    resolved = {}
    for code, (name, successor) in former.items():
        seen = {code}
        while successor and successor not in countries and successor in former and successor not in seen:
            seen.add(successor)
            successor = former[successor][1]
        resolved[code] = (name, successor if successor in countries else None)
    return resolved


def m49_codes() -> dict[str, str]:
    """alpha-3 -> UN M49 numerical code ("CHE" -> "756") of every current State that has one."""
    from .models import Country

    return {alpha3: m49 for alpha3, m49 in Country.objects.exclude(m49="").values_list("alpha3", "m49")}
