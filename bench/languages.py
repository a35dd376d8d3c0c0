"""Benchmark of issue 11: the same page in English, French and Arabic (server time through Django's
test Client, median of 50). Goal: every language within 10% of English.

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
PAGES = {"home": "/", "provision 57(k)(ii)": "/plan/57/k/ii"}
LANGUAGES = ["en", "fr", "ar"]


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from benchenv import demo_database_with_treaty_status

    demo_database_with_treaty_status("viennaplan-bench-languages-")
    from django.conf import settings
    from django.test import Client

    from viennaplan.plan.saving import import_plan_text

    import_plan_text(Path(settings.PLAN_SOURCE_FILE).read_text(encoding="utf-8"), source_name="bench")
    clients = {}
    for code in LANGUAGES:
        clients[code] = Client()
        clients[code].cookies[settings.LANGUAGE_COOKIE_NAME] = code

    print(f"median of {RUNS} (ms), server time through the test Client; goal: within 10% of English")
    for label, url in PAGES.items():
        times: dict[str, list[float]] = {code: [] for code in LANGUAGES}
        for code in LANGUAGES:  # warm up: templates, catalogues, caches
            response = clients[code].get(url)
            assert response.status_code == 200 and f'<html lang="{code}"' in response.content.decode(), (url, code)
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


if __name__ == "__main__":
    main()
