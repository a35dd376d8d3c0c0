"""World maps as SVG, in plain Python (no Django but `django.utils.translation`, for the legend's words): TopoJSON
boundaries decoded, projected in the Equal Earth projection, drawn once per process; each map then only says which
class each State has.

    base = world()                                   # boundaries projected once (cached)
    svg = render(base, MapSpec(title=..., as_of="31 December 2002", categories=[...],
                                states=[MapState("756", "CHE", "Switzerland", "/reporting/states/CHE", "party")]))

- `decode(topology)`: the features of a TopoJSON object (quantized, delta-encoded arcs), as lists of
  rings of (longitude, latitude).
- `equal_earth(lon, lat)`: Šavrič, Patterson and Jenny (2018), on the unit sphere.
- `world()`: every feature of `data/countries-110m.json` projected and written as SVG path data
  (coordinates rounded to 0.1 px), and a point for each State the boundaries omit
  (`data/small_states.csv`); cached for the process.
- `render(base, spec)`: one `<a><g class=category data-m49=...>` per State (its shape, and a dot
  where the shape is missing or too small to see), a title with the as-of date, a legend with the
  count of each category, the United Nations disclaimer; `role="group"` (its States are links, which an
  image's role would hide from assistive technology) named by the title and described by the description.
  Right to left (`mirrored`, by default when the active language is), the legend and the notes under
  the map start from the right, their text `direction="rtl"` with numbers and codes in left-to-right
  spans (`svgcharts.ltr_runs`); the map itself is never mirrored.
- `value_classes(values, breaks, withheld=...)`: the classes of a choropleth from numbers (an
  indicator's values), "<N" values in a class of their own, never among the numbers.
- `readable_breaks(numbers)`: the breaks of those classes: quantiles rounded to two significant digits.

See data/README.md for the boundaries' source, licence and what they lack.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.svgcharts import ltr_runs, right_to_left

DATA_DIR = Path(__file__).resolve().parent / "data"
BOUNDARIES = DATA_DIR / "countries-110m.json"
SMALL_STATES = DATA_DIR / "small_states.csv"

DISCLAIMER = gettext_lazy(
    "The boundaries and names shown and the designations used on this map do not imply official "
    "endorsement or acceptance by the United Nations."
)
SOURCE_NOTE = gettext_lazy(
    "Boundaries: Natural Earth 1:110m (public domain), world-atlas TopoJSON; dots: States too small to show."
)

# Features of the boundaries that are not States (Taiwan has a code of its own, the others none),
# drawn as part of the State that the United Nations' designations treat them as part of (data/README.md).
PART_OF = {"N. Cyprus": "196", "Somaliland": "706", "Kosovo": "688", "Taiwan": "156"}
# Features with a code that is not a State of the registry (territories) are drawn, unlinked, in grey.

WIDTH = 960.0
MARGIN = 8.0
DOT_RADIUS = 3.0
TOO_SMALL = 3.0  # px: a State whose largest part is narrower and lower than this also gets a dot
NO_DATA = "no-data"

# -- TopoJSON ---------------------------------------------------------------------------------

Ring = list[tuple[float, float]]


@dataclass
class Feature:
    id: str | None
    name: str
    polygons: list[list[Ring]]  # each polygon: its exterior ring, then its holes


def decode_arcs(topology: dict) -> list[Ring]:
    """Every arc as absolute (longitude, latitude), undoing quantization and delta encoding."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for qx, qy in arc:
                x, y = x + qx, y + qy
                points.append((x * kx + dx, y * ky + dy))
        else:
            points = [(float(px), float(py)) for px, py, *_ in arc]
        arcs.append(points)
    return arcs


def _ring(indexes: Sequence[int], arcs: list[Ring]) -> Ring:
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their end point
    return points


def decode(topology: dict, name: str = "countries") -> list[Feature]:
    """The polygons of each geometry of the object `name` (Polygon and MultiPolygon; others skipped)."""
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"][name]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [[_ring(ring, arcs) for ring in polygon] for polygon in polygons]
        code = geometry.get("id")
        features.append(
            Feature(str(code) if code is not None else None, geometry.get("properties", {}).get("name", ""), rings)
        )
    return features


# -- Equal Earth ------------------------------------------------------------------------------

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """(x, y) on the unit sphere for degrees of longitude and latitude (y grows northwards)."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


X_MAX = equal_earth(180, 0)[0]  # 2.7066...
Y_MAX = equal_earth(0, 90)[1]  # 1.3173...
SCALE = (WIDTH - 2 * MARGIN) / (2 * X_MAX)
MAP_HEIGHT = 2 * Y_MAX * SCALE + 2 * MARGIN


def to_px(lon: float, lat: float) -> tuple[float, float]:
    x, y = equal_earth(lon, lat)
    return MARGIN + (x + X_MAX) * SCALE, MARGIN + (Y_MAX - y) * SCALE


# -- the projected world, once per process ----------------------------------------------------


@dataclass
class Shape:
    d: str  # SVG path data
    centre: tuple[float, float]  # of the largest part's box, for a dot
    small: bool  # too small to see: gets a dot too


@dataclass
class World:
    shapes: dict[str, list[Shape]]  # M49 -> the shapes drawn for it (its own and parts, see PART_OF)
    points: dict[str, tuple[float, float]]  # M49 -> a dot's position, for States without a shape
    others: str  # path data of the territories that are not States of the registry (grey, unlinked)
    height: float = MAP_HEIGHT
    width: float = WIDTH


def _split_at_antimeridian(ring: Ring) -> list[Ring]:
    """Pieces of a ring that crosses ±180°, each closed by the map's edge (a straight segment)."""
    pieces: list[Ring] = [[ring[0]]]
    for previous, point in zip(ring, ring[1:], strict=False):
        if abs(point[0] - previous[0]) > 180:
            pieces.append([])
        pieces[-1].append(point)
    if len(pieces) > 1 and ring[0] == ring[-1]:
        pieces[0] = pieces.pop() + pieces[0][1:]  # the last piece continues into the first
    return [piece for piece in pieces if len(piece) > 2]


def _path(rings: Iterable[Ring]) -> tuple[str, tuple[float, float, float, float]]:
    parts = []
    left = top = math.inf
    right = bottom = -math.inf
    for ring in rings:
        for piece in _split_at_antimeridian(ring):
            coords = []
            last = None
            for lon, lat in piece:
                x, y = to_px(lon, lat)
                point = f"{x:.1f},{y:.1f}"
                if point != last:
                    coords.append(point)
                    last = point
                left, right, top, bottom = min(left, x), max(right, x), min(top, y), max(bottom, y)
            if len(coords) > 2:
                parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts), (left, top, right, bottom)


def project(feature: Feature) -> Shape:
    d, _ = _path(ring for polygon in feature.polygons for ring in polygon)
    boxes = [_path(polygon[:1])[1] for polygon in feature.polygons]
    left, top, right, bottom = max(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
    small = (right - left) < TOO_SMALL and (bottom - top) < TOO_SMALL
    return Shape(d, (round((left + right) / 2, 1), round((top + bottom) / 2, 1)), small)


def read_points(path: Path = SMALL_STATES) -> dict[str, tuple[float, float]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["m49"]: tuple(round(v, 1) for v in to_px(float(row["longitude"]), float(row["latitude"])))
            for row in csv.DictReader(handle)
        }  # type: ignore[misc]


def build_world(topology: dict, points: dict[str, tuple[float, float]], state_codes: Iterable[str] = ()) -> World:
    """Shapes keyed by M49 (features named in PART_OF join their State); features whose code is not
    in `state_codes` (when given) become the grey territories."""
    codes = set(state_codes)
    shapes: dict[str, list[Shape]] = {}
    others = []
    for feature in decode(topology):
        code = PART_OF.get(feature.name) or feature.id
        shape = project(feature)
        if code is None or (codes and code not in codes):
            others.append(shape.d)
            continue
        shapes.setdefault(code, []).append(shape)
    return World(shapes, points, "".join(others))


@lru_cache(maxsize=4)
def world(state_codes: frozenset[str] = frozenset()) -> World:
    """The shipped boundaries projected (once per process and set of State codes)."""
    topology = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    return build_world(topology, read_points(), state_codes)


# -- one map ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Category:
    key: str  # also the CSS class
    label: str
    colour: str


@dataclass(frozen=True)
class MapState:
    m49: str
    alpha3: str
    name: str
    href: str
    category: str
    value: str = ""  # the State's value as published ("22.5", "<5"), shown beside its class


@dataclass
class MapSpec:
    title: str
    as_of: str  # shown in the title, e.g. "31 December 2002"
    categories: list[Category]
    states: list[MapState]
    ident: str = "world-map"  # prefix of the ids of title and description
    notes: list[str] = field(default_factory=list)
    day: str = ""  # the as-of date, YYYY-MM-DD (for the JSON twin)

    def counts(self) -> dict[str, int]:
        counts = {category.key: 0 for category in self.categories}
        for state in self.states:
            counts[state.category] = counts.get(state.category, 0) + 1
        return counts

    def label_of(self, key: str) -> str:
        return next((str(c.label) for c in self.categories if c.key == key), key)


def _fmt(value: float) -> str:
    return f"{value:.1f}"


def _state(base: World, state: MapState, label: str) -> tuple[str, bool]:
    """The State's link and group; True when it is drawn with a dot."""
    shapes = base.shapes.get(state.m49, [])
    body = [f'<path d="{shape.d}"/>' for shape in shapes if shape.d]
    dot = base.points.get(state.m49) if not body else None
    if dot is None and shapes and all(shape.small for shape in shapes):
        dot = shapes[0].centre
    if dot is None and not body:
        dot = (MARGIN, MAP_HEIGHT - MARGIN)  # known to the registry, unknown to the data: still shown
    if dot is not None:
        body.append(f'<circle class="dot" cx="{_fmt(dot[0])}" cy="{_fmt(dot[1])}" r="{DOT_RADIUS}"/>')
    name = escape(state.name)
    said = f"{state.value} ({label})" if state.value else label
    if state.value and state.category == WITHHELD:
        said = _("withheld (%(value)s), not a number") % {"value": state.value}
    group = (
        f'<a href="{escape(state.href)}"><g class="{escape(state.category)}" data-m49="{state.m49}" '
        f'data-state="{state.alpha3}"><title>{name}: {escape(said)}</title>{"".join(body)}</g></a>'
    )
    return group, dot is not None


def render(base: World, spec: MapSpec, *, mirrored: bool | None = None) -> str:
    """The SVG of one map: fixed boundaries, the State classes of `spec`; mirrored (by default when the
    active language is right to left), its legend and notes read from the right."""
    rtl = right_to_left(mirrored)
    counts = spec.counts()
    drawn, dotted = [], []
    for state in spec.states:
        group, has_dot = _state(base, state, spec.label_of(state.category))
        (dotted if has_dot else drawn).append(group)  # dots on top
    legend_top = base.height + 6
    legend = []
    for index, category in enumerate(spec.categories):
        x = MARGIN + (index % 3) * 310
        y = legend_top + (index // 3) * 20
        if rtl:  # from the right: the swatch, then the words ending leftwards ("start" of rtl text is its right)
            x = base.width - MARGIN - (index % 3) * 310
            legend.append(
                f'<g class="{escape(category.key)}"><rect x="{_fmt(x - 14)}" y="{_fmt(y)}" width="14" height="14"/>'
                f'<text direction="rtl" text-anchor="start" x="{_fmt(x - 20)}" y="{_fmt(y + 11)}">'
                f"{ltr_runs(f'{category.label}: {counts.get(category.key, 0)}')}</text></g>"
            )
            continue
        legend.append(
            f'<g class="{escape(category.key)}"><rect x="{_fmt(x)}" y="{_fmt(y)}" width="14" height="14"/>'
            f'<text x="{_fmt(x + 20)}" y="{_fmt(y + 11)}">'
            f"{escape(str(category.label))}: {counts.get(category.key, 0)}</text></g>"
        )
    rows = (len(spec.categories) + 2) // 3
    foot = legend_top + rows * 20 + 8
    lines = [DISCLAIMER, SOURCE_NOTE, *spec.notes]
    if rtl:
        footer = "".join(
            f'<text class="note" direction="rtl" text-anchor="start" x="{_fmt(base.width - MARGIN)}" '
            f'y="{_fmt(foot + 14 * i)}">{ltr_runs(str(line))}</text>'
            for i, line in enumerate(lines)
        )
    else:
        footer = "".join(
            f'<text class="note" x="{_fmt(MARGIN)}" y="{_fmt(foot + 14 * i)}">{escape(str(line))}</text>'
            for i, line in enumerate(lines)
        )
    height = foot + 14 * len(lines)
    styles = "".join(f".{c.key} path,.{c.key} circle,.{c.key} rect{{fill:{c.colour}}}" for c in spec.categories)
    title = _("%(title)s, as of %(day)s") % {"title": spec.title, "day": spec.as_of}
    summary = "; ".join(f"{c.label}: {counts.get(c.key, 0)}" for c in spec.categories)
    ident = escape(spec.ident)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="world-map" viewBox="0 0 {_fmt(base.width)} {_fmt(height)}" '
        f'role="group" aria-labelledby="{ident}-title" aria-describedby="{ident}-desc" '
        'font-family="sans-serif" font-size="12">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(summary)}. {escape(str(DISCLAIMER))}</desc>'
        "<style>path{stroke:#fff;stroke-width:.4;fill-rule:evenodd}circle{stroke:#fff;stroke-width:.6}"
        ".others path{fill:#e4e4e4}.note{font-size:10px;fill:#444}a:focus path,a:hover path{stroke:#000;stroke-width:1}"
        f"{styles}</style>"
        f'<rect class="sea" width="{_fmt(base.width)}" height="{_fmt(base.height)}" fill="#f4f8fb"/>'
        f'<g class="others" aria-hidden="true"><path d="{base.others}"/></g>'
        f'<g class="states">{"".join(drawn)}{"".join(dotted)}</g>'
        f'<g class="legend">{"".join(legend)}</g>{footer}</svg>'
    )


# -- choropleths ------------------------------------------------------------------------------

SEQUENTIAL = ("#deebf7", "#9ecae1", "#4292c6", "#08519c", "#08306b")
WITHHELD = "withheld"
WITHHELD_COLOUR = "#f3d9a4"
NO_DATA_COLOUR = "#cfcfcf"


def withheld_label(ceilings: Iterable[int]) -> str:
    """'withheld (<5)'; 'withheld (<3 or <5)' when publishers withheld below different numbers."""
    found = sorted(set(ceilings))
    return _("withheld (%(below)s)") % {"below": _(" or ").join(f"<{n}" for n in found) or "<N"}


def value_classes(
    values: dict[str, float | None],
    breaks: Sequence[float],
    unit: str = "",
    colours: Sequence[str] = SEQUENTIAL,
    withheld: dict[str, int] | None = None,
) -> tuple[list[Category], dict[str, str]]:
    """Categories of a choropleth (one per interval between `breaks`, then "withheld" when any, then
    "no data") and each key's class: below breaks[0] is class 0, [breaks[i-1], breaks[i]) class i, at
    or above the last break the last class. `withheld` (key -> N of a "<N") puts those keys in the
    class "withheld (<N)" whatever `values` says: a withheld count is not a number."""
    bounds = list(breaks)
    if len(bounds) + 1 > len(colours):
        raise ValueError(f"{len(bounds) + 1} classes but only {len(colours)} colours")
    suffix = f" {unit}" if unit else ""
    labels = [_("under %(high)s") % {"high": f"{_number(bounds[0])}{suffix}"}] if bounds else [_("all values")]
    labels += [
        _("%(low)s to under %(high)s") % {"low": _number(low), "high": f"{_number(high)}{suffix}"}
        for low, high in zip(bounds, bounds[1:], strict=False)
    ]
    if bounds:
        labels.append(_("%(low)s or more") % {"low": f"{_number(bounds[-1])}{suffix}"})
    categories = [Category(f"class-{i}", label, colours[i]) for i, label in enumerate(labels)]
    withheld = withheld or {}
    if withheld:
        categories.append(Category(WITHHELD, withheld_label(withheld.values()), WITHHELD_COLOUR))
    categories.append(Category(NO_DATA, _("no data"), NO_DATA_COLOUR))
    classes = {}
    for key, value in values.items():
        if key in withheld:
            classes[key] = WITHHELD
        elif value is None or (isinstance(value, float) and math.isnan(value)):
            classes[key] = NO_DATA
        else:
            classes[key] = f"class-{sum(1 for bound in bounds if value >= bound)}"
    for key in withheld:
        classes[key] = WITHHELD
    return categories, classes


def _number(value: float) -> str:
    """12000 -> '12,000'; 0.35 -> '0.35'; -1.5 -> '-1.5' (no exponent)."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def readable(value: float, digits: int = 2) -> float:
    """`value` rounded to `digits` significant digits: 38030.9 -> 38000, 0.3712 -> 0.37."""
    if value == 0 or not math.isfinite(value):
        return value
    places = digits - 1 - math.floor(math.log10(abs(value)))
    rounded = round(value, places)
    return float(int(rounded)) if places <= 0 else rounded


def readable_breaks(numbers: Iterable[float], classes: int = len(SEQUENTIAL)) -> list[float]:
    """At most `classes` - 1 breaks splitting `numbers` into classes of about equal size (quantiles),
    each rounded to two significant digits; a break that would leave a class empty is dropped, so
    few distinct numbers give fewer classes (one number, or none: no break, one class)."""
    ordered = sorted(float(n) for n in numbers)
    if len(ordered) < 2 or ordered[0] == ordered[-1]:
        return []
    breaks: list[float] = []
    for i in range(1, classes):
        position = (len(ordered) - 1) * i / classes
        low = ordered[math.floor(position)]
        high = ordered[math.ceil(position)]
        cut = readable(low + (high - low) * (position - math.floor(position)))
        floor = breaks[-1] if breaks else -math.inf
        if cut <= ordered[-1] and any(floor <= n < cut for n in ordered):  # the class below the cut has numbers
            breaks.append(cut)
    return breaks
