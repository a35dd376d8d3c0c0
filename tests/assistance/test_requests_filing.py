"""Filing requests: directly, for one's own State only, checked before anything is written; and from
a national report's answer, one request per answer, linked both ways."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from request_paths import NEED

from viennaplan.assistance.filing import file_request, request_from_answer
from viennaplan.assistance.models import AssistanceRequest


def test_a_focal_point_files_a_request_of_its_own_state_received_with_a_key(focal_point_a):
    request = file_request(
        focal_point_a,
        "CHE",
        chapter="vi",
        need=NEED,
        kind="equipment",
        urgency="high",
        provisions=["57/f", "/57/f/"],
        articles=[("FIREARMS", "8(1)")],
        estimated_cost=Decimal("25000.00"),
        currency="chf",
        shareable=True,
    )
    request.refresh_from_db()
    assert request.key == f"TA-CHE-{request.created_at.year}-001"
    assert (request.status, request.chapter, request.currency, request.created_by) == (
        "received",
        "VI",
        "CHF",
        focal_point_a,
    )
    assert [p.path for p in request.provisions.all()] == ["57/f"]
    assert [(a.instrument_id, a.article) for a in request.articles.all()] == [("FIREARMS", "8(1)")]
    assert file_request(focal_point_a, "CHE", chapter="VI", need=NEED, kind="training").key.endswith("-002")
    assert request.history.get().history_user == focal_point_a


@pytest.mark.parametrize("persona", ["focal_point_a", "reviewer", "contributor", "anonymous"])
def test_nobody_but_the_secretariat_files_for_fra_but_its_focal_point(request, persona, focal_point_b, secretariat):
    with pytest.raises(PermissionDenied):
        file_request(request.getfixturevalue(persona), "FRA", chapter="VI", need=NEED, kind="training")
    assert not AssistanceRequest.objects.exists()
    assert file_request(focal_point_b, "FRA", chapter="VI", need=NEED, kind="training").state_id == "FRA"
    assert file_request(secretariat, "FRA", chapter="VI", need=NEED, kind="training").state_id == "FRA"


def test_every_bad_field_is_reported_and_nothing_is_written(imported_plan, focal_point_a):
    with pytest.raises(ValidationError) as wrong:
        file_request(
            focal_point_a,
            "CHE",
            chapter="XX",
            need=" ",
            kind="money",
            urgency="yesterday",
            provisions=["57/f", "999/z", "not a path"],
            articles=[("NOPE", "8"), ("FIREARMS", "eight")],
            estimated_cost=Decimal("-5"),
            currency="euro",
        )
    problems = wrong.value.message_dict
    assert {"chapter", "need", "kind", "urgency", "provisions", "articles", "currency"} <= set(problems)
    assert len(problems["provisions"]) == 2 and len(problems["articles"]) == 2
    assert not AssistanceRequest.objects.exists()


def test_a_cost_must_not_be_negative_and_needs_a_currency(focal_point_a):
    for cost, currency, field in ((Decimal("-1"), "USD", "estimated_cost"), (Decimal("10"), "", "currency")):
        with pytest.raises(ValidationError) as wrong:
            file_request(
                focal_point_a, "CHE", chapter="VI", need=NEED, kind="training", estimated_cost=cost, currency=currency
            )
        assert field in wrong.value.message_dict


def test_an_answer_asking_for_assistance_becomes_a_received_request_linked_both_ways(ta_answer, focal_point_a):
    request = request_from_answer(focal_point_a, ta_answer)
    assert (request.state_id, request.chapter, request.need, request.status) == ("CHE", "VI", NEED, "received")
    assert [p.path for p in request.provisions.all()] == ["57/f"]
    assert request.requesting_authority == "Federal Office of Police"
    ta_answer.refresh_from_db()
    assert ta_answer.assistance_request == request and request.answer == ta_answer


def test_asking_again_returns_the_same_request(ta_answer, focal_point_a, secretariat):
    first = request_from_answer(focal_point_a, ta_answer)
    assert request_from_answer(focal_point_a, ta_answer) == first
    assert request_from_answer(secretariat, ta_answer) == first
    assert AssistanceRequest.objects.count() == 1


def test_an_answer_of_che_is_not_filed_by_fras_focal_point(ta_answer, focal_point_b):
    with pytest.raises(PermissionDenied):
        request_from_answer(focal_point_b, ta_answer)
    assert not AssistanceRequest.objects.exists()


def test_an_answer_that_does_not_ask_for_assistance_files_nothing(ta_answer, focal_point_a):
    ta_answer.assistance_needed = False
    ta_answer.save()
    with pytest.raises(ValidationError, match="does not ask for assistance"):
        request_from_answer(focal_point_a, ta_answer)
    assert not AssistanceRequest.objects.exists()
