"""The legislation import's fast path (issue 12: 50,000 laws under 30 s): new laws, their articles and
provisions and every history row are written as plain rows (knowledge/bulk.create_rows), never as model
objects. The rows must be exactly those the ORM and django-simple-history write for the same file, a later
ordinary save must not collide with the ids given, and a failure anywhere must leave nothing written."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import connection, transaction
from django.db.models.signals import pre_init
from legislation_sample import HEADER, LAWS

from viennaplan.knowledge import bulk, legislation_csv
from viennaplan.knowledge.legislation_csv import SCALAR_FIELDS, LegislationRefused, import_legislation
from viennaplan.knowledge.models import Law, LawArticle, LawProvision, SearchEntry

pytestmark = pytest.mark.django_db

# The sample's laws and more: several articles and provisions, a law repealed by one of the file, no dates,
# a draft, a text of several lines, non-Latin titles.
MORE = (
    "AUT,BGBl-1996-12,Waffengesetz 1996,Weapons Act 1996,act,de,1996-12-01,1997-07-01,repealed,,BGBl-2023-1,,"
    'FIREARMS art. 5; FIREARMS art. 8(1); UNTOC art. 5; TIP art. 5,57/a; 57/b; 18/e,yes,"§ 1\nBegriffe"\n'
    "AUT,BGBl-2023-1,Waffengesetz-Novelle,Weapons Act amendment,act,de,2023-01-01,,in_force,,,"
    "https://www.ris.bka.gv.at/,UNCAC art. 15,57/c,yes,\n"
    "EGY,L-2007-80,قانون مكافحة غسل الأموال,Anti-Money-Laundering Law,act,ar,,,draft,,,,,,no,\n"
    "CHN,CL-2020,中华人民共和国刑法修正案,Criminal Law amendment,decree,zh,2020-12-26,2021-03-01,in_force,,,,"
    "UNTOC art. 6; SOM art. 6,18/e,yes,back\\slash\ttab\n"
)
FILE = (LAWS + MORE).encode("utf-8")
LAW_LINKS = ("law_id", "amended_by_id", "repealed_by_id")
NOT_COMPARED = {"history_id", "history_date", "created", "updated"}  # given by the database or the clock
TABLES = (Law, LawArticle, LawProvision)


class RolledBack(Exception):
    pass


def orm_create_laws(records, reason):
    """The reference: every record saved by the ORM, its history written by simple_history's post_save."""
    created = {}
    for record in records:
        law = Law(state_id=record.state, key=record.key, **{name: getattr(record, name) for name in SCALAR_FIELDS})
        law._change_reason = reason
        law.save()
        for code, article in record.articles:
            link = LawArticle(law=law, instrument_id=code, article=article)
            link._change_reason = reason
            link.save()
        for path in record.provisions:
            link = LawProvision(law=law, path=path)
            link._change_reason = reason
            link.save()
        created[(record.state, record.key)] = law.pk
    return created


def raw_rows(table: str) -> list[dict]:
    """The rows as stored (the driver's values, no field conversion)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def written() -> dict[str, Counter]:
    """Every row of the laws, articles, provisions, their history and the search index, ids replaced by
    what they stand for (a law by State and key, an article by its law, instrument and number)."""
    laws = {row["id"]: (row["state"], row["key"]) for row in raw_rows(Law._meta.db_table)}
    names = {
        Law: laws,
        LawArticle: {
            row["id"]: (laws[row["law_id"]], row["instrument"], row["article"])
            for row in raw_rows(LawArticle._meta.db_table)
        },
        LawProvision: {row["id"]: (laws[row["law_id"]], row["path"]) for row in raw_rows(LawProvision._meta.db_table)},
    }
    found = {}
    for model in TABLES:
        for table in (model._meta.db_table, model.history.model._meta.db_table):
            rows = []
            for row in raw_rows(table):
                for column in NOT_COMPARED & set(row):
                    assert row[column] is not None, (table, column)
                    del row[column]
                row["id"] = names[model][row["id"]]  # a history row names the record it is of
                for column in LAW_LINKS:
                    if row.get(column) is not None:
                        row[column] = laws[row[column]]
                rows.append(tuple(sorted(row.items())))
            found[table] = Counter(rows)
    found["search"] = Counter(
        (laws[entry["record_id"]], entry["url"], entry["title"], entry["text"], entry["published"], entry["year"])
        for entry in SearchEntry.objects.filter(collection="legislation").values()
    )
    return found


def imported(data: bytes) -> dict[str, Counter]:
    """What importing `data` writes, rolled back afterwards."""
    try:
        with transaction.atomic():
            outcome = import_legislation(data, source_name="laws.csv")
            assert outcome.created == outcome.rows == 7
            found = written()
            raise RolledBack
    except RolledBack:
        pass
    assert not Law.objects.exists()
    return found


def test_the_rows_written_are_those_of_the_orm_and_simple_history(imported_plan, monkeypatch):
    fast = imported(FILE)
    monkeypatch.setattr(legislation_csv, "create_laws", orm_create_laws)
    slow = imported(FILE)
    assert set(fast) == set(slow)
    for table in slow:
        assert fast[table] == slow[table], table
    history = Counter(dict(row)["history_type"] for row in fast[Law.history.model._meta.db_table])
    assert history == {"+": 7, "~": 2}  # two laws linked to another after their creation
    assert sum(fast[LawArticle.history.model._meta.db_table].values()) == 10


def test_the_history_carries_the_user_and_the_date_as_simple_history_does(imported_plan, django_user_model):
    user = django_user_model.objects.create_user("importer")
    with transaction.atomic():
        (pk,) = bulk.create_rows(
            Law,
            ("state_id", "key", "title_original", "title_en", "kind", "language"),
            [("CHE", "U-1", "Gesetz", "Act", "act", "de")],
            "import u.csv",
            user_id=user.pk,
        )
        reference = Law(state_id="CHE", key="U-2", title_original="Gesetz", title_en="Act", kind="act", language="de")
        reference._change_reason = "import u.csv"
        reference._history_user = user
        reference.save()
    fast, slow = Law.history.get(id=pk), Law.history.get(id=reference.pk)
    law = Law.objects.get(pk=pk)
    for history in (fast, slow):
        assert (history.history_type, history.history_change_reason, history.history_user) == (
            "+",
            "import u.csv",
            user,
        )
    assert fast.history_date == law.created == law.updated
    assert (law.status, law.published, law.text, law.amended_by_id) == ("in_force", False, "", None)  # defaults


def sequences_from_the_tables() -> None:
    """PostgreSQL: each sequence put where the table's rows leave it (sequences are not rolled back, so
    an earlier test's saves would leave them ahead and hide an import that does not move them)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in TABLES:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), COALESCE(MAX(id), 0) + 1, false) FROM {table}",
                [table],
            )


def test_an_orm_save_after_a_fast_import_takes_new_ids(imported_plan):
    sequences_from_the_tables()
    import_legislation(FILE, source_name="laws.csv")
    tops = {model: max(model.objects.values_list("pk", flat=True)) for model in TABLES}
    history_tops = {model: model.history.order_by("-history_id").first().history_id for model in TABLES}
    law = Law(state_id="FRA", key="N-1", title_original="Loi", title_en="Act", kind="act", language="fr")
    law.save()
    article = LawArticle(law=law, instrument_id="UNTOC", article="5")
    article.save()
    provision = LawProvision(law=law, path="18/e")
    provision.save()
    for model, record in ((Law, law), (LawArticle, article), (LawProvision, provision)):
        assert record.pk > tops[model]
        assert model.history.get(id=record.pk).history_id > history_tops[model]
    # and a fast import after the ORM's rows goes on after them
    import_legislation(
        (HEADER + "FRA,N-2,Loi,Act,act,fr,,,in_force,,,,UNTOC art. 6,57/a,yes,\n").encode(), source_name="n.csv"
    )
    later = Law.objects.get(key="N-2")
    assert later.pk > law.pk and later.articles.get().pk > article.pk and later.provisions.get().pk > provision.pk


def test_no_model_object_is_built_for_the_new_rows(imported_plan, monkeypatch):
    built = Counter()

    def count(sender, **_):
        if sender.__name__.removeprefix("Historical").startswith("Law"):
            built[sender.__name__] += 1

    monkeypatch.setattr(legislation_csv.search, "note", lambda key, ids: None)  # the index reads laws back
    rows = "".join(
        f"CHE,K-{number},Gesetz {number},Act {number},act,de,2001-01-0{number % 9 + 1},,in_force,,,,"
        f"UNTOC art. 5; TIP art. 5,57/a; 18/e,yes,\n"
        for number in range(50)
    )
    pre_init.connect(count, weak=False)
    try:
        outcome = import_legislation((HEADER + rows).encode(), source_name="many.csv")
    finally:
        pre_init.disconnect(count)
    assert outcome.created == 50 and LawArticle.objects.count() == 100 and LawArticle.history.count() == 100
    assert not built, built


def test_a_failure_while_writing_leaves_nothing(imported_plan, monkeypatch):
    real = bulk.insert_rows

    def failing(table, columns, rows):
        if table == LawProvision.history.model._meta.db_table:  # the last table written
            raise RuntimeError("disk full")
        return real(table, columns, rows)

    monkeypatch.setattr(bulk, "insert_rows", failing)
    with pytest.raises(RuntimeError):
        import_legislation(FILE, source_name="laws.csv")
    for model in TABLES:
        assert not model.objects.exists() and not model.history.exists()
    assert not SearchEntry.objects.filter(collection="legislation").exists()


def test_every_bad_row_of_a_long_file_is_reported_and_nothing_written(imported_plan):
    rows = [f"CHE,K-{number},Gesetz,Act,act,de,,,in_force,,,,UNTOC art. 5,57/a,yes,\n" for number in range(1, 1500)]
    rows[0] = rows[0].replace("CHE", "XXX")
    rows[700] = rows[700].replace(",,,in_force", ",2001-02-30,,in_force")
    rows[-1] = rows[-1].replace("UNTOC art. 5", "UNTOC art. five")
    with pytest.raises(LegislationRefused) as refused:
        import_legislation((HEADER + "".join(rows)).encode(), source_name="long.csv")
    assert [(error.row, error.column) for error in refused.value.errors] == [
        (2, "state"),
        (702, "adopted"),
        (1500, "articles"),
    ]
    for model in TABLES:
        assert not model.objects.exists() and not model.history.exists()
