"""The apps import each other only downwards, as docs/architecture.md says: a new upward
import (say, `plan` importing `reporting`) or a cycle between apps fails here, naming the
module and the line."""

from __future__ import annotations

import ast
from pathlib import Path

import viennaplan

PACKAGE = Path(viennaplan.__file__).resolve().parent
# What each app may import of the others (the project-wide modules at the top are open to all).
MAY_IMPORT = {
    "countries": set(),
    "plan": set(),
    "accounts": {"countries"},
    "treaties": {"accounts", "countries"},
    "reporting": {"accounts", "countries", "plan"},
    "monitoring": {"accounts", "countries", "plan", "treaties", "reporting", "indicators"},
    "backups": {"plan"},
    "indicators": {"accounts", "countries", "plan"},
    "notices": {"accounts", "countries", "reporting"},  # nothing imports notices (templates may load its tags)
    "knowledge": {"accounts", "countries", "plan", "treaties", "reporting", "monitoring"},
    "assistance": {"accounts", "countries", "plan", "treaties", "reporting", "knowledge", "monitoring"},
}
SHARED = {
    "cells",
    "proxy",
    "busy",
    "api_shapes",
    "settings",
    "dates",
    "textfiles",
    "subcommands",
    "svgcharts",
    "rowerrors",
    "printing",
    "languages",
    "collation",
    "bidi",
}


def imports_of(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, module) of every `viennaplan.*` import in a file under `root`, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(("viennaplan", *path.relative_to(root).parent.parts))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("viennaplan")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module.startswith("viennaplan"):
                found.append((node.lineno, module))
    return found


def upward_imports(root: Path) -> list[str]:
    wrong = []
    for app, allowed in MAY_IMPORT.items():
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for line, module in imports_of(path, root):
                parts = module.split(".")
                target = parts[1] if len(parts) > 1 else ""
                if target in (app, *SHARED) or target in allowed:
                    continue
                wrong.append(f"{path.relative_to(root).as_posix()}:{line}: {app} imports {module}")
    return wrong


def test_the_apps_and_the_layer_table_are_the_same():
    apps = {p.parent.name for p in PACKAGE.glob("*/apps.py")}
    assert apps == set(MAY_IMPORT), "a new app needs its row in MAY_IMPORT (and in docs/architecture.md)"


def test_the_layer_table_has_no_cycle():
    def reaches(app: str, seen: tuple[str, ...] = ()) -> None:
        assert app not in seen, f"cycle: {' -> '.join((*seen, app))}"
        for lower in MAY_IMPORT[app]:
            reaches(lower, (*seen, app))

    for app in MAY_IMPORT:
        reaches(app)


def test_no_app_imports_an_app_above_it():
    assert sum(1 for app in MAY_IMPORT for _ in (PACKAGE / app).rglob("*.py")) > 100
    assert upward_imports(PACKAGE) == []


def test_an_upward_import_is_found(tmp_path):
    (tmp_path / "plan" / "views").mkdir(parents=True)
    (tmp_path / "plan" / "views" / "pages.py").write_text("from ...reporting.models import Report\n")
    (tmp_path / "monitoring").mkdir()
    (tmp_path / "monitoring" / "targets.py").write_text("from viennaplan.plan.models import Provision\n")
    for app in MAY_IMPORT:
        (tmp_path / app).mkdir(exist_ok=True)
    assert upward_imports(tmp_path) == ["plan/views/pages.py:1: plan imports viennaplan.reporting.models"]
