"""Importing observations (indicators/importer.py, observations.py): every kind of bad row is
listed with its row and column, a bad file stores nothing, the same file twice changes nothing,
and "<5" is kept as a suppressed count, never as a number. Files are made up here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from viennaplan.indicators.importer import ImportRefused, import_observations
from viennaplan.indicators.models import Indicator, Observation

pytestmark = pytest.mark.django_db

HEADER = "country,iso3,year,indicator,value,unit,source\n"


def run(text: str, name: str = "obs.csv"):
    return import_observations(text.encode("utf-8"), source_name=name)


def refused(text: str) -> list[str]:
    with pytest.raises(ImportRefused) as caught:
        run(text)
    assert Observation.objects.count() == 0 or caught.value.errors  # nothing half-stored is checked by callers
    return caught.value.errors


def test_the_catalogue_is_seeded_for_every_chapter_with_actions():
    chapters = set(Indicator.objects.values_list("chapter", flat=True))
    assert chapters == {"III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}
    for code in (
        "tip_victims_detected",
        "tip_persons_prosecuted",
        "tip_persons_convicted",
        "som_offences_count",
        "fa_arms_seized",
        "fa_arms_destroyed",
        "fa_arms_traced",
        "homicides_by_firearm",
        "ml_persons_prosecuted",
        "proceeds_confiscated_value",
        "corruption_persons_convicted",
        "cpi_score",
        "prison_total_count",
        "prison_total_rate",
        "prison_pretrial_share",
        "prison_juvenile_count",
        "noncustodial_persons",
        "homicide_rate",
        "off_cyber_unlawful_access_count",
    ):
        assert Indicator.objects.filter(code=code).exists(), code


def test_a_good_file_is_stored_with_its_source_flags_and_disaggregation():
    text = (
        "country,iso3,year,indicator,value,source,note,flags,sex\n"
        "Switzerland,,2005,tip_persons_convicted,12,FOJ,first year,estimate provisional,female\n"
        ",FRA,2005,homicide_rate,1.58,WDI,,break,\n"
        "Austria,AUT,2004,tip_victims_female,<5,GLOTIP,,,\n"
    )
    outcome = run(text)
    assert (outcome.created, outcome.on_file) == (3, 0)
    convicted = Observation.objects.get(indicator__code="tip_persons_convicted")
    assert (convicted.state_id, convicted.year, convicted.value) == ("CHE", 2005, Decimal(12))
    assert convicted.disaggregation == {"sex": "female"} and convicted.estimate and convicted.provisional
    assert convicted.note == "first year" and convicted.source == "FOJ"
    assert Observation.objects.get(indicator__code="homicide_rate").break_in_series
    suppressed = Observation.objects.get(state_id="AUT")
    assert suppressed.indicator.code == "tip_victims_detected" and suppressed.disaggregation == {"sex": "female"}
    assert (suppressed.value, suppressed.suppressed_below, suppressed.published) == (None, 5, "<5")
    assert suppressed.history.count() == 1
    created = suppressed.history.get()
    assert (created.history_type, created.published, created.disaggregation) == ("+", "<5", {"sex": "female"})
    assert created.history_change_reason == "import of obs.csv" and created.history_date is not None


def test_every_bad_row_is_listed_by_row_and_column_and_nothing_is_stored():
    text = HEADER + (
        "Atlantis,,2005,homicide_rate,1,,\n"  # row 2: unknown State (name)
        ",XYZ,2005,homicide_rate,1,,\n"  # row 3: unknown code
        "France,FRA,2005,no_such_indicator,1,,\n"  # row 4
        "France,FRA,2005,tip_persons_convicted,-3,,\n"  # row 5: negative count
        "France,FRA,2005,wgi_cc_pctrank,100.5,,\n"  # row 6: percentage over 100
        "France,FRA,2005,homicide_rate,abc,,\n"  # row 7: not a number
        "France,FRA,2005,homicide_rate,1.5,,\n"  # row 8: good
        "France,FRA,2005,homicide_rate,1.6,,\n"  # row 9: repeats row 8
        "France,FRA,20x5,homicide_rate,1,,\n"  # row 10: not a year
        "France,FRA,2005,homicide_rate,<5,,\n"  # row 11: a rate cannot be suppressed
        'France,FRA,2005,homicide_rate,"1,234",,\n'  # row 12: thousands separator
    )
    errors = refused(text)
    assert Observation.objects.count() == 0
    assert [e.split(":")[0] for e in errors] == [
        "row 2, column country ('Atlantis')",
        "row 3, column iso3 ('XYZ')",
        "row 4, column indicator ('no_such_indicator')",
        "row 5, column value ('-3')",
        "row 6, column value ('100.5')",
        "row 7, column value ('abc')",
        "row 9",
        "row 10, column year ('20x5')",
        "row 11, column value ('<5')",
        "row 12, column value ('1,234')",
    ]
    assert "repeats row 8" in errors[6]
    assert "cannot be negative" in errors[3] and "over 100" in errors[4]


def test_unknown_disaggregation_values_and_dimensions_are_refused():
    text = "country,iso3,year,indicator,value,sex,age_group\n"
    text += "France,FRA,2005,tip_persons_convicted,3,unknown,\n"  # row 2: unknown value
    text += "France,FRA,2005,prison_total_rate,3,,child\n"  # row 3: not disaggregated by age
    text += "France,FRA,2005,tip_victims_female,3,male,\n"  # row 4: the alias says female
    errors = refused(text)
    assert [e.split(":")[0] for e in errors] == [
        "row 2, column sex ('unknown')",
        "row 3, column age_group ('child')",
        "row 4, column sex ('male')",
    ]


def test_an_unknown_column_is_refused_with_a_suggestion():
    errors = refused("country,iso3,yaer,indicator,value\nFrance,FRA,2005,homicide_rate,1\n")
    assert "did you mean 'year'" in errors[0]


def test_the_same_file_twice_changes_nothing_and_a_conflicting_value_is_refused():
    text = HEADER + "France,FRA,2005,homicide_rate,1.50,,WDI\nFrance,FRA,2006,tip_victims_total,<5,,G\n"
    assert run(text).created == 2
    again = run(text)
    assert (again.created, again.on_file) == (0, 2) and "nothing changed" in again.summary()
    assert run(HEADER + "France,FRA,2005,homicide_rate,1.5,,WDI\n").on_file == 1  # 1.5 is 1.50
    errors = refused(HEADER + "France,FRA,2005,homicide_rate,1.6,,WDI\nFrance,FRA,2006,tip_victims_total,4,,G\n")
    assert errors == [
        "row 2, column value ('1.6'): conflicts with the stored value 1.5",
        "row 3, column value ('4'): conflicts with the stored value <5",
    ]
    assert Observation.objects.count() == 2
    assert run(HEADER + "France,FRA,2005,homicide_rate,1.6,,another source\n").created == 1


def test_world_bank_codes_and_names_match_states_but_nothing_is_guessed():
    text = HEADER + ",ROM,2005,homicide_rate,2,,\n" + "Türkiye,,2005,homicide_rate,3,,\n"
    run(text)
    assert set(Observation.objects.values_list("state_id", flat=True)) == {"ROU", "TUR"}
    errors = refused(HEADER + "England and Wales,GBR_E&W,2005,homicide_rate,1,,\n,WLD,2005,homicide_rate,6,,\n")
    assert errors[0].startswith("row 2, column iso3 ('GBR_E&W'): unknown State code")
    assert errors[1].startswith("row 3, column iso3 ('WLD')")


def test_sdmx_csv():
    text = (
        "DATAFLOW,REF_AREA: Reference area,INDICATOR,SEX,AGE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,"
        "UNIT_MEASURE,OBS_COMMENT\n"
        "UNODC:DF_TIP(1.0),AUT: Austria,tip_victims_detected,F,Y_LT18,2010,17,E,PS,a note\n"
        "UNODC:DF_TIP(1.0),AUT: Austria,tip_victims_detected,_T,_T,2010,<5,A,PS,\n"
        "UNODC:DF_TIP(1.0),CHE,homicide_rate,_T,_T,2010,0.7,P,,\n"
    )
    outcome = run(text, "tip.csv")
    assert outcome.format == "sdmx-csv" and outcome.created == 3
    split = Observation.objects.get(state_id="AUT", suppressed_below__isnull=True)
    assert split.disaggregation == {"age_group": "child", "sex": "female"} and split.estimate
    assert split.source == "SDMX dataflow UNODC:DF_TIP(1.0)" and split.note == "a note"
    assert Observation.objects.get(state_id="AUT", value__isnull=True).published == "<5"
    assert Observation.objects.get(state_id="CHE").provisional


def test_sdmx_csv_bad_rows():
    text = (
        "DATAFLOW,REF_AREA,SERIES,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,FREQ\n"
        "X,AUT,tip_victims_detected,X,2010,1,A,A\n"  # row 2: unknown sex code
        "X,AUT,tip_victims_detected,F,2010-Q1,1,A,A\n"  # row 3: not a year
        "X,AUT,tip_victims_detected,F,2010,1,Z,M\n"  # row 4: unknown status and monthly
    )
    errors = refused(text)
    assert [e.split(":")[0] for e in errors] == [
        "row 2, column SEX ('X')",
        "row 3, column TIME_PERIOD ('2010-Q1')",
        "row 4, column FREQ ('M')",
        "row 4, column OBS_STATUS ('Z')",
    ]
