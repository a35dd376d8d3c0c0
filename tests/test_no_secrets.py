"""No secret in the repository (issue 14): no file git tracks holds a private key, a cloud access key, a
password in a database or mail URL, or a Django secret key written out; no secret file of a running
site (`var/secret_key`, `.env`) is tracked. The site reads its key from the environment or from a file
outside the repository (docs/deploying.md)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PATTERNS = {
    "a private key": re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----"),
    "an AWS access key": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "a GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "a password in a URL": re.compile(
        r"\b(?:postgres(?:ql)?|mysql|redis|amqp|smtps?)://[^\s:/@'\"]+:(?!(?:password|PASSWORD|<[^>]*>)@)[^\s@'\"]{3,}@"
    ),
    "a Django secret key written out": re.compile(r"SECRET_KEY\s*=\s*['\"][^'\"]{20,}['\"]"),
}
# secret files of a running site that must never be committed
SECRET_FILES = re.compile(r"(^|/)(var/secret_key|\.env(\..+)?|id_rsa|id_ed25519|.*\.pem|.*\.p12)$")


def secrets_in(name: str, text: str) -> list[str]:
    """'name:line: what' for each secret-looking thing in `text`."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        found += [f"{name}:{number}: {what}" for what, pattern in PATTERNS.items() if pattern.search(line)]
    return found


def tracked_files() -> list[str]:
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60)
    except (OSError, subprocess.CalledProcessError) as error:  # not a git checkout (an unpacked archive)
        pytest.skip(f"the files git tracks cannot be listed here: {error}")
    return [name for name in listed.stdout.decode("utf-8").split("\0") if name]


def test_no_tracked_file_holds_a_secret():
    names = tracked_files()
    assert len(names) > 500  # the listing found the repository
    files = [name for name in names if SECRET_FILES.search(name)]
    found = []
    for name in names:
        path = ROOT / name
        if path.is_file() and path.stat().st_size < 5_000_000:
            found += secrets_in(name, path.read_text(encoding="utf-8", errors="replace"))
    assert not files, f"secret files are tracked: {files}"
    assert not found, "secrets in tracked files:\n" + "\n".join(found)


def test_the_search_finds_each_kind_of_secret():
    key = "-----BEGIN " + "PRIVATE KEY-----"
    samples = {
        "a private key": key,
        "an AWS access key": "aws_key = AKIA" + "ABCDEFGHIJKLMNOP",
        "a GitHub token": "token: ghp_" + "a" * 36,
        "a password in a URL": "DATABASE_URL=postgres://viennaplan:" + "hunter22@db.example.org/viennaplan",
        "a Django secret key written out": 'SECRET_KEY = "' + "x" * 40 + '"',
    }
    for what, line in samples.items():
        assert secrets_in("sample.txt", f"first line\n{line}\n") == [f"sample.txt:2: {what}"], what
    assert secrets_in("docs.md", "DATABASE_URL=postgres://postgres@127.0.0.1:5432/viennaplan") == []
    assert secrets_in("docs.md", "e.g. `postgres://user:password@127.0.0.1:5432/viennaplan`") == []  # a placeholder
    assert SECRET_FILES.search("var/secret_key") and SECRET_FILES.search("deploy/.env.production")
    assert not SECRET_FILES.search("src/viennaplan/settings.py")
