"""Load test of issue 14: 50 people at once for a minute against the production server (gunicorn,
2 workers × 4 threads, debug off) on loopback, on SQLite and on PostgreSQL — 30 readers of the public
site and its API (pages, searches), 20 focal points of 20 States working on their own reports (reading
them, saving answers through the API, and every fifth round downloading their workbook and uploading
it back). Counts every response by status (the goal: no server error, no refusal), requests per
second, latency per kind of request, and the memory of each gunicorn worker at the end.

Run by hand (never by `make test`):
    .venv/bin/python bench/load.py [--seconds 60] [--users 50] [--postgres URL]

It works in a throw-away folder (its own SQLite file; on PostgreSQL a scratch database
`viennaplan_bench_load`, dropped afterwards): migrate, plan import, the shipped treaty status and
statistics, 2,000 GENERATED laws (bench/knowledge_legislation.py), a cycle on every chapter, the
focal points with signed-in sessions and their reports started. Nothing real is touched.
"""

from __future__ import annotations

import argparse
import json
import random
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from benchenv import POSTGRES_SERVER, free_port, on_each_engine, wait_until_listening  # noqa: E402

BIN = Path(sys.executable).parent
CSRF = secrets.token_hex(16)  # an unmasked CSRF secret, sent as cookie and header
STATES = ["AUT", "BRA", "CAN", "CHE", "DEU", "EGY", "ESP", "FRA", "GBR", "IND",
          "ITA", "JPN", "KEN", "MEX", "NGA", "NOR", "PAK", "SWE", "THA", "ZAF"]  # fmt: skip
WORDS = ["firearms", "markings", "trafficking", "corruption", "extradition", "victims", "laundering", "witness"]
PAGES = ["/", "/plan/chapter/VI", "/plan/57/k/ii", "/plan/notes", "/treaties/", "/treaties/UNTOC",
         "/reporting/progress", "/progress", "/knowledge/", "/knowledge/legislation", "/indicators/"]  # fmt: skip


def prepare(env: dict[str, str], focal_points: int) -> dict:
    """Migrate, import, fill, open a cycle, make the focal points; returns what the users need."""
    script = f"""
import json, datetime, sys
sys.path.insert(0, {str(HERE)!r})
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("plan", "import", verbosity=0)
call_command("treaties", "load-shipped", verbosity=0)
call_command("indicators", "load-shipped", verbosity=0)
from knowledge_legislation import csv_rows
from viennaplan.knowledge.collections import collection
collection("legislation").import_csv(csv_rows(2000), source_name="laws.csv", dry_run=False)
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from viennaplan.accounts.invitations import create_account
from viennaplan.reporting.cycles import open_cycle, report_for, reporting_chapters
from viennaplan.plan.models import PlanVersion
secretariat = create_account(email="sec@example.org", role="secretariat")
secretariat.is_active = True; secretariat.save()
chapters = reporting_chapters(PlanVersion.current())
cycle = open_cycle(secretariat, "load", datetime.date(2002, 1, 1), datetime.date(2099, 12, 31), chapters)
people = []
for state in {STATES[:focal_points]!r}:
    report_for(cycle, state)
    user = create_account(email=f"focal.{{state.lower()}}@example.org", role="focal_point", state=state)
    user.is_active = True; user.save()
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    people.append({{"state": state, "session": store.session_key}})
paths = list(cycle.questions.order_by("position").values_list("path", flat=True))
print(json.dumps({{"cycle": cycle.pk, "people": people, "paths": paths}}))
"""
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"preparing the database failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def send(port: int, method: str, path: str, session: str = "", body: bytes | None = None, kind: str = "") -> tuple:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method)
    cookie = f"csrftoken={CSRF}" + (f"; sessionid={session}" if session else "")
    request.add_header("Cookie", cookie)
    request.add_header("X-CSRFToken", CSRF)
    request.add_header("Referer", f"http://127.0.0.1:{port}/")
    if kind:
        request.add_header("Content-Type", kind)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def multipart(fields: dict[str, str], name: str, filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def worker_memory(master: int) -> list[int]:
    """Resident memory (MB) of the gunicorn master's child processes, its workers."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(master) and "VmRSS" in fields:
            found.append(int(fields["VmRSS"].split()[0]) // 1024)
    return sorted(found)


def run(label: str, env: dict[str, str], seconds: float, users: int) -> None:
    focal_points = min(len(STATES), users * 2 // 5)
    setup = prepare(env, focal_points)
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "viennaplan.wsgi:application", "-w", "2", "--threads", "4", "-b", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    statuses: Counter[tuple[str, int]] = Counter()
    latencies: defaultdict[str, list[float]] = defaultdict(list)
    problems: list[str] = []
    lock = threading.Lock()
    try:
        wait_until_listening(port)
        deadline = time.monotonic() + seconds
        cycle = setup["cycle"]

        def note(kind: str, started: float, status: int, body: bytes) -> None:
            with lock:
                latencies[kind].append(time.perf_counter() - started)
                statuses[(kind, status)] += 1
                if status >= 400 and len(problems) < 8:
                    problems.append(f"{kind} {status}: {body[:200]!r}")

        def reader(number: int) -> None:
            rng = random.Random(number)
            while time.monotonic() < deadline:
                choice = rng.random()
                if choice < 0.5:
                    kind, path = "page", rng.choice(PAGES)
                elif choice < 0.7:
                    kind, path = "search", f"/knowledge/search?q={rng.choice(WORDS)}"
                elif choice < 0.85:
                    kind, path = "api search", f"/api/plan/search?q={rng.choice(WORDS)}"
                else:
                    kind, path = "state page", f"/treaties/states/{rng.choice(STATES)}"
                started = time.perf_counter()
                note(kind, started, *send(port, "GET", path))

        def focal(number: int) -> None:
            rng = random.Random(1000 + number)
            person = setup["people"][number % len(setup["people"])]
            state, session = person["state"], person["session"]
            answers = f"/api/reporting/reports/{cycle}/{state}/answers"
            rounds = 0
            while time.monotonic() < deadline:
                rounds += 1
                started = time.perf_counter()
                status, body = send(port, "GET", f"/reporting/{cycle}/{state}/chapter/VI", session)
                note("own report", started, status, body)
                started = time.perf_counter()
                status, body = send(port, "GET", answers, session)
                note("answers (API)", started, status, body)
                versions = {a["question"]["path"]: a["version"] for a in json.loads(body)} if status == 200 else {}
                path = rng.choice(setup["paths"])
                patch = json.dumps({"version": versions.get(path, 1), "narrative": f"{state}, round {rounds}"})
                started = time.perf_counter()
                note("save answer", started, *send(port, "PATCH", f"{answers}/{path}", session, patch.encode(),
                                                   "application/json"))  # fmt: skip
                if rounds % 5 == 0:
                    started = time.perf_counter()
                    status, workbook = send(port, "GET", f"/reporting/{cycle}/{state}/questionnaire.xlsx", session)
                    note("download workbook", started, status, workbook if status != 200 else b"")
                    if status == 200:
                        body, kind = multipart({"csrfmiddlewaretoken": CSRF}, "workbook", "report.xlsx", workbook)
                        started = time.perf_counter()
                        note("upload workbook", started, *send(port, "POST", f"/reporting/{cycle}/{state}/upload",
                                                               session, body, kind))  # fmt: skip

        readers = users - focal_points
        threads = [threading.Thread(target=reader, args=(n,)) for n in range(readers)]
        threads += [threading.Thread(target=focal, args=(n,)) for n in range(focal_points)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        memory = worker_memory(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    total = sum(statuses.values())
    by_status = Counter()
    for (_kind, status), count in statuses.items():
        by_status[status] += count
    print(f"\n{label}: {users} users ({readers} readers, {focal_points} focal points) for {elapsed:.0f} s, "
          "gunicorn 2 workers x 4 threads")  # fmt: skip
    print(f"  requests {total:,} ({total / elapsed:.0f}/s)   by status: {dict(sorted(by_status.items()))}")
    print(f"  server errors (5xx): {sum(c for s, c in by_status.items() if s >= 500)}   "
          f"refusals (4xx): {sum(c for s, c in by_status.items() if 400 <= s < 500)}")  # fmt: skip
    for kind, times in sorted(latencies.items()):
        times.sort()
        print(f"  {kind:<18} {len(times):>6,}   median {statistics.median(times) * 1000:7.1f} ms   "
              f"p95 {times[int(len(times) * 0.95)] * 1000:7.1f} ms   worst {times[-1] * 1000:7.1f} ms")  # fmt: skip
    print(f"  memory of each worker at the end: {', '.join(f'{mb} MB' for mb in memory)}")
    for line in problems:
        print("  example:", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument(
        "--postgres",
        default=POSTGRES_SERVER,
        help="a PostgreSQL server to create the scratch database on ('' to skip)",
    )
    args = parser.parse_args()
    on_each_engine(lambda label, env: run(label, env, args.seconds, args.users), args.postgres, "viennaplan_bench_load")


if __name__ == "__main__":
    main()
