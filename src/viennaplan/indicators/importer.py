"""Importing observations: the file is read and every row checked (`observations.parse`, plain
Python), then stored in one transaction, all or nothing (`import_observations`).

States are matched through the country registry: by the code where the file gives one (an
alpha-3 code of a current State, or one of the World Bank's old codes the shipped README names,
`WORLD_BANK_CODES`), by the registry's names otherwise (on 1 July of the row's year, for names
whose meaning changed). Nothing else is guessed: a sub-national unit (`GBR_E&W`), an aggregate
(`WLD`), a former State, an organization or a name the registry does not know is not matched.
An operator's import refuses such a row like any other bad row; the shipped files are loaded
with `skip_unmatched` (see `shipped.py`), which leaves those rows out and lists them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext

from viennaplan.countries import registry
from viennaplan.rowerrors import FileRefused

from . import observations
from .catalogue import disaggregation_key
from .models import Indicator, Observation, ObservationImport
from .observations import Key, ObservationFileError, Record
from .store import indicator_specs

# Codes of the World Bank's lists for States whose ISO code differs (the shipped README names them).
WORLD_BANK_CODES = {"ADO": "AND", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
BATCH_SIZE = 2000
QUANTUM = Decimal("1e-10")  # the stored column's precision; `published` keeps every digit


class ImportRefused(FileRefused):
    """Nothing was imported; `errors` lists every bad row, with its column."""


@dataclass
class ImportOutcome:
    source_name: str
    format: str
    rows: int
    created: int
    on_file: int
    unmatched: dict[tuple[str, str], int] = field(default_factory=dict)
    repeated: list[tuple[list[int], Key]] = field(default_factory=list)
    batch: ObservationImport | None = None

    def summary(self) -> str:
        text = f"{self.source_name} ({self.format}): {self.rows} rows; {self.created} observations recorded"
        if self.on_file:
            text += f", {self.on_file} already on file"
        if self.unmatched:
            text += f", {sum(self.unmatched.values())} rows of {len(self.unmatched)} unmatched places left out"
        if self.repeated:
            text += f", {sum(len(rows) for rows, _ in self.repeated)} rows repeating {len(self.repeated)} keys left out"
        if not self.created:
            text += "; nothing changed"
        return text

    def unmatched_lines(self) -> list[str]:
        """'not a State in the registry: WLD World, 34 row(s)', then 'rows 9999, 10000 repeat one key …'."""
        lines = [
            f"not a State in the registry: {code or '-'} {name or '-'}, {rows} row(s)"
            for (code, name), rows in sorted(self.unmatched.items())
        ]
        lines += [
            f"{indicator} {state} {year}{f' ({split})' if split else ''}: rows {', '.join(map(str, rows))} "
            "give the same indicator, State, year and source"
            for rows, (indicator, state, year, split, _) in self.repeated
        ]
        return lines


class StateMatcher:
    """(code, name, year) -> the alpha-3 code of a current State; LookupError saying why not."""

    def __init__(self) -> None:
        self.index = registry.country_index()
        self.current = registry.state_codes()

    def __call__(self, code: str, name: str, year: int) -> str:
        if code:
            upper = code.strip().upper()
            found = WORLD_BANK_CODES.get(upper, upper)
            if found not in self.index.codes:
                raise LookupError(
                    gettext("unknown State code %(code)s (an alpha-3 code of a State is expected)")
                    % {"code": repr(code)}
                )
        else:
            found = self.index.resolve(name, on=date(year, 7, 1))  # UnknownState, a LookupError
        if found not in self.current:
            raise LookupError(
                gettext("%(code)s (%(name)s) is a former State: give the current State")
                % {"code": found, "name": registry.country_name(found)}
            )
        if registry.is_organization(found):
            raise LookupError(gettext("%(code)s is an organization, not a State") % {"code": found})
        return found


def stored_values() -> dict[Key, str]:
    """Every stored observation's key and published value."""
    codes = dict(Indicator.objects.values_list("pk", "code"))
    rows = Observation.objects.values_list(
        "indicator_id", "state_id", "year", "disaggregation_key", "source", "published"
    ).iterator(chunk_size=5000)
    return {(codes[i], state, year, key, source): value for i, state, year, key, source, value in rows}


def read_file(data: bytes | str, *, source_name: str, lenient: bool = False) -> observations.ParsedFile:
    """Parse and check against the catalogue, the registry and the stored values; ImportRefused lists every error."""
    try:
        return observations.parse(
            data,
            indicators=indicator_specs(),
            match_state=StateMatcher(),
            source_name=source_name,
            stored=stored_values(),
            current_year=timezone.localdate().year,
            skip_unmatched=lenient,
            skip_repeats=lenient,
        )
    except ObservationFileError as error:
        raise ImportRefused(source_name, [str(e) for e in error.errors]) from None


def import_observations(
    data: bytes | str,
    *,
    source_name: str,
    lenient: bool = False,
    adjust: Callable[[Record], None] | None = None,
    user: Any = None,
) -> ImportOutcome:
    """Check the whole file, then store its new observations in one transaction (all or nothing).

    `lenient` (the shipped files only, see shipped.py) leaves out and lists the rows of places that are
    not States and rows that repeat one key; `adjust` may set a record's flags before it is stored;
    `user` (the upload page's) is recorded as the import's and the history rows' user."""
    with transaction.atomic():
        parsed = read_file(data, source_name=source_name, lenient=lenient)
        outcome = ImportOutcome(source_name, parsed.format, parsed.rows, len(parsed.records), parsed.on_file)
        outcome.unmatched, outcome.repeated = parsed.unmatched, parsed.repeated
        if not parsed.records:
            return outcome
        raw = data.encode("utf-8") if isinstance(data, str) else data
        outcome.batch = ObservationImport.objects.create(
            source_name=source_name[:300],
            checksum=hashlib.sha256(raw).hexdigest(),
            format=parsed.format,
            rows=parsed.rows,
            created=len(parsed.records),
            on_file=parsed.on_file,
            notes=outcome.unmatched_lines(),
            imported_by=user if getattr(user, "is_authenticated", False) else None,
        )
        ids = dict(Indicator.objects.values_list("code", "pk"))
        for record in parsed.records:
            if adjust is not None:
                adjust(record)
        _insert(
            Observation, FIELDS, [_row(record, ids[record.indicator], outcome.batch.pk) for record in parsed.records]
        )
        _record_history(outcome.batch, f"import of {source_name}"[:100], outcome.batch.imported_by_id)
    return outcome


# The stored fields of an observation, in the order `_row` gives them.
FIELDS = (
    "indicator_id", "state_id", "year", "value", "suppressed_below", "published", "disaggregation",
    "disaggregation_key", "source", "note", "estimate", "provisional", "break_in_series", "batch_id",
)  # fmt: skip


def _row(record: Record, indicator_id: int, batch_id: int) -> tuple:
    return (
        indicator_id,
        record.state,
        record.year,
        None if record.value is None else record.value.quantize(QUANTUM),
        record.suppressed_below,
        record.value_text[:40],
        json.dumps(dict(record.disaggregation), sort_keys=True),
        disaggregation_key(record.disaggregation),
        record.source,
        record.note,
        record.estimate,
        record.provisional,
        record.break_in_series,
        batch_id,
    )


def _insert(model: type[models.Model], attnames: tuple[str, ...], rows: list[tuple]) -> None:
    """INSERT the rows in batches with executemany: the ORM's bulk_create spends most of its time
    preparing 200,000 model instances' values one field at a time; these are prepared already."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(
        quote(meta.get_field(name.removesuffix("_id") if name != "id" else name).column) for name in attnames
    )
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(attnames))})"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH_SIZE):
            cursor.executemany(sql, rows[start : start + BATCH_SIZE])


def _record_history(batch: ObservationImport, reason: str, user_id: int | None) -> None:
    """One "created" history row per observation of the batch, as simple-history writes them (by `user_id`)."""
    historical = Observation.history.model
    stored = Observation.objects.filter(batch=batch).values_list("id", *FIELDS).iterator(chunk_size=BATCH_SIZE)
    now = timezone.now()
    extra = (connection.ops.adapt_datetimefield_value(now), "+", reason, user_id)
    rows = [(*row[:7], json.dumps(row[7], sort_keys=True), *row[8:], *extra) for row in stored]
    columns = ("id", *FIELDS, "history_date", "history_type", "history_change_reason", "history_user_id")
    _insert(historical, columns, rows)
