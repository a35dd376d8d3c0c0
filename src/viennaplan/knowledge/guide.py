"""The legislative guide per article (issue 12): for one article of an instrument, every State with its
treaty status beside it and the national legislation recorded as implementing that article. Plain
Python (Django's translation functions only); `guide_views.py` reads the database and the treaty
engine and hands the pieces in.

The rules:
- the instrument is a code of `treaties.rules` (any case: "firearms" is FIREARMS) and the article is
  written as an article is (5, 5(1), 5(1)(a)); anything else is not a guide (`NotAGuide`, a 404);
- a law serves the article when it cites the article itself, a part of it (5(1) serves 5) or the
  whole of which the article is a part (5 serves 5(1));
- a State has implementing legislation when one of its laws shown is not repealed (a law repealed
  is listed but not counted; a bill recorded with the status draft counts, marked so);
- which laws are shown is the caller's choice: published ones for the public, drafts too for the
  Secretariat (`Law.published`);
- the filters: `standing` (party, signatory, none: as the treaty engine says on the day) and
  `legislation` (with, without).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from viennaplan.treaties.rules import INSTRUMENTS, find_code

from .legislation import REPEALED, article_order, is_article

STANDINGS = ("party", "signatory", "none")
LEGISLATION = ("with", "without")


class NotAGuide(ValueError):
    """The instrument or the article of the URL is not one: the message says which (translated)."""


class BadFilter(ValueError):
    """A filter's value is not one of those allowed: the message says which (translated)."""


def instrument_and_article(instrument: str, article: str) -> tuple[str, str]:
    """('firearms', '5') -> ('FIREARMS', '5'); NotAGuide when either is not one."""
    code = find_code(instrument)
    if code is None:
        raise NotAGuide(
            _("%(code)s is not an instrument (known: %(codes)s)")
            % {"code": repr(instrument), "codes": ", ".join(INSTRUMENTS)}
        )
    if not is_article(article):
        raise NotAGuide(
            _("%(article)s is not an article number such as 5, 5(1) or 5(1)(a)") % {"article": repr(article)}
        )
    return code, article


def wider_articles(article: str) -> list[str]:
    """The articles of which `article` is a part: '5(1)(a)' -> ['5', '5(1)']."""
    parts = article.split("(")
    return ["(".join(parts[:n]) for n in range(1, len(parts))]


def serves(wanted: str, cited: str) -> bool:
    """Whether a law cited against article `cited` serves article `wanted` (see the module's rules)."""
    return cited == wanted or cited.startswith(wanted + "(") or wanted.startswith(cited + "(")


def pick_filters(standing: str, legislation: str) -> tuple[str, str]:
    """The filters as given ('' for none); BadFilter when a value is not allowed."""
    standing, legislation = (standing or "").strip(), (legislation or "").strip()
    if standing and standing not in STANDINGS:
        raise BadFilter(
            _("standing: %(value)s is not one of %(codes)s") % {"value": repr(standing), "codes": ", ".join(STANDINGS)}
        )
    if legislation and legislation not in LEGISLATION:
        raise BadFilter(
            _("legislation: %(value)s is not one of %(codes)s")
            % {"value": repr(legislation), "codes": ", ".join(LEGISLATION)}
        )
    return standing, legislation


@dataclass(frozen=True)
class LawLine:
    """One law of a State, as the guide shows it."""

    state: str
    key: str
    title_en: str
    title_original: str
    language: str
    status: str
    published: bool
    article: str  # the article the law cites: 5, or 5(1) when the guide is for 5

    @property
    def counted(self) -> bool:
        return self.status != REPEALED

    @property
    def url(self) -> str:
        return law_url(self.state, self.key)


def law_url(state: str, key: str) -> str:
    return f"/knowledge/legislation/{state}/{key}"


@dataclass
class GuideRow:
    alpha3: str
    name: str
    standing: str  # party | signatory | none
    in_force: date | None  # the day the instrument entered into force for the State (parties)
    laws: list[LawLine] = field(default_factory=list)

    @property
    def has_legislation(self) -> bool:
        return any(law.counted for law in self.laws)


@dataclass
class GuideCounts:
    states: int  # every State, before the filters
    with_legislation: int
    parties: int
    parties_without: int  # parties with no implementing legislation recorded


def guide_rows(
    states: Iterable[tuple[str, str]],
    standings: dict[str, tuple[str, date | None]],
    laws: Iterable[LawLine],
    *,
    wanted: str,
    standing: str = "",
    legislation: str = "",
) -> tuple[list[GuideRow], GuideCounts]:
    """Every State of `states` ((alpha3, name), in the order to show), with its standing (none when
    `standings` does not name it) and the laws of `laws` that serve article `wanted`, then filtered."""
    by_state: dict[str, list[LawLine]] = {}
    for law in laws:
        if serves(wanted, law.article):
            by_state.setdefault(law.state, []).append(law)
    rows = []
    for alpha3, name in states:
        state_standing, in_force = standings.get(alpha3, ("none", None))
        found = sorted(by_state.get(alpha3, []), key=lambda law: (article_order(law.article), law.key))
        rows.append(GuideRow(alpha3, name, state_standing, in_force, found))
    counts = GuideCounts(
        states=len(rows),
        with_legislation=sum(1 for row in rows if row.has_legislation),
        parties=sum(1 for row in rows if row.standing == "party"),
        parties_without=sum(1 for row in rows if row.standing == "party" and not row.has_legislation),
    )
    if standing:
        rows = [row for row in rows if row.standing == standing]
    if legislation:
        rows = [row for row in rows if row.has_legislation == (legislation == "with")]
    return rows, counts
