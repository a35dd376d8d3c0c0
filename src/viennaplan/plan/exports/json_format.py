"""The plan as JSON, and back.

`dumps(doc)` writes every field of the document (keys sorted, so the output is stable);
`document_from_json(json.loads(text))` reads it back into the same `PlanDocument`, so that
`dumps(document_from_json(json.loads(dumps(doc)))) == dumps(doc)`.

Malformed input raises `ValueError` naming the field: `paragraphs[3].items[1].label: missing`.
Fields whose dataclass attribute has a default may be left out; derived fields (`citation`,
`path`, `objective`, `full_text`) may be left out too, but when present they must agree with
the numbers, labels, objectives and texts.
Unknown fields are refused, so a typo is not silently dropped. `plan.checksum` may be left out
too: the importer computes the checksum from the content (`integrity.plan_checksum`).

`parse_json(text)` refuses, before parsing, a text larger (`MAX_BYTES`), with more arrays and
objects (`MAX_CONTAINERS`) or more deeply nested (`MAX_DEPTH`) than an export of the plan can
be. Numbers and texts are refused where they could not be stored (negative or beyond 2**31 - 1,
longer than their column, NUL or lone surrogates).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from viennaplan.plan.document import (
    PARAGRAPH_KINDS,
    ROMAN,
    SECTION_CODES,
    Chapter,
    Deadline,
    Discarded,
    ImportReport,
    Note,
    Objective,
    PlanDocument,
    Provision,
    Reference,
    Repair,
)

FORMAT = "viennaplan-plan"
VERSION = 1
MAX_BYTES = 10_000_000  # the export of the plan is about 520 kB
MAX_DEPTH = 20  # it nests 9 deep: document, paragraphs, paragraph, items, item, items, sub-item, list, object
MAX_CONTAINERS = 200_000  # it holds about 3,200 arrays and objects

# ---------------------------------------------------------------- writing


def dumps(doc: PlanDocument) -> str:
    """The document as JSON text: UTF-8 characters as they are, keys sorted, indented, final newline."""
    return json.dumps(document_to_json(doc), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def document_to_json(doc: PlanDocument) -> dict[str, Any]:
    """The document as plain JSON data (dicts, lists, strings, numbers, booleans, None)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "plan": {
            "title": doc.title,
            "symbol": doc.symbol,
            "date": _iso(doc.date),
            "body": doc.body,
            "session": doc.session,
            "agenda_item": doc.agenda_item,
            "original_language": doc.original_language,
            "summary": list(doc.summary),
            "checksum": doc.checksum,
            "front_notes": [_flat(note) for note in doc.front_notes],
        },
        "chapters": [_chapter(chapter) for chapter in doc.chapters],
        "paragraphs": [_provision(p, None, f"paragraphs[{i}]") for i, p in enumerate(doc.paragraphs)],
        "notes": [_flat(note) for note in doc.notes],
        "report": {
            "repairs": [_flat(repair) for repair in doc.report.repairs],
            "discarded": [_flat(discarded) for discarded in doc.report.discarded],
            "warnings": list(doc.report.warnings),
        },
    }


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _flat(record: Any) -> dict[str, Any]:
    """A flat dataclass as JSON data: dates as ISO text, tuples as lists."""
    return {
        name: _iso(value) if isinstance(value, date) else list(value) if isinstance(value, tuple | list) else value
        for name, value in vars(record).items()
    }


def _single_objective(p: Provision) -> int | None:
    """The objective a provision serves when it serves exactly one (see `objectives` for all)."""
    return p.objectives[0] if len(p.objectives) == 1 else None


def _chapter(chapter: Chapter) -> dict[str, Any]:
    data = _flat(chapter)
    data["objectives"] = [_flat(objective) for objective in chapter.objectives]
    return data


def _provision(p: Provision, parent: Provision | None, where: str) -> dict[str, Any]:
    if parent is None:
        misplaced = p.labels != ()
    else:
        misplaced = p.paragraph != parent.paragraph or p.labels[:-1] != parent.labels or len(p.labels) < 1
    if misplaced:
        under = parent.citation if parent else "the document"
        raise ValueError(f"{where}: provision {p.citation} cannot stand under {under}")
    node: dict[str, Any] = {"label": p.labels[-1]} if parent else {"number": p.paragraph}
    node.update(
        citation=p.citation,
        path=p.path,
        chapter=p.chapter,
        section=p.section,
        objectives=list(p.objectives),
        objective=_single_objective(p),
        kind=p.kind,
        text=p.text,
        full_text=p.full_text(),
        actor=p.actor,
        partners=list(p.partners),
        subject_to_resources=p.subject_to_resources,
        upon_request=p.upon_request,
        note_refs=list(p.note_refs),
        references=[_flat(reference) for reference in p.references],
        deadlines=[_flat(deadline) for deadline in p.deadlines],
        source_lines=list(p.source_lines),
        items=[_provision(child, p, f"{where}.items[{i}]") for i, child in enumerate(p.children)],
    )
    return node


# ---------------------------------------------------------------- reading

Reader = Callable[[Any, str], Any]
REQUIRED: Callable[[], Any] = object  # marks a field without default (the sentinel is never called)


def loads(text: str) -> PlanDocument:
    """The document from JSON text (`ValueError` on bad JSON or a malformed document)."""
    return document_from_json(parse_json(text))


def parse_json(text: str) -> Any:
    """JSON text as data, refused before parsing when larger, fuller or deeper than an export can be.

    `ValueError` saying which limit (`json.JSONDecodeError`, a `ValueError` too, for bad JSON).
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise ValueError(f"{size:,} bytes: larger than an export of the plan can be (at most {MAX_BYTES:,} bytes)")
    bare = _JSON_STRING.sub("", text)  # brackets inside strings do not count
    containers = bare.count("[") + bare.count("{")
    if containers > MAX_CONTAINERS:
        raise ValueError(
            f"{containers:,} arrays and objects: more than an export of the plan holds (at most {MAX_CONTAINERS:,})"
        )
    if _deeper_than(bare, MAX_DEPTH):
        raise ValueError(f"nested more than {MAX_DEPTH} deep: deeper than an export of the plan can be")
    try:
        return json.loads(text)
    except RecursionError:  # not reached when the depth is counted right; never a traceback
        raise ValueError(f"nested more than {MAX_DEPTH} deep: deeper than an export of the plan can be") from None


_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def _deeper_than(bare: str, limit: int) -> bool:
    """Whether the arrays and objects of a JSON text without its strings nest more than `limit` deep
    (counted without parsing, stopping as soon as they do)."""
    depth = 0
    for bracket in _BRACKETS.finditer(bare):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > limit:
            return True
    return False


def document_from_json(data: Any) -> PlanDocument:
    """The `PlanDocument` that `document_to_json` wrote; `ValueError` naming the field otherwise."""
    root = _Object(data, "")
    fmt, version = root.get("format", _str, lambda: FORMAT), root.get("version", _int, lambda: VERSION)
    if (fmt, version) != (FORMAT, VERSION):
        raise ValueError(f"format: expected {FORMAT!r} version {VERSION}, got {fmt!r} version {version}")
    plan = root.get("plan", _Object, REQUIRED)
    doc = PlanDocument(
        **{name: plan.get(name, _str, REQUIRED) for name in _PLAN_TEXTS},
        symbol=plan.get("symbol", _text(60), REQUIRED),
        body=plan.get("body", _text(200), REQUIRED),
        original_language=plan.get("original_language", _text(40), REQUIRED),
        checksum=plan.get("checksum", _str, str),  # the importer computes its own
        date=plan.get("date", _date, REQUIRED),
        summary=plan.get("summary", _list_of(_str), REQUIRED),
        front_notes=plan.get("front_notes", _list_of(_note), list),
        chapters=root.get("chapters", _list_of(_chapter_from), REQUIRED),
        paragraphs=root.get("paragraphs", _list_of(_provision_from(None)), REQUIRED),
        notes=root.get("notes", _list_of(_note), REQUIRED),
        report=root.get("report", _report, ImportReport),
    )
    plan.finish()
    root.finish()
    return doc


_PLAN_TEXTS = ("title", "session", "agenda_item")


class _Object:
    """A JSON object being read: each field by name, with its path for the messages."""

    def __init__(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            raise ValueError(f"{path or '(document)'}: expected an object, got {_describe(value)}")
        self.value, self.path, self.seen = value, path, set()

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, read: Reader, default: Callable[[], Any]) -> Any:
        """The field read by `read`; `default()` when absent, unless the default is `REQUIRED`."""
        if key not in self.value:
            if default is REQUIRED:
                raise ValueError(f"{self.at(key)}: missing")
            return default()
        self.seen.add(key)
        return read(self.value[key], self.at(key))

    def finish(self) -> None:
        unknown = sorted(set(self.value) - self.seen)
        if unknown:
            raise ValueError(f"{self.at(unknown[0])}: unknown field")


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    kind = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list"}
    return f"{kind.get(type(value), 'an object')} {json.dumps(value, ensure_ascii=False)[:40]}"


def _clip(value: Any, width: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _typed(kind: type, expected: str, nullable: bool = False) -> Reader:
    def read(value: Any, at: str) -> Any:
        if value is None and nullable:
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ValueError(f"{at}: expected {expected}{' or null' if nullable else ''}, got {_describe(value)}")
        if kind is int and not 0 <= value <= LARGEST:
            raise ValueError(f"{at}: expected a whole number from 0 to {LARGEST}, got {_describe(value)}")
        if kind is str:
            _check_characters(value, at)
        return value

    return read


LARGEST = 2**31 - 1  # the largest number a database integer column holds


def _check_characters(value: str, at: str) -> None:
    if "\x00" in value:
        raise ValueError(f"{at}: a NUL character (\\u0000) at character {value.index(chr(0)) + 1}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(
            f"{at}: a lone surrogate (\\u{ord(value[error.start]):04x}) at character {error.start + 1}"
        ) from None


def _text(max_length: int) -> Reader:
    """A string no longer than the database column that stores it (see `plan.models`)."""

    def read(value: Any, at: str) -> str:
        text = _str(value, at)
        if len(text) > max_length:
            raise ValueError(f"{at}: {len(text)} characters, at most {max_length}")
        return text

    return read


def _at_most(maximum: int) -> Reader:
    def read(value: Any, at: str) -> int:
        number = _int(value, at)
        if number > maximum:
            raise ValueError(f"{at}: expected a whole number from 0 to {maximum}, got {number}")
        return number

    return read


_str, _int, _bool = _typed(str, "a string"), _typed(int, "an integer"), _typed(bool, "true or false")
_str_or_null, _int_or_null = _typed(str, "a string", True), _typed(int, "an integer", True)


def _date(value: Any, at: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"{at}: expected an ISO date YYYY-MM-DD or null, got {_describe(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{at}: {value!r} is not a day of the calendar") from None


def _one_of(choices: tuple[str, ...], nullable: bool = False) -> Reader:
    def read(value: Any, at: str) -> str | None:
        if value is None and nullable:
            return None
        if value not in choices:
            raise ValueError(f"{at}: expected one of {', '.join(choices)}, got {_describe(value)}")
        return value

    return read


def _list_of(read: Reader, size: int | None = None) -> Reader:
    def read_list(value: Any, at: str) -> list[Any]:
        if not isinstance(value, list):
            raise ValueError(f"{at}: expected a list, got {_describe(value)}")
        if size is not None and len(value) != size:
            raise ValueError(f"{at}: expected a list of {size}, got {len(value)}")
        return [read(item, f"{at}[{i}]") for i, item in enumerate(value)]

    return read_list


def _record(cls: type, **fields: Reader | tuple[Reader, Callable[[], Any]]) -> Reader:
    """A reader for a flat dataclass: `name=reader` for a required field, `name=(reader, default)` otherwise."""
    specs = {name: spec if isinstance(spec, tuple) else (spec, REQUIRED) for name, spec in fields.items()}

    def read(value: Any, at: str) -> Any:
        obj = _Object(value, at)
        record = cls(**{name: obj.get(name, reader, default) for name, (reader, default) in specs.items()})
        obj.finish()
        return record

    return read


_note = _record(Note, number=_int, text=_str, marker=(_str, str))
_reference = _record(Reference, kind=_text(20), text=_str, target=_text(100), start=(_int, int), end=(_int, int))
_deadline = _record(Deadline, text=_text(200), start=_date, end=_date, precision=_text(12), note=(_text(200), str))
_repair = _record(Repair, kind=_str, line=_int, message=_str)
_discarded = _record(Discarded, line=_int, text=_str, reason=_str)
_report = _record(
    ImportReport,
    repairs=(_list_of(_repair), list),
    discarded=(_list_of(_discarded), list),
    warnings=(_list_of(_str), list),
)


def _chapter_from(value: Any, at: str) -> Chapter:
    obj = _Object(value, at)
    number = obj.get("number", _one_of(ROMAN), REQUIRED)

    read_objective = _record(
        Objective,
        chapter=(_str, lambda: number),
        number=_at_most(32767),
        text=_str,
        numbered=(_bool, lambda: True),
        note_refs=(_list_of(_int), list),
    )

    def objective(value: Any, at: str) -> Objective:
        result = read_objective(value, at)
        if result.chapter != number:
            raise ValueError(f"{at}.chapter: {result.chapter!r} is not its chapter {number!r}")
        return result

    chapter = Chapter(
        number=number,
        title=obj.get("title", _str, REQUIRED),
        first_paragraph=obj.get("first_paragraph", _int, int),
        last_paragraph=obj.get("last_paragraph", _int, int),
        page=obj.get("page", _int_or_null, lambda: None),
        objectives=obj.get("objectives", _list_of(objective), list),
        note_refs=obj.get("note_refs", _list_of(_int), list),
    )
    obj.finish()
    return chapter


def _provision_from(parent: Provision | None) -> Reader:
    def read(value: Any, at: str) -> Provision:
        obj = _Object(value, at)
        if parent is None:
            paragraph, labels = obj.get("number", _int, REQUIRED), ()
        else:
            paragraph, labels = parent.paragraph, (*parent.labels, obj.get("label", _text(10), REQUIRED))
            if not labels[-1]:
                raise ValueError(f"{obj.at('label')}: empty")
        provision = Provision(
            paragraph=paragraph,
            labels=labels,
            text=obj.get("text", _str, REQUIRED),
            kind=obj.get("kind", _one_of(PARAGRAPH_KINDS), REQUIRED),
            chapter=obj.get("chapter", _one_of(ROMAN), REQUIRED),
            section=obj.get("section", _one_of(SECTION_CODES, nullable=True), lambda: None),
            objectives=tuple(obj.get("objectives", _list_of(_int), list)),
            note_refs=obj.get("note_refs", _list_of(_int), list),
            references=obj.get("references", _list_of(_reference), list),
            deadlines=obj.get("deadlines", _list_of(_deadline), list),
            actor=obj.get("actor", _str_or_null, lambda: None),
            partners=tuple(obj.get("partners", _list_of(_str), list)),
            subject_to_resources=obj.get("subject_to_resources", _bool, bool),
            upon_request=obj.get("upon_request", _bool, bool),
            source_lines=tuple(obj.get("source_lines", _list_of(_int, size=2), lambda: (0, 0))),
        )
        for derived, expected in (("citation", provision.citation), ("path", provision.path)):
            stated = obj.get(derived, _str, lambda expected=expected: expected)
            if stated != expected:
                raise ValueError(f"{obj.at(derived)}: {stated!r} does not match the numbering ({expected!r})")
        provision.children = obj.get("items", _list_of(_provision_from(provision)), list)
        for derived, expected in (  # type: ignore[assignment]
            ("objective", _single_objective(provision)),
            ("full_text", provision.full_text()),
        ):
            stated = obj.get(derived, lambda value, at: value, lambda expected=expected: expected)
            if stated != expected:
                raise ValueError(f"{obj.at(derived)}: {_clip(stated)} does not match the provision ({_clip(expected)})")
        obj.finish()
        return provision

    return read
