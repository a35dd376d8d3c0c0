"""Shapes of the indicators JSON API (indicators/api.py). Names start with Indicator or Observation:
every schema name of the API is unique (tests/test_openapi.py)."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema

API_ROOT = "/api/indicators"


class IndicatorProvisionOut(Schema):
    citation: str = Field(..., description='as the plan cites it, e.g. "35(a)"')
    url: str = Field(..., description="the provision's page, /plan/35/a")
    in_current_plan: bool = Field(..., description="false when the current version of the plan has no such provision")


class IndicatorCoverageOut(Schema):
    states: int
    years: int
    first_year: int | None
    last_year: int | None
    values: int


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    kind: str = Field(..., description="count, rate, percentage, score or amount")
    chapter: str = Field(..., description="the plan's chapter (Roman numeral)")
    source: str = Field(..., description="the publisher of the series")
    measures: list[IndicatorProvisionOut]
    dimensions: dict[str, list[str]] = Field(..., description="the disaggregations supported and their values")
    coverage: IndicatorCoverageOut
    url: str
    api_url: str


class IndicatorSourceOut(Schema):
    source: str = Field(..., description="the observations' source, as imported")
    file: str = Field(..., description="the file it was imported from")
    values: int
    publisher: str | None = Field(..., description="publisher, dataset and date (shipped files: the data README)")
    years: str | None
    terms: str | None


class IndicatorDisaggregationOut(Schema):
    key: str = Field(..., description='"" for the total, "sex=female"')
    label: str


class IndicatorDetailOut(IndicatorOut):
    definition: str
    sources: list[IndicatorSourceOut]
    disaggregations: list[IndicatorDisaggregationOut] = Field(..., description="those with values on file")


class ObservationFilters(Schema):
    year_from: int | None = Field(None, ge=1900, le=2100, description="first year, e.g. 2003")
    year_to: int | None = Field(None, ge=1900, le=2100, description="last year, e.g. 2010")
    region: str | None = Field(None, max_length=80, description="region or sub-region, e.g. Europe")
    group: str | None = Field(None, max_length=40, description="UN regional group, e.g. western_european_others")
    state: str | None = Field(None, max_length=3, description="one State, by alpha-3 code, e.g. CHE")
    disaggregation: str | None = Field(
        None, max_length=200, description='"total" (default), "all", or dimension=value such as sex=female'
    )
    format: Literal["json", "csv"] | None = Field(
        None, description="csv: the same rows as a download in the tidy CSV the import reads"
    )


class ObservationOut(Schema):
    state: str
    name: str
    year: int
    value: str = Field(..., description='as published: "81255", "22.67", or "<5" (a small count withheld)')
    number: float | None = Field(..., description="the value as a number; null when withheld (<5)")
    suppressed_below: int | None = Field(..., description="5 for a value published as <5; else null")
    disaggregation: dict[str, str] = Field(..., description="{} for the total")
    flags: list[Literal["estimate", "provisional", "break"]]
    source: str
    note: str


class ObservationListOut(Schema):
    indicator: str
    year_from: int | None
    year_to: int | None
    region: str
    group: str
    state: str
    disaggregation: str = Field(..., description='"" the total, "all", or dimension=value pairs')
    count: int
    observations: list[ObservationOut]
    url: str = Field(..., description="the page with the same filters")


class ObservationImportOut(Schema):
    source_name: str
    format: str
    dry_run: bool = Field(..., description="true: checked only, nothing stored")
    rows: int
    created: int = Field(..., description="observations recorded (or that would be, on a dry run)")
    on_file: int = Field(..., description="rows already on file, skipped")
    imported_by: str | None
    import_id: int | None
