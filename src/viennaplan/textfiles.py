"""Whether the bytes of a file handed in are text, and the text: one check for every such file.

Plain Python, no Django but `django.utils.translation`. A file that should be text is refused
when it is empty (nothing but white space, unless the caller allows that), binary (it holds a
NUL byte) or not UTF-8; the message says which, and where (the byte offset), then what was
expected. A UTF-8 byte-order mark is dropped. Used by the plan import (`plan` command), the
depositary's status lists (`treaties/depositary.py`), the country data files and the backup
check (`looks_like_text`).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

EMPTY = "empty"
BINARY = "binary"
ENCODING = "encoding"


class NotText(ValueError):
    """The bytes are not the text expected.

    `problem` says what is wrong and where ("binary file (byte 4 is NUL)"), `kind` which check
    failed (EMPTY, BINARY or ENCODING), `offset` the byte it failed at (None for an empty file);
    the message is "problem; expected".
    """

    def __init__(self, problem: str, expected: str, *, kind: str, offset: int | None = None) -> None:
        self.problem = problem
        self.expected = expected
        self.kind = kind
        self.offset = offset
        super().__init__(
            _("%(problem)s; %(expected)s") % {"problem": problem, "expected": expected} if expected else problem
        )


def read_text(data: bytes, *, expected: str, allow_empty: bool = False) -> str:
    """The text of `data` (UTF-8, byte-order mark dropped), or NotText saying what it is instead.

    `expected` ends the message ("expected a CSV text file"); with `allow_empty`, empty data
    is the empty text (for a caller that says more precisely what an empty file lacks).
    """
    if not allow_empty and not data.strip():
        raise NotText(_("the file is empty"), expected, kind=EMPTY)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise NotText(_("binary file (byte %(offset)s is NUL)") % {"offset": nul}, expected, kind=BINARY, offset=nul)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotText(
            _("not UTF-8 text (byte %(offset)s is %(byte)s)")
            % {"offset": error.start, "byte": f"{data[error.start]:#04x}"},
            expected,
            kind=ENCODING,
            offset=error.start,
        ) from None


def looks_like_text(head: bytes) -> bool:
    """Whether the first bytes of a file read as text (to say what a file is instead of what was wanted)."""
    try:
        read_text(head, expected="", allow_empty=True)
    except NotText:
        return False
    return True
