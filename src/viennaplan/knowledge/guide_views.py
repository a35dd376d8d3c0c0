"""The legislative guide's page /knowledge/legislation/guide/<instrument>/<article> (urls_guide.py), and
what it and its JSON twin (api_guide.py) read: `legislative_guide` gathers the States (in the reader's
language), their treaty status from the treaty engine and the laws recorded (published ones, drafts too
for the Secretariat); the rules are in guide.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from viennaplan.accounts.permissions import role_of
from viennaplan.accounts.roles import SECRETARIAT
from viennaplan.countries.registry import states
from viennaplan.treaties.overview import statuses_of
from viennaplan.treaties.records import InstrumentRules
from viennaplan.treaties.rules import instrument_rules
from viennaplan.treaties.shapes import standing_of
from viennaplan.treaties.store import has_status_data, today
from viennaplan.treaties.words import STANDING_WORDS

from .guide import (
    LEGISLATION,
    STANDINGS,
    BadFilter,
    GuideCounts,
    GuideRow,
    LawLine,
    NotAGuide,
    guide_rows,
    instrument_and_article,
    pick_filters,
    wider_articles,
)
from .legislation import STATUS_LABELS
from .models import LawArticle


@dataclass
class Guide:
    rules: InstrumentRules
    article: str
    as_of: date
    has_status_data: bool
    with_drafts: bool  # the Secretariat's view: laws not published are shown and counted
    standing: str
    legislation: str
    rows: list[GuideRow]
    counts: GuideCounts


def is_secretariat(user: Any) -> bool:
    return role_of(user) == SECRETARIAT


def legislative_guide(
    instrument: str, article: str, *, with_drafts: bool = False, standing: str = "", legislation: str = ""
) -> Guide:
    """The guide for one article; NotAGuide (unknown instrument, malformed article), BadFilter."""
    code, article = instrument_and_article(instrument, article)
    standing, legislation = pick_filters(standing, legislation)
    as_of = today()
    has_data = has_status_data()
    standings: dict[str, tuple[str, date | None]] = {}
    if has_data:
        status = statuses_of([code], as_of)[code]
        for state in status.states:
            shown = standing_of(state, as_of)
            standings[state.state] = (shown, state.in_force if shown == "party" else None)
    cited = Q(article=article) | Q(article__startswith=article + "(") | Q(article__in=wider_articles(article))
    found = LawArticle.objects.filter(cited, instrument_id=code).select_related("law")
    if not with_drafts:
        found = found.filter(law__published=True)
    laws = [
        LawLine(
            state=line.law.state_id,
            key=line.law.key,
            title_en=line.law.title_en,
            title_original=line.law.title_original,
            language=line.law.language,
            status=line.law.status,
            published=line.law.published,
            article=line.article,
        )
        for line in found
    ]
    rows, counts = guide_rows(
        ((info.alpha3, info.name) for info in states()),
        standings,
        laws,
        wanted=article,
        standing=standing,
        legislation=legislation,
    )
    return Guide(instrument_rules()[code], article, as_of, has_data, with_drafts, standing, legislation, rows, counts)


def law_json(law: LawLine) -> dict[str, Any]:
    return {
        "key": law.key,
        "title_en": law.title_en,
        "title_original": law.title_original,
        "language": law.language,
        "status": law.status,
        "published": law.published,
        "article": law.article,
        "counted": law.counted,
        "url": law.url,
    }


def guide_json(guide: Guide) -> dict[str, Any]:
    """The JSON twin's body: the same rows as the page, in the same order."""
    code = guide.rules.code
    return {
        "instrument": code,
        "article": guide.article,
        "as_of": guide.as_of.isoformat(),
        "has_status_data": guide.has_status_data,
        "drafts_included": guide.with_drafts,
        "standing": guide.standing or None,
        "legislation": guide.legislation or None,
        "counts": {
            "states": guide.counts.states,
            "with_legislation": guide.counts.with_legislation,
            "parties": guide.counts.parties,
            "parties_without": guide.counts.parties_without,
        },
        "states": [
            {
                "state": row.alpha3,
                "name": row.name,
                "standing": row.standing,
                "in_force": row.in_force.isoformat() if row.in_force else None,
                "has_legislation": row.has_legislation,
                "laws": [law_json(law) for law in row.laws],
            }
            for row in guide.rows
        ],
        "url": guide_url(code, guide.article),
    }


def guide_url(code: str, article: str) -> str:
    return f"/knowledge/legislation/guide/{code}/{article}"


@require_safe
def guide_page(request: HttpRequest, instrument: str, article: str) -> HttpResponse:
    with_drafts = is_secretariat(request.user)
    status = 200
    problem = ""
    try:
        guide = legislative_guide(
            instrument,
            article,
            with_drafts=with_drafts,
            standing=request.GET.get("standing", ""),
            legislation=request.GET.get("legislation", ""),
        )
    except NotAGuide as error:
        raise Http404(str(error)) from None
    except BadFilter as error:
        status, problem = 400, str(error)
        guide = legislative_guide(instrument, article, with_drafts=with_drafts)
    context = {
        "guide": guide,
        "problem": problem,
        "standing_choices": [(code, STANDING_WORDS[code]) for code in STANDINGS],
        "legislation_choices": LEGISLATION,
        "standing_words": STANDING_WORDS,
        "status_labels": STATUS_LABELS,
        "json_url": "/api" + guide_url(guide.rules.code, guide.article),
    }
    return render(request, "knowledge/guide.html", context, status=status)
