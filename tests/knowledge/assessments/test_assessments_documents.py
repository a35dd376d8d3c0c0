"""Documents with versions (the toolkit, the manual, 33(a),(e)): the list, a page per document with
every version, the current one (the latest published) and what changed between two versions (a text
diff, escaped), a page per version, the JSON twins; a draft document or a draft version of a
published document is the Secretariat's only."""

from __future__ import annotations

from datetime import date

import pytest

from viennaplan.knowledge.assessments.models import Document, DocumentVersion

pytestmark = pytest.mark.django_db

PAGE = "/knowledge/documents"
API = "/api/knowledge/documents"


def test_the_list_shows_the_document_and_its_current_version(manual, client):
    body = client.get(PAGE).content.decode()
    assert 'id="document-practical-measures"' in body and "current version 2.0" in body
    assert "manual on practical measures" in body
    assert (
        'id="document-practical-measures"' in client.get(f"{PAGE}?kind=manual&area=IV&provision=33/e").content.decode()
    )
    assert 'id="document-practical-measures"' not in client.get(f"{PAGE}?kind=toolkit").content.decode()
    assert 'id="document-practical-measures"' in client.get(f"{PAGE}?q=Convention+against").content.decode()
    assert 'id="document-practical-measures"' not in client.get(f"{PAGE}?q=asset+declarations").content.decode()


def test_a_bad_filter_of_the_documents_is_a_400_or_a_422(manual, client):
    response = client.get(f"{PAGE}?area=XIV")
    assert response.status_code == 400 and 'data-parameter="area"' in response.content.decode()
    assert client.get(f"{API}?kind=novel").status_code == 422


def test_the_document_page_shows_the_published_versions_and_the_last_change(manual, client):
    response = client.get(f"{PAGE}/practical-measures")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="version-2.0"' in body and 'id="version-1.0"' in body
    assert 'id="version-3.0"' not in body and "Secret revision" not in body  # a draft version
    current = body[body.index('id="current-version"') :].split("</dd>")[0]
    assert "2.0" in current
    diff = body[body.index('id="diff"') : body.index("</pre>")]
    assert "− Codes of conduct</span>" in diff
    assert "+ Codes of conduct for &lt;public officials&gt;</span>" in diff  # escaped
    assert "<public officials>" not in body
    assert "Chapter 1. Prevention" in diff  # a line of context
    assert 'href="/plan/33/e"' in body


def test_two_versions_chosen_are_compared_and_a_draft_version_cannot_be(manual, client, client_as, secretariat):
    body = client.get(f"{PAGE}/practical-measures?from=2.0&to=1.0").content.decode()
    assert "+ Codes of conduct</span>" in body
    response = client.get(f"{PAGE}/practical-measures?from=2.0&to=3.0")
    assert response.status_code == 400 and 'data-parameter="to"' in response.content.decode()
    assert "asset declarations" not in response.content.decode()
    body = client_as(secretariat).get(f"{PAGE}/practical-measures?from=2.0&to=3.0").content.decode()
    assert "+ Unpublished chapter on asset declarations</span>" in body
    current = body[body.index('id="current-version"') :].split("</dd>")[0]
    assert "2.0" in current  # a draft is never the current version, even for the Secretariat


def test_the_page_of_a_version(manual, client, client_as, secretariat):
    body = client.get(f"{PAGE}/practical-measures/1.0").content.decode()
    assert "This is not the current version." in body and "Codes of conduct" in body
    assert "the current version" in client.get(f"{PAGE}/practical-measures/2.0").content.decode()
    assert client.get(f"{PAGE}/practical-measures/3.0").status_code == 404
    assert client.get(f"{PAGE}/practical-measures/9.9").status_code == 404
    assert client_as(secretariat).get(f"{PAGE}/practical-measures/3.0").status_code == 200


def test_a_draft_document_is_a_404_for_all_but_the_secretariat(manual, client, client_as, secretariat):
    Document.objects.filter(pk=manual.pk).update(published=False)
    assert client.get(f"{PAGE}/practical-measures").status_code == 404
    assert client.get(f"{PAGE}/practical-measures/2.0").status_code == 404
    assert client.get(f"{API}/practical-measures").status_code == 404
    assert 'id="document-practical-measures"' not in client.get(PAGE).content.decode()
    assert client_as(secretariat).get(f"{PAGE}/practical-measures").status_code == 200


def test_a_newer_published_version_becomes_the_current_one(manual, client):
    DocumentVersion.objects.create(
        document=manual, label="2.1", date=date(2004, 3, 1), text="Chapter 1. Prevention", published=True
    )
    data = client.get(f"{API}/practical-measures").json()
    assert data["current_version"] == "2.1" and data["current_text"] == "Chapter 1. Prevention"
    assert (data["compared_from"], data["compared_to"]) == ("2.0", "2.1")


def test_the_json_twins(manual, client, client_as, secretariat):
    listing = client.get(API).json()
    assert listing["count"] == 1 and listing["documents"][0]["current_version"] == "2.0"
    data = client.get(f"{API}/practical-measures?from=1.0&to=2.0").json()
    assert [version["label"] for version in data["versions"]] == ["2.0", "1.0"]
    assert data["kind"]["code"] == "manual" and data["area"] == "IV"
    assert {"kind": "added", "text": "Codes of conduct for <public officials>", "old": None, "new": 2} in data["diff"]
    assert client.get(f"{API}/practical-measures?to=3.0").status_code == 422
    assert client.get(f"{API}/practical-measures/3.0").status_code == 404
    secret = client_as(secretariat).get(f"{API}/practical-measures").json()
    assert [version["label"] for version in secret["versions"]] == ["3.0", "2.0", "1.0"]
    assert client.get(f"{API}/practical-measures/1.0").json()["text"].startswith("Chapter 1.")
