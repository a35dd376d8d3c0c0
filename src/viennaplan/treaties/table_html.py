"""The rows of an instrument's table of States as HTML, built here rather than in the template: at ten
times UN scale the table has 1,959 States, whose 5,000 dates formatted and 2,000 links reversed took the
template language some 120 ms of a 190 ms page (bench/compare.py --profile). The same bytes as the
template gave (tests/treaties/test_table_html.py); every text is escaped."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape

from django.urls import reverse
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .engine import kind_label
from .shapes import StateRow

NONE = "—"
CODE = "ZZZ"  # stands for a State's code in the reversed link


def state_rows_html(rows: Iterable[StateRow], as_of_query: str = "") -> SafeString:
    """The <tbody> rows: each State a link to its treaty page, its signature, consent and entry into force
    (short dates in the reader's language) and the engine's explanation."""
    before, after = reverse("treaties:state", args=[CODE]).split(CODE)
    query = escape(as_of_query)
    dates: dict[date, str] = {}
    kinds: dict[str, str] = {}
    denounced_word = escape(_("denounced"))

    def short(day: date | None) -> str:
        if day is None:
            return ""
        text = dates.get(day)
        if text is None:
            text = dates[day] = escape(formats.date_format(day, "SHORT_DATE_FORMAT"))
        return text

    lines = []
    for row in rows:
        status = row.status
        link = f'<a href="{escape(before + row.alpha3 + after)}{query}">{escape(row.info.name)}</a>'
        if status is None:
            signature = consent = in_force = NONE
            why = ""
        else:
            signature = short(status.signature) or NONE
            if status.consent_date:
                kind = status.consent_kind or ""
                if kind not in kinds:
                    kinds[kind] = escape(kind_label(kind))
                consent = f'{short(status.consent_date)} <span class="muted">{kinds[kind]}</span>'
            else:
                consent = NONE
            in_force = short(status.in_force) or NONE
            if status.denounced:
                in_force += f'<br><span class="muted">{denounced_word} {short(status.denounced)}</span>'
            why = escape(status.explanation)
        lines.append(
            f'<tr class="standing-{escape(row.standing)}">\n'
            f'    <th scope="row">{link}</th>\n'
            f'    <td class="date">{signature}</td>\n'
            f'    <td class="date">{consent}</td>\n'
            f'    <td class="date">{in_force}</td>\n'
            f'    <td class="why">{why}</td>\n'
            "  </tr>"
        )
    return mark_safe("".join(lines))  # noqa: S308  (every text above is escaped)
