"""Writing many new rows at once, for the imports of the knowledge databases and the search's index.

- `insert(model, objects)`: the rows of new, unsaved instances in one `executemany` per batch, their
  ids given back on the instances. Django's `bulk_create` spends most of an import's time compiling
  its SQL value by value (a 50,000-law import: two thirds of its time); here the statement is made
  once, each value is prepared by its field only where the driver cannot take the Python value as it
  is (dates, times, decimals, JSON …), and the ids are reserved first: on SQLite the next ones after
  the table's AUTOINCREMENT counter (never an id a deleted row had: its history keeps that id), under
  the write lock that the project's IMMEDIATE transactions take at their start; on PostgreSQL from
  the table's sequence. On PostgreSQL (psycopg 3) the rows go by COPY instead: an executemany there,
  even pipelined, is one statement per row (a 50,000-law import: 26 s, 13 s by COPY).
- `create_with_history(model, records, reason)`: the records and one "created" history row each
  (django-simple-history's own bulk writer builds a model object per history row and costs twice the
  records' own writing); the rows written are the same.
- `create_rows(model, columns, rows, reason)`: the same without any model object: new records given as
  plain tuples of their fields' values, each row and its history row written as a tuple (the legislation
  import's 50,000 laws with their articles and provisions: model objects and their field-by-field
  preparation were half of its time). The history row carries what django-simple-history's post_save
  writes for a created record: every tracked field, `history_type` "+", the date, the reason, the user.

Both must run inside a transaction (the imports' `transaction.atomic()`). A write of many rows
(`ANALYSE_AFTER`) ends with ANALYZE of the table: without statistics SQLite's planner picks an index
that does not fit (the trafficking list's State filters: 160 ms a query before, 0.5 ms after).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import connection, models, transaction
from django.db.models import Q
from django.utils import timezone

BATCH = 2000
ANALYSE_AFTER = 1000  # rows written at once

# Fields whose Python values the database drivers take as they are (after `to_python` by the model).
PLAIN = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.AutoField,
    models.BigAutoField,
    models.SmallAutoField,
    models.FloatField,
)


RUNS_AS_RANGES = 50  # at most this many runs of consecutive ids become ranges; more: one IN list


def ids_in(field: str, ids: Iterable[int]) -> Q:
    """`field` among `ids`, as ranges of consecutive ids where they are few: the records of an import
    have ids reserved in one run, and an `IN` of 50,000 values costs more to pass (psycopg splits the
    statement at each placeholder: 5 s of a 50,000-law import on PostgreSQL) than to find."""
    ordered = sorted(set(ids))
    if not ordered:
        return Q(**{f"{field}__in": []})
    runs: list[tuple[int, int]] = []
    start = previous = ordered[0]
    for value in ordered[1:]:
        if value != previous + 1:
            runs.append((start, previous))
            start = value
        previous = value
    runs.append((start, previous))
    if len(runs) > RUNS_AS_RANGES:
        return Q(**{f"{field}__in": ordered})
    found = Q()
    for first, last in runs:
        found |= Q(**{f"{field}__gte": first, f"{field}__lte": last}) if last > first else Q(**{field: first})
    return found


def _preparer(field: models.Field) -> Callable[[Any], Any] | None:
    """None where the value goes to the driver as it is; else the field's own preparation."""
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    if isinstance(target, PLAIN) and not isinstance(target, models.UUIDField):
        return None
    return lambda value: field.get_db_prep_save(value, connection)


def reserve_ids(model: type, count: int) -> list[int]:
    """`count` new primary keys of `model`'s table, for this transaction only."""
    table = connection.ops.quote_name(model._meta.db_table)
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [model._meta.db_table, column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite: Django's ids are AUTOINCREMENT, counted in sqlite_sequence (an explicit id above the
        # counter raises it, as an insert without one would)
        cursor.execute(
            f"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "
            f"COALESCE((SELECT MAX({connection.ops.quote_name(column)}) FROM {table}), 0))",
            [model._meta.db_table],
        )
        start = cursor.fetchone()[0] + 1
    return list(range(start, start + count))


def insert_rows(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Plain rows into `table` (values prepared already), one executemany per batch."""
    if not rows:
        return
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {connection.ops.quote_name(table)} ({names}) VALUES ({marks})"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and hasattr(cursor.cursor, "copy"):
            # psycopg 3: COPY, each value adapted as for a query (its executemany, even pipelined,
            # is a statement per row: two thirds of a 50,000-law import on PostgreSQL)
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            for start in range(0, len(rows), BATCH):
                cursor.executemany(sql, rows[start : start + BATCH])
        if len(rows) >= ANALYSE_AFTER:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def _values(fields: Sequence[models.Field], objects: Sequence[Any], extra: dict[str, Any]) -> list[list[Any]]:
    preparers = [_preparer(field) for field in fields]
    constant = {  # the same for every row: prepared once
        field.attname: (
            extra[field.attname] if prepare is None or extra[field.attname] is None else prepare(extra[field.attname])
        )
        for field, prepare in zip(fields, preparers, strict=True)
        if field.attname in extra
    }
    stamped = {
        field.attname for field in fields if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    }
    rows = []
    for obj in objects:
        row = []
        for field, prepare in zip(fields, preparers, strict=True):
            if field.attname in constant:
                row.append(constant[field.attname])
                continue
            if field.attname in stamped:
                value = field.pre_save(obj, True)
            else:
                value = getattr(obj, field.attname)
            row.append(value if prepare is None or value is None else prepare(value))
        rows.append(row)
    return rows


def insert(model: type, objects: Sequence[Any]) -> list[Any]:
    """Store new, unsaved instances of `model` (defaults applied by their constructor); their `pk` set."""
    if not objects:
        return []
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError("knowledge.bulk.insert runs inside a transaction")
    for obj, pk in zip(objects, reserve_ids(model, len(objects)), strict=True):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = connection.alias
    fields = list(model._meta.local_concrete_fields)
    insert_rows(model._meta.db_table, [field.column for field in fields], _values(fields, objects, {}))
    return list(objects)


def create_with_history(model: type, records: Sequence[Any], reason: str, user_id: int | None = None) -> list[Any]:
    """Store `records` (new, unsaved instances of `model`) and one "created" history row each."""
    if not records:
        return []
    stored = insert(model, records)
    history = model.history.model
    extra = {
        "history_date": timezone.now(),
        "history_change_reason": reason,
        "history_type": "+",
        "history_user_id": user_id,
    }
    fields = [field for field in history._meta.local_concrete_fields if field.attname != "history_id"]
    insert_rows(history._meta.db_table, [field.column for field in fields], _values(fields, stored, extra))
    return stored


HISTORY_FIELDS = ("history_date", "history_change_reason", "history_type", "history_user_id")  # besides the tracked


def _memoised(prepare: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`prepare` once per distinct value (dates repeat across an import's rows); unhashable ones each time."""
    seen: dict[Any, Any] = {}

    def prepared(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = result = prepare(value)
            return result
        except TypeError:  # unhashable (JSON)
            return prepare(value)

    return prepared


def create_rows(
    model: type,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    reason: str,
    user_id: int | None = None,
) -> list[int]:
    """New records of `model` as plain rows, and one "created" history row each; their ids, in order.

    Each row holds the Python values of the fields named (by attname: `state_id`, `law_id`) in `columns`,
    in that order, checked already (no validation here). Every other field takes its default, and
    `auto_now` / `auto_now_add` fields the time of this call (the history rows' date too). The ids are
    reserved first (`reserve_ids`); the history rows get theirs from the database."""
    rows = list(rows)
    if not rows:
        return []
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError("knowledge.bulk.create_rows runs inside a transaction")
    meta = model._meta
    by_name = {field.attname: field for field in meta.local_concrete_fields}
    unknown = [name for name in columns if name not in by_name or by_name[name].primary_key]
    if unknown or len(set(columns)) != len(columns):
        raise ValueError(f"not fields of {meta.label} to give (or given twice): {unknown or list(columns)}")
    now = timezone.now()
    given = [by_name[name] for name in columns]
    rest = [field for field in meta.local_concrete_fields if field.attname not in columns and not field.primary_key]
    constants = []
    for field in rest:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = now
        elif field.has_default() and callable(field.default):
            raise ValueError(f"{meta.label}.{field.name}: a default made per row must be given in the rows")
        else:
            value = field.get_default()
        prepare = _preparer(field)
        constants.append(value if prepare is None or value is None else prepare(value))
    preparing = [(index, _memoised(prepare)) for index, field in enumerate(given) if (prepare := _preparer(field))]
    ids = reserve_ids(model, len(rows))
    written = []
    for pk, row in zip(ids, rows, strict=True):
        if len(row) != len(given):
            raise ValueError(f"a row of {meta.label} has {len(row)} values for {len(given)} columns")
        if preparing:
            row = list(row)
            for index, prepare in preparing:
                if row[index] is not None:
                    row[index] = prepare(row[index])
        written.append((pk, *row, *constants))
    fields = [meta.pk, *given, *rest]
    insert_rows(meta.db_table, [field.column for field in fields], written)

    history = model.history.model
    position = {field.attname: index for index, field in enumerate(fields)}
    tracked = [
        field
        for field in history._meta.local_concrete_fields
        if field.attname != "history_id" and field.attname not in HISTORY_FIELDS
    ]
    missing = [field.attname for field in tracked if field.attname not in position]
    if missing:  # a field of the history that the model does not have: not a plain simple_history model
        raise ValueError(f"the history of {meta.label} has fields the records do not: {missing}")
    extra = {field.attname: field for field in history._meta.local_concrete_fields if field.attname in HISTORY_FIELDS}
    values = {"history_date": now, "history_change_reason": reason, "history_type": "+", "history_user_id": user_id}
    marks = tuple(
        values[name] if (prepare := _preparer(extra[name])) is None or values[name] is None else prepare(values[name])
        for name in HISTORY_FIELDS
    )
    pick = operator.itemgetter(*(position[field.attname] for field in tracked))
    if len(tracked) == 1:
        history_rows = [(pick(row), *marks) for row in written]
    else:
        history_rows = [(*pick(row), *marks) for row in written]
    insert_rows(
        history._meta.db_table,
        [field.column for field in tracked] + [extra[name].column for name in HISTORY_FIELDS],
        history_rows,
    )
    return ids
