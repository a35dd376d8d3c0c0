"""The one check of a text file handed in (viennaplan/textfiles.py): empty, binary, not UTF-8."""

from __future__ import annotations

import pytest

from viennaplan.textfiles import BINARY, EMPTY, ENCODING, NotText, looks_like_text, read_text

EXPECTED = "expected a CSV text file"


def refusal(data: bytes, **options) -> NotText:
    with pytest.raises(NotText) as raised:
        read_text(data, expected=EXPECTED, **options)
    return raised.value


def test_utf8_text_is_read_and_its_byte_order_mark_dropped():
    assert read_text("Côte d’Ivoire\n".encode(), expected=EXPECTED) == "Côte d’Ivoire\n"
    assert read_text(b"\xef\xbb\xbfstate,instrument\n", expected=EXPECTED) == "state,instrument\n"


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n"], ids=["nothing", "white space"])
def test_an_empty_file_is_refused_saying_what_was_expected(data):
    error = refusal(data)
    assert (error.kind, error.offset) == (EMPTY, None)
    assert str(error) == "the file is empty; expected a CSV text file"


def test_an_empty_file_may_be_allowed_for_a_caller_that_says_more():
    assert read_text(b"", expected=EXPECTED, allow_empty=True) == ""
    assert read_text(b"\n\n", expected=EXPECTED, allow_empty=True) == "\n\n"


def test_a_binary_file_is_refused_at_its_first_nul_byte():
    error = refusal(b"PK\x03\x04\x00\x00binary")
    assert (error.kind, error.offset) == (BINARY, 4)
    assert error.problem == "binary file (byte 4 is NUL)"
    assert str(error) == "binary file (byte 4 is NUL); expected a CSV text file"


def test_a_nul_late_in_a_long_file_is_found_too():
    data = b"state,instrument\n" * 1000 + b"\x00"
    assert refusal(data, allow_empty=True).offset == len(data) - 1


def test_another_encoding_is_refused_naming_the_byte():
    error = refusal("state\nCôte\n".encode("latin-1"))
    assert (error.kind, error.offset) == (ENCODING, 7)
    assert str(error) == "not UTF-8 text (byte 7 is 0xf4); expected a CSV text file"


def test_a_binary_file_is_binary_before_it_is_badly_encoded():
    assert refusal(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").kind == BINARY


def test_the_head_of_a_file_looks_like_text_or_not():
    assert looks_like_text(b"state,instrument,action\n")
    assert looks_like_text(b"")
    assert not looks_like_text(b"SQLite format 3\x00")
    assert not looks_like_text(bytes(range(128, 144)))
