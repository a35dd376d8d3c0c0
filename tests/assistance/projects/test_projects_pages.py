"""The projects' pages: the list with its filters (and a bad one), a project's page with its budget per
currency, milestones, outputs and disbursements, and who sees which of the requests it serves."""

from __future__ import annotations

from request_paths import NEED

LIST = "/assistance/projects"
DETAIL = "/assistance/projects/PRJ-2003-001"


def test_the_list_its_filters_and_a_bad_filter(client, prj_project, prj_other):
    page = client.get(LIST)
    assert page.status_code == 200
    assert "PRJ-2003-001" in page.text and "PRJ-2002-001" in page.text
    assert 'id="projects-csv"' not in page.text  # the file is the Secretariat's
    assert "PRJ-2002-001" not in client.get(LIST, {"region": "western africa"}).text
    assert "PRJ-2003-001" not in client.get(LIST, {"chapter": "iv"}).text
    only_active = client.get(LIST, {"status": "active"}).text
    assert "PRJ-2002-001" in only_active and "PRJ-2003-001" not in only_active
    for query, parameter in (({"status": "late"}, "status"), ({"chapter": "6"}, "chapter"), ({"page": "0"}, "page")):
        bad = client.get(LIST, query)
        assert bad.status_code == 400 and f'data-parameter="{parameter}"' in bad.text, query
    assert client.post(LIST).status_code == 405


def test_the_page_of_a_project(client, prj_project):
    page = client.get(DETAIL)
    assert page.status_code == 200
    text = page.text
    assert "Firearms marking in Western Africa" in text and "UNODC Dakar" in text
    # the budget by year and currency, totals per currency, never converted
    assert 'id="budget-2003-USD"' in text and 'id="budget-2004-USD"' in text
    assert 'id="budget-total-USD"' in text and "3000.50" in text
    assert 'id="budget-total-EUR"' in text
    assert "Inception workshop" in text
    assert "First tranche" in text and 'id="disbursed-total-EUR"' in text
    assert client.get("/assistance/projects/PRJ-1999-009").status_code == 404


def test_who_sees_which_requests_a_project_serves(
    client, client_as, prj_project, prj_requests, secretariat, focal_point_a, focal_point_b, reviewer
):
    che, fra = prj_requests
    seen = {
        "public": client.get(DETAIL).text,
        "reviewer": client_as(reviewer).get(DETAIL).text,
        "CHE": client_as(focal_point_a).get(DETAIL).text,
        "FRA": client_as(focal_point_b).get(DETAIL).text,
        "secretariat": client_as(secretariat).get(DETAIL).text,
    }
    for who, text in seen.items():
        assert "serves 2 requests" in text, who
    for who in ("public", "reviewer"):
        assert che.key not in seen[who] and fra.key not in seen[who] and NEED not in seen[who], who
        assert 'id="requests-hidden"' in seen[who]
    assert che.key in seen["CHE"] and NEED in seen["CHE"] and fra.key not in seen["CHE"]
    assert fra.key in seen["FRA"] and "Zqx-Need of FRA" in seen["FRA"] and che.key not in seen["FRA"]
    assert che.key in seen["secretariat"] and fra.key in seen["secretariat"]
    assert 'id="requests-hidden"' not in seen["secretariat"]
    # only the Secretariat gets the forms
    assert all('id="manage"' not in seen[who] for who in ("public", "reviewer", "CHE", "FRA"))
    assert 'id="manage"' in seen["secretariat"] and 'id="form-output"' in seen["secretariat"]


def test_the_pages_in_arabic_are_right_to_left(client_as, secretariat, prj_project):
    client = client_as(secretariat)
    for url in (LIST, DETAIL, "/assistance/projects/new", "/assistance/projects/import"):
        response = client.get(url, {"lang": "ar"})
        assert response.status_code == 200 and 'lang="ar" dir="rtl"' in response.text, url
