"""Charts as inline SVG (treaties/charts.py): deterministic, accessible, drawn from statuses."""

from __future__ import annotations

from datetime import date

from viennaplan.treaties.charts import (
    Series,
    describe_rows,
    parties_chart_svg,
    status_series,
    step_series,
    year_end_rows,
)
from viennaplan.treaties.records import StateStatus

STATES = [
    StateStatus("CHE", signature=date(2000, 12, 12), consent_date=date(2006, 10, 27), in_force=date(2006, 11, 26)),
    StateStatus("FRA", signature=date(2000, 12, 12), consent_date=date(2002, 10, 29), in_force=date(2003, 9, 29)),
    StateStatus(
        "XXA",
        signature=date(2000, 12, 13),
        consent_date=date(2003, 1, 2),
        in_force=date(2003, 9, 29),
        denounced=date(2005, 1, 2),
    ),
    StateStatus("CIV", signature=date(2000, 12, 15)),
]


def chart() -> str:
    return parties_chart_svg(
        "UNTOC: signatories and parties",
        status_series(STATES),
        end=date(2007, 1, 1),
        markers=[(date(2003, 9, 29), "entry into force"), (date(2002, 12, 31), "plan target")],
        start=date(2000, 11, 15),
    )


def test_step_series_count_starts_and_ends_by_date():
    series = step_series("x", [date(2001, 1, 1), date(2001, 1, 1), date(2002, 1, 1)], [date(2003, 1, 1)])
    assert series.points == ((date(2001, 1, 1), 2), (date(2002, 1, 1), 3), (date(2003, 1, 1), 2))
    assert series.at(date(2000, 1, 1)) == 0 and series.at(date(2002, 6, 1)) == 3


def test_status_series_counts_signatories_consents_and_parties_and_a_denunciation_ends_both():
    signatories, deposited, parties = status_series(STATES)
    assert signatories.at(date(2001, 1, 1)) == 4
    assert deposited.at(date(2003, 6, 1)) == 2 and parties.at(date(2003, 6, 1)) == 0
    assert parties.at(date(2004, 1, 1)) == 2 and parties.at(date(2006, 1, 1)) == 1
    assert deposited.at(date(2007, 1, 1)) == 2


def test_the_same_data_always_give_the_same_svg():
    assert chart() == chart()


def test_the_svg_is_inline_accessible_and_carries_no_date():
    svg = chart()
    assert svg.startswith("<svg") and "<?xml" not in svg and "<!DOCTYPE" not in svg
    assert 'role="img" aria-label="UNTOC: signatories and parties"' in svg
    assert "<title>UNTOC: signatories and parties</title>" in svg
    assert "<dc:date>" not in svg and 'width="' not in svg.split(">", 1)[0]
    assert "Parties (in force)" in svg and "plan target" in svg  # text stays text


def test_no_data_gives_no_chart():
    assert parties_chart_svg("empty", [Series("Parties", ())], end=date(2007, 1, 1)) == ""


def test_the_figures_under_the_chart_are_each_series_at_every_year_end_and_on_the_as_of_date():
    series = status_series(STATES)
    rows = year_end_rows(series, start=date(2000, 11, 15), end=date(2005, 6, 30))
    by_day = {day: values for day, values in rows}
    assert [day for day, _ in rows] == [date(y, 12, 31) for y in range(2000, 2005)] + [date(2005, 6, 30)]
    # (signatories, consents deposited, parties): FRA consents 2002, XXA 2003 and denounces 2005-01-02
    assert by_day[date(2000, 12, 31)] == (4, 0, 0)
    assert by_day[date(2002, 12, 31)] == (4, 1, 0)
    assert by_day[date(2003, 12, 31)] == (4, 2, 2)
    assert by_day[date(2005, 6, 30)] == (4, 1, 1)
    text = describe_rows([s.label for s in series], rows)
    assert "2003-12-31: signatories 4, consents deposited 2, parties (in force) 2" in text


def test_the_text_alternative_goes_into_the_svg():
    svg = parties_chart_svg("T", status_series(STATES), end=date(2007, 1, 1), desc="Signatories over time. 2001: 4.")
    assert "<desc>Signatories over time. 2001: 4.</desc>" in svg
