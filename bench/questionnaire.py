"""Benchmark of issue 10 (a questionnaire one can work in): saving one answer in place and
rendering one chapter section, for a report of the whole plan (chapters III-XII, 106 questions).

Run by hand (never by `make test`):  .venv/bin/python bench/questionnaire.py [--runs 30]

It uses a throw-away SQLite database in a temporary folder (the real database is never
opened): the plan is imported, a cycle opened on every chapter with national actions, and
CHE's report started with half of its answers filled (SYNTHETIC, never a real report). Server
time is measured in process through Django's test client (DEBUG off), as the focal point:

- save in place: POST of one answer with the HX-Request header (the question's block and the
  contents come back), each run saving the next version;
- section: GET /reporting/<cycle>/CHE/chapter/<ROMAN> for the largest chapter, and for VI.

Targets (medians): save under 100 ms, section under 150 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date


def _figure(label: str, times: list[float], target_ms: float) -> None:
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    verdict = "within" if median < target_ms else "OVER"
    print(f"{label:52} median {median:7.1f} ms   worst {worst:7.1f} ms   target {target_ms:.0f} ms: {verdict}")


def timed(call: Callable[[], object], runs: int) -> list[float]:
    call()  # warm up once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return times


def measure(runs: int) -> None:
    os.environ.update(VIENNAPLAN_DEBUG="0", VIENNAPLAN_SECRET_KEY="benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from viennaplan.accounts.invitations import create_account
    from viennaplan.plan.models import PlanVersion
    from viennaplan.plan.saving import import_plan_text
    from viennaplan.reporting.cycles import open_cycle, report_for, reporting_chapters
    from viennaplan.reporting.models import Answer

    call_command("migrate", verbosity=0)
    import_plan_text(settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8"), source_name=settings.PLAN_SOURCE_FILE.name)
    secretariat = create_account(email="bench-secretariat@example.org", role="secretariat", password="bench-only-pw-1")
    plan = PlanVersion.objects.order_by("-pk").first()
    cycle = open_cycle(secretariat, "2002 review", date(2002, 1, 1), date(2002, 12, 31), reporting_chapters(plan))
    report = report_for(cycle, "CHE")
    answers = list(Answer.objects.filter(report=report).order_by("question__position"))
    for answer in answers[::2]:
        answer.status = "in_progress"
        answer.narrative = "SYNTHETIC narrative: a draft law is before Parliament."
    Answer.objects.bulk_update(answers, ["status", "narrative"])
    chapters: dict[str, int] = {}
    for chapter in Answer.objects.filter(report=report).values_list("question__chapter", flat=True):
        chapters[chapter] = chapters.get(chapter, 0) + 1
    largest = max(chapters, key=lambda c: chapters[c])
    print(
        f"SQLite; CHE's report of {cycle.name}: {len(answers)} questions in chapters {', '.join(cycle.chapters)} "
        f"(largest: {largest}, {chapters[largest]} questions); {runs} runs each"
    )

    focal_point = create_account(
        email="bench-focal@example.org", role="focal_point", state="CHE", password="bench-pw-1"
    )
    client = Client()
    client.force_login(focal_point)
    base = f"/reporting/{cycle.pk}/CHE"
    one = Answer.objects.select_related("question").get(pk=answers[len(answers) // 2].pk)

    def save() -> None:
        version = Answer.objects.values_list("version", flat=True).get(pk=one.pk)
        form = {"status": "implemented", "narrative": f"SYNTHETIC: saved as version {version + 1}.", "version": version}
        response = client.post(f"{base}/answers/{one.pk}", form, HTTP_HX_REQUEST="true")
        assert response.status_code == 200, response.content.decode()[:1000]

    # the version look-up of `save` is a test-side query, timed with it: the figure is an upper bound
    _figure(f"save one answer in place ({one.question.citation}, htmx POST)", timed(save, runs), 100)
    _figure(
        f"section: chapter {largest} ({chapters[largest]} questions)",
        timed(getting(client, f"{base}/chapter/{largest}"), runs),
        150,
    )
    _figure(
        f"section: chapter VI ({chapters.get('VI', 0)} questions)",
        timed(getting(client, f"{base}/chapter/VI"), runs),
        150,
    )
    _figure("the report's home page (contents, no answers)", timed(getting(client, f"{base}/"), runs), 150)
    _figure("all chapters on one page (?view=all, read only)", timed(getting(client, f"{base}/?view=all"), runs), 1000)


def getting(client, url: str) -> Callable[[], None]:
    """A GET of `url` that must answer 200."""

    def get() -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return get


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs of each operation (default 30)")
    options = parser.parse_args()
    os.environ.pop("DATABASE_URL", None)
    folder = tempfile.mkdtemp(prefix="viennaplan-bench-questionnaire-")
    os.environ["VIENNAPLAN_VAR_DIR"] = folder
    try:
        measure(options.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
