"""The big selects of the list pages (the ~200 States) are built in Python once per list of options
(`listing.options`, kept per process): each value and name escaped, the chosen one selected, and a
changed name or another language is another list, never the old options (issue 12)."""

from __future__ import annotations

import pytest
from django.conf import settings

from viennaplan.countries import registry
from viennaplan.countries.models import Country
from viennaplan.knowledge.listing import options

LIST = "/knowledge/patterns"


def test_options_escape_every_value_and_name():
    html = options([("A&B", 'Côte <b>"d\'Ivoire"</b> & co')], "")
    assert html == '<option value="A&amp;B">Côte &lt;b&gt;&quot;d&#x27;Ivoire&quot;&lt;/b&gt; &amp; co</option>'


def test_options_mark_the_chosen_value_only():
    pairs = [("AUT", "Austria"), ("CHE", "Switzerland"), ("CHN", "China")]
    assert options(pairs, "") == (
        '<option value="AUT">Austria</option><option value="CHE">Switzerland</option><option value="CHN">China</option>'
    )
    assert options(pairs, "CHE") == (
        '<option value="AUT">Austria</option><option value="CHE" selected>Switzerland</option>'
        '<option value="CHN">China</option>'
    )
    assert options(pairs, "CH") == options(pairs, "")  # a value's prefix selects nothing
    assert options(pairs, "AUT").count(" selected") == 1


def test_a_cached_list_is_not_changed_by_a_selection():
    pairs = [("AUT", "Austria"), ("CHE", "Switzerland")]
    options(pairs, "CHE")
    assert " selected" not in options(pairs, "")


@pytest.fixture
def names_restored():
    """The registry forgets the renamed State once its row is rolled back (other tests read its names)."""
    yield
    registry.forget()


@pytest.mark.django_db
@pytest.mark.usefixtures("names_restored")
def test_the_page_shows_a_new_name_escaped_and_the_reader_language(client, imported_plan):
    before = client.get(f"{LIST}?state=CHE").content.decode()
    assert '<option value="CHE" selected>Switzerland</option>' in before
    assert '<option value="AUT">Austria</option>' in before

    switzerland = Country.objects.get(alpha3="CHE")
    switzerland.name_en = 'Switzerland <i>&</i> "Helvetia"'
    switzerland.save()
    after = client.get(f"{LIST}?state=CHE").content.decode()
    assert '<option value="CHE" selected>Switzerland &lt;i&gt;&amp;&lt;/i&gt; &quot;Helvetia&quot;</option>' in after
    assert "<i>&</i>" not in after

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    french = client.get(f"{LIST}?state=AUT").content.decode()
    assert f'<option value="AUT" selected>{Country.objects.get(alpha3="AUT").name_fr}</option>' in french
    assert "Autriche" in french
    assert '<option value="AUT">Austria</option>' not in french


@pytest.mark.django_db
def test_the_values_of_a_filter_are_those_a_distinct_reads(imported_plan):
    """`distinct_values` (a loose index scan on PostgreSQL) finds every value of the rows asked for,
    the rows' own conditions (drafts hidden) included, and no value of another row."""
    from legislation_sample import LAWS

    from viennaplan.knowledge.legislation_csv import import_legislation
    from viennaplan.knowledge.listing import distinct_values
    from viennaplan.knowledge.models import Law

    import_legislation(LAWS.encode(), source_name="laws.csv")
    for code in ("AUT", "BRA", "ZWE", "DEU"):
        Law.objects.create(state_id=code, key=f"X-{code}", title_original="x", title_en="x", published=code != "ZWE")
    everything = set(Law.objects.values_list("state_id", flat=True))
    public = set(Law.objects.filter(published=True).values_list("state_id", flat=True))
    assert len(public) >= 4 and "ZWE" in everything - public
    assert distinct_values(Law.objects.all(), "state_id") == everything
    assert distinct_values(Law.objects.filter(published=True), "state_id") == public
    assert distinct_values(Law.objects.filter(published=True, state_id__gt="BRA"), "state_id") == {
        code for code in public if code > "BRA"
    }
    assert distinct_values(Law.objects.none(), "state_id") == set()
