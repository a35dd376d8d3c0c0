"""Reading the catalogue and the observations for the pages and the JSON API (the Django side).

    catalogue_chapters()                      the catalogue by chapter of the plan, with each indicator's coverage
    indicator_or_404(code)                    an Indicator (codes are case-insensitive); Http404 naming the catalogue
    page_filters(indicator, params)           the filters of a page's query string (BadFilter says why not)
    observation_rows(indicator, filters)      tables.Row of every observation the filters select
    provisions_measured(indicator)            each citation and whether the current plan has it
    indicator_sources(indicator)              each source of its values, with the shipped README's facts

The pages and the API read through these, so a page and its JSON twin show the same rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, Min
from django.http import Http404
from django.utils.translation import gettext

from viennaplan.countries.registry import StateInfo, group_names
from viennaplan.plan.models import Chapter, PlanVersion, Provision

from .catalogue import CHAPTERS, load_shipped_catalogue, provision_path
from .models import Indicator, Observation
from .sources import FileFacts, shipped_file_facts
from .tables import ALL, Filters, Row, check_filters, disaggregation_label, parse_year

ROW_FIELDS = (
    "state_id", "year", "published", "suppressed_below", "disaggregation_key", "source", "note",
    "estimate", "provisional", "break_in_series",
)  # fmt: skip


@dataclass(frozen=True)
class Coverage:
    states: int = 0
    years: int = 0
    first: int | None = None
    last: int | None = None
    values: int = 0


@dataclass
class CatalogueEntry:
    indicator: Indicator
    coverage: Coverage
    provisions: list[ProvisionLink]


@dataclass
class ChapterEntry:
    number: str
    title: str
    entries: list[CatalogueEntry] = field(default_factory=list)


@dataclass(frozen=True)
class ProvisionLink:
    citation: str
    path: str | None  # "35/a"; None for a citation that is none
    found: bool  # the current plan has it
    url: str


@dataclass(frozen=True)
class SourceLine:
    source: str
    file: str  # the imported file's name ("" when unknown)
    values: int
    facts: FileFacts | None  # the shipped README's line for the file


def indicator_or_404(code: str) -> Indicator:
    indicator = Indicator.objects.filter(code=code.strip().lower()).first()
    if indicator is None:
        raise Http404(
            gettext("There is no indicator %(code)s; the catalogue at /indicators/ lists them.") % {"code": repr(code)}
        )
    return indicator


def coverage() -> dict[int, Coverage]:
    """indicator id -> how many States and years have values, and which years, in one grouped query."""
    rows = Observation.objects.values("indicator_id").annotate(
        states=Count("state", distinct=True),
        years=Count("year", distinct=True),
        first=Min("year"),
        last=Max("year"),
        values=Count("id"),
    )
    return {row.pop("indicator_id"): Coverage(**row) for row in rows}


def current_provisions() -> tuple[PlanVersion | None, set[str]]:
    """The current plan version and the paths of its provisions (empty without a plan)."""
    version = PlanVersion.current()
    if version is None:
        return None, set()
    return version, set(Provision.objects.filter(version=version).values_list("path", flat=True))


def links(citations: list[str], paths: set[str]) -> list[ProvisionLink]:
    found = []
    for citation in citations:
        path = provision_path(citation)
        found.append(ProvisionLink(citation, path, path in paths, f"/plan/{path}" if path else ""))
    return found


def provisions_measured(indicator: Indicator) -> list[ProvisionLink]:
    return links(list(indicator.measures or ()), current_provisions()[1])


def catalogue_chapters() -> list[ChapterEntry]:
    """Every indicator by chapter of the plan (the current version's titles), in catalogue order."""
    version, paths = current_provisions()
    titles = dict(Chapter.objects.filter(version=version).values_list("number", "title")) if version else {}
    counts = coverage()
    chapters: dict[str, ChapterEntry] = {}
    for indicator in Indicator.objects.all():
        number = indicator.chapter
        chapter = chapters.setdefault(number, ChapterEntry(number, titles.get(number, "")))
        entry = CatalogueEntry(indicator, counts.get(indicator.pk, Coverage()), links(indicator.measures or [], paths))
        chapter.entries.append(entry)
    order = {number: position for position, number in enumerate(CHAPTERS)}
    return sorted(chapters.values(), key=lambda chapter: (order.get(chapter.number, 99), chapter.number))


def dimension_labels() -> dict[str, str]:
    return load_shipped_catalogue().dimensions


def disaggregations_on_file(indicator: Indicator) -> list[tuple[str, str]]:
    """(key, label) of each disaggregation with values, the total first."""
    keys = Observation.objects.filter(indicator=indicator).values_list("disaggregation_key", flat=True).distinct()
    labels = dimension_labels()
    return [(key, disaggregation_label(key, labels)) for key in sorted(set(keys), key=lambda key: (key != "", key))]


# the last directory's choices: the registry's directory of a language is one shared object, so its
# 2,000 entries need not be read at every request (0.5 ms); the groups' names are lazy (the reader's language)
_last_choices: tuple[Mapping[str, StateInfo], dict[str, Any]] | None = None


def filter_choices(directory: Mapping[str, StateInfo]) -> dict[str, Any]:
    """The regions, subregions and groups a list may be filtered by. What is given is shared: never change it."""
    global _last_choices
    last = _last_choices
    if last is not None and last[0] is directory:
        return last[1]
    regions = sorted({info.region for info in directory.values() if info.region})
    subregions = sorted({info.subregion for info in directory.values() if info.subregion} - set(regions))
    choices = {"regions": regions, "subregions": subregions, "groups": list(group_names().items())}
    _last_choices = (directory, choices)
    return choices


def checked_filters(indicator: Indicator, directory: Mapping[str, StateInfo], **given: Any) -> Filters:
    """The filters checked against the registry and the indicator's dimensions (BadFilter)."""
    choices = filter_choices(directory)
    return check_filters(
        **given,
        regions=[*choices["regions"], *choices["subregions"]],
        groups=[code for code, _ in choices["groups"]],
        states=directory,
        dimensions=indicator.dimensions or {},
    )


def page_filters(indicator: Indicator, params: Mapping[str, str], directory: Mapping[str, StateInfo]) -> Filters:
    """The filters of a page's query string (BadFilter names the bad one)."""
    return checked_filters(
        indicator,
        directory,
        year_from=parse_year("year_from", params.get("year_from")),
        year_to=parse_year("year_to", params.get("year_to")),
        **{name: params.get(name, "") for name in ("region", "group", "state", "disaggregation")},
    )


def observation_rows(indicator: Indicator, filters: Filters, directory: Mapping[str, StateInfo]) -> list[Row]:
    """The observations the filters select, by State, year and disaggregation."""
    query = Observation.objects.filter(indicator=indicator)
    if filters.year_from is not None:
        query = query.filter(year__gte=filters.year_from)
    if filters.year_to is not None:
        query = query.filter(year__lte=filters.year_to)
    if filters.disaggregation != ALL:
        query = query.filter(disaggregation_key=filters.disaggregation)
    if filters.state:
        query = query.filter(state_id=filters.state)
    if filters.region or filters.group:
        chosen = [
            code
            for code, info in directory.items()
            if (not filters.region or filters.region in (info.region, info.subregion))
            and (not filters.group or filters.group in info.groups)
        ]
        query = query.filter(state_id__in=chosen)
    rows = query.order_by("state_id", "year", "disaggregation_key", "source").values_list(*ROW_FIELDS)
    return [Row(*values) for values in rows]


def indicator_sources(indicator: Indicator) -> list[SourceLine]:
    """Each source of the indicator's values, with the file it came in and the README's facts for a shipped file."""
    facts = shipped_file_facts()
    rows = (
        Observation.objects.filter(indicator=indicator)
        .values_list("source", "batch__source_name")
        .annotate(values=Count("id"))
        .order_by("-values", "source")
    )
    return [SourceLine(source, file or "", values, facts.get(file or "")) for source, file, values in rows]
