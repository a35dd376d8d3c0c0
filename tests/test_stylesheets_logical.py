"""The project's stylesheets use logical directions only (issue 11, part 4: right to left).

With `<html dir="rtl">` (Arabic) the layout mirrors by itself when every side is written as start/end
(margin-inline-start, border-inline-end, inset-inline-start, text-align: start, float: inline-end ...).
A physical left/right (margin-left, padding-right, border-left, left:, text-align: right, float: left,
border-top-left-radius, a four-value margin/padding whose left and right differ) would not mirror:
this test finds any in the .css files under src/viennaplan. Exceptions are listed with their reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "viennaplan"

# (file relative to src/viennaplan, the declaration as written) -> why it may stay physical.
ALLOWED: dict[tuple[str, str], str] = {}

COMMENT = re.compile(r"/\*.*?\*/", re.S)
DECLARATION = re.compile(r"(?<![\w-])([a-z-]+)\s*:\s*([^;{}]+)")
PHYSICAL_PROPERTY = re.compile(
    r"^(?:(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)(?:-[a-z]+)?"
    r"|border-(?:top|bottom)-(?:left|right)-radius|left|right)$"
)
PHYSICAL_VALUE = {"text-align": {"left", "right"}, "float": {"left", "right"}, "clear": {"left", "right"}}
SHORTHANDS = {"margin", "padding", "scroll-margin", "scroll-padding", "border-width", "border-style", "border-color"}


def physical(prop: str, value: str) -> bool:
    value = value.replace("!important", "").strip()
    if PHYSICAL_PROPERTY.match(prop):
        return True
    if value in PHYSICAL_VALUE.get(prop, ()):
        return True
    if prop in SHORTHANDS:  # four values: top right bottom left
        parts = value.split()
        return len(parts) == 4 and parts[1] != parts[3]
    if prop == "border-radius":  # top-left top-right bottom-right bottom-left
        parts = value.split("/")[0].split()
        return (len(parts) == 2 and parts[0] != parts[1]) or (len(parts) >= 3 and parts[0] != parts[1])
    return False


def physical_declarations(css: str) -> list[str]:
    found = []
    for match in DECLARATION.finditer(COMMENT.sub("", css)):
        prop, value = match.group(1), match.group(2).strip()
        if physical(prop, value):
            found.append(f"{prop}: {value}")
    return found


def stylesheets() -> list[Path]:
    return sorted(SOURCE.rglob("*.css"))


def test_there_are_stylesheets_to_check():
    names = {path.name for path in stylesheets()}
    assert {"site.css", "reporting.css", "accounts.css", "notices.css"} <= names


@pytest.mark.parametrize("path", stylesheets(), ids=lambda p: str(p.relative_to(SOURCE)))
def test_no_stylesheet_uses_a_physical_left_or_right(path):
    name = str(path.relative_to(SOURCE))
    found = [d for d in physical_declarations(path.read_text(encoding="utf-8")) if (name, d) not in ALLOWED]
    assert not found, f"{name}: write these with logical properties (inline-start/end, start/end): {found}"


@pytest.mark.parametrize(
    "css",
    [
        ".a { margin-left: 1rem; }",
        ".a { padding-right: 0 }",
        ".a { border-left: 4px solid red; }",
        ".a { border-right-color: red; }",
        ".a { position: absolute; left: 0; }",
        ".a { text-align: right; }",
        ".a { float: left; }",
        ".a { padding: 0 0.75rem 0.75rem 0; }",
        ".a { border-top-left-radius: 3px; }",
        ".a { border-radius: 3px 0 0 3px; }",
    ],
)
def test_the_checker_finds_physical_directions(css):
    assert physical_declarations(css)


@pytest.mark.parametrize(
    "css",
    [
        ".a { margin-inline-start: 1rem; padding-inline: 0 1rem; border-inline-end: 1px solid; }",
        ".a { inset-inline-start: 0; text-align: start; float: inline-end; }",
        ".a { padding: 0 1rem 0.5rem 1rem; margin: 0 auto; border-radius: 3px; }",
        ".a { text-align: center; top: 0; }",
        "/* margin-left in a comment */ .a { color: red; }",
    ],
)
def test_the_checker_lets_logical_directions_be(css):
    assert not physical_declarations(css)
