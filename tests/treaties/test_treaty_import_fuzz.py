"""Bad input at the treaty import's door (issue 14): generated status lists (States named right, wrong
or not at all; instruments, actions and dates of every kind; quotes, blank lines, odd bytes). The import
records the whole file or refuses it with its reasons (ImportRefused); it never fails otherwise and a
refused file records nothing."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from viennaplan.treaties.importer import ImportRefused, import_status_list
from viennaplan.treaties.models import DepositaryList, TreatyAction, TreatyImport

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
STATE = st.one_of(
    st.sampled_from(["CHE", "Switzerland", "FRA", "France", "Côte d'Ivoire", "EUU", "XXX", "", "ch"]), TEXT
)
INSTRUMENT = st.one_of(st.sampled_from(["UNTOC", "TIP", "SOM", "FIREARMS", "UNCAC", "untoc", "NOPE", ""]), TEXT)
ACTION = st.one_of(
    st.sampled_from(["signature", "ratification", "accession", "denunciation", "succession", "a", "AA", ""]), TEXT
)
DAY = st.one_of(
    st.dates().map(str),
    st.dates().map(lambda d: d.strftime("%d %b %Y")),
    st.sampled_from(["31 Feb 2002", "2002-13-01", "12 Dec 2000", "", "tomorrow"]),
    TEXT,
)
ROW = st.tuples(STATE, INSTRUMENT, ACTION, DAY, TEXT)
# rows of the tests' synthetic list, each right on its own: some files of them are recorded
SAMPLE = Path(__file__).parent / "data" / "synthetic_small.csv"
GOOD = [tuple(row) for row in csv.reader(SAMPLE.read_text(encoding="utf-8").splitlines()[2:]) if len(row) == 5]


def as_csv(rows, header) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    if header:
        writer.writerow(["state", "instrument", "action", "date", "source"])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def recorded() -> tuple[int, int, int]:
    return TreatyAction.objects.count(), TreatyImport.objects.count(), DepositaryList.objects.count()


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=st.one_of(
        st.builds(as_csv, st.lists(ROW, max_size=6), st.booleans()),
        st.builds(
            lambda good, bad: as_csv(good + bad, True), st.lists(st.sampled_from(GOOD)), st.lists(ROW, max_size=1)
        ),
        st.binary(max_size=200),
    )
)
def test_a_generated_status_list_is_recorded_whole_or_refused_with_nothing_recorded(content):
    before = recorded()
    try:
        import_status_list(content, source_name="generated.csv")
        event("recorded")
    except ImportRefused as refused:
        event("refused")
        assert refused.args  # it says what is wrong
        assert recorded() == before
