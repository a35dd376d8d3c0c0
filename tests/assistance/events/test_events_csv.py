"""The events' CSV: imported all or nothing (every bad row named by row and column, nothing written),
idempotent by key, kept in history, exported byte for byte as imported (drafts, requests and project
included: it is the Secretariat's file)."""

from __future__ import annotations

from datetime import date

import pytest
from events_sample import DAKAR, EVENTS, FORUM, HEADER, WORKSHOP

from viennaplan.assistance.events.events_csv import EventsRefused, import_events, write_csv
from viennaplan.assistance.events.models import Event, EventDocument, EventOutput, EventProvision, Participation

pytestmark = pytest.mark.django_db

ALL_HISTORY = (Event, EventProvision, Participation, EventDocument, EventOutput)


def history_counts() -> tuple[int, ...]:
    return tuple(model.history.count() for model in ALL_HISTORY)


def test_a_good_file_creates_the_events_with_everything_that_belongs_to_them(imported_plan, events_file):
    outcome = import_events(events_file, source_name="events.csv")
    assert (outcome.events, outcome.created, outcome.changed, outcome.unchanged) == (3, 3, 0, 0)
    dakar = Event.objects.get(key="dakar-2002")
    assert (dakar.kind, dakar.start, dakar.end, dakar.city, dakar.host_id) == (
        "regional_seminar",
        date(2002, 3, 11),
        date(2002, 3, 13),
        "Dakar",
        "SEN",
    )
    assert dakar.published and dakar.description == "Marking and record-keeping of firearms.\nWith a second line."
    assert sorted(dakar.provisions.values_list("path", flat=True)) == ["10/c", "57/f"]
    assert sorted(dakar.participations.values_list("state_id", "participants")) == [
        ("CHE", 2),
        ("FRA", 3),
        ("SEN", 12),
    ]
    report = dakar.documents.get(kind="report")
    assert (report.symbol, report.url) == ("UNODC/SEM.2002/1", "https://example.org/dakar.pdf")
    assert dakar.outputs.get(kind="officials_trained").quantity == 45
    assert dakar.outputs.get(kind="recommendations").quantity is None
    assert not Event.objects.get(key="draft-workshop-2003").published
    assert Event.history.filter(key="dakar-2002").get().history_change_reason == "import events.csv"


def test_the_export_is_the_file_imported_byte_for_byte_and_imports_to_nothing_changed(imported_plan, events_file):
    import_events(events_file, source_name="events.csv")
    exported = write_csv()
    assert exported == EVENTS
    before = history_counts()
    outcome = import_events(exported.encode("utf-8"), source_name="again.csv")
    assert (outcome.created, outcome.changed, outcome.unchanged) == (0, 0, 3)
    assert "nothing changed" in outcome.summary()
    assert history_counts() == before
    assert write_csv() == exported


def test_the_requests_and_the_project_go_out_and_come_back(answered_requests):
    exported = write_csv()
    assert "TA-CHE-2002-001; TA-FRA-2002-001,PRJ-2002-001" in exported
    Event.objects.get(key="dakar-2002").requests.clear()
    Event.objects.filter(key="dakar-2002").update(project=None)
    outcome = import_events(exported.encode("utf-8"), source_name="back.csv")
    assert outcome.changed == 1
    dakar = Event.objects.get(key="dakar-2002")
    assert sorted(dakar.requests.values_list("key", flat=True)) == ["TA-CHE-2002-001", "TA-FRA-2002-001"]
    assert dakar.project.key == "PRJ-2002-001"
    assert write_csv() == exported


def test_a_changed_file_brings_the_event_and_its_parts_up_to_it_with_history(imported_plan, events_file):
    import_events(events_file, source_name="events.csv")
    changed = (
        EVENTS.replace("Dakar,SEN", "Abidjan,CIV")
        .replace("participation,dakar-2002,,,,,,,,,,,,FRA,3,,,,\n", "participation,dakar-2002,,,,,,,,,,,,FRA,4,,,,\n")
        .replace("participation,dakar-2002,,,,,,,,,,,,CHE,2,,,,\n", "")
        .replace(",45,", ",50,")
    )
    outcome = import_events(changed.encode(), source_name="second.csv")
    assert (outcome.changed, outcome.unchanged) == (1, 2)
    dakar = Event.objects.get(key="dakar-2002")
    assert (dakar.city, dakar.host_id) == ("Abidjan", "CIV")
    assert sorted(dakar.participations.values_list("state_id", "participants")) == [("FRA", 4), ("SEN", 12)]
    assert [h.city for h in dakar.history.order_by("history_date")] == ["Dakar", "Abidjan"]
    assert dakar.history.order_by("history_date").last().history_change_reason == "import second.csv"
    removed = Participation.history.filter(state_id="CHE", history_type="-").get()
    assert removed.history_change_reason == "import second.csv"
    trained = EventOutput.objects.get(event=dakar, kind="officials_trained")
    assert [h.quantity for h in trained.history.order_by("history_date")] == [45, 50]
    assert write_csv() == changed


def test_a_file_with_bad_rows_writes_nothing_and_names_every_row_and_column(imported_plan, events_file):
    import_events(events_file, source_name="events.csv")
    before = history_counts()
    bad = (
        HEADER
        + DAKAR.replace("Dakar,SEN", "Thiès,SEN")  # good, but must not be stored
        + "event,new-1,seminar,A title,2002-02-30,2002-01-01,,XXX,,99/z,maybe,TA-NONE,PRJ-NONE,,,,,,\n"
        + "event,new-2,other,,2002-05-02,2002-05-01,,,,,,,,CHE,,,,,\n"
        + "participation,new-3,,,,,,,,,,,,ZZZ,0,,,,\n"
        + "participation,dakar-2002,,,,,,,,,,,,CHE,5,,,,\n"
        + "document,dakar-2002,memo,,,,,,,,,,,,,,ftp://x,,\n"
        + "output,dakar-2002,laws_drafted,,,,,,,,,,,,,,,-1,\n"
        + "meeting,dakar-2002,,,,,,,,,,,,,,,,,\n"
        + WORKSHOP.replace("draft-workshop-2003", "dakar-2002")
        + FORUM
    )
    with pytest.raises(EventsRefused) as refused:
        import_events(bad.encode(), source_name="bad.csv")
    where = [(error.row, error.column) for error in refused.value.errors]
    assert where == [
        (10, "kind"),
        (10, "start"),
        (10, "host"),
        (10, "provisions"),
        (10, "published"),
        (10, "requests"),
        (10, "project"),
        (11, "title"),
        (11, "state"),
        (11, "end"),
        (12, "state"),
        (12, "participants"),
        (12, "key"),
        (13, "state"),
        (14, "title"),
        (14, "kind"),
        (14, "url"),
        (15, "description"),
        (15, "quantity"),
        (16, "record"),
        (17, "key"),
    ]
    assert "nothing was imported" in str(refused.value)
    assert history_counts() == before
    assert Event.objects.get(key="dakar-2002").city == "Dakar"
    assert not Event.objects.filter(key__startswith="new-").exists()


def test_a_provision_not_in_the_current_plan_is_refused_with_the_reason(imported_plan):
    bad = HEADER + DAKAR.replace("10/c; 57/f", "10/c; 57/zz")
    with pytest.raises(EventsRefused) as refused:
        import_events(bad.encode(), source_name="bad.csv")
    [error] = refused.value.errors
    assert (error.row, error.column) == (2, "provisions")
    assert "57/zz is not a provision of the current plan" in error.message
    assert not Event.objects.exists()


def test_a_file_that_is_not_the_events_file_is_refused_whole(imported_plan):
    with pytest.raises(EventsRefused) as refused:
        import_events(b"country,key\nCHE,x\n", source_name="other.csv")
    assert {error.column for error in refused.value.errors} >= {"country", "record", "title"}
    with pytest.raises(EventsRefused):
        import_events(b"\xff\xfe\x00binary", source_name="binary.csv")
    assert not Event.objects.exists()


def test_a_dry_run_stores_nothing(imported_plan, events_file):
    outcome = import_events(events_file, source_name="events.csv", dry_run=True)
    assert outcome.created == 3 and "dry run" in outcome.summary()
    assert not Event.objects.exists() and Event.history.count() == 0
