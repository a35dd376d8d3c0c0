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
from itertools import chain

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


@dataclass
class _Bucket:
    """The donors earmarked one way (chapter, region), in their order within a reason: the most
    evidence first, then by name; with where each provision and each State's donors are."""

    rows: list[Earmark]
    ids: frozenset[int]
    by_provision: dict[str, list[int]]  # path -> positions in rows
    by_state: dict[str, frozenset[int]]  # a State donor's State -> donor ids


def _index_earmarks(earmarks: Iterable[Earmark]) -> dict[tuple[str, str], _Bucket]:
    """Earmarks by (chapter, folded region), one per donor (evidence added up, provisions joined), sorted."""
    merged: dict[tuple[str, str], dict[int, Earmark]] = defaultdict(dict)
    for row in earmarks:
        bucket = merged[(row.chapter.strip().upper(), _fold(row.region))]
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
    index: dict[tuple[str, str], _Bucket] = {}
    for key, donors in merged.items():
        rows = sorted(donors.values(), key=lambda row: (-row.evidence, row.name, row.donor))
        by_provision: dict[str, list[int]] = defaultdict(list)
        by_state: dict[str, set[int]] = defaultdict(set)
        for position, row in enumerate(rows):
            for path in row.provisions:
                by_provision[path].append(position)
            if row.state:
                by_state[row.state.upper()].add(row.donor)
        index[key] = _Bucket(
            rows,
            frozenset(donors),
            dict(by_provision),
            {state: frozenset(ids) for state, ids in by_state.items()},
        )
    return index


def _index_projects(projects: Iterable[ProjectRow]) -> dict[tuple[str, str], list[ProjectRow]]:
    index: dict[tuple[str, str], list[ProjectRow]] = defaultdict(list)
    for row in projects:
        if row.status in PROJECT_STATUSES:
            index[(row.chapter.strip().upper(), _fold(row.region))].append(row)
    return index


def _top_donors(
    buckets: list[tuple[tuple[str, str], str]],
    index: dict[tuple[str, str], _Bucket],
    provisions: frozenset[str],
    limit: int,
) -> list[DonorMatch]:
    """The first `limit` donors in ranking order. The buckets come in ranking order (reason, then
    place), so a donor's first bucket gives its best reason; within a bucket, those whose fund names one
    of the request's provisions first, then the bucket's own order. Stops as soon as `limit` are found."""
    chosen: list[DonorMatch] = []
    seen: set[int] = set()
    for key, reason in buckets:
        bucket = index.get(key)
        if bucket is None:
            continue
        first = sorted({position for path in provisions for position in bucket.by_provision.get(path, ())})
        first_set = set(first)
        rest = (position for position in range(len(bucket.rows)) if position not in first_set)
        for position in chain(first, rest):
            row = bucket.rows[position]
            if row.donor in seen:
                continue
            seen.add(row.donor)
            shared = tuple(sorted(provisions.intersection(row.provisions))) if position in first_set else ()
            chosen.append(DonorMatch(row.donor, row.name, reason, shared, row.evidence, row.state))
            if len(chosen) >= limit:
                return chosen
    return chosen


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
    named = frozenset(path for bucket in donor_index.values() for path in bucket.by_provision)
    tops: dict[tuple, list[DonorMatch]] = {}
    unions: dict[tuple, tuple[int, dict[str, int]]] = {}
    project_rankings: dict[tuple, list[ProjectMatch]] = {}
    found: dict[int, Match] = {}
    for need in needs:
        buckets = _buckets(need)
        keys = tuple(key for key, _reason in buckets)
        union = unions.get(keys)
        if union is None:  # how many donors match, and how many of them are each State's
            present = [donor_index[key] for key in keys if key in donor_index]
            ids = frozenset().union(*(bucket.ids for bucket in present))
            states: dict[str, set[int]] = defaultdict(set)
            for bucket in present:
                for state, donors in bucket.by_state.items():
                    states[state] |= donors
            union = unions[keys] = (len(ids), {state: len(donors) for state, donors in states.items()})
        total, per_state = union
        own = per_state.get(need.state.upper(), 0)
        provisions = named.intersection(need.provisions)
        memo = (keys, provisions, limit + own)
        top = tops.get(memo)
        if top is None:
            top = tops[memo] = _top_donors(buckets, donor_index, provisions, limit + own)
        kept = [donor for donor in top if donor.state.upper() != need.state.upper()][:limit] if own else top[:limit]
        ranked_projects = project_rankings.get(keys)
        if ranked_projects is None:
            ranked_projects = project_rankings[keys] = _rank_projects(buckets, project_index)
        found[need.id] = Match(need, kept, ranked_projects[:limit], total - own, len(ranked_projects))
    return found
