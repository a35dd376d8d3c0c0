"""Benchmark of issue 11: the same page in each of the six official languages (server time through
Django's test Client, median of 50). Goal: every language within 10% of English.

Pages: the home page, a provision, the treaty page, the progress matrix of a cycle and a focal
point's questionnaire section (chapter VI of CHE's report, half answered, SYNTHETIC).

Run by hand (never by `make test`):  .venv/bin/python bench/languages.py
A throw-away demonstration database (bench/benchenv.py: the plan and a synthetic treaty status
list, so the provision page's panels have work to do). The language comes as a browser sends it,
by the language cookie; the runs are interleaved (en, fr, ar, en, ...) so drift is shared.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

RUNS = 50
LANGUAGES = ["en", "fr", "es", "ru", "zh-hans", "ar"]


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from benchenv import demo_database_with_treaty_status

    demo_database_with_treaty_status("viennaplan-bench-languages-")
    from django.conf import settings
    from django.test import Client

    from viennaplan.plan.saving import import_plan_text

    import_plan_text(Path(settings.PLAN_SOURCE_FILE).read_text(encoding="utf-8"), source_name="bench")
    cycle = synthetic_cycle()
    pages = {
        "home": "/",
        "provision 57(k)(ii)": "/plan/57/k/ii",
        "treaty UNTOC": "/treaties/UNTOC",
        "progress matrix": "/reporting/progress",
        "questionnaire VI (CHE)": f"/reporting/{cycle.pk}/CHE/chapter/VI",
    }
    from viennaplan.accounts.invitations import create_account

    focal_point = create_account(
        email="bench-focal@example.org", role="focal_point", state="CHE", password="bench-pw-1"
    )
    clients = {}
    for code in LANGUAGES:
        clients[code] = Client()
        clients[code].force_login(focal_point)
        clients[code].cookies[settings.LANGUAGE_COOKIE_NAME] = code

    print(f"median of {RUNS} (ms), server time through the test Client; goal: within 10% of English")
    for label, url in pages.items():
        times: dict[str, list[float]] = {code: [] for code in LANGUAGES}
        for code in LANGUAGES:  # warm up: templates, catalogues, caches
            response = clients[code].get(url)
            assert response.status_code == 200 and f'<html lang="{code}"' in response.content.decode(), (
                url,
                code,
                response.content.decode()[:3000],
            )
        for _ in range(RUNS):
            for code in LANGUAGES:
                start = time.perf_counter()
                clients[code].get(url)
                times[code].append(time.perf_counter() - start)
        english = statistics.median(times["en"])
        figures = "   ".join(
            f"{code} {statistics.median(times[code]) * 1000:6.1f} ({statistics.median(times[code]) / english - 1:+.0%})"
            for code in LANGUAGES
        )
        print(f"{label:22} {figures}")


def synthetic_cycle():
    """A cycle on every chapter with national actions; CHE's report half answered (SYNTHETIC)."""
    from datetime import date

    from viennaplan.accounts.invitations import create_account
    from viennaplan.plan.models import PlanVersion
    from viennaplan.reporting.cycles import open_cycle, report_for, reporting_chapters
    from viennaplan.reporting.models import Answer

    secretariat = create_account(email="bench-secretariat@example.org", role="secretariat", password="bench-only-pw-1")
    plan = PlanVersion.objects.order_by("-pk").first()
    cycle = open_cycle(secretariat, "2002 review", date(2002, 1, 1), date(2002, 12, 31), reporting_chapters(plan))
    answers = list(Answer.objects.filter(report=report_for(cycle, "CHE")).order_by("question__position"))
    for answer in answers[::2]:
        answer.status = "in_progress"
        answer.narrative = "SYNTHETIC narrative: a draft law is before Parliament."
    Answer.objects.bulk_update(answers, ["status", "narrative"])
    return cycle


if __name__ == "__main__":
    main()
