"""Reading and writing the rows of a collection's CSV file, shared by every import of the knowledge
databases: UTF-8 text (`viennaplan.textfiles`), a header row naming every column once (in any order),
the cells through `viennaplan.cells.plain_text`; what is wrong with the file itself as RowErrors (row
0: the file; row 1: the header). Each collection names its file in the messages it hands in."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from django.utils.translation import gettext

from viennaplan.cells import plain_text, safe_text
from viennaplan.rowerrors import RowError
from viennaplan.textfiles import NotText, read_text


def read_rows(
    data: bytes, columns: Sequence[str], *, expected: str, not_a_column: str
) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    """The rows of the file as (row, cells by column), and what is wrong with the file itself."""
    try:
        text = read_text(data, expected=expected)
    except NotText as error:
        return [], [RowError(0, "", "", str(error))]
    records = list(csv.reader(io.StringIO(text, newline="")))
    if not records or not any(cell.strip() for cell in records[0]):
        return [], [RowError(1, "", "", gettext("expected a header row: %(columns)s") % {"columns": ",".join(columns)})]
    header = [cell.strip() for cell in records[0]]
    errors = [RowError(1, name, "", not_a_column) for name in header if name not in columns]
    errors += [
        RowError(1, name, "", gettext("this column appears twice"))
        for name in sorted(set(header))
        if header.count(name) > 1
    ]
    errors += [RowError(1, name, "", gettext("this column is missing")) for name in columns if name not in header]
    if errors:
        return [], errors
    rows: list[tuple[int, dict[str, str]]] = []
    for number, values in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in values):
            continue
        if len(values) != len(header):
            errors.append(
                RowError(
                    number,
                    "",
                    "",
                    gettext("%(values)s values for %(columns)s columns")
                    % {"values": len(values), "columns": len(header)},
                )
            )
            continue
        rows.append((number, {name: plain_text(value) for name, value in zip(header, values, strict=True)}))
    return rows, errors


def write_rows(columns: Sequence[str], rows: list[list[str]]) -> str:
    """The header and the rows, each cell through `safe_text`.

    A carriage return in a cell is written as a line feed: with "\\n" line ends the csv module would
    not quote it, and a program reading the file would start a new row there."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_text(cell).replace("\r\n", "\n").replace("\r", "\n") for cell in row])
    return buffer.getvalue()
