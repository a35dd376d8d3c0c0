"""Writing many new records at once with their history rows, for the imports of the knowledge
databases: the records through Django's `bulk_create` (which gives back their ids), their history
rows ("created", with the import's reason) in one `executemany` each, values prepared by each
field as the ORM would. django-simple-history's own bulk writer builds a model object per history
row and costs twice the records' own writing; the rows written here are the same."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.utils import timezone

BATCH = 2000


def create_with_history(model: type, records: Sequence[Any], reason: str, user_id: int | None = None) -> list[Any]:
    """Store `records` (new, unsaved instances of `model`) and one "created" history row each."""
    if not records:
        return []
    stored = model.objects.bulk_create(records, batch_size=BATCH)
    if stored and stored[0].pk is None:  # a backend that does not give ids back: read them
        raise RuntimeError("bulk_create gave no ids back; this database is not supported")
    history = model.history.model
    extra = {
        "history_date": timezone.now(),
        "history_change_reason": reason,
        "history_type": "+",
        "history_user_id": user_id,
    }
    fields = [field for field in history._meta.local_concrete_fields if field.attname != "history_id"]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {connection.ops.quote_name(history._meta.db_table)} ({columns}) VALUES ({marks})"
    prepared = [
        [
            field.get_db_prep_save(
                extra[field.attname] if field.attname in extra else getattr(record, field.attname), connection
            )
            for field in fields
        ]
        for record in stored
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(prepared), BATCH):
            cursor.executemany(sql, prepared[start : start + BATCH])
    return stored
