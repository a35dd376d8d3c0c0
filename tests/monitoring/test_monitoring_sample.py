"""The hand-made data set of the monitoring tests (and a check that it is what it says).

One cycle on chapters VIII (4 questions) and X (5 questions). Reports, with the status of each
answer in question order ("" = not answered yet):

    CHE  State A   Europe  WEOG      published
    ESP            Europe  WEOG      published
    NGA            Africa  African   published
    DEU            Europe  WEOG      validated   (counts for the secretariat and reviewers only)
    JPN            Asia    Asia-Pac  submitted   (never counts)
    FRA  State B   Europe  WEOG      draft       (never counts)
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape

from django.utils import timezone

from viennaplan.reporting.answers import save_answer
from viennaplan.reporting.cycles import open_cycle, report_for
from viennaplan.reporting.transitions import apply_transition

IMPL, PART, PROG, NOTS, NA, NI = (
    "implemented",
    "partially_implemented",
    "in_progress",
    "not_started",
    "not_applicable",
    "no_information",
)
CHAPTERS = ["VIII", "X"]
SAMPLE: dict[str, tuple[str, dict[str, list[str]]]] = {
    "CHE": ("published", {"VIII": [IMPL, IMPL, PART, NA], "X": [PROG] * 5}),
    "ESP": ("published", {"VIII": [NOTS, NOTS, "", NI], "X": [IMPL, PART, PART, NA, NA]}),
    "NGA": ("published", {"VIII": [IMPL] * 4, "X": [NOTS] * 5}),
    "DEU": ("validated", {"VIII": [IMPL] * 4, "X": [IMPL] * 5}),
    "JPN": ("submitted", {"VIII": [IMPL] * 4, "X": [IMPL] * 5}),
    "FRA": ("draft", {"VIII": [IMPL] * 4, "X": [IMPL] * 5}),
}
PATH_TO = {
    "draft": (),
    "submitted": ("submit",),
    "validated": ("submit", "validate"),
    "published": ("submit", "validate", "publish"),
}
CHE_NARRATIVE = "The Federal Act on terrorist financing entered into force in 2003."
CHE_NEED = "Training of prosecutors in financial investigations."
FRA_SECRET = "DRAFT OF STATE B, NOT FOR ANYONE ELSE"


def set_answers(user, report, statuses: dict[str, list[str]], extra: dict[tuple[str, int], dict] | None = None):
    answers = list(report.answers.select_related("question").order_by("question__position"))
    for chapter, wanted in statuses.items():
        mine = [a for a in answers if a.question.chapter == chapter]
        assert len(mine) == len(wanted), (chapter, len(mine))
        for index, (answer, status) in enumerate(zip(mine, wanted, strict=True)):
            data = {"status": status, **(extra or {}).get((chapter, index), {})}
            save_answer(user, answer, data, expected_version=answer.version)


def build_sample(secretariat, reviewer, closes: date | None = None):
    cycle = open_cycle(
        secretariat, "2002 review", date(2002, 1, 1), closes or timezone.localdate() + timedelta(days=60), CHAPTERS
    )
    extra = {
        "CHE": {
            ("VIII", 0): {
                "narrative": CHE_NARRATIVE,
                "responsible_institution": "Federal Office of Justice",
                "measures": [
                    {
                        "kind": "law",
                        "title": "Federal Act of 2003",
                        "url": "https://example.org/act",
                        "date": "2003-01-01",
                    }
                ],
            },
            ("VIII", 2): {"assistance_needed": True, "assistance_description": CHE_NEED},
        },
        "FRA": {
            ("VIII", 0): {"narrative": FRA_SECRET, "assistance_needed": True, "assistance_description": FRA_SECRET}
        },
    }
    reports = {}
    for state, (status, statuses) in SAMPLE.items():
        report = report_for(cycle, state)
        set_answers(secretariat, report, statuses, extra.get(state))
        for name in PATH_TO[status]:
            apply_transition(reviewer if name == "validate" else secretariat, report, name)
        report.refresh_from_db()
        reports[state] = report
    return cycle, reports


def visible_text(response) -> str:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return unescape(" ".join(re.sub(r"<[^>]+>", " ", html).split()))


def test_the_sample_has_the_reports_regions_and_groups_it_says(sample):
    from viennaplan.countries.models import Country
    from viennaplan.countries.registry import regional_group

    cycle, reports = sample
    assert {state: r.status for state, r in reports.items()} == {state: s for state, (s, _) in SAMPLE.items()}
    assert cycle.questions.filter(chapter="VIII").count() == 4 and cycle.questions.filter(chapter="X").count() == 5
    regions = dict(Country.objects.filter(alpha3__in=SAMPLE).values_list("alpha3", "region"))
    assert regions == {
        "CHE": "Europe",
        "ESP": "Europe",
        "NGA": "Africa",
        "DEU": "Europe",
        "JPN": "Asia",
        "FRA": "Europe",
    }
    assert {s: regional_group(s) for s in SAMPLE} == {
        "CHE": "western_european_others",
        "ESP": "western_european_others",
        "NGA": "african",
        "DEU": "western_european_others",
        "JPN": "asia_pacific",
        "FRA": "western_european_others",
    }
