"""Many people saving at the same moment (issue 7, defect 1): on SQLite as on PostgreSQL every
writer waits for its turn and then succeeds, or is refused with the documented 409 when
somebody saved the same answer first; never a server error, nothing lost, and what the loser
typed comes back to them. Each writer is a thread with its own database connection, against
a database file (tests use one, as users do), so the locking is the real one."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections
from django.test import Client

from viennaplan.accounts.invitations import create_account
from viennaplan.reporting.models import Answer

pytestmark = pytest.mark.django_db(transaction=True)
API = "/api/reporting"
WRITERS = 8


def all_at_once(work: Callable[[int], Any], count: int = WRITERS) -> list[Any]:
    """Run work(0) … work(count-1) in threads released together; their results, in order."""
    start = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(number: int) -> None:
        try:
            start.wait()
            results[number] = work(number)
        except Exception as error:  # noqa: BLE001 - the test reports it
            results[number] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.fixture
def colleagues(focal_point_a, persona_password_hash) -> list[Client]:
    """Eight signed-in sessions of CHE's focal points (the persona and seven colleagues)."""
    users = [focal_point_a]
    for number in range(1, WRITERS):
        user = create_account(email=f"colleague{number}@example.ch", role="focal_point", state="CHE")
        user.is_active = True
        user.save(update_fields=["is_active"])
        users.append(user)
    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def patch(client: Client, report, path: str, body: dict) -> Any:
    url = f"{API}/reports/{report.cycle_id}/{report.state_id}/answers/{path}"
    return client.patch(url, json.dumps(body), content_type="application/json")


def test_the_database_under_test_is_a_file_with_immediate_transactions():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's locking only")
    assert connection.settings_dict["NAME"] != ":memory:" and "mode=memory" not in str(connection.settings_dict["NAME"])
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_eight_writers_on_eight_answers_all_succeed_round_after_round(report_a, colleagues):
    paths = list(report_a.answers.order_by("question__position").values_list("question__path", flat=True)[:WRITERS])
    for round_number in range(1, 6):
        responses = all_at_once(
            lambda n, round_number=round_number: patch(
                colleagues[n],
                report_a,
                paths[n],
                {"version": round_number, "narrative": f"round {round_number} by {n}"},
            )
        )
        assert [getattr(r, "status_code", r) for r in responses] == [200] * WRITERS
    saved = dict(Answer.objects.filter(report=report_a).values_list("question__path", "narrative"))
    assert [saved[path] for path in paths] == [f"round 5 by {n}" for n in range(WRITERS)]
    assert set(Answer.objects.filter(report=report_a, question__path__in=paths).values_list("version", flat=True)) == {
        6
    }


def test_eight_writers_on_one_answer_one_wins_and_seven_get_409_with_what_they_sent(report_a, colleagues):
    responses = all_at_once(lambda n: patch(colleagues[n], report_a, "57/k", {"version": 1, "narrative": f"text {n}"}))
    codes = [getattr(r, "status_code", r) for r in responses]
    assert sorted(codes) == [200] + [409] * (WRITERS - 1), codes
    winner = codes.index(200)
    answer = Answer.objects.get(report=report_a, question__path="57/k")
    assert answer.narrative == f"text {winner}" and answer.version == 2
    for number, response in enumerate(responses):
        if number != winner:
            body = response.json()
            assert body["yours"]["narrative"] == f"text {number}" and body["current"]["version"] == 2


def test_two_people_posting_the_same_form_at_once_the_second_sees_their_text_again(report_a, colleagues):
    answer = Answer.objects.get(report=report_a, question__path="57/k")
    url = f"/reporting/{report_a.cycle_id}/CHE/answers/{answer.pk}"
    responses = all_at_once(
        lambda n: colleagues[n].post(url, {"version": "1", "status": "in_progress", "narrative": f"typed by {n}"}),
        count=2,
    )
    codes = sorted(r.status_code for r in responses)
    assert codes == [302, 409], codes
    loser = next(r for r in responses if r.status_code == 409)
    number = responses.index(loser)
    assert f"typed by {number}" in loser.content.decode()


def test_two_workbooks_uploaded_at_once_never_give_a_server_error(report_a, colleagues):
    from openpyxl import load_workbook

    download = colleagues[0].get(f"/reporting/{report_a.cycle_id}/CHE/questionnaire.xlsx").content

    def filled(text: str) -> bytes:
        workbook = load_workbook(io.BytesIO(download))
        sheet = workbook["VI"]
        for row in range(3, 3 + 10):
            sheet[f"D{row}"] = f"{text} {row}"
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()

    files = [filled("first"), filled("second")]

    def upload(n: int):
        handle = io.BytesIO(files[n])
        handle.name = f"filled-{n}.xlsx"
        return colleagues[n].post(f"/reporting/{report_a.cycle_id}/CHE/upload", {"workbook": handle})

    codes = sorted(r.status_code for r in all_at_once(upload, count=2))
    assert codes == [200, 400], codes  # the second finds the rows changed since its download: a conflict
    narratives = set(
        Answer.objects.filter(report=report_a, narrative__endswith=" 3").values_list("narrative", flat=True)
    )
    assert narratives in ({"first 3"}, {"second 3"})  # one workbook whole, never a mix


def test_two_submits_at_once_one_moves_the_report_and_the_other_gets_409(report_a, colleagues):
    url = f"{API}/reports/{report_a.cycle_id}/CHE/transitions/submit"
    responses = all_at_once(
        lambda n: colleagues[n].post(url, json.dumps({"comment": ""}), content_type="application/json"), count=4
    )
    assert sorted(r.status_code for r in responses) == [201, 409, 409, 409]
    assert report_a.events.count() == 1


def test_a_lock_held_past_the_wait_is_503_with_the_typed_text_and_changes_nothing(report_a, colleagues, settings):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's lock timeout only")
    import sqlite3

    answer = Answer.objects.get(report=report_a, question__path="57/k")
    holder = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # somebody else's long write
    try:
        settings.DATABASES["default"]["OPTIONS"]["timeout"] = 0.2
        connections.close_all()
        form = colleagues[0].post(
            f"/reporting/{report_a.cycle_id}/CHE/answers/{answer.pk}",
            {"version": "1", "status": "in_progress", "narrative": "my long paragraph"},
        )
        api = patch(colleagues[1], report_a, "57/k", {"version": 1, "narrative": "sent by the API"})
    finally:
        holder.rollback()
        holder.close()
        settings.DATABASES["default"]["OPTIONS"]["timeout"] = 20
        connections.close_all()
    assert form.status_code == 503 and form["Retry-After"]
    assert "my long paragraph" in form.content.decode() and "The server is busy" in form.content.decode()
    assert api.status_code == 503 and "Nothing was saved" in api.json()["detail"] and api.json()["errors"] == []
    assert Answer.objects.get(pk=answer.pk).version == 1
