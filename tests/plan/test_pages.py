"""The plan's web pages: what a reader sees at each URL, with and without htmx.

Most tests read the real plan (`imported_plan`); the tests of versions use the small
hand-made sample (tests/plan/sample_plan.py) imported twice, as two versions.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from tests.plan.sample_plan import revised, sample_document, store_sample

AREAS = ("III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


class PageOutline(HTMLParser):
    """Headings, landmarks, links, form fields and labels of a page, for assertions."""

    def __init__(self):
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.tags: list[tuple[str, dict]] = []
        self.label_targets: set[str] = set()
        self._heading: list | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), ""]
        if tag == "label" and attributes.get("for"):
            self.label_targets.add(attributes["for"])

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag) and self._heading:
            self.headings.append((self._heading[0], " ".join(self._heading[1].split())))
            self._heading = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading[1] += data

    def hrefs(self) -> list[str]:
        return [attrs.get("href", "") for tag, attrs in self.tags if tag == "a"]


def outline(response) -> PageOutline:
    parser = PageOutline()
    parser.feed(response.content.decode())
    return parser


def text_of(response) -> str:
    """The page's visible words, tags removed and spaces collapsed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# Home


def test_home_lists_the_ten_areas_of_action_with_links_to_their_chapters(client, imported_plan):
    response = client.get("/")
    assert response.status_code == 200
    hrefs = outline(response).hrefs()
    for number in AREAS:
        assert f"/plan/chapter/{number}" in hrefs
    areas = re.findall(r'<li class="area" id="area-([IVX]+)"', response.content.decode())
    assert tuple(areas) == AREAS
    assert "The 10 areas of action" in text_of(response)


def test_home_shows_the_plan_title_and_its_provenance(client, imported_plan):
    text = text_of(client.get("/"))
    assert "Draft Plans of Action for the implementation" in text
    assert "Economic and Social Council" in text
    assert "Criminal Justice, tenth session, Vienna" in text
    assert "27 March 2001" in text


def test_home_shows_each_areas_commitments_and_deadlines(client, imported_plan):
    response = client.get("/")
    html = response.content.decode()
    area_v = html[html.index('id="area-V"') : html.index('id="area-VI"')]
    assert 'href="/plan/35/a"' in area_v  # "To reduce or eradicate the scourge of trafficking in persons …"
    assert "trafficking in persons" in area_v
    assert "2005" in area_v  # "achieving a significant reduction by the year 2005"


def test_home_links_to_the_timeline_search_and_downloads(client, imported_plan):
    hrefs = outline(client.get("/")).hrefs()
    assert "/plan/deadlines" in hrefs
    assert "/plan/notes" in hrefs
    for name in ("export.json", "export.csv", "export.akn"):
        assert f"/api/plan/{name}" in hrefs


def test_home_without_any_plan_says_how_to_import_one(without_plan, client):
    response = client.get("/")
    assert response.status_code == 200
    assert "viennaplan plan import" in text_of(response)


# Chapter


def test_chapter_vi_lists_paragraphs_53_to_61_and_its_two_objectives(client, imported_plan):
    response = client.get("/plan/chapter/VI")
    assert response.status_code == 200
    hrefs = outline(response).hrefs()
    for number in range(53, 62):
        assert f"/plan/{number}" in hrefs
    assert "/plan/52" not in hrefs and "/plan/62" not in hrefs
    text = text_of(response)
    assert "Objective 1." in text and "Objective 2." in text
    assert "Firearms Protocol" in text


def test_chapter_page_shows_sections_and_action_headings_in_document_order(client, imported_plan):
    headings = [text for _level, text in outline(client.get("/plan/chapter/VI")).headings]
    order = ["A. Commitments", "B. Background", "C. Objectives", "1. National actions",
             "2. International actions", "3. Expected impact"]  # fmt: skip
    positions = [headings.index(heading) for heading in order]
    assert positions == sorted(positions)


def test_chapter_page_links_every_item_and_sub_item_to_its_own_page(client, imported_plan):
    hrefs = outline(client.get("/plan/chapter/VI")).hrefs()
    for path in ("57/a", "57/k", "57/k/i", "57/k/ii", "57/l", "59/i", "61/d"):
        assert f"/plan/{path}" in hrefs


def test_chapter_page_shows_note_markers_as_superscript_links(client, imported_plan):
    html = client.get("/plan/chapter/VI").content.decode()
    # the chapter heading carries note 30, paragraph 59 note 33
    assert re.search(r'<sup class="note-ref"><a href="/plan/notes#note-30"', html)
    assert re.search(r'<sup class="note-ref"><a href="/plan/notes#note-33"', html)


def test_every_chapter_page_links_to_every_provision_in_it(client, imported_plan):
    for chapter in imported_plan.chapters.all():
        hrefs = set(outline(client.get(f"/plan/chapter/{chapter.number}")).hrefs())
        paths = {f"/plan/{path}" for path in chapter.provisions.values_list("path", flat=True)}
        assert paths and paths <= hrefs, (chapter.number, sorted(paths - hrefs))


def test_chapter_number_in_lower_case_redirects_to_the_chapter(client, imported_plan):
    response = client.get("/plan/chapter/vi")
    assert response.status_code == 301
    assert response["Location"] == "/plan/chapter/VI"


def test_unknown_chapter_is_not_found(client, imported_plan):
    assert client.get("/plan/chapter/XX").status_code == 404


# Provision


def test_provision_page_shows_its_text_kind_and_actor(client, imported_plan):
    response = client.get("/plan/57/k/ii")
    assert response.status_code == 200
    text = text_of(response)
    assert "tampering with firearm markings" in text
    assert "Item 57(k)(ii)" in text
    assert "National action" in text
    assert "The gathering, analysis and sharing of relevant information" in text  # the (k) it stands in


def test_every_paragraph_has_a_page_that_shows_its_items(client, imported_plan):
    for paragraph in imported_plan.provisions.filter(depth=0).prefetch_related("children"):
        hrefs = outline(client.get(paragraph.get_absolute_url())).hrefs()
        for item in paragraph.children.all():
            assert item.get_absolute_url() in hrefs, item.citation


def test_provision_page_has_breadcrumbs_down_from_the_plan(client, imported_plan):
    html = client.get("/plan/57/k/ii").content.decode()
    crumbs = html[html.index('class="breadcrumbs"') : html.index("</nav>", html.index('class="breadcrumbs"'))]
    labels = [" ".join(re.sub(r"<[^>]+>", "", item).split()) for item in re.findall(r"<li>(.*?)</li>", crumbs, re.S)]
    assert labels[0] == "Plan"
    assert labels[1].startswith("VI. Action against")
    assert labels[2:] == ["Objectives 1–2", "National actions", "57", "(k)", "(ii)"]
    assert 'href="/plan/57/k"' in crumbs and 'aria-current="page">(ii)' in crumbs


def test_provision_page_gives_a_cite_line_with_its_stable_url(client, imported_plan):
    text = text_of(client.get("/plan/57/k/ii"))
    cite = re.search(r"Cite this (.*?\. http://testserver/plan/57/k/ii)", text)
    assert cite, text
    assert cite.group(1).startswith("Draft Plans of Action for the implementation")
    assert "27 March 2001" in cite.group(1)
    assert "para. 57(k)(ii)." in cite.group(1)


def test_provision_page_links_to_the_notes_that_bear_on_it(client, imported_plan):
    own = client.get("/plan/59").content.decode()
    assert 'href="/plan/notes#note-33"' in own
    inherited = client.get("/plan/57/k/ii").content.decode()
    assert 'href="/plan/notes#note-30"' in inherited  # the chapter heading's note
    assert "(to chapter VI)" in text_of(client.get("/plan/57/k/ii"))


def test_provision_page_shows_conditions_and_deadlines(client, imported_plan):
    text = text_of(client.get("/plan/59/c"))
    assert "subject to the availability of resources" in text
    deadline = text_of(client.get("/plan/10"))
    assert "before the end of 2002" in deadline
    assert "by the end of 2002" in deadline


def test_provision_page_links_to_the_previous_and_next_provisions(client, imported_plan):
    html = client.get("/plan/57/k/ii").content.decode()
    assert re.search(r'<a rel="prev" href="/plan/57/k/i">', html)
    assert re.search(r'<a rel="next" href="/plan/57/k/iii">', html)


def test_a_citation_typed_as_in_the_document_redirects_to_the_stable_url(client, imported_plan):
    response = client.get("/plan/57(k)(ii)")
    assert response.status_code == 301
    assert response["Location"] == "/plan/57/k/ii"


def test_unknown_provision_is_not_found_and_names_the_items_that_exist(client, imported_plan):
    response = client.get("/plan/57/z")
    assert response.status_code == 404
    text = text_of(response)
    assert "There is no provision 57(z)" in text
    assert 'href="/plan/57/k"' in response.content.decode()


def test_unknown_paragraph_is_not_found_and_gives_the_range_of_paragraphs(client, imported_plan):
    response = client.get("/plan/999")
    assert response.status_code == 404
    assert "numbered 1 to 102" in text_of(response)


# Notes


def test_notes_page_anchors_every_note_and_links_back_to_where_it_is_cited(client, imported_plan):
    response = client.get("/plan/notes")
    assert response.status_code == 200
    html = response.content.decode()
    for number in (1, 15, 30, 33, 50):
        assert f'id="note-{number}"' in html
    note_33 = html[html.index('id="note-33"') : html.index('id="note-34"')]
    assert 'href="/plan/59"' in note_33
    note_30 = html[html.index('id="note-30"') : html.index('id="note-31"')]
    assert 'href="/plan/chapter/VI"' in note_30


def test_a_notes_own_url_leads_to_its_anchor(client, imported_plan):
    response = client.get("/plan/notes/15")
    assert response.status_code == 302
    assert response["Location"] == "/plan/notes#note-15"
    assert client.get("/plan/notes/999").status_code == 404


# Deadlines


def test_deadlines_page_lists_dated_commitments_by_year_in_date_order(client, imported_plan):
    response = client.get("/plan/deadlines")
    assert response.status_code == 200
    years = [int(text) for level, text in outline(response).headings if level == 2 and text.isdigit()]
    assert years == sorted(years) and {2002, 2005} <= set(years)
    text = text_of(response)
    assert "before the end of 2002" in text
    assert text.index("before the end of 2002") < text.index("by the year 2005")
    assert 'href="/plan/10"' in response.content.decode()


# Search


def test_search_for_markings_shows_57_k_ii_with_the_word_highlighted(client, imported_plan):
    response = client.get("/plan/search", {"q": "markings"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/plan/57/k/ii"' in html
    assert "<mark>markings</mark>" in html
    assert re.search(r"\d+ results? for “markings”", text_of(response))


def test_search_filters_narrow_the_results(client, imported_plan):
    def cited(params):
        html = client.get("/plan/search", params).content.decode()
        return set(re.findall(r'class="result__cite">para\. ([^<]+)<', html))

    everywhere = cited({"q": "firearms"})
    in_vi = cited({"q": "firearms", "chapter": "VI"})
    international = cited({"q": "firearms", "chapter": "VI", "scope": "international"})
    assert "57(k)(ii)" in in_vi and in_vi < everywhere
    assert international and international < in_vi and "57(k)(ii)" not in international


def test_search_form_works_without_javascript(client, imported_plan):
    page = outline(client.get("/plan/search"))
    forms = [attrs for tag, attrs in page.tags if tag == "form" and attrs.get("role") == "search"]
    assert forms and forms[-1]["method"] == "get" and forms[-1]["action"] == "/plan/search"
    fields = [attrs for tag, attrs in page.tags if tag in {"input", "select"} and attrs.get("type") != "hidden"]
    assert {f.get("name") for f in fields} >= {"q", "chapter", "scope", "actor"}
    for field in fields:
        assert field.get("id") in page.label_targets, field


def test_search_returns_only_the_results_when_htmx_asks(client, imported_plan):
    response = client.get("/plan/search", {"q": "markings"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "<mark>markings</mark>" in html
    assert re.search(r'<p id="search-status"[^>]*hx-swap-oob="true">\d+ results? for “markings”</p>', html)
    assert "HX-Request" in response["Vary"]
    restore = client.get(
        "/plan/search", {"q": "markings"}, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restore.content.decode()


def test_search_escapes_what_the_user_typed(client, imported_plan):
    html = client.get("/plan/search", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_search_says_which_filter_value_is_unknown(client, imported_plan):
    response = client.get("/plan/search", {"q": "firearms", "chapter": "XX"})
    assert response.status_code == 200
    assert "Select a valid choice. XX is not one of the available choices." in text_of(response)


# Every page


PAGES = [
    ("/", "/api/plan"),
    ("/plan/chapter/VI", "/api/plan/chapters/VI"),
    ("/plan/57/k/ii", "/api/plan/provisions/57/k/ii"),
    ("/plan/notes", "/api/plan/notes"),
    ("/plan/deadlines", "/api/plan/deadlines"),
    ("/plan/search?q=markings", "/api/plan/search?q=markings"),
]


@pytest.mark.parametrize(("url", "json_url"), PAGES)
def test_every_page_links_to_its_json_twin(client, imported_plan, url, json_url):
    assert json_url in outline(client.get(url)).hrefs()
    assert client.get(json_url).status_code == 200


@pytest.mark.parametrize("url", [url for url, _json in PAGES])
def test_every_page_has_landmarks_a_skip_link_and_headings_in_order(client, imported_plan, url):
    page = outline(client.get(url))
    tags = {tag for tag, _attrs in page.tags}
    assert {"header", "nav", "main", "footer"} <= tags
    assert page.hrefs()[0] == "#main"
    levels = [level for level, _text in page.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, page.headings


def test_unknown_version_is_not_found(client, imported_plan):
    assert client.get("/plan/57?version=99999").status_code == 404
    assert client.get("/plan/57?version=latest").status_code == 404


def test_site_stylesheet_and_htmx_are_served_from_the_site_itself(client, imported_plan):
    html = client.get("/").content.decode()
    assert 'href="/static/css/site.css"' in html
    assert 'src="/static/js/htmx-2.0.11.min.js"' in html
    assert "http://" not in re.sub(r'href="http[^"]*"', "", html.split("</head>")[0])
    assert finders.find("css/site.css"), "add STATICFILES_DIRS = [PACKAGE_DIR / 'static'] to settings"


def test_the_site_404_page_helps_the_reader_on(client, db, settings):
    settings.DEBUG = False
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "/plan/57/k/ii" in response.content.decode()


def test_the_500_page_stands_alone():
    html = render_to_string("500.html")
    assert "Something went wrong" in html


# Versions


@pytest.fixture
def two_versions(db):
    first = store_sample()
    second = store_sample(revised(sample_document()))
    return first, second


def test_pages_show_the_current_version_by_default_and_another_on_request(client, two_versions):
    first, _second = two_versions
    assert "tampering with firearm markings; and violations" in text_of(client.get("/plan/57/k/ii"))
    older = client.get(f"/plan/57/k/ii?version={first.pk}")
    assert "tampering with firearm markings and violations" in text_of(older)
    assert "You are reading an earlier version" in text_of(older)


def test_a_version_asked_for_is_kept_in_every_link(client, two_versions):
    first, _second = two_versions
    response = client.get(f"/plan/57/k/ii?version={first.pk}")
    html = response.content.decode()
    assert f'href="/plan/57/k?version={first.pk}"' in html
    assert f'href="/plan/chapter/VI?version={first.pk}"' in html
    assert f'href="/plan/notes?version={first.pk}#note-31"' in html
    assert f"http://testserver/plan/57/k/ii?version={first.pk}" in text_of(response)


def test_provision_page_shows_changes_between_versions(client, two_versions):
    first, _second = two_versions
    html = client.get("/plan/57/k/ii").content.decode()
    assert "Changes between versions" in html
    assert re.search(r'diff__line--removed">-57\(k\)\(ii\) Related offences such as tampering', html)
    assert f'href="/plan/57/k/ii?version={first.pk}"' in html
    gone = client.get(f"/plan/59/c?version={first.pk}")
    assert "That version has no provision 59(c)." in text_of(gone)


def test_the_version_switch_lists_every_version(client, two_versions):
    page = outline(client.get("/plan/57"))
    options = [attrs.get("value") for tag, attrs in page.tags if tag == "option"]
    assert {str(v.pk) for v in two_versions} <= set(options)
    assert "version-select" in page.label_targets
