"""The events' JSON twin: the same rows as the pages, an event with everything that belongs to it,
and the API's one error body for a bad filter."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_list_is_paged_and_points_back_at_its_page(client_as, anonymous, events):
    listed = client_as(anonymous).get("/api/assistance/events?kind=global_forum").json()
    assert (listed["count"], listed["page"], listed["pages"], listed["per_page"]) == (1, 1, 1, 50)
    assert listed["url"] == "/assistance/events?kind=global_forum"
    [forum] = listed["events"]
    assert forum["kind_label"] == "global forum" and forum["host"] == "AUT" and forum["host_name"] == "Austria"
    assert forum["start"] == "2002-11-04" and forum["end"] == "2002-11-06"
    assert [p["citation"] for p in forum["provisions"]] == ["44(j)", "46(c)"]
    assert forum["url"] == "/assistance/events/forum-2002"


def test_an_event_with_participants_documents_and_outputs(client_as, anonymous, events):
    event = client_as(anonymous).get("/api/assistance/events/dakar-2002").json()
    assert event["participants"] == 17
    assert [(p["state"], p["participants"]) for p in event["participations"]] == [
        ("FRA", 3),
        ("SEN", 12),
        ("CHE", 2),
    ]
    assert [(d["kind"], d["symbol"]) for d in event["documents"]] == [
        ("programme", ""),
        ("report", "UNODC/SEM.2002/1"),
    ]
    assert [(o["kind"], o["quantity"]) for o in event["outputs"]] == [
        ("officials_trained", 45),
        ("recommendations", None),
    ]
    assert event["requests_answered"] == 0 and event["requests"] == [] and event["project"] is None
    assert event["description"] == "Marking and record-keeping of firearms.\nWith a second line."


def test_a_bad_filter_is_the_apis_one_error_body(client_as, anonymous, events):
    answer = client_as(anonymous).get("/api/assistance/events?kind=picnic")
    assert answer.status_code == 422
    body = answer.json()
    assert set(body) == {"detail", "errors"}
    assert body["errors"] == [
        "query kind: 'picnic' is not one of "
        + ", ".join(
            [
                "regional_seminar",
                "high_level_seminar",
                "global_forum",
                "world_conference",
                "conference_of_parties",
                "corruption_preparatory",
                "training_workshop",
                "other",
            ]
        )
    ]


def test_an_unknown_event_is_the_apis_404(client_as, anonymous, events):
    answer = client_as(anonymous).get("/api/assistance/events/nothing-here")
    assert answer.status_code == 404 and "detail" in answer.json()
