"""Documents with versions (33(a),(e), 46(d)), in plain Python: which version is current, and what
changed between two versions as lines of a text diff.

A document (the toolkit of best practices against corruption, the manual on practical measures
against corruption, a tool to assess the effectiveness of measures against trafficking, …) has
versions, each with a label ("1.0", "2004-revision"), a date, a summary of its changes and its text.
The current version is the latest published one: by date, then by the order the versions were
entered (`current`). A draft version is the Secretariat's only, and is never current.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy

TOOLKIT, MANUAL, EFFECTIVENESS_TOOL, OTHER = "toolkit", "manual", "effectiveness_tool", "other"
KINDS = {
    TOOLKIT: gettext_lazy("toolkit of best practices"),
    MANUAL: gettext_lazy("manual on practical measures"),
    EFFECTIVENESS_TOOL: gettext_lazy("tool to assess the effectiveness of measures"),
    OTHER: gettext_lazy("other document"),
}
# The chapters of the plan, as it numbers them: a document serves one (IV: corruption, V: trafficking).
CHAPTERS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
CONTEXT_LINES = 3

ADDED, REMOVED, KEPT, GAP = "added", "removed", "kept", "gap"


def is_chapter(value: str) -> bool:
    return value in CHAPTERS


def current(versions: Sequence[Any]) -> Any | None:
    """The latest published version (objects with `published`, `date`, `pk`), or None."""
    published = [version for version in versions if version.published]
    if not published:
        return None
    return max(published, key=lambda version: (version.date or date.min, version.pk or 0))


def in_order(versions: Sequence[Any]) -> list[Any]:
    """Versions from the first to the latest."""
    return sorted(versions, key=lambda version: (version.date or date.min, version.pk or 0))


@dataclass(frozen=True)
class DiffLine:
    kind: str  # ADDED, REMOVED, KEPT, or GAP (lines left out between two changes)
    text: str
    old: int | None = None  # the line's number in the older text
    new: int | None = None  # and in the newer


def diff(old: str, new: str, context: int = CONTEXT_LINES) -> list[DiffLine]:
    """What changed from `old` to `new`, line by line, with `context` unchanged lines around each change."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    lines: list[DiffLine] = []
    for number, group in enumerate(matcher.get_grouped_opcodes(context)):
        if number or (group and (group[0][1] > 0 or group[0][3] > 0)):
            lines.append(DiffLine(GAP, ""))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [DiffLine(KEPT, old_lines[i], i + 1, j1 + (i - i1) + 1) for i in range(i1, i2)]
                continue
            if tag in ("replace", "delete"):
                lines += [DiffLine(REMOVED, old_lines[i], i + 1, None) for i in range(i1, i2)]
            if tag in ("replace", "insert"):
                lines += [DiffLine(ADDED, new_lines[j], None, j + 1) for j in range(j1, j2)]
    return lines
