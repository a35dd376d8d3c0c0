"""The indicator catalogue as plain data: what an indicator is and which values it may take. Of Django
only `django.utils.translation` (the kinds' words and the value problems are shown to people).

    spec = IndicatorSpec(code="tip_persons_convicted", kind="count", dimensions={"sex": ("female", "male")}, ...)
    spec.value_problem(Decimal("-3"))   -> "a count cannot be negative"
    read_catalogue(text)                -> Catalogue(dimensions, indicators)   (CatalogueError lists every fault)

The shipped catalogue is `data/catalogue.json`, written to the database after every migrate
(`store.load_catalogue`); the secretariat may add indicators of its own in the admin. Each
indicator names the plan provisions it measures by citation ("35(a)", "47"): a citation, not a
row of one plan version, so the link survives a new version of the plan; `provision_path`
turns it into the plan's URL path ("35/a") to look it up in the current version.

`kind` says which values are possible: a count is never negative (not always whole: UNODC
publishes yearly averages of persons held, such as 38030.9); a rate or an
amount is never negative; a percentage lies between 0 and 100; a score lies between the
indicator's `minimum` and `maximum` where it states them. `aliases` are other codes a data file
may use for the indicator with a fixed disaggregation (GLOTIP's `tip_victims_female` is
`tip_victims_detected` for sex = female).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DATA_DIR = Path(__file__).resolve().parent / "data"
CATALOGUE_FILE = DATA_DIR / "catalogue.json"
CATALOGUE_FORMAT = "viennaplan-indicator-catalogue"

COUNT, RATE, PERCENTAGE, SCORE, AMOUNT = "count", "rate", "percentage", "score", "amount"
KINDS = {
    COUNT: gettext_lazy("a count (never negative)"),
    RATE: gettext_lazy("a rate (never negative)"),
    PERCENTAGE: gettext_lazy("a percentage (0 to 100)"),
    SCORE: gettext_lazy("a score (within the indicator's bounds, where it states them)"),
    AMOUNT: gettext_lazy("an amount of money (never negative)"),
}
# Why a negative value is impossible, by kind (whole sentences: no kind's words glued into one).
NEGATIVE_PROBLEMS = {
    COUNT: gettext_lazy("a count cannot be negative"),
    RATE: gettext_lazy("a rate cannot be negative"),
    PERCENTAGE: gettext_lazy("a percentage cannot be negative"),
    AMOUNT: gettext_lazy("an amount of money cannot be negative"),
}
CHAPTERS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
CODE = re.compile(r"^[a-z][a-z0-9_]{1,59}$")
CITATION = re.compile(r"^(\d{1,3})((?:\([a-z]{1,4}\))*)$")

Disaggregation = tuple[tuple[str, str], ...]  # ((dimension, value), ...) sorted by dimension; () is the total


class CatalogueError(ValueError):
    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("; ".join(errors))


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    kind: str
    unit: str = ""
    definition: str = ""
    source: str = ""
    chapter: str = ""
    measures: tuple[str, ...] = ()
    dimensions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: dict[str, Disaggregation] = field(default_factory=dict)
    minimum: Decimal | None = None
    maximum: Decimal | None = None

    def value_problem(self, value: Decimal) -> str | None:
        """Why `value` is impossible for this indicator, or None."""
        if self.kind in NEGATIVE_PROBLEMS and value < 0:
            return str(NEGATIVE_PROBLEMS[self.kind])
        if self.kind == PERCENTAGE and value > 100:
            return _("a percentage cannot be over 100")
        if self.minimum is not None and value < self.minimum:
            return _("below the indicator's minimum %(minimum)s") % {"minimum": self.minimum}
        if self.maximum is not None and value > self.maximum:
            return _("above the indicator's maximum %(maximum)s") % {"maximum": self.maximum}
        return None

    def may_be_suppressed(self) -> bool:
        """A count may be published as "<5" (a small count withheld)."""
        return self.kind == COUNT


@dataclass
class Catalogue:
    dimensions: dict[str, str]  # dimension -> label
    indicators: list[IndicatorSpec]


def disaggregation_key(disaggregation: Disaggregation | dict[str, str]) -> str:
    """'age_group=child;sex=female' (sorted), '' for the total: what makes two disaggregations the same."""
    items = sorted(disaggregation.items() if isinstance(disaggregation, dict) else disaggregation)
    return ";".join(f"{name}={value}" for name, value in items)


def provision_path(citation: str) -> str | None:
    """'35(a)(ii)' -> '35/a/ii' (the plan's URL path); None when it is not a citation."""
    match = CITATION.match(citation.strip())
    if not match:
        return None
    return "/".join([match[1], *re.findall(r"\(([a-z]+)\)", match[2])])


def read_catalogue(text: str) -> Catalogue:
    """The catalogue of a JSON text; CatalogueError lists every fault, each with the indicator's place."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise CatalogueError([f"not valid JSON ({error.msg}, line {error.lineno})"]) from None
    if not isinstance(document, dict) or document.get("format") != CATALOGUE_FORMAT:
        raise CatalogueError([f'not an indicator catalogue (expected "format": "{CATALOGUE_FORMAT}")'])
    dimensions = document.get("dimensions") or {}
    errors: list[str] = []
    indicators: list[IndicatorSpec] = []
    seen: set[str] = set()
    for number, item in enumerate(document.get("indicators") or [], start=1):
        where = f"indicator {number} ({item.get('code', '?') if isinstance(item, dict) else '?'})"
        spec = _spec(item, dimensions, errors, where)
        if spec is not None:
            for code in (spec.code, *spec.aliases):
                if code in seen:
                    errors.append(f"{where}: code {code} is used twice")
                seen.add(code)
            indicators.append(spec)
    if not indicators and not errors:
        errors.append("the catalogue lists no indicators")
    if errors:
        raise CatalogueError(errors)
    return Catalogue(dimensions=dict(dimensions), indicators=indicators)


def load_shipped_catalogue() -> Catalogue:
    return read_catalogue(CATALOGUE_FILE.read_text(encoding="utf-8"))


def _spec(item: Any, dimensions: dict[str, str], errors: list[str], where: str) -> IndicatorSpec | None:
    if not isinstance(item, dict):
        errors.append(f"{where}: must be an object")
        return None
    before = len(errors)
    code = str(item.get("code", ""))
    if not CODE.match(code):
        errors.append(f"{where}: code must be lower-case letters, digits and _ (2-60 characters)")
    if not str(item.get("name", "")).strip():
        errors.append(f"{where}: name is empty")
    kind = item.get("kind")
    if kind not in KINDS:
        errors.append(f"{where}: kind must be one of {', '.join(KINDS)}")
    if item.get("chapter") not in CHAPTERS:
        errors.append(f"{where}: chapter must be one of {', '.join(CHAPTERS)}")
    measures = tuple(item.get("measures") or ())
    for citation in measures:
        if provision_path(str(citation)) is None:
            errors.append(f"{where}: {citation!r} is not a citation of the plan such as 35(a)")
    dims = {name: tuple(values) for name, values in (item.get("dimensions") or {}).items()}
    for name in dims:
        if name not in dimensions:
            errors.append(f"{where}: unknown dimension {name!r}; known: {', '.join(dimensions)}")
    aliases: dict[str, Disaggregation] = {}
    for alias in item.get("aliases") or ():
        fixed = dict(alias.get("disaggregation") or {})
        for name, value in fixed.items():
            if value not in dims.get(name, ()):
                errors.append(f"{where}: alias {alias.get('code')}: {name}={value} is not among the indicator's values")
        aliases[str(alias.get("code"))] = tuple(sorted(fixed.items()))
    bounds = {}
    for name in ("minimum", "maximum"):
        bounds[name] = Decimal(str(item[name])) if item.get(name) is not None else None
    if len(errors) > before:
        return None
    return IndicatorSpec(
        code=code,
        name=str(item["name"]).strip(),
        kind=kind,
        unit=str(item.get("unit", "")),
        definition=str(item.get("definition", "")),
        source=str(item.get("source", "")),
        chapter=item["chapter"],
        measures=measures,
        dimensions=dims,
        aliases=aliases,
        **bounds,
    )
