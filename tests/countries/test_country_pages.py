"""/countries/ and /countries/CHE, and their JSON twins under /api/countries."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from countries_sample import TODAY

LIST = "/countries/"


def page(client, url: str, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    return response.content.decode()


def api(client, url: str, **params) -> dict:
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def test_the_list_groups_states_by_region_with_their_group_and_badges(client, db):
    html = page(client, LIST, as_of=TODAY.isoformat())
    for region in ("Africa", "Americas", "Asia", "Europe", "Oceania", "Organizations", "Former States"):
        assert f">{region} <" in html or f">{region}<" in html, region
    assert '<a href="/countries/CHE">Switzerland</a>' in html
    assert "Western European and other States" in html and "African States" in html
    afghanistan = html[html.index('id="AFG"') :][:900]
    assert ">LDC<" in afghanistan and ">LLDC<" in afghanistan and "Asia-Pacific States" in afghanistan
    assert "193 Member States of the United Nations" in html
    assert 'id="former-YUG"' in html and "Serbia and Montenegro" in html


def test_the_list_as_of_2002_shows_the_ldcs_of_2002(client, db):
    html = page(client, LIST, as_of="2002-12-31", status="ldc")
    assert "Vanuatu" in html and "Cabo Verde" in html and "Bhutan" in html
    assert "Switzerland" not in html
    html = page(client, LIST, as_of=TODAY.isoformat(), status="ldc")
    assert "Vanuatu" not in html and "Bhutan" not in html and "Afghanistan" in html


def test_the_list_filters_by_regional_group(client, db):
    html = page(client, LIST, group="western_european_others")
    assert "Türkiye" in html and "Israel" in html and "Japan" not in html


def test_the_list_refuses_a_bad_date_with_a_message(client, db):
    response = client.get(LIST, {"as_of": "2002-31-12"})
    assert response.status_code == 400
    assert "?as_of='2002-31-12' is not a date (expected YYYY-MM-DD" in response.content.decode()
    assert client.get(LIST, {"status": "poor"}).status_code == 400


def test_the_list_links_its_json_twin_with_the_same_filters(client, db):
    html = page(client, LIST, status="ldc", as_of="2021-01-01")
    query = urlencode({"status": "ldc", "as_of": "2021-01-01"}).replace("&", "&amp;")
    assert f'href="/api/countries?{query}"' in html


def test_a_country_page_shows_names_in_six_languages_codes_groups_and_status(client, db):
    html = page(client, "/countries/CHE")
    assert "<h1>Switzerland</h1>" in html and "Swiss Confederation" in html
    for name in ("Suisse", "Suiza", "Швейцария", "瑞士", "سويسرا"):
        assert name in html
    assert '<td lang="ar" dir="rtl">' in html
    assert ">756<" in html and ">CH<" in html and ">CHE<" in html
    assert "Western European and other States" in html
    assert "10 September 2002" in html


def test_a_graduated_state_shows_its_status_with_dates_and_source(client, db):
    html = page(client, "/countries/BTN", as_of="2020-01-01")
    assert "2023-12-13" in html and "73/133" in html and ">LDC<" in html
    html = page(client, "/countries/BTN", as_of=TODAY.isoformat())
    assert "on none of the three lists" not in html  # still landlocked
    assert ">LLDC<" in html and ">LDC<" not in html


def test_the_european_union_page_lists_its_members_with_dates(client, db):
    html = page(client, "/countries/EUU")
    assert "European Union" in html and "Union européenne" in html
    gbr = html[html.index('href="/countries/GBR"') :][:400]
    assert "1973-01-01" in gbr and "2020-01-31" in gbr
    assert "European Community" in html  # its former name, with its dates


def test_a_country_page_shows_former_names_and_former_states(client, db):
    html = page(client, "/countries/SRB")
    assert "Serbia and Montenegro" in html and "continued by this State" in html
    html = page(client, "/countries/TUR")
    assert "Turkey" in html and "2022-05-31" in html


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("/countries/che", "/countries/CHE"),
        ("/countries/Switzerland", "/countries/CHE"),
        ("/countries/Turkey", "/countries/TUR"),
        ("/countries/YUG", "/countries/#former-YUG"),
    ],
)
def test_codes_in_lower_case_and_names_redirect_to_the_country_page(client, db, url, target):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == target


def test_an_unknown_country_is_not_found(client, db):
    assert client.get("/countries/Atlantis").status_code == 404


def test_the_api_lists_the_198_countries_by_region(client, db):
    data = api(client, "/api/countries")
    assert data["count"] == 198
    assert data["counts"] == {"member_state": 193, "observer_state": 2, "non_member_state": 2, "organization": 1}
    assert [block["region"] for block in data["regions"]] == [
        "Africa",
        "Americas",
        "Asia",
        "Europe",
        "Oceania",
        "Organizations",
    ]
    che = next(row for row in data["countries"] if row["code"] == "CHE")
    assert che["regional_group"] == "western_european_others" and che["url"] == "/countries/CHE"
    assert {row["code"] for row in data["former_states"]} == {"YUG", "SCG", "CSK", "SUN", "DDR"}


def test_the_api_list_takes_the_page_filters(client, db):
    assert api(client, "/api/countries", status="ldc", as_of="2021-01-01")["count"] == 46
    assert api(client, "/api/countries", status="ldc", as_of=TODAY.isoformat())["count"] == 41
    data = api(client, "/api/countries", group="eastern_european")
    assert data["count"] == 23 and data["filters"] == {"group": "eastern_european"}
    assert client.get("/api/countries", {"group": "nordic"}).status_code == 422


def test_the_api_gives_one_country_with_its_names_and_status_history(client, db):
    data = api(client, "/api/countries/BGD", as_of="2026-11-23")
    assert data["names"]["fr"] == "Bangladesh" and data["names"]["zh"] == "孟加拉国"
    assert data["statuses"] == ["ldc"]
    ldc = next(row for row in data["status_history"] if row["list"] == "ldc")
    assert ldc["until"] == "2026-11-24" and ldc["active"] is True and "76/8" in ldc["source"]
    assert api(client, "/api/countries/BGD", as_of="2026-11-24")["statuses"] == []
    assert api(client, "/api/countries/che")["code"] == "CHE"


def test_the_api_says_which_code_a_name_has(client, db):
    response = client.get("/api/countries/Swizerland")
    assert response.status_code == 404 and "did you mean 'Switzerland'" in response.json()["detail"]


def test_the_api_resolves_names(client, db):
    data = api(client, "/api/countries/resolve", name="Turkey", on="2003-03-25")
    assert data == {"query": "Turkey", "on": "2003-03-25", "code": "TUR", "name": "Türkiye"}
    assert api(client, "/api/countries/resolve", name="European Community")["code"] == "EUU"
    response = client.get("/api/countries/resolve", {"name": "Swizerland"})
    assert response.status_code == 404 and "Switzerland" in response.json()["detail"]


def test_the_list_is_in_alphabetical_order_whatever_the_accents(client, db):
    names = [row["name"] for row in api(client, "/api/countries", region="Asia")["countries"]]
    assert names.index("Tajikistan") < names.index("Türkiye") < names.index("Turkmenistan")
