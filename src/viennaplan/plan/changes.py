"""Changes to provisions: between versions (`provision_changes`, for the provision page's
"what changed between versions") and by an edit in the admin (`refresh_full_text`)."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict

from .document import text_with_items
from .models import PlanVersion, Provision


def refresh_full_text(provision: Provision) -> None:
    """After an edit of a provision's text: recompute `full_text` of it and of its ancestors."""
    rows = list(Provision.objects.filter(version_id=provision.version_id, paragraph=provision.paragraph))
    children: dict[int | None, list[Provision]] = defaultdict(list)
    for row in sorted(rows, key=lambda row: row.position):
        children[row.parent_id].append(row)

    def full_text(row: Provision) -> str:
        return text_with_items(row.text, [(child.label, full_text(child)) for child in children[row.pk]])

    by_id = {row.pk: row for row in rows}
    node = by_id.get(provision.pk)
    while node is not None:
        Provision.objects.filter(pk=node.pk).update(full_text=full_text(node))
        node = by_id.get(node.parent_id) if node.parent_id else None


_CLAUSE_END = re.compile(r"(?<=[.;:])\s+")


def provision_lines(provision: Provision) -> list[str]:
    """The provision and its items as lines, one clause a line, for a readable diff."""
    lines: list[str] = []
    rows = [provision, *_descendants(provision)]
    for row in rows:
        clauses = _CLAUSE_END.split(row.text.strip()) if row.text.strip() else [""]
        lines.append(f"{row.citation} {clauses[0]}".rstrip())
        lines.extend(clauses[1:])
    return lines


def _descendants(provision: Provision) -> list[Provision]:
    prefix = provision.path + "/"
    return list(Provision.objects.filter(version_id=provision.version_id, path__startswith=prefix).order_by("position"))


def provision_changes(provision: Provision) -> list[tuple[PlanVersion, Provision | None, list[str]]]:
    """For every other version: its provision at the same path (or None) and a unified diff.

    The diff runs from the older version to the newer one; it is empty when nothing changed.
    """
    changes: list[tuple[PlanVersion, Provision | None, list[str]]] = []
    this_version = provision.version
    mine = provision_lines(provision)
    for other_version in PlanVersion.objects.exclude(pk=this_version.pk).order_by("imported_at", "id"):
        other = Provision.objects.filter(version=other_version, path=provision.path).first()
        theirs = provision_lines(other) if other else []
        older_first = (other_version.imported_at, other_version.pk) < (this_version.imported_at, this_version.pk)
        if older_first:
            before, after, names = theirs, mine, (other_version, this_version)
        else:
            before, after, names = mine, theirs, (this_version, other_version)
        diff = list(
            difflib.unified_diff(
                before,
                after,
                fromfile=_version_label(names[0], provision.citation),
                tofile=_version_label(names[1], provision.citation),
                lineterm="",
            )
        )
        changes.append((other_version, other, diff))
    return changes


def _version_label(version: PlanVersion, citation: str) -> str:
    name = version.symbol or (version.date.isoformat() if version.date else "")
    return f"version {version.pk}{f' ({name})' if name else ''}: {citation}"
