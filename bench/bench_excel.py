"""Benchmark of issue 4 (offline questionnaires): generating and re-importing a State's workbook.

Run by hand (never by `make test`):  .venv/bin/python bench/bench_excel.py [--states 197] [--runs 10]

It uses a throw-away SQLite database in a temporary folder, imports the plan, opens three
cycles on every chapter and fills every national action's answer for `--states` States in each
(SYNTHETIC: generated answers, never real reports). Then, for one State (CHE) in the latest
cycle, it times through the web views (server time, in process):

- generation: GET questionnaire.xlsx (questions and answers read, workbook built);
- re-import: POST upload of a workbook in which every answer was changed (checked cell by cell
  and every answer saved, with its version and history), the worst case.

Targets: generation under 1 s, re-import under 2 s (medians).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import date
from typing import Any

CYCLES = (("2002 review", 2002), ("2003 interim review", 2003), ("2005 review", 2005))
STATUSES = ("implemented", "partially_implemented", "in_progress", "not_started", "not_applicable", "no_information")
LABELS = ("Implemented", "Partially implemented", "In progress", "Not started", "Not applicable", "No information")


def _figure(label: str, times: list[float], target_ms: float) -> None:
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    verdict = "within" if median < target_ms else "OVER"
    print(f"{label:44} median {median:7.1f} ms   worst {worst:7.1f} ms   target {target_ms:.0f} ms: {verdict}")


def synthetic_answers(states: int, rng: random.Random) -> int:
    """Open the cycles and give `states` States a report in each, every answer filled (SYNTHETIC)."""
    from viennaplan.accounts.invitations import create_account
    from viennaplan.countries.models import Country
    from viennaplan.reporting.cycles import open_cycle, report_for
    from viennaplan.reporting.models import Answer

    secretariat = create_account(email="bench-secretariat@example.org", role="secretariat", password="bench-only-pw-1")
    chapters = ["III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    codes = [
        "CHE",
        *Country.objects.exclude(kind="organization").exclude(alpha3="CHE").values_list("alpha3", flat=True),
    ]
    for name, year in CYCLES:
        cycle = open_cycle(secretariat, name, date(year, 1, 1), date(year, 12, 31), chapters)
        for code in codes[:states]:
            report_for(cycle, code)
        answers = list(Answer.objects.filter(report__cycle=cycle))
        for answer in answers:
            answer.status = rng.choice(STATUSES)
            answer.narrative = f"SYNTHETIC narrative {rng.randint(1, 10**6)}: measures taken in {year}."
            answer.measures = [
                {"kind": "law", "title": f"SYNTHETIC act {rng.randint(1, 999)}", "url": "", "date": f"{year}-03-01"}
            ]
            answer.responsible_institution = "SYNTHETIC Ministry of Justice"
            answer.assistance_needed = rng.random() < 0.3
        Answer.objects.bulk_update(answers, ["status", "narrative", "measures", "responsible_institution"], 2000)
    return Answer.objects.count()


def every_answer_changed(content: bytes, run: int) -> bytes:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content))
    for sheet in workbook.worksheets[1:]:
        for row in range(3, sheet.max_row + 1):
            sheet[f"C{row}"] = LABELS[(row + run) % len(LABELS)]
            sheet[f"D{row}"] = f"Revised offline, run {run}: the measures of row {row} are in force."
            sheet[f"E{row}"] = f"Law | Act {run}-{row} | https://example.org/{row} | 2005-0{1 + run % 9}-15"
            sheet[f"G{row}"] = "Yes" if (row + run) % 2 else "No"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--states", type=int, default=197, help="States with reports in each cycle (default 197)")
    parser.add_argument("--runs", type=int, default=10, help="timed runs of each operation (default 10)")
    options = parser.parse_args()

    os.environ.pop("DATABASE_URL", None)
    folder = tempfile.mkdtemp(prefix="viennaplan-bench-excel-")
    os.environ["VIENNAPLAN_VAR_DIR"] = folder
    try:
        measure(options.states, options.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(states: int, runs: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from viennaplan.accounts.invitations import create_account
    from viennaplan.plan.saving import import_plan_text
    from viennaplan.reporting import excel, excel_reading
    from viennaplan.reporting.models import Report
    from viennaplan.reporting.offline import questionnaire_of

    call_command("migrate", verbosity=0)
    import_plan_text(settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8"), source_name=settings.PLAN_SOURCE_FILE.name)
    start = time.perf_counter()
    total = synthetic_answers(states, random.Random(2001))
    print(f"SQLite, {states} States x {len(CYCLES)} cycles: {total} SYNTHETIC answers", end="")
    print(f" (generated in {time.perf_counter() - start:.0f} s)")

    report = Report.objects.select_related("cycle", "state").get(cycle__name=CYCLES[-1][0], state_id="CHE")
    questions = report.answers.count()
    print(f"One State (CHE), {report.cycle.name}: {questions} questions in {len(report.cycle.chapters)} chapters")
    focal_point = create_account(
        email="bench-focal@example.org", role="focal_point", state="CHE", password="bench-pw-1"
    )
    client = Client()
    client.force_login(focal_point)
    base = f"/reporting/{report.cycle_id}/CHE"

    def timed(run: Any) -> float:
        start = time.perf_counter()
        run()
        return time.perf_counter() - start

    def get() -> Any:
        response = client.get(f"{base}/questionnaire.xlsx")
        assert response.status_code == 200, response.status_code
        return response

    get()  # warm up
    generation = [timed(get) for _ in range(runs)]
    building = [timed(lambda: excel.build_workbook(questionnaire_of(report))) for _ in range(runs)]

    uploads, readings = [], []
    for run in range(runs):
        content = every_answer_changed(get().content, run)
        readings.append(timed(lambda c=content: excel_reading.read_workbook(c, questionnaire_of(report))))
        handle = io.BytesIO(content)
        handle.name = "filled.xlsx"

        def post(h: io.BytesIO = handle) -> None:
            response = client.post(f"{base}/upload", {"workbook": h})
            assert response.status_code == 200, response.content.decode()[:2000]
            assert f"{questions} answers updated." in response.content.decode(), "not every answer was saved"

        uploads.append(timed(post))

    print(f"workbook size {len(get().content) / 1024:.0f} KB; {runs} runs each")
    _figure("generation: GET questionnaire.xlsx", generation, 1000)
    _figure("  of which building the workbook (+ queries)", building, 1000)
    _figure("re-import: POST upload, every answer changed", uploads, 2000)
    _figure("  of which reading and checking every cell", readings, 2000)


if __name__ == "__main__":
    main()
