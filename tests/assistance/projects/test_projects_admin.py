"""The admin of requests and projects: its pages render for the Secretariat (a project edited there is kept
in history; a request's status and a project's status are read-only there) and are refused to everyone
else, even with the staff flag."""

from __future__ import annotations

from viennaplan.assistance.models import Project

PAGES = (
    "/admin/assistance/",
    "/admin/assistance/assistancerequest/",
    "/admin/assistance/project/",
    "/admin/assistance/project/add/",
)


def test_the_secretariat_uses_the_admin_of_requests_and_projects(client_as, secretariat, prj_project, prj_requests):
    client = client_as(secretariat)
    for url in PAGES:
        assert client.get(url).status_code == 200, url
    che = prj_requests[0]
    request_page = client.get(f"/admin/assistance/assistancerequest/{che.pk}/change/")
    assert request_page.status_code == 200 and 'name="status"' not in request_page.text
    assert client.get("/admin/assistance/assistancerequest/add/").status_code == 403
    change = f"/admin/assistance/project/{prj_project.pk}/change/"
    page = client.get(change)
    assert page.status_code == 200 and 'name="status"' not in page.text and 'name="budgets-0-amount"' in page.text
    history = client.get(f"/admin/assistance/project/{prj_project.pk}/history/")
    assert history.status_code == 200
    data = {
        "title": "Firearms marking in West Africa",
        "region": "Western Africa",
        "chapter": "VI",
        "executing_office": "UNODC Dakar",
        "partners": "",
        "requests": [r.pk for r in prj_requests],
        "start": "2003-01-01",
        "end": "2004-12-31",
        "budgets-TOTAL_FORMS": "0",
        "budgets-INITIAL_FORMS": "0",
        "milestones-TOTAL_FORMS": "0",
        "milestones-INITIAL_FORMS": "0",
        "outputs-TOTAL_FORMS": "0",
        "outputs-INITIAL_FORMS": "0",
    }
    response = client.post(change, data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert prj_project.history.first().title == "Firearms marking in West Africa"
    assert prj_project.history.first().history_user == secretariat


def test_no_one_else_gets_in(client, client_as, focal_point_a, reviewer, prj_project):
    for user in (focal_point_a, reviewer):
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        signed_in = client_as(user)
        assert signed_in.get("/admin/assistance/project/").status_code == 403
        assert signed_in.get(f"/admin/assistance/project/{prj_project.pk}/change/").status_code == 403
        assert signed_in.get("/admin/assistance/assistancerequest/").status_code == 403
    assert client.get("/admin/assistance/project/").status_code == 302
    assert Project.objects.get().title == "Firearms marking in Western Africa"
