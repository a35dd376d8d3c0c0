"""A server killed in the middle of saving an uploaded workbook leaves the report as it was (issue 14):
the upload's answers are saved in one transaction. The workbook, with every answer changed, is posted
to a gunicorn server on the run's test database; when its worker is seen inside the transaction (it
holds SQLite's write lock, or its PostgreSQL session has written) the worker is killed (SIGKILL). Then
every answer is as before, or — had it committed between the look and the kill — every one changed;
posted again to the restarted worker, the workbook is saved whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from test_excel_upload import NARRATIVE, STATUS, download, fill, rows_of, snapshot
from test_several_processes import free_port

from viennaplan.reporting.models import Answer

pytestmark = pytest.mark.django_db(transaction=True)
ATTEMPTS = 3
CHANGED = "Changed by the upload."


def workers(master: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(master):
            found.append(int(status.parent.name))
    return found


def post_workbook(base: str, path: str, session: str, content: bytes) -> int | str:
    boundary = uuid.uuid4().hex
    token = "k" * 32
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{token}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="workbook"; filename="filled.xlsx"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(f"{base}{path}", data=body, method="POST")
    request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
    request.add_header("Cookie", f"sessionid={session}; csrftoken={token}")
    request.add_header("Referer", f"{base}/")
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError as error:  # the worker was killed: the connection is cut
        return str(error)


def test_a_worker_killed_while_saving_an_upload_leaves_the_report_as_it_was(
    report_a, focal_point_a, tmp_path, run_database_url, someone_is_writing
):
    client = Client()
    client.force_login(focal_point_a)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    answers = {chapter: rows_of(report_a, chapter) for chapter in ("VI", "VII")}
    edits = {}
    for chapter, rows in answers.items():
        for row in range(3, 3 + len(rows)):
            edits[(chapter, f"{STATUS}{row}")] = "Partially implemented"
            edits[(chapter, f"{NARRATIVE}{row}")] = CHANGED
    workbook = fill(download(client, report_a.cycle), edits)
    before = snapshot(report_a)
    changed_count = sum(len(rows) for rows in answers.values())

    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": run_database_url,
        "VIENNAPLAN_DEBUG": "0",
        "VIENNAPLAN_SECRET_KEY": settings.SECRET_KEY,  # the session made here is signed with it
        "VIENNAPLAN_SECURE_COOKIES": "0",
        "VIENNAPLAN_VAR_DIR": str(tmp_path),
    }
    command = [sys.executable, "-m", "gunicorn", "viennaplan.wsgi:application", "-w", "1", "-b", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    path = f"/reporting/{report_a.cycle_id}/CHE/upload"
    try:
        deadline = time.monotonic() + 60
        while len(workers(server.pid)) != 1 or post_workbook(base, "/no-such-page", session, b"") != 404:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        interrupted = 0
        for _attempt in range(ATTEMPTS):
            while someone_is_writing():  # the killed worker's session, until the database has ended it
                time.sleep(0.05)
            results: list = []
            sending = threading.Thread(
                target=lambda out=results: out.append(post_workbook(base, path, session, workbook))
            )
            sending.start()
            deadline = time.monotonic() + 60
            while not someone_is_writing():
                assert not results, f"the upload ended before it was seen saving: {results}"
                assert time.monotonic() < deadline, "the upload was never seen saving"
                time.sleep(0.005)
            for worker in workers(server.pid):
                os.kill(worker, signal.SIGKILL)
            sending.join(timeout=60)
            now = snapshot(report_a)
            changed = [question for question, answer in now.items() if answer["narrative"] == CHANGED]
            assert len(changed) in (0, changed_count), f"{len(changed)} of {changed_count} answers saved"
            if changed:
                break  # it committed between the look and the kill
            assert now == before
            interrupted += 1
            deadline = time.monotonic() + 60
            while len(workers(server.pid)) != 1 or post_workbook(base, "/no-such-page", session, b"") != 404:
                assert time.monotonic() < deadline, "no new worker"
                time.sleep(0.2)
            break  # one kill inside the transaction shows it; the other attempts are for a kill that came late
        assert interrupted >= 1, "no kill landed inside the upload's transaction"
        if not changed:  # the report as it was: the same workbook, posted again, is saved whole
            assert post_workbook(base, path, session, workbook) == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
    saved = Answer.objects.filter(report=report_a, narrative=CHANGED).count()
    assert saved == changed_count
