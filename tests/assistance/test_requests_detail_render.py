"""The page of a request shows what it is about: its provisions, articles, projects and decline reason."""

from __future__ import annotations

from datetime import date

from viennaplan.assistance.projects import attach_requests, create_project, record_output


def test_the_page_shows_articles_projects_and_the_reason_for_declining(client_as, secretariat, ta_file, ta_bring):
    served = ta_bring(ta_file("CHE", articles=[("FIREARMS", "8(1)")]), "funded")
    project = create_project(secretariat, title="Marking seminar", region="Europe", chapter="VI")
    attach_requests(secretariat, project, [served])
    record_output(secretariat, project, kind="seminar_held", date=date(2003, 5, 6))
    page = client_as(secretariat).get(f"/assistance/requests/{served.key}").text
    assert 'id="article-list"' in page and "8(1)" in page and project.key in page and "Marking seminar" in page
    assert 'data-status="in_delivery"' in page and "event--deliver" in page
    declined = ta_bring(ta_file("CHE"), "declined")
    page = client_as(secretariat).get(f"/assistance/requests/{declined.key}").text
    assert 'id="decline-reason"' in page and "Not in the programme." in page
