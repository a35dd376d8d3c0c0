"""World maps in plain Python: TopoJSON decoding, the Equal Earth projection, the SVG of a map
(one shape or dot per State with its class, legend counts, disclaimer) and choropleth classes."""

from __future__ import annotations

import math
import re

import pytest

from viennaplan.monitoring import maps
from viennaplan.monitoring.maps import Category, MapSpec, MapState

# A tiny hand-made topology: two squares sharing one edge, quantized with scale 1 and translate (10, 20).
#   arc 0: (0,0) -> (0,2)             the shared edge
#   arc 1: (0,2) -> (-2,2) -> (-2,0) -> (0,0)    the rest of the west square
#   arc 2: (0,0) -> (2,0) -> (2,2) -> (0,2)      the rest of the east square
TINY = {
    "type": "Topology",
    "transform": {"scale": [1, 1], "translate": [10, 20]},
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "id": "001", "properties": {"name": "West"}},
                {"type": "MultiPolygon", "arcs": [[[~0, 2]]], "id": "002", "properties": {"name": "East"}},
                {"type": "Point", "coordinates": [0, 0]},
            ],
        }
    },
    "arcs": [
        [[10, 10], [0, 2]],
        [[10, 12], [-2, 0], [0, -2], [2, 0]],
        [[10, 10], [2, 0], [0, 2], [-2, 0]],
    ],
}


def test_topojson_arcs_are_dequantized_and_delta_decoded():
    arcs = maps.decode_arcs(TINY)
    assert arcs[0] == [(20, 30), (20, 32)]
    assert arcs[1] == [(20, 32), (18, 32), (18, 30), (20, 30)]


def test_topojson_rings_stitch_arcs_and_reverse_negative_ones():
    west, east = maps.decode(TINY)  # the Point is skipped
    assert (west.id, west.name) == ("001", "West")
    assert west.polygons == [[[(20, 30), (20, 32), (18, 32), (18, 30), (20, 30)]]]
    assert east.id == "002"  # ~0 = arc 0 backwards, then arc 2 (their shared point once)
    assert east.polygons == [[[(20, 32), (20, 30), (22, 30), (22, 32), (20, 32)]]]


def test_the_shipped_boundaries_decode_into_closed_rings_keyed_by_m49():
    import json

    topology = json.loads(maps.BOUNDARIES.read_text(encoding="utf-8"))
    features = maps.decode(topology)
    assert len(features) == 176
    assert {"756", "040", "156", "643"} <= {f.id for f in features}
    for feature in features:
        for polygon in feature.polygons:
            for ring in polygon:
                assert ring[0] == ring[-1], feature.name


# -- Equal Earth ------------------------------------------------------------------------------


def test_equal_earth_maps_the_origin_to_the_origin_and_is_symmetric():
    assert maps.equal_earth(0, 0) == (0.0, 0.0)
    for lon, lat in [(30, 40), (120, -15), (179, 80)]:
        x, y = maps.equal_earth(lon, lat)
        assert maps.equal_earth(-lon, lat) == pytest.approx((-x, y))
        assert maps.equal_earth(lon, -lat) == pytest.approx((x, -y))


def test_equal_earth_known_values():
    # hand-computed from the paper's formula: on the equator θ = 0, so x = 2√3·λ / (3·A1), y = 0;
    # at the pole θ = π/3 and y = A1θ + A2θ³ + A3θ⁷ + A4θ⁹ = 1.3173627…
    assert maps.equal_earth(180, 0) == pytest.approx((2 * math.sqrt(3) * math.pi / (3 * 1.340264), 0))
    assert maps.equal_earth(180, 0)[0] == pytest.approx(2.7066299837)
    assert maps.equal_earth(0, 90) == pytest.approx((0, 1.3173627592))
    assert maps.equal_earth(90, 45) == pytest.approx((1.1598545, 0.8602311), abs=1e-6)  # computed once by hand


def test_equal_earth_is_monotonic_along_parallels_and_meridians():
    xs = [maps.equal_earth(lon, 35)[0] for lon in range(-180, 181, 5)]
    ys = [maps.equal_earth(60, lat)[1] for lat in range(-90, 91, 5)]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert ys == sorted(ys) and len(set(ys)) == len(ys)


def test_equal_earth_preserves_area():
    """The Jacobian of an equal-area projection of the unit sphere is cos φ everywhere."""
    h = 1e-6
    for lon, lat in [(0, 0), (45, 30), (-120, 60), (170, -75)]:
        (x1, y1), (x2, y2) = maps.equal_earth(lon + h, lat), maps.equal_earth(lon - h, lat)
        (x3, y3), (x4, y4) = maps.equal_earth(lon, lat + h), maps.equal_earth(lon, lat - h)
        d = math.radians(2 * h)
        jacobian = ((x1 - x2) * (y3 - y4) - (x3 - x4) * (y1 - y2)) / (d * d)
        assert jacobian == pytest.approx(math.cos(math.radians(lat)), rel=1e-5)


# -- the SVG of a map -------------------------------------------------------------------------

CATEGORIES = [Category("party", "Party", "#1b6aa5"), Category("none", "Neither", "#ddd")]


def sample_states() -> list[MapState]:
    """Switzerland and France (shapes), Monaco and Niue (dots: not in the boundaries), Luxembourg
    (a shape too small to see, so a dot too), and a State the data does not know (code 999)."""
    rows = [("756", "CHE", "Switzerland", "party"), ("250", "FRA", "France", "none"), ("492", "MCO", "Monaco", "party")]
    rows += [("570", "NIU", "Niue", "none"), ("442", "LUX", "Luxembourg", "party"), ("999", "XXX", "Nowhere", "none")]
    return [MapState(m49, a3, name, f"/reporting/states/{a3}", cat) for m49, a3, name, cat in rows]


@pytest.fixture(scope="module")
def svg() -> str:
    spec = MapSpec("UNTOC & Protocols <test>", "31 December 2002", CATEGORIES, sample_states())
    return maps.render(maps.world(frozenset({"756", "250", "492", "570", "442", "999"})), spec)


def test_each_state_is_one_linked_group_with_its_class_m49_and_title(svg):
    groups = re.findall(r'<a href="/reporting/states/(\w+)"><g class="(\w+)" data-m49="(\d+)" data-state="\w+">', svg)
    assert sorted(groups) == sorted(
        [("CHE", "party", "756"), ("FRA", "none", "250"), ("MCO", "party", "492")]
        + [("NIU", "none", "570"), ("LUX", "party", "442"), ("XXX", "none", "999")]
    )
    assert "<title>Switzerland: Party</title>" in svg


def test_states_the_boundaries_omit_or_make_too_small_are_dots(svg):
    def group(alpha3: str) -> str:
        return re.search(rf'data-state="{alpha3}">(.*?)</g></a>', svg).group(1)

    assert "<circle" in group("MCO") and "<path" not in group("MCO")
    assert "<circle" in group("NIU")
    assert "<circle" in group("LUX") and "<path" in group("LUX")
    assert "<circle" not in group("CHE") and "<path" in group("CHE")
    assert "<circle" in group("XXX")  # unknown to the boundaries, still on the map


def test_coordinates_are_rounded_to_a_tenth_of_a_pixel(svg):
    numbers = re.findall(r"-?\d+\.\d+", re.search(r'data-state="CHE">.*?<path d="([^"]+)"', svg).group(1))
    assert numbers and all(len(n.split(".")[1]) == 1 for n in numbers)


def test_legend_counts_equal_the_states_per_class(svg):
    assert re.findall(r"<text[^>]*>(Party|Neither): (\d+)</text>", svg) == [("Party", "3"), ("Neither", "3")]
    assert len(re.findall(r'<g class="party" data-m49', svg)) == 3


def test_title_disclaimer_and_accessibility(svg):
    assert svg.startswith("<svg") and 'role="group"' in svg  # a group of links, not an image: see maps.py
    assert 'aria-labelledby="world-map-title" aria-describedby="world-map-desc"' in svg
    assert '<title id="world-map-title">UNTOC &amp; Protocols &lt;test&gt;, as of 31 December 2002</title>' in svg
    assert str(maps.DISCLAIMER) in svg
    assert maps.DISCLAIMER == (
        "The boundaries and names shown and the designations used on this map do not imply official "
        "endorsement or acceptance by the United Nations."
    )


def test_features_not_states_are_grey_and_unlinked(svg):
    others = re.search(r'<g class="others" aria-hidden="true"><path d="([^"]*)"/></g>', svg).group(1)
    assert others.count("M") > 100  # every other country and territory of the boundaries


def test_the_projected_world_is_built_once_per_process():
    codes = frozenset({"756"})
    assert maps.world(codes) is maps.world(codes)


def test_a_ring_across_the_antimeridian_is_split():
    ring = [(179, -16), (179.5, -17), (180, -17), (-180, -17), (-179.5, -17), (-179, -16), (-180, -15.5), (180, -15.5)]
    pieces = maps._split_at_antimeridian([*ring, ring[0]])
    assert pieces == [[(180, -15.5), (179, -16), (179.5, -17), (180, -17)], ring[3:7]]


# -- choropleth classes -----------------------------------------------------------------------


def test_value_classes_put_each_value_in_its_interval_and_missing_in_no_data():
    categories, classes = maps.value_classes({"A": 0.5, "B": 1, "C": 4.9, "D": 5, "E": None}, [1, 5], "per 100,000")
    assert [c.label for c in categories] == [
        "under 1 per 100,000",
        "1 to under 5 per 100,000",
        "5 per 100,000 or more",
        "no data",
    ]
    assert classes == {"A": "class-0", "B": "class-1", "C": "class-1", "D": "class-2", "E": "no-data"}


def test_features_without_a_state_code_join_the_state_the_un_designations_name():
    base = maps.world(frozenset({"156", "688", "196", "706"}))
    assert {code: len(base.shapes[code]) for code in ("156", "688", "196", "706")} == {
        "156": 2,  # China and Taiwan
        "688": 2,  # Serbia and Kosovo
        "196": 2,  # Cyprus and N. Cyprus
        "706": 2,  # Somalia and Somaliland
    }
