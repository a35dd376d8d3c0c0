"""Bad input at the observations import's door (issue 14): generated tidy CSV files (countries right,
wrong or missing; years, values, "<5", flags and sexes of every kind; odd bytes). The import keeps the
whole file or refuses it with its reasons (ImportRefused); it never fails otherwise and a refused file
keeps nothing."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from viennaplan.indicators.importer import ImportRefused, import_observations
from viennaplan.indicators.models import Observation, ObservationImport

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=16)
HEADER = ["country", "iso3", "year", "indicator", "value", "source", "note", "flags", "sex"]
ROW = st.tuples(
    st.one_of(st.sampled_from(["Austria", "France", "Atlantis", ""]), TEXT),
    st.one_of(st.sampled_from(["AUT", "FRA", "EUU", "XXX", "", "at"]), TEXT),
    st.one_of(st.integers(1900, 2100).map(str), st.sampled_from(["", "2004.5", "MMIV"]), TEXT),
    st.one_of(st.sampled_from(["tip_persons_convicted", "cpi_score", "no_such", ""]), TEXT),
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True).map(str),
        st.integers(-(10**9), 10**9).map(str),
        st.sampled_from(["<5", "", "12,5", "1e400", "-0"]),
        TEXT,
    ),
    st.one_of(st.sampled_from(["UNODC GLOTIP (synthetic)", ""]), TEXT),
    TEXT,
    st.one_of(st.sampled_from(["", "provisional", "estimate", "break", "bogus"]), TEXT),
    st.one_of(st.sampled_from(["", "female", "male", "x"]), TEXT),
)
GOOD = st.tuples(
    st.sampled_from([("Austria", "AUT"), ("France", "FRA"), ("Switzerland", "CHE"), ("Japan", "JPN")]),
    st.integers(1995, 2015),
    st.one_of(st.integers(0, 10**6).map(str), st.just("<5")),
    st.sampled_from(["", "provisional", "estimate"]),
).map(lambda t: (*t[0], str(t[1]), "tip_persons_convicted", t[2], "UNODC GLOTIP (synthetic)", "", t[3], ""))


def as_csv(rows, header) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    if header:
        writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def kept() -> tuple[int, int]:
    return Observation.objects.count(), ObservationImport.objects.count()


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=st.one_of(
        st.builds(as_csv, st.lists(ROW, max_size=6), st.booleans()),
        st.lists(GOOD, min_size=1, max_size=8, unique_by=lambda r: (r[1], r[2])).map(lambda rows: as_csv(rows, True)),
        st.builds(lambda good, bad: as_csv(good + bad, True), st.lists(GOOD, max_size=4), ROW.map(lambda r: [r])),
        st.binary(max_size=200),
    )
)
def test_a_generated_observations_file_is_kept_whole_or_refused_with_nothing_kept(content):
    before = kept()
    try:
        import_observations(content, source_name="generated.csv")
        event("recorded")
    except ImportRefused as refused:
        event("refused")
        assert refused.args
        assert kept() == before
