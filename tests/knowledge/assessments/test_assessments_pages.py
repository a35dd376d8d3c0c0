"""The corruption assessments' pages: the list with its search and filters, the comparison of States
by year for a sector or a type of corruption, a page per assessment; drafts for the Secretariat only
(404 for everyone else), a bad filter answered 400 naming the parameter."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

LIST = "/knowledge/assessments"


def shown(client, url: str) -> set[str]:
    """The State/key of the assessments listed at `url`."""
    body = client.get(url).content.decode()
    return {
        key
        for key in ("KEN-NCS-2019", "KEN-NCS-2015", "CHE-CUSTOMS-2004", "FRA-MARCHES-2003")
        if f'id="assessment-{key}"' in body
    }


def test_the_list_shows_the_published_assessments_to_the_public(assessments, client):
    response = client.get(LIST)
    assert response.status_code == 200
    assert shown(client, LIST) == {"KEN-NCS-2019", "KEN-NCS-2015", "CHE-CUSTOMS-2004"}
    body = response.content.decode()
    assert 'href="/knowledge/assessments/KEN/NCS-2019"' in body and "3 assessments" in body


def test_the_secretariat_sees_the_drafts_in_the_list(assessments, client_as, secretariat):
    assert "FRA-MARCHES-2003" in shown(client_as(secretariat), LIST)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=customs", {"CHE-CUSTOMS-2004"}),
        ("q=weak+sanctions", {"KEN-NCS-2015"}),
        ("q=Audit+Office", {"CHE-CUSTOMS-2004"}),
        ("state=ken", {"KEN-NCS-2019", "KEN-NCS-2015"}),
        ("sector=health", {"KEN-NCS-2019"}),
        ("type=bribery", {"KEN-NCS-2019", "KEN-NCS-2015", "CHE-CUSTOMS-2004"}),
        ("type=nepotism", {"CHE-CUSTOMS-2004"}),
        ("method=expert_assessment", {"CHE-CUSTOMS-2004"}),
        ("scope=sectoral", {"CHE-CUSTOMS-2004"}),
        ("provision=30/a", {"KEN-NCS-2019"}),
        ("year_from=2010", {"KEN-NCS-2019", "KEN-NCS-2015"}),
        ("year_from=2015&year_to=2015", {"KEN-NCS-2015"}),
        ("sector=police&type=extortion", {"KEN-NCS-2019"}),
        ("sector=procurement", set()),  # FRA's is a draft
    ],
)
def test_the_list_filters(assessments, client, query, expected):
    assert shown(client, f"{LIST}?{query}") == expected


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("state=ZZZ", "state"),
        ("sector=army", "sector"),
        ("type=theft", "type"),
        ("method=poll", "method"),
        ("scope=global", "scope"),
        ("provision=x/y", "provision"),
        ("year_from=20", "year_from"),
        ("year_from=2010&year_to=2000", "year_to"),
        ("page=0", "page"),
    ],
)
def test_a_bad_filter_is_a_400_naming_the_parameter(assessments, client, query, parameter):
    for url in (LIST, f"{LIST}/compare"):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400
        assert f'data-parameter="{parameter}"' in response.content.decode()


def test_the_comparison_is_a_state_by_year_table_for_a_sector(assessments, client):
    body = client.get(f"{LIST}/compare?sector=police").content.decode()
    table = body[body.index('id="comparison"') : body.index("</table>")]
    assert '<th scope="col" class="num">2015</th>' in table and '<th scope="col" class="num">2019</th>' in table
    assert '<th scope="col" class="num">2014</th>' not in table  # from the first year present to the last
    assert 'id="row-KEN"' in table and 'id="row-CHE"' not in table
    kenya = table[table.index('id="row-KEN"') :].split("</tr>")[0]
    assert kenya.count('<a href="') == 2  # 2015 and 2019
    assert "/knowledge/assessments?sector=police&amp;state=KEN&amp;year_from=2019&amp;year_to=2019" in kenya


def test_the_comparison_for_a_type_and_the_drafts(assessments, client, client_as, secretariat):
    body = client.get(f"{LIST}/compare?type=embezzlement").content.decode()
    assert 'id="comparison"' not in body and "No assessment on file matches these filters." in body
    body = client_as(secretariat).get(f"{LIST}/compare?type=embezzlement").content.decode()
    assert 'id="row-FRA"' in body and '<th scope="col" class="num">2003</th>' in body
    body = client.get(f"{LIST}/compare?type=bribery").content.decode()
    assert 'id="row-CHE"' in body and 'id="row-KEN"' in body
    assert body.index('id="row-KEN"') < body.index('id="row-CHE"')  # by the State's name: Kenya, Switzerland


def test_the_page_of_an_assessment_shows_the_standardized_format(assessments, client):
    response = client.get(f"{LIST}/KEN/NCS-2019")
    body = response.content.decode()
    assert response.status_code == 200
    for text in (
        "National Corruption Survey 2019",
        "Ethics and Anti-Corruption Commission",
        "Low pay; weak oversight",
        "Bribes paid for public services",
        "Households in 47 counties",
        "population survey",
        "1500000.5 KES (prices of 2019)",
    ):
        assert text in body
    assert '<a href="/knowledge/assessments/compare?sector=police">police</a>' in body
    assert '<a href="/knowledge/assessments/compare?type=extortion">extortion</a>' in body
    assert 'href="/plan/30/a"' in body and 'href="/plan/33/a"' in body
    assert 'href="/api/knowledge/assessments/KEN/NCS-2019"' in body


def test_a_lower_case_state_redirects_and_an_unknown_key_is_a_404(assessments, client):
    response = client.get(f"{LIST}/ken/NCS-2019")
    assert response.status_code == 301 and response["Location"] == f"{LIST}/KEN/NCS-2019"
    assert client.get(f"{LIST}/KEN/NOPE").status_code == 404


def test_a_draft_is_a_404_for_all_but_the_secretariat(assessments, client, client_as, secretariat, focal_point_b):
    url = f"{LIST}/FRA/MARCHES-2003"
    assert client.get(url).status_code == 404
    assert client_as(focal_point_b).get(url).status_code == 404  # even the State's own focal point
    response = client_as(secretariat).get(url)
    assert response.status_code == 200 and "Draft, not published" in response.content.decode()


def test_the_pages_answer_405_to_a_post(assessments, client):
    assert client.post(LIST).status_code == 405
    assert client.post(f"{LIST}/KEN/NCS-2019").status_code == 405
