"""The firearms regulations pages and their JSON twins: the States × topics list with its filters, a page
per State with the latest round by topic and what changed since the round before (a text diff), drafts
seen by the Secretariat only (404 for everyone else), bad filters named (400 on pages, 422 in the API)."""

from __future__ import annotations

import re

import pytest
from firearms_sample import OFFENCE_2005

from viennaplan.knowledge import listing
from viennaplan.knowledge.firearms.models import Regulation

pytestmark = pytest.mark.django_db

LIST = "/knowledge/firearms"
API = "/api/knowledge/firearms"


def states(response) -> list[str]:
    assert response.status_code == 200, response.content[:500]
    return re.findall(r'<tr id="state-([A-Z]{3})"', response.content.decode())


def test_the_list_shows_each_state_s_latest_round_and_the_topics_it_covers(client, regulations_on_file):
    response = client.get(LIST)
    html = response.content.decode()
    assert states(response) == ["CHE"]  # FRA's round is a draft
    row = html[html.index('id="state-CHE"') : html.index("</tr>", html.index('id="state-CHE"'))]
    assert "<td>2005</td>" in row and 'href="/knowledge/firearms/CHE"' in row
    assert re.findall(r'class="covered" data-topic="([^"]+)"', row) == ["57/a", "57/c", "57/h"]
    assert 'href="/api/knowledge/firearms"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("state=fra", ["FRA"]),
        ("topic=57/a", ["CHE", "FRA"]),
        ("topic=57/f", []),  # covered in 2003 only, not in CHE's latest round
        ("round=2003&topic=57/f", ["CHE"]),
        ("round=2004", ["FRA"]),
        ("q=attempts", ["CHE"]),
        ("q=code+p%C3%A9nal", ["FRA"]),  # the law it rests on
    ],
)
def test_each_filter_narrows_the_list(client_as, secretariat, regulations_on_file, query, expected):
    assert states(client_as(secretariat).get(LIST)) == ["CHE", "FRA"]
    assert states(client_as(secretariat).get(f"{LIST}?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("topic=57/i", "topic"),
        ("round=20x3", "round"),
        ("state=XYZ", "state"),
        ("page=0", "page"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_a_bad_filter_answers_400_on_the_page_and_422_in_the_api_naming_it(
    client, regulations_on_file, query, parameter
):
    page = client.get(f"{LIST}?{query}")
    assert page.status_code == 400 and f'data-parameter="{parameter}"' in page.content.decode()
    api = client.get(f"{API}?{query}")
    assert api.status_code == 422 and parameter in api.json()["detail"]


def test_the_list_is_paginated(client_as, secretariat, regulations_on_file, monkeypatch):
    monkeypatch.setattr(listing, "PER_PAGE", 1)
    first = client_as(secretariat).get(LIST)
    assert states(first) == ["CHE"] and f'href="{LIST}?page=2" rel="next"' in first.content.decode()
    assert states(client_as(secretariat).get(f"{LIST}?page=2")) == ["FRA"]


def test_a_state_s_page_shows_the_latest_round_by_topic_and_what_changed(client, regulations_on_file):
    response = client.get(f"{LIST}/CHE")
    html = response.content.decode()
    assert response.status_code == 200
    assert "As recorded in the round of 2005." in html
    assert OFFENCE_2005 in html and "Federal Act on Weapons, Weapon Equipment and Ammunition" in html
    assert 'href="/knowledge/legislation/CHE/SR-514.54"' in html
    assert html.count("Not recorded in this round.") == 5  # 57/b, d, e, f, g
    changes = dict(re.findall(r'class="change change-(\w+)" data-topic="([^"]+)"', html))
    assert changes == {"changed": "57/a", "removed": "57/f", "added": "57/h"}
    assert "<del>offence.</del><ins>offence; attempts are punished.</ins>" in html
    assert "From the round of 2003 to the round of 2005:" in html


def test_a_state_s_page_compares_any_two_rounds(client, regulations_on_file):
    html = client.get(f"{LIST}/CHE?round=2003&compare=2005").content.decode()
    assert "As recorded in the round of 2003." in html
    changes = dict(re.findall(r'class="change change-(\w+)" data-topic="([^"]+)"', html))
    assert changes == {"changed": "57/a", "added": "57/f", "removed": "57/h"}
    only = client.get(f"{LIST}/CHE?round=2005&compare=2005").content.decode()
    assert "there is nothing to compare it with" in only


def test_a_round_not_on_file_answers_400_naming_the_rounds(client, regulations_on_file):
    response = client.get(f"{LIST}/CHE?compare=2004")  # FRA has 2004, CHE does not
    assert response.status_code == 400
    assert "no round 2004 on file (rounds: 2005, 2003)" in response.content.decode()


def test_drafts_are_seen_by_the_secretariat_only(
    client_as, regulations_on_file, secretariat, focal_point_b, reviewer, anonymous
):
    for user in (anonymous, focal_point_b, reviewer):
        assert client_as(user).get(f"{LIST}/FRA").status_code == 404
        assert client_as(user).get(f"{API}/FRA").status_code == 404
    page = client_as(secretariat).get(f"{LIST}/FRA").content.decode()
    assert "only the Secretariat sees this round" in page and "=Infractions du code pénal" in page
    assert client_as(secretariat).get(f"{API}/FRA").json()["shown"]["published"] is False
    Regulation.objects.filter(state="CHE", round=2005).update(published=False)
    public = client_as(anonymous).get(f"{LIST}/CHE").content.decode()
    assert "As recorded in the round of 2003." in public and '<option value="2005"' not in public


def test_an_unknown_state_or_one_without_a_record_answers_404_and_lower_case_redirects(client, regulations_on_file):
    assert client.get(f"{LIST}/AUT").status_code == 404
    assert client.get(f"{API}/AUT").status_code == 404
    assert client.get(f"{LIST}/che?round=2003").headers["Location"] == f"{LIST}/CHE?round=2003"


def test_the_json_twins_give_the_same_rows(client, regulations_on_file):
    listed = client.get(f"{API}?topic=57/h").json()
    assert listed["count"] == 1 and listed["url"] == "/knowledge/firearms?topic=57%2Fh"
    assert listed["states"][0] == {
        "state": "CHE",
        "state_name": "Switzerland",
        "round": 2005,
        "published": True,
        "topics": ["57/a", "57/c", "57/h"],
        "url": "/knowledge/firearms/CHE",
        "api_url": "/api/knowledge/firearms/CHE",
    }
    assert listed["topics"]["57/d"] == "Seizure, confiscation and disposal"
    record = client.get(f"{API}/che").json()
    assert record["rounds"] == [2005, 2003] and record["compared"] == 2003
    assert [t["topic"] for t in record["shown"]["topics"]] == ["57/a", "57/c", "57/h"]
    assert record["shown"]["topics"][0]["law"] == {
        "state": "CHE",
        "key": "SR-514.54",
        "url": "/knowledge/legislation/CHE/SR-514.54",
    }
    assert [(c["topic"], c["kind"]) for c in record["changes"]] == [
        ("57/a", "changed"),
        ("57/c", "same"),
        ("57/f", "removed"),
        ("57/h", "added"),
    ]
    assert ["-", "offence."] in record["changes"][0]["diff"]
    assert client.get(f"{API}/CHE?round=1999").status_code == 422
