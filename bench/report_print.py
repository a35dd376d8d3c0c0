"""Benchmark of issue 10, part 6 (a report for paper): the printable report and its PDF for a report of
the whole plan (chapters III-XII, 106 questions), every question answered.

Run by hand (never by `make test`):  .venv/bin/python bench/report_print.py [--runs 10]

It uses a throw-away SQLite database in a temporary folder (the real database is never opened): the
plan is imported, a cycle opened on every chapter with national actions, and CHE's report filled with
SYNTHETIC answers (never a real report): a status, a narrative of about 400 characters, one measure,
an institution, and technical assistance on every third question; the report is then submitted,
returned, resubmitted and validated (four workflow events). Server time is measured in process
through Django's test client (DEBUG off), as CHE's focal point:

- GET /reporting/<cycle>/CHE/print       (the HTML for the browser's print)
- GET /reporting/<cycle>/CHE/report.pdf  (WeasyPrint), with its number of A4 pages.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from questionnaire import _figure, getting, timed  # noqa: E402  (the same timing as the questionnaire's)

NARRATIVE = (
    "SYNTHETIC narrative: the Ministry of Justice drafted a law implementing the action; it was adopted by "
    "Parliament after consultation of the cantons and entered into force on 1 January 2003. Implementing "
    "regulations were issued, the police and prosecutors were trained, and a first review of the practice "
    "is planned for the next cycle, with statistics collected by the Federal Statistical Office."
)


def fill(runs: int) -> None:
    os.environ.update(
        VIENNAPLAN_DEBUG="0",
        VIENNAPLAN_SECRET_KEY="benchmark-only",
        VIENNAPLAN_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",  # the notices stay in memory
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from viennaplan.accounts.invitations import create_account
    from viennaplan.plan.models import PlanVersion
    from viennaplan.plan.saving import import_plan_text
    from viennaplan.printing import rendered_text
    from viennaplan.reporting.cycles import open_cycle, report_for, reporting_chapters
    from viennaplan.reporting.models import Answer
    from viennaplan.reporting.transitions import apply_transition

    call_command("migrate", verbosity=0)
    import_plan_text(settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8"), source_name=settings.PLAN_SOURCE_FILE.name)
    secretariat = create_account(email="bench-secretariat@example.org", role="secretariat", password="bench-only-pw-1")
    reviewer = create_account(email="bench-reviewer@example.org", role="reviewer", password="bench-only-pw-2")
    focal_point = create_account(
        email="bench-focal@example.org", role="focal_point", state="CHE", password="bench-pw-1"
    )
    plan = PlanVersion.objects.order_by("-pk").first()
    cycle = open_cycle(secretariat, "2002 review", date(2002, 1, 1), date(2002, 12, 31), reporting_chapters(plan))
    report = report_for(cycle, "CHE")
    answers = list(Answer.objects.filter(report=report).order_by("question__position"))
    statuses = ["implemented", "partially_implemented", "in_progress", "not_started", "not_applicable"]
    for index, answer in enumerate(answers):
        answer.status = statuses[index % len(statuses)]
        answer.narrative = NARRATIVE
        answer.measures = [{"kind": "law", "title": f"SYNTHETIC Act no. {index + 1}", "url": "", "date": "2003-01-01"}]
        answer.responsible_institution = "SYNTHETIC Federal Office of Justice"
        answer.assistance_needed = index % 3 == 0
        answer.assistance_description = "SYNTHETIC: training of prosecutors." if index % 3 == 0 else ""
    Answer.objects.bulk_update(
        answers,
        ["status", "narrative", "measures", "responsible_institution", "assistance_needed", "assistance_description"],
    )
    apply_transition(focal_point, report, "submit")
    apply_transition(reviewer, report, "return", "SYNTHETIC: please complete chapter X.")
    apply_transition(focal_point, report, "resubmit")
    apply_transition(reviewer, report, "validate")
    client = Client()
    client.force_login(focal_point)
    base = f"/reporting/{cycle.pk}/CHE"
    pdf = client.get(f"{base}/report.pdf")
    assert pdf.status_code == 200, pdf.status_code
    pages = rendered_text(client.get(f"{base}/print").content.decode()).count("\f") + 1  # as the PDF's
    print(
        f"SQLite; CHE's report of {cycle.name}: {len(answers)} questions in chapters {', '.join(cycle.chapters)}, "
        f"all answered, {report.events.count()} events; the PDF has {pages} A4 pages "
        f"({len(pdf.content) // 1024} KiB); {runs} runs each"
    )
    _figure("the printable report (GET …/print)", timed(getting(client, f"{base}/print"), runs), 500)
    _figure("its PDF (GET …/report.pdf, WeasyPrint)", timed(getting(client, f"{base}/report.pdf"), runs), 10000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs of each (default 10)")
    options = parser.parse_args()
    os.environ.pop("DATABASE_URL", None)
    folder = tempfile.mkdtemp(prefix="viennaplan-bench-report-print-")
    os.environ["VIENNAPLAN_VAR_DIR"] = folder
    try:
        fill(options.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
