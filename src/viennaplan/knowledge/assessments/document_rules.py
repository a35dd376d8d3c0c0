"""Documents with versions in a CSV file: the rules of one row, in plain Python (no Django but
`django.utils.translation`). The file itself (all or nothing, export) is `documents_csv.py`.

One row per version; the document's own columns are repeated on each of its rows and must agree.
A document with no version yet is one row with the version's columns empty.

    key                the document's key: letters, digits, `.`, `_`, `-` (its address: /knowledge/documents/KEY)
    kind               toolkit, manual, effectiveness_tool or other
    title              the document's title (required)
    area               the chapter of the plan it serves, a Roman numeral: IV
    provisions         the plan's provisions it serves, as paths: `33/a; 33/e` (may be empty)
    published          yes or no (empty: no): a document not published is a draft
    version            the version's label: 1.0, 2004-revision (empty: the document has no version yet)
    date               the version's date, YYYY-MM-DD (required with a version)
    changes            the summary of changes (text)
    official_url       http(s) link to the version (may be empty)
    version_published  yes or no (empty: no): a version not published is a draft, never the current one
    text               the version's text
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from viennaplan.rowerrors import RowError

from . import rules, versions

COLUMNS = (
    "key",
    "kind",
    "title",
    "area",
    "provisions",
    "published",
    "version",
    "date",
    "changes",
    "official_url",
    "version_published",
    "text",
)
DOCUMENT_COLUMNS = ("kind", "title", "area", "provisions", "published")
VERSION_COLUMNS = ("date", "changes", "official_url", "version_published", "text")
TEXTS = ("changes", "text")


@dataclass(frozen=True)
class DocumentRow:
    row: int
    key: str
    kind: str
    title: str
    area: str
    provisions: tuple[str, ...]
    published: bool
    version: str  # "" when the row is the document alone
    date: date | None
    changes: str
    official_url: str
    version_published: bool
    text: str

    def document(self) -> tuple:
        """What the document's rows must agree on."""
        return (self.kind, self.title, self.area, self.provisions, self.published)


def yes_or_no(value: str) -> bool | None:
    lowered = value.lower()
    if lowered in (rules.YES, rules.NO, ""):
        return lowered == rules.YES
    return None


def parse_row(row: int, cells: dict[str, str], paths: frozenset[str]) -> DocumentRow | list[RowError]:
    errors: list[RowError] = []
    value = {name: (cells.get(name) or "").strip() for name in COLUMNS}
    for name in TEXTS:
        value[name] = (cells.get(name) or "").replace("\r\n", "\n").replace("\r", "\n")

    def wrong(column: str, message: str) -> None:
        errors.append(RowError(row, column, value[column], message))

    for name in ("key", "kind", "title", "area"):
        if not value[name]:
            wrong(name, _("required"))
    if value["key"] and not rules.KEY.fullmatch(value["key"]):
        wrong(
            "key", _("a key is up to 80 letters, digits, dots, dashes or underscores, starting with a letter or digit")
        )
    if value["kind"] and value["kind"] not in versions.KINDS:
        wrong("kind", _("not one of %(codes)s") % {"codes": ", ".join(versions.KINDS)})
    if len(value["title"]) > rules.TITLE_MAX:
        wrong("title", _("longer than %(limit)s characters") % {"limit": rules.TITLE_MAX})
    if value["area"] and not versions.is_chapter(value["area"]):
        wrong("area", _("not a chapter of the plan (%(numbers)s)") % {"numbers": ", ".join(versions.CHAPTERS)})
    provisions, problems = rules.parse_provisions(value["provisions"], paths)
    for problem in problems:
        wrong("provisions", problem)
    for name in ("published", "version_published"):
        if yes_or_no(value[name]) is None:
            wrong(name, _("yes or no"))
    day: date | None = None
    if value["version"]:
        if not versions.LABEL.fullmatch(value["version"]):
            wrong(
                "version",
                _("a version is up to 40 letters, digits, dots, dashes or underscores, from a letter or digit"),
            )
        if not value["date"]:
            wrong("date", _("required with a version"))
        else:
            try:
                day = rules.parse_date(value["date"])
            except ValueError as error:
                wrong("date", str(error))
        if value["official_url"] and not rules.URL.fullmatch(value["official_url"]):
            wrong("official_url", _("not an http:// or https:// link"))
    else:
        for name in VERSION_COLUMNS:
            if value[name].strip():
                wrong(name, _("only with a version (the version column is empty)"))
    if errors:
        return sorted(errors, key=lambda error: COLUMNS.index(error.column))
    return DocumentRow(
        row=row,
        key=value["key"],
        kind=value["kind"],
        title=value["title"],
        area=value["area"],
        provisions=tuple(sorted(provisions, key=rules.path_order)),
        published=bool(yes_or_no(value["published"])),
        version=value["version"],
        date=day,
        changes=value["changes"],
        official_url=value["official_url"],
        version_published=bool(yes_or_no(value["version_published"])),
        text=value["text"],
    )


def check_rows(parsed: list[DocumentRow]) -> list[RowError]:
    """What needs the other rows: a document's columns that differ between its rows, a version given
    twice, a document given once alone and once with versions."""
    errors: list[RowError] = []
    first: dict[str, DocumentRow] = {}
    labels: dict[tuple[str, str], int] = {}
    for row in parsed:
        earlier = first.setdefault(row.key, row)
        if earlier is not row:
            for name, mine, theirs in zip(DOCUMENT_COLUMNS, row.document(), earlier.document(), strict=True):
                if mine != theirs:
                    errors.append(
                        RowError(
                            row.row,
                            name,
                            str(mine) if not isinstance(mine, tuple) else "; ".join(mine),
                            _("not the same as on row %(row)s, the document's first row") % {"row": earlier.row},
                        )
                    )
            if not row.version or not earlier.version:
                errors.append(
                    RowError(row.row, "version", row.version, _("a document without a version has one row only"))
                )
        if row.version:
            seen = labels.setdefault((row.key, row.version), row.row)
            if seen != row.row:
                errors.append(
                    RowError(
                        row.row,
                        "version",
                        row.version,
                        _("the same document and version as row %(row)s") % {"row": seen},
                    )
                )
    return errors
