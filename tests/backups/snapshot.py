"""Print, as JSON, everything a database answers: every model's rows and a set of pages and API calls.

Run as a script against the database named by the environment (like `viennaplan`):

    python tests/backups/snapshot.py            {"records": {...}, "pages": {...}}
    python tests/backups/snapshot.py --search   only the search page and API for "markings"

Two databases that print the same snapshot answer every page and search alike, record by record
(history tables and accounts included). The rows are read before any page is requested; pages
are requested anonymously and as the Secretariat, with the CSRF tokens blanked out, in a
transaction that is rolled back (signing in writes), so a snapshot leaves the database as it was.
"""

from __future__ import annotations

import json
import os
import re
import sys

SEARCHES = ["/plan/search?q=markings", "/api/plan/search?q=markings"]
PAGES = [
    "/",
    "/plan/chapter/II",
    "/plan/57/k/ii",
    "/plan/notes",
    *SEARCHES,
    "/api/plan/provisions/57/k/ii",
    "/treaties/",
    "/treaties/UNTOC",
    "/treaties/states/CHE",
    "/countries/CHE",
    "/reporting/status",
    "/reporting/progress",
]
SECRETARIAT_PAGES = ["/reporting/", "/accounts/"]
# Not content: a number drawn anew for the caches of the running processes whenever the plan changes
# (plan/kept.py); what it is does not matter, only that it changes, and migrating it back and forth draws
# a new one.
NOT_CONTENT = {"plan.PlanStamp"}
_TOKEN = re.compile(r'(csrfmiddlewaretoken" value="|csrf-token" content=")[^"]+')


def records() -> dict[str, list[dict[str, object]]]:
    from django.apps import apps

    found = {}
    for model in sorted(apps.get_models(include_auto_created=True), key=lambda m: m._meta.label):
        if model._meta.label in NOT_CONTENT:
            continue
        rows = model._default_manager.order_by("pk").values()
        found[model._meta.label] = [{key: _plain(value) for key, value in row.items()} for row in rows]
    return found


def _plain(value: object) -> object:
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)


def pages(paths: list[str]) -> dict[str, str]:
    from django.contrib.auth import get_user_model
    from django.test import Client

    anonymous = Client()
    answers = {path: _answer(anonymous.get(path)) for path in paths}
    secretariat = get_user_model().objects.filter(profile__role="secretariat").order_by("pk").first()
    if secretariat is not None and paths is not SEARCHES:
        signed_in = Client()
        signed_in.force_login(secretariat)
        report_pages = _report_pages()
        for path in SECRETARIAT_PAGES + report_pages:
            answers[f"secretariat {path}"] = _answer(signed_in.get(path))
    return answers


def _report_pages() -> list[str]:
    from viennaplan.reporting.models import Report

    report = Report.objects.order_by("pk").first()
    if report is None:
        return []
    base = f"/reporting/{report.cycle_id}/{report.state_id}/"
    return [base, f"{base}history", f"/reporting/{report.cycle_id}/"]


def _answer(response) -> str:
    body = _TOKEN.sub(r"\1TOKEN", response.content.decode("utf-8", errors="replace"))
    return f"{response.status_code}\n{body}"


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    import django

    django.setup()
    from django.db import transaction

    snapshot = {} if "--search" in argv else {"records": records()}
    with transaction.atomic():  # signing in writes a session and last_login: rolled back, as is all else
        snapshot["pages"] = pages(SEARCHES if "--search" in argv else PAGES)
        transaction.set_rollback(True)
    json.dump(snapshot, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
