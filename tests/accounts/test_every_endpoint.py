"""Every endpoint, every persona (issue 14): the routes are read from the URL resolver and the
operations from the OpenAPI document, so a new page or operation without a line in the permission
table (`endpoint_rules.py`) fails the suite, and each line is checked against what the site answers.

The world: the plan, a synthetic treaty status list, a few observations, the monitoring sample cycle
(Switzerland's report published, France's a draft holding a sentence only France may read), the
knowledge collections' samples and the assistance sample. Each request runs in its own transaction,
rolled back, so every persona meets the same world; the world itself is rolled back at the end.

Beside the table: no page or answer of any persona other than France's focal point and the
Secretariat carries France's unpublished sentence, every write refuses a request without its CSRF
token, and every route of the admin sends everyone but the Secretariat to the admin's sign-in."""

from __future__ import annotations

import json
import re
from http.cookies import SimpleCookie
from string import Template

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from endpoint_rules import API, NO, PAGES, PERSONAS, row

pytestmark = pytest.mark.engine_independent

WRITES = ("POST", "PUT", "PATCH", "DELETE")
FRA_SECRET_MARK = "FRA_SECRET"


def page_routes() -> dict[str, str]:
    """{URL name with its namespaces: route pattern} of every page (the API and the admin apart)."""
    found: dict[str, str] = {}

    def walk(patterns, prefix: str, namespaces: tuple[str, ...]) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                spaces = namespaces + ((pattern.namespace,) if pattern.namespace else ())
                walk(pattern.url_patterns, prefix + str(pattern.pattern), spaces)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if route.startswith(("admin/", "api/", "^api/")):
                    continue
                name = ":".join((*namespaces, pattern.name or f"<unnamed {route}>"))
                assert name not in found, f"two routes named {name}: {found[name]} and {route}"
                found[name] = route

    walk(get_resolver().url_patterns, "", ())
    return found


def api_operations() -> set[str]:
    """{"METHOD /api/path/{param}"} of every operation in the OpenAPI document."""
    from viennaplan.api import api

    paths = api.get_openapi_schema()["paths"]
    return {f"{method.upper()} {path}" for path, operations in paths.items() for method in operations}


def admin_routes() -> list[str]:
    """Every route of the admin, its parameters filled with a value that names nothing."""
    found = []

    def walk(patterns, prefix: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                found.append(prefix + str(pattern.pattern))

    walk(get_resolver().url_patterns, "")
    paths = []
    for route in found:
        if not route.startswith("admin/"):
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: "1" if m.group(1) in ("object_id", "pk", "id") else "x", route)
        path = re.sub(r"\(\?P<\w+>[^)]*\)", "x", path).replace("^", "").replace("$", "")
        paths.append("/" + path)
    return paths


# --- the world ---


def build_world() -> tuple[dict[str, object], dict[str, str]]:
    """The people (by persona letter) and the values of the sample URLs' placeholders."""
    from test_pages_six_languages import build_data

    from viennaplan.accounts.invitations import create_account
    from viennaplan.indicators.models import Indicator
    from viennaplan.knowledge.firearms.models import FirearmsReport
    from viennaplan.monitoring.deadlines import DEADLINES
    from viennaplan.monitoring.models import IndicatorTarget
    from viennaplan.notices.models import Notice
    from viennaplan.notices.rules import RETURNED
    from viennaplan.reporting.contributions import submit_contribution
    from viennaplan.reporting.international import international_units
    from viennaplan.reporting.models import Answer, Report

    cycle, people, keys = build_data()
    more = {
        "G": create_account(email="focal.che@example.org", role="focal_point", state="CHE", first_name="Ueli"),
        "C": create_account(email="ngo@example.org", role="contributor", first_name="Nora", organisation="NGO"),
    }
    for user in more.values():
        user.is_active = True
        user.save(update_fields=["is_active"])
    persons = {"S": people["secretariat"], "F": people["focal"], "R": people["reviewer"], **more}

    swiss = Report.objects.get(cycle=cycle, state_id="CHE")
    contribution = submit_contribution(more["C"], swiss, "The report leaves out the cantons' prisons.")
    french = Report.objects.get(cycle=cycle, state_id="FRA")
    answer = Answer.objects.filter(report=french).select_related("question").order_by("question__position").first()
    notice = Notice.objects.create(
        recipient=persons["F"], kind=RETURNED, subject="Returned", text="Please add the dates.", link="/reporting/"
    )
    target = IndicatorTarget.objects.create(
        indicator=Indicator.objects.get(code="tip_persons_convicted"),
        provision="35(a)",
        baseline_year=2004,
        target_year=2006,
        created_by=persons["S"],
    )
    FirearmsReport.objects.create(state_id="FRA", year=2004, status="draft", offences=3)
    values = {
        **keys,
        "cycle": str(cycle.pk),
        "answer": str(answer.pk),
        "question": answer.question.path,
        "international": international_units(cycle)[0].path,
        "contribution": str(contribution.pk),
        "notice": str(notice.pk),
        "target": str(target.pk),
        "deadline": DEADLINES[0].key,
        "document_version": "1.0",
        "version": str(answer.version),
        "uid": "MQ",
        "token": "not-a-valid-token",
    }
    return persons, values


def clients_of(persons, *, csrf: bool = False) -> dict[str, Client]:
    clients = {}
    for persona in PERSONAS:
        client = Client(raise_request_exception=False, enforce_csrf_checks=csrf)
        if persona in persons:
            client.force_login(persons[persona])
        clients[persona] = client
    return clients


def filled(template: str, values: dict[str, str]) -> str:
    return template.format(**values)


def ask(client: Client, method: str, url: str, send: dict | None, *, api: bool, values: dict[str, str]):
    """One request, rolled back: a page's form or the API's JSON (`send`, its "$name" strings filled
    from the world; an empty form or {} without it). The client's cookies are put back too (signing
    out, or choosing a language, changes them)."""
    cookies = SimpleCookie(client.cookies)
    send = {key: Template(v).substitute(values) if isinstance(v, str) else v for key, v in (send or {}).items()}
    send = {key: int(v) if isinstance(v, str) and v.isdigit() else v for key, v in send.items()}
    with transaction.atomic():
        if method == "GET":
            response = client.get(url)
        elif api and "file" in send:
            upload = SimpleUploadedFile("observations.csv", send["file"].encode(), content_type="text/csv")
            response = client.post(url, {"file": upload})
        elif api:
            response = client.generic(method, url, json.dumps(send), content_type="application/json")
        else:
            response = client.post(url, send)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response


class Seen:
    """What each persona got: codes by key and persona; where France's draft showed; the codes
    of the writes sent without a CSRF token; and each admin route's answers."""

    def __init__(self) -> None:
        self.codes: dict[str, dict[str, int]] = {}
        self.leaks: list[str] = []
        self.csrf: dict[str, int] = {}
        self.admin: dict[str, dict[str, tuple[int, str]]] = {}
        self.urls: dict[str, str] = {}
        self.shown_to_france = 0


def look(seen: Seen, clients, key: str, method: str, url: str, send, *, api: bool, values) -> None:
    from monitoring.test_monitoring_sample import FRA_SECRET

    seen.urls[key] = url
    seen.codes[key] = {}
    for persona, client in clients.items():
        response = ask(client, method, url, send, api=api, values=values)
        seen.codes[key][persona] = response.status_code
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if FRA_SECRET.encode() in body:
            if persona in ("S", "F"):
                seen.shown_to_france += persona == "F"
            else:
                seen.leaks.append(f"{key} {url} as {persona}")


class StandInPDF:
    """Stands for weasyprint.HTML: its "PDF" is the HTML it was given, so the check for France's draft
    reads what a PDF would show, and a PDF costs nothing (WeasyPrint takes seconds; the PDFs
    themselves are tested where they are made)."""

    def __init__(self, string: str = "", **_: object) -> None:
        self.string = string

    def write_pdf(self) -> bytes:
        return b"%PDF-1.7 stand-in\n" + self.string.encode()


@pytest.fixture(scope="module")
def seen(django_db_setup, django_db_blocker) -> Seen:
    """Every route and operation asked by every persona in the world, then the world rolled back."""
    import weasyprint

    seen = Seen()
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(weasyprint, "HTML", StandInPDF)
        cache.clear()
        with transaction.atomic():
            persons, values = build_world()
            clients = clients_of(persons)
            for name, page in PAGES.items():
                url = filled(page.url, values)
                look(seen, clients, f"GET {name}", "GET", url, None, api=False, values=values)
                look(seen, clients, f"POST {name}", "POST", url, page.data, api=False, values=values)
            for key, op in API.items():
                look(seen, clients, key, key.split()[0], filled(op.url, values), op.body, api=True, values=values)
            guarded = clients_of(persons, csrf=True)["S"]
            for name, page in PAGES.items():
                if page.post.split()[0] != "405":
                    url = filled(page.url, values)
                    response = ask(guarded, "POST", url, page.data, api=False, values=values)
                    seen.csrf[f"POST {name}"] = response.status_code
            for key, op in API.items():
                if key.split()[0] in WRITES:
                    response = ask(guarded, key.split()[0], filled(op.url, values), op.body, api=True, values=values)
                    seen.csrf[key] = response.status_code
            for path in admin_routes():
                seen.admin[path] = {}
                for persona, client in clients.items():
                    response = ask(client, "GET", path, None, api=False, values=values)
                    seen.admin[path][persona] = (response.status_code, response.get("Location", ""))
            transaction.set_rollback(True)
        cache.clear()
    return seen


# --- the tests ---

SUCCESS = range(200, 400)


def differences(seen: Seen, table: dict[str, str]) -> list[str]:
    """'GET reporting:report /reporting/1/FRA/: R got 200, the table says 404', one per persona."""
    found = []
    for key, codes in table.items():
        for persona, code in row(codes).items():
            got = seen.codes[key][persona]
            if got != code:
                found.append(f"{key} {seen.urls[key]}: {persona} got {got}, the table says {code}")
    return found


def test_every_route_has_a_rule():
    routes, operations = page_routes(), api_operations()
    missing = sorted(set(routes) - set(PAGES)) + sorted(operations - set(API))
    gone = sorted(set(PAGES) - set(routes)) + sorted(set(API) - operations)
    assert not missing, "routes without a line in endpoint_rules.py (say who may use them):\n" + "\n".join(missing)
    assert not gone, "lines in endpoint_rules.py for routes that are gone:\n" + "\n".join(gone)
    assert len(routes) > 100 and len(operations) > 100  # the walk found the site


def test_each_sample_url_reaches_its_route():
    values = dict.fromkeys(("cycle", "answer", "contribution", "notice", "target", "donor"), "1")
    values |= {"question": "57/k", "international": "70/a", "deadline": "ratify-untoc", "request": "TA-FRA-2002-001"}
    values |= {"project": "PRJ-1", "document_version": "1.0", "uid": "MQ", "token": "x-y"}
    wrong = [
        f"{name}: {page.url} reaches {resolve(filled(page.url, values).split('?')[0]).view_name}"
        for name, page in PAGES.items()
        if resolve(filled(page.url, values).split("?")[0]).view_name != name
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_every_page_answers_each_persona_as_the_table_says(seen):
    table = {f"GET {name}": page.get for name, page in PAGES.items()}
    table |= {f"POST {name}": page.post for name, page in PAGES.items()}
    assert not differences(seen, table), "\n".join(differences(seen, table))


@pytest.mark.django_db
def test_every_api_operation_answers_each_persona_as_the_table_says(seen):
    table = {key: op.codes for key, op in API.items()}
    assert not differences(seen, table), "\n".join(differences(seen, table))


def test_every_write_in_the_table_is_let_through_for_someone():
    """A refusal means something only where the same request goes through for someone: each write's
    sample input must be accepted (or refused as input, after the permission check) for a persona."""
    rows = {f"POST {name}": page.post for name, page in PAGES.items() if page.post != NO}
    rows |= {key: op.codes for key, op in API.items() if key.split()[0] in WRITES}
    idle = [
        key for key, codes in rows.items() if not any(code in SUCCESS or code == 400 for code in row(codes).values())
    ]
    assert not idle, "writes refused to everyone: give them a sample input that someone may send\n" + "\n".join(idle)
    api_writes = {key: codes for key, codes in rows.items() if key.startswith(WRITES) and "/api/" in key}
    refused_as_input = [key for key, codes in api_writes.items() if 422 in row(codes).values()]
    assert not refused_as_input, "the API checks input before permission: give a valid body\n" + "\n".join(
        refused_as_input
    )


@pytest.mark.django_db
def test_no_one_else_reads_frances_draft_anywhere(seen):
    assert seen.shown_to_france > 0  # France's focal point does read it: the search looked at real pages
    assert not seen.leaks, "France's unpublished sentence shown to others:\n" + "\n".join(seen.leaks)


@pytest.mark.django_db
def test_every_write_refuses_a_request_without_its_csrf_token(seen):
    writes = [f"POST {name}" for name, page in PAGES.items() if page.post != NO]
    writes += [key for key in API if key.split()[0] in WRITES]
    assert sorted(seen.csrf) == sorted(writes)
    let_through = {key: code for key, code in seen.csrf.items() if code != 403}
    assert not let_through, f"writes taken without a CSRF token (the Secretariat signed in): {let_through}"


@pytest.mark.django_db
def test_the_admin_is_the_secretariats_alone(seen):
    """Every route of the admin sends everyone else to the admin's sign-in; the Secretariat is let in."""
    assert len(seen.admin) > 100
    problems = []
    for path, answers in seen.admin.items():
        if path in ("/admin/login/", "/admin/logout/"):
            continue
        for persona, (code, location) in answers.items():
            to_sign_in = code == 302 and location.startswith("/admin/login/")
            if persona == "S" and (to_sign_in or code == 500):
                problems.append(f"{path}: the Secretariat got {code} {location}")
            elif persona != "S" and not to_sign_in:
                problems.append(f"{path}: {persona} got {code} {location}, not the admin's sign-in")
    assert seen.admin["/admin/"]["S"][0] == 200
    assert not problems, "\n".join(problems)
