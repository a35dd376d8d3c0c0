"""The secretariat's admin pages for the country data: open, searchable, read-only."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "model",
    ["country", "regionalgroupmembership", "countrystatus", "countryname", "predecessor", "organizationmembership"],
)
def test_every_country_admin_list_opens(admin_client, model):
    response = admin_client.get(f"/admin/countries/{model}/")
    assert response.status_code == 200


def test_a_country_opens_with_its_groups_and_status(admin_client):
    response = admin_client.get("/admin/countries/country/BTN/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bhutan" in html and "13 December 2023" in html  # the UN's English date style (viennaplan/formats)


def test_the_country_list_searches_names_in_every_language(admin_client):
    response = admin_client.get("/admin/countries/country/", {"q": "Suisse"})
    assert response.context["cl"].result_count == 1


def test_rows_come_from_the_files_and_cannot_be_added_in_the_admin(admin_client):
    assert admin_client.get("/admin/countries/country/add/").status_code == 403
