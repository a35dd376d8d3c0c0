"""One thing wrong with one row of a file handed in, said the same way by every import
(treaty status lists, observations of indicators): "row 4, column date ('31/02/2001'): why".

Plain Python (and `django.utils.translation`: the words are in the active language): the
readers collect these and report every bad row at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

SHOWN_VALUE_CHARS = 60  # of a cell quoted in an error message


@dataclass(frozen=True)
class RowError:
    """Where (row, column; row 0 is the file itself), what was there, and why it is wrong."""

    row: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        where = _("row %(row)s") % {"row": self.row} if self.row else _("file")
        if self.column:
            where = _("%(where)s, column %(column)s") % {"where": where, "column": self.column}
        shown = self.value if len(self.value) <= SHOWN_VALUE_CHARS else self.value[: SHOWN_VALUE_CHARS - 1] + "…"
        value = f" ({shown!r})" if self.value else ""
        return f"{where}{value}: {self.message}"


class FileRefused(Exception):
    """An import wrote nothing; `errors` lists every problem of the file (RowError or text), in
    the file's order. Each import names its own subclass (what it refuses)."""

    def __init__(self, source_name: str, errors: list) -> None:
        self.source_name = source_name
        self.errors = errors
        super().__init__(
            ngettext(
                "%(file)s: %(count)s error; nothing was imported",
                "%(file)s: %(count)s errors; nothing was imported",
                len(errors),
            )
            % {"file": source_name, "count": len(errors)}
        )


def record_kind(
    value: Mapping[str, str],
    kinds: Iterable[str],
    required: Mapping[str, Iterable[str]],
    fills: Mapping[str, Iterable[str]],
    wrong: Callable[[str, str], None],
    shared: tuple[str, ...] = ("record", "key"),
) -> str | None:
    """The kind of a row of a file whose rows are of several kinds (its `record` column: "event",
    "participation" …), or None when it is missing or unknown. Through `wrong(column, message)`: that
    problem, each column `required[kind]` the row leaves empty, and each column other than `shared`
    and `fills[kind]` it fills."""
    kinds = tuple(kinds)
    kind = value["record"]
    if kind not in kinds:
        codes = ", ".join(kinds)
        wrong("record", (_("required: %(codes)s") if not kind else _("not one of %(codes)s")) % {"codes": codes})
        return None
    for name in required[kind]:
        if not value[name]:
            wrong(name, _("required"))
    for name, cell in value.items():
        if name not in (*shared, *fills[kind]) and cell:
            wrong(name, _("not a column of %(record)s rows: leave it empty") % {"record": kind})
    return kind
