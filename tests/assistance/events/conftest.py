"""Fixtures of the events' tests: the sample file imported (two published events, one draft), and a
request for technical assistance of each of CHE and FRA with a project, made directly in the database
(the requests' own path is tested in tests/assistance)."""

from __future__ import annotations

import pytest
from events_sample import EVENTS


@pytest.fixture
def events_file() -> bytes:
    return EVENTS.encode("utf-8")


@pytest.fixture
def events(imported_plan, events_file):
    """The sample imported: Dakar and the forum published, the Geneva workshop a draft."""
    from viennaplan.assistance.events.events_csv import import_events

    return import_events(events_file, source_name="events.csv")


@pytest.fixture
def answered_requests(events):
    """CHE's and FRA's requests, answered by the Dakar seminar, delivered by a project."""
    from viennaplan.assistance.events.models import Event
    from viennaplan.assistance.models import AssistanceRequest, Project

    che = AssistanceRequest.objects.create(
        key="TA-CHE-2002-001", state_id="CHE", chapter="VI", need="Zqx-Need of CHE", kind="training"
    )
    fra = AssistanceRequest.objects.create(
        key="TA-FRA-2002-001", state_id="FRA", chapter="VI", need="Zqx-Need of FRA", kind="training"
    )
    project = Project.objects.create(key="PRJ-2002-001", title="Firearms marking in West Africa")
    dakar = Event.objects.get(key="dakar-2002")
    dakar.requests.set([che, fra])
    dakar.project = project
    dakar.save()
    return che, fra
