"""The events' pages for the public, focal points and the Secretariat: the list with its filters
(kind, State, year, provision; a bad value is a 400 naming it), drafts hidden from all but the
Secretariat, an event's page (dates, place, organizer, participants by State, documents, outputs,
provisions linked to the plan), the requests it answers as a count for the public and as links for
whoever may read them, and the Secretariat's CSV."""

from __future__ import annotations

import pytest
from events_sample import EVENTS

pytestmark = pytest.mark.django_db

LIST = "/assistance/events"
DAKAR = "/assistance/events/dakar-2002"
DRAFT = "/assistance/events/draft-workshop-2003"


def keys_listed(html: str) -> list[str]:
    """The events listed on a page, in the page's order."""
    found = [(html.find(f'id="event-{key}"'), key) for key in ("dakar-2002", "forum-2002", "draft-workshop-2003")]
    return [key for position, key in sorted(found) if position >= 0]


@pytest.mark.parametrize("persona", ["anonymous", "focal_point_a", "reviewer", "contributor"])
def test_drafts_are_hidden_from_everyone_but_the_secretariat(request, client_as, events, persona):
    client = client_as(request.getfixturevalue(persona))
    html = client.get(LIST).content.decode()
    assert keys_listed(html) == ["forum-2002", "dakar-2002"]
    assert "Zqx-Draft" not in html
    assert client.get(DRAFT).status_code == 404
    assert client.get("/api/assistance/events/draft-workshop-2003").status_code == 404
    listed = client.get("/api/assistance/events").json()
    assert [event["key"] for event in listed["events"]] == ["forum-2002", "dakar-2002"]
    assert listed["count"] == 2


def test_the_secretariat_sees_drafts_marked_and_may_download_the_file(client_as, secretariat, events):
    client = client_as(secretariat)
    html = client.get(LIST).content.decode()
    assert keys_listed(html) == ["draft-workshop-2003", "forum-2002", "dakar-2002"]  # the latest first
    assert "draft, not published" in html and 'href="/assistance/events.csv"' in html
    page = client.get(DRAFT)
    assert page.status_code == 200 and "only the Secretariat sees this event" in page.content.decode()
    download = client.get("/assistance/events.csv")
    assert download.status_code == 200 and download.content.decode() == EVENTS


@pytest.mark.parametrize("persona", ["anonymous", "focal_point_a"])
def test_the_file_is_refused_to_everyone_else(request, client_as, events, persona):
    client = client_as(request.getfixturevalue(persona))
    assert client.get("/assistance/events.csv").status_code == 403
    assert "/assistance/events.csv" not in client.get(LIST).content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=regional_seminar", ["dakar-2002"]),
        ("kind=global_forum", ["forum-2002"]),
        ("state=fra", ["forum-2002", "dakar-2002"]),  # a participant, in either
        ("state=AUT", ["forum-2002"]),  # the host only
        ("state=CHE", ["dakar-2002"]),  # the draft it hosts is not shown
        ("year=2002", ["forum-2002", "dakar-2002"]),
        ("year=2003", []),
        ("provision=10/c", ["dakar-2002"]),
        ("provision=/46/c/", ["forum-2002"]),
        ("provision=44", ["forum-2002"]),  # a paragraph finds its items
        ("provision=4", []),  # not 44/j
        ("q=trafficking", ["forum-2002"]),
        ("kind=regional_seminar&year=2002&state=CHE&provision=57/f", ["dakar-2002"]),
    ],
)
def test_the_filters_on_the_page_and_in_the_api(client_as, anonymous, events, query, expected):
    client = client_as(anonymous)
    page = client.get(f"{LIST}?{query}")
    assert page.status_code == 200
    html = page.content.decode()
    assert keys_listed(html) == expected
    listed = client.get(f"/api/assistance/events?{query}").json()
    assert [event["key"] for event in listed["events"]] == expected


def test_the_year_counts_every_year_an_event_runs_over(client_as, secretariat, events):
    from viennaplan.assistance.events.models import Event

    Event.objects.filter(key="draft-workshop-2003").update(end="2004-01-02")
    listed = client_as(secretariat).get("/api/assistance/events?year=2004").json()
    assert [event["key"] for event in listed["events"]] == ["draft-workshop-2003"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("kind=picnic", "kind"),
        ("state=XYZ", "state"),
        ("year=20x2", "year"),
        ("year=1850", "year"),
        ("provision=10(c)", "provision"),
        ("page=0", "page"),
    ],
)
def test_a_bad_filter_is_a_400_on_the_page_and_a_422_in_the_api_naming_it(
    client_as, anonymous, events, query, parameter
):
    client = client_as(anonymous)
    page = client.get(f"{LIST}?{query}")
    assert page.status_code == 400
    assert f'data-parameter="{parameter}"' in page.content.decode()
    answer = client.get(f"/api/assistance/events?{query}")
    assert answer.status_code == 422
    body = answer.json()
    assert body["detail"].startswith("The request is not valid")
    assert any(parameter in error for error in body["errors"])


def test_an_events_page_shows_dates_place_participants_documents_outputs_and_provisions(client_as, anonymous, events):
    page = client_as(anonymous).get(DAKAR)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Regional seminar on the marking of firearms in West Africa" in html
    dates = html[html.index('id="event-dates">') :]
    assert dates[: dates.index("</dd>")] == 'id="event-dates">11 March 2002 – 13 March 2002'
    assert "Dakar" in html and 'href="/countries/SEN"' in html and "Centre for International Crime Prevention" in html
    assert "17 participants" in html
    table = html[
        html.index('id="participation-table"') : html.index("</table>", html.index('id="participation-table"'))
    ]
    assert [name for name in ("France", "Senegal", "Switzerland") if name in table] == [
        "France",
        "Senegal",
        "Switzerland",
    ]
    assert table.index("France") < table.index("Senegal") < table.index("Switzerland")
    assert '<a href="https://example.org/dakar.pdf">' in html and "UNODC/SEM.2002/1" in html
    assert "officials trained: <strong>45</strong>" in html
    assert "Recommendations on record-keeping" in html
    provisions = html[html.index('id="provision-list"') :]
    assert '<a href="/plan/10/c"><bdi>10(c)</bdi></a>' in provisions
    assert '<a href="/plan/57/f"><bdi>57(f)</bdi></a>' in provisions
    assert 'id="asked-by"' in html and '<a href="/plan/10/c">' in html[html.index('id="asked-by"') :]
    assert 'href="/api/assistance/events/dakar-2002"' in html


def test_the_provisions_an_event_links_to_are_pages_of_the_plan(client_as, anonymous, events):
    client = client_as(anonymous)
    for provision in client.get("/api/assistance/events/dakar-2002").json()["provisions"]:
        assert client.get(provision["url"]).status_code == 200, provision


def test_every_kind_of_event_names_provisions_of_the_current_plan(imported_plan):
    from viennaplan.assistance.events import rules
    from viennaplan.plan.models import Provision

    paths = set(Provision.objects.filter(version=imported_plan).values_list("path", flat=True))
    asked = {path for kind in rules.KINDS.values() for path in kind.provisions}
    assert asked == {"10/c", "13/a", "41", "44/j", "46/c", "18/h", "18/g", "59/h", "22", "23"}
    assert asked <= paths


def test_an_unknown_event_is_a_404_and_pages_answer_405_to_a_post(client_as, secretariat, events):
    client = client_as(secretariat)
    assert client.get("/assistance/events/no-such-event").status_code == 404
    assert client.post(LIST).status_code == 405
    assert client.post(DAKAR).status_code == 405


def test_the_public_sees_how_many_requests_an_event_answers_not_which(client_as, anonymous, answered_requests):
    client = client_as(anonymous)
    html = client.get(DAKAR).content.decode()
    assert "This event answers 2 requests for technical assistance." in html
    assert "TA-CHE-2002-001" not in html and "TA-FRA-2002-001" not in html and "/assistance/requests/" not in html
    assert "PRJ-2002-001" in html  # the project that delivered it is public
    event = client.get("/api/assistance/events/dakar-2002").json()
    assert event["requests_answered"] == 2 and event["requests"] == []
    assert event["project"] == {"key": "PRJ-2002-001", "title": "Firearms marking in West Africa"}
    assert "TA-CHE" not in str(event) and "Zqx-Need" not in str(event)


def test_the_secretariat_sees_the_requests_with_their_links(client_as, secretariat, answered_requests):
    client = client_as(secretariat)
    html = client.get(DAKAR).content.decode()
    assert '<a href="/assistance/requests/TA-CHE-2002-001">' in html
    assert '<a href="/assistance/requests/TA-FRA-2002-001">' in html
    event = client.get("/api/assistance/events/dakar-2002").json()
    assert [r["key"] for r in event["requests"]] == ["TA-CHE-2002-001", "TA-FRA-2002-001"]
    assert event["requests"][0]["url"] == "/assistance/requests/TA-CHE-2002-001"


def test_a_focal_point_sees_its_own_states_request_only(client_as, focal_point_a, answered_requests):
    client = client_as(focal_point_a)
    html = client.get(DAKAR).content.decode()
    assert "This event answers 2 requests for technical assistance." in html
    assert "TA-CHE-2002-001" in html and "TA-FRA-2002-001" not in html
    event = client.get("/api/assistance/events/dakar-2002").json()
    assert [r["key"] for r in event["requests"]] == ["TA-CHE-2002-001"]
