"""The map of the records by State (origin, transit, destination) with its table by region, and the
time view (records per year by crime type), each with its JSON twin; drafts counted for the
Secretariat only."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

MAP = "/knowledge/patterns/map"
YEARS = "/knowledge/patterns/years"


def state_counts(html: str) -> dict[str, int]:
    table = html[html.index('id="state-counts"') :]
    table = table[: table.index("</table>")]
    return {a3: int(n) for a3, n in re.findall(r'data-state="([A-Z]{3})".*?<td>\d*</td><td>(\d+)</td>', table)}


def region_row(html: str, m49: str) -> dict[str, int]:
    row = html[html.index(f'data-region="{m49}"') :]
    row = row[: row.index("</tr>")]
    return {role: int(n) for role, n in re.findall(r'data-role="(\w+)">(\d+)<', row)}


def test_the_map_counts_the_records_naming_each_state(client, patterns):
    response = client.get(MAP)
    html = response.content.decode()
    assert response.status_code == 200 and "<svg" in html
    counts = state_counts(html)
    assert counts == {a3: 1 for a3 in ("COL", "PER", "PAN", "ESP", "NLD", "MDA", "SRB", "ITA", "LBY", "NER", "MLI")}
    assert "CHE" not in counts  # named only by the draft
    assert 'data-category="no-data"' in html and "no record" in html


def test_the_map_of_one_role_counts_that_role_only(client, patterns):
    counts = state_counts(client.get(f"{MAP}?role=transit").content.decode())
    assert counts == {"PAN": 1, "SRB": 1, "NER": 1}
    counts = state_counts(client.get(f"{MAP}?role=origin&crime_type=drug_trafficking").content.decode())
    assert counts == {"COL": 1, "PER": 1}


def test_the_table_by_region_counts_records_by_role(client, patterns):
    html = client.get(MAP).content.decode()
    assert region_row(html, "150") == {"origin": 1, "transit": 1, "destination": 2, "named": 1, "total": 2}
    assert region_row(html, "019") == {"origin": 1, "transit": 1, "destination": 0, "named": 1, "total": 1}
    assert region_row(html, "142") == {"origin": 0, "transit": 0, "destination": 0, "named": 0, "total": 0}


def test_the_secretariat_sees_drafts_on_the_map(client_as, patterns, secretariat):
    assert state_counts(client_as(secretariat).get(MAP).content.decode())["CHE"] == 1


def test_the_map_as_svg_and_json(client, patterns):
    svg = client.get(f"{MAP}.svg")
    assert svg.status_code == 200 and svg["Content-Type"].startswith("image/svg+xml")
    assert svg.content.decode().startswith("<svg")
    body = client.get("/api/knowledge/patterns/map?role=destination").json()
    records = {state["state"]: state["records"] for state in body["states"] if state["records"]}
    assert records == {"ESP": 1, "NLD": 1, "ITA": 1, "MLI": 1}
    europe = next(row for row in body["regions"] if row["m49"] == "150")
    assert europe["destination"] == 2 and europe["label"] == "Europe"
    assert client.get("/api/knowledge/patterns/map?role=nowhere").status_code == 422
    assert client.get(f"{MAP}?role=nowhere").status_code == 400


def years(html: str) -> dict[int, list[int]]:
    table = html[html.index('id="years-table"') :]
    table = table[: table.index("</tbody>")]
    found = {}
    for year, cells in re.findall(r'<tr data-year="(\d+)">(.*?)</tr>', table):
        found[int(year)] = [int(n) for n in re.findall(r"<td[^>]*>(\d+)</td>", cells)]
    return found


def test_the_time_view_counts_records_per_year_by_crime_type(client, patterns):
    response = client.get(YEARS)
    html = response.content.decode()
    assert response.status_code == 200
    header = html[html.index('id="years-table"') : html.index("</thead>", html.index('id="years-table"'))]
    shown = re.findall(r'data-crime-type="(\w+)"', header)
    assert shown == [
        "drug_trafficking",
        "trafficking_in_persons",
        "firearms_trafficking",
        "money_laundering",
        "terrorism",
    ]
    table = years(html)
    assert min(table) == 2012  # the first year observed
    assert table[2012] == [0, 0, 1, 0, 1, 1]  # the Sahel link: firearms and terrorism, one record
    assert table[2016] == [1, 1, 1, 1, 1, 3]
    assert table[2020] == [0, 1, 1, 0, 1, 2]
    assert "<svg" in html[html.index('id="years-chart"') :]  # the chart, beside its figures


def test_the_time_view_takes_the_filters_and_has_a_json_twin(client, patterns):
    table = years(client.get(f"{YEARS}?kind=trend").content.decode())
    assert sorted(table) == list(range(2015, 2020)) and table[2015] == [1, 1, 1]
    body = client.get("/api/knowledge/patterns/years?crime_type=drug_trafficking").json()
    assert [row["year"] for row in body["years"]] == [2015, 2016, 2017, 2018, 2019]
    assert body["years"][0]["counts"] == {"drug_trafficking": 1, "money_laundering": 1}
    assert client.get(f"{YEARS}?year=1492").status_code == 400


def test_with_no_record_the_views_say_so(client, imported_plan):
    assert "No record on file matches these filters." in client.get(YEARS).content.decode()
    assert "No record on file matches these filters." in client.get(MAP).content.decode()
    assert client.get("/api/knowledge/patterns/years").json()["years"] == []
