"""The plan as CSV: one row per provision (paragraph, item, sub-item), in document order.

Written with the standard `csv` module (RFC 4180 quoting, CRLF line ends), a header row first.
Cells holding several values join them with ";": labels `k;ii`, objectives `1;2`, partners,
note numbers, and the deadlines as their end dates in ISO form (`2002-12-31;2005-12-31`;
a deadline without an end date has no entry). Booleans are `true` / `false`; absent values empty.
A cell a spreadsheet program would run as a formula (text starting with `=`, `+`, `-`, `@`, a tab
or a carriage return) is written with an apostrophe in front (`viennaplan.cells.safe_text`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from viennaplan.cells import safe_text
from viennaplan.plan.document import PlanDocument, Provision

COLUMNS = (
    "citation",
    "path",
    "paragraph",
    "labels",
    "chapter",
    "section",
    "objectives",
    "kind",
    "actor",
    "partners",
    "subject_to_resources",
    "upon_request",
    "note_refs",
    "deadlines",
    "text",
)


def dumps(doc: PlanDocument) -> str:
    """The whole CSV file as text (encode it as UTF-8 to write it)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows([safe_text(cell) for cell in provision_row(provision)] for provision in doc.provisions())
    return out.getvalue()


def provision_row(provision: Provision) -> list[str]:
    """One provision as the cells of its row, in the order of `COLUMNS`."""
    return [
        provision.citation,
        provision.path,
        str(provision.paragraph),
        _joined(provision.labels),
        provision.chapter,
        provision.section or "",
        _joined(provision.objectives),
        provision.kind,
        provision.actor or "",
        _joined(provision.partners),
        _flag(provision.subject_to_resources),
        _flag(provision.upon_request),
        _joined(provision.note_refs),
        _joined(d.end.isoformat() for d in provision.deadlines if d.end is not None),
        provision.text,
    ]


def _joined(values: Iterable[object]) -> str:
    return ";".join(str(value) for value in values)


def _flag(value: bool) -> str:
    return "true" if value else "false"
