"""Shared fixtures.

`plan_text` / `plan_document`: the shipped official text and its parse, built once per session.
`imported_plan`: the plan imported into the test database (a PlanVersion).
"""

from __future__ import annotations

import os

import pytest
from django.conf import settings
from hypothesis import settings as hypothesis_settings

# Tests never assert on timing: hypothesis's 200 ms deadline per example would fail a property
# test on a busy machine (two suites run side by side) although nothing is wrong.
hypothesis_settings.register_profile("viennaplan", deadline=None)
hypothesis_settings.load_profile("viennaplan")

DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


def pytest_collection_modifyitems(config, items):
    """`make test` runs the suite on SQLite and on PostgreSQL, side by side on the machine's cores. A
    test that touches no database gives the same answer on both, so it runs once; on the other engine
    it is skipped with that reason. A test that reaches the run's database some other way (a
    subprocess given DATABASE_URL) is marked `every_engine` and runs on each. A test that needs a
    database but checks what no engine changes (what a browser is shown: accessibility, the page's
    script policy) is marked `engine_independent`, and so is every browser test (`browser`): what a
    browser does is the same whatever the engine, and the views behind it are tested on both.

    Where a test that runs once runs: engine-independent tests in the SQLite run (a browser test ends
    by emptying every table, which costs PostgreSQL seconds); tests without a database, and those
    marked `engine_independent(anywhere=True)`, in the run VIENNAPLAN_ENGINE_FREE_RUN names
    ("sqlite", the default, or "postgresql": `make test` gives them to the PostgreSQL run, whose own
    tests end sooner, so that the two runs end together)."""
    engine = "sqlite" if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") else "postgresql"
    free_run = os.environ.get("VIENNAPLAN_ENGINE_FREE_RUN", "sqlite").strip().lower() or "sqlite"
    elsewhere = f"runs once, in the {'SQLite' if engine == 'postgresql' else 'PostgreSQL'} run"
    once = pytest.mark.skip(reason=f"touches no database: {elsewhere}")
    same = pytest.mark.skip(reason=f"what it checks is the same on every engine: {elsewhere}")
    for item in items:
        uses_database = DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        independent = item.get_closest_marker("engine_independent")
        if independent or item.get_closest_marker("browser"):
            here = free_run if independent is not None and independent.kwargs.get("anywhere") else "sqlite"
            if engine != here:
                item.add_marker(same)
        elif (
            not uses_database
            and not item.get_closest_marker("django_db")
            and not item.get_closest_marker("every_engine")
            and engine != free_run
        ):
            item.add_marker(once)


@pytest.fixture(scope="session")
def plan_text() -> str:
    return settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def plan_document(plan_text):
    from viennaplan.plan.parser import parse_plan

    return parse_plan(plan_text, source_name=settings.PLAN_SOURCE_FILE.name)


@pytest.fixture(scope="session")
def _plan_to_import(plan_text):
    """The parse `imported_plan` stores (its own copy: a test may change `plan_document`)."""
    from viennaplan.plan.parser import parse_plan
    from viennaplan.plan.saving import normalise_text

    text = normalise_text(plan_text)
    return parse_plan(text, source_name=settings.PLAN_SOURCE_FILE.name), text


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, _plan_to_import):
    """The test database with the shipped plan imported once for the session (committed), as
    `make run` leaves it: a test's changes to it are rolled back with the test. Tests that need a
    database without any plan ask for `without_plan`. Tests on a transactional database empty it
    (they run after all the others); `imported_plan` then imports the plan again for each."""
    from viennaplan.plan.saving import import_plan_document

    document, text = _plan_to_import
    with django_db_blocker.unblock():
        import_plan_document(document, source_name=settings.PLAN_SOURCE_FILE.name, source_text=text)


@pytest.fixture
def without_plan(db):
    """No plan in the database for this test (the session's plan is deleted; rolled back after it)."""
    from viennaplan.plan.models import PlanVersion

    for version in PlanVersion.objects.all():
        version.delete()


@pytest.fixture
def imported_plan(db, _plan_to_import):
    """The shipped plan as `import_plan_text` stores it: the session's (see django_db_setup), or,
    after a test that emptied the database, imported again from the session's parse."""
    from viennaplan.plan.saving import import_plan_document

    document, text = _plan_to_import
    version, _created = import_plan_document(document, source_name=settings.PLAN_SOURCE_FILE.name, source_text=text)
    return version


@pytest.fixture
def run_database_url(transactional_db) -> str:
    """The run's test database as a URL another process can open (DATABASE_URL for a subprocess)."""
    from urllib.parse import quote

    from django.db import connection

    cfg = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{cfg['NAME']}"
    user = quote(cfg["USER"] or "")
    password = f":{quote(cfg['PASSWORD'])}" if cfg["PASSWORD"] else ""
    return f"postgres://{user}{password}@{cfg['HOST'] or '127.0.0.1'}:{cfg['PORT'] or 5432}/{cfg['NAME']}"


@pytest.fixture
def someone_is_writing(transactional_db):
    """someone_is_writing() -> whether another connection is inside a transaction that writes: it holds
    SQLite's write lock, or a PostgreSQL session of the test database holds a transaction id. For the
    tests that kill a process in the middle of its work (issue 14)."""
    import sqlite3

    from django.db import connection

    def look() -> bool:
        if connection.vendor == "sqlite":
            probe = sqlite3.connect(connection.settings_dict["NAME"], timeout=0)
            try:
                probe.execute("BEGIN IMMEDIATE")
                probe.rollback()
                return False
            except sqlite3.OperationalError:  # "database is locked": a writer holds the lock
                return True
            finally:
                probe.close()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
            )
            return cursor.fetchone()[0] > 0

    return look


# -- Personas (accounts) ------------------------------------------------------------------------
# One user per role, with the known password PERSONA_PASSWORD. State A is CHE, State B is FRA.
# `client_as(user)` is a django.test.Client signed in as that user (anonymous: not signed in).

PERSONA_PASSWORD = "Vienna-2001-plans-of-action"


@pytest.fixture(scope="session")
def persona_password_hash() -> str:
    # Hashed once per session: Argon2 is slow on purpose.
    from django.contrib.auth.hashers import make_password

    return make_password(PERSONA_PASSWORD)


@pytest.fixture
def persona_password() -> str:
    return PERSONA_PASSWORD


def _persona(password_hash: str, email: str, role: str, state: str | None = None, **extra):
    from viennaplan.accounts.invitations import create_account

    user = create_account(email=email, role=role, state=state, **extra)
    user.password = password_hash
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    return user


@pytest.fixture
def secretariat(db, persona_password_hash):
    return _persona(
        persona_password_hash, "secretariat@example.org", "secretariat", first_name="Sara", last_name="Sekr"
    )


@pytest.fixture
def focal_point_a(db, persona_password_hash):
    return _persona(
        persona_password_hash, "focal.che@example.org", "focal_point", "CHE", first_name="Anna", last_name="Graf"
    )


@pytest.fixture
def focal_point_b(db, persona_password_hash):
    return _persona(
        persona_password_hash, "focal.fra@example.org", "focal_point", "FRA", first_name="Paul", last_name="Roy"
    )


@pytest.fixture
def reviewer(db, persona_password_hash):
    return _persona(persona_password_hash, "reviewer@example.org", "reviewer", first_name="Rita", last_name="Review")


@pytest.fixture
def contributor(db, persona_password_hash):
    return _persona(
        persona_password_hash,
        "contributor@example.org",
        "contributor",
        organisation="Penal Reform Watch",
        first_name="Cleo",
    )


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.fixture
def client_as(db):
    from django.test import Client

    def signed_in(user) -> Client:
        client = Client()
        if user is not None and user.is_authenticated:
            client.force_login(user)
        return client

    return signed_in


# --- A real browser (headless Chromium, Debian's /usr/bin/chromium, driven by Playwright) ---
# Browsers cannot be downloaded here, so Playwright never installs one: it launches the system's.
# Tests that use these fixtures are skipped where Chromium or the playwright package is absent;
# mark them `pytest.mark.browser`.

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def chromium(live_server, monkeypatch):
    """A headless Chromium against pytest-django's live server; closed before the database is emptied.

    Request it after the fixtures that fill the database (`imported_plan`, a cycle ...).
    Playwright's sync API keeps an event loop in the test's thread, which Django's ORM takes for
    async code; the test itself is synchronous, so the ORM is allowed to run beside it."""
    from pathlib import Path

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    if not Path(CHROMIUM_PATH).exists():
        pytest.skip(f"{CHROMIUM_PATH} is absent (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_as(chromium, live_server):
    """browser_as(user, width=1280, height=900) -> a Playwright page signed in as `user` (None: the public).

    The session is made by Django's test client (force_login) and handed to the browser as its
    cookie, so tests do not type passwords (the sign-in form has its own tests)."""
    from urllib.parse import urlsplit

    from django.test import Client

    contexts = []

    def open_page(user=None, width: int = 1280, height: int = 900):
        context = chromium.new_context(viewport={"width": width, "height": height}, base_url=live_server.url)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            host = urlsplit(live_server.url).hostname
            context.add_cookies([{"name": cookie.key, "value": cookie.value, "domain": host, "path": "/"}])
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def artifacts(request, tmp_path):
    """The folder where a browser test keeps its screenshots: `$VIENNAPLAN_TEST_ARTIFACTS/<test name>`
    when the environment variable VIENNAPLAN_TEST_ARTIFACTS names a folder (a CI run keeps it),
    otherwise the test's `tmp_path`."""
    import os
    import re
    from pathlib import Path

    root = os.environ.get("VIENNAPLAN_TEST_ARTIFACTS", "").strip()
    if not root:
        return tmp_path
    folder = Path(root) / re.sub(r"[^\w.-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A request made through the test Client leaves its language active in the thread (Django
    activates per request and never resets, as a server does not need to): every test starts and
    ends in English, whatever the test before it asked for."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def french(request, monkeypatch):
    """French active, with the test module's `FRENCH` entries ({english: french}, or
    {(singular, form): french} for plurals) in the French catalogue for this test only: a test of
    marked strings does not wait for the real catalogue."""
    from django.utils import translation
    from django.utils.translation import trans_real

    with translation.override("fr"):
        catalogue = trans_real.translation("fr")._catalog._catalogs[0]
        for english, french_text in request.module.FRENCH.items():
            monkeypatch.setitem(catalogue, english, french_text)
        yield


@pytest.fixture
def loads_only_translation():
    """loads_only_translation(modules): assert that importing `modules` in a fresh interpreter
    loads nothing of Django but what `django.utils.translation` loads (plain-Python domain rules)."""
    import subprocess
    import sys

    def django_modules(imports: str) -> set[str]:
        code = f"import sys\n{imports}\nprint(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        return set(eval(out))  # a printed list of module names

    def check(modules) -> None:
        allowed = django_modules("import django.utils.translation")
        loaded = django_modules(f"for name in {tuple(modules)!r}: __import__(name)")
        assert "django.utils.translation" in allowed
        assert loaded - allowed == set()

    return check
