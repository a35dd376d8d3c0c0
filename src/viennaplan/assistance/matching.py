"""Matching requests awaiting resources with donors and projects: plain Python, no database (issue 13).

    match(needs, earmarks, projects, limit=5) -> {need id: Match}

`needs` are the open requests awaiting resources (`Need`: id, State, its region, sub-region and
intermediate region (UN M49), chapter, provisions); `earmarks` what each donor gave or pledged to,
one row per donor and earmarking (`Earmark`: the area (chapter) and region the money was earmarked
for, '' for none, the provisions the fund names, and how many contributions and pledges say so);
`projects` the projects that could take a request (`ProjectRow`: chapter, region, status).

A donor or a project matches a request for one reason, the best of these (in ranking order):

    chapter_subregion  the same area (chapter), earmarked for the request's sub-region or intermediate region
    chapter_region     the same area, earmarked for the request's region
    chapter            the same area, no regional earmarking
    region             no area earmarked, earmarked for the request's sub-region or region
    unearmarked        neither area nor region earmarked (donors only: a project with neither matches nothing)

Money earmarked for another area, or for another region, does not match. A State donor never
matches its own State's request. Regions compare without regard to case.

Ranking, within a request: the reason (above), then whether the earmarked fund names one of the
request's provisions, then (donors) the number of contributions and pledges behind the earmarking,
most first, or (projects) active before planned; then by name or key, for a stable order. Each
request keeps its first `limit` donors and projects, and the number of all that match.

One pass: earmarks and projects are put in buckets by (chapter, region) once; a request reads at
most six buckets, and requests alike in area, region and shared provisions share one ranking.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

from django.utils.translation import gettext_lazy

CHAPTER_SUBREGION = "chapter_subregion"
CHAPTER_REGION = "chapter_region"
CHAPTER = "chapter"
REGION = "region"
UNEARMARKED = "unearmarked"
REASONS: tuple[str, ...] = (CHAPTER_SUBREGION, CHAPTER_REGION, CHAPTER, REGION, UNEARMARKED)
REASON_LABELS: dict[str, str] = {
    CHAPTER_SUBREGION: gettext_lazy("same area, earmarked for its sub-region"),
    CHAPTER_REGION: gettext_lazy("same area, earmarked for its region"),
    CHAPTER: gettext_lazy("same area, any region"),
    REGION: gettext_lazy("earmarked for its region, any area"),
    UNEARMARKED: gettext_lazy("unearmarked"),
}
ACTIVE, PLANNED = "active", "planned"  # as rules.PROJECT_STATUS_LABELS; completed projects take no request
PROJECT_STATUSES: tuple[str, ...] = (ACTIVE, PLANNED)
LIMIT = 5


@dataclass(frozen=True)
class Need:
    id: int
    state: str
    chapter: str
    region: str = ""
    subregion: str = ""
    intermediate_region: str = ""
    provisions: tuple[str, ...] = ()
    key: str = ""


@dataclass(frozen=True)
class Earmark:
    donor: int
    name: str
    chapter: str = ""
    region: str = ""
    provisions: tuple[str, ...] = ()
    evidence: int = 1  # contributions and pledges behind this earmarking
    state: str = ""  # a State donor's State


@dataclass(frozen=True)
class ProjectRow:
    id: int
    key: str
    chapter: str = ""
    region: str = ""
    status: str = PLANNED
    title: str = ""


@dataclass(frozen=True)
class DonorMatch:
    donor: int
    name: str
    reason: str
    provisions: tuple[str, ...] = ()  # the request's provisions the earmarked fund names
    evidence: int = 0
    state: str = ""

    @property
    def reason_label(self) -> str:
        return str(REASON_LABELS[self.reason])


@dataclass(frozen=True)
class ProjectMatch:
    project: int
    key: str
    reason: str
    status: str
    title: str = ""

    @property
    def reason_label(self) -> str:
        return str(REASON_LABELS[self.reason])


@dataclass
class Match:
    need: Need
    donors: list[DonorMatch] = field(default_factory=list)
    projects: list[ProjectMatch] = field(default_factory=list)
    donor_count: int = 0
    project_count: int = 0


def _fold(text: str) -> str:
    return text.strip().casefold()


def _places(need: Need) -> tuple[tuple[str, str], ...]:
    """The (region earmarked, reason for the chapter's match, reason without one) a need accepts, best first."""
    near = [_fold(p) for p in (need.intermediate_region, need.subregion) if p.strip()]
    region = _fold(need.region)
    places = [(place, CHAPTER_SUBREGION) for place in dict.fromkeys(near)]
    if region and region not in near:
        places.append((region, CHAPTER_REGION))
    return tuple(places)


def _buckets(need: Need) -> list[tuple[tuple[str, str], str]]:
    """The (chapter, region) buckets a need reads, each with the reason it gives, best first."""
    chapter = need.chapter.strip().upper()
    places = _places(need)
    found = [((chapter, place), reason) for place, reason in places]
    found.append(((chapter, ""), CHAPTER))
    found.extend((("", place), REGION) for place, _reason in places)
    found.append((("", ""), UNEARMARKED))
    return found


def _index_earmarks(earmarks: Iterable[Earmark]) -> dict[tuple[str, str], dict[int, Earmark]]:
    """Earmarks by (chapter, folded region), one per donor (evidence added up, provisions joined)."""
    index: dict[tuple[str, str], dict[int, Earmark]] = defaultdict(dict)
    for row in earmarks:
        bucket = index[(row.chapter.strip().upper(), _fold(row.region))]
        seen = bucket.get(row.donor)
        if seen is None:
            bucket[row.donor] = row
        else:
            bucket[row.donor] = Earmark(
                row.donor,
                row.name,
                row.chapter,
                row.region,
                tuple(sorted(set(seen.provisions) | set(row.provisions))),
                seen.evidence + row.evidence,
                row.state,
            )
    return index


def _index_projects(projects: Iterable[ProjectRow]) -> dict[tuple[str, str], list[ProjectRow]]:
    index: dict[tuple[str, str], list[ProjectRow]] = defaultdict(list)
    for row in projects:
        if row.status in PROJECT_STATUSES:
            index[(row.chapter.strip().upper(), _fold(row.region))].append(row)
    return index


def _rank_donors(
    buckets: list[tuple[tuple[str, str], str]], index: dict, provisions: frozenset[str]
) -> list[DonorMatch]:
    best: dict[int, tuple[tuple, DonorMatch]] = {}
    for position, (bucket, reason) in enumerate(buckets):
        for donor, row in index.get(bucket, {}).items():
            shared = tuple(sorted(provisions.intersection(row.provisions)))
            order = (REASONS.index(reason), position, not shared, -row.evidence, row.name, donor)
            if donor not in best or order < best[donor][0]:
                best[donor] = (order, DonorMatch(donor, row.name, reason, shared, row.evidence, row.state))
    return [found for _order, found in sorted(best.values(), key=lambda pair: pair[0])]


def _rank_projects(buckets: list[tuple[tuple[str, str], str]], index: dict) -> list[ProjectMatch]:
    best: dict[int, tuple[tuple, ProjectMatch]] = {}
    for position, (bucket, reason) in enumerate(buckets):
        if reason == UNEARMARKED:
            continue
        for row in index.get(bucket, ()):
            order = (REASONS.index(reason), position, PROJECT_STATUSES.index(row.status), row.key, row.id)
            if row.id not in best or order < best[row.id][0]:
                best[row.id] = (order, ProjectMatch(row.id, row.key, reason, row.status, row.title))
    return [found for _order, found in sorted(best.values(), key=lambda pair: pair[0])]


def match(
    needs: Iterable[Need],
    earmarks: Iterable[Earmark],
    projects: Iterable[ProjectRow] = (),
    limit: int = LIMIT,
) -> dict[int, Match]:
    """For each need, the donors and projects that match it, best first (see the module's text)."""
    donor_index = _index_earmarks(earmarks)
    project_index = _index_projects(projects)
    named = frozenset(path for bucket in donor_index.values() for row in bucket.values() for path in row.provisions)
    rankings: dict[tuple, tuple[list[DonorMatch], list[ProjectMatch], dict[str, int]]] = {}
    found: dict[int, Match] = {}
    for need in needs:
        buckets = _buckets(need)
        provisions = named.intersection(need.provisions)
        memo = (tuple(bucket for bucket, _reason in buckets), provisions)
        ranked = rankings.get(memo)
        if ranked is None:
            donors = _rank_donors(buckets, donor_index, provisions)
            states: dict[str, int] = defaultdict(int)
            for donor in donors:
                if donor.state:
                    states[donor.state.upper()] += 1
            ranked = rankings[memo] = (donors, _rank_projects(buckets, project_index), states)
        donors, matched_projects, states = ranked
        own = states.get(need.state.upper(), 0)
        if own:
            kept = list(islice((donor for donor in donors if donor.state.upper() != need.state.upper()), limit))
        else:
            kept = donors[:limit]
        found[need.id] = Match(need, kept, matched_projects[:limit], len(donors) - own, len(matched_projects))
    return found
