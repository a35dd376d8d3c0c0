"""The directory's pages: /knowledge/authorities (search, filters per State, purpose, instrument and
provision) and a page per authority at a stable URL; drafts seen by the Secretariat only (404 for
everyone else); bad filters answer 400 naming the parameter; the public reads that contact details
are for signed-in officials, with a way to sign in."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

LIST = "/knowledge/authorities"
CENTRAL = "/knowledge/authorities/CHE/FOJ-MLA"
FIREARMS = "/knowledge/authorities/CHE/FEDPOL-FA"
DRAFT = "/knowledge/authorities/FRA/MJ-EXT"


def keys(response) -> set[str]:
    assert response.status_code == 200, response.content[:500]
    return set(re.findall(r'id="authority-[A-Z]{3}-([^"]+)"', response.content.decode()))


def test_the_list_shows_the_published_authorities_with_links_and_the_json_twin(client, authorities):
    response = client.get(LIST)
    html = response.content.decode()
    assert keys(response) == {"FOJ-MLA", "FEDPOL-FA"}
    assert f'href="{CENTRAL}"' in html and f'href="{FIREARMS}"' in html
    assert "Federal Office of Justice" in html and "Bundesamt für Justiz" in html
    assert 'href="/api/knowledge/authorities"' in html
    assert "available to signed-in officials of States" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("state=CHE", {"FOJ-MLA", "FEDPOL-FA"}),
        ("state=fra", set()),
        ("purpose=firearms", {"FEDPOL-FA"}),
        ("instrument=UNTOC", {"FOJ-MLA"}),
        ("instrument=firearms", {"FEDPOL-FA"}),
        ("instrument=UNCAC", set()),
        ("provision=57/i", {"FEDPOL-FA"}),
        ("q=justiz", {"FOJ-MLA"}),
        ("q=mutual legal", {"FOJ-MLA"}),
        ("state=CHE&purpose=mla", {"FOJ-MLA"}),
    ],
)
def test_the_list_filters_by_state_purpose_instrument_provision_and_words(client, authorities, query, expected):
    assert keys(client.get(f"{LIST}?{query}")) == expected


def test_words_of_a_contact_detail_find_nothing(client_as, authorities, secretariat):
    for words in ("Zqx-Address", "zqx-central-7731", "Pacific/Chatham", "Zqx-Title"):
        assert keys(client_as(secretariat).get(LIST, {"q": words})) == set()


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("state=XXX", "state"),
        ("purpose=weather", "purpose"),
        ("instrument=NOPE", "instrument"),
        ("provision=57-i", "provision"),
        ("page=0", "page"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_a_bad_filter_answers_400_naming_the_parameter(client, authorities, query, parameter):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert f"{parameter}:" in response.content.decode()


def test_an_authoritys_page_shows_what_it_is_for_and_the_provisions_it_serves(client, authorities):
    html = client.get(FIREARMS).content.decode()
    assert "Zentralstelle Waffen" in html and "Central Firearms Office" in html
    assert "requests on illicit manufacturing and trafficking of firearms" in html
    assert "art. 13(2)" in html
    assert 'href="/plan/57/i"' in html
    assert 'href="/api/knowledge/authorities/CHE/FEDPOL-FA"' in html


def test_the_public_reads_how_to_sign_in_instead_of_how_to_reach_it(client, authorities):
    html = client.get(CENTRAL).content.decode()
    assert 'id="contacts-hidden"' in html and 'id="contact"' not in html
    assert 'href="/accounts/login/?next=%2Fknowledge%2Fauthorities%2FCHE%2FFOJ-MLA"' in html


def test_a_signed_in_contributor_reads_the_sentence_without_the_sign_in_link(client_as, contributor, authorities):
    html = client_as(contributor).get(CENTRAL).content.decode()
    assert 'id="contacts-hidden"' in html and "/accounts/login/" not in html.split('id="contacts-hidden"')[1][:300]


def test_a_focal_point_of_another_state_sees_how_to_reach_it(client_as, focal_point_b, authorities):
    html = client_as(focal_point_b).get(CENTRAL).content.decode()
    assert 'id="contact"' in html and 'id="contacts-hidden"' not in html
    assert "mailto:zqx-central-7731@contact.example" in html and "Bundesrain 20 Zqx-Address-7731<br>3003 Bern" in html


def test_a_draft_is_a_404_for_all_but_the_secretariat(client_as, authorities, secretariat, focal_point_a, reviewer):
    for user in (None, focal_point_a, reviewer):
        assert client_as(user).get(DRAFT).status_code == 404
        assert "MJ-EXT" not in client_as(user).get(LIST).content.decode()
    assert client_as(secretariat).get(DRAFT).status_code == 200
    assert "MJ-EXT" in keys(client_as(secretariat).get(LIST))


def test_a_lower_case_state_redirects_to_the_stable_url(client, authorities):
    response = client.get("/knowledge/authorities/che/FOJ-MLA")
    assert response.status_code == 301 and response["Location"] == CENTRAL


def test_the_csv_download_is_the_secretariats_alone(client_as, authorities, secretariat, focal_point_a, contributor):
    for user in (None, focal_point_a, contributor):
        assert client_as(user).get(LIST + ".csv").status_code == 403
    response = client_as(secretariat).get(LIST + ".csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "zqx-central-7731@contact.example" in response.content.decode()


def test_pages_answer_405_to_a_post(client, authorities):
    assert client.post(LIST).status_code == 405
    assert client.post(CENTRAL).status_code == 405
