"""`viennaplan indicators import FILE`: a good file is summarised, a bad one lists its bad rows on
standard error and exits non-zero, storing nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from viennaplan.indicators.models import Observation

pytestmark = pytest.mark.django_db


def test_import_command(tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text("country,iso3,year,indicator,value\nFrance,FRA,2005,homicide_rate,1.5\n", encoding="utf-8")
    call_command("indicators", "import", str(good))
    assert "1 observations recorded" in capsys.readouterr().out
    call_command("indicators", "import", str(good))
    assert "nothing changed" in capsys.readouterr().out

    bad = tmp_path / "bad.csv"
    bad.write_text("country,iso3,year,indicator,value\nFrance,FRA,2006,homicide_rate,-1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 error"):
        call_command("indicators", "import", str(bad))
    assert "bad.csv: row 2, column value ('-1'): impossible value for homicide_rate" in capsys.readouterr().err
    assert Observation.objects.count() == 1


def test_catalogue_command(capsys):
    call_command("indicators", "catalogue")
    assert "tip_persons_convicted\tcount\tpersons\tV\t35(a), 47" in capsys.readouterr().out
