"""The words filter of the list pages (`q`, `listing.words_in`): on PostgreSQL one LIKE on each table's
stored `folded` column (knowledge 0007), elsewhere `icontains` on each column. Both must find exactly
what `icontains` on each listed column finds (issue 12)."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import Q

from tests.knowledge_data import import_samples
from viennaplan.knowledge.listing import FOLDED, words_in
from viennaplan.knowledge.models import LawArticle


def _model(table: str):
    return next(model for model in apps.get_models() if model._meta.db_table == table)


@pytest.mark.django_db
def test_each_folded_column_is_made_of_the_columns_the_filter_lists():
    if connection.vendor != "postgresql":
        pytest.skip("the folded columns exist on PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, generation_expression FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND column_name = 'folded'"
        )
        expressions = dict(cursor.fetchall())
    assert set(expressions) == set(FOLDED)
    for table, columns in FOLDED.items():
        names = {field.column for field in _model(table)._meta.concrete_fields}
        used = set(re.findall(r"\b[a-z_0-9]+\b", re.sub(r"::\w+", "", expressions[table]))) & names
        assert used == set(columns), table
        assert expressions[table].startswith("upper("), table


def _words_of(values: list[str]) -> list[str]:
    """What a reader might type: pieces of the records' own text in their case, upper and lower case."""
    found = []
    for value in values:
        piece = value[2:9]
        if piece.strip():
            found += [piece, piece.upper(), piece.lower()]
    return found


@pytest.mark.django_db
def test_the_filter_finds_what_icontains_on_each_column_finds(imported_plan):
    if connection.vendor != "postgresql":
        pytest.skip("elsewhere the filter is icontains on each column itself")
    import_samples()
    LawArticle.objects.filter(law__key="AS-2008-5499").update(extract="Jede Feuerwaffe trägt eine Markierung (Zürich).")
    typed = ["%", "_", "\\", "a\x1fb", "nothing like this", "Zürich", "ZÜRICH", "ü"]
    for table, columns in FOLDED.items():
        model = _model(table)
        filled = Q()
        for column in columns:
            filled |= ~Q(**{column: ""})
        rows = list(model.objects.filter(filled).values_list(*columns)[:6])
        assert rows, f"{table}: the samples hold no record to search"
        words = typed + _words_of([value for row in rows for value in row])
        somewhere = 0
        for q in words:
            each_column = Q()
            for column in columns:
                each_column |= Q(**{f"{column}__icontains": q})
            expected = set(model.objects.filter(each_column).values_list("pk", flat=True))
            assert set(model.objects.filter(words_in(model, q)).values_list("pk", flat=True)) == expected, (table, q)
            somewhere += bool(expected)
        assert somewhere >= len(words) // 2, f"{table}: too few words found anything to compare"
