"""The data files into the database: `load_country_data` makes the tables equal to the files.

One transaction: the files are read and checked first (`datafiles`), then every table is
brought to the files' content (rows added, changed, removed). Loading the same files again
changes nothing and says so. Countries are updated in place, never dropped and re-created, so
rows of other apps that refer to a country keep their reference.

The data is also loaded after every `migrate` (`load_after_migrate`), so a new database, the
development server of `make run` and every test database have it without a further step. A
post_migrate signal rather than a data migration: a data migration runs once and freezes the
data of its day, while the files change (a graduation, a new name) and must reach databases
that are already migrated; the signal reloads the current files, and loading is idempotent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError

from . import registry
from .datafiles import DATA_DIR, CountryData, read_country_data
from .models import Country, CountryName, CountryStatus, OrganizationMembership, Predecessor, RegionalGroupMembership
from .names import normalise_name


class CountryLoadError(Exception):
    """The database could not be brought to the files (nothing was changed)."""


@dataclass
class TableChanges:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    total: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass
class LoadSummary:
    directory: Path
    tables: dict[str, TableChanges] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(table.changed for table in self.tables.values())

    def describe(self) -> str:
        counts = ", ".join(f"{table.total} {name}" for name, table in self.tables.items())
        if not self.changed:
            return f"Country data already up to date ({counts}); nothing changed"
        changes = "; ".join(
            f"{name}: {t.created} added, {t.updated} changed, {t.deleted} removed"
            for name, t in self.tables.items()
            if t.changed
        )
        return f"Loaded country data from {self.directory}: {counts} ({changes})"


def load_country_data(directory: Path | None = None, using: str = DEFAULT_DB_ALIAS) -> LoadSummary:
    """Bring the country tables to the content of the data files (all or nothing).

    Raises `datafiles.DataFileError` for bad files and `CountryLoadError` when a country that
    the files no longer list is still referred to elsewhere.

    A country without an alpha-2 code cannot come from the files (they require one): it is an entity
    added otherwise (the benchmarks' synthetic ones, bench/generate.py), left alone with its groups
    and statuses.
    """
    directory = Path(directory or DATA_DIR)
    data = read_country_data(directory)
    summary = LoadSummary(directory)
    try:
        with transaction.atomic(using=using):
            summary.tables["countries"] = _sync_countries(data, using)
            summary.tables["former States"] = _sync(Predecessor, "code", _predecessor_rows(data), using)
            summary.tables["names"] = _sync(CountryName, ("normalised", "code", "valid_from"), _name_rows(data), using)
            summary.tables["regional groups"] = _sync(
                RegionalGroupMembership, ("country_id", "group"), _group_rows(data), using, FROM_FILES
            )
            summary.tables["statuses"] = _sync(
                CountryStatus, ("country_id", "list", "since"), _status_rows(data), using, FROM_FILES
            )
            summary.tables["EU memberships"] = _sync(
                OrganizationMembership, ("organization_id", "member_id", "joined"), _membership_rows(data), using
            )
    except (ProtectedError, RestrictedError) as error:
        raise CountryLoadError(f"{error.args[0]}; nothing was changed") from error
    finally:
        registry.forget()
    transaction.on_commit(registry.forget, using=using)
    return summary


def load_after_migrate(sender: Any, using: str = DEFAULT_DB_ALIAS, verbosity: int = 1, **kwargs: Any) -> None:
    """post_migrate receiver: load the files once the country tables exist."""
    tables = set(connections[using].introspection.table_names())
    needed = {model._meta.db_table for model in (Country, CountryName, CountryStatus, Predecessor)}
    if not needed <= tables:
        return
    summary = load_country_data(using=using)
    if verbosity >= 1 and summary.changed:
        print(summary.describe())


# ---------------------------------------------------------------------------------------------


def _sync_countries(data: CountryData, using: str) -> TableChanges:
    wanted = {
        row.alpha3: {name: getattr(row, name) for name in _fields(Country) if name != "alpha3"}
        for row in data.countries
    }
    changes = TableChanges(total=len(wanted))
    existing = {country.alpha3: country for country in Country.objects.using(using).filter(alpha2__isnull=False)}
    stale = [code for code in existing if code not in wanted]
    if stale:
        Country.objects.using(using).filter(alpha3__in=stale).delete()
        changes.deleted = len(stale)
    created, updated = [], []
    for code, values in wanted.items():
        country = existing.get(code)
        if country is None:
            created.append(Country(alpha3=code, **values))
        elif any(getattr(country, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(country, name, value)
            updated.append(country)
    Country.objects.using(using).bulk_create(created)
    if updated:
        Country.objects.using(using).bulk_update(updated, list(next(iter(wanted.values()))))
    changes.created, changes.updated = len(created), len(updated)
    return changes


# the rows of countries that come from the files (see load_country_data)
FROM_FILES = {"country__alpha2__isnull": False}


def _sync(
    model: type[models.Model],
    key: str | tuple[str, ...],
    rows: Iterable[dict[str, Any]],
    using: str,
    scope: dict[str, Any] | None = None,
) -> TableChanges:
    """Make `model`'s table (its rows within `scope`, a filter) hold exactly `rows`, matching rows by
    their natural `key`."""
    keys = (key,) if isinstance(key, str) else key
    wanted = {tuple(row[name] for name in keys): row for row in rows}
    changes = TableChanges(total=len(wanted))
    manager = model._default_manager.using(using).filter(**(scope or {}))
    existing = {tuple(getattr(obj, name) for name in keys): obj for obj in manager.all()}
    stale = [obj.pk for found, obj in existing.items() if found not in wanted]
    if stale:
        manager.filter(pk__in=stale).delete()
    created, updated = [], []
    for found, row in wanted.items():
        obj = existing.get(found)
        if obj is None:
            created.append(model(**row))
        elif any(getattr(obj, name) != value for name, value in row.items()):
            for name, value in row.items():
                setattr(obj, name, value)
            updated.append(obj)
    manager.bulk_create(created)
    fields = [name for name in next(iter(wanted.values()), {}) if name not in keys and name != model._meta.pk.attname]
    if updated and fields:
        manager.bulk_update(updated, fields)
    changes.created, changes.updated, changes.deleted = len(created), len(updated), len(stale)
    return changes


def _fields(model: type[models.Model]) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields]


def _predecessor_rows(data: CountryData) -> list[dict[str, Any]]:
    return [
        {
            "code": p.code,
            "name": p.name,
            "m49": p.m49,
            "existed_from": p.existed_from,
            "existed_to": p.existed_to,
            "successors": list(p.successors),
            "continued_by": p.continued_by,
            "note": p.note,
        }
        for p in data.predecessors
    ]


def _name_rows(data: CountryData) -> list[dict[str, Any]]:
    return [
        {
            "name": n.name,
            "normalised": normalise_name(n.name),
            "code": n.resolves_to,
            "valid_from": n.valid_from,
            "valid_to": n.valid_to,
            "note": n.note,
        }
        for n in data.names
    ]


def _group_rows(data: CountryData) -> list[dict[str, Any]]:
    return [
        {"country_id": g.state, "group": g.group, "primary": g.primary, "note": g.note, "source": g.source}
        for g in data.groups
    ]


def _status_rows(data: CountryData) -> list[dict[str, Any]]:
    return [
        {"country_id": s.state, "list": s.list, "since": s.since, "until": s.until, "source": s.source, "note": s.note}
        for s in data.statuses
    ]


def _membership_rows(data: CountryData) -> list[dict[str, Any]]:
    return [
        {
            "organization_id": m.organization,
            "member_id": m.state,
            "joined": m.joined,
            "left": m.left,
            "source": m.source,
        }
        for m in data.eu_members
    ]
