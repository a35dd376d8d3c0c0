"""An instrument's table of States is drawn in Python (issue 14): the same bytes the template language
gave for the same rows, in every official language, every text escaped."""

from __future__ import annotations

from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation

from viennaplan.countries.registry import StateInfo
from viennaplan.treaties.records import StateStatus
from viennaplan.treaties.shapes import StateRow
from viennaplan.treaties.table_html import state_rows_html

# the rows as the instrument page's template drew them before they were drawn in Python
ROWS_TEMPLATE = Template(
    """{% load i18n treaties_tags %}{% for row in rows %}<tr class="standing-{{ row.standing }}">
    <th scope="row"><a href="{% url 'treaties:state' row.alpha3 %}{{ as_of_query }}">{{ row.info.name }}</a></th>
    <td class="date">{{ row.status.signature|date:"SHORT_DATE_FORMAT"|default:"—" }}</td>
    <td class="date">{% if row.status.consent_date %}{{ row.status.consent_date|date:"SHORT_DATE_FORMAT" }} """
    """<span class="muted">{{ row.status.consent_kind|action_kind }}</span>{% else %}—{% endif %}</td>
    <td class="date">{{ row.status.in_force|date:"SHORT_DATE_FORMAT"|default:"—" }}{% if row.status.denounced %}"""
    """<br><span class="muted">{% translate "denounced" %} {{ row.status.denounced|date:"SHORT_DATE_FORMAT" }}"""
    """</span>{% endif %}</td>
    <td class="why">{{ row.status.explanation }}</td>
  </tr>{% endfor %}"""
)

HOSTILE = "<script>alert(\"x\")</script> & 'quoted'"

ROWS = [
    StateRow(StateInfo("CHE", "Switzerland"), None, "none"),
    StateRow(
        StateInfo("FRA", HOSTILE),
        StateStatus(
            "FRA",
            signature=date(2000, 12, 12),
            consent_kind="approval",
            consent_date=date(2002, 10, 29),
            in_force=date(2003, 9, 29),
            party=True,
            explanation=HOSTILE,
        ),
        "party",
    ),
    StateRow(StateInfo("DEU", "Germany"), StateStatus("DEU", signature=date(2000, 12, 12)), "signatory"),
    StateRow(
        StateInfo("XXA", "A State that left"),
        StateStatus(
            "XXA",
            consent_kind="accession",
            consent_date=date(2004, 1, 2),
            in_force=date(2004, 2, 1),
            denounced=date(2010, 6, 30),
            explanation="denounced on 30 June 2009, effective a year later",
        ),
        "none",
    ),
    StateRow(
        StateInfo("YYB", "Kind unknown"), StateStatus("YYB", consent_kind=None, consent_date=date(2005, 5, 5)), "none"
    ),
]


@pytest.mark.parametrize("language", ["en", "fr", "es", "ru", "zh", "ar"])
@pytest.mark.parametrize("as_of_query", ["", "?as_of=2005-01-01"])
def test_the_rows_are_drawn_as_the_template_drew_them(language, as_of_query):
    with translation.override(language):
        expected = ROWS_TEMPLATE.render(Context({"rows": ROWS, "as_of_query": as_of_query}))
        assert state_rows_html(ROWS, as_of_query) == expected


def test_nothing_stored_becomes_markup():
    drawn = state_rows_html(ROWS, '?as_of="><script>')
    assert "<script>" not in drawn and drawn.count("&lt;script&gt;") == 2 + len(ROWS)
