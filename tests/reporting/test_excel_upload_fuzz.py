"""Bad input at the workbook's door (issue 14): a questionnaire workbook with generated cells (any text,
numbers, formulas, statuses half right, measures in any shape), or its bytes cut or damaged, uploaded
through the page. Whatever it holds, the answer is a page (200, saved; or 400, refused with its
reasons), never a server error, and a refused upload changes no answer."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError
from test_excel_upload import download, snapshot, upload

STATUSES = ["Implemented", "Partially implemented", "not applicable", "In progress", "implementd", "", "Yes"]
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
CELL = st.one_of(
    TEXT,
    st.sampled_from(STATUSES),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["=1+1", '=HYPERLINK("http://x")', "+SUM(A1)", "@cmd", "-1", "Law | Act | x | y | 2001-99-99"]),
    st.just(None),
)
COLUMNS = "ABCDEFGHI"
EDITS = st.dictionaries(
    st.tuples(st.sampled_from(["VI", "VII", "About"]), st.sampled_from(COLUMNS), st.integers(1, 8)),
    CELL,
    max_size=6,
)
DAMAGE = st.one_of(
    st.none(),
    st.tuples(st.just("cut"), st.floats(0.0, 1.0)),
    st.tuples(st.just("flip"), st.lists(st.floats(0.0, 1.0), min_size=1, max_size=8)),
)


def edited(content: bytes, edits: dict) -> bytes:
    workbook = load_workbook(io.BytesIO(content))
    for (sheet, column, row), value in edits.items():
        if sheet in workbook.sheetnames:
            try:
                workbook[sheet][f"{column}{row}"] = value
            except (IllegalCharacterError, AttributeError):  # no spreadsheet program writes these either
                continue
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def damaged(content: bytes, damage) -> bytes:
    if damage is None:
        return content
    kind, where = damage
    if kind == "cut":
        return content[: int(len(content) * where)]
    data = bytearray(content)
    for place in where:
        index = min(int(len(data) * place), len(data) - 1)
        data[index] ^= 0x5A
    return bytes(data)


@pytest.mark.django_db
def test_a_generated_or_damaged_workbook_is_saved_or_refused_and_never_half_saved(
    client_as, focal_point_a, cycle, report_a
):
    client = client_as(focal_point_a)
    original = download(client, cycle)

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(edits=EDITS, damage=DAMAGE)
    def check(edits, damage):
        before = snapshot(report_a)
        response = upload(client, cycle, damaged(edited(original, edits), damage))
        assert response.status_code in (200, 400), response.status_code
        if response.status_code == 400:
            assert response.context["errors"] or response.context["form"].errors  # the page says why
            assert snapshot(report_a) == before

    check()
