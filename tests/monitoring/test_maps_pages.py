"""World-map pages, SVG downloads and JSON twins: every State of the registry once, with the class
of its status; UNTOC as of 31 December 2002; the reporting map shows the public what the
reporting status page shows them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.utils import timezone

from viennaplan.countries import registry
from viennaplan.monitoring import map_data, maps
from viennaplan.monitoring.queries import reporting_status
from viennaplan.treaties.importer import import_status_list

SMALL = Path(__file__).parents[1] / "treaties" / "data" / "synthetic_small.csv"  # SYNTHETIC dates


@pytest.fixture
def imported(db):
    import_status_list(SMALL.read_bytes(), source_name=SMALL.name)


def groups_of(svg: str) -> dict[str, tuple[str, str]]:
    """alpha-3 -> (class, M49) of each State's group in the SVG."""
    found = re.findall(r'<g class="([\w-]+)" data-m49="(\d*)" data-state="(\w+)">', svg)
    assert len(found) == len({a3 for _, _, a3 in found}), "a State drawn twice"
    return {a3: (css, m49) for css, m49, a3 in found}


def test_every_state_of_the_registry_is_on_the_map_once_as_a_shape_or_a_dot(imported):
    states = registry.states()
    assert len(states) == 197
    svg = map_data.as_svg(map_data.treaty_map("UNTOC", date(2002, 12, 31)))
    groups = groups_of(svg)
    assert set(groups) == {info.alpha3 for info in states}
    codes = registry.m49_codes()
    assert all(groups[a3][1] == codes[a3] for a3 in groups)
    for alpha3 in groups:
        body = re.search(rf'data-state="{alpha3}">(.*?)</g></a>', svg).group(1)
        assert "<path" in body or "<circle" in body, alpha3
    for alpha3 in ("COK", "NIU", "VAT", "PSE", "MCO", "TUV"):
        assert alpha3 in groups


def test_untoc_as_of_31_december_2002_shows_who_had_deposited_and_who_had_signed(imported, client):
    spec = map_data.treaty_map("UNTOC", date(2002, 12, 31))
    groups = groups_of(map_data.as_svg(spec))
    # SYNTHETIC list: France deposited on 29 Oct 2002 (the Convention entered into force in 2003),
    # Switzerland and Turkey had signed and ratified later.
    assert groups["FRA"][0] == "deposited"
    assert groups["CHE"][0] == "signatory" and groups["TUR"][0] == "signatory"
    assert groups["BRA"][0] == "none"
    later = groups_of(map_data.as_svg(map_data.treaty_map("UNTOC", date(2007, 1, 1))))
    assert later["FRA"][0] == "party" and later["CHE"][0] == "party"


def test_the_treaty_map_page_has_legend_table_data_table_download_and_twin(imported, client):
    response = client.get("/treaties/UNTOC/map?as_of=2002-12-31")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="world-map"' in html and "as of 31 December 2002" in html
    assert str(maps.DISCLAIMER) in html
    assert 'data-state="FRA" data-category="deposited"' in html  # the text alternative
    svg_part = html[html.index("<svg") : html.index("</svg>")]
    legend = dict(re.findall(r"<text[^>]*>([^<:]+): (\d+)</text>", svg_part))
    shapes = groups_of(svg_part)
    for category in map_data.TREATY_CATEGORIES:
        assert int(legend[category.label]) == sum(1 for css, _ in shapes.values() if css == category.key)
    assert "/treaties/UNTOC/map.svg?as_of=2002-12-31" in html
    assert "/api/maps/treaties/UNTOC?as_of=2002-12-31" in html

    download = client.get("/treaties/UNTOC/map.svg?as_of=2002-12-31")
    assert download["Content-Type"].startswith("image/svg+xml")
    assert groups_of(download.content.decode()) == shapes

    twin = client.get("/api/maps/treaties/untoc?as_of=2002-12-31").json()
    assert twin["as_of"] == "2002-12-31" and twin["disclaimer"] == maps.DISCLAIMER
    assert {s["state"]: s["category"] for s in twin["states"]} == {a3: css for a3, (css, _) in shapes.items()}
    assert {c["key"]: c["count"] for c in twin["categories"]}["deposited"] == 1


def test_treaty_map_refusals(db, client):
    assert client.get("/treaties/NOPE/map").status_code == 404
    assert client.get("/treaties/UNTOC/map?as_of=31.12.2002").status_code == 400
    assert client.get("/api/maps/treaties/NOPE").status_code == 404
    assert client.post("/treaties/UNTOC/map").status_code == 405


def test_the_reporting_map_shows_the_public_only_what_the_status_page_shows_them(sample, anonymous, client):
    cycle, _ = sample
    public = {
        line.state.alpha3: line.status
        for group in reporting_status(anonymous, cycle, "region", timezone.localdate())
        for line in group.lines
    }
    response = client.get(f"/reporting/status/map?cycle={cycle.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    svg_part = html[html.index("<svg") : html.index("</svg>")]
    groups = groups_of(svg_part)
    assert {a3: css for a3, (css, _) in groups.items()} == public
    assert groups["JPN"][0] == "received" and groups["FRA"][0] == "not_submitted"  # submitted, draft: hidden
    assert ">Submitted" not in svg_part and ">Draft" not in svg_part and ">Validated" not in svg_part
    twin = client.get(f"/api/maps/reporting?cycle={cycle.pk}").json()
    assert {s["state"]: s["category"] for s in twin["states"]} == public
    download = client.get(f"/reporting/status/map.svg?cycle={cycle.pk}")
    assert {a3: css for a3, (css, _) in groups_of(download.content.decode()).items()} == public


def test_the_secretariat_sees_each_reports_exact_status_on_the_map(sample, secretariat, client):
    cycle, _ = sample
    client.force_login(secretariat)
    twin = client.get(f"/api/maps/reporting?cycle={cycle.pk}").json()
    categories = {s["state"]: s["category"] for s in twin["states"]}
    assert categories["JPN"] == "submitted" and categories["DEU"] == "validated"


def test_a_value_map_is_one_call(db):
    spec = map_data.value_map("Homicide rate", date(2005, 12, 31), {"CHE": 0.6, "BRA": 22.0, "FRA": None}, [1, 10])
    groups = groups_of(map_data.as_svg(spec))
    assert (groups["CHE"][0], groups["BRA"][0], groups["FRA"][0], groups["JPN"][0]) == (
        "class-0",
        "class-2",
        "no-data",
        "no-data",
    )


def test_the_instrument_page_and_the_status_page_link_to_their_maps(imported, sample, client):
    cycle, _ = sample
    page = client.get("/treaties/UNTOC?as_of=2002-12-31").content.decode()
    assert 'href="/treaties/UNTOC/map?as_of=2002-12-31"' in page
    assert client.get("/treaties/UNTOC/map?as_of=2002-12-31").status_code == 200
    status = client.get(f"/reporting/status?cycle={cycle.pk}").content.decode()
    assert f'href="/reporting/status/map?cycle={cycle.pk}"' in status


def test_without_a_cycle_the_reporting_map_page_says_so_and_the_svg_is_not_found(db, client):
    page = client.get("/reporting/status/map")
    assert page.status_code == 200 and "No reporting cycle has been opened yet" in page.content.decode()
    svg = client.get("/reporting/status/map.svg")
    assert svg.status_code == 404 and "No reporting cycle has been opened yet" in svg.content.decode()
