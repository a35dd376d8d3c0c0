"""The legislative guide per article, /knowledge/legislation/guide/<instrument>/<article>: every State by
name with its treaty status (the treaty engine, from the synthetic list) and its implementing legislation
(published laws for the public, drafts too for the Secretariat), its filters, its 404s and its JSON twin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from ninja.testing import TestClient

from viennaplan.countries.registry import states
from viennaplan.knowledge.api_guide import router
from viennaplan.knowledge.guide import NotAGuide, instrument_and_article, serves, wider_articles
from viennaplan.knowledge.guide_views import guide_json, legislative_guide
from viennaplan.knowledge.legislation_csv import import_legislation
from viennaplan.knowledge.models import Law, LawArticle
from viennaplan.treaties.importer import import_status_list

pytestmark = [pytest.mark.django_db]

TREATY_LIST = Path(__file__).parent.parent / "treaties" / "data" / "synthetic_small.csv"
GUIDE = "/knowledge/legislation/guide/UNTOC/5"
FRENCH = {"None recorded": "Aucune enregistrée"}


@pytest.fixture
def laws(imported_plan, laws_file):
    """CHE: a party with a published law implementing UNTOC art. 5; FRA: a party whose only law citing
    it (5(1)) is a draft; CIV: a signatory with no law."""
    import_status_list(TREATY_LIST.read_bytes(), source_name=TREATY_LIST.name)
    import_legislation(laws_file, source_name="laws.csv")
    draft = Law.objects.get(state="FRA", key="CP-2001")
    LawArticle.objects.create(law=draft, instrument_id="UNTOC", article="5(1)")
    return draft


def row_of(body: str, alpha3: str) -> str:
    start = body.index(f'data-state="{alpha3}"')
    return body[start : body.index("</tr>", start)]


def shown_states(body: str) -> list[str]:
    table = body[body.index('id="guide-table"') :]
    return re.findall(r'<tr data-state="([A-Z]{3})"', table)


def test_the_guide_lists_states_with_and_without_legislation_with_their_treaty_status(laws, client):
    response = client.get(GUIDE)
    body = response.content.decode()
    assert response.status_code == 200
    che = row_of(body, "CHE")
    assert 'data-standing="party"' in che and "<td>Party " in che and "in force since" in che
    assert 'data-legislation="with"' in che and 'href="/knowledge/legislation/CHE/SR-514.54"' in che
    assert "AS-2008-5499" not in body  # it implements FIREARMS art. 8(1), not UNTOC art. 5
    civ = row_of(body, "CIV")
    assert 'data-standing="signatory"' in civ and "Signatory" in civ
    assert 'data-legislation="without"' in civ and "None recorded" in civ
    assert 'data-standing="none"' in row_of(body, "AUT")
    order = [info.alpha3 for info in states()]
    assert shown_states(body) == order  # every State, by name in the reader's language
    assert "1 State of" in body and "have recorded implementing legislation" not in body


def test_the_guide_for_a_protocol_article(laws, client):
    body = client.get("/knowledge/legislation/guide/firearms/5").content.decode()  # any case
    assert "Article 5 of FIREARMS" in body
    assert 'href="/knowledge/legislation/CHE/SR-514.54"' in row_of(body, "CHE")
    assert 'data-standing="none"' in row_of(body, "CHE")  # the synthetic list has no Firearms Protocol action
    whole = client.get("/knowledge/legislation/guide/FIREARMS/8").content.decode()
    assert 'href="/knowledge/legislation/CHE/AS-2008-5499"' in row_of(whole, "CHE")  # 8(1) is a part of 8


def test_the_filters(laws, client):
    parties = shown_states(client.get(GUIDE + "?standing=party").content.decode())
    assert "CHE" in parties and "FRA" in parties and "CIV" not in parties and "AUT" not in parties
    without = shown_states(client.get(GUIDE + "?legislation=without").content.decode())
    assert "CHE" not in without and "CIV" in without and "FRA" in without
    both = shown_states(client.get(GUIDE + "?standing=party&legislation=without").content.decode())
    assert "FRA" in both and "CHE" not in both and "CIV" not in both
    assert shown_states(client.get(GUIDE + "?legislation=with").content.decode()) == ["CHE"]
    bad = client.get(GUIDE + "?standing=friend")
    assert bad.status_code == 400 and "standing: &#x27;friend&#x27; is not one of party, signatory, none" in (
        bad.content.decode()
    )


def test_an_unknown_instrument_or_a_malformed_article_is_not_found(laws, client):
    unknown = client.get("/knowledge/legislation/guide/NOPE/5")
    assert unknown.status_code == 404
    assert "&#x27;NOPE&#x27; is not an instrument (known: UNTOC" in unknown.content.decode()
    malformed = client.get("/knowledge/legislation/guide/UNTOC/5x")
    assert malformed.status_code == 404
    assert "&#x27;5x&#x27; is not an article number such as 5, 5(1) or 5(1)(a)" in malformed.content.decode()
    assert client.get("/knowledge/legislation/guide/UNTOC/0").status_code == 404


def test_a_draft_law_is_hidden_from_the_public_and_counted_for_the_secretariat(
    laws, client, client_as, secretariat, focal_point_b
):
    for public in (client, client_as(focal_point_b)):
        body = public.get(GUIDE).content.decode()
        assert "CP-2001" not in body and 'data-legislation="without"' in row_of(body, "FRA")
        assert "drafts-note" not in body
    body = client_as(secretariat).get(GUIDE).content.decode()
    fra = row_of(body, "FRA")
    assert 'href="/knowledge/legislation/FRA/CP-2001"' in fra and "not published" in fra and "art. 5(1)" in fra
    assert 'data-legislation="with"' in fra and "drafts-note" in body
    assert "2 States of" in body
    assert "FRA" not in shown_states(client.get(GUIDE + "?legislation=with").content.decode())
    assert "FRA" in shown_states(client_as(secretariat).get(GUIDE + "?legislation=with").content.decode())


def test_the_json_twin_agrees_with_the_page(laws, client, secretariat):
    body = client.get(GUIDE + "?standing=party").content.decode()
    page_rows = [
        (alpha3, standing, legislation)
        for alpha3, standing, legislation in re.findall(
            r'<tr data-state="([A-Z]{3})" data-standing="(\w+)" data-legislation="(\w+)"', body
        )
    ]
    api = TestClient(router)
    answer = api.get("/legislation/guide/UNTOC/5?standing=party")
    assert answer.status_code == 200
    data = answer.json()
    assert data == guide_json(legislative_guide("UNTOC", "5", standing="party"))
    assert [(s["state"], s["standing"], "with" if s["has_legislation"] else "without") for s in data["states"]] == (
        page_rows
    )
    che = next(s for s in data["states"] if s["state"] == "CHE")
    assert [law["url"] for law in che["laws"]] == ["/knowledge/legislation/CHE/SR-514.54"]
    assert che["in_force"] and data["drafts_included"] is False
    fra = next(s for s in data["states"] if s["state"] == "FRA")
    assert fra["laws"] == [] and fra["has_legislation"] is False

    as_secretariat = api.get("/legislation/guide/UNTOC/5", user=secretariat).json()
    fra = next(s for s in as_secretariat["states"] if s["state"] == "FRA")
    assert [law["key"] for law in fra["laws"]] == ["CP-2001"] and fra["laws"][0]["published"] is False
    assert as_secretariat["drafts_included"] is True and as_secretariat["counts"]["with_legislation"] == 2

    missing = api.get("/legislation/guide/NOPE/5")
    assert missing.status_code == 404 and "is not an instrument" in missing.json()["detail"]
    assert api.get("/legislation/guide/UNTOC/5x").status_code == 404
    refused = api.get("/legislation/guide/UNTOC/5?legislation=maybe")
    assert refused.status_code == 422 and "legislation: 'maybe' is not one of with, without" in refused.json()["detail"]


def test_the_guide_in_french_and_in_arabic(laws, client, french):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    body = client.get(GUIDE).content.decode()
    assert '<html lang="fr" dir="ltr">' in body
    assert "Aucune enregistrée" in row_of(body, "CIV") and ">Suisse</a>" in row_of(body, "CHE")
    assert shown_states(body) == [info.alpha3 for info in states("fr")]

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    response = client.get(GUIDE)
    body = response.content.decode()
    assert response.status_code == 200 and 'dir="rtl"' in body
    assert ">سويسرا</a>" in row_of(body, "CHE") and 'href="/knowledge/legislation/CHE/SR-514.54"' in body
    assert shown_states(body) == [info.alpha3 for info in states("ar")]


def test_the_rules_are_plain_python(loads_only_translation):
    loads_only_translation(["viennaplan.knowledge.guide"])
    assert instrument_and_article("untoc", "5(1)(a)") == ("UNTOC", "5(1)(a)")
    with pytest.raises(NotAGuide):
        instrument_and_article("UNTOC", "five")
    assert wider_articles("5(1)(a)") == ["5", "5(1)"]
    assert serves("5", "5(1)") and serves("5(1)", "5") and serves("5", "5")
    assert not serves("5", "50") and not serves("5(1)", "5(2)")
