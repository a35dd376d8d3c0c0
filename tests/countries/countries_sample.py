"""Shared helpers of the country tests: the shipped data files read once, and the fixed date
the tests call "today" (the data records what had happened by then)."""

from __future__ import annotations

from datetime import date
from functools import cache

from viennaplan.countries.datafiles import CountryData, read_country_data
from viennaplan.countries.names import NameIndex

TODAY = date(2026, 11, 27)


@cache
def shipped_data() -> CountryData:
    return read_country_data()


@cache
def shipped_index() -> NameIndex:
    return shipped_data().name_index()


def countries_by_code() -> dict:
    return {country.alpha3: country for country in shipped_data().countries}


def forget_registry():
    """Drop the cached country facts before and after a test that changes country rows (the
    rows are rolled back after the test; the cache would not be)."""
    from viennaplan.countries import registry

    registry.forget()
    yield
    registry.forget()
