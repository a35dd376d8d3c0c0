"""The real data shipped in indicators/data/ (indicators/shipped.py): it loads, the places that are
not States and the repeated keys are left out and listed as data/README.md says, known values
read back as published, "<5" stays a suppressed count, and a second load changes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.management import call_command

from viennaplan.indicators.models import Observation, ObservationImport
from viennaplan.indicators.shipped import SHIPPED_FILES, load_shipped

pytestmark = pytest.mark.django_db


def value(indicator: str, state: str, year: int, **disaggregation: str) -> Observation:
    return Observation.objects.get(
        indicator__code=indicator, state_id=state, year=year, disaggregation=disaggregation or {}
    )


def test_the_shipped_files_load_with_what_was_left_out_listed_and_a_second_load_changes_nothing(capsys):
    assert Observation.objects.count() == 0  # never loaded after migrate: observations are not reference data
    results = {r.name: r.outcome for r in load_shipped()}
    assert set(results) == set(SHIPPED_FILES)

    homicide = results["homicide_rate_wdi.csv"]
    left_out = {code for code, _ in homicide.unmatched}
    assert {"WLD", "LCN", "XKX"} <= left_out  # aggregates and Kosovo, listed
    assert "ROM" not in left_out and "ZAR" not in left_out  # the World Bank's old codes are States
    assert not homicide.repeated
    prisons = results["prisons_unodc_cts.csv"]
    assert {code for code, _ in prisons.unmatched} >= {"GBR_E_W", "GBR_S", "GBR_NI"}
    assert sorted((key[1], key[2]) for _, key in prisons.repeated) == [("MNG", 2019), ("PAN", 2017), ("PAN", 2018)]
    assert any(name == "korea south" for _, name in results["corruption_cpi.csv"].unmatched)
    batch = ObservationImport.objects.get(source_name="prisons_unodc_cts.csv")
    assert any("GBR_S" in note for note in batch.notes)

    assert value("prison_total_count", "JPN", 2006).value == Decimal(81255)
    assert value("homicide_rate", "MEX", 2010).published == "22.668647"  # as published (README: 22.67)
    assert not Observation.objects.filter(indicator__code="prison_female_count").exists()  # an alias
    assert value("prison_total_count", "DEU", 2010, sex="female").value > 0
    suppressed = Observation.objects.filter(indicator__code="tip_victims_detected", suppressed_below=5)
    assert suppressed.exists() and not suppressed.filter(value__isnull=False).exists()
    assert Observation.objects.filter(published="<5").count() == Observation.objects.filter(suppressed_below=5).count()
    assert set(
        Observation.objects.filter(indicator__code="cpi_score", break_in_series=True).values_list("year", flat=True)
    ) == {2012}
    assert value("cpi_score", "DNK", 2011).published == "9.39208"

    count = Observation.objects.count()
    call_command("indicators", "load-shipped")
    out = capsys.readouterr().out
    assert out.count("imported before (same file); nothing changed") == len(SHIPPED_FILES)
    assert Observation.objects.count() == count
    ObservationImport.objects.all().delete()  # even read again, nothing changes
    again = load_shipped()
    assert all(r.outcome.created == 0 for r in again) and Observation.objects.count() == count


def test_load_shipped_counts_what_it_left_out_and_lists_it_only_when_asked(monkeypatch, capsys):
    from types import SimpleNamespace

    from viennaplan.indicators import shipped

    outcome = SimpleNamespace(summary=lambda: "x.csv: 3 rows", unmatched_lines=lambda: ["WLD World", "LCN Latin"])
    monkeypatch.setattr(shipped, "load_shipped", lambda: [SimpleNamespace(name="x.csv", outcome=outcome)])
    call_command("indicators", "load-shipped")
    out = capsys.readouterr().out
    assert "x.csv: 3 rows" in out and "2 left out" in out and "WLD World" not in out
    call_command("indicators", "load-shipped", verbosity=2)
    out = capsys.readouterr().out
    assert "  left out: WLD World" in out and "  left out: LCN Latin" in out
