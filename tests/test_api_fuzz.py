"""A bounded schemathesis run over the whole JSON API, in-process against the WSGI application:
every operation, as the public and as the Secretariat, with generated input and with input that
names things that exist (the imported plan, UNTOC, CHE, the cycle and its reports). No answer
may be a server error, and every answer must be what the OpenAPI document says: a documented
status code, the documented content type and a body of the documented shape."""

from __future__ import annotations

import os
import time
from collections import Counter
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode, checks

from viennaplan.reporting.contributions import submit_contribution
from viennaplan.reporting.cycles import open_cycle, report_for
from viennaplan.reporting.international import international_units
from viennaplan.reporting.transitions import apply_transition
from viennaplan.treaties.importer import import_status_list
from viennaplan.wsgi import application

TREATY_ACTIONS = Path(__file__).parent / "treaties" / "data" / "synthetic_small.csv"
# per operation, per persona, per kind of input (generated, naming what exists, invalid); a deeper
# run by hand: VIENNAPLAN_FUZZ_EXAMPLES=60 .venv/bin/python -m pytest tests/test_api_fuzz.py
EXAMPLES = int(os.environ.get("VIENNAPLAN_FUZZ_EXAMPLES", "3"))
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@contextmanager
def in_process():
    """Let WSGI requests run inside the test's transaction, as django.test.Client does: a request
    must not close the connection the test's transaction lives on."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def schema():
    """The document as the application serves it (building it reads no database)."""
    with in_process():
        return schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def in_process_requests():
    with in_process():
        yield


@pytest.fixture
def api_data(imported_plan, secretariat, focal_point_a, focal_point_b, reviewer, contributor):
    import_status_list(TREATY_ACTIONS.read_bytes(), source_name=TREATY_ACTIONS.name)
    cycle = open_cycle(secretariat, "2002 review", date(2002, 1, 1), date(2002, 12, 31), ["VI", "VII"])
    report_for(cycle, "CHE")  # a draft
    published = report_for(cycle, "FRA")
    apply_transition(focal_point_b, published, "submit", "")
    apply_transition(reviewer, published, "validate", "")
    apply_transition(secretariat, published, "publish", "")
    submit_contribution(contributor, published, "Prison reform has moved faster than the report says.")
    question = cycle.questions.order_by("position").first()
    from viennaplan.indicators.importer import import_observations
    from viennaplan.indicators.models import Indicator
    from viennaplan.monitoring.models import IndicatorTarget

    import_observations(  # values to map (SYNTHETIC)
        b"iso3,year,indicator,value,source\nCHE,2005,homicide_rate,0.5,synthetic\nFRA,2005,homicide_rate,1.2,synthetic\n",
        source_name="synthetic.csv",
    )

    target = IndicatorTarget.objects.create(
        indicator=Indicator.objects.get(code="homicide_rate"), provision="35(a)", baseline_year=2000, target_year=2005
    )
    from knowledge_data import import_samples

    import_samples()  # a published record in every collection of the knowledge databases
    from assistance_data import make_samples

    assistance = make_samples(secretariat, focal_point_a)  # a request of CHE, a fund's ledger, events
    names = {
        "version": imported_plan.pk,
        "number": "IV",
        "path": "57/k",
        "code": "UNTOC",
        "alpha3": "CHE",
        "cycle_id": cycle.pk,
        "state": "FRA",
        "question": question.path,
        "name": "submit",
        "contribution_id": published.contributions.first().pk,
        "target_id": target.pk,
    }
    by_operation = {
        "/api/plan/notes/{number}": {"number": 1},
        "/api/countries/{code}": {"code": "AFG"},  # on the list of least developed countries
        "/api/indicators/{code}": {"code": "homicide_rate"},
        "/api/indicators/{code}/observations": {"code": "homicide_rate"},
        "/api/maps/indicators/{code}": {"code": "homicide_rate"},
        "/api/targets/deadlines/{key}": {"key": "ratify-untoc"},
        "/api/knowledge/legislation/{state}/{key}": {"state": "CHE", "key": "SR-514.54"},
        "/api/knowledge/assessments/{state}/{key}": {"state": "KEN", "key": "NCS-2019"},
        "/api/knowledge/documents/{key}": {"key": "practical-measures"},
        "/api/knowledge/documents/{key}/{label}": {"key": "practical-measures", "label": "1.0"},
        "/api/knowledge/authorities/{state}/{key}": {"state": "CHE", "key": "FOJ-MLA"},
        "/api/knowledge/firearms/reports/{state}/{year}": {"state": "CHE", "year": 2003},
        "/api/knowledge/firearms/{state}": {"state": "CHE"},
        "/api/knowledge/trafficking/{key}": {"key": "F-ROU-FRA"},
        "/api/knowledge/trafficking/by/{dimension}": {"dimension": "form"},
        "/api/knowledge/patterns/{key}": {"key": "ANDES-COCAINE"},
        "/api/knowledge/practices/{key}": {"key": "SADC-firearms-marking"},
        "/api/knowledge/legislation/guide/{instrument}/{article}": {"instrument": "FIREARMS", "article": "5"},
        "/api/reporting/cycles/{cycle_id}/international/{path}": {"path": international_units(cycle)[0].path},
        "/api/assistance/requests/{key}": {"key": assistance["request"]},
        "/api/assistance/events/{key}": {"key": "dakar-2002"},
        "/api/assistance/projects/{key}": {"key": assistance["project"]},
        "/api/assistance/donors/{donor_id}/needs": {"donor_id": int(assistance["donor"])},
        "/api/assistance/funds/{key}": {"key": "gp-trafficking"},
        "/api/assistance/donors/{donor_id}": {"donor_id": int(assistance["donor"])},
    }
    queries = {
        "/api/countries/resolve": {"name": "Switzerland"},
        "/api/reporting/progress/matrix/cell": {"chapter": "VI", "by": "region", "area": "Europe"},
    }
    return lambda path: ({**names, **by_operation.get(path, {})}, queries.get(path, {}))


def session_cookies(user) -> dict[str, str]:
    """A signed-in session (or none) and a CSRF token the matching header repeats."""
    cookies = {"csrftoken": _get_new_csrf_string()}
    if user is not None:
        client = Client()
        client.force_login(user)
        cookies["sessionid"] = client.cookies["sessionid"].value
    return cookies


def run_operation(operation, known: tuple[dict, dict], cookies: dict[str, str]) -> list[int]:
    """Generated input, and input naming what exists; the status codes of the answers."""
    statuses: list[int] = []
    path_values, query = known
    names = {parameter.name for parameter in operation.path_parameters}
    fixed = {name: value for name, value in path_values.items() if name in names}
    strategies = [operation.as_strategy()]
    if fixed or query:
        strategies.append(operation.as_strategy(path_parameters=fixed or None, query=query or None))
    if "422" in operation.responses.status_codes:  # input that breaks the document's rules: the 422 body
        strategies.append(operation.as_strategy(generation_mode=GenerationMode.NEGATIVE))
    headers = {"X-CSRFToken": cookies["csrftoken"]}

    @given(case=st.one_of(strategies))
    @settings(
        max_examples=EXAMPLES * len(strategies),
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        response = case.call(headers=headers, cookies=cookies)
        statuses.append(response.status_code)
        case.validate_response(response, checks=CHECKS)

    check()
    return statuses


def depends_on_who_asks(operation) -> bool:
    return (
        operation.path.startswith(
            (
                "/api/reporting",
                "/api/assistance/requests",
                "/api/assistance/projects",
                "/api/assistance/board",
                "/api/assistance/matching",
                "/api/assistance/states",
                "/api/assistance/donors",
            )
        )
        or operation.method.upper() != "GET"
    )


# GETs that answer 401/403 or 404 to the public whatever it asks
NOT_PUBLIC = {
    "GET /api/reporting/contributions",
    "GET /api/reporting/reports/{cycle_id}/{state}/comments",
    "GET /api/assistance/requests",
    "GET /api/assistance/board",
    "GET /api/assistance/matching",
    "GET /api/assistance/requests/{key}",
}


@pytest.mark.parametrize("persona", ["anonymous", "secretariat"])
def test_every_operation_answers_as_the_openapi_document_says(
    schema, api_data, in_process_requests, secretariat, persona
):
    """Anonymous: every operation. The Secretariat: those whose answer depends on who asks."""
    cookies = session_cookies(secretariat if persona == "secretariat" else None)
    operations = [result.ok() for result in schema.get_all_operations()]
    if persona == "secretariat":
        operations = [operation for operation in operations if depends_on_who_asks(operation)]
    started, answers = time.monotonic(), {}
    for operation in operations:
        answers[operation.label] = run_operation(operation, api_data(operation.path), cookies)
    elapsed = time.monotonic() - started
    sent = sum(len(statuses) for statuses in answers.values())
    tally = Counter(status for statuses in answers.values() for status in statuses)
    print(f"schemathesis as {persona}: {len(answers)} operations, {sent} requests, {elapsed:.1f} s; {dict(tally)}")
    never_answered = [
        label
        for label, statuses in answers.items()
        if label.startswith("GET") and label not in NOT_PUBLIC | {"GET /api/reporting/contributions"}
        and not any(200 <= status < 300 for status in statuses)
    ]  # fmt: skip
    assert never_answered == [], "these reads were never answered with data: the run did not check their shape"
    assert len(answers) >= (40 if persona == "anonymous" else 20)
