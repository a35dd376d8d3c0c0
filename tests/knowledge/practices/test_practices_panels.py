"""Best practices where a reader looks for them: on the provision pages they serve and the profiles of
the States that applied them (the knowledge panel, the public's view), and in the one search over the
knowledge databases, kept up to date by the import (a draft evaluation's words are not found)."""

from __future__ import annotations

import pytest

from viennaplan.knowledge import search
from viennaplan.knowledge.practices.models import Practice

pytestmark = pytest.mark.django_db


def panel(body: str) -> str:
    start = body.index('<ul class="plain" data-collection="practices">')
    return body[start : body.index("</ul>", start)]


def test_the_provision_page_shows_the_practices_serving_it(client, practices):
    body = client.get("/plan/18/d").content.decode()
    assert 'href="/knowledge/practices/EU-crime-analysis"' in panel(body)
    assert "chapter III; evaluated: promising" in panel(body)
    paragraph = client.get("/plan/84").content.decode()  # the paragraph shows its items' practices
    assert 'href="/knowledge/practices/AT-victims-legal-aid"' in panel(paragraph)


def test_a_draft_practice_is_on_no_provision_page(client_as, practices, secretariat):
    body = client_as(secretariat).get("/plan/46/b").content.decode()
    assert 'data-collection="practices"' not in body  # the panel is the public's view


def test_the_state_profile_shows_the_practices_it_applied(client, practices):
    body = client.get("/reporting/states/AUT").content.decode()
    assert 'href="/knowledge/practices/AT-victims-legal-aid"' in panel(body)
    assert "Austria: " in panel(body)  # a practice of one State names it
    assert 'data-collection="practices"' not in client.get("/reporting/states/CHE").content.decode()


def test_the_search_finds_imported_practices_and_not_draft_words(practices, anonymous, secretariat):
    found = search.search(search.SearchQuery(q="sentencing", collection="practices"), anonymous)
    assert [hit.url for hit in found.hits] == ["/knowledge/practices/restorative-circles"]
    assert search.search(search.SearchQuery(q="waiting", collection="practices"), anonymous).total == 0
    assert search.search(search.SearchQuery(q="referral", collection="practices"), anonymous).total == 0
    assert search.search(search.SearchQuery(q="referral", collection="practices"), secretariat).total == 1


def test_an_edit_is_searched_at_once(practices, anonymous):
    practice = Practice.objects.get(key="SADC-firearms-marking")
    practice.title = "Regional marking and tracing of firearms"
    practice.save()
    found = search.search(search.SearchQuery(q="tracing", collection="practices"), anonymous)
    assert [hit.url for hit in found.hits] == ["/knowledge/practices/SADC-firearms-marking"]


def test_a_dry_run_leaves_the_search_index_as_it_was(imported_plan, practices_file, anonymous):
    from viennaplan.knowledge.practices.csv_io import import_practices

    import_practices(practices_file, source_name="practices.csv", dry_run=True)
    assert search.search(search.SearchQuery(q="sentencing", collection="practices"), anonymous).total == 0


def test_an_evaluation_imported_later_is_searched(practices, anonymous):
    from practices_sample import HEADER

    from viennaplan.knowledge.practices.csv_io import import_practices

    more = (
        HEADER + "evaluation,SADC-firearms-marking,,,,,,,,,,,UNODC,2020-01-01,peer_review,effective,Tracing rose.,yes\n"
    )
    import_practices(more.encode("utf-8"), source_name="more.csv")
    found = search.search(search.SearchQuery(q="tracing", collection="practices"), anonymous)
    assert [hit.url for hit in found.hits] == ["/knowledge/practices/SADC-firearms-marking"]
