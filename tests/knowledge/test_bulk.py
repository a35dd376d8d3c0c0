"""knowledge/bulk.py writes rows without Django's bulk_create: the ids it reserves must be those the
database would give (never the id of a deleted row, whose history keeps it), the rows and their history
the same as the ORM's, and a later ordinary save must not collide with them."""

from __future__ import annotations

import datetime

import pytest
from django.db import transaction

from viennaplan.knowledge import bulk
from viennaplan.knowledge.models import Law

pytestmark = pytest.mark.django_db


def new_law(key: str, **fields) -> Law:
    values = {"state_id": "CHE", "key": key, "title_en": f"Law {key}", "adopted": datetime.date(2001, 5, 1)}
    return Law(**{**values, **fields})


def test_rows_and_history_as_the_orm_writes_them(imported_plan):
    with transaction.atomic():
        stored = bulk.create_with_history(Law, [new_law("A-1"), new_law("A-2", published=False)], "import a.csv")
    assert [law.pk for law in stored] == list(
        Law.objects.filter(key__in=["A-1", "A-2"]).order_by("key").values_list("pk", flat=True)
    )
    first = Law.objects.get(key="A-1")
    assert first.adopted == datetime.date(2001, 5, 1) and first.title_en == "Law A-1"
    assert Law.objects.get(key="A-2").published is False
    history = Law.history.filter(id=first.pk).get()
    assert history.history_type == "+" and history.history_change_reason == "import a.csv" and history.key == "A-1"
    saved = new_law("A-3")
    saved.save()  # the sequence (PostgreSQL) or the counter (SQLite) is past the rows written
    assert saved.pk > max(law.pk for law in stored)


def test_a_deleted_rows_id_is_never_given_again(imported_plan):
    with transaction.atomic():
        (first,) = bulk.insert(Law, [new_law("B-1")])
    gone = first.pk
    Law.objects.filter(pk=gone).delete()
    with transaction.atomic():
        (second,) = bulk.insert(Law, [new_law("B-2")])
    assert second.pk > gone


def test_create_rows_gives_new_ids_and_never_a_deleted_rows(imported_plan):
    columns = ("state_id", "key", "title_original", "title_en", "kind", "language", "adopted")
    with transaction.atomic():
        (gone,) = bulk.create_rows(Law, columns, [("CHE", "C-1", "G", "Act", "act", "de", None)], "import c.csv")
    Law.objects.filter(pk=gone).delete()
    with transaction.atomic():
        ids = bulk.create_rows(
            Law,
            columns,
            [
                ("CHE", "C-2", "G", "Act", "act", "de", datetime.date(2001, 5, 1)),
                ("CHE", "C-3", "G", "A", "act", "de", None),
            ],
            "import c.csv",
        )
    assert ids[0] > gone and ids[1] == ids[0] + 1
    assert Law.objects.get(pk=ids[0]).adopted == datetime.date(2001, 5, 1)
    assert Law.history.get(id=ids[0], history_type="+").adopted == datetime.date(2001, 5, 1)


def test_create_rows_refuses_what_it_cannot_write_as_the_orm_would(imported_plan):
    with transaction.atomic():
        for columns in (("id", "key"), ("state_id", "nonsense"), ("key", "key")):
            with pytest.raises(ValueError):
                bulk.create_rows(Law, columns, [("CHE", "D-1")], "r")
        with pytest.raises(ValueError):
            bulk.create_rows(Law, ("state_id", "key"), [("CHE",)], "r")
    assert not Law.objects.exists()


@pytest.mark.parametrize(
    "ids",
    [
        [],
        [7],
        list(range(3, 40)),
        [1, 2, 3, 10, 12, 13, 30],
        list(range(1, 400, 3)),  # more runs than RUNS_AS_RANGES: one IN list
    ],
)
def test_ids_in_chooses_exactly_the_ids_given(imported_plan, ids):
    """`bulk.ids_in` (ranges for runs of consecutive ids) selects the rows of those ids and no other."""
    from viennaplan.knowledge.models import SearchGeneration

    SearchGeneration.objects.all().delete()
    SearchGeneration.objects.bulk_create([SearchGeneration(id=n, number=n) for n in range(1, 401)])
    chosen = SearchGeneration.objects.filter(bulk.ids_in("id", iter(ids)))
    assert sorted(chosen.values_list("id", flat=True)) == sorted(ids)
    assert sorted(SearchGeneration.objects.filter(bulk.ids_in("number", ids)).values_list("number", flat=True)) == ids
