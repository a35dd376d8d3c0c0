"""A country row without an ISO 3166-1 alpha-2 code (the benchmarks' synthetic reporting entities,
bench/generate.py): its page and its JSON twin show it, and several such rows coexist under the
column's unique constraint (NULLs never collide)."""

from __future__ import annotations

import pytest
from countries_sample import forget_registry

from viennaplan.countries.models import Country

fresh_registry = pytest.fixture(autouse=True)(forget_registry)


def entity(code: str, number: int) -> Country:
    name = f"Synthetic State {number:04d}"
    return Country.objects.create(
        alpha3=code,
        alpha2=None,
        kind="member_state",
        region="Europe",
        subregion="Western Europe",
        name_en=name,
        name_fr=name,
        name_es=name,
        name_ru=name,
        name_zh=name,
        name_ar=name,
    )


def test_a_country_without_alpha2_has_its_page_and_its_json_with_alpha2_null(client, db):
    entity("QMA", 1)
    response = client.get("/countries/QMA")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Synthetic State 0001" in html and "None" not in html
    body = client.get("/api/countries/QMA").json()
    assert body["code"] == "QMA" and body["alpha2"] is None and body["name"] == "Synthetic State 0001"
    listed = {row["code"]: row for row in client.get("/api/countries").json()["countries"]}
    assert listed["QMA"]["alpha2"] is None and listed["CHE"]["alpha2"] == "CH"


def test_two_countries_without_alpha2_coexist(db):
    entity("QMA", 1)
    entity("QMB", 2)
    assert Country.objects.filter(alpha2__isnull=True).count() == 2


def test_loading_the_country_files_leaves_an_entity_without_alpha2_and_its_groups_alone(db):
    from viennaplan.countries.models import CountryStatus, RegionalGroupMembership
    from viennaplan.countries.store import load_country_data

    entity("QMA", 1)
    RegionalGroupMembership.objects.create(country_id="QMA", group="african", primary=True, source="synthetic")
    CountryStatus.objects.create(country_id="QMA", list="ldc", since="1971-11-18", source="synthetic")
    summary = load_country_data()
    assert Country.objects.filter(alpha3="QMA").exists()
    assert RegionalGroupMembership.objects.filter(country_id="QMA").count() == 1
    assert CountryStatus.objects.filter(country_id="QMA").count() == 1
    assert not summary.changed  # and the countries of the files are as they were
