"""The long tables of a State's profile page as HTML, built here rather than in the template: at ten
times UN scale a State has 1,060 answers over ten cycles and a thousand yearly values of its indicators,
which the template language took some 55 ms of a 180 ms page to draw (bench/compare.py --profile).
The same bytes as the template gave (tests/monitoring/test_profile_html.py); every text is escaped."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from viennaplan.indicators.tables import FLAGS

from .profile_indicators import StateValue
from .profiles import ProfileAnswer


def _text(value: Any) -> str:
    return escape(str(value))


def _measure(measure: dict[str, Any], link_word: str) -> str:
    date = measure.get("date")
    url = measure.get("url")
    return (
        f"<br>• {_text(measure.get('title', ''))}"
        + (f" ({_text(date)})" if date else "")
        + (f' <a href="{_text(url)}" rel="nofollow noopener">{link_word}</a>' if url else "")
    )


def answer_rows(answers: Iterable[ProfileAnswer]) -> SafeString:
    """The rows of a cycle's answers table: the action (a link to the plan), its status, what was done.
    An answer's `status_label` is its `status`'s label (`reporting.scale`), the same for every answer."""
    responsible, assistance, link_word = (
        _text(_("Responsible:")),
        _text(_("Technical assistance needed:")),
        _text(_("link")),
    )
    labels: dict[str, str] = {}  # a status's label, translated once (a thousand answers share a few)
    rows = []
    for a in answers:
        label = labels.get(a.status)
        if label is None:
            label = labels[a.status] = _text(a.status_label)
        done = _text(a.narrative) + "".join(_measure(m, link_word) for m in a.measures)
        if a.responsible_institution:
            done += f'<br><span class="muted">{responsible} {_text(a.responsible_institution)}</span>'
        if a.assistance_needed:
            done += f"<br><strong>{assistance}</strong> {_text(a.assistance_description)}"
        rows.append(
            f'<tr data-answer="{_text(a.citation)}" data-status="{_text(a.status)}"><th scope="row">'
            f'<a href="/plan/{_text(a.path)}">{_text(a.citation)}</a></th><td>{label}</td>'
            f"<td>{done}</td></tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308  (every text above is escaped)


def value_rows(values: Iterable[StateValue]) -> SafeString:
    """The rows of an indicator's values by year: the year, the value as published, its flags, its source."""
    words: dict[tuple[bool, ...], str] = {}  # the flags in words, translated once per combination
    rows = []
    for v in values:
        key = tuple(getattr(v, name) for name, *_rest in FLAGS)
        flags = words.get(key)
        if flags is None:
            flags = words[key] = ", ".join(_text(flag) for flag in v.flags) or "—"
        rows.append(
            f'<tr data-year="{v.year}"><th scope="row">{v.year}</th><td>{_text(v.published)}</td>'
            f"<td>{flags}</td><td>{_text(v.source)}</td></tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308  (every text above is escaped)
