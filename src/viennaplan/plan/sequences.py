"""The label sequences of the plan: items (a), (b), … and sub-items (i), (ii), …"""

from __future__ import annotations

ROMAN_NUMERALS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")


def next_letter(label: str) -> str:
    """The item label after `label`: a -> b, z -> aa."""
    if label == "z":
        return "aa"
    return chr(ord(label[-1]) + 1) if len(label) == 1 else label + label[-1]


def next_roman(label: str) -> str:
    """The sub-item label after `label`: i -> ii, iv -> v."""
    index = ROMAN_NUMERALS.index(label)
    return ROMAN_NUMERALS[index + 1]
