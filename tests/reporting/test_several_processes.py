"""Several application processes against one database (issue 14; docs/deploying.md "Beyond one
machine"): two gunicorn servers on two ports, started as a deployment starts them (debug off), share
nothing but the database. A focal point signed in through one is signed in on the other; an answer
saved through one is read through the other at once; a plan changed by another process is seen by both
at once (the API answers each keeps, plan/kept.py); signing out through one signs out of both.
On the run's engine: the PostgreSQL run shows it for PostgreSQL, the SQLite run for a shared file."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a 302 is an answer to look at, not to follow
        return None


class Browser:
    """One person's cookies, used on any of the servers."""

    def __init__(self) -> None:
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def cookie(self, name: str) -> str:
        return next(c.value for c in self.jar if c.name == name)

    def send(self, method: str, url: str, body: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def form(self, url: str, fields: dict, referer: str) -> tuple[int, dict, str]:
        data = urlencode({**fields, "csrfmiddlewaretoken": self.cookie("csrftoken")}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": referer}
        return self.send("POST", url, data, headers)


@pytest.fixture
def two_servers(tmp_path, run_database_url):
    """Two gunicorn servers (one worker each) on the test database; their base URLs."""
    env = {
        **os.environ,
        "DATABASE_URL": run_database_url,
        "VIENNAPLAN_DEBUG": "0",
        "VIENNAPLAN_SECRET_KEY": "several-processes-test-only",
        "VIENNAPLAN_SECURE_COOKIES": "0",
        "VIENNAPLAN_VAR_DIR": str(tmp_path),
    }
    servers, urls = [], []
    for number in range(2):
        port = free_port()
        log = open(tmp_path / f"server{number}.log", "w")  # noqa: SIM115 - closed below
        command = [sys.executable, "-m", "gunicorn", "viennaplan.wsgi:application", "--workers", "1", "--threads", "2"]
        servers.append(
            (subprocess.Popen([*command, "--bind", f"127.0.0.1:{port}"], env=env, stdout=log, stderr=log), log)
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for number, (url, (server, _log)) in enumerate(zip(urls, servers, strict=True)):
            deadline = time.monotonic() + 60
            while True:
                assert server.poll() is None, (tmp_path / f"server{number}.log").read_text()
                try:
                    with urllib.request.urlopen(f"{url}/accounts/login/", timeout=5) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                assert time.monotonic() < deadline, f"{url} did not answer within 60 s"
                time.sleep(0.2)
        yield urls
    finally:
        for server, log in servers:
            server.terminate()
            server.wait(timeout=30)
            log.close()


def test_two_processes_share_the_session_and_the_data(report_a, focal_point_a, persona_password, two_servers):
    first, second = two_servers
    person = Browser()
    person.send("GET", f"{first}/accounts/login/")  # the CSRF cookie
    status, headers, _ = person.form(
        f"{first}/accounts/login/",
        {"username": focal_point_a.email, "password": persona_password},
        referer=f"{first}/accounts/login/",
    )
    assert status == 302, "the sign-in through the first server failed"

    section = f"/reporting/{report_a.cycle_id}/CHE/chapter/VI"
    status, _, page = person.send("GET", f"{second}{section}")
    assert status == 200 and "Save the answer" in page  # signed in on the second server too

    answers = f"/api/reporting/reports/{report_a.cycle_id}/CHE/answers"
    body = json.dumps({"version": 1, "narrative": "Saved through the second server."}).encode()
    json_headers = {"Content-Type": "application/json", "X-CSRFToken": person.cookie("csrftoken")}
    status, _, saved = person.send("PATCH", f"{second}{answers}/57/k", body, {**json_headers, "Referer": second})
    assert status == 200, saved
    status, _, listed = person.send("GET", f"{first}{answers}")
    assert status == 200
    read = {answer["question"]["path"]: answer for answer in json.loads(listed)}
    assert read["57/k"]["narrative"] == "Saved through the second server." and read["57/k"]["version"] == 2

    # the plan's API answers each process keeps are dropped when another process changes the plan
    from viennaplan.plan.models import Chapter

    provision = "/api/plan/provisions/57/k/ii"
    before = [json.loads(person.send("GET", f"{url}{provision}")[2])["chapter_title"] for url in (first, second)]
    assert before[0] == before[1] != "Renamed by a third process"
    chapter = Chapter.objects.get(provisions__path="57/k/ii", version=report_a.cycle.plan_version)
    chapter.title = "Renamed by a third process"
    chapter.save()
    after = [json.loads(person.send("GET", f"{url}{provision}")[2])["chapter_title"] for url in (first, second)]
    assert after == ["Renamed by a third process"] * 2

    status, _, _ = person.form(f"{first}/accounts/logout/", {}, referer=f"{first}{section}")
    assert status == 302
    status, _, _ = person.send("GET", f"{second}{section}")
    assert status == 404  # signed out of both: to the public, a State's unpublished report does not exist
    status, _, _ = person.send("PATCH", f"{second}{answers}/57/k", body, {**json_headers, "Referer": second})
    assert status in (401, 403)
