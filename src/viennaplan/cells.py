"""Spreadsheet cells that stay text: the one rule every CSV and Excel export follows.

A spreadsheet program reads a cell that starts with `=`, `+`, `-` or `@` (or with a tab or a
carriage return before one of them) as a formula: a treaty action's `source` of
`=HYPERLINK("http://evil.example","click")` would become a live link in the reader's Excel.
Every cell written by a CSV export goes through `safe_text`, which puts an apostrophe in front of
such a value, as spreadsheet programs themselves do to mark "this is text". Values that are
ordinary numbers (`-12`, `+3.5`) are left alone: they are not formulas and a reader expects them.

    safe_text("=1+2")    -> "'=1+2"
    safe_text("-12")     -> "-12"
    safe_text("Geneva")  -> "Geneva"

`plain_text` undoes it exactly, for the imports that read our own exports back (the treaty
status list): `plain_text(safe_text(x)) == x` for every string. To keep that true for a value
that already starts with apostrophes before a formula (`'=1`), such a value gets one more.

An Excel cell needs no apostrophe: `excel_text_cell` stores the value as a text cell, unchanged,
with the "quote prefix" style Excel gives a cell typed as 'text, so that it stays text even when
someone edits it; the upload then reads back exactly what was written.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def is_formula_like(value: str) -> bool:
    """True when a spreadsheet program could read `value` as a formula or a command."""
    return value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value)


def _escaped_form(value: str) -> bool:
    """A formula, perhaps behind apostrophes: the values `safe_text` prefixes."""
    return is_formula_like(value.lstrip("'"))


def safe_text(value: Any) -> Any:
    """`value` made safe for a CSV cell; anything but a string is returned unchanged."""
    if isinstance(value, str) and _escaped_form(value):
        return "'" + value
    return value


def plain_text(value: str) -> str:
    """The value `safe_text` was given: one apostrophe taken off a cell it had prefixed."""
    if value.startswith("'") and _escaped_form(value[1:]):
        return value[1:]
    return value


def excel_text_cell(cell: Any, value: Any) -> None:
    """Put `value` in an openpyxl cell so that a string is never a formula (openpyxl makes every
    string starting with "=" one): a text cell, marked as text for Excel when it looks like a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if is_formula_like(value):
            cell.quotePrefix = True
