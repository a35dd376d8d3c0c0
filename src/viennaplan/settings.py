"""Django settings, read from the environment.

Every setting that comes from the environment is read here through `env_*` helpers that
fail loudly on a malformed value. The database is SQLite (a file under var/) unless
DATABASE_URL names another one, e.g. postgres://user@127.0.0.1:5432/viennaplan.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from viennaplan.csp import POLICY as CSP_POLICY

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no, on/off)")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


DEBUG = env_bool("VIENNAPLAN_DEBUG", True)
VAR_DIR = Path(env_str("VIENNAPLAN_VAR_DIR", str(PROJECT_DIR / "var")))

_DEV_SECRET = "viennaplan-development-only-secret-key-not-for-production"
# The key comes from the environment, or from a file (VIENNAPLAN_SECRET_KEY_FILE: `make run`
# writes a random one into var/secret_key once); in development a fixed key is used.
_SECRET_FILE = env_str("VIENNAPLAN_SECRET_KEY_FILE", "")
SECRET_KEY = env_str("VIENNAPLAN_SECRET_KEY", "")
if not SECRET_KEY and _SECRET_FILE:
    try:
        SECRET_KEY = Path(_SECRET_FILE).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ImproperlyConfigured(f"VIENNAPLAN_SECRET_KEY_FILE={_SECRET_FILE!r} cannot be read: {exc}") from None
SECRET_KEY = SECRET_KEY or (_DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "VIENNAPLAN_SECRET_KEY (or VIENNAPLAN_SECRET_KEY_FILE) must be set when VIENNAPLAN_DEBUG is off"
    )

ALLOWED_HOSTS = env_list("VIENNAPLAN_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "viennaplan.accounts",
    "viennaplan.plan",
    "viennaplan.countries",
    "viennaplan.treaties",
    "viennaplan.reporting",
    "viennaplan.monitoring",  # where the plan stands: reading across the reports
    "viennaplan.indicators",  # the indicator catalogue and the observations of States by year
    "viennaplan.backups",  # viennaplan backup / restore (whole-database operations, no models)
    "viennaplan.notices",  # who is told when a report moves, a cycle opens or a deadline nears
    "viennaplan.knowledge",  # the databases the plan asks for (issue 12): national legislation, search
    "viennaplan.knowledge.patterns",
    "viennaplan.knowledge.assessments",
    "viennaplan.knowledge.trafficking",
    "viennaplan.knowledge.firearms",
    "viennaplan.knowledge.authorities",
    "viennaplan.knowledge.practices",
    "viennaplan.assistance",  # technical assistance (issue 13): requests, projects, matching
    "viennaplan.assistance.resources",  # donors, pledges, contributions, disbursements, ledgers
    "viennaplan.assistance.events",  # meetings and seminars
]

MIDDLEWARE = [
    "viennaplan.proxy.ProxyHeadersMiddleware",  # forwarded headers believed from trusted proxies only
    "viennaplan.busy.BusyDatabaseMiddleware",  # a database busy past the wait answers 503, never 500
    "django.middleware.security.SecurityMiddleware",
    "viennaplan.csp.ContentSecurityPolicyMiddleware",  # scripts from the site only, none inline
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files, served by the application itself
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "viennaplan.languages.LanguageMiddleware",  # ?lang= for one response; a signed-in user's saved language
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "viennaplan.reporting.demo.DemoHeaderMiddleware",  # X-Viennaplan-Demo: 1 in demonstration mode
]

ROOT_URLCONF = "viennaplan.urls"
WSGI_APPLICATION = "viennaplan.wsgi.application"
ASGI_APPLICATION = "viennaplan.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "viennaplan.reporting.demo.context",  # `demonstration`: the banner of base.html
            ],
        },
    },
]


# How long a write waits for SQLite's lock before giving up (then the user is told the
# server is busy, with what they typed; it never answers 500).
SQLITE_BUSY_TIMEOUT_SECONDS = env_int("VIENNAPLAN_SQLITE_BUSY_TIMEOUT", 20)


# Demonstration mode (`viennaplan demo`, `make run DEMO=1`): VIENNAPLAN_DEMO=1 serves a separate
# database of generated reports (the SQLite file var/demo.sqlite3, or VIENNAPLAN_DEMO_DATABASE_URL)
# in place of the real one, whose DATABASE_URL is then ignored. See reporting/demo.py.
DEMO = env_bool("VIENNAPLAN_DEMO", False)


def _database_config() -> dict:
    url = os.environ.get("DATABASE_URL", "").strip()
    if DEMO:
        demo_url = os.environ.get("VIENNAPLAN_DEMO_DATABASE_URL", "").strip()
        if demo_url and demo_url == url:
            raise ImproperlyConfigured("VIENNAPLAN_DEMO_DATABASE_URL names the real database (DATABASE_URL)")
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        url = demo_url or f"sqlite:///{VAR_DIR / 'demo.sqlite3'}"
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{VAR_DIR / 'viennaplan.sqlite3'}"
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except Exception as exc:  # dj_database_url raises several types
        raise ImproperlyConfigured(f"DATABASE_URL={url!r} is not a database URL: {exc}") from exc
    if config["ENGINE"] not in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}:
        raise ImproperlyConfigured(
            f"DATABASE_URL names {config['ENGINE']}; viennaplan supports SQLite and PostgreSQL only"
        )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Each server thread keeps its connection for a minute, as on PostgreSQL: opening one costs
        # SQLite a reading of the whole schema (about 2.5 ms on a large file) and the PRAGMAs below, at
        # every request otherwise. A kept connection holds no lock between requests (autocommit).
        config["CONN_MAX_AGE"] = 60
        config["OPTIONS"] = {
            "init_command": "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            # Writers queue instead of failing: every transaction takes the write lock when it
            # begins (a deferred one that reads, then writes, fails at once with "database is
            # locked" when another writer got there first), and waits for it up to the timeout.
            "transaction_mode": "IMMEDIATE",
            "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
        }
        # The test database is a file too (not SQLite's shared in-memory database, whose
        # table locks fail at once instead of waiting), so tests see the locking that users see.
        config["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"viennaplan-test-{os.getpid()}.sqlite3")}
    return config


DATABASES = {"default": _database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts and roles (viennaplan.accounts). Who may do what is decided in accounts/permissions.py;
# the secretariat backend gives secretariat users every admin permission.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "viennaplan.accounts.backends.SecretariatBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "reporting:desk"
LOGOUT_REDIRECT_URL = "accounts:login"
# Sign-in throttling: this many failures for one account (LOGIN_THROTTLE_FAILURES), or from one
# client address whatever the account (LOGIN_THROTTLE_ADDRESS_FAILURES: an office or a proxy is
# one address for many people), within the window lock sign-in for the lockout time.
LOGIN_THROTTLE_FAILURES = env_int("VIENNAPLAN_LOGIN_THROTTLE_FAILURES", 5)
LOGIN_THROTTLE_ADDRESS_FAILURES = env_int("VIENNAPLAN_LOGIN_THROTTLE_ADDRESS_FAILURES", 50)
LOGIN_THROTTLE_WINDOW_MINUTES = env_int("VIENNAPLAN_LOGIN_THROTTLE_WINDOW_MINUTES", 15)
LOGIN_THROTTLE_LOCKOUT_MINUTES = env_int("VIENNAPLAN_LOGIN_THROTTLE_LOCKOUT_MINUTES", 15)
# Where the site is served, for links printed by commands (`viennaplan accounts create`).
SITE_URL = env_str("VIENNAPLAN_SITE_URL", "http://127.0.0.1:8000")

# Outside development, cookies travel over HTTPS only.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("VIENNAPLAN_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_HTTPONLY = True

# Behind a reverse proxy that terminates HTTPS (docs/deploying.md): the proxies' addresses or
# networks. Their X-Forwarded-For gives the client's address and X-Forwarded-Proto the scheme;
# from anybody else those headers are dropped (viennaplan/proxy.py).
TRUSTED_PROXIES = env_list("VIENNAPLAN_TRUSTED_PROXIES", [])
if TRUSTED_PROXIES:
    from viennaplan.proxy import parse_networks

    parse_networks(TRUSTED_PROXIES)  # a malformed entry stops the start here, with its name
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Origins (scheme://host) allowed to post forms besides the site's own, e.g. another port.
CSRF_TRUSTED_ORIGINS = env_list("VIENNAPLAN_CSRF_TRUSTED_ORIGINS", [])
SECURE_SSL_REDIRECT = env_bool("VIENNAPLAN_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("VIENNAPLAN_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("VIENNAPLAN_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("VIENNAPLAN_HSTS_PRELOAD", False)
# The Content-Security-Policy header of every response (viennaplan/csp.py); "" sends none.
CONTENT_SECURITY_POLICY = env_str("VIENNAPLAN_CONTENT_SECURITY_POLICY", CSP_POLICY)

# Offline questionnaires: the largest workbook an upload may be (bytes).
REPORTING_UPLOAD_MAX_BYTES = env_int("VIENNAPLAN_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)

# Email: printed on the console in development (password-reset and invitation links);
# otherwise sent through the server named in the environment.
if DEBUG:
    EMAIL_BACKEND = env_str("VIENNAPLAN_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
else:
    EMAIL_BACKEND = env_str("VIENNAPLAN_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("VIENNAPLAN_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("VIENNAPLAN_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("VIENNAPLAN_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("VIENNAPLAN_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("VIENNAPLAN_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("VIENNAPLAN_DEFAULT_FROM_EMAIL", "viennaplan <noreply@localhost>")

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
TIME_ZONE = "UTC"
USE_I18N = True
# One catalogue for the whole project (src/viennaplan/locale/<ll>/LC_MESSAGES/django.po and .mo,
# both committed: `make messages` rebuilds them with GNU gettext; running needs only the .mo files).
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Dates in the reader's language: Django's formats, with the UN's English style (viennaplan/formats).
FORMAT_MODULE_PATH = ["viennaplan.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# WhiteNoise serves what `collectstatic` gathered into STATIC_ROOT (compressed, with cache
# headers); in development it finds the files in the apps directly.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Until `collectstatic` has run (tests, a first `viennaplan runserver`) the files are found in the apps.
WHITENOISE_USE_FINDERS = DEBUG or not (STATIC_ROOT / "css").is_dir()
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# The official text the plan is imported from when no file is named.
PLAN_SOURCE_FILE = PACKAGE_DIR / "data" / "plans-of-action-2001-draft.txt"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("VIENNAPLAN_LOG_LEVEL", "WARNING")},
}
