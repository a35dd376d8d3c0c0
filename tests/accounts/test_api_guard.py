"""The django-ninja helpers: `api_require` inside an operation and `@api_requires` around one
answer 401 to the public, 403 to a signed-in user, with the reason in {"detail": ...}."""

from __future__ import annotations

from accounts_fakes import FakeReport
from django.http import Http404
from ninja import Router
from ninja.testing import TestClient

from viennaplan.accounts.permissions import api_require, api_requires

REPORTS = {1: FakeReport("CHE", "draft"), 2: FakeReport("FRA", "published")}


def load_report(request, report_id: int) -> FakeReport:
    try:
        return REPORTS[int(report_id)]
    except KeyError:
        raise Http404(f"There is no report {report_id}.") from None


router = Router()


@router.get("/inline/{report_id}")
def read_inline(request, report_id: int):
    report = load_report(request, report_id)
    api_require(request, "report.view", report)
    return {"state": report.state_id}


@router.get("/decorated/{report_id}")
@api_requires("report.view", get_object=load_report)
def read_decorated(request, report_id: int):
    return {"state": REPORTS[report_id].state_id}


@router.post("/cycles")
@api_requires("cycle.manage")
def open_cycle(request):
    return {"opened": True}


client = TestClient(router)


def test_a_focal_point_reads_their_own_draft_through_both_helpers(focal_point_a):
    for path in ("/inline/1", "/decorated/1"):
        response = client.get(path, user=focal_point_a)
        assert response.status_code == 200 and response.json() == {"state": "CHE"}


def test_another_states_focal_point_is_refused_with_403_and_the_reason(focal_point_b):
    for path in ("/inline/1", "/decorated/1"):
        response = client.get(path, user=focal_point_b)
        assert response.status_code == 403
        assert "focal points act only for their own State (FRA)" in response.json()["detail"]


def test_the_public_is_refused_with_401_and_reads_what_is_published(anonymous):
    assert client.get("/decorated/1", user=anonymous).status_code == 401
    assert client.get("/inline/1", user=anonymous).status_code == 401
    assert client.get("/decorated/2", user=anonymous).json() == {"state": "FRA"}


def test_an_unknown_object_answers_404_with_a_detail(secretariat):
    response = client.get("/decorated/9", user=secretariat)
    assert response.status_code == 404 and response.json() == {"detail": "There is no report 9.", "errors": []}


def test_an_action_without_object_is_decided_by_role(secretariat, reviewer):
    assert client.post("/cycles", user=secretariat).json() == {"opened": True}
    response = client.post("/cycles", user=reviewer)
    assert response.status_code == 403
    assert response.json()["detail"] == "Not allowed: a reviewer may not open or change a reporting cycle."
