"""Every template's user-visible text is inside a translation tag (issue 11), by tests/template_text.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.template import engines
from template_text import EXEMPT_TEMPLATES, Finding, unmarked

import viennaplan

SOURCE = Path(viennaplan.__file__).parent


def templates() -> list[Path]:
    return sorted(p for p in SOURCE.rglob("*") if p.is_file() and "templates" in p.relative_to(SOURCE).parts)


def test_every_template_marks_its_text_for_translation():
    found = []
    for path in templates():
        name = path.relative_to(SOURCE).as_posix()
        if name in EXEMPT_TEMPLATES:
            continue
        found += [f"{name}:{f.line}: {f.text}" for f in unmarked(path.read_text(encoding="utf-8"))]
    assert not found, "text outside a translation tag:\n" + "\n".join(found)


def test_the_templates_are_found_including_the_e_mails():
    names = {p.relative_to(SOURCE).as_posix() for p in templates()}
    assert "templates/base.html" in names
    assert "accounts/templates/accounts/invitation_email.txt" in names
    assert len(names) > 100


def test_every_exemption_names_an_existing_template():
    names = {p.relative_to(SOURCE).as_posix() for p in templates()}
    assert set(EXEMPT_TEMPLATES) <= names


# The checker itself, on small examples.


def test_text_between_tags_is_found_with_its_line():
    assert unmarked("{% load i18n %}\n<h1>\n  Deadlines of\n  the plan</h1>") == [
        Finding(3, "Deadlines of"),
        Finding(4, "the plan"),
    ]


def test_text_between_django_tags_and_variables_is_found():
    assert unmarked("{% if x %}Reported by {{ state }}{% endif %}") == [Finding(1, "Reported by")]


@pytest.mark.parametrize(
    "source, text",
    [
        ('<a title="Open the report" href="/r">{% translate "Open" %}</a>', "Open the report"),
        ('<img alt="Map of the parties" src="m.png">', "Map of the parties"),
        ('<input type="search" placeholder="e.g. firearms">', "e.g. firearms"),
        ('<nav aria-label="Breadcrumb"></nav>', "Breadcrumb"),
        ('<input type="submit" value="Send">', "Send"),
        ('<meta name="description" content="The plan of action">', "The plan of action"),
        ('<a aria-label="Note {{ n }}">{{ n }}</a>', "Note"),
    ],
)
def test_user_visible_attributes_are_found(source, text):
    assert unmarked(source) == [Finding(1, text)]


def test_other_attributes_are_not_text():
    assert unmarked('<input type="hidden" name="version" value="current"><div class="answer-status none">') == []


def test_a_literal_default_shown_as_text_is_found():
    assert unmarked('<td>{{ t.date|default:"not yet" }}</td>') == [Finding(1, 't.date|default:"not yet"')]
    assert unmarked('<td>{{ t.date|default:_("not yet") }} {{ t.date|default:"—" }}</td>') == []


def test_marked_text_is_accepted():
    source = """{% load i18n %}
<h1 title="{% translate 'The plan' %}">{% translate "Deadlines" %}</h1>
<p>{% blocktranslate trimmed with state=report.state %}
  Reported by {{ state }}.
{% endblocktranslate %}</p>
<p>{% blocktranslate count counter=n %}{{ counter }} value{% plural %}{{ counter }} values{% endblocktranslate %}</p>
"""
    assert unmarked(source) == []


def test_comments_scripts_styles_and_code_are_not_text():
    source = """{# Shown to the secretariat only #}
{% comment %}Each row is a State.{% endcomment %}
<script>const label = "Saving";</script><style>.a::after { content: "more"; }</style>
<p><code>viennaplan plan import</code></p>
"""
    assert unmarked(source) == []


@pytest.mark.parametrize(
    "text",
    [
        "57(k)(ii)",
        " · ",
        "→ — | : ×",
        "VII",
        "(a)",
        "CHE",
        "JSON",
        "https://treaties.un.org/x",
        "/plan/57/k/ii",
        "2002",
    ],
)
def test_symbols_numbers_codes_and_urls_are_not_words(text):
    assert unmarked(f"<p>{text}</p>") == []


def test_an_e_mail_template_is_all_text():
    assert unmarked("{% load i18n %}{% translate 'Hello' %},\n\nYou are invited to viennaplan.\n") == [
        Finding(3, "You are invited to viennaplan.")
    ]


def test_every_template_compiles_with_its_translation_tags():
    for path in templates():
        engines["django"].from_string(path.read_text(encoding="utf-8"))  # raises on a missing {% load i18n %}
