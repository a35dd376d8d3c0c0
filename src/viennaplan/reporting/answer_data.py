"""What an answer (and an international progress record) may contain, checked before saving.
Plain Python, no Django but `django.utils.translation` (the messages are translated).

`clean_answer(data)` takes the fields a form, the API or an import sends and returns them
normalised, or raises `AnswerDataError` listing every problem with the field it is in
("measures[2].url: ..."). Nothing is saved when any field is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any
from urllib.parse import urlparse

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .citations import is_site_record
from .scale import INTERNATIONAL_STATUSES, MEASURE_KINDS, OUTPUT_KINDS, RESOURCES, STATUS_SCALE

MAX_TEXT = 20_000
MAX_SHORT = 300
MAX_ENTRIES = 100


class AnswerDataError(ValueError):
    """Input that cannot be saved; `errors` lists each problem as "field: what is wrong"."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


@dataclass
class AnswerData:
    """The fields of an answer, in order: the one list of them (`ANSWER_FIELDS`), from which the
    API's answer, the workbook's columns, carrying over and diffs take theirs."""

    status: str = ""
    narrative: str = ""
    measures: list[dict[str, str]] = field(default_factory=list)
    responsible_institution: str = ""
    assistance_needed: bool = False
    assistance_description: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


ANSWER_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(AnswerData))
FIELD_LABELS: dict[str, str] = {  # each field of an answer in the questionnaire's words (history, diffs)
    "status": gettext_lazy("Implementation status"),
    "narrative": gettext_lazy("What has been done"),
    "measures": gettext_lazy("Measures"),
    "responsible_institution": gettext_lazy("Responsible national institution"),
    "assistance_needed": gettext_lazy("Technical assistance is needed"),
    "assistance_description": gettext_lazy("What assistance"),
}


def _text(value: Any, name: str, errors: list[str], limit: int = MAX_TEXT) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        errors.append(_("%(name)s: expected text, got %(type)s") % {"name": name, "type": type(value).__name__})
        return ""
    value = value.strip()
    if len(value) > limit:
        errors.append(
            _("%(name)s: %(length)s characters, at most %(limit)s are allowed")
            % {"name": name, "length": len(value), "limit": limit}
        )
    return value


def _bool(value: Any, name: str, errors: list[str]) -> bool:
    if isinstance(value, bool):
        return value
    if value in (None, "", "0", "false", "off", "no"):
        return False
    if value in ("1", "true", "on", "yes"):
        return True
    errors.append(_("%(name)s: expected yes or no, got %(value)s") % {"name": name, "value": repr(value)})
    return False


def _choice(value: Any, name: str, scale: Mapping[str, str], errors: list[str], *, blank: bool) -> str:
    value = "" if value is None else str(value).strip()
    if value == "" and blank:
        return ""
    if value not in scale:
        errors.append(
            _("%(name)s: %(value)s is not one of %(codes)s")
            % {"name": name, "value": repr(value), "codes": ", ".join(scale)}
        )
        return ""
    return value


def _url(value: Any, name: str, errors: list[str]) -> str:
    url = _text(value, name, errors, 1000)
    if url and not is_site_record(url):  # a record of this site (a law on file): its page's path
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            errors.append(
                _(
                    "%(name)s: %(url)s is not a web address (it must start with http:// or https://, "
                    "or be the page of a record of the databases, such as /knowledge/legislation/CHE/SR-514.54)"
                )
                % {"name": name, "url": repr(url)}
            )
    return url


def _date(value: Any, name: str, errors: list[str]) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raw = _text(value, name, errors, 10)
    if raw:
        try:
            date.fromisoformat(raw)
        except ValueError:
            errors.append(
                _("%(name)s: %(value)s is not a date; write it as YYYY-MM-DD") % {"name": name, "value": repr(raw)}
            )
    return raw


def clean_entries(value: Any, name: str, kinds: Mapping[str, str], errors: list[str]) -> list[dict[str, str]]:
    """A list of {kind, title, url, date} entries (measures of an answer, outputs of an action)."""
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        errors.append(
            _("%(name)s: expected a list of entries, got %(type)s") % {"name": name, "type": type(value).__name__}
        )
        return []
    if len(value) > MAX_ENTRIES:
        errors.append(
            _("%(name)s: %(count)s entries, at most %(limit)s are allowed")
            % {"name": name, "count": len(value), "limit": MAX_ENTRIES}
        )
        return []
    entries = []
    for number, entry in enumerate(value, start=1):
        where = f"{name}[{number}]"
        if not isinstance(entry, Mapping):
            errors.append(_("%(where)s: expected an entry with kind, title, url and date") % {"where": where})
            continue
        unknown = sorted(set(entry) - {"kind", "title", "url", "date"})
        if unknown:
            errors.append(_("%(where)s: unknown fields %(fields)s") % {"where": where, "fields": ", ".join(unknown)})
        cleaned = {
            "kind": _choice(entry.get("kind"), f"{where}.kind", kinds, errors, blank=False),
            "title": _text(entry.get("title"), f"{where}.title", errors, MAX_SHORT),
            "url": _url(entry.get("url"), f"{where}.url", errors),
            "date": _date(entry.get("date"), f"{where}.date", errors),
        }
        if not cleaned["title"]:
            errors.append(_("%(where)s.title: say what it is (a title is required)") % {"where": where})
        entries.append(cleaned)
    return entries


def clean_answer(data: Mapping[str, Any]) -> AnswerData:
    """The answer fields of `data`, checked and normalised; AnswerDataError listing every problem."""
    errors: list[str] = []
    unknown = sorted(set(data) - set(ANSWER_FIELDS))
    if unknown:
        errors.append(
            _("unknown fields %(unknown)s; an answer has %(fields)s")
            % {"unknown": ", ".join(unknown), "fields": ", ".join(ANSWER_FIELDS)}
        )
    cleaned = AnswerData(
        status=_choice(data.get("status"), "status", STATUS_SCALE, errors, blank=True),
        narrative=_text(data.get("narrative"), "narrative", errors),
        measures=clean_entries(data.get("measures"), "measures", MEASURE_KINDS, errors),
        responsible_institution=_text(
            data.get("responsible_institution"), "responsible_institution", errors, MAX_SHORT
        ),
        assistance_needed=_bool(data.get("assistance_needed"), "assistance_needed", errors),
        assistance_description=_text(data.get("assistance_description"), "assistance_description", errors),
    )
    if errors:
        raise AnswerDataError(errors)
    return cleaned


@dataclass
class ProgressData:
    status: str
    resources: str
    outputs: list[dict[str, str]] = field(default_factory=list)
    narrative: str = ""


def clean_progress(data: Mapping[str, Any]) -> ProgressData:
    """The fields of an international progress record, checked; AnswerDataError otherwise."""
    errors: list[str] = []
    cleaned = ProgressData(
        status=_choice(data.get("status"), "status", INTERNATIONAL_STATUSES, errors, blank=False),
        resources=_choice(data.get("resources"), "resources", RESOURCES, errors, blank=False),
        outputs=clean_entries(data.get("outputs"), "outputs", OUTPUT_KINDS, errors),
        narrative=_text(data.get("narrative"), "narrative", errors),
    )
    if errors:
        raise AnswerDataError(errors)
    return cleaned
