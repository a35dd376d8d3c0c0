"""The reporting JSON API: the same data and rules as the pages."""

from __future__ import annotations

import json

from viennaplan.reporting.answers import save_answer
from viennaplan.reporting.models import Answer

API = "/api/reporting"


def patch(client, url, body):
    return client.patch(url, json.dumps(body), content_type="application/json")


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_secretariat_opens_a_cycle_through_the_api(imported_plan, client_as, secretariat):
    body = {"name": "2002 review", "opens": "2002-01-01", "closes": "2002-12-31", "chapters": ["VI", "VII"]}
    response = post(client_as(secretariat), f"{API}/cycles", body)
    data = response.json()
    assert response.status_code == 201 and data["chapters"] == ["VI", "VII"] and data["question_count"] > 0
    refused = post(client_as(secretariat), f"{API}/cycles", {**body, "name": "2003 review", "chapters": ["XX"]})
    assert refused.status_code == 422 and "XX" in refused.json()["errors"][0]


def test_a_report_its_answers_and_rights(report_a, client_as, focal_point_a):
    client = client_as(focal_point_a)
    report = client.get(f"{API}/reports/{report_a.cycle_id}/CHE").json()
    assert report["status"] == "draft" and report["may_edit"] is True and report["transitions"] == ["submit"]
    answers = client.get(report["answers_url"]).json()
    assert len(answers) == report_a.cycle.questions.count()
    assert {"path": "57/k", "citation": "57(k)"}.items() <= next(a for a in answers if a["question"]["path"] == "57/k")[
        "question"
    ].items()


def test_the_answers_list_is_what_the_schema_made_of_each_answer(report_a, client_as, focal_point_a):
    """The list is sent as built (api_shapes.as_is, read as plain rows): to the letter what django-ninja
    made of `answer_out` through `AnswerOut`, measures without url or date and extra keys included."""
    from ninja.responses import NinjaJSONEncoder

    from viennaplan.reporting.api_out import answer_out
    from viennaplan.reporting.schemas import AnswerOut

    answer = Answer.objects.get(report=report_a, question__path="57/k")
    measures = [{"kind": "law", "title": "Firearms Act", "url": "https://example.org/a", "date": "2001-06-01"}]
    save_answer(focal_point_a, answer, {"status": "implemented", "narrative": "<b>done</b>", "measures": measures}, 1)
    Answer.objects.filter(pk=answer.pk).update(measures=[{"kind": "policy", "title": "Stored long ago"}])
    listed = client_as(focal_point_a).get(f"{API}/reports/{report_a.cycle_id}/CHE/answers").json()
    rows = report_a.answers.select_related("question", "updated_by").order_by("question__position")
    expected = [AnswerOut.model_validate(answer_out(row)).model_dump() for row in rows]
    assert listed == json.loads(json.dumps(expected, cls=NinjaJSONEncoder))
    mine = next(line for line in listed if line["question"]["path"] == "57/k")
    assert mine["measures"] == [{"kind": "policy", "title": "Stored long ago", "url": "", "date": ""}]
    assert mine["updated_by"] and mine["updated_at"] and mine["narrative"] == "<b>done</b>"


def test_patching_an_answer_returns_the_new_version(report_a, client_as, focal_point_a):
    url = f"{API}/reports/{report_a.cycle_id}/CHE/answers/57/k"
    response = patch(client_as(focal_point_a), url, {"version": 1, "status": "implemented", "narrative": "Done."})
    assert response.status_code == 200
    assert (response.json()["version"], response.json()["status"], response.json()["updated_by"]) == (
        2,
        "implemented",
        "Anna Graf",
    )


def test_a_stale_patch_answers_409_with_both_versions(report_a, client_as, focal_point_a, secretariat):
    save_answer(secretariat, Answer.objects.get(report=report_a, question__path="57/k"), {"narrative": "First."}, 1)
    url = f"{API}/reports/{report_a.cycle_id}/CHE/answers/57/k"
    response = patch(client_as(focal_point_a), url, {"version": 1, "narrative": "Second."})
    body = response.json()
    assert response.status_code == 409 and "Sara Sekr saved this answer" in body["detail"]
    assert body["current"]["narrative"] == "First." and body["current"]["version"] == 2
    assert body["yours"]["narrative"] == "Second."
    assert Answer.objects.get(report=report_a, question__path="57/k").narrative == "First."


def test_wrong_input_answers_422_listing_every_error(report_a, client_as, focal_point_a):
    url = f"{API}/reports/{report_a.cycle_id}/CHE/answers/57/k"
    response = patch(client_as(focal_point_a), url, {"version": 1, "status": "done", "measures": [{"kind": "x"}]})
    errors = response.json()["errors"]
    assert response.status_code == 422 and [e.split(":")[0] for e in errors] == [
        "status",
        "measures[1].kind",
        "measures[1].title",
    ]


def test_an_unknown_question_answers_404(report_a, client_as, focal_point_a):
    url = f"{API}/reports/{report_a.cycle_id}/CHE/answers/99/z"
    assert patch(client_as(focal_point_a), url, {"version": 1}).status_code == 404


def test_transitions_and_events_through_the_api(report_a, client_as, focal_point_a, reviewer):
    base = f"{API}/reports/{report_a.cycle_id}/CHE"
    assert post(client_as(focal_point_a), f"{base}/transitions/submit", {}).status_code == 201
    returned = post(client_as(reviewer), f"{base}/transitions/return", {"comment": "Dates?"})
    assert returned.status_code == 201 and returned.json()["to_status"] == "returned"
    events = client_as(reviewer).get(f"{base}/events").json()
    assert [(e["transition"], e["user"], e["comment"]) for e in events] == [
        ("submit", "Anna Graf", ""),
        ("return", "Rita Review", "Dates?"),
    ]
    refused = post(client_as(reviewer), f"{base}/transitions/return", {"comment": "again"})
    assert refused.status_code == 409 and "returned cannot be moved by 'return'" in refused.json()["detail"]


def test_the_diff_through_the_api(report_a, client_as, focal_point_a):
    save_answer(focal_point_a, Answer.objects.get(report=report_a, question__path="57/k"), {"status": "implemented"}, 1)
    body = client_as(focal_point_a).get(f"{API}/reports/{report_a.cycle_id}/CHE/diff?a=start&b=now").json()
    assert body["answers"][0]["path"] == "57/k"
    assert body["answers"][0]["changes"] == [{"field": "status", "before": "", "after": "implemented"}]


def test_international_progress_through_the_api(cycle, client_as, secretariat):
    body = {
        "status": "completed",
        "resources": "secured",
        "outputs": [{"kind": "database", "title": "Firearms database", "url": "https://example.org", "date": ""}],
    }
    client = client_as(secretariat)
    saved = client.put(f"{API}/cycles/{cycle.pk}/international/59/a", json.dumps(body), content_type="application/json")
    assert saved.status_code == 200 and saved.json()["entity"] == "cicp"
    units = client.get(f"{API}/cycles/{cycle.pk}/international").json()
    unit = next(u for u in units if u["path"] == "59/a")
    assert unit["progress"][0]["outputs"][0]["title"] == "Firearms database"
    wrong = client.put(f"{API}/cycles/{cycle.pk}/international/57/k", json.dumps(body), content_type="application/json")
    assert wrong.status_code == 422


def test_operation_ids_are_stable(client):
    schema = client.get("/api/openapi.json").json()
    ids = {op["operationId"] for path in schema["paths"].values() for op in path.values() if "operationId" in op}
    assert {
        "reporting_list_cycles",
        "reporting_open_cycle",
        "reporting_change_cycle",
        "reporting_get_cycle",
        "reporting_list_questions",
        "reporting_list_international_progress",
        "reporting_record_international_progress",
        "reporting_get_report",
        "reporting_list_answers",
        "reporting_update_answer",
        "reporting_apply_transition",
        "reporting_list_events",
        "reporting_list_comments",
        "reporting_add_comment",
        "reporting_diff_report",
    } <= ids


def test_the_list_of_cycles_counts_their_questions_in_one_query(cycle, secretariat, client):
    from datetime import date

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from viennaplan.reporting.cycles import open_cycle

    second = open_cycle(secretariat, "A second cycle", date(2004, 1, 1), date(2099, 1, 1), ["X"])
    with CaptureQueriesContext(connection) as queries:
        data = client.get("/api/reporting/cycles").json()
    counts = {line["id"]: line["question_count"] for line in data}
    assert counts == {cycle.pk: cycle.questions.count(), second.pk: second.questions.count()}
    counting = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"] and "reporting_question" in q["sql"]]
    assert len(counting) == 1, counting
