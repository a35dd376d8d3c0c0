"""Fixtures of the indicator pages' tests: a few real-looking observations imported like a file."""

from __future__ import annotations

import pytest

from viennaplan.indicators.importer import import_observations

GLOTIP = "UNODC GLOTIP data portal data_glotip (file dated 30/05/2023)"
WDI = "World Bank WDI VC.IHR.PSRC.P5 (UNODC/WHO), API snapshot 2025-10-07"

# Values modelled on the shipped files' (not copied from them); "<5" as UNODC publishes small counts.
OBSERVATIONS = f"""country,iso3,year,indicator,value,source,note,flags,sex
Austria,AUT,2004,tip_persons_convicted,12,"{GLOTIP}",,,
Austria,AUT,2005,tip_persons_convicted,<5,"{GLOTIP}",,provisional,
Austria,AUT,2005,tip_persons_convicted,3,"{GLOTIP}",,,female
France,FRA,2005,tip_persons_convicted,46,"{GLOTIP}",first year of the new survey,estimate,
Brazil,BRA,2006,tip_persons_convicted,9,"{GLOTIP}",,break,
Nigeria,NGA,2006,tip_persons_convicted,25,"{GLOTIP}",,,
"""
HOMICIDES = f"""country,iso3,year,indicator,value,source
Mexico,MEX,2000,homicide_rate,10.886631,"{WDI}"
Mexico,MEX,2010,homicide_rate,22.668647,"{WDI}"
"""


@pytest.fixture
def observations(db):
    import_observations(HOMICIDES.encode("utf-8"), source_name="homicide_rate_wdi.csv")
    return import_observations(OBSERVATIONS.encode("utf-8"), source_name="trafficking_glotip.csv")
