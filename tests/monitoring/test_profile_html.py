"""A State's profile draws its answers and its indicators' yearly values in Python (issue 14): the same
bytes the template language gave for the same rows, every text escaped."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from viennaplan.monitoring.profile_html import answer_rows, value_rows
from viennaplan.monitoring.profile_indicators import StateValue
from viennaplan.monitoring.profiles import ProfileAnswer

# the rows as the page's template drew them before they were drawn in Python
ANSWERS_TEMPLATE = Template(
    '{% load i18n %}{% translate "Responsible:" as responsible %}{% translate "Technical assistance needed:" as '
    'assistance_words %}{% translate "link" as link_word %}{% for a in answers %}<tr data-answer="{{ a.citation }}" '
    'data-status="{{ a.status }}"><th scope="row"><a href="/plan/{{ a.path }}">{{ a.citation }}</a></th><td>'
    "{{ a.status_label }}</td><td>{{ a.narrative }}{% for m in a.measures %}<br>• {{ m.title }}{% if m.date %} "
    '({{ m.date }}){% endif %}{% if m.url %} <a href="{{ m.url }}" rel="nofollow noopener">{{ link_word }}</a>'
    '{% endif %}{% endfor %}{% if a.responsible_institution %}<br><span class="muted">{{ responsible }} '
    "{{ a.responsible_institution }}</span>{% endif %}{% if a.assistance_needed %}<br><strong>{{ assistance_words }}"
    "</strong> {{ a.assistance_description }}{% endif %}</td></tr>{% endfor %}"
)
VALUES_TEMPLATE = Template(
    '{% for v in values %}<tr data-year="{{ v.year }}"><th scope="row">{{ v.year }}</th><td>{{ v.published }}</td>'
    '<td>{{ v.flags|join:", "|default:"—" }}</td><td>{{ v.source }}</td></tr>{% endfor %}'
)

HOSTILE = "<script>alert(\"x\")</script> & 'quoted'"


def answer(**changes) -> ProfileAnswer:
    fields = dict(
        path="57/k/ii",
        citation="57(k)(ii)",
        chapter="VI",
        text="the action",
        status="implemented",
        status_label="Implemented",
        narrative="A law was passed.",
        measures=[],
        responsible_institution="",
        assistance_needed=False,
        assistance_description="",
    )
    return ProfileAnswer(**{**fields, **changes})


ANSWERS = [
    answer(),
    answer(narrative=HOSTILE, citation=HOSTILE, path='57"/k', status=HOSTILE, status_label=HOSTILE),
    answer(status="not_started", status_label="Not started"),
    answer(
        measures=[
            {"kind": "law", "title": HOSTILE, "url": 'https://example.org/?a=1&b="2"', "date": "2003-01-31"},
            {"kind": "policy", "title": "No date, no link"},
            {"title": "Only a date", "date": "2004"},
            {},
        ],
        responsible_institution=HOSTILE,
        assistance_needed=True,
        assistance_description=HOSTILE,
    ),
    answer(assistance_needed=True, assistance_description=""),
]

VALUES = [
    StateValue(2010, Decimal("81255"), None, "81255", "UNODC"),
    StateValue(2011, None, 5, "<5", HOSTILE, estimate=True, break_in_series=True),
    StateValue(2012, Decimal("22.67"), None, "22.67", "World Bank", provisional=True),
]


@pytest.mark.parametrize("language", ["en", "fr", "ar", "zh"])
def test_the_answers_are_drawn_as_the_template_drew_them(language):
    with translation.override(language):
        assert answer_rows(ANSWERS) == ANSWERS_TEMPLATE.render(Context({"answers": ANSWERS}))


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_yearly_values_are_drawn_as_the_template_drew_them(language):
    with translation.override(language):
        assert value_rows(VALUES) == VALUES_TEMPLATE.render(Context({"values": VALUES}))


def test_nothing_stored_becomes_markup():
    drawn = answer_rows(ANSWERS) + value_rows(VALUES)
    assert "<script>" not in drawn and "&lt;script&gt;" in drawn
    assert 'href="https://example.org/?a=1&amp;b=&quot;2&quot;"' in drawn
