"""The Secretariat's forms on the projects' pages: creating a project, attaching requests, a budget
line, a milestone, recording an output (funded requests go into delivery) and completing the project
(its requests are delivered); bad input names the field and writes nothing; no one else may."""

from __future__ import annotations

from viennaplan.assistance.models import Milestone, Project, ProjectBudget, ProjectOutput, RequestEvent

DETAIL = "/assistance/projects/PRJ-2003-001"


def counts() -> tuple[int, ...]:
    return (
        Project.objects.count(),
        ProjectBudget.objects.count(),
        Milestone.objects.count(),
        ProjectOutput.objects.count(),
        RequestEvent.objects.count(),
        Project.history.count(),
    )


def test_creating_a_project_and_bad_input_writing_nothing(client_as, secretariat):
    client = client_as(secretariat)
    assert client.get("/assistance/projects/new").status_code == 200
    bad = client.post("/assistance/projects/new", {"title": "", "start": "2003-02-30", "end": "2003-01-01"})
    assert bad.status_code == 400
    assert 'data-field="start"' in bad.text and "no such day" in bad.text
    assert Project.objects.count() == 0
    backwards = client.post(
        "/assistance/projects/new", {"title": "Backwards", "start": "2003-05-01", "end": "2003-01-01"}
    )
    assert (
        backwards.status_code == 400 and 'data-field="end"' in backwards.text and "before the start" in backwards.text
    )
    no_title = client.post("/assistance/projects/new", {"title": "  "})
    assert no_title.status_code == 400 and 'data-field="title"' in no_title.text
    assert Project.objects.count() == 0
    made = client.post(
        "/assistance/projects/new",
        {"title": "Witness protection", "region": "Eastern Europe", "chapter": "ix", "start": "2003-01-01"},
    )
    project = Project.objects.get()
    assert made.status_code == 302 and made["Location"] == f"/assistance/projects/{project.key}"
    assert (project.key, project.chapter, project.status) == ("PRJ-2003-001", "IX", "planned")
    assert project.history.get().history_user == secretariat
    assert f"Project {project.key} was created" in client.get(made["Location"]).text  # the message


def test_attach_budget_and_milestone_good_and_bad(client_as, secretariat, prj_other, prj_requests):
    client = client_as(secretariat)
    url = "/assistance/projects/PRJ-2002-001"
    before = counts()
    bad = client.post(f"{url}/requests", {"requests": f"{prj_requests[0].key}, TA-XXX-2003-009"})
    assert bad.status_code == 400 and 'data-field="requests"' in bad.text and "TA-XXX-2003-009" in bad.text
    bad = client.post(f"{url}/budget", {"year": "203", "currency": "usd", "amount": "-5"})
    assert bad.status_code == 400
    assert all(f'data-field="{name}"' in bad.text for name in ("year", "amount"))
    bad = client.post(f"{url}/budget", {"year": "2003", "currency": "ABC", "amount": "5"})
    assert bad.status_code == 400 and 'data-field="currency"' in bad.text
    bad = client.post(f"{url}/milestones", {"title": "", "due": "tomorrow"})
    assert bad.status_code == 400 and 'data-field="due"' in bad.text and 'data-field="title"' in bad.text
    assert counts() == before and not prj_other.requests.exists()

    assert client.post(f"{url}/requests", {"requests": prj_requests[0].key}).status_code == 302
    assert client.post(f"{url}/budget", {"year": "2003", "currency": "chf", "amount": "1200.5"}).status_code == 302
    twice = client.post(f"{url}/budget", {"year": "2003", "currency": "CHF", "amount": "1"})
    assert twice.status_code == 400 and "already" in twice.text
    assert client.post(f"{url}/milestones", {"title": "Report", "due": "2003-09-30", "done": "on"}).status_code == 302
    assert list(prj_other.requests.values_list("key", flat=True)) == [prj_requests[0].key]
    line = prj_other.budgets.get()
    assert (line.year, line.currency, str(line.amount)) == (2003, "CHF", "1200.50")
    assert prj_other.milestones.get().done is True


def test_an_output_moves_funded_requests_into_delivery_and_completion_delivers_them(
    client_as, secretariat, prj_project, prj_requests
):
    client = client_as(secretariat)
    before = counts()
    bad = client.post(f"{DETAIL}/outputs", {"kind": "party", "quantity": "0", "date": ""})
    assert bad.status_code == 400
    assert all(f'data-field="{name}"' in bad.text for name in ("kind", "quantity", "date"))
    assert counts() == before
    done = client.post(f"{DETAIL}/outputs", {"kind": "seminar_held", "quantity": "1", "date": "2003-05-06"})
    assert done.status_code == 302
    for request in prj_requests:
        request.refresh_from_db()
        assert request.status == "in_delivery"
        assert request.events.last().user == secretariat
    prj_project.refresh_from_db()
    assert prj_project.status == "active" and prj_project.outputs.count() == 1
    assert "now in delivery" in client.get(DETAIL).text

    assert client.post(f"{DETAIL}/complete").status_code == 302
    prj_project.refresh_from_db()
    assert prj_project.status == "completed"
    assert {r.status for r in prj_project.requests.all()} == {"delivered"}
    page = client.get(DETAIL).text
    assert 'id="completed-note"' in page and 'id="manage"' not in page
    again = counts()
    for path, data in (("complete", {}), ("outputs", {"kind": "other", "date": "2004-01-01"}), ("milestones", {})):
        assert client.post(f"{DETAIL}/{path}", data).status_code == 409, path
    assert counts() == again


def test_no_one_but_the_secretariat_changes_a_project(client, client_as, prj_project, focal_point_a, reviewer):
    before = counts()
    paths = ("requests", "budget", "milestones", "outputs", "complete")
    for path in paths:
        response = client.post(f"{DETAIL}/{path}", {"kind": "other", "date": "2003-05-06"})
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), path
    assert client.get("/assistance/projects/new").status_code == 302
    for user in (focal_point_a, reviewer):
        signed_in = client_as(user)
        assert signed_in.get("/assistance/projects/new").status_code == 403
        for path in paths:
            assert signed_in.post(f"{DETAIL}/{path}", {"kind": "other", "date": "2003-05-06"}).status_code == 403
    assert counts() == before
    assert client.get(f"{DETAIL}/complete").status_code in (302, 405)
