"""The State profile's printable page and PDF (issue 10, part 6): the identification (the profile, the
State, as of when, public) on every printed page, in WeasyPrint and in browsers that print @page margin
boxes alike (a CSS string, not WeasyPrint's string-set alone), and no site header, menu or banner."""

from __future__ import annotations

from django.utils import timezone

from viennaplan.dates import long_date
from viennaplan.monitoring.profile_views import profile_html, public_profile
from viennaplan.printing import css_string, rendered_text


def test_every_page_of_the_profile_says_whose_profile_and_as_of_when(sample, client):
    today = long_date(timezone.localdate())
    html = profile_html(public_profile("CHE", timezone.localdate()))
    header, footer = "Country profile: Switzerland (CHE)", f"As of {today} · public: published reports only"
    assert f"@top-left {{ content: {css_string(header)};" in html  # browsers print it too
    assert f"@bottom-left {{ content: {css_string(footer)};" in html
    pages = [" ".join(page.split()) for page in rendered_text(html).split("\f")]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert header in page and footer in page and f"Page {number} of {len(pages)}" in page, number
    printed = client.get("/reporting/states/CHE/print").content.decode()
    for absent in ('class="site-header"', 'class="site-nav"', "banner", "<form", "site-footer"):
        assert absent not in printed


def test_a_css_string_keeps_apostrophes_and_cannot_end_the_style_element():
    assert css_string("Côte d'Ivoire") == '"Côte d\'Ivoire"'
    assert css_string('a "b" </style> \\') == '"a \\22 b\\22  \\3c /style\\3e  \\5c "'
