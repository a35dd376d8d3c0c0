"""The Secretariat's admin: an event created and edited with its parts inline, every change kept in
history (the event's, a participation's, the requests it answers), each History page shown. (Only staff
reach the admin, and only the Secretariat is staff: accounts' tests.)"""

from __future__ import annotations

import pytest

from viennaplan.assistance.events.models import Event, Participation

pytestmark = pytest.mark.django_db

ADD = "/admin/assistance_events/event/add/"
INLINES = ("provisions", "participations", "documents", "outputs")


def form(**changes) -> dict:
    data = {
        "key": "bangkok-2003",
        "title": "High-level seminar on corruption",
        "kind": "high_level_seminar",
        "start": "2003-06-02",
        "end": "2003-06-04",
        "city": "Bangkok",
        "host": "THA",
        "organizer": "ESCAP",
        "description": "",
        "published": "on",
        "project": "",
    }
    for name in INLINES:
        data.update({f"{name}-TOTAL_FORMS": "0", f"{name}-INITIAL_FORMS": "0"})
    data.update(
        {
            "provisions-TOTAL_FORMS": "1",
            "provisions-0-path": "13/a",
            "participations-TOTAL_FORMS": "1",
            "participations-0-state": "CHE",
            "participations-0-participants": "4",
        }
    )
    data.update(changes)
    return data


def test_the_secretariat_creates_and_edits_an_event_and_history_is_kept(client_as, secretariat, imported_plan):
    client = client_as(secretariat)
    response = client.post(ADD, form())
    assert response.status_code == 302, response.content.decode()[-3000:]
    event = Event.objects.get(key="bangkok-2003")
    assert list(event.provisions.values_list("path", flat=True)) == ["13/a"]
    participation = event.participations.get()
    change = f"/admin/assistance_events/event/{event.pk}/change/"
    edited = form(
        **{
            "title": "High-level seminar on the prevention of corruption",
            "provisions-TOTAL_FORMS": "1",
            "provisions-INITIAL_FORMS": "1",
            "provisions-0-id": str(event.provisions.get().pk),
            "provisions-0-event": str(event.pk),
            "participations-INITIAL_FORMS": "1",
            "participations-0-id": str(participation.pk),
            "participations-0-event": str(event.pk),
            "participations-0-participants": "6",
        }
    )
    response = client.post(change, edited)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert [h.title for h in event.history.order_by("history_date")] == [
        "High-level seminar on corruption",
        "High-level seminar on the prevention of corruption",
    ]
    assert [h.participants for h in Participation.history.filter(id=participation.pk).order_by("history_date")] == [
        4,
        6,
    ]
    history = client.get(f"{change.removesuffix('change/')}history/")
    assert (
        history.status_code == 200 and "High-level seminar on the prevention of corruption" in history.content.decode()
    )


def test_an_event_ending_before_it_starts_is_refused(client_as, secretariat, imported_plan):
    response = client_as(secretariat).post(ADD, form(end="2003-06-01"))
    assert response.status_code == 200 and "before the first day" in response.content.decode()
    assert not Event.objects.exists()


def test_a_provision_not_in_the_current_plan_is_refused(client_as, secretariat, imported_plan):
    response = client_as(secretariat).post(ADD, form(**{"provisions-0-path": "13/zz"}))
    assert response.status_code == 200 and "13/zz is not a provision of the current plan" in response.content.decode()
    assert not Event.objects.exists()


def test_the_requests_an_event_answers_are_kept_in_its_history(answered_requests):
    event = Event.objects.get(key="dakar-2002")
    latest = event.history.order_by("history_date").last()
    assert sorted(r.assistancerequest.key for r in latest.requests.all()) == ["TA-CHE-2002-001", "TA-FRA-2002-001"]
