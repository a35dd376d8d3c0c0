"""Fixtures of the tests of requests for technical assistance (tests/assistance/test_requests_*.py):
a reporting cycle on chapter VI, CHE's answer on 57(f) that asks for assistance, and a filed request
of CHE (`ta_request`) with `ta_bring(request, status)` to move one to a status as the secretariat.
Named ta_* so as not to shadow the fixtures of the sub-apps' tests below this folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from request_paths import NEED, PATH_TO

from viennaplan.assistance.filing import file_request
from viennaplan.assistance.models import AssistanceRequest
from viennaplan.assistance.transitions import apply_transition


@pytest.fixture
def ta_cycle(imported_plan, secretariat):
    from viennaplan.reporting.cycles import open_cycle

    return open_cycle(secretariat, "2002 review", date(2002, 1, 1), date(2002, 12, 31), ["VI"])


@pytest.fixture
def ta_answer(ta_cycle):
    """CHE's answer on 57(f), asking for assistance."""
    from viennaplan.reporting.cycles import report_for
    from viennaplan.reporting.models import Answer

    report = report_for(ta_cycle, "CHE")
    if report.pk is None:
        report.save()
    question = ta_cycle.questions.get(path="57/f")
    answer, _created = Answer.objects.get_or_create(report=report, question=question)
    answer.assistance_needed = True
    answer.assistance_description = NEED
    answer.responsible_institution = "Federal Office of Police"
    answer.save()
    return answer


@pytest.fixture
def ta_file(db, secretariat) -> Callable[..., AssistanceRequest]:
    """ta_file("FRA", kind="equipment"): a request filed by the secretariat (no plan imported: the
    chapter and provisions are then checked only for their form, which keeps these tests fast)."""

    def filed(state: str = "CHE", **fields) -> AssistanceRequest:
        given = {"chapter": "VI", "need": NEED, "kind": "training", "provisions": ["57/f"], **fields}
        return file_request(secretariat, state, **given)

    return filed


@pytest.fixture
def ta_request(ta_file) -> AssistanceRequest:
    return ta_file("CHE")


@pytest.fixture
def ta_bring(secretariat) -> Callable[[AssistanceRequest, str], AssistanceRequest]:
    def bring(request: AssistanceRequest, status: str) -> AssistanceRequest:
        for name in PATH_TO[status]:
            apply_transition(secretariat, request, name, "Not in the programme." if name == "decline" else "")
        return request

    return bring
