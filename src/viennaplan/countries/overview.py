"""What the country pages and their JSON twins show, as plain data, built once for both.

`list_view(filters)` answers /countries/ and /api/countries; `detail_view(country, as_of)`
answers /countries/CHE and /api/countries/CHE. Filters come from the query string:
`as_of` (YYYY-MM-DD, default today), `group`, `status` (ldc, lldc, sids), `region`, `kind`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from .datafiles import GROUPS, KINDS, STATUS_LISTS
from .models import Country, CountryName, CountryStatus, OrganizationMembership, Predecessor
from .names import normalise_name

REGION_ORDER = ("Africa", "Americas", "Asia", "Europe", "Oceania")
ORGANIZATIONS = "Organizations"


class BadFilter(ValueError):
    """A query parameter with a value the page cannot use; the message says which and why."""


@dataclass(frozen=True)
class Filters:
    as_of: date
    group: str = ""
    status: str = ""
    region: str = ""
    kind: str = ""

    def query(self, include_date: bool = False) -> dict[str, str]:
        """The filters as query parameters (the date only when asked for)."""
        params = {"group": self.group, "status": self.status, "region": self.region, "kind": self.kind}
        if include_date:
            params["as_of"] = self.as_of.isoformat()
        return {key: value for key, value in params.items() if value}


def parse_filters(params: Mapping[str, str], today: date | None = None) -> Filters:
    raw_date = (params.get("as_of") or "").strip()
    try:
        as_of = date.fromisoformat(raw_date) if raw_date else today or date.today()
    except ValueError:
        raise BadFilter(
            _("?as_of=%(value)s is not a date (expected YYYY-MM-DD, e.g. ?as_of=2002-12-31)")
            % {"value": repr(raw_date)}
        ) from None
    values = {key: (params.get(key) or "").strip() for key in ("group", "status", "region", "kind")}
    allowed = {"group": GROUPS, "status": STATUS_LISTS, "region": (*REGION_ORDER,), "kind": KINDS}
    for key, value in values.items():
        if value and value not in allowed[key]:
            raise BadFilter(
                _("?%(key)s=%(value)s is not one of %(allowed)s")
                % {"key": key, "value": repr(value), "allowed": ", ".join(allowed[key])}
            )
    return Filters(as_of=as_of, **values)


def status_badges(statuses: list[CountryStatus], on: date) -> list[str]:
    return sorted({status.list for status in statuses if status.active_on(on)}, key=list(STATUS_LISTS).index)


def country_summary(country: Country, as_of: date) -> dict[str, Any]:
    groups = list(country.regional_groups.all())
    primary = next((membership.group for membership in groups if membership.primary), None)
    return {
        "code": country.alpha3,
        "alpha2": country.alpha2,
        "m49": country.m49,
        "name": country.name,
        "kind": country.kind,
        "region": country.region,
        "subregion": country.subregion,
        "intermediate_region": country.intermediate_region,
        "regional_group": primary,
        "regional_group_name": str(GROUPS.get(primary or "", "")),
        "regional_groups": [membership.group for membership in groups],
        "statuses": status_badges(list(country.statuses.all()), as_of),
        "url": country.get_absolute_url(),
        "api_url": f"/api/countries/{country.alpha3}",
    }


def list_view(filters: Filters) -> dict[str, Any]:
    countries = Country.objects.prefetch_related("regional_groups", "statuses")
    if filters.group:
        countries = countries.filter(regional_groups__group=filters.group, regional_groups__primary=True)
    if filters.region:
        countries = countries.filter(region=filters.region)
    if filters.kind:
        countries = countries.filter(kind=filters.kind)
    if filters.status:
        on_list = Q(statuses__list=filters.status) & (
            Q(statuses__since__isnull=True) | Q(statuses__since__lte=filters.as_of)
        )
        countries = countries.filter(on_list & (Q(statuses__until__isnull=True) | Q(statuses__until__gt=filters.as_of)))
    rows = [country_summary(country, filters.as_of) for country in countries.distinct()]
    rows.sort(key=lambda row: normalise_name(row["name"]))  # "Türkiye" after "Tunisia", on every database
    regions: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        regions.setdefault(row["region"] or ORGANIZATIONS, []).append(row)
    order = [*REGION_ORDER, ORGANIZATIONS]
    return {
        "as_of": filters.as_of,
        "filters": filters.query(),
        "count": len(rows),
        "counts": {kind: sum(1 for row in rows if row["kind"] == kind) for kind in KINDS},
        "regions": [{"region": name, "countries": regions[name]} for name in order if name in regions],
        "countries": rows,
        "former_states": [predecessor_summary(p) for p in Predecessor.objects.order_by("existed_to")],
    }


def predecessor_summary(predecessor: Predecessor) -> dict[str, Any]:
    return {
        "code": predecessor.code,
        "name": predecessor.name,
        "m49": predecessor.m49,
        "existed_from": predecessor.existed_from,
        "existed_to": predecessor.existed_to,
        "successors": list(predecessor.successors),
        "continued_by": predecessor.continued_by or None,
        "note": predecessor.note,
    }


def detail_view(country: Country, as_of: date) -> dict[str, Any]:
    summary = country_summary(country, as_of)
    statuses = list(country.statuses.order_by("list", "since"))
    memberships = OrganizationMembership.objects.select_related("organization", "member")
    return {
        **summary,
        "as_of": as_of,
        "names": {code: name for code, _language, name in country.names()},
        "formal_name": country.formal_name_en,
        "un_member_since": country.un_member_since,
        "region_m49": country.region_m49,
        "subregion_m49": country.subregion_m49,
        "intermediate_region_m49": country.intermediate_region_m49,
        "note": country.note,
        "regional_group_memberships": [
            {"group": m.group, "name": m.get_group_display(), "primary": m.primary, "note": m.note, "source": m.source}
            for m in country.regional_groups.all()
        ],
        "status_history": [
            {
                "list": s.list,
                "name": s.get_list_display(),
                "since": s.since,
                "until": s.until,
                "active": s.active_on(as_of),
                "source": s.source,
                "note": s.note,
            }
            for s in statuses
        ],
        "organizations": [_membership(m, m.organization, as_of) for m in memberships.filter(member=country)],
        "members": [_membership(m, m.member, as_of) for m in memberships.filter(organization=country)],
        "other_names": [
            {"name": n.name, "valid_from": n.valid_from, "valid_to": n.valid_to, "note": n.note}
            for n in CountryName.objects.filter(code=country.alpha3).order_by("valid_from", "name")
        ],
        "former_states": [
            predecessor_summary(p) for p in Predecessor.objects.order_by("existed_to") if country.alpha3 in p.successors
        ],
    }


def _membership(membership: OrganizationMembership, other: Country, as_of: date) -> dict[str, Any]:
    return {
        "code": other.alpha3,
        "name": other.name,
        "joined": membership.joined,
        "left": membership.left,
        "active": membership.active_on(as_of),
        "source": membership.source,
    }
