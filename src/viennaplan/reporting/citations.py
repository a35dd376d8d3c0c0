"""Records of this site that an answer's measure may cite by their page: a law of the national
legislation database, "/knowledge/legislation/CHE/SR-514.54" (plain Python).

An answer stores a measure as {kind, title, url, date}; a measure citing a record keeps the record's
page, a path of this site, as its url (the workbook and the API carry it as it is). Which records
may be cited and what they are called is told by the apps that keep them (the knowledge databases
register a `Citable` in their ready()): reporting never imports them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

SITE_RECORD = re.compile(r"/knowledge/[a-z-]+/[A-Za-z0-9][A-Za-z0-9/._-]{0,200}")


@dataclass(frozen=True)
class Citable:
    """A kind of record a measure may cite: the records of a State (url, title) offered on the form,
    and the title of one record by its url (None when there is no such record)."""

    kind: str  # the measure's kind it is cited as: "law"
    of_state: Callable[[str], list[tuple[str, str]]]
    title_of: Callable[[str], str | None]
    state_of: Callable[[str], str | None]  # the State whose record the url is (None: not one of these)


_CITABLE: list[Citable] = []


def register(citable: Citable) -> None:
    _CITABLE[:] = [known for known in _CITABLE if known.kind != citable.kind] + [citable]


def is_site_record(url: str) -> bool:
    return bool(SITE_RECORD.fullmatch(url or ""))


def records_of_state(alpha3: str) -> list[tuple[str, str, str]]:
    """(kind, url, title) of every record of the State that a measure may cite, for the answer form."""
    return [(citable.kind, url, title) for citable in _CITABLE for url, title in citable.of_state(alpha3)]


def title_of(url: str) -> str | None:
    for citable in _CITABLE:
        title = citable.title_of(url)
        if title is not None:
            return title
    return None


def complete(measure: dict[str, Any]) -> dict[str, Any]:
    """A measure citing a record, with the record's kind and title where the form left them empty."""
    url = measure.get("url", "")
    if not is_site_record(url):
        return measure
    for citable in _CITABLE:
        title = citable.title_of(url)
        if title is not None:
            return {**measure, "kind": measure.get("kind") or citable.kind, "title": measure.get("title") or title}
    return measure


def problems(measures: list[dict[str, Any]], alpha3: str) -> list[str]:
    """What is wrong with the records the measures cite: not on file (or not published), or another
    State's (a State's answer cites its own laws). Empty when all is well."""
    found = []
    for number, measure in enumerate(measures, start=1):
        url = measure.get("url", "")
        if not is_site_record(url):
            continue
        where = f"measures[{number}].url"
        if title_of(url) is None:
            found.append(
                _("%(where)s: no published record of the databases is at %(url)s") % {"where": where, "url": url}
            )
            continue
        state = next((citable.state_of(url) for citable in _CITABLE if citable.state_of(url)), None)
        if state and state != alpha3:
            found.append(
                _("%(where)s: %(url)s is a record of %(other)s; a report of %(state)s cites its own")
                % {"where": where, "url": url, "other": state, "state": alpha3}
            )
    return found
