"""The values table of an indicator page as HTML, built here rather than in a template: a page of
197 States by 25 years has about 5,000 cells, which the template language takes some 150 ms to
draw and this about 10 ms (bench/bench_indicator_page.py). Every text is escaped."""

from __future__ import annotations

from functools import lru_cache
from html import escape

from django.utils.safestring import SafeString, mark_safe

from .tables import Row, Table

STATE_PAGE = "/reporting/states/{}"
EMPTY = "<td>—</td>"


@lru_cache(maxsize=512)
def _title(source: str, note: str) -> str:
    return escape(f"{source} — {note}" if note else source)


def _value(row: Row) -> str:
    title = _title(row.source, row.note)
    marks = f"<sup>{row.marks}</sup>" if row.marks else ""
    return f'<span title="{title}">{escape(row.published)}</span>{marks}'


def _cell(rows: list[Row]) -> str:
    if not rows:
        return EMPTY
    css = ' class="suppressed"' if rows[0].suppressed_below is not None else ""
    return f"<td{css}>{'<br>'.join(_value(row) for row in rows)}</td>"


def table_body(table: Table) -> SafeString:
    """The <tbody> rows: each State a link to its page, each cell its values as published with their flags' marks."""
    lines = []
    for line in table.lines:
        link = f'<th scope="row"><a href="{STATE_PAGE.format(escape(line.state))}">{escape(line.name)}</a></th>'
        lines.append(f"<tr>{link}{''.join(_cell(cell) for cell in line.cells)}</tr>")
    return mark_safe("\n".join(lines))  # noqa: S308  (every text above is escaped)
