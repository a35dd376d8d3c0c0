"""The production settings documented in docs/deploying.md pass `check --deploy` with no
warning, and the proxy setting is wired (issue 7, defect 4). Each check starts a fresh Python
with the documented environment, as a deployment does."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "deploying.md"


def documented_environment() -> dict[str, str]:
    """The `KEY=value` lines of the ```env block of docs/deploying.md; <...> values filled in."""
    block = re.search(r"```env\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block, "docs/deploying.md has no ```env block of production settings"
    pairs = dict(line.split("=", 1) for line in block.group(1).splitlines() if line and not line.startswith("#"))
    assert "VIENNAPLAN_DEBUG" in pairs and "VIENNAPLAN_TRUSTED_PROXIES" in pairs
    if pairs.get("VIENNAPLAN_SECRET_KEY", "").startswith("<"):
        pairs["VIENNAPLAN_SECRET_KEY"] = secrets.token_urlsafe(50)
    return pairs


def run_django(args: list[str], environment: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIENNAPLAN_", "DATABASE_URL"))}
    env.update(environment, DJANGO_SETTINGS_MODULE="viennaplan.settings", VIENNAPLAN_VAR_DIR=str(tmp_path))
    return subprocess.run([sys.executable, "-m", "django", *args], env=env, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_with_the_documented_production_settings(tmp_path):
    result = run_django(["check", "--deploy", "--fail-level", "WARNING"], documented_environment(), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_without_them(tmp_path):
    environment = {"VIENNAPLAN_DEBUG": "0", "VIENNAPLAN_SECRET_KEY": secrets.token_urlsafe(50)}
    result = run_django(["check", "--deploy", "--fail-level", "WARNING"], environment, tmp_path)
    assert result.returncode != 0 and "security.W004" in result.stderr + result.stdout


def test_trusted_proxies_turn_on_the_forwarded_scheme_and_a_bad_entry_stops_the_start(tmp_path):
    shown = run_django(
        ["shell", "-c", "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"],
        {"VIENNAPLAN_TRUSTED_PROXIES": "10.0.0.5,192.0.2.0/24"},
        tmp_path,
    )
    assert "HTTP_X_FORWARDED_PROTO" in shown.stdout, shown.stderr
    refused = run_django(["check"], {"VIENNAPLAN_TRUSTED_PROXIES": "10.0.0.5,proxy.example"}, tmp_path)
    assert refused.returncode != 0 and "'proxy.example' is not an address or network" in refused.stderr
