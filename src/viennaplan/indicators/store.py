"""The catalogue in the database: the shipped file written after every migrate, read back as specs.

`load_catalogue` adds every indicator of `data/catalogue.json` the database lacks and leaves
the others alone: the catalogue is the secretariat's to extend and edit (in the admin), so an
indicator it changed is not changed back, and one it added is never removed. Loading twice
changes nothing. Observations are never loaded here: they come by `viennaplan indicators
load-shipped` or an import.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from .catalogue import Catalogue, IndicatorSpec, load_shipped_catalogue
from .models import Indicator


def load_catalogue(catalogue: Catalogue | None = None, using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Add the catalogue's indicators the database lacks; the codes added."""
    catalogue = catalogue or load_shipped_catalogue()
    with transaction.atomic(using=using):
        existing = set(Indicator.objects.using(using).values_list("code", flat=True))
        new = [
            Indicator(position=position, seeded=True, **_fields(spec))
            for position, spec in enumerate(catalogue.indicators, start=1)
            if spec.code not in existing
        ]
        for indicator in new:
            indicator.save(using=using)  # one by one: each gets its history row
    return [indicator.code for indicator in new]


def load_after_migrate(sender: Any, using: str = DEFAULT_DB_ALIAS, verbosity: int = 1, **kwargs: Any) -> None:
    """post_migrate receiver: add the shipped catalogue once its table exists."""
    if Indicator._meta.db_table not in connections[using].introspection.table_names():
        return
    added = load_catalogue(using=using)
    if verbosity >= 1 and added:
        print(f"Indicator catalogue: {len(added)} indicators added")


def _fields(spec: IndicatorSpec) -> dict[str, Any]:
    return {
        "code": spec.code,
        "name": spec.name,
        "kind": spec.kind,
        "unit": spec.unit,
        "definition": spec.definition,
        "source": spec.source,
        "chapter": spec.chapter,
        "measures": list(spec.measures),
        "dimensions": {name: list(values) for name, values in spec.dimensions.items()},
        "aliases": {alias: dict(fixed) for alias, fixed in spec.aliases.items()},
        "minimum": spec.minimum,
        "maximum": spec.maximum,
    }


def spec_of(indicator: Indicator) -> IndicatorSpec:
    """The plain record of a stored indicator, as the import checks rows against it."""
    bound = {name: getattr(indicator, name) for name in ("minimum", "maximum")}
    bound = {name: None if value is None else Decimal(value) for name, value in bound.items()}
    return IndicatorSpec(
        code=indicator.code,
        name=indicator.name,
        kind=indicator.kind,
        unit=indicator.unit,
        definition=indicator.definition,
        source=indicator.source,
        chapter=indicator.chapter,
        measures=tuple(indicator.measures or ()),
        dimensions={name: tuple(values) for name, values in (indicator.dimensions or {}).items()},
        aliases={alias: tuple(sorted((fixed or {}).items())) for alias, fixed in (indicator.aliases or {}).items()},
        **bound,
    )


def indicator_specs() -> dict[str, IndicatorSpec]:
    """Every indicator in the database, by code."""
    return {indicator.code: spec_of(indicator) for indicator in Indicator.objects.all()}
