"""Spreadsheet cells that stay text: the one rule every CSV and Excel export follows.

A spreadsheet program reads a cell that starts with `=`, `+`, `-` or `@` (or with a tab or a
carriage return before one of them) as a formula: a treaty action's `source` of
`=HYPERLINK("http://evil.example","click")` would become a live link in the reader's Excel.
Every cell written by an export goes through `safe_text`, which puts an apostrophe in front of
such a value, as spreadsheet programs themselves do to mark "this is text". Values that are
ordinary numbers (`-12`, `+3.5`) are left alone: they are not formulas and a reader expects them.

    safe_text("=1+2")    -> "'=1+2"
    safe_text("-12")     -> "-12"
    safe_text("Geneva")  -> "Geneva"
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def is_formula_like(value: str) -> bool:
    """True when a spreadsheet program could read `value` as a formula or a command."""
    return value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value)


def safe_text(value: Any) -> Any:
    """`value` made safe for a spreadsheet cell; anything but a string is returned unchanged."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value
